# Attribute hooks and descriptors around instance attributes:
# __getattr__/__getattribute__/__setattr__/__delattr__ overrides that go
# through object.__setattr__ and the __dict__; properties and data
# descriptors that shadow a same-named key in the instance dict; non-data
# descriptors (functions, classmethod-free methods) shadowed by instance
# attributes; instance attributes named like dunder methods.


class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return f"<missing {name}>"


f = Fallback()
print(f.real, f.nope, getattr(f, "other", "dflt"), hasattr(f, "anything"))
f.nope = "now real"
print(f.nope, vars(f))
del f.nope
print(f.nope)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])

    def __getattribute__(self, name):
        log = object.__getattribute__(self, "_log")
        log.append(name)
        if name.startswith("_") or name == "own":
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_target"), name)

    def __setattr__(self, name, value):
        if name == "own":
            object.__setattr__(self, name, value)
        else:
            setattr(object.__getattribute__(self, "_target"), name, value)

    def __delattr__(self, name):
        delattr(object.__getattribute__(self, "_target"), name)


class Target:
    pass


tg = Target()
px = Proxy(tg)
px.a = 1
px.own = "mine"
print(vars(tg), px.a, px.own, sorted(object.__getattribute__(px, "__dict__")))
del px.a
print(vars(tg), object.__getattribute__(px, "_log"))


class Validated:
    def __setattr__(self, name, value):
        if not isinstance(value, int):
            raise TypeError(f"{name} must be int")
        super().__setattr__(name, value * 10)

    def __delattr__(self, name):
        if name == "keep":
            raise AttributeError("keep is permanent")
        object.__delattr__(self, name)


v = Validated()
v.b = 1
v.a = 2
v.keep = 3
print(vars(v))
try:
    v.c = "x"
except TypeError as e:
    print("TypeError", e)
try:
    del v.keep
except AttributeError as e:
    print("AttributeError", e)
del v.b
v.__dict__["raw"] = "bypass"  # the dict bypasses __setattr__
print(vars(v), v.raw)
object.__setattr__(v, "direct", "no hook")
print(v.direct, list(vars(v)))


# A property with the same name as a key in the instance dict: the property
# wins for reads and writes; the dict key stays visible in vars().
class WithProp:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return ("prop", self._x)

    @x.setter
    def x(self, v):
        self._x = v


wp = WithProp()
wp.__dict__["x"] = "shadowed"
print(wp.x, vars(wp))
wp.x = 5
print(wp.x, vars(wp))
del wp.__dict__["x"]
print(wp.x, vars(wp))


class ReadOnlyProp:
    @property
    def ro(self):
        return "ro"


r = ReadOnlyProp()
try:
    r.ro = 1
except AttributeError as e:
    print("AttributeError", type(e).__name__)
r.__dict__["ro"] = "in dict"
print(r.ro, vars(r))


# A hand-written data descriptor that stores into the instance dict under its
# own name (the classic "typed field" pattern).
class Field:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return ("field", obj.__dict__.get(self.name, "unset"))

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        obj.__dict__.pop(self.name, None)


class Model:
    a = Field()
    b = Field()

    def __init__(self, a):
        self.a = a
        self.plain = "p"


m = Model(1)
print(m.a, m.b, vars(m))
m.b = 2
del m.a
print(m.a, m.b, vars(m))
m.a = 3
print(list(vars(m)))


# A non-data descriptor (__get__ only) is shadowed by the instance dict.
class NonData:
    def __get__(self, obj, owner=None):
        return "from descriptor"


class HasNonData:
    nd = NonData()

    def method(self):
        return "method"


h = HasNonData()
print(h.nd, h.method())
h.nd = "instance"
h.method = lambda: "instance lambda"
print(h.nd, h.method(), vars(h).keys())
del h.method
print(h.method(), h.nd)
del h.nd
print(h.nd)


# Shadowing a method at a site that was specialised for the method call.
def call_m(o):
    return o.method()


objs = [HasNonData() for _ in range(10)]
out = [call_m(o) for _ in range(200) for o in objs][-10:]
objs[3].method = lambda: "shadow3"
vars(objs[5])["method"] = lambda: "shadow5"
print([call_m(o) for o in objs])
HasNonData.method = lambda self: "replaced on class"
print([call_m(o) for o in objs])


# Instance attributes named like dunder methods are not used by the
# operators (those look at the type) but are ordinary attributes otherwise.
class Dunders:
    def __len__(self):
        return 1

    def __repr__(self):
        return "Dunders()"


du = Dunders()
du.__len__ = lambda: 99
du.__repr__ = lambda: "instance repr"
du.__add__ = lambda other: "instance add"
du.__init__ = "not callable"
du.__class_getitem__ = 1
print(len(du), repr(du), du.__len__(), du.__repr__(), sorted(vars(du)))
try:
    du + 1
except TypeError as e:
    print("TypeError", e)
du.__eq__ = "x"
print(du == du, du.__eq__)
del du.__len__
print(du.__len__())
du.__dict__["__doc__"] = "instance doc"
print(du.__doc__, Dunders.__doc__)


# __getattr__ that reads the instance dict directly, with a mix of present
# and missing names, many times at one site.
class Defaults:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return 0


def total(o):
    return o.a + o.b + o.c


ds = [Defaults(a=1), Defaults(b=2, a=1), Defaults(c=3), Defaults()]
print(sum(total(o) for _ in range(200) for o in ds), [vars(o) for o in ds])
ds[3].c = 10
print([total(o) for o in ds])
