def f(**kw):
    return kw
print(f(**{"with space": 1, "1num": 2}))
def g(a, b): return a, b
print(g(b=1, **{"a": 2}))
try:
    g(1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
def h(*, a): return a
try:
    h(b=1)
except TypeError as e:
    print(e)
class M:
    def keys(self): return ["x", "y"]
    def __getitem__(self, k): return k.upper()
print(f(**M()))
print(dict(**{"a": 1}, b=2))
def varkw(self, **kw):
    return self, kw
print(varkw(1, self=2) if False else varkw(1, other=2))
try:
    varkw(1, self=2)
except TypeError as e:
    print(e)
