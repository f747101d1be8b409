# dataclasses, abc, types and contextlib as programs use them.
import dataclasses as dc, abc, types, contextlib, io, sys
from typing import ClassVar

@dc.dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = dc.field(default_factory=list, compare=False)
    secret: str = dc.field(default="s", repr=False)
    count: ClassVar[int] = 0
a, b = Item("a", 2.0), Item("b", 1.0, ["x"])
print(a, b, a < b, a == Item("a", 2.0, ["other"]), sorted([b, a])[0].name)
print(dc.asdict(b), dc.astuple(b), dc.replace(a, price=9), [f.name for f in dc.fields(Item)], dc.is_dataclass(a))
print(Item.__match_args__, Item.count, dc.fields(a)[2].default_factory is list, repr(dc.fields(a)[3].default))

@dc.dataclass(frozen=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1)
try:
    p.x = 5
except dc.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(hash(p) == hash(Pt(1, 0)), {p: 1}[Pt(1)], p)

@dc.dataclass
class WithPost:
    a: int
    b: int = dc.field(init=False)
    scale: dc.InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale
w = WithPost(3, 10)
print(w, dc.fields(w)[1].init, [f.name for f in dc.fields(w)])

@dc.dataclass
class KW:
    a: int
    _: dc.KW_ONLY
    b: int = 1
    c: int = 2
print(KW(1, c=5), KW(0, b=0))
try:
    KW(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    @dc.dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError", e)
try:
    Item()
except TypeError as e:
    print("TypeError", e)
@dc.dataclass
class Nested:
    items: list
    inner: Pt
n = Nested([Pt(1, 2)], Pt(3, 4))
print(dc.asdict(n), dc.astuple(n))
Dyn = dc.make_dataclass("Dyn", ["x", ("y", int, dc.field(default=5))])
print(Dyn(1), Dyn(1, 2) == Dyn(1, 2))
@dc.dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq(1).__eq__(NoEq(1)))
@dc.dataclass(slots=True)
class Sl:
    v: int
print(Sl.__slots__, Sl(4))
@dc.dataclass(kw_only=True)
class AllKW:
    q: int
print(AllKW(q=3))

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...
    def describe(self):
        return "%s with area %s" % (self.name, self.area())
try:
    Shape()
except TypeError as e:
    print("TypeError", str(e).split(" with")[0])
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print("TypeError", str(e).split(" with")[0])
class Sq(Half):
    name = "square"
print(Sq().describe(), isinstance(Sq(), Shape), Shape.__abstractmethods__ == frozenset({"area", "name"}))
class Duck(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "quack") else NotImplemented
class D:
    def quack(self): pass
print(issubclass(D, Duck), isinstance(3, Duck))
Duck.register(int)
print(isinstance(3, Duck), issubclass(bool, Duck))
class Meta(metaclass=abc.ABCMeta):
    pass
print(type(Meta).__name__, abc.ABC.__abstractmethods__ if hasattr(abc.ABC, "__abstractmethods__") else frozenset())

ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="x", c=[1]))
del ns.a
print(ns, hasattr(ns, "a"))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), list(mp), mp.get("z", 0), "k" in mp, mp.copy(), type(mp).__name__)
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError", e)
def fn(): pass
print(isinstance(fn, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
m = types.ModuleType("mymod", "docs")
m.x = 5
print(m.__name__, m.__doc__, m.x, repr(m), isinstance(m, types.ModuleType))
class K:
    def meth(self): pass
print(isinstance(K().meth, types.MethodType), isinstance((x for x in []), types.GeneratorType), type(None) is types.NoneType)
bound = types.MethodType(lambda self: self.v, types.SimpleNamespace(v=42))
print(bound())
print(types.new_class("NC", (object,), {}, lambda ns: ns.update({"z": 1})).z)

@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextlib.contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    raise KeyError(1)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    print("err", file=sys.stderr)
print(repr(ebuf.getvalue()))
class Res:
    def __init__(self, n): self.n = n
    def close(self): print("close", self.n)
with contextlib.closing(Res(1)) as r:
    print("using", r.n)
with contextlib.nullcontext(5) as v:
    print("null", v)
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    rs = [stack.enter_context(tag("t%d" % i)) for i in range(2)]
    print(rs)
with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: print("exit seen", exc[0].__name__) or True)
    raise RuntimeError("x")
with contextlib.ExitStack() as outer:
    outer.callback(print, "never")
    moved = outer.pop_all()
moved.close()
@tag("deco")
def decorated():
    print("in decorated")
class CM(contextlib.ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
@CM()
def g(): print("g body")
g()
class AbstractCM(contextlib.AbstractContextManager):
    def __exit__(self, *a): return None
with AbstractCM() as x:
    print(type(x).__name__)
try:
    with tag("gen-twice") as t:
        pass
    next(iter([]))
except StopIteration:
    print("stop")
