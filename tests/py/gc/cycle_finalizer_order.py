# Finalizers of objects in collected cycles run oldest first, as in CPython.
import gc


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = [C(i) for i in range(4)]
for i in range(4):
    a[i].other = a[(i + 1) % 4]
del a
print("collected", gc.collect() > 0)
b = C("self")
b.me = b
c = C("pair1")
d = C("pair2")
c.o, d.o = d, c
del b, c, d
gc.collect()
print("end")
