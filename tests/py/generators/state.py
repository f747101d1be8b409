def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_suspended)
next(gen)
print(gen.gi_suspended, gen.gi_frame.f_lineno)
list(gen)
print(gen.gi_frame, gen.gi_suspended)
print(gen.__name__, gen.__qualname__)
def reentrant():
    yield me_gen.send(None)
me_gen = reentrant()
try:
    next(me_gen)
except ValueError as e:
    print(type(e).__name__, e)
def watch():
    yield inner_state()
def inner_state():
    return w.gi_running
w = watch()
print(next(w))
print(g.__code__.co_name, gen.gi_code is g.__code__)
