# ctypes step 4: CFUNCTYPE callbacks (libffi closures) called from C (qsort), from
# Python, from a thread C created, and from C while a CDLL call runs detached.
import ctypes, ctypes.util, sys
from ctypes import *
libc = CDLL(ctypes.util.find_library("c"))
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []
def py_cmp(a, b):
    calls.append(1)
    return a[0] - b[0]
arr = (c_int * 6)(5, 1, 7, 33, 99, -2)
libc.qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
libc.qsort.restype = None
libc.qsort(arr, len(arr), sizeof(c_int), CMP(py_cmp))
print(list(arr), len(calls) > 0)
# callback called directly from Python
f = CFUNCTYPE(c_int, c_int, c_int)(lambda a, b: a * b)
print(f(6, 7))
# a callback through a C function pointer taken back as an address
addr = cast(f, c_void_p).value
g = CFUNCTYPE(c_int, c_int, c_int)(addr)
print(g(3, 4))
# double args, char_p args
D = CFUNCTYPE(c_double, c_double, c_char_p)
def dcb(x, s):
    return x * 2 + len(s)
d = D(dcb)
print(CFUNCTYPE(c_double, c_double, c_char_p)(cast(d, c_void_p).value)(1.25, b"abc"))
# exception in a callback is printed, C sees 0
def bad(a, b):
    raise ValueError("boom")
h = CFUNCTYPE(c_int, c_int, c_int)(bad)
hh = CFUNCTYPE(c_int, c_int, c_int)(cast(h, c_void_p).value)
def hook(u):
    print(u.err_msg, u.object.__name__, type(u.exc_value).__name__, u.exc_value)
sys.unraisablehook = hook
hh(1, 2)
sys.unraisablehook = sys.__unraisablehook__
# structure argument to a callback and byval return
class P(Structure):
    _fields_ = [("x", c_int), ("y", c_double)]
S = CFUNCTYPE(c_double, P)
s = S(lambda p: p.x + p.y)
print(CFUNCTYPE(c_double, P)(cast(s, c_void_p).value)(P(2, 0.5)))
# callback invoked from a foreign thread created by C (pthread_create)
pt = CDLL(ctypes.util.find_library("pthread") or None)
TF = CFUNCTYPE(c_void_p, c_void_p)
import threading
seen = []
def thread_fn(arg):
    seen.append((arg, threading.current_thread() is not threading.main_thread()))
    return None
tf = TF(thread_fn)
tid = c_ulong()
pt.pthread_create(byref(tid), None, tf, c_void_p(77))
pt.pthread_join(tid, None)
print(seen)
# a callback called from C while the caller is detached (CDLL), from another Python thread
out = []
def worker():
    a = (c_int * 3)(3, 1, 2)
    libc.qsort(a, 3, 4, CMP(lambda x, y: x[0] - y[0]))
    out.append(list(a))
ts = [threading.Thread(target=worker) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(out)
print(CMP.__name__, CMP._restype_, CMP._argtypes_[0].__name__, CFUNCTYPE(c_int) is CFUNCTYPE(c_int))
try: CMP(5.5)
except TypeError as e: print(e)
