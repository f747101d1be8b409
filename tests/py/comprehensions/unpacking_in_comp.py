pairs = [(1, "a"), (2, "b")]
print([f"{n}{s}" for n, s in pairs])
print([(a, rest) for a, *rest in [(1, 2, 3), (4,)]])
print([x for (x, _), _ in [((1, 2), 3), ((4, 5), 6)]])
print({k: v for k, v in enumerate("xyz", start=1)})
print([[*r, 0] for r in [[1], [2, 3]]])
print([{**d, "z": 0} for d in [{"a": 1}, {}]])
