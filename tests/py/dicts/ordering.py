d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d))
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 1
print(list(d), list(d.values()))
d2 = dict(sorted(d.items()))
print(d2, d == d2, list(d) == list(d2))
print({3: "c", 1: "a", 2: "b"}, dict.fromkeys("hello"))
d = {i: None for i in range(1000)}
for i in range(0, 1000, 2):
    del d[i]
print(list(d)[:5], len(d))
d.update({0: "x"})
print(list(d)[-1])
