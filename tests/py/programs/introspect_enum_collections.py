import inspect, functools, sys, types, textwrap, collections, enum, operator
def deco(f):
    @functools.wraps(f)
    def w(*a, **k): return f(*a, **k)
    return w
@deco
def target(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc line."""
    return "x"
sig = inspect.signature(target)
print(sig, list(sig.parameters), sig.parameters["c"].kind, sig.return_annotation)
ba = sig.bind(1, c=3, e=5); ba.apply_defaults(); print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1, 2)
except TypeError as e:
    print("TE", e)
print(inspect.getdoc(target), inspect.unwrap(target).__name__, inspect.isfunction(target), inspect.getfullargspec(target).kwonlyargs)
print(inspect.getsource(deco).splitlines()[0], inspect.getmodule(target).__name__, inspect.getfile(target) == __file__)
class K:
    """K doc"""
    x = 1
    def m(self): pass
    @classmethod
    def c(cls): pass
    @staticmethod
    def s(): pass
    @property
    def p(self): return 1
print([n for n, _ in inspect.getmembers(K) if not n.startswith("__")], inspect.isclass(K), inspect.ismethod(K().m), type(inspect.getattr_static(K, "c")).__name__)
print(inspect.signature(K.c), inspect.signature(K().m), inspect.signature(K), inspect.signature(lambda x, /, y=1: 0))
frame = inspect.currentframe()
print(frame.f_code.co_name, frame.f_lineno > 0, inspect.stack()[0].function, type(frame).__name__)
def gen(): yield 1
g = gen(); print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g))
print(inspect.isabstract(collections.abc.Sized), inspect.cleandoc("  a\n    b"), inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=1))
print(inspect.getclosurevars(lambda: sys).globals.keys() if False else "", inspect.iscoroutinefunction(deco), inspect.isbuiltin(len))
print(sys.version_info[:2] >= (3, 11), sys.flags.optimize, sys.maxsize == 2**63 - 1, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
print(sys.getsizeof(1) > 0, sys.intern("abc") is sys.intern("abc"), type(sys.implementation.name).__name__, sys.byteorder)
class Color(enum.IntEnum):
    RED = 1; GREEN = 2
print(Color.RED + 1, Color(2), Color["GREEN"], f"{Color.RED}", str(Color.RED), repr(Color.RED), Color.RED == 1, sorted(Color, reverse=True))
class S(enum.StrEnum):
    A = enum.auto(); B = "bee"
print(S.A, S.B.upper(), list(S), S("bee"), f"{S.A!r}")
class Perm(enum.IntFlag):
    R = 4; W = 2; X = 1
print(Perm.R | Perm.W, Perm(7), ~Perm.R, Perm(0), Perm.R in Perm(6), [p.name for p in Perm(5)], repr(Perm(9)))
@enum.unique
class U(enum.Enum):
    A = 1
try:
    @enum.unique
    class V(enum.Enum):
        A = 1; B = 1
except ValueError as e:
    print("VE", e)
print(enum.Enum("Dyn", "X Y Z").Y.value, enum.Enum("D2", [("a", 10)]).a, U.A._value_, U._member_map_.keys())
print(operator.attrgetter("real", "imag")(3 + 4j), operator.methodcaller("split", ",")("a,b"), operator.itemgetter(slice(1, None))([1, 2, 3]))
ns = types.SimpleNamespace(a=1, b=[2]); print(ns, ns == types.SimpleNamespace(b=[2], a=1))
mp = types.MappingProxyType({"k": 1}); print(mp, mp.get("k"), list(mp.items()))
try:
    mp["x"] = 1
except TypeError as e:
    print("TE", e)
print(types.FunctionType(target.__wrapped__.__code__, {}).__name__, types.new_class("Dyn", (K,), {}).__mro__[1].__name__)
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3}); cm["c"] = 4; print(cm, cm.maps[0], cm.new_child({"z": 0}).parents)
c = collections.Counter("abracadabra"); print(c.most_common(2), c.total(), +c - collections.Counter("aaaaaaz"), c & collections.Counter("aab"))
dq = collections.deque(range(5), maxlen=4); dq.rotate(2); dq.appendleft(9); print(dq, dq.maxlen)
od = collections.OrderedDict.fromkeys("abc"); od.move_to_end("a"); print(od, od.popitem(last=False))
dd = collections.defaultdict(list); dd["x"].append(1); print(dd, dd.default_factory)
P = collections.namedtuple("P", "x y", defaults=[0]); print(P(1), P._make([3, 4]), P(1)._asdict(), P.__doc__)
try:
    collections.namedtuple("Bad", "x x")
except ValueError as e:
    print("VE", e)
