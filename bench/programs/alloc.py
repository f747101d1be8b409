# Alloc: allocation-heavy object code. Repeatedly builds complete binary
# trees of small objects and walks them, builds and drops linked lists, and
# makes short-lived tuples, lists and dicts. Checked by node counts (a tree
# of depth d has 2**(d+1) - 1 nodes) and sums against closed forms.
import benchlib

BENCH = {"kind": "single", "scale": 15, "quick": 8,
         "about": "object allocation and deallocation, short-lived containers"}


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Cell:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def linked(n):
    head = None
    for i in range(n):
        head = Cell(i, head)
    total = 0
    while head is not None:
        total += head.value
        head = head.rest
    return total


def containers(n):
    total = 0
    for i in range(n):
        t = (i, i + 1)
        l = [i, t, None]
        d = {"a": i, "b": l}
        total += d["b"][1][1] - d["a"]
    return total


def main():
    depth = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    long_lived = make_tree(depth)
    checked = 0
    for d in range(4, depth + 1, 2):
        iterations = 2 ** (depth - d + 2)
        for _ in range(iterations):
            benchlib.check_equal(count(make_tree(d)), 2 ** (d + 1) - 1, "tree size")
            checked += 1
    n = 2 ** depth * 4
    total = linked(n)
    extra = containers(n)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(count(long_lived), 2 ** (depth + 1) - 1, "long-lived tree size")
    benchlib.check_equal(total, n * (n - 1) // 2, "linked list sum")
    benchlib.check_equal(extra, n, "container sum")
    benchlib.check(checked > 0, "no trees built")
    benchlib.report(elapsed)


main()
