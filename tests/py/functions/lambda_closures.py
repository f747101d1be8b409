adders = [lambda x, n=n: x + n for n in range(4)]
print([f(10) for f in adders])
def make(n):
    return lambda x: x ** n
sq, cube = make(2), make(3)
print(sq(5), cube(2))
pipeline = [lambda s: s.strip(), lambda s: s.upper(), lambda s: s + "!"]
v = "  hi "
for p in pipeline:
    v = p(v)
print(v)
print((lambda *a, **k: (a, k))(1, x=2))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda t: (-t[0], t[1])))
y = 10
f = lambda: y
y = 20
print(f())
print((lambda: (yield))().__class__.__name__)
