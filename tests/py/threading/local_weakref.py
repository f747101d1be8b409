# threading.local objects (and subclasses) can be weakly referenced; the
# reference dies with the local and its callback runs.
import threading
import weakref

l = threading.local()
l.x = 1
r = weakref.ref(l)
print(r() is l, r().x)
del l
print(r())


class L(threading.local):
    pass


x = L()
r2 = weakref.ref(x, lambda ref: print("callback"))
print(r2() is x)
del x
print(r2())


class N:
    pass


n = N()
print(n.__weakref__)
w = weakref.ref(n)
print(n.__weakref__ is w)
