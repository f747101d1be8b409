"""LRU cache with OrderedDict plus a weakref-based object registry."""
import collections
import weakref
import gc
import functools


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = collections.OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, loader):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        value = loader(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print(f"  evict {old!r}")
        return value

    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"


cache = LRU(3)
for k in "abcadeafb":
    cache.get(k, str.upper)
print(cache, cache.data.keys(), list(reversed(cache.data)))


class Session:
    live = weakref.WeakValueDictionary()
    meta = weakref.WeakKeyDictionary()

    def __init__(self, sid):
        self.sid = sid
        Session.live[sid] = self
        Session.meta[self] = {"created": sid * 10}

    def __repr__(self):
        return f"Session({self.sid})"


closed = []
s1, s2, s3 = Session(1), Session(2), Session(3)
fin = weakref.finalize(s2, closed.append, "s2 finalized")
print(sorted(Session.live.keys()), len(Session.meta), fin.alive)
del s2
gc.collect()
print(sorted(Session.live.keys()), len(Session.meta), closed, fin.alive)
r = weakref.ref(s1, lambda ref: closed.append("s1 callback"))
print(r() is s1, weakref.getweakrefcount(s1) >= 1)
del s1
gc.collect()
print(r(), closed)


class Handler:
    def __init__(self, name):
        self.name = name

    def on_event(self, e):
        return f"{self.name} got {e}"


h = Handler("h1")
wm = weakref.WeakMethod(h.on_event)
print(wm()("ping"), wm() == h.on_event)
del h
gc.collect()
print(wm())
ws = weakref.WeakSet([s3])
print(len(ws), s3 in ws)
p = weakref.proxy(s3)
print(p.sid, repr(p)[:14])
del s3
gc.collect()
print(len(ws), list(Session.live.items()))
try:
    p.sid
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)


@functools.lru_cache(maxsize=2, typed=True)
def square(x):
    print(f"  computing {x!r}")
    return x * x


print(square(2), square(2.0), square(2), square(3), square(2), square.cache_info())
print(square.cache_parameters())
