a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a)
a |= b
print(a)
a |= [("w", 0)]
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
print({**a, **b, "extra": 1})
from collections import OrderedDict, defaultdict
print(type(defaultdict(int) | {"a": 1}).__name__, list((OrderedDict(a=1) | {"b": 2}).items()))
