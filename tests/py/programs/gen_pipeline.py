"""Generator pipeline: log processing with send/throw/close, yield from, contextlib."""
import contextlib
import itertools
import functools
import operator
import sys


def read_lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def parse(lines):
    for n, line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        try:
            name, value = line.split("=", 1)
            yield name.strip(), float(value)
        except ValueError as e:
            print(f"  line {n}: skipped ({e})")


def running_avg():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("  averager reset:", e)
            total = count = 0
            avg = None
            continue
        except GeneratorExit:
            print("  averager closing with", count, "items")
            raise
        total += x
        count += 1
        avg = total / count


def delegator(sub):
    result = yield from sub
    print("  sub returned", result)
    return result


def counter(n):
    for i in range(n):
        yield i
    return f"done-{n}"


DATA = """# sensor data
temp = 21.5
hum = 40
temp = 22.5
bad line
temp = abc
hum = 42

temp=23
"""

pipe = parse(read_lines(DATA))
avg = running_avg()
next(avg)
for name, value in pipe:
    if name == "temp":
        print(name, value, "avg", avg.send(value))
avg.throw(ValueError("manual"))
print("after reset", avg.send(10.0))
avg.close()
print("closed", avg.gi_frame is None)
try:
    avg.send(1)
except StopIteration as e:
    print("StopIteration", e.value)

g = delegator(counter(3))
print(list(g))
g = delegator(counter(2))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("final value", e.value)


def bad_gen():
    yield 1
    raise StopIteration("oops")


try:
    list(bad_gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup in generator")


g = with_finally()
print(next(g))
del g
print("after del")


def ignores_exit():
    while True:
        try:
            yield
        except GeneratorExit:
            yield "no"


g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

print(g.gi_running, g.gi_code.co_name, g.__name__, g.__qualname__)


def running():
    yield gen_self.gi_running
    try:
        next(gen_self)
    except ValueError as e:
        yield str(e)


gen_self = running()
print(list(gen_self))


@contextlib.contextmanager
def section(name):
    print(f"  <{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        print(f"  {name} swallowed {e!r}")
    finally:
        print(f"  </{name}>")


with section("a") as s:
    print("  body", s)
with section("b"):
    raise KeyError("k")
try:
    with section("c"):
        raise IndexError("i")
except IndexError as e:
    print("propagated", e)

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(section(n)) for n in "xyz"]
    stack.callback(print, "  callback ran")
    print("  entered", names)

with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
r = contextlib.nullcontext(5)
with r as v:
    print("nullcontext", v)


class Closer:
    def close(self):
        print("  closed Closer")


with contextlib.closing(Closer()):
    pass

# itertools/functools recipes
def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return itertools.zip_longest(*args, fillvalue=fillvalue)


def pairwise_sum(xs):
    return [a + b for a, b in itertools.pairwise(xs)]


def unique_everseen(iterable, key=None):
    seen = set()
    for el in itertools.filterfalse(seen.__contains__, iterable) if key is None else iterable:
        k = el if key is None else key(el)
        if k not in seen:
            seen.add(k)
            yield el


def roundrobin(*iterables):
    nexts = itertools.cycle(iter(it).__next__ for it in iterables)
    num_active = len(iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = itertools.cycle(itertools.islice(nexts, num_active))


def powerset(iterable):
    s = list(iterable)
    return itertools.chain.from_iterable(itertools.combinations(s, r) for r in range(len(s) + 1))


print(list(grouper("ABCDEFG", 3, "x")))
print(pairwise_sum([1, 2, 3, 4]))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(roundrobin("ABC", "D", "EF")))
print(list(powerset([1, 2, 3])))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul, initial=10)))
print([(k, len(list(g))) for k, g in itertools.groupby(sorted("mississippi"))])
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])), list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.islice(itertools.count(10, 2.5), 4)), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.product("ab", repeat=2)), len(list(itertools.permutations(range(5), 3))))
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3], 0))


@functools.lru_cache(maxsize=3)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__wrapped__(5) if False else fib(5))


@functools.singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return "list of " + ", ".join(describe(i) for i in x)


print(describe(3), describe("s"), describe([1, "a", [2]]), describe(True))


class Version(functools.total_ordering(object) if False else object):
    pass


@functools.total_ordering
class V:
    def __init__(self, s):
        self.t = tuple(map(int, s.split(".")))

    def __eq__(self, o):
        return self.t == o.t

    def __lt__(self, o):
        return self.t < o.t

    def __repr__(self):
        return "V(" + ".".join(map(str, self.t)) + ")"


vs = [V("1.10"), V("1.2"), V("1.2.1"), V("0.9")]
print(sorted(vs), max(vs), V("1.0") >= V("1.0"), V("2.0") > V("10.0"))
p = functools.partial(int, base=2)
print(p("1011"), p.func, p.args, p.keywords, repr(functools.partial(max, 1, key=abs)))


class Temp:
    def __init__(self):
        self._c = 0

    @functools.cached_property
    def expensive(self):
        print("  computing")
        return 42


t = Temp()
print(t.expensive, t.expensive, vars(t))
print(sys.getrecursionlimit() > 0)
