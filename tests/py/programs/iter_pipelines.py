# Generator pipelines with itertools: groupby, accumulate, chain, islice, tee, zip_longest, product...
import itertools as it
import operator
from collections import Counter, namedtuple

Sale = namedtuple("Sale", "day region item qty price")

RAW = """\
mon,north,apple,3,0.5
mon,south,pear,2,0.75
mon,north,pear,1,0.75
tue,north,apple,10,0.45
tue,east,plum,4,1.2
wed,south,apple,6,0.5
wed,south,plum,1,1.25
wed,east,apple,2,0.5
thu,north,plum,7,1.1
"""


def read_lines(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def parse(lines):
    for line in lines:
        day, region, item, qty, price = line.split(",")
        yield Sale(day, region, item, int(qty), float(price))


def with_total(sales):
    for s in sales:
        yield s, round(s.qty * s.price, 2)


sales = list(parse(read_lines(RAW)))
print(len(sales), sales[0])
print(sales[0]._asdict(), sales[1]._replace(qty=99).qty, Sale._fields)

print("-- groupby day (input is sorted by day)")
for day, group in it.groupby(with_total(sales), key=lambda p: p[0].day):
    group = list(group)
    print(f"{day}: {len(group)} sales, revenue {sum(t for _, t in group):.2f}")

print("-- groupby region after sorting")
by_region = sorted(sales, key=operator.attrgetter("region"))
print({k: [s.item for s in g] for k, g in it.groupby(by_region, key=operator.attrgetter("region"))})
print([(k, len(list(g))) for k, g in it.groupby("aaabccddddae")])

print("-- accumulate")
qtys = [s.qty for s in sales]
print(list(it.accumulate(qtys)), list(it.accumulate(qtys, max)), list(it.accumulate(qtys, operator.mul, initial=1))[-1])
print(list(it.accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=0)))

print("-- chain / islice / count / cycle / repeat")
print(list(it.chain("ab", [1, 2], (None,))), list(it.chain.from_iterable([[1], [], [2, 3]])))
print(list(it.islice(it.count(10, 5), 3, 8)), list(it.islice("abcdefg", None, None, 3)), list(it.islice(it.cycle("xy"), 5)))
print(list(it.repeat("z", 3)), list(map(pow, range(5), it.repeat(2))))

print("-- tee")
a, b = it.tee(x * x for x in range(6))
next(b)
print(list(zip(a, b)))
evens, odds = it.tee(range(10))
print(list(filter(lambda x: x % 2 == 0, evens)), list(it.filterfalse(lambda x: x % 2 == 0, odds)))

print("-- zip_longest / pairwise / starmap / compress / dropwhile / takewhile")
print(list(it.zip_longest("abc", [1, 2], fillvalue="-")))
print(list(it.pairwise([1, 4, 9, 16])), list(it.starmap(operator.sub, it.pairwise([10, 7, 3, 1]))))
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])),
      list(it.takewhile(str.isalpha, "abc1de")))

print("-- combinatorics")
print(list(it.product("ab", repeat=2)), len(list(it.product(range(3), range(4), range(2)))))
print(list(it.permutations([1, 2, 3], 2)), sum(1 for _ in it.permutations(range(6))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 3)))

print("-- puzzles with pipelines")
# SEND + MORE = MONEY style: find digits for TWO + TWO = FOUR
def solve():
    for t, w, o, f, u, r in it.permutations(range(10), 6):
        if t == 0 or f == 0:
            continue
        two = 100 * t + 10 * w + o
        four = 1000 * f + 100 * o + 10 * u + r
        if two + two == four:
            yield two, four
sols = list(it.islice(solve(), 3))
print(sols, sum(1 for _ in solve()))

def primes():
    found = []
    for n in it.count(2):
        if all(n % p for p in it.takewhile(lambda p: p * p <= n, found)):
            found.append(n)
            yield n
print(list(it.islice(primes(), 15)))

def window(iterable, n):
    its = it.tee(iterable, n)
    for i, x in enumerate(its):
        for _ in range(i):
            next(x, None)
    return zip(*its)
print(["".join(w) for w in window("abcdef", 3)])

def batched(iterable, n):
    iterator = iter(iterable)
    while chunk := tuple(it.islice(iterator, n)):
        yield chunk
print(list(batched(range(10), 4)))

def flatten(x):
    for y in x:
        if isinstance(y, (list, tuple)):
            yield from flatten(y)
        else:
            yield y
print(list(flatten([1, [2, (3, [4, []]), 5], [[6]]])))

counts = Counter(it.chain.from_iterable(s.item for s in sales))
print(counts.most_common(3), sorted(Counter(s.item for s in sales).items()))

# send() / two-way generators
def running_avg():
    total = n = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            return total
        total += x
        n += 1
        avg = total / n
g = running_avg()
next(g)
print([g.send(x) for x in (10, 20, 60)])
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)

gen = (i for i in range(3))
print(list(gen), list(gen), next(iter([]), "empty"))
print(sorted(it.chain(range(3), range(2)), reverse=True), max(it.chain([], [5, 1]), default=0), min((), default="none"))
