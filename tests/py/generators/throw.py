def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    yield "end"
gen = g()
print(next(gen))
print(gen.throw(ValueError("bad")))
print(next(gen))
try:
    next(gen)
except StopIteration:
    print("stop")
gen = g()
try:
    gen.throw(KeyError("before start"))
except KeyError as e:
    print("propagated", repr(e))
print(list(gen))
def finally_gen():
    try:
        yield 1
    finally:
        print("finally in gen")
fg = finally_gen()
next(fg)
try:
    fg.throw(RuntimeError("x"))
except RuntimeError as e:
    print("got", e)
def thrower():
    yield 1
tg = thrower()
next(tg)
try:
    tg.throw(TypeError)
except TypeError as e:
    print("class thrown ->", type(e).__name__, e.args)
