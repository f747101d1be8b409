class A:
    def who(self): return "A"
    def only_a(self): return "only A"
class B(A):
    def who(self): return "B"
class C(A):
    def who(self): return "C"
    def only_c(self): return "only C"
class D(B, C): pass
d = D()
print(d.who(), d.only_a(), d.only_c())
print([k.__name__ for k in D.__mro__])
class E(C, B): pass
print(E().who(), [k.__name__ for k in E.mro()])
B.who = lambda self: "patched B"
print(d.who())
del B.who
print(d.who())
