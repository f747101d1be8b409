d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, 1 in d, list(d))
del d["b"]
print(d)
try:
    d["zz"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d[[1]] = 2
except TypeError as e:
    print(type(e).__name__)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, k2=2), dict(zip("ab", [1, 2])), dict())
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1])
except TypeError as e:
    print(type(e).__name__, e)
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): "t"}, {None: 0, "": 1, 0: 2})
