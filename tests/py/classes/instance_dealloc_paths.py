# Instances dying through subtype_dealloc: weak references (with and without
# callbacks), __slots__ with and without __weakref__/__dict__, subclasses of
# built-ins, and __del__ resurrection.
import gc
import weakref


class Plain:
    def __init__(self, v):
        self.v = v


log = []
p = Plain(1)
r1 = weakref.ref(p)
r2 = weakref.ref(p, lambda r: log.append(("cb", r() is None)))
del p
print(r1() is None, r2() is None, log)

# Many instances, only some weakly referenced.
refs = []
for i in range(100):
    o = Plain(i)
    if i % 10 == 0:
        refs.append(weakref.ref(o, lambda r, i=i: log.append(i)))
del o
print(all(r() is None for r in refs), log[1:])


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class SlottedDict(Slotted):
    __slots__ = ("__dict__",)


s = Slotted([1], [2])
print(s.a, s.b)
try:
    weakref.ref(s)
except TypeError as e:
    print(e)
sw = SlottedWeak()
sw.a = "x"
rw = weakref.ref(sw, lambda r: log.append("slotted"))
del sw
print(rw() is None, log[-1])
sd = SlottedDict(1, 2)
sd.extra = 3
print(sd.a, sd.b, sd.extra, sd.__dict__)
del sd


class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"


ml = MyList([1, 2, 3])
rml = weakref.ref(ml)
print(ml, ml.tag, len(ml))
del ml
print(rml() is None)

saved = []


class Phoenix:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        if self.v < 2:
            self.v += 1
            saved.append(self)


x = Phoenix(0)
del x
print(len(saved), saved[0].v)
y = saved.pop()
del y
print(len(saved))
gc.collect()
print("done")
