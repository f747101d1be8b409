d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", "dflt"), d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("n"), d.pop("zz", "missing"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d)
e = {}
try:
    e.popitem()
except KeyError as ex:
    print(type(ex).__name__, ex)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)
c = d.copy()
c["new"] = 1
print("new" in d, len(c))
d.clear()
print(d)
