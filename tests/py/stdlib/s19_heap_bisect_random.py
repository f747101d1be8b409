# A task scheduler and sampling code: heapq priority queues, bisect-based
# grading and interval lookup, seeded random for simulations.
import heapq
import bisect
import random
import itertools

tasks = []
counter = itertools.count()
REMOVED = "<removed>"
entry_finder = {}


def add_task(task, priority=0):
    if task in entry_finder:
        remove_task(task)
    entry = [priority, next(counter), task]
    entry_finder[task] = entry
    heapq.heappush(tasks, entry)


def remove_task(task):
    entry = entry_finder.pop(task)
    entry[-1] = REMOVED


def pop_task():
    while tasks:
        priority, count, task = heapq.heappop(tasks)
        if task is not REMOVED:
            del entry_finder[task]
            return task
    raise KeyError("pop from an empty priority queue")


for name, prio in [("write", 5), ("test", 3), ("deploy", 9), ("review", 3), ("plan", 1)]:
    add_task(name, prio)
add_task("deploy", 0)
remove_task("test")
order = []
while True:
    try:
        order.append(pop_task())
    except KeyError as e:
        print("KeyError", e)
        break
print(order)

data = [5, 1, 8, 3, 9, 2, 7]
h = data[:]
heapq.heapify(h)
print(h, heapq.nsmallest(3, data), heapq.nlargest(2, data), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h)
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])), list(heapq.merge(["c", "a"], ["b"], key=str.upper, reverse=False)))
print(list(heapq.merge([9, 4, 1], [8, 2], reverse=True)))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect_left(a, 4, lo=4), bisect.bisect(a, 100))
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a)
recs = [("apple", 3), ("kiwi", 1), ("pear", 7)]
recs.sort(key=lambda r: r[1])
keys = [r[1] for r in recs]
print(recs[bisect.bisect_left(keys, 3)], bisect.bisect_left(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("plum", 4), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([], 1, lo=-1)
except ValueError as e:
    print("ValueError", e)

rng = random.Random(12345)
print(rng.random(), rng.randint(1, 100), rng.randrange(0, 100, 7), rng.uniform(1, 2))
print(rng.choice("abcdef"), rng.choices(range(10), k=5), rng.choices("abc", weights=[10, 1, 1], k=6))
print(rng.sample(range(100), 5), rng.sample(["x", "y", "z"], k=3, counts=None) if False else rng.sample("xyz", 2))
deck = list(range(10))
rng.shuffle(deck)
print(deck, rng.getrandbits(40), rng.randbytes(6).hex())
print(round(rng.gauss(0, 1), 6), round(rng.normalvariate(10, 2), 6), round(rng.expovariate(1.5), 6),
      round(rng.triangular(0, 10, 3), 6), round(rng.betavariate(2, 3), 6), round(rng.lognormvariate(0, 1), 6))
print(round(rng.gammavariate(2.0, 1.0), 6), round(rng.vonmisesvariate(0, 1), 6), round(rng.paretovariate(3), 6),
      round(rng.weibullvariate(1, 2), 6))
state = rng.getstate()
x1 = [rng.random() for _ in range(3)]
rng.setstate(state)
print(x1 == [rng.random() for _ in range(3)])
random.seed("text seed")
print(random.random(), random.randint(0, 10**12))
random.seed(b"bytes seed")
print(random.random())
random.seed(2**100)
print(random.random())
for bad in [lambda: rng.randrange(5, 5), lambda: rng.choice([]), lambda: rng.sample(range(3), 5),
            lambda: rng.randint(3, 1), lambda: rng.choices("ab", weights=[1], k=1)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)


# Monte-Carlo: estimate pi and a random walk
r2 = random.Random(7)
inside = sum(1 for _ in range(20000) if r2.random() ** 2 + r2.random() ** 2 <= 1)
print(inside, 4 * inside / 20000)
pos = 0
walk = []
for _ in range(20):
    pos += r2.choice((-1, 1))
    walk.append(pos)
print(walk, max(walk), min(walk))
sysr = random.SystemRandom()
print(0 <= sysr.random() < 1, len(sysr.choices("ab", k=4)))
