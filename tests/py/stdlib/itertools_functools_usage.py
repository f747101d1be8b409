# itertools and functools as real programs use them: every function, edge
# cases and error messages.
import itertools as it, functools as ft, operator

print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(it.accumulate([], initial=5)), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(3), 0)), list(it.combinations([1], 2)))
print(list(it.combinations_with_replacement("ab", 3)))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.islice(it.count(10, 2.5), 4)), list(it.islice(it.count(), 3)))
print(list(it.islice(it.cycle("ab"), 5)), list(it.cycle([])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.filterfalse(lambda x: x % 2, range(6))))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda s: s[0])
print([(k, list(g)) for k, g in it.groupby(data, key=lambda s: s[0])])
print([(k, len(list(g))) for k, g in it.groupby("aaabbbcca")])
groups = it.groupby("aabb")
k1, g1 = next(groups); k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice("abc", None)), list(it.islice(range(10), 1, 8, 3)))
print(list(it.pairwise("abcd")), list(it.pairwise("a")))
print(list(it.permutations("abc")), list(it.permutations(range(3), 2)), len(list(it.permutations(range(5)))))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy", [True])), list(it.product()))
print(list(it.repeat("x", 3)), list(it.repeat(1, 0)), list(it.repeat(1, -1)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b, c = it.tee(iter([1, 2, 3]), 3)
print(list(a), list(b), next(c), list(c))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.zip_longest()))
print(repr(it.count(5)), repr(it.count(1.5, 0.5)), repr(it.repeat(3, 2)), repr(it.repeat("a")))
for f in [lambda: it.islice("abc", -1), lambda: it.islice("abc", 1, 2, 0), lambda: it.combinations("ab", -1),
          lambda: it.permutations("ab", -1), lambda: it.repeat(), lambda: it.product("a", repeat=-1),
          lambda: it.tee([], -1), lambda: list(it.chain([1], 5)), lambda: it.accumulate(5),
          lambda: it.count("a"), lambda: it.pairwise(None)]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# functools
p = ft.partial(int, base=2)
print(p("101"), p.func, p.args, p.keywords, repr(p))
p2 = ft.partial(p, "111", base=8)
print(p2(), p2.args, p2.keywords)
def f(a, b, c=3, *, d=4): return (a, b, c, d)
print(ft.partial(f, 1)(2), ft.partial(f, d=9)(1, 2), ft.partial(ft.partial(f, 1), 2, d=0)())
print(ft.reduce(operator.add, [1, 2, 3, 4]), ft.reduce(lambda a, b: a * b, [], 1), ft.reduce(max, "hello"))
try:
    ft.reduce(operator.add, [])
except TypeError as e:
    print(e)

calls = []
@ft.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for x in [1, 2, 1, 3, 2, 1]:
    sq(x)
print(calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())

@ft.lru_cache(typed=True)
def ident(x):
    calls.append(("t", x))
    return x
ident(1); ident(1.0); ident(1)
print(calls[-2:], ident.cache_info())

@ft.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().currsize)

@ft.lru_cache(maxsize=None)
def kw(a, b=2):
    return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info())
print(kw.__wrapped__(5), kw.__name__)

def deco(fn):
    @ft.wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper
@deco
def greet(name: str) -> str:
    "Say hello."
    return "hi " + name
print(greet("bob"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, greet.__annotations__)

@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda x: x).__len__())

class Data:
    def __init__(self): self.n = 0
    @ft.cached_property
    def expensive(self):
        self.n += 1
        return self.n * 10
d = Data()
print(d.expensive, d.expensive, d.n, d.__dict__)
del d.expensive
print(d.expensive, d.n)

@ft.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
@describe.register(str)
def _(x):
    return "str " + x
print(describe(3), describe([1, 2]), describe("s"), describe(2.5), describe(True))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), "__name__") else "?", sorted(k.__name__ for k in describe.registry))

class Shape:
    @ft.singledispatchmethod
    def area(self, arg):
        return "generic"
    @area.register
    def _(self, arg: int):
        return arg * arg
print(Shape().area(4), Shape().area("x"))

keyf = ft.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=keyf), sorted(["b", "A", "c"], key=ft.cmp_to_key(lambda a, b: -1 if a.lower() < b.lower() else 1)))
class P:
    def method(self, a, b): return a - b
    m2 = ft.partialmethod(method, 10)
print(P().m2(3))
