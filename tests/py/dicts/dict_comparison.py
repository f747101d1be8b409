print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 1} != {1: 1.0}, {} == dict())
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print(type(e).__name__, e)
print({"a": [1]} == {"a": [1]}, {"a": 1} == {"a": 1, "b": 2})
from collections import OrderedDict
o1, o2 = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(o1 == o2, dict(o1) == dict(o2), o1 == {"b": 2, "a": 1})
