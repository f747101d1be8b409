"""An LRU cache class, an event bus built from decorators and closures,
and a memoizing decorator with statistics."""
from collections import OrderedDict
import functools
import weakref


class LRUCache:
    """Least-recently-used mapping with a fixed capacity."""

    _MISSING = object()

    def __init__(self, capacity=3, on_evict=None):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data = OrderedDict()
        self.on_evict = on_evict
        self.hits = self.misses = 0

    def get(self, key, default=None):
        value = self._data.get(key, self._MISSING)
        if value is self._MISSING:
            self.misses += 1
            return default
        self.hits += 1
        self._data.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = value
        while len(self._data) > self.capacity:
            old_key, old_val = self._data.popitem(last=False)
            if self.on_evict:
                self.on_evict(old_key, old_val)

    def __getitem__(self, key):
        value = self.get(key, self._MISSING)
        if value is self._MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"{type(self).__name__}({{{items}}}, capacity={self.capacity})"


evicted = []
c = LRUCache(3, on_evict=lambda k, v: evicted.append(k))
for k in "abcabd":
    c[k] = ord(k)
print(c, evicted)
print(c["a"], c.get("zz", -1), "b" in c, len(c))
c["e"] = 5
print(c, evicted, c.hits, c.misses)
try:
    c["b"]
except KeyError as e:
    print("KeyError", e)
try:
    LRUCache(0)
except ValueError as e:
    print(e)


class EventBus:
    def __init__(self):
        self._handlers = {}

    def on(self, event, *, priority=0):
        def register(fn):
            self._handlers.setdefault(event, []).append((priority, fn))
            self._handlers[event].sort(key=lambda p: -p[0])
            return fn
        return register

    def emit(self, event, *args, **kwargs):
        results = []
        for _, fn in self._handlers.get(event, ()):
            try:
                results.append(fn(*args, **kwargs))
            except StopIteration:
                results.append("stopped")
                break
            except Exception as e:
                results.append(f"{fn.__name__} failed: {e!r}")
        return results


bus = EventBus()


@bus.on("login")
def greet(user):
    return f"welcome {user}"


@bus.on("login", priority=10)
def audit(user):
    return f"audit: {user} logged in"


@bus.on("login", priority=5)
def check(user):
    if user == "mallory":
        raise PermissionError(f"{user} is banned")
    return "ok"


@bus.on("logout")
def stopper(user):
    raise StopIteration


@bus.on("logout", priority=-1)
def never(user):
    return "unreachable"


print(bus.emit("login", "alice"))
print(bus.emit("login", "mallory"))
print(bus.emit("logout", "alice"))
print(bus.emit("nothing"))


def counter_factory():
    count = 0

    def incr(step=1):
        nonlocal count
        count += step
        return count
    return incr


a, b = counter_factory(), counter_factory()
print(a(), a(), a(10), b(), a.__code__.co_freevars, a.__closure__[0].cell_contents)


def memo(fn):
    cache = {}
    stats = {"hits": 0, "calls": 0}

    @functools.wraps(fn)
    def wrapper(*args):
        stats["calls"] += 1
        if args in cache:
            stats["hits"] += 1
            return cache[args]
        result = cache[args] = fn(*args)
        return result
    wrapper.stats = stats
    wrapper.cache_clear = cache.clear
    return wrapper


@memo
def partitions(n, k):
    """Number of partitions of n into parts of size at most k."""
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print(partitions(60, 60), partitions.stats, partitions.__name__, partitions.__doc__)
print(partitions.__wrapped__(5, 5))


@functools.lru_cache(maxsize=32)
def collatz(n):
    return 0 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


best = max(range(1, 3000), key=collatz)
print(best, collatz(best), collatz.cache_info())
collatz.cache_clear()
print(collatz.cache_info())


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


registry = weakref.WeakValueDictionary()
nodes = [Node(i) for i in range(4)]
for n in nodes:
    registry[n.name] = n
print(sorted(registry.keys()))
del nodes[1:3]
print(sorted(registry.keys()), registry.get(1), registry[0])
