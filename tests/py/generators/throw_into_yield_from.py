def inner():
    while True:
        try:
            yield "inner"
        except KeyError:
            print("inner handled KeyError")
def outer():
    yield from inner()
g = outer()
print(next(g))
print(g.throw(KeyError))
try:
    g.throw(ValueError("unhandled"))
except ValueError as e:
    print("outer saw", e)
print(next(g, "finished"))
