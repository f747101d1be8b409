def g():
    yield 1
    raise ValueError("from gen")
gen = g()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print("caught", e)
try:
    next(gen)
except StopIteration:
    print("after exception the generator is finished")
def catching():
    for i in range(3):
        try:
            yield i
        except KeyError:
            print("KeyError at", i)
c = catching()
print(next(c), c.throw(KeyError), c.throw(KeyError))
try:
    c.throw(KeyError)
except StopIteration:
    print("stopped")
def ctx():
    try:
        yield
    except Exception as e:
        print("context", type(e).__name__)
        raise
cg = ctx()
next(cg)
try:
    cg.throw(IndexError("i"))
except IndexError:
    print("re-raised")
