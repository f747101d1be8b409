# obj.__dict__ is one stable dict object; changes made through it and through
# attribute access are seen by the other side, in both directions, also when
# they are interleaved with further stores; __dict__ replacement (plain dict
# and dict subclass); vars(obj) is obj.__dict__.


class C:
    def __init__(self):
        self.x = 1
        self.y = 2


o = C()
d = o.__dict__
print(d is o.__dict__, vars(o) is d, vars(o) is o.__dict__)
o.z = 3  # a new attribute after the dict was handed out
print(d, d is o.__dict__)

# Through the dict -> seen as attributes.
d["w"] = 4
print(o.w, list(vars(o)))
d["x"] = 100
print(o.x)
print(d.pop("y"), hasattr(o, "y"))
o.y = 22
print(d["y"], list(d))
d.update(a=5, x=101)
print(o.a, o.x, list(d))
d.update({"b": 6}, c=7)
print(o.b, o.c, list(d))
print(d.setdefault("x", 0), d.setdefault("n", "new"), o.n)
del d["n"]
print(hasattr(o, "n"))
d.clear()
print(vars(o), hasattr(o, "x"), getattr(o, "z", "gone"))
o.x = "after clear"
print(d, d is o.__dict__)

# Through attributes -> seen in the dict handed out earlier.
o2 = C()
d2 = vars(o2)
o2.k = "k"
del o2.x
o2.x = "x2"
print(d2, len(d2), "k" in d2, d2.get("y"))
d2.popitem()  # removes the last inserted: x
print(list(d2), hasattr(o2, "x"))

# Interleave: dict first, then many attribute stores, then dict again.
o3 = C()
d3 = o3.__dict__
for i in range(10):
    setattr(o3, f"a{i}", i)
    d3[f"b{i}"] = -i
print(len(d3), list(d3)[:6], o3.a9, o3.b9, d3 is vars(o3))
for i in range(0, 10, 2):
    del d3[f"a{i}"]
    delattr(o3, f"b{i}")
print(list(o3.__dict__))
# Identity survives a long series of operations.
print(d3 is o3.__dict__)

# A dict fetched before any attribute exists.
class Empty:
    pass


e = Empty()
de = e.__dict__
print(de, de is e.__dict__)
e.first = 1
print(de)
de["second"] = 2
print(e.second, vars(e))

# Replacement.
r = C()
old = r.__dict__
new = {"p": 1, "q": 2}
r.__dict__ = new
print(r.__dict__ is new, vars(r) is new, r.p, hasattr(r, "x"), old)
r.s = 3
print(new, list(vars(r)))
new["t"] = 4
print(r.t)
del r.p
print(new)
old["x"] = 999  # the old dict is detached
print(hasattr(r, "x"), old)
# Replace again with the same dict shared between two objects.
r2 = C()
r2.__dict__ = new
r.shared = "yes"
print(r2.shared, r2.__dict__ is r.__dict__)
# Replace with a copy of another instance's dict.
r3 = C()
r3.__dict__ = dict(vars(C()), extra=1)
print(vars(r3))
r3.__dict__ = {}
print(vars(r3), hasattr(r3, "x"))


class LoggingDict(dict):
    def __setitem__(self, k, v):
        print("  dict-subclass setitem", k)
        super().__setitem__(k, v)


ld = LoggingDict(a=1)
r4 = C()
r4.__dict__ = ld
print(type(r4.__dict__).__name__, r4.__dict__ is ld, r4.a)
r4.b = 2  # CPython stores with the plain dict insert, no __setitem__ call
print(ld, r4.b, type(vars(r4)).__name__)
del r4.a
print(ld)
try:
    r4.__dict__ = [("a", 1)]
except TypeError as e:
    print("TypeError:", e)

# Instances created in a loop each get their own dict.
objs = [C() for _ in range(5)]
ds = [vars(x) for x in objs]
print(len({id(x) for x in ds}), all(vars(x) is dd for x, dd in zip(objs, ds)))
objs[0].only0 = 1
print([hasattr(x, "only0") for x in objs])

# __dict__ equality and copying does not alias.
c1, c2 = C(), C()
print(c1.__dict__ == c2.__dict__, c1.__dict__ is c2.__dict__)
cp = dict(c1.__dict__)
c1.x = "changed"
print(cp, vars(c1))
