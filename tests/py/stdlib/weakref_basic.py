import weakref, gc
class Obj:
    def __init__(self, name): self.name = name
o = Obj("a")
r = weakref.ref(o)
print(r() is o, r().name)
del o
gc.collect()
print(r())
cache = weakref.WeakValueDictionary()
k = Obj("k")
cache["key"] = k
print("key" in cache, len(cache))
del k
gc.collect()
print("key" in cache, len(cache))
events = []
x = Obj("x")
f = weakref.finalize(x, events.append, "finalized")
print(f.alive)
del x
gc.collect()
print(events, f.alive)
try:
    weakref.ref(5)
except TypeError as e:
    print(type(e).__name__, e)
wk = weakref.WeakKeyDictionary()
key = Obj("wk")
wk[key] = 1
print(len(wk))
del key
gc.collect()
print(len(wk))
def cb(ref):
    print("callback called, referent gone:", ref() is None)
y = Obj("y")
ry = weakref.ref(y, cb)
del y
gc.collect()
