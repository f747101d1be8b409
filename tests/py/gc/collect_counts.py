# gc.collect() returns the number of unreachable objects it found.
import gc

gc.disable()
gc.collect()

# A list that contains itself: one object.
l = []
l.append(l)
del l
print("self list", gc.collect())

# Two lists in a cycle.
a, b = [], []
a.append(b)
b.append(a)
del a, b
print("two lists", gc.collect())

# Nothing left.
print("empty", gc.collect())

# A cycle of instances with attributes (their __dict__ is not counted by
# CPython, whose instances keep attributes inline).
class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

x, y, z = Node("x"), Node("y"), Node("z")
x.next, y.next, z.next = y, z, x
del x, y, z
print("three nodes", gc.collect())

# A reachable cycle is not collected.
keep = []
keep.append(keep)
print("reachable", gc.collect())
print(keep[0] is keep)

# Garbage hanging off a cycle is freed with it.
import weakref
class Leaf:
    pass
leaf = Leaf()
r = weakref.ref(leaf)
c = [leaf]
c.append(c)
del leaf, c
print("leaf alive before", r() is not None)
gc.collect()
print("leaf alive after", r() is not None)

# Dict cycle.
d = {}
d["self"] = d
del d
print("dict", gc.collect())

# Closure cycle: the function refers to itself through its cell.
def make():
    def f():
        return f
    return f
fn = make()
del fn
print("closure", gc.collect() >= 2)

gc.enable()
print(gc.isenabled())
