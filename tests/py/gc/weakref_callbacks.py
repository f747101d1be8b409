# Weak references to objects in collected cycles are cleared and their
# callbacks run; a weakref that is garbage itself does not call back.
import gc
import weakref

gc.disable()

class Obj:
    pass

events = []
a, b = Obj(), Obj()
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: events.append(("a", r() is None)))
rb = weakref.ref(b, lambda r: events.append(("b", r() is None)))
del a, b
print("before", events)
gc.collect()
print(sorted(events))
print(ra() is None, rb() is None)

# The callback of a weakref that is part of the garbage is not called.
called = []
c = Obj()
c.me = c
c.wr = weakref.ref(c, lambda r: called.append(1))
del c
gc.collect()
print("garbage weakref callback", called)

# Weakrefs are cleared before finalizers run.
seen = []
class WithDel:
    def __del__(self):
        seen.append(self.ref() is None)
d = WithDel()
d.me = d
d.ref = weakref.ref(d)
del d
gc.collect()
print("cleared before __del__", seen)

# WeakValueDictionary entries vanish with the cycle.
wvd = weakref.WeakValueDictionary()
e = Obj()
e.me = e
wvd["e"] = e
del e
gc.collect()
print("wvd", list(wvd.keys()))
