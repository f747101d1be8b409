def trace(fn):
    def wrapper(*a):
        print("call", fn.__name__, a)
        return fn(*a)
    return wrapper
def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b):
    return a + b
print(add(1, 2))
@times(2)
@trace
def hello(x):
    return "hi " + x
print(hello("bob"))
registry = {}
registry = {}
def register(name):
    def d(f):
        registry[name] = f.__name__
        return f
    return d
@register("k")
def ignored(): pass
print(registry, ignored.__name__)
decos = [trace]
@decos[0]
def sub(a, b): return a - b
print(sub(5, 3))
@(lambda f: f.__name__.upper())
def named(): pass
print(named)
order = []
def mark(tag):
    order.append("make " + tag)
    def d(f):
        order.append("apply " + tag)
        return f
    return d
@mark("outer")
@mark("inner")
def target(): pass
print(order)
