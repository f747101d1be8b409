# inspect on ftpy functions and classes: signatures, source, members.
import functools
import inspect


def plain(a, b=2, *args, c, d=4, **kw):
    """Plain doc.

       Indented second line."""
    return a + b


async def coro(x):
    return x


def gen():
    yield 1


class K:
    """K doc."""
    attr = 1

    def __init__(self, v=0):
        self.v = v

    def method(self, x: int = 3) -> str:
        return str(x)

    @classmethod
    def cm(cls, q):
        pass

    @staticmethod
    def sm(y, /, z):
        pass

    @property
    def prop(self):
        return 1


@functools.wraps(plain)
def wrapper(*a, **k):
    return plain(*a, **k)


lam = lambda q, r=1: q

for f in (plain, coro, gen, K, K.method, K().method, K.cm, K.sm, wrapper, lam):
    print(getattr(f, "__name__", f), inspect.signature(f))

print(inspect.getsource(plain), end="")
lines, start = inspect.getsourcelines(K.method)
print(start, lines)
print(inspect.getsource(K).splitlines()[:3])
print(inspect.getsource(lam), end="")
print(inspect.getdoc(K), "|", inspect.getdoc(plain))
print(inspect.getcomments(K))
print([n for n, _ in inspect.getmembers(K) if not n.startswith("__")])
print([n for n, _ in inspect.getmembers(K, inspect.isfunction)])
print(inspect.isfunction(plain), inspect.isclass(K), inspect.ismethod(K().method),
      inspect.iscoroutinefunction(coro), inspect.isgeneratorfunction(gen), inspect.isbuiltin(len),
      inspect.ismodule(inspect), inspect.isroutine(len), inspect.isfunction(K), inspect.ismethod(plain),
      inspect.isgenerator(gen()), inspect.isdatadescriptor(K.prop) if False else inspect.isdatadescriptor(K.__dict__["prop"]))

sig = inspect.signature(plain)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default, p.annotation is inspect.Parameter.empty)
print(sig.bind(1, c=3).arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError", e)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
print(inspect.signature(K.method).return_annotation, inspect.signature(K.method).parameters["x"].annotation)
print(inspect.getfile(plain) == __file__, inspect.getmodule(plain).__name__)
print(inspect.unwrap(wrapper) is plain)
print(inspect.getfullargspec(plain))
print(inspect.cleandoc("  a\n    b\n  c"))
print(inspect.getmro(K)[0].__name__)
print(inspect.currentframe().f_code.co_name, inspect.stack()[0].function)


def outer():
    return inspect.currentframe().f_back.f_code.co_name


print(outer())
print(inspect.getclosurevars(lambda: plain).globals.keys())

# Builtins describe their signatures too.
print(inspect.signature(len), inspect.signature("a".split), inspect.signature(str.join))
