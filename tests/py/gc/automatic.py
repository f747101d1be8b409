# Automatic collection: allocating many cycles triggers collections without
# any gc.collect() call; gc.disable() stops them.
import gc
import weakref

class Cyc:
    pass

def churn(n):
    first = None
    for i in range(n):
        c = Cyc()
        c.me = c
        if first is None:
            first = weakref.ref(c)
    return first

gc.enable()
r = churn(50000)
print("collected automatically", r() is None)

gc.disable()
gc.collect()
r = churn(50000)
print("disabled keeps garbage", r() is not None)
gc.enable()
gc.collect()
print("explicit collect frees it", r() is None)

# Threshold 0 disables automatic collection too.
old = gc.get_threshold()
gc.set_threshold(0)
r = churn(20000)
print("threshold 0", r() is not None)
gc.set_threshold(*old)
gc.collect()
print(r() is None)
