import dataclasses, inspect, sys, weakref, functools
from collections import OrderedDict

class Field:
    _counter = 0
    def __init__(self, kind, *, default=None, validator=None):
        self.kind, self.default, self.validator = kind, default, validator
        Field._counter += 1
        self.order = Field._counter
    def __set_name__(self, owner, name):
        self.name, self.owner = name, owner.__name__
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        if self.validator and not self.validator(value):
            raise ValueError(f"{self.owner}.{self.name}: invalid value {value!r}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        raise AttributeError(f"cannot delete {self.name}")
    def __repr__(self):
        return f"<Field {self.owner}.{self.name}: {self.kind.__name__}>"

class ModelMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print(f"prepare {name} {sorted(kw)}")
        return OrderedDict()
    def __new__(mcs, name, bases, ns, *, table=None, **kw):
        fields = [k for k, v in ns.items() if isinstance(v, Field)]
        cls = super().__new__(mcs, name, bases, dict(ns), **kw)
        cls._fields = tuple(f for b in reversed(cls.__mro__[1:]) for f in getattr(b, "_fields", ())) + tuple(fields)
        cls._table = table or name.lower() + "s"
        return cls
    def __init__(cls, name, bases, ns, **kw):
        kw.pop("table", None)
        super().__init__(name, bases, ns, **kw)
    def __call__(cls, *args, **kw):
        obj = super().__call__(*args, **kw)
        cls._instances.append(weakref.ref(obj)) if hasattr(cls, "_instances") else None
        return obj
    def __repr__(cls):
        return f"<model {cls.__name__} table={cls._table}>"
    def __instancecheck__(cls, inst):
        return type.__instancecheck__(cls, inst) or getattr(inst, "_duck", None) == cls.__name__
    def __len__(cls):
        return len(cls._fields)

class Model(metaclass=ModelMeta):
    registry = {}
    def __init_subclass__(cls, /, abstract=False, **kw):
        super().__init_subclass__(**kw)
        if not abstract:
            Model.registry[cls.__name__] = cls
        cls._instances = []
    def __init__(self, **kw):
        for f in self._fields:
            if f in kw:
                setattr(self, f, kw.pop(f))
        if kw:
            raise TypeError(f"unexpected fields: {', '.join(sorted(kw))}")
    def __repr__(self):
        return f"{type(self).__name__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields) + ")"
    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)
    __hash__ = None
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"

class Base(Model, abstract=True, table="base"):
    id = Field(int, default=0, validator=lambda v: v >= 0)

class User(Base):
    name = Field(str, default="")
    age = Field(int, default=0, validator=lambda v: 0 <= v < 200)

class Admin(User, table="admins"):
    level = Field(int, default=1)

u = User(id=1, name="ann", age=30)
a = Admin(id=2, name="root", level=9)
print(u, a, User, Admin, len(Admin), Admin._fields)
print(sorted(Model.registry), User["x"], Model[int], isinstance(u, Base), isinstance(a, User))
class Duck: _duck = "User"
print(isinstance(Duck(), User), issubclass(Duck, User))
for bad in [dict(age="x"), dict(age=500), dict(id=-1), dict(nope=1)]:
    try:
        User(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del u.name
except AttributeError as e:
    print("AE", e)
print(User.name, User.__dict__["age"].order < User.__dict__["name"].order, u == User(id=1, name="ann", age=30), u != a)
try:
    hash(u)
except TypeError as e:
    print("TE", e)
print(len(User._instances), type(User).__mro__, [c.__name__ for c in Admin.__mro__])
print(inspect.getmembers(User, lambda m: isinstance(m, Field)))
class Slots:
    __slots__ = ("x", "__weakref__")
    def __init__(self): self.x = 1
s = Slots()
try:
    s.y = 2
except AttributeError as e:
    print("AE", e)
print(Slots.x, weakref.ref(s)() is s, hasattr(s, "__dict__"))
@dataclasses.dataclass(slots=True, kw_only=True, frozen=True, order=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = ()
p = Point(x=1, y=2)
print(p, p.__match_args__ if hasattr(p, "__match_args__") else None, Point.__slots__, p < Point(x=1, y=3))
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print("Frozen", e)
try:
    Point(1, 2)
except TypeError as e:
    print("TE", e)
print(dataclasses.replace(p, y=9), dataclasses.asdict(p), dataclasses.astuple(p), [f.name for f in dataclasses.fields(p)])
@dataclasses.dataclass
class Inv:
    item: str
    qty: int = 0
    price: float = dataclasses.field(default=1.0, repr=False)
    total: float = dataclasses.field(init=False)
    _: dataclasses.KW_ONLY
    note: str = ""
    def __post_init__(self):
        self.total = self.qty * self.price
print(Inv("a", 2, 1.5, note="n"), inspect.signature(Inv))
match Inv("bolt", 3):
    case Inv(item="bolt", qty=q) if q > 2:
        print("many bolts", q)
try:
    @dataclasses.dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TE", e)
try:
    @dataclasses.dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("VE", e)
class Cached:
    @functools.cached_property
    def val(self):
        print("computing"); return 42
c = Cached(); print(c.val, c.val, c.__dict__)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting x")
pp = P(); pp.x = 5; print(pp.x); del pp.x
print(type(P.x).__name__, P.x.fget.__name__, P.x.__isabstractmethod__)
try:
    class C(int, str): pass
except TypeError as e:
    print("TE", e)
try:
    class D(metaclass=ModelMeta, table=1, unknown=2): pass
except TypeError as e:
    print("TE", e)
print(sys.getrecursionlimit() > 100, object.__subclasshook__(), type.__prepare__("x", ()))
