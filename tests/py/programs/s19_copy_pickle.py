import copy
import pickle
import copyreg
import io


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)


class Polygon:
    def __init__(self, pts, name):
        self.pts = pts
        self.name = name
        self.cache = {"area": None}

    def __copy__(self):
        print("  Polygon.__copy__")
        new = Polygon.__new__(Polygon)
        new.__dict__.update(self.__dict__)
        new.cache = {"area": None}
        return new

    def __deepcopy__(self, memo):
        print("  Polygon.__deepcopy__, memo has", len(memo) > 0)
        new = Polygon(copy.deepcopy(self.pts, memo), self.name + "'")
        return new


class Conn:
    """Holds an unpicklable handle: drops it when pickled, reopens after."""

    def __init__(self, url):
        self.url = url
        self.handle = open  # stand-in for something unpicklable
        self.count = 0

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["handle"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.handle = "reopened"


class Temperature:
    __slots__ = ("celsius",)

    def __init__(self, c):
        self.celsius = c

    def __reduce__(self):
        return (Temperature, (self.celsius,))

    def __repr__(self):
        return f"Temperature({self.celsius})"


class Frozen(tuple):
    def __new__(cls, *items):
        return super().__new__(cls, items)

    def __getnewargs__(self):
        return tuple(self)


class Vec:
    def __init__(self, *c):
        self.c = c


def reduce_vec(v):
    return (Vec, v.c)


copyreg.pickle(Vec, reduce_vec)

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, s, d, s[1] is a[1], d[1] is a[1])

shared = [0]
nested = [shared, shared, {"again": shared}]
dc = copy.deepcopy(nested)
print(dc[0] is dc[1] is dc[2]["again"], dc[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc, repr(cc))

poly = Polygon([Point(0, 0), Point(1, 0), Point(0, 1)], "tri")
poly.cache["area"] = 0.5
p1 = copy.copy(poly)
p2 = copy.deepcopy(poly)
print(p1.pts is poly.pts, p1.cache, p2.pts == poly.pts, p2.pts[0] is poly.pts[0], p2.name)
print(copy.copy(5) is 5 if False else copy.copy((1, 2)), copy.deepcopy((1, [2]))[1] is not None, copy.copy(frozenset({1})))

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps({"pts": [Point(1, 2)], "t": Temperature(21.5), "f": Frozen(1, 2), "s": {1, 2}, "b": b"x", "n": None,
                         "big": 2 ** 100, "fl": 1.5, "c": 1 + 2j, "v": Vec(3, 4)}, protocol=proto)
    back = pickle.loads(blob)
    print(proto, back["pts"], back["t"], back["f"], type(back["f"]).__name__, back["s"], back["big"], back["c"], back["v"].c)

c = Conn("db://x")
c.count = 3
c2 = pickle.loads(pickle.dumps(c))
print(c2.url, c2.count, c2.handle)
c3 = copy.copy(c)
print(c3.handle, c3.count)

obj = [Point(1, 1)]
obj.append(obj)
rt = pickle.loads(pickle.dumps(obj))
print(rt[1] is rt, rt[0])

buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump("first")
p.dump([1, 2])
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())
try:
    u.load()
except EOFError as e:
    print("EOFError", e)

for bad in [lambda: 0, (x for x in []), open]:
    try:
        pickle.dumps(bad)
    except (pickle.PicklingError, TypeError, AttributeError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0][:60])
try:
    pickle.loads(b"\x80\x04garbage")
except Exception as e:
    print(type(e).__name__)


class Local:
    pass


try:
    pickle.dumps(Local)
    print("class pickled by reference")
except Exception as e:
    print(type(e).__name__, e)


def make_local():
    class Inner:
        pass
    return Inner()


try:
    pickle.dumps(make_local())
except (AttributeError, pickle.PicklingError) as e:
    print(type(e).__name__, e)
print(pickle.loads(pickle.dumps(Point)) is Point, pickle.loads(pickle.dumps(len)) is len)
print(copy.deepcopy(Temperature(3)), copy.copy(Frozen(5, 6)), copy.deepcopy(Vec(1)).c)
