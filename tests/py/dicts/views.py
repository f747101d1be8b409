d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(list(k), list(v), list(i))
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), i & {("a", 1)})
print(sorted(k | ["x"]), k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k.isdisjoint(["q"]))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(v == v, d.values() == d.values())
m = k.mapping
print(type(m).__name__, m["a"])
