def f(a, b, c):
    return a, b, c
print(f(1, 2, 3), f(1, c=3, b=2), f(c=1, b=2, a=3))
def g(a, b=2, c=3):
    return a + b + c
print(g(1), g(1, 1), g(1, c=10), g(a=0, b=0, c=0))
def cases(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print(type(e).__name__, e)
cases(f, 1, 2)
cases(f, 1)
cases(f)
cases(f, 1, 2, 3, 4)
cases(f, 1, 2, 3, d=4)
cases(f, 1, 2, a=1)
cases(g)
cases(g, 1, 2, 3, 4)
def h():
    return "h"
cases(h, 1)
cases(h, x=1)
