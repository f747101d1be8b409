# GC collect: full cycle collections over a large live heap. Builds `scale`
# instances (each with a float, a one-item list and, for half of them, a
# reference to another instance), shuffles them so that the heap is walked
# in an order unrelated to allocation, adds `scale // 10` two-instance
# cycles of garbage before each collection, and times the collections.
# Checked: each collection finds exactly the garbage it was given.
import gc
import random
import benchlib

BENCH = {"kind": "single", "scale": 200000, "quick": 3000,
         "about": "gc.collect() over a large shuffled heap of live instances"}


class P:
    def __init__(self, i):
        self.x = float(i)
        self.y = [i]
        self.z = None


def make_garbage(n):
    for _ in range(n):
        a, b = P(0), P(1)
        a.z, b.z = b, a


def main():
    scale = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    gc.disable()
    objs = [P(i) for i in range(scale)]
    for i in range(0, scale - 1, 2):
        objs[i].z = objs[i + 1]
    random.seed(3)
    random.shuffle(objs)
    gc.collect()
    rounds, n = 8, scale // 10
    start = benchlib.clock()
    for _ in range(rounds):
        make_garbage(n)
        found = gc.collect()
        # CPython counts the two instances and their two lists; ftpy's
        # collector leaves out the instance dicts CPython would not have.
        benchlib.check_equal(found, 4 * n, "garbage found")
    elapsed = benchlib.clock() - start
    gc.enable()
    benchlib.check_equal(sum(o.y[0] for o in objs), scale * (scale - 1) // 2, "live heap intact")
    benchlib.report(elapsed)


main()
