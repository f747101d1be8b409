"""Core-language corners exercised by a plugin system."""
import sys


class PluginMeta(type):
    registry = {}

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns, **kw)
        if bases:
            mcs.registry[name.lower()] = cls
        return cls

    def __getitem__(cls, key):
        return cls.registry[key]

    def __len__(cls):
        return len(cls.registry)

    def __iter__(cls):
        return iter(sorted(cls.registry))

    def __contains__(cls, item):
        return item in cls.registry

    def __or__(cls, other):
        return (cls, other)

    def __repr__(cls):
        return f"<plugin {cls.__name__}>"


class Plugin(metaclass=PluginMeta):
    priority = 0

    def __init_subclass__(cls, /, priority=None, **kw):
        super().__init_subclass__(**kw)
        if priority is not None:
            cls.priority = priority

    def run(self, data):
        raise NotImplementedError(type(self).__name__)


class Upper(Plugin, priority=5):
    def run(self, data):
        return data.upper()


class Strip(Plugin):
    def run(self, data):
        return data.strip()


class Broken(Plugin, priority=9):
    pass


print(len(Plugin), list(Plugin), "upper" in Plugin, Plugin["strip"], Upper | Strip, Upper.priority, Strip.priority)
for name in sorted(Plugin, key=lambda n: -Plugin[n].priority):
    try:
        print(name, repr(Plugin[name]().run("  hi  ")))
    except NotImplementedError as e:
        print(name, "not implemented:", e)


class Lazy(dict):
    def __missing__(self, key):
        print("  computing", key)
        self[key] = value = len(key)
        return value


lz = Lazy()
print(lz["abc"], lz["abc"], lz.get("zz"), "zz" in lz, lz)


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Seq()), 9 in Seq(), 5 in Seq(), list(reversed([*Seq()])), sorted(Seq(), reverse=True))
it = iter(Seq())
print(next(it), next(it), list(it), list(it))


class Count:
    def __len__(self):
        return 3

    def __bool__(self):
        return False


class OnlyLen:
    def __len__(self):
        return 0


print(bool(Count()), bool(OnlyLen()), len(Count()), not OnlyLen())


class Idx:
    def __index__(self):
        return 2


print([10, 20, 30][Idx()], "abcdef"[Idx():], bin(Idx()), range(10)[Idx()], hex(Idx()), (1, 2, 3) * Idx())


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = counter()
inc()
inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars)

x = "global"


def scopes():
    x = "enclosing"

    class Inner:
        x = "class"
        y = x
        z = [x for _ in range(1)]

        def meth(self):
            return x

    return Inner.y, Inner.z, Inner().meth()


print(scopes())


def finally_flow():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


def finally_return():
    try:
        return "try"
    finally:
        print("  finally runs before return")


def finally_override():
    try:
        1 / 0
    finally:
        return "swallowed"


print(finally_flow(), finally_return(), finally_override())


def ctx_chain():
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise ValueError("second")
    except ValueError as e:
        return repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__


print(ctx_chain())


class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("  enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("  exit", self.name, et.__name__ if et else None)
        return self.suppress


with CM("a") as a, CM("b", suppress=True) as b:
    raise RuntimeError("inside")
print("after with", a.name, b.name)
try:
    with CM("outer"), CM("inner"):
        raise OSError("io")
except OSError as e:
    print("caught", e)

print(sys.exc_info())
try:
    raise TypeError("t")
except TypeError:
    print(sys.exc_info()[0].__name__, sys.exception().__class__.__name__ if hasattr(sys, "exception") else "TypeError")
    try:
        raise ValueError("v")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info()[0])

data = {"users": [{"name": "ann", "roles": ["admin", "dev"]}, {"name": "bob", "roles": []}, {"name": "cy"}], "v": (1, 2, 3)}
for u in data["users"]:
    match u:
        case {"name": str(n), "roles": ["admin", *rest]}:
            print("admin", n, rest)
        case {"name": n, "roles": []}:
            print("no roles", n)
        case {"name": n, **others} if not others:
            print("bare", n)
match data["v"]:
    case (1, *mid, 3) as whole:
        print("tuple", mid, whole)
match 3.0:
    case 3:
        print("3.0 matches 3")
match "x":
    case "a" | "x" as ch:
        print("alt", ch)

first, *middle, last = range(6)
(a, b), c = "xy", [1]
print(first, middle, last, a, b, c, [*"ab", *range(2)], {**{"a": 1}, "b": 2}, (*"x",))
print([y for x in range(4) if (y := x * x) > 2], y)
print(1 < 2 < 3 > 2 != 5, 1 < 3 < 2, (lambda *a, k=1, **kw: (a, k, kw))(1, 2, k=3, z=4))
print(-2 ** 2, (-2) ** 2, 2 ** -1, 7 // -2, -7 % 3, 7 % -3, divmod(-7, 2), round(-0.5), round(1.5), round(2.5), int(-3.9), 0.1 + 0.2)
print(not 1 == 2, True + True, 3 * "ab", [0] * 3, "a" "b", 1_000_000, 0x_ff, 0o17, 0b101, 1e3, 1j * 1j, 10 / 4, 10 // 4)
print(*[1, 2], sep="-", end="!\n")
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)


def gen_default(a, b=[]):
    b.append(a)
    return b


print(gen_default(1), gen_default(2), gen_default.__defaults__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(lambda: 0).__name__, type(print).__name__,
      type([].append).__name__, type(int.__add__).__name__, type((1).__add__).__name__, type(object.__init__).__name__,
      type(str.join).__name__, type(dict.fromkeys).__name__, type(staticmethod(len)).__name__, type(property()).__name__)
