class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
class B(A):
    def f(self): return "B.f>" + super().f()
    @classmethod
    def c(cls): return "B.c>" + super().c()
class C(B):
    def f(self):
        return "C.f>" + super(B, self).f()
    def explicit(self):
        return super(C, self).f()
c = C()
print(c.f(), c.explicit())
print(C.c())
print(super(C, c).f())
print(super(B, C).c())
s = super(C, c)
print(type(s).__name__)
class D(A):
    def f(self):
        g = lambda: super(D, self).f()
        return "D lambda>" + g()
print(D().f())
def outside(self):
    return super(E, self).f()
class E(A):
    f2 = outside
print(E().f2())
try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)
class Init:
    def __init__(self):
        self.log = ["Init"]
class Child(Init):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
print(Child().log)
