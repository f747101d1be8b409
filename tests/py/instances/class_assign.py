# __class__ assignment between classes whose instances store the same
# attributes in different orders, then reads/writes/deletes; call sites that
# see instances of sibling classes (and base/subclass instances) with
# different attribute orders, run often enough to be specialised.


class A:
    def __init__(self):
        self.x = "ax"
        self.y = "ay"
        self.z = "az"

    def who(self):
        return "A"


class B:
    def __init__(self):
        self.z = "bz"
        self.y = "by"
        self.x = "bx"

    def who(self):
        return "B"


a = A()
print(vars(a), a.who())
a.__class__ = B
print(type(a).__name__, a.who(), vars(a), a.x, a.y, a.z)
a.w = "new after switch"
a.x = "x2"
print(list(vars(a)), a.w, a.x)
del a.y
print(list(vars(a)), hasattr(a, "y"))
a.__class__ = A
a.y = "y3"
print(list(vars(a)), a.who(), a.y, a.w)
# A B instance that never had A's layout gets A's methods but keeps its order.
b = B()
b.__class__ = A
print(list(vars(b)), b.who(), b.x)
b.q = 1
print(list(vars(b)))

# Switch back and forth in a loop, reading at a fixed site each time.
def read_xyz(o):
    return o.x + o.y + o.z


c = A()
out = set()
for i in range(400):
    c.__class__ = B if i % 2 else A
    out.add((c.who(), read_xyz(c)))
    if i == 200:
        c.x = "X"
print(sorted(out))

# vars() taken before the switch stays the same object afterwards.
d = A()
dd = vars(d)
d.__class__ = B
d.extra = 1
print(dd is vars(d), dd)


# Siblings with different orders at shared sites.
class Base:
    pass


class S1(Base):
    def __init__(self, i):
        self.x = i
        self.y = 2 * i


class S2(Base):
    def __init__(self, i):
        self.y = 2 * i
        self.x = i


class S3(Base):
    def __init__(self, i):
        self.pad = None
        self.x = i
        self.y = 2 * i


class S1Sub(S1):
    def __init__(self, i):
        self.first = "sub"
        super().__init__(i)


def get_x(o):
    return o.x


def get_y(o):
    return o.y


def set_x(o, v):
    o.x = v


def plain_base(i):
    o = Base()
    if i % 2:
        o.y = 2 * i
        o.x = i
    else:
        o.x = i
        o.y = 2 * i
    return o


kinds = [S1, S2, S3, S1Sub, plain_base]
objs = [kinds[i % 5](i) for i in range(50)]
sx = sy = 0
for rnd in range(200):
    for o in objs:
        sx += get_x(o)
        sy += get_y(o)
print("sums", sx, sy)
# Phased: a site warmed on one class, then fed the others.
def get_x2(o):
    return o.x


for _ in range(300):
    get_x2(objs[0])
print([get_x2(o) for o in objs[:10]])
# Stores at a shared site, then reads; include instances whose dict was
# materialised (vars() called) and ones that were not.
for i, o in enumerate(objs):
    if i % 3 == 0:
        vars(o)
for rnd in range(200):
    for o in objs:
        set_x(o, rnd)
print(sum(get_x(o) for o in objs), [list(vars(o)) for o in objs[:5]])

# A site that reads a missing attribute on some objects.
def get_maybe(o):
    try:
        return o.maybe
    except AttributeError:
        return "missing"


for i, o in enumerate(objs):
    if i % 4 == 0:
        o.maybe = i
res = []
for rnd in range(200):
    res = [get_maybe(o) for o in objs]
print(res[:9])
for i, o in enumerate(objs):
    if i % 8 == 0:
        del o.maybe
print([get_maybe(o) for o in objs[:17]])

pool = [A() for _ in range(3)]
try:
    pool[0].__class__ = int
except TypeError as e:
    print("TypeError:", e)


class Slotted:
    __slots__ = ("x",)


try:
    pool[0].__class__ = Slotted
except TypeError as e:
    print("TypeError:", e)
