# Freeing very long chains of objects must not overflow the C stack (each
# object's deallocation releases the next one). Every container kind, with
# __del__ and weakref callbacks still run before `del` returns. (A deque chain
# is in tests/stress/deep_dealloc_threads.py: CPython 3.11 crashes on it.)
import gc
import weakref

N = 200_000


class Node:
    pass


class SlotNode:
    __slots__ = ("next", "__weakref__")


def instances():
    n = None
    for _ in range(N):
        m = Node()
        m.next = n
        n = m
    return n


def slots():
    n = None
    for _ in range(N):
        m = SlotNode()
        m.next = n
        n = m
    return n


def nested(wrap):
    x = None
    for _ in range(N):
        x = wrap(x)
    return x


def closures():
    f = None
    for _ in range(N):
        def make(prev):
            def g():
                return prev
            return g
        f = make(f)
    return f


def generators():
    def gen(prev):
        yield prev
    g = None
    for _ in range(N):
        g = gen(g)
    return g


def suspended_generators():
    # Each one is closed (GeneratorExit runs its finally block) as it dies.
    closed = [0]

    def gen(prev):
        try:
            yield prev
        finally:
            closed[0] += 1
    g = None
    for _ in range(N // 4):
        g = gen(g)
        next(g)
    return g, closed


class Holder:
    def __init__(self, prev):
        self.prev = prev

    def method(self):
        return self.prev


def bound_methods():
    m = None
    for _ in range(N):
        m = Holder(m).method
    return m


def exceptions():
    e = None
    for _ in range(N):
        e = ValueError(e)
    return e


gc.disable()
cases = [
    ("instances", instances),
    ("slots", slots),
    ("list", lambda: nested(lambda x: [x])),
    ("tuple", lambda: nested(lambda x: (x,))),
    ("dict", lambda: nested(lambda x: {"k": x})),
    ("set", lambda: nested(lambda x: {Holder(x)})),
    ("frozenset", lambda: nested(lambda x: frozenset([x]))),
    ("closures", closures),
    ("generators", generators),
    ("bound methods", bound_methods),
    ("exceptions", exceptions),
    ("cells and lists", lambda: nested(lambda x: [Holder(x)])),
]
for name, make in cases:
    head = make()
    del head
    print(name, "freed")

g, closed = suspended_generators()
del g
print("suspended generators closed:", closed[0])


# __del__ runs for every node, head first, before `del` returns; a weakref
# callback on the tail runs too.
order = []


class Finalized:
    def __init__(self, i, nxt):
        self.i = i
        self.next = nxt

    def __del__(self):
        order.append(self.i)


tail = Finalized(0, None)
fired = []
r = weakref.ref(tail, lambda ref: fired.append("tail"))
head = tail
del tail
for i in range(1, N // 4):
    head = Finalized(i, head)
del head
print(len(order), order[:3], order[-3:], order == sorted(order, reverse=True))
print(fired, r() is None)

# The weakly referenced nodes of a freed slots chain are all dead.
n = slots()
refs = [weakref.ref(n), weakref.ref(n.next.next)]
del n
print([x() for x in refs])

# A cycle whose members hold long chains: the collector frees it.
gc.enable()
a = Node()
b = Node()
a.other, b.other = b, a
a.chain = instances()
b.chain = nested(lambda x: [x])
wa = weakref.ref(a)
del a, b
gc.collect()
print("cycle collected:", wa() is None)

# Deep structures still raise RecursionError where Python recursion would
# be needed to compare or print them (not a crash).
deep = nested(lambda x: [x])
try:
    repr(deep)
except RecursionError as e:
    print("repr:", type(e).__name__)
deep2 = nested(lambda x: [x])
try:
    deep == deep2
except RecursionError as e:
    print("eq:", type(e).__name__)
del deep, deep2
print("done")
