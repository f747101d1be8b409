# Hot sites that store new attributes (self.x = ... in __init__, the first
# store of a name), while the class, the instance __dict__ and the attribute
# hooks change under them.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tag = "p"


def make(n, cls=Point):
    return [cls(i, -i) for i in range(n)]


pts = make(50)
print(sorted(pts[7].__dict__.items()), list(pts[7].__dict__))
print(sum(p.x + p.y for p in pts), pts[-1].tag)

# A store by key replaces an attribute that is already there (the same site
# reached on an object that has it).
p = pts[3]
for i in range(40):
    Point.__init__(p, i, i * 2)
print(p.x, p.y, list(p.__dict__))


# A data descriptor defined later on the class takes the stores.
def set_x(self, v):
    self.__dict__["_x"] = v * 10


Point.x = property(lambda self: self.__dict__["_x"], set_x)
q = make(30)[5]
print(q.x, sorted(q.__dict__))
del Point.x
print(make(30)[6].x)

# A non-data descriptor (no __set__) does not: the instance dict gets it.
Point.y = staticmethod(lambda: "static")
r = make(30)[8]
print(r.y, r.__dict__["y"])
del Point.y


# __setattr__ added to the class later.
def loud_setattr(self, name, value):
    object.__setattr__(self, name, (name, value))


Point.__setattr__ = loud_setattr
print(make(30)[9].x)
del Point.__setattr__
print(make(30)[9].x)


# Subclasses and siblings at one site, one of them with __slots__ and no
# __dict__, one with a __setattr__ of its own.
class Sub(Point):
    pass


class Slotted:
    __slots__ = ("x", "y")


class Fixed:
    __slots__ = ("x",)


class Counting(Point):
    count = 0

    def __setattr__(self, name, value):
        Counting.count += 1
        super().__setattr__(name, value)


def init_any(obj, a, b):
    obj.x = a
    obj.y = b
    return obj


for cls in [Point, Sub, Point, Slotted, Counting, Sub] * 10:
    o = init_any(cls.__new__(cls), 1, 2)
print(o.x, o.y, type(o).__name__, Counting.count)
try:
    init_any(Fixed(), 1, 2)
except AttributeError as e:
    print("AttributeError:", e)

# A replaced __dict__ (also a dict subclass) receives the later stores.
objs = make(20)
for i, o in enumerate(objs):
    o.__dict__ = {"old": i} if i % 2 else type("D", (dict,), {})(old=i)
    Point.__init__(o, i, i)
print([sorted(o.__dict__.items()) for o in objs[:3]], type(objs[0].__dict__).__name__)


# An instance dict holding a non-str key whose hash collides with the name:
# the store compares with it (running its __eq__), as the generic path does.
class Collider:
    def __init__(self, name, fail):
        self.name = name
        self.fail = fail

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        if self.fail:
            raise ValueError("eq of " + self.name)
        return False


def store_z(obj, v):
    obj.z = v


warm = make(30)
for o in warm:
    store_z(o, 1)
o = Point(0, 0)
o.__dict__[Collider("z", False)] = "c"
store_z(o, 5)
print(o.z, len(o.__dict__))
o = Point(0, 0)
o.__dict__[Collider("z", True)] = "c"
try:
    store_z(o, 6)
except ValueError as e:
    print("ValueError:", e)

# Names built at run time are stored under the interned name.
for o in warm[:3]:
    setattr(o, "".join(["w", "x"]), 7)
    store_z(o, 8)
print(warm[0].wx, warm[0].z, sorted(warm[0].__dict__))

# Deleting attributes from a fresh object, and the error for a missing one.
o = Point(1, 2)
del o.x
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
o2 = Point.__new__(Point)
try:
    del o2.x
except AttributeError as e:
    print("AttributeError:", e)
print(o.__dict__, o2.__dict__)
