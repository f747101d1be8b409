"""Introspection: dir, vars, getattr, __dict__, inspect, __qualname__,
signatures, source-free code object facts."""
import inspect
import functools
import types
import sys


class Base:
    """A base class."""
    kind = "base"

    def __init__(self, x, y=2):
        self.x = x
        self.y = y

    def method(self, a, /, b, *, c=3, **kw) -> int:
        """Do something."""
        return a + b + c

    def __repr__(self):
        return f"<{type(self).__name__} {vars(self)}>"

    @classmethod
    def make(cls, *args):
        return cls(*args)

    @staticmethod
    def helper(v):
        return v * 2

    @property
    def total(self):
        return self.x + self.y

    class Inner:
        def deep(self):
            def local():
                pass
            return local


class Child(Base):
    kind = "child"

    def method(self, a, /, b, *, c=3, **kw):
        return super().method(a, b, c=c) * 10


obj = Child(1)
print(sorted(vars(obj)), vars(obj), obj.__dict__ is vars(obj))
print([n for n in dir(obj) if not n.startswith("__")])
print(getattr(obj, "kind"), getattr(obj, "nope", "default"), hasattr(obj, "total"), obj.total)
setattr(obj, "z", 9)
delattr(obj, "y")
print(sorted(vars(obj)), hasattr(obj, "y"))
try:
    getattr(obj, "y")
except AttributeError as e:
    print("AttributeError:", e)
print(Base.method.__qualname__, Base.Inner.deep.__qualname__, Base.Inner().deep().__qualname__, Base.make.__qualname__)
print(Child.__mro__, Child.__bases__, Child.__name__, Child.__module__, Base.__doc__, Child.__doc__)
print(type(Base.__dict__["make"]).__name__, type(Base.__dict__["helper"]).__name__, type(Base.__dict__["total"]).__name__)
print(Base.helper(4), obj.helper(5), Child.make(7, 8).total, Child.method(obj, 1, 2))

sig = inspect.signature(Base.method)
print(sig, sig.return_annotation, list(sig.parameters))
for name, p in sig.parameters.items():
    print(f"  {name:>5}: {p.kind.name:<22} default={p.default!r:<28} annotation={p.annotation!r}")
print(inspect.signature(Base), inspect.signature(Child.make), inspect.signature(lambda *a, k=1: 0))
b = sig.bind(obj, 1, 2, c=5, extra=True)
print(b.arguments, b.args, b.kwargs)
try:
    sig.bind(obj, 1, b=2)
except TypeError as e:
    print("TypeError:", e)
print(inspect.isclass(Base), inspect.isfunction(Base.method), inspect.ismethod(obj.method), inspect.isfunction(obj.method))
print(inspect.getdoc(Base.method), inspect.getmro(Child)[-1], inspect.isabstract(Base))
print(sorted(n for n, _ in inspect.getmembers(obj, inspect.ismethod)))
print(inspect.getattr_static(obj, "total").__class__.__name__, inspect.getattr_static(Child, "make").__class__.__name__)


def outer(p, q=1):
    r = p + q

    def inner(s):
        return r + s
    return inner


fn = outer(1)
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_varnames, co.co_freevars, co.co_cellvars, fn.__code__.co_freevars)
print(outer.__defaults__, outer.__kwdefaults__, fn.__closure__[0].cell_contents, fn.__name__, fn.__qualname__)
print(outer.__module__, type(outer).__name__, isinstance(outer, types.FunctionType), callable(outer))
print(inspect.getclosurevars(fn).nonlocals, inspect.getfullargspec(Base.method).kwonlyargs)


def kwo(a, b=2, *args, c, d=4, **kw):
    pass


print(kwo.__defaults__, kwo.__kwdefaults__, kwo.__code__.co_kwonlyargcount, kwo.__code__.co_posonlyargcount)
print(inspect.signature(kwo).replace(return_annotation=str))


def frame_info():
    f = sys._getframe()
    caller = f.f_back
    return f.f_code.co_name, caller.f_code.co_name, f.f_lineno > 0, caller.f_globals is globals()


print(frame_info())


def whoami():
    return inspect.stack()[0].function, inspect.stack()[1].function


def call_it():
    return whoami()


print(call_it())


@functools.wraps(outer)
def wrapper(*a, **k):
    return outer(*a, **k)


print(wrapper.__name__, wrapper.__wrapped__ is outer, inspect.signature(wrapper))
p = functools.partial(kwo, 1, c=3)
print(p.func is kwo, p.args, p.keywords, inspect.signature(p))
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = 3
print(ns, vars(ns), ns == types.SimpleNamespace(a=1, b=[2], c=3))
M = types.new_class("M", (Base,), {}, lambda d: d.update(kind="made"))
print(M.kind, M.__mro__[1].__name__, M(5).total)
mod = types.ModuleType("fake", "Fake module doc")
mod.value = 42
print(mod, mod.__name__, mod.__doc__, mod.value, sorted(k for k in vars(mod) if not k.startswith("__")))
print(type(len).__name__, type([].append).__name__, type(Base.__init__).__name__, type(obj.method).__name__)
print(len.__name__, len.__self__ is sys.modules["builtins"], [].append.__self__, obj.method.__self__ is obj, obj.method.__func__ is Child.method)
print(type(int.__add__).__name__, type((1).__add__).__name__, type(object.__init__).__name__, type(dict.fromkeys).__name__)
print(sorted(k for k in Base.__dict__ if not k.startswith("__")), "__weakref__" in Base.__dict__)
print(Child.__subclasses__(), Base.__subclasses__(), issubclass(Child, Base), Child.__base__)
g = (i for i in [])
print(inspect.isgenerator(g), inspect.getgeneratorstate(g), inspect.isgeneratorfunction(outer))
print(globals()["Base"] is Base, "obj" in dir(), __name__, __doc__[:13])
print(eval("x + 1", {"x": 41}), eval("len(s)", {}, {"s": "abc"}))
scope = {}
exec("def f(n):\n    return n * 3\nresult = f(4)", scope)
print(scope["result"], scope["f"].__qualname__, scope["f"].__module__ if "__name__" in scope else scope["f"].__globals__ is scope)
