# Instances of float subclasses die through float's own deallocator (the
# solid base's). Only exact floats may be recycled by the per-thread float
# free list: a subclass instance is larger and tracked by the collector, and
# recycled as a plain float it stayed in the collector's registry.
import gc


class F(float):
    pass


class G(float):
    __slots__ = ()


def churn(n):
    xs = [F(i * 0.5) for i in range(n)]
    for x in xs:
        x.attr = [x]  # a cycle through the instance dict
    del xs, x
    gs = [G(i) for i in range(n)]
    del gs
    gc.collect()


churn(600)
# Plain floats made now come from the free list.
ys = [i * 1.25 for i in range(1200)]
print(sum(ys))
print(any(type(o) is float for o in gc.get_objects()))
print(gc.is_tracked(F(1.0)), gc.is_tracked(2.5))
# Fill and overflow the free list so that recycled floats also go back to
# the heap, then check arithmetic still works.
for _ in range(3):
    churn(300)
    zs = [float(i) / 3 for i in range(2000)]
    del zs
    t = 0.0
    for i in range(2000):
        t = t * 0.5 + i
    print(t)
print(F(3.0) + F(4.5), type(F(2.0) * 2).__name__)
