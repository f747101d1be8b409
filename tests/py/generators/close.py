def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
gen = g()
next(gen)
gen.close()
print(gen.close())
try:
    next(gen)
except StopIteration:
    print("closed generator stops")
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"
b = bad()
next(b)
try:
    b.close()
except RuntimeError as e:
    print(type(e).__name__, e)
never_started = g()
never_started.close()
print("closing unstarted runs no cleanup")
def ret_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = ret_on_exit()
next(r)
print(r.close())
