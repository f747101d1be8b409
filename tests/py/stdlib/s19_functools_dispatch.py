# functools and operator in application code: singledispatch serializers,
# cache/lru_cache statistics, partial pipelines, reduce, total_ordering,
# cached_property, wraps, and operator helpers for sorting records.
import functools
import operator
from functools import singledispatch, singledispatchmethod, lru_cache, cache, partial, reduce, total_ordering, cached_property, wraps
from decimal import Decimal
from datetime import date
from collections import namedtuple


@singledispatch
def to_text(obj):
    return f"<{type(obj).__name__}>"


@to_text.register
def _(obj: int):
    return f"int:{obj}"


@to_text.register(float)
@to_text.register(Decimal)
def _num(obj):
    return f"num:{obj:.2f}"


@to_text.register(list)
@to_text.register(tuple)
def _seq(obj):
    return "[" + ", ".join(to_text(x) for x in obj) + "]"


@to_text.register
def _(obj: date):
    return obj.strftime("date:%Y%m%d")


@to_text.register(dict)
def _(obj):
    return "{" + ", ".join(f"{k}={to_text(v)}" for k, v in obj.items()) + "}"


print(to_text(3), to_text(True), to_text(2.5), to_text(Decimal("1.005")), to_text("s"))
print(to_text([1, (2.0, date(2024, 1, 2))]), to_text({"a": [1], "b": None}))
print(to_text.dispatch(bool).__name__, sorted(k.__name__ for k in to_text.registry if k is not object))


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return "generic"

    @fmt.register
    def _(self, arg: int):
        return "int"

    @fmt.register
    def _(self, arg: str):
        return "str"


print(Formatter().fmt(1), Formatter().fmt("x"), Formatter().fmt(1.0))

calls = []


@lru_cache(maxsize=3)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20), fib.cache_info(), len(calls))
fib.cache_clear()
print(fib.cache_info(), fib.__wrapped__(1), fib.cache_parameters())


@cache
def slow_square(x):
    calls.append(x)
    return x * x


calls.clear()
print([slow_square(i % 3) for i in range(9)], calls, slow_square.cache_info())


@lru_cache(typed=True)
def kind(x):
    return type(x).__name__


print(kind(1), kind(1.0), kind.cache_info().currsize)


def log_calls(fn):
    @wraps(fn)
    def inner(*a, **k):
        print(f"call {fn.__name__}{a}")
        return fn(*a, **k)
    return inner


@log_calls
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__)

parse_hex = partial(int, base=16)
clamp = partial(max, 0)
print(parse_hex("ff"), clamp(-5), parse_hex, parse_hex.func, parse_hex.args, parse_hex.keywords)
pipeline = [str.strip, str.lower, partial(str.replace, old=" ", new="_") if False else (lambda s: s.replace(" ", "_"))]
print(reduce(lambda acc, f: f(acc), pipeline, "  Hello World  "))
print(reduce(operator.mul, range(1, 8)), reduce(operator.add, [], 0), reduce(lambda a, b: a + [b * 2], [1, 2], []))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)


@total_ordering
class Ver:
    def __init__(self, s):
        self.t = tuple(map(int, s.split(".")))

    def __eq__(self, o):
        return self.t == o.t

    def __lt__(self, o):
        return self.t < o.t

    def __repr__(self):
        return "V" + ".".join(map(str, self.t))


vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1")]
print(sorted(vs), Ver("2.0") >= Ver("1.9"), Ver("1.0") <= Ver("1.0"), max(vs))


class Report:
    def __init__(self, rows):
        self.rows = rows

    @cached_property
    def total(self):
        print("computing")
        return sum(self.rows)


r = Report([1, 2, 3])
print(r.total, r.total, "total" in r.__dict__)
del r.total
print(r.total)

Row = namedtuple("Row", "name dept salary")
rows = [Row("ann", "eng", 120), Row("bob", "ops", 90), Row("cy", "eng", 100), Row("dee", "ops", 95)]
print(sorted(rows, key=operator.attrgetter("dept", "salary")))
print(sorted(rows, key=operator.itemgetter(2), reverse=True)[0].name, list(map(operator.itemgetter(0, 2), rows))[:2])
print(operator.methodcaller("upper")("abc"), operator.methodcaller("split", ",", 1)("a,b,c"))
print(operator.attrgetter("real", "imag")(3 + 4j), operator.itemgetter(slice(1, 3))("abcd"))
print(operator.add(1, 2), operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1),
      operator.indexOf("abc", "c"), operator.is_(None, None), operator.not_(0), operator.truth([]), operator.neg(5),
      operator.index(7), operator.length_hint(iter([1, 2, 3])), operator.pow(2, 10), operator.matmul if True else 0)
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
x = [1]
x = operator.iadd(x, [2])
print(d, x, operator.getitem(d, "b"), operator.ixor(6, 3), operator.lshift(1, 4), operator.mod(-7, 3))
print(repr(operator.attrgetter("a.b")), repr(operator.itemgetter(1, 2)), repr(operator.methodcaller("f", 1, k=2)))
print(functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(3) < functools.cmp_to_key(lambda a, b: (a > b) - (a < b))(4))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
