# Bound methods pickle by reference as getattr(receiver, name), at every
# protocol, through both the native and the pure-Python Pickler; copy and
# deepcopy of bound methods; module-level builtins pickle as globals.
import copy
import io
import math
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def helper(v):
        return v * 2

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Outer:
    class Inner:
        def who(self):
            return "inner"


class Holder:
    """An object whose attribute is its own bound method (a cycle)."""

    def __init__(self):
        self.cb = self.ping

    def ping(self):
        return "pong"


class MyList(list):
    def total(self):
        return sum(self)


p = Point(3, 4)
cases = [
    ("instance method", p.norm2),
    ("classmethod", Point.origin),
    ("staticmethod", Point.helper),
    ("nested class", Outer.Inner().who),
    ("list.append", [1, 2].append),
    ("str.join", ",".join),
    ("dict.get", {"k": 1}.get),
    ("builtin subclass", MyList([1, 2, 3]).total),
    ("subclass builtin method", MyList([5]).append),
    ("len", len),
    ("math.sqrt", math.sqrt),
    ("int.from_bytes", int.from_bytes),
    ("dict.fromkeys", dict.fromkeys),
]

for label, obj in cases:
    print(label)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(obj, proto)
        pure = io.BytesIO()
        pickle._Pickler(pure, proto).dump(obj)
        print(" ", proto, data)
        print("    same from pure pickler:", pure.getvalue() == data)
        back = pickle.loads(data)
        back2 = pickle._loads(data)
        print("    type:", type(back).__name__, type(back2).__name__,
              "name:", back.__name__)
    if hasattr(obj, "__self__"):
        r = obj.__reduce__()
        print("  reduce:", r if isinstance(r, str) else (r[0].__name__, r[1][1:]))

# The reconstructed methods work.
print(pickle.loads(pickle.dumps(p.norm2))())
print(pickle.loads(pickle.dumps(Point.origin))())
print(pickle.loads(pickle.dumps(Outer.Inner().who))())
print(pickle.loads(pickle.dumps(MyList([1, 2, 3]).total))())
lst = [1]
app = pickle.loads(pickle.dumps(lst.append))
app(2)
print(app.__self__)
print(pickle.loads(pickle.dumps(math.sqrt))(16.0))

# A receiver that holds its own bound method: the memo keeps one object.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    h = pickle.loads(pickle.dumps(Holder(), proto))
    print(proto, h.cb(), h.cb.__self__ is h)
    m = pickle.loads(pickle.dumps(Holder().cb, proto))
    print(proto, m(), m.__self__.cb.__self__ is m.__self__)

# Two methods of one receiver share it after a round trip.
pair = pickle.loads(pickle.dumps((p.norm2, p.__repr__)))
print(pair[0].__self__ is pair[1].__self__, pair[1]())

# copy and deepcopy.
c = copy.copy(p.norm2)
print(c == p.norm2, c.__self__ is p, c())
d = copy.deepcopy(p.norm2)
print(d == p.norm2, d.__self__ is p, d.__self__.x, d())
lst2 = [7]
print(copy.copy(lst2.append).__self__ is lst2, copy.deepcopy(lst2.append).__self__ is lst2)
print(copy.copy(Point.origin)(), copy.deepcopy(Point.origin)())
print(copy.copy(len) is len, copy.deepcopy(math.sqrt) is math.sqrt)

# A renamed function is looked up under its new name, which fails on load.
def renamed(self):
    return 1


Point.alias = renamed
renamed.__name__ = "no_such_method"
data = pickle.dumps(p.alias)
print(data)
try:
    pickle.loads(data)
except AttributeError as e:
    print("AttributeError:", e)

# An unpicklable receiver names itself, not the method.
gen = (i for i in range(3))


class G:
    def m(self):
        pass


g = G()
g.gen = gen
try:
    pickle.dumps(g.m)
except TypeError as e:
    print("TypeError:", e)
print(pickle.dumps(print), pickle.dumps(print, 0))
