# __del__ on collected cycles: run exactly once, before the cycle is cleared,
# and resurrection is safe (PEP 442).
import gc

gc.disable()
log = []

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        # The cycle is still intact when finalizers run.
        log.append((self.name, self.partner.name))

a, b = A("a"), A("b")
a.partner, b.partner = b, a
del a, b
gc.collect()
print(sorted(log))

# Resurrection: the finalizer stores the object; it survives, and its
# finalizer never runs again.
saved = []
class Phoenix:
    count = 0
    def __del__(self):
        Phoenix.count += 1
        saved.append(self)

p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected", len(saved), Phoenix.count, gc.is_finalized(saved[0]))
p = saved.pop()
print(p.me is p)
del p
gc.collect()
print("after second collect", Phoenix.count, saved)

# The resurrected object is freed for good once unreachable again.
import weakref
class Res:
    def __del__(self):
        keep.append(self)
keep = []
o = Res()
o.cycle = o
w = weakref.ref(o)
del o
gc.collect()
print("kept", len(keep), w() is None)
keep.clear()
gc.collect()
print("gone", w() is None)

# Finalizer order does not matter to the result: every member of a larger
# cycle is finalized once.
class Counted:
    n = 0
    def __del__(self):
        Counted.n += 1
ring = [Counted() for _ in range(10)]
for i, c in enumerate(ring):
    c.next = ring[(i + 1) % 10]
del ring, c
gc.collect()
print("ring finalized", Counted.n)
gc.collect()
print("ring finalized again", Counted.n)
