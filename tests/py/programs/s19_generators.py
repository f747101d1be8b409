"""Generator pipelines over log lines: send(), throw(), close(), yield from,
itertools and generator-based coroutines."""
import itertools
import functools
import operator
from collections import Counter, namedtuple

LOG = """\
2024-01-01 10:00:01 INFO  web  GET /index 200 12ms
2024-01-01 10:00:02 WARN  web  GET /slow 200 950ms
2024-01-01 10:00:02 ERROR db   timeout after 3000ms
2024-01-01 10:00:03 INFO  web  POST /login 302 40ms
2024-01-01 10:00:05 INFO  web  GET /index 200 9ms
garbage line
2024-01-01 10:00:06 ERROR web  GET /crash 500 3ms
2024-01-01 10:00:07 DEBUG db   pool size 4
2024-01-01 10:00:09 INFO  web  GET /about 404 5ms
"""

Entry = namedtuple("Entry", "date time level source msg")


def read_lines(text):
    for line in text.splitlines():
        yield line


def parse(lines):
    bad = 0
    for line in lines:
        parts = line.split(None, 4)
        if len(parts) < 5:
            bad += 1
            continue
        yield Entry(*parts)
    return bad


def filter_level(entries, *levels):
    return (e for e in entries if e.level in levels)


def counted(gen):
    result = yield from gen
    print(f"  (parser skipped {result} bad line(s))")


entries = list(counted(parse(read_lines(LOG))))
print(len(entries), entries[0])
print([e.msg for e in filter_level(entries, "ERROR", "WARN")])
by_level = {k: len(list(g)) for k, g in itertools.groupby(sorted(entries, key=operator.attrgetter("level")), key=operator.attrgetter("level"))}
print(by_level)
print(Counter(e.source for e in entries).most_common(1))


def running_avg():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("  reset because:", e)
            total = count = 0
            avg = None
            continue
        if x is None:
            break
        total += x
        count += 1
        avg = total / count
    return count


ra = running_avg()
print(next(ra), ra.send(10), ra.send(20), ra.send(60))
print(ra.throw(ValueError("bad sample")))
print(ra.send(5))
try:
    ra.send(None)
except StopIteration as si:
    print("finished with", si.value)


def ticker():
    try:
        for i in itertools.count():
            yield i
    finally:
        print("  ticker cleaned up")


t = ticker()
print(list(itertools.islice(t, 3)))
t.close()
print(t.gi_frame is None, list(t))


def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x


print(list(flatten([1, [2, (3, [4, 5]), []], [[[6]]], 7])))


def chunked(it, n):
    it = iter(it)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


print(list(chunked(range(10), 4)))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate(range(5), initial=100)))
print(list(itertools.pairwise("abcd")), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.product("ab", repeat=2)), len(list(itertools.permutations(range(5), 3))), list(itertools.combinations_with_replacement("abc", 2))[:4])
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1])), list(itertools.filterfalse(str.isdigit, "a1b2")), list(itertools.chain.from_iterable(["ab", "cd"])))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b), list(itertools.repeat("x", 3)), next(itertools.cycle("q")))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4]), sum(x * x for x in range(10) if x % 2))

gen = (x * 2 for x in range(3))
print(gen.__name__, gen.__qualname__, type(gen).__name__, list(gen), list(gen))


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in itertools.takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n


print(list(itertools.islice(primes(), 15)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print([f for f in itertools.takewhile(lambda x: x < 10 ** 20, fib())][-3:])


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __reversed__(self):
        return iter(range(1, self.start + 1))


c = Countdown(4)
print(list(c), list(reversed(c)), 3 in c, sorted(c), max(c), dict(zip(c, "abcd")))


def gen_raises():
    yield 1
    raise KeyError("inside generator")


g = gen_raises()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError", e)
print(next(g, "exhausted"))


def bad_gen():
    yield 1
    raise StopIteration("oops")


try:
    list(bad_gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

g2 = running_avg()
next(g2)
g2.close()
print(g2.gi_running, g2.gi_frame)
try:
    g2.send(1)
except StopIteration:
    print("closed generator raises StopIteration")
