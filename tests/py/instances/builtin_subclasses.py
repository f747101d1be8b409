# Instance attributes on objects whose class is not a plain object subclass:
# __slots__ with '__dict__', subclasses of list/dict/int/str/tuple/Exception,
# dataclasses, namedtuple subclasses with extra attributes.
import collections
import dataclasses


class SD:
    __slots__ = ("a", "__dict__")


s = SD()
print(vars(s))
s.a = 1
s.b = 2
s.c = 3
print(s.a, s.b, vars(s), "a" in vars(s))
d = s.__dict__
s.__dict__["e"] = 5
print(s.e, d is s.__dict__)
del s.b
s.b = "b2"
print(vars(s))
s.__dict__ = {"z": 26}
print(s.a, s.z, vars(s), hasattr(s, "c"))
del s.a
print(hasattr(s, "a"), vars(s))
for i in range(40):
    setattr(s, f"k{i}", i)
print(len(vars(s)), s.k39, s.z)


class SDSub(SD):
    __slots__ = ("extra",)

    def __init__(self):
        self.extra = "slot"
        self.dyn = "dict"
        self.a = "slot-a"


ss = SDSub()
print(vars(ss), ss.extra, ss.a, ss.dyn)


class L(list):
    pass


lst = L([3, 1, 2])
lst.tag = "t"
lst.sort()
lst.n = len(lst)
print(lst, lst.tag, vars(lst))
lst2 = L(x * 2 for x in lst)
print(type(lst2).__name__, vars(lst2), lst2[:])
lst.__dict__["via"] = 1
print(lst.via, vars(lst))


class D(dict):
    pass


dd = D(a=1)
dd.a = "attr"
dd["b"] = 2
print(dd, dd.a, vars(dd), dd["a"])
del dd.a
print(hasattr(dd, "a"), dd)
dd.__dict__ = {"x": 9}
print(dd.x, dict(dd))


class I(int):
    pass


i = I(7)
i.unit = "cm"
print(i + 1, i.unit, vars(i), type(i + 1).__name__)


class S(str):
    def __new__(cls, v, note):
        self = super().__new__(cls, v)
        self.note = note
        return self


st = S("hello", "greeting")
st.more = 1
print(st, st.note, vars(st), st.upper(), type(st.upper()).__name__)


class T(tuple):
    pass


t = T((1, 2))
t.label = "pair"
print(t, t.label, vars(t))


class MyErr(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


try:
    raise MyErr("boom", 42)
except MyErr as e:
    e.extra = "x"
    print(e, e.args, e.code, e.extra, vars(e))
    e.__dict__["late"] = 1
    print(e.late, sorted(vars(e)))
e2 = ValueError("v")
e2.custom = 1
print(vars(e2), e2.custom)
try:
    raise KeyError("k")
except KeyError as e:
    e.note = "n"
    print(repr(e), vars(e))


@dataclasses.dataclass
class DC:
    x: int
    y: str = "y"
    z: list = dataclasses.field(default_factory=list)


dc = DC(1)
print(dc, vars(dc), list(dc.__dict__))
dc.w = "extra"
print(dc, vars(dc), dataclasses.asdict(dc))
dc2 = dataclasses.replace(dc, x=5)
print(dc2, vars(dc2))
print(dc == DC(1), DC(1) == DC(1, "y", []))


@dataclasses.dataclass(frozen=True)
class Frozen:
    a: int
    b: int = 2


fz = Frozen(1)
print(fz, vars(fz))
try:
    fz.a = 3
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
object.__setattr__(fz, "c", 3)
print(vars(fz), hash(fz) == hash(Frozen(1)))


@dataclasses.dataclass(slots=True)
class DCSlots:
    p: int
    q: int = 0


dcs = DCSlots(1)
print(dcs, hasattr(dcs, "__dict__"))
try:
    dcs.r = 1
except AttributeError as e:
    print("AttributeError", e)

Pt = collections.namedtuple("Pt", "x y")


class Pt3(Pt):
    def norm(self):
        return self.x + self.y


p = Pt3(1, 2)
p.z = 3
print(p, p.x, p.z, vars(p), p.norm(), p._asdict())
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
p2 = p._replace(x=10)
print(p2, vars(p2), type(p2).__name__)


class PtSlots(Pt):
    __slots__ = ()


ps = PtSlots(1, 2)
try:
    ps.z = 3
except AttributeError as e:
    print("AttributeError", e)

# Builtin subclass instances at a shared reading site.
def tag_of(o):
    return o.tag


objs = [L(), D(), I(3), S("s", "n"), T(), MyErr("m", 1), SD()]
for k, o in enumerate(objs):
    o.tag = k
tot = 0
for _ in range(200):
    for o in objs:
        tot += tag_of(o)
print("tags", tot, [vars(o) for o in objs])
