class C:
    def m(self, x):
        return (type(self).__name__, x)
c = C()
bm = c.m
print(bm(1), C.m(c, 2))
print(bm.__func__ is C.m, bm.__self__ is c)
print(c.m == c.m, c.m is c.m)
def free(self):
    return "free " + type(self).__name__
C.f = free
print(c.f())
c.g = free
try:
    c.g()
except TypeError as e:
    print(e)
print(c.g(c))
import types
c.h = types.MethodType(free, c)
print(c.h())
class D(C):
    def m(self, x):
        return ("D", super().m(x))
print(D().m(3))
print(C.__dict__["m"].__get__(c, C)(4))
