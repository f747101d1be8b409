def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, x=3))
print(f(*range(3), **dict(a=1)))
def g(a, *rest, last=None):
    return a, rest, last
print(g(1), g(1, 2, 3), g(1, 2, last=9))
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3))
def mutate(*args):
    return type(args).__name__
print(mutate(1, 2))
def collect(**kw):
    kw["new"] = 1
    return kw
d = {"a": 1}
print(collect(**d), d)
def t(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print(type(e).__name__, e)
def pos2(a, b): return a + b
t(pos2, *[1], **{"b": 2})
t(pos2, *[1], **{"a": 2})
t(pos2, *[1, 2, 3])
def star_names(*, a, b, c):
    return a
t(star_names)
t(star_names, a=1)
