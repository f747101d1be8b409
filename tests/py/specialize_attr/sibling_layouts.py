# Hot load and store sites shared by sibling classes whose instances keep the
# same attribute names at different places in their __dict__ (set in another
# order), and by others where the name is a class attribute, a property, or
# missing.


class Base:
    kind = "class-level"

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Late(Base):
    def __init__(self, a, b):
        self.extra = 0
        self.more = 1
        Base.__init__(self, a, b)


class Reversed(Base):
    def __init__(self, a, b):
        self.b = b
        self.a = a


class Prop(Base):
    @property
    def a(self):
        return "prop-a"

    @a.setter
    def a(self, v):
        self.__dict__["_a"] = v


class NoB(Base):
    def __init__(self, a):
        self.a = a


def read(o):
    return o.a, o.b


def read_kind(o):
    return o.kind


def bump(o, k):
    o.b = k
    return o.b


objs = [Base(1, 2), Late(3, 4), Reversed(5, 6), Prop(7, 8)]
out = []
for i in range(60):
    o = objs[i % len(objs)]
    out.append(read(o))
    out.append(bump(o, i))
print(out[:8], out[-8:])
print([sorted(o.__dict__.items()) for o in objs])

# A name missing from the instance: the class attribute, then an instance one.
n = NoB(9)
for i in range(30):
    r = read_kind(objs[i % len(objs)])
print(r, read_kind(n))
n.kind = "instance-level"
print(read_kind(n), [read_kind(o) for o in objs])
try:
    read(n)
except AttributeError as e:
    print("AttributeError:", e)
bump(n, 10)
print(read(n))

# An attribute deleted between executions, then the class attribute shows.
o = Reversed(1, 2)
for i in range(30):
    read(o)
del o.a
Base.a = "from-class"
print(read(o))
del Base.a
try:
    read(o)
except AttributeError as e:
    print("AttributeError:", e)

# The dict replaced by one with another layout.
o = Base(1, 2)
for i in range(30):
    read(o)
    bump(o, i)
o.__dict__ = {"z": 0, "b": "new-b", "a": "new-a"}
print(read(o), bump(o, 99), o.__dict__)
