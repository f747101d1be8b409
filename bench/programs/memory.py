# Memory: peak resident memory of a million small objects (three attributes
# each) plus a large dict mapping strings to strings, all alive at once. The
# runner reads the peak RSS of the process; the time is reported too but is
# not the point. Checked by recomputing sums over what was built.
import benchlib

BENCH = {"kind": "memory", "scale": 1000000, "quick": 50000,
         "about": "peak RSS: 1M small objects + dict of N/2 str -> str"}


class Small:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    objects = []
    for i in range(n):
        objects.append(Small(i, i + 1, None))
    table = {}
    half = n // 2
    for i in range(half):
        table["key-" + str(i)] = "value-" + str(i * 7)
    elapsed = benchlib.clock() - start
    total = 0
    for o in objects:
        total += o.b - o.a
    benchlib.check_equal(total, n, "object sum")
    benchlib.check_equal(len(table), half, "dict size")
    if half:
        last = half - 1
        benchlib.check_equal(table["key-" + str(last)], "value-" + str(last * 7), "dict value")
    benchlib.report(elapsed)


main()
