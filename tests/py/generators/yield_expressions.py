def g():
    x = yield
    print("x =", x)
    y = (yield x) + 1
    print("y =", y)
    z = yield y * 2
    print("z =", z)
gen = g()
print(next(gen))
print(gen.send(5))
print(gen.send(10))
try:
    gen.send("last")
except StopIteration:
    print("finished")
def in_args():
    print("args", (yield 1), (yield 2))
ia = in_args()
next(ia)
ia.send("a")
try:
    ia.send("b")
except StopIteration:
    pass
def yield_tuple():
    yield 1, 2
    yield (3, 4)
print(list(yield_tuple()))
