# An LRU cache built on OrderedDict and on a linked list, functools.lru_cache and memoised recursion.
import functools
from collections import OrderedDict


class LRU:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            return old
        return None

    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"


class Node:
    __slots__ = ("key", "val", "prev", "next")

    def __init__(self, key=None, val=None):
        self.key, self.val = key, val
        self.prev = self.next = None


class LinkedLRU:
    """Same behaviour as LRU, with a dict and a doubly linked list."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.map = {}
        self.head, self.tail = Node(), Node()
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev

    def _push_front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n

    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            return default
        self._unlink(n)
        self._push_front(n)
        return n.val

    def put(self, key, value):
        n = self.map.get(key)
        if n:
            n.val = value
            self._unlink(n)
            self._push_front(n)
            return None
        n = Node(key, value)
        self.map[key] = n
        self._push_front(n)
        if len(self.map) > self.capacity:
            last = self.tail.prev
            self._unlink(last)
            del self.map[last.key]
            return last.key
        return None

    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out[::-1]


a, b = LRU(3), LinkedLRU(3)
ops = [("put", 1), ("put", 2), ("put", 3), ("get", 1), ("put", 4), ("get", 2), ("get", 3),
       ("put", 5), ("get", 1), ("put", 3), ("put", 6), ("get", 4), ("get", 5)]
for op, k in ops:
    if op == "put":
        ea, eb = a.put(k, k * k), b.put(k, k * k)
        assert ea == eb, (ea, eb)
        print(f"put {k}: evicted {ea}")
    else:
        ra, rb = a.get(k, -1), b.get(k, -1)
        assert ra == rb
        print(f"get {k}: {ra}")
print(a)
print(list(a.data) == b.keys(), b.keys())
try:
    LRU(0)
except ValueError as e:
    print("ValueError:", e)


calls = 0

@functools.lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(100), calls, fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)


@functools.lru_cache(maxsize=2)
def square(x):
    return x * x

for x in (1, 2, 1, 3, 2, 1):
    square(x)
print(square.cache_info())


@functools.lru_cache(maxsize=8, typed=True)
def ident(x):
    return type(x).__name__

print(ident(1), ident(1.0), ident(True), ident.cache_info().currsize)


@functools.cache
def partitions(n, k):
    """Number of partitions of n into parts of size <= k."""
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)

print([partitions(n, n) for n in range(1, 16)], partitions(100, 100))
print(partitions.__doc__)


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = fn(*args, **kwargs)
        return cache[key]
    wrapper.cache = cache
    return wrapper


@memoize
def edit_distance(a, b):
    """Levenshtein distance."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit_distance(a[1:], b[1:])
    return 1 + min(edit_distance(a[1:], b), edit_distance(a, b[1:]), edit_distance(a[1:], b[1:]))

for x, y in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution")]:
    print(x, y, edit_distance(x, y))
print(edit_distance.__name__, edit_distance.__doc__, len(edit_distance.cache) > 10, edit_distance.__wrapped__.__name__)


@memoize
def grid_paths(r, c, *, blocked=frozenset()):
    if (r, c) in blocked:
        return 0
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c, blocked=blocked) + grid_paths(r, c - 1, blocked=blocked)

print(grid_paths(10, 10), grid_paths(16, 16), grid_paths(5, 5, blocked=frozenset({(2, 2), (3, 1)})))


class Expensive:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @functools.cached_property
    def divisors(self):
        self.computed += 1
        return [d for d in range(1, self.n + 1) if self.n % d == 0]

e = Expensive(360)
print(len(e.divisors), e.divisors[:6], e.computed, e.computed)
del e.divisors
print(sum(e.divisors), e.computed, "divisors" in vars(e))

@functools.lru_cache
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)

best = max(range(1, 3000), key=collatz)
print(best, collatz(best), collatz.cache_info().maxsize)
