print(dict(a=1), dict({"a": 1}), dict([["k", "v"]]), dict(((1, 2),)), dict(zip(range(3), "abc")), dict(enumerate("xy")))
class Mapping:
    def keys(self): return ["p", "q"]
    def __getitem__(self, k): return k * 2
print(dict(Mapping()), {**Mapping()})
try:
    dict(["ab", "cde"])
except ValueError as e:
    print(type(e).__name__, e)
print(dict(["ab", "cd"]))
try:
    dict(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
