# pickle.dumps gives the same bytes as CPython's C pickler, for many kinds
# of objects and every protocol; loads of those bytes gives the object back.
import pickle
import collections
import datetime


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __getstate__(self):
        return (None, {"a": self.a, "b": self.b})

    def __eq__(self, other):
        return type(other) is Slotted and (self.a, self.b) == (other.a, other.b)


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v,), None, None, None)

    def __eq__(self, other):
        return type(other) is Reduced and self.v == other.v


class MyList(list):
    pass


shared = ["shared"]
OBJECTS = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2 ** 31, 2 ** 31, 2 ** 64, -(2 ** 100),
    0.0, -1.5, 1e100, "", "a", "caf\u00e9", "\U0001f600", "x" * 260, b"", b"ab", b"y" * 300,
    bytearray(b"ba"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, "a", None], {}, {"k": [1, 2]},
    set(), {1}, frozenset(), frozenset({2}), [shared, shared, (shared,)], Point(1, "p"), Slotted(1, 2),
    Reduced(3), MyList([1]), collections.OrderedDict(a=1), complex(1, -2), len, Point, int, type(None),
    datetime.date(2020, 1, 2), list(range(1200)), {i: str(i) for i in range(40)},
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for i, obj in enumerate(OBJECTS):
        try:
            data = pickle.dumps(obj, protocol=proto)
        except Exception as e:
            print(proto, i, "dumps", type(e).__name__)
            continue
        back = pickle.loads(data)
        same = back == obj or (back is obj) or repr(back) == repr(obj)
        if proto < 3 and isinstance(obj, (bytes, bytearray, datetime.date)):
            # These name codecs.encode, which is _codecs.encode on CPython
            # and a Python function in ftpy's lib/codecs.py.
            print(proto, i, same)
            continue
        print(proto, i, len(data), data if len(data) < 120 else data[:60] + b"..." + data[-30:], same)

# Recursive structures.
l = []
l.append(l)
d = {}
d[1] = d
for proto in range(6):
    print(proto, pickle.dumps(l, proto), pickle.dumps(d, proto))
