"""Introspection: inspect.signature, descriptors, metaclasses, __slots__, getattr dance."""
import inspect
import functools
import typing
from typing import Generic, TypeVar, Optional, Callable, Union, List, Dict

T = TypeVar("T")
K = TypeVar("K", bound=str)


def f(a, b: int = 2, *args, c, d: "str" = "x", **kw) -> bool:
    """Doc of f."""
    return True


def g(x, /, y, *, z=None):
    pass


sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.name, p.default is p.empty, p.annotation)
print(sig.return_annotation)
print(inspect.signature(g))
ba = sig.bind(1, c=3, extra=9)
print(ba, ba.arguments)
ba.apply_defaults()
print(ba.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.signature(g).bind(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(lambda *a, **k: 0))
print(inspect.signature(functools.partial(f, 1, c=5)))
print(str(sig.replace(return_annotation=inspect.Signature.empty)))
new = sig.replace(parameters=[inspect.Parameter("q", inspect.Parameter.KEYWORD_ONLY, default=1)])
print(new)
print(inspect.getdoc(f), inspect.isfunction(f), inspect.ismethod(f))
print(inspect.getfullargspec(f))


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name
        print(f"set_name {owner.__name__}.{name}")

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.name, value)


class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns, **kwargs):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")), kwargs)
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(cls)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.tag = kwargs.get("tag", "none")

    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.created_by_meta = True
        return inst

    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name)
        return {"injected": 1}


class Base(metaclass=Registry, tag="base"):
    x = Typed(int)
    name = Typed(str)

    def __init__(self, x, name):
        self.x = x
        self.name = name

    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()


class Child(Base, tag="child", extra=1):
    pass


b = Child(3, "c")
print(b.x, b.name, b.created_by_meta, Child.tag, Base.tag, Child.injected)
try:
    b.x = "no"
except TypeError as e:
    print(e)
print([c.__name__ for c in Registry.classes], type(Child), Child.__mro__)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
print(hasattr(s, "b"), getattr(s, "b", "missing"), hasattr(s, "__dict__"))
try:
    s.c = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
print(Slotted.a, type(Slotted.a).__name__)


class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")

    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)


d = Dyn()
print(d.get_foo(), d.secret, getattr(d, "nope", "default"))
try:
    d.nope
except AttributeError as e:
    print(e)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None


si = Stack[int]()
si.push(1)
print(si.pop(), si.pop(), Stack[int], Stack.__parameters__, typing.get_type_hints(Stack.push))
print(typing.get_origin(Dict[str, int]), typing.get_args(Dict[str, int]), typing.get_args(Optional[int]))
print(Union[int, str], Optional[List[int]], Callable[[int, str], bool], K, K.__bound__)
print(typing.get_type_hints(f))
print(inspect.getmembers(Slotted, inspect.isdatadescriptor)[:3])
print(inspect.getsource(Slotted.__init__))
print(inspect.cleandoc("""
    hello
      world
    """))
print(inspect.getmro(Child)[-1], inspect.isclass(Child), inspect.isabstract(Child))
frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.getframeinfo(frame).function, frame.f_lineno > 0)
def outer():
    return inspect.stack()[1].function, inspect.stack()[0].function
print(outer())
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)
print(inspect.isgeneratorfunction(lambda: (yield)), inspect.iscoroutinefunction(f))
print(type(inspect.getattr_static(b, "x")).__name__, inspect.formatannotation(List[int]))
print(callable(Child), vars(b))
