def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration:
    print("done")
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def delegate_throw():
    try:
        yield from inner()
    except ValueError as e:
        yield "outer handled " + str(e)
d = delegate_throw()
next(d)
print(d.throw(ValueError("v")))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def from_gen_return():
    v = yield from (x for x in [])
    return v
print(list(from_gen_return()))
