# The collector sees instance attributes as references: cycles through
# attributes are collected (gc.collect() counts), gc.get_referents() lists
# attribute values (before and after vars() and __dict__ replacement),
# weakrefs to instances with attributes, __del__ reading attributes.
import gc
import weakref

gc.collect()
gc.disable()


class Node:
    pass


class Marker:
    def __init__(self, tag):
        self.tag = tag


def reachable_attr_values(o):
    # Whatever form the attribute storage takes, the values must be reachable
    # through get_referents (directly, or via one dict in between).
    out = set()
    for r in gc.get_referents(o):
        if type(r) is dict:
            out.update(id(v) for v in r.values())
        out.add(id(r))
    return out


n = Node()
m1, m2 = Marker(1), Marker(2)
n.a = m1
n.b = [m2]
vals = reachable_attr_values(n)
print(id(m1) in vals, id(n.b) in vals)
vars(n)
print(id(m1) in reachable_attr_values(n))
n.__dict__ = {"c": m2}
vals = reachable_attr_values(n)
print(id(m2) in vals, id(m1) in vals)
print(gc.is_tracked(n), gc.is_tracked(Node()))

# Self cycle through an attribute.
o = Node()
o.self = o
r = weakref.ref(o)
del o
print(r() is not None, gc.collect() >= 1, r() is None)

# Cycle of 3 instances, each with a few attributes, attributes stored in
# different orders.
def make_ring():
    a, b, c = Node(), Node(), Node()
    a.next, a.val = b, "a"
    b.val, b.next = "b", c
    c.pad = None
    c.next = a
    return weakref.ref(a), weakref.ref(b), weakref.ref(c)


refs = make_ring()
print([x() is not None for x in refs])
print(gc.collect() >= 3, [x() is None for x in refs])

# A cycle through a materialised dict and one through a replaced dict.
p = Node()
p.x = 1
d = vars(p)
d["loop"] = p
rp = weakref.ref(p)
del p, d
q = Node()
q.__dict__ = {"me": q}
rq = weakref.ref(q)
del q
print(gc.collect() >= 2, rp() is None, rq() is None)

# A cycle through a wide instance (many attributes).
w = Node()
for i in range(40):
    setattr(w, f"a{i}", i)
w.back = w
rw = weakref.ref(w)
del w
print(gc.collect() >= 1, rw() is None)

# Non-cyclic instances die by refcount: no collection needed.
z = Node()
z.v = Marker("z")
rz = weakref.ref(z)
rzv = weakref.ref(z.v)
del z
print(rz() is None, rzv() is None)

# Deleting an attribute releases the value at once.
y = Node()
y.m = Marker("y")
rym = weakref.ref(y.m)
del y.m
print(rym() is None)
y.m = Marker("y2")
rym = weakref.ref(y.m)
y.m = None
print(rym() is None)
y.m = Marker("y3")
rym = weakref.ref(y.m)
vars(y).clear()
print(rym() is None)
y.m = Marker("y4")
rym = weakref.ref(y.m)
y.__dict__ = {}
print(rym() is None)

# __del__ reads the instance's attributes; resurrection via a global.
log = []
saved = []


class WithDel:
    def __init__(self, name, resurrect=False):
        self.name = name
        self.resurrect = resurrect
        self.payload = [name] * 2

    def __del__(self):
        log.append((self.name, self.payload, sorted(vars(self))))
        if self.resurrect:
            saved.append(self)


a = WithDel("plain")
del a
b = WithDel("cycle")
b.me = b
del b
gc.collect()
c = WithDel("res", resurrect=True)
c.extra = 1
del c
print(log)
print(len(saved), saved[0].name, saved[0].extra, vars(saved[0]).keys())
saved.clear()

# weakref callbacks and WeakValueDictionary with instances carrying attributes.
cb_log = []
objs = [Node() for _ in range(5)]
for i, ob in enumerate(objs):
    ob.i = i
refs = [weakref.ref(ob, lambda r, i=i: cb_log.append(i)) for i, ob in enumerate(objs)]
del objs[1:3]
print(sorted(cb_log), [r() is not None and r().i for r in refs])
wvd = weakref.WeakValueDictionary()
held = []
for i in range(4):
    nn = Node()
    nn.k = i
    wvd[i] = nn
    held.append(nn)
del nn
keep = wvd[2]
del held
print(sorted(wvd.keys()), keep.k)

# Instances with __weakref__ and attributes of the same name semantics.
class Slotted:
    __slots__ = ("v", "__weakref__")


s = Slotted()
s.v = Node()
s.v.inner = s
rs = weakref.ref(s)
del s
print(gc.collect() >= 2, rs() is None)
gc.enable()
