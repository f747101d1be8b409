"""Seasoned library-style code: descriptors, metaclasses, __init_subclass__,
__set_name__, __slots__, __class_getitem__ and abc."""
import abc
import weakref


class Field:
    _counter = 0

    def __init__(self, kind, default=None, *, validator=None):
        self.kind = kind
        self.default = default
        self.validator = validator
        Field._counter += 1
        self.order = Field._counter

    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{type(obj).__name__}.{self.name} must be {self.kind.__name__}, "
                            f"not {type(value).__name__}")
        if self.validator and not self.validator(value):
            raise ValueError(f"invalid value for {self.name}: {value!r}")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        try:
            delattr(obj, self.private)
        except AttributeError:
            raise AttributeError(f"{self.name} not set") from None

    def __repr__(self):
        return f"Field({self.kind.__name__}, name={self.name!r})"


class ModelMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns, *, table=None, **kw):
        fields = {k: v for k, v in ns.items() if isinstance(v, Field)}
        cls = super().__new__(mcls, name, bases, ns, **kw)
        inherited = {}
        for b in reversed(cls.__mro__[1:]):
            inherited.update(getattr(b, "_fields", {}))
        inherited.update(fields)
        cls._fields = dict(sorted(inherited.items(), key=lambda kv: kv[1].order))
        cls._table = table or name.lower() + "s"
        mcls.registry[name] = cls
        return cls

    def __prepare__(name, bases, **kw):
        return {"__created_by__": "ModelMeta"}

    def __repr__(cls):
        return f"<model {cls.__name__} table={cls._table}>"

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        obj._frozen = True
        return obj


class Model(metaclass=ModelMeta):
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            if k not in self._fields:
                raise TypeError(f"unknown field {k!r}")
            setattr(self, k, v)

    def __setattr__(self, k, v):
        if getattr(self, "_frozen", False) and k in self._fields:
            raise AttributeError(f"{type(self).__name__} is frozen")
        super().__setattr__(k, v)

    def __repr__(self):
        args = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({args})"


class User(Model, table="people"):
    name = Field(str, "anon")
    age = Field(int, 0, validator=lambda a: 0 <= a < 150)


class Admin(User):
    level = Field(int, 1)


u = User(name="ann", age=31)
print(u, repr(User), repr(Admin), User.__created_by__)
print(list(Admin._fields), Admin(level=3, name="root"))
print(User.name, User.__dict__["age"].order < User.__dict__["name"].order)
for bad in [dict(age="x"), dict(age=200), dict(email="a@b")]:
    try:
        User(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    u.age = 5
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(ModelMeta.registry), type(User), type(type(User)), isinstance(User, ModelMeta))


class Plugin:
    plugins = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls)


class CSVExport(Plugin, name="csv"):
    pass


class JSONExport(Plugin):
    pass


print([(p.__name__, p.plugin_name) for p in Plugin.plugins])
try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

    @property
    @abc.abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name} with area {self.area():.2f}"

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Shape and any("area" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


class Square(Shape):
    __slots__ = ("side",)

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    @property
    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0.5


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
sq = Square(3)
print(sq.describe(), Square.__slots__, hasattr(sq, "__dict__"))
try:
    sq.colour = "red"
except AttributeError as e:
    print("AttributeError:", e)


class Duck:
    def area(self):
        return 1


print(isinstance(Duck(), Shape), issubclass(int, Shape), sorted(Shape.__abstractmethods__))


class Registry:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"


print(Registry[int], Registry["x"])


class Cached:
    """Non-data descriptor: computed once, then stored in the instance dict."""

    def __init__(self, fn):
        self.fn = fn
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner, name):
        self.attr = name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        val = obj.__dict__[self.attr] = self.fn(obj)
        return val


class Report:
    calls = 0

    def __init__(self, n):
        self.n = n

    @Cached
    def total(self):
        """Sum of squares."""
        Report.calls += 1
        return sum(i * i for i in range(self.n))


rep = Report(10)
print(rep.total, rep.total, Report.calls, Report.total.__doc__, vars(rep))
del rep.total
print(rep.total, Report.calls)


class Observer:
    def __init__(self):
        self.seen = []


class Subject:
    def __init__(self):
        self._obs = weakref.WeakSet()

    def attach(self, o):
        self._obs.add(o)

    def notify(self, msg):
        for o in sorted(self._obs, key=id):
            o.seen.append(msg)
        return len(self._obs)


subj = Subject()
o1, o2 = Observer(), Observer()
subj.attach(o1)
subj.attach(o2)
print(subj.notify("hi"))
del o2
print(subj.notify("bye"), o1.seen)
del u.name
print(u.name)
del u.name
