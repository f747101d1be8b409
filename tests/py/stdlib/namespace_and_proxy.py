# types.SimpleNamespace copies and pickles through __reduce__
# (type, (), __dict__); a mappingproxy's str() is its mapping's.
import copy
import pickle
import types

ns = types.SimpleNamespace(a=1, b=[2])
c = copy.copy(ns)
d = copy.deepcopy(ns)
print(c, c == ns, c.b is ns.b, d.b is ns.b, d == ns)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    r = pickle.loads(pickle.dumps(ns, proto))
    print(proto, r, r == ns)
red = ns.__reduce__()
print(red[0] is types.SimpleNamespace, red[1], red[2] is ns.__dict__)


class Sub(types.SimpleNamespace):
    pass


s = Sub(x=1)
print(copy.copy(s), type(copy.deepcopy(s)).__name__, pickle.loads(pickle.dumps(s)))

mp = types.MappingProxyType({"a": 1, "b": [2]})
print(mp, str(mp), repr(mp), f"{mp}", "%s" % (mp,))
print(str(types.MappingProxyType({})), str(type.__dict__["__doc__"]) != "")
print(str(int.__dict__)[:1], repr(int.__dict__)[:13])
