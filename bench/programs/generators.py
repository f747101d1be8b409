# Generators: recursive in-order traversal of a binary tree with `yield from`,
# a three-stage generator pipeline, and a coroutine driven by send(). Each
# result is checked against a closed form.
import benchlib

BENCH = {"kind": "single", "scale": 24, "quick": 2,
         "about": "generator creation, yield from, send, generator expressions"}


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo, hi):
    """Balanced tree holding lo..hi-1."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def walk(node):
    if node is None:
        return
    yield from walk(node.left)
    yield node.value
    yield from walk(node.right)


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def one_round(n):
    tree = build(0, n)
    walked = 0
    expected = 0
    for v in walk(tree):
        benchlib.check_equal(v, expected, "in-order value")
        walked += v
        expected += 1
    benchlib.check_equal(expected, n, "tree size")
    benchlib.check_equal(walked, n * (n - 1) // 2, "tree sum")

    piped = sum(squares(evens(numbers(n))))
    m = (n + 1) // 2  # evens below n: 0, 2, ..., 2(m-1)
    benchlib.check_equal(piped, 4 * (m - 1) * m * (2 * m - 1) // 6, "pipeline sum")

    small = sum(x for x in range(n) if x % 3 == 0)
    k = (n + 2) // 3
    benchlib.check_equal(small, 3 * k * (k - 1) // 2, "generator expression sum")

    avg = averager()
    next(avg)
    last = None
    for i in range(1, n + 1):
        last = avg.send(i)
    benchlib.check_equal(last, (n + 1) / 2, "running average")


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    for _ in range(rounds):
        one_round(20000)
    elapsed = benchlib.clock() - start
    benchlib.report(elapsed)


main()
