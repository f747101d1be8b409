f = lambda: 42
print(f())
g = lambda x, y=2, *a, k=3, **kw: (x, y, a, k, kw)
print(g(1))
print(g(1, 5, 6, 7, k=8, z=9))
h = lambda *, key: key * 2
print(h(key=4))
print((lambda x: lambda y: x * y)(3)(4))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(f.__name__, (lambda: 0).__qualname__)
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(i) for i in range(4)])
pos = lambda a, /, b: a - b
print(pos(10, b=3))
try:
    pos(a=1, b=2)
except TypeError as e:
    print(type(e).__name__, e)
