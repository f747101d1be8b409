x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
l = list(range(10))
del l[0]
del l[-1]
del l[1:3]
del l[::2]
print(l)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
class C: pass
c = C()
c.a = 1; c.b = 2
del c.a
print(sorted(vars(c)))
try:
    del c.a
except AttributeError as e:
    print(type(e).__name__)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
lst = [[1, 2], [3, 4]]
del lst[0][1], lst[1]
print(lst)
def f():
    z = 3
    del z
    try:
        return z
    except UnboundLocalError as e:
        return type(e).__name__
print(f())
