def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def t(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print(type(e).__name__, e)
t(f, 1, b=2, c=3, d=4)
t(f, a=1, b=2, c=3, d=4)
t(f, 1, 2, 3, 4)
t(f, 1, 2, 3)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(a, b=5, /):
    return a * b
print(h(2), h(2, 3))
t(h)
def only_kw(*, k=1, m):
    return k, m
print(only_kw(m=2))
t(only_kw, 1, m=2)
t(only_kw)
def mixed(p, /, q, *, r):
    return p + q + r
print(mixed(1, 2, r=3), mixed(1, q=2, r=3))
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
