def sub(n):
    for i in range(n):
        yield i
    return n * 10
def collector():
    results = []
    for n in (1, 2, 3):
        r = yield from sub(n)
        results.append(r)
    return results
g = collector()
print(list(g))
g = collector()
try:
    while True:
        next(g)
except StopIteration as e:
    print(e.value)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print(e.value, e.args)
def returns_none():
    return None
    yield
try:
    next(returns_none())
except StopIteration as e:
    print(e.value, e.args)
