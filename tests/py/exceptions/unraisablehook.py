# Exceptions that cannot propagate go through sys.unraisablehook, whose
# default writes to sys.stderr.
import gc
import io
import re
import sys
import weakref


def scrub(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


class Bad:
    def __del__(self):
        raise ValueError("boom in del")


# The default hook, with sys.stderr redirected.
saved = sys.stderr
sys.stderr = io.StringIO()
b = Bad()
del b
out = sys.stderr.getvalue()
sys.stderr = saved
print(scrub(out))

print(sys.unraisablehook.__name__, sys.__unraisablehook__.__name__)
seen = []


def hook(args):
    seen.append(args)


sys.unraisablehook = hook
b = Bad()
del b
a = seen.pop()
print(type(a).__name__, a.exc_type.__name__, a.exc_value, a.err_msg, a.object.__qualname__)
print(a.exc_traceback.tb_frame.f_code.co_name, len(a), a[0] is a.exc_type)


# A weakref callback that raises.
class Target:
    pass


def callback(ref):
    raise KeyError("from callback")


t = Target()
r = weakref.ref(t, callback)
del t
gc.collect()
a = seen.pop()
print(a.exc_type.__name__, a.exc_value, a.err_msg, a.object is callback)


# A generator that raises while being closed at deallocation.
def gen():
    try:
        yield 1
    finally:
        raise RuntimeError("in finally")


g = gen()
next(g)
del g
a = seen.pop()
print(a.exc_type.__name__, a.exc_value, a.err_msg, type(a.object).__name__)


# A hook that fails is reported through the default hook.
def failing_hook(args):
    raise TypeError("hook failed")


sys.unraisablehook = failing_hook
sys.stderr = io.StringIO()
b = Bad()
del b
out = sys.stderr.getvalue()
sys.stderr = saved
print(scrub(out).splitlines()[0])
print(scrub(out).splitlines()[-1])

# sys.stderr = None: the default hook writes nothing.
sys.unraisablehook = sys.__unraisablehook__
sys.stderr = None
b = Bad()
del b
sys.stderr = saved
print(seen, "done")
