# Built-in objects pickle by reference: Ellipsis and NotImplemented by name,
# built-in functions by name, bound built-in methods as getattr(self, name).
import collections
import decimal
import fractions
import math
import pickle

print(Ellipsis.__reduce__(), NotImplemented.__reduce__(), len.__reduce__(), math.sqrt.__reduce__())
print([].append.__reduce__()[0] is getattr, {}.get.__reduce__()[1], "ab".upper.__reduce__()[1])
objs = [Ellipsis, NotImplemented, len, math.sqrt, pickle.dumps, type(None), type(...),
        type(NotImplemented), range(1, 10, 2), slice(1, 2, 3), 1 + 2j, bytearray(b"x"),
        collections.deque([1], maxlen=5), collections.OrderedDict(a=1), collections.Counter("ab"),
        fractions.Fraction(1, 3), decimal.Decimal("1.5"), frozenset({1}), [..., NotImplemented]]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objs:
        r = pickle.loads(pickle.dumps(o, proto))
        if not (r is o or r == o):
            print("MISMATCH", proto, repr(o), repr(r))
print("round trips done")
for proto in (0, 2, 4):
    print(pickle.dumps([..., NotImplemented, len], proto))
m = pickle.loads(pickle.dumps([1, 2].index))
print(m(2), m.__self__)
s = pickle.loads(pickle.dumps({"k": 5}.get, 2))
print(s("k"), s("z", 0))
print(pickle.loads(pickle.dumps(math.sqrt))(16))
