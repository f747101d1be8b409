# ctypes from many threads at once: the type caches, _fields_ finalisation and
# callbacks stay consistent; every thread sees one type per key.
import threading
from ctypes import *
import ctypes.util
libc = CDLL(ctypes.util.find_library("c"))
libc.qsort.restype = None
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
class Late(Structure):
    pass
N = 8
barrier = threading.Barrier(N)
ptypes, atypes, finals, sorts = [], [], [], []
def work(k):
    barrier.wait()
    class Local(Structure):
        _fields_ = [("a", c_int), ("b", c_double)]
    ptypes.append(POINTER(Local) is POINTER(Local))
    atypes.append(c_short * 7)
    try:
        Late._fields_ = [("v", c_int)]
        finals.append("set")
    except AttributeError as e:
        finals.append(str(e))
    data = (c_int * 50)(*range(50, 0, -1))
    libc.qsort(data, 50, sizeof(c_int), CMP(lambda x, y: x[0] - y[0]))
    sorts.append(list(data) == list(range(1, 51)))
    s = Local(k, k / 2)
    p = pointer(s)
    assert p.contents.a == k and p[0].b == k / 2
ts = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print(all(ptypes), len(set(map(id, atypes))), sorted(finals), all(sorts), sizeof(Late))
