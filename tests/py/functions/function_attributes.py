def f(x, y=1):
    "docstring here"
    z = x + y
    return z
print(f.__doc__)
f.custom = "attr"
print(f.custom, f.__dict__)
c = f.__code__
print(c.co_name, c.co_argcount, c.co_varnames[:3], c.co_nlocals)
print(callable(f), f.__globals__ is globals())
def g(): pass
print(g.__doc__)
try:
    f.__code__ = 5
except TypeError as e:
    print(type(e).__name__)
def k(a): return a * 2
def j(a): return a + 100
j.__code__ = k.__code__
print(j(5))
print(f.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
