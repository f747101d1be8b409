print({x % 3: x for x in range(10)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({1: "int", 1.0: "float", True: "bool"})
print({k.lower(): k for k in ["A", "a", "B"]})
inv = {"x": 1, "y": 2, "z": 1}
rev = {}
for k, v in inv.items():
    rev.setdefault(v, []).append(k)
print(rev, {v: [k for k in inv if inv[k] == v] for v in inv.values()})
