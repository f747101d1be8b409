# __slots__ members through the specialised slot loads and stores: every
# guard case (unset slot, deleted slot, __getattr__ fallback, a subclass, a
# sibling class at the same site, the class rebinding the name, slots next
# to a __dict__), and a member descriptor copied into an unrelated class,
# which must refuse that class's instances (CPython's TypeError).


class P:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    __slots__ = ('z',)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class R:
    __slots__ = ('y', 'x')  # same names, other offsets

    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(objs):
    s = 0
    for o in objs:
        s += o.x * 10 + o.y
    return s


def bump(objs, k):
    for o in objs:
        o.x = o.x + k
        o.y = k


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


ps = [P(i, i + 1) for i in range(50)]
print(total(ps))
bump(ps, 3)
print(total(ps))
mixed = [P(1, 2), Q(3, 4, 5), R(6, 7)] * 20
print(total(mixed))
bump(mixed, 2)
print(total(mixed), [(o.x, o.y) for o in mixed[:3]])

# Unset and deleted slots: AttributeError from the specialised site.
def read_x(o):
    return o.x


for _ in range(40):
    read_x(ps[0])
p = P(1, 2)
del p.x
show(lambda: read_x(p))
show(lambda: P.__new__(P).y)
del ps[1].y
show(lambda: total(ps))


class G(P):
    __slots__ = ()

    def __getattr__(self, name):
        return 'fallback ' + name


g = G.__new__(G)
show(lambda: read_x(g))
g.x = 9
show(lambda: read_x(g))

# The class rebinds the name: a property replaces the slot.
class S:
    __slots__ = ('v',)

    def __init__(self):
        self.v = 1


def get_v(o):
    return o.v


def set_v(o, val):
    o.v = val


s = S()
for i in range(40):
    set_v(s, i)
    get_v(s)
print(get_v(s))
S.v = property(lambda self: 'property', lambda self, val: print('setter', val))
print(get_v(s))
set_v(s, 5)

# Slots next to a __dict__.
class D:
    __slots__ = ('a', '__dict__')

    def __init__(self):
        self.a = 1
        self.b = 2


ds = [D() for _ in range(30)]
for d in ds:
    d.a += d.b
print(sum(d.a for d in ds), ds[0].__dict__)

# A member descriptor copied into an unrelated class.
class A:
    __slots__ = ('x',)


class B:
    x = A.x


b = B()
show(lambda: read_x(b))
show(lambda: setattr(b, 'x', 5))
show(lambda: A.x.__get__(1))
show(lambda: A.x.__set__(1, 2))
show(lambda: A.x.__delete__(b))
show(lambda: total([A(), b]))
for _ in range(40):
    o = P(1, 2)
    read_x(o)
show(lambda: read_x(b))

# __class__ assignment between classes that add the same __slots__.
class P2:
    __slots__ = ('x', 'y')


class P3:
    __slots__ = ('y', 'x')


class P4:
    __slots__ = ('x', 'y', '__dict__')


class QQ(P2):
    __slots__ = ('z',)


p = P(5, 6)
for i in range(30):
    read_x(p)
p.__class__ = P2
print(type(p).__name__, read_x(p), p.y)
show(lambda: setattr(p, '__class__', P3))
show(lambda: setattr(p, '__class__', P4))
q = Q(1, 2, 3)
show(lambda: setattr(q, '__class__', QQ))
show(lambda: setattr(q, '__class__', P2))

# Slots are laid out and listed in sorted order; __slots__ keeps its own.
class T:
    __slots__ = ('y', 'x', '__weakref__', 'a')


print(list(T.__dict__), T.__slots__)
t = T()
t.y, t.x, t.a = 1, 2, 3
print(t.__getstate__(), t.__reduce_ex__(2)[2])
import weakref
print(weakref.ref(t)() is t, T.__weakref__.__get__(t) is not None)
