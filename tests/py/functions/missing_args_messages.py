def t(fn, *a, **k):
    try:
        fn(*a, **k)
    except TypeError as e:
        print(e)
def one(x): pass
def two(x, y): pass
def three(x, y, z): pass
def kwonly(*, a, b, c): pass
def withdef(a, b, c=1, d=2): pass
t(one)
t(two)
t(three)
t(three, 1)
t(kwonly)
t(kwonly, a=1)
t(withdef)
t(withdef, 1, 2, 3, 4, 5)
t(one, 1, 2)
t(two, 1, 2, 3, 4)
class C:
    def m(self, a): pass
    @staticmethod
    def s(a): pass
    @classmethod
    def c(cls, a): pass
t(C().m)
t(C().m, 1, 2)
t(C.s)
t(C.c)
t(lambda: 0, 1)
t(lambda x, *, y: 0, 1)
