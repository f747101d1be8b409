# ctypes: function pointers as structure fields (made without __new__), called back through
# their address; unhashable CData; _objects/_b_needsfree_; CFuncPtr class hierarchy.
from ctypes import *
import ctypes.util
libc = CDLL(ctypes.util.find_library("c"))
F = CFUNCTYPE(c_int, c_int)
class Ops(Structure):
    _fields_ = [("f", F), ("n", c_int), ("s", c_char_p)]
o = Ops(F(lambda x: x + 1), 3, b"name")
print(o.n, o.s, type(o.f).__name__)
g = F(cast(o.f, c_void_p).value)
print(g(41))
o.s = b"other"; print(o.s)
print(Ops.s, Ops.f.size)
try: hash(libc.abs)
except TypeError as e: print(e)
p = pointer(c_int(5))
try: hash(p)
except TypeError as e: print(e)
print(c_int(3) == c_int(3))
print(libc.abs.__class__.__bases__[0].__name__, F.__bases__[0].__name__, type(F).__name__)
print(F().__bool__(), bool(F(lambda x: 0)))
x = (c_int * 3)(1, 2, 3)
print(x._objects, Ops(n=1)._objects is not None, c_int(1)._b_needsfree_, c_int.from_address(addressof(x))._b_needsfree_)
print(cast(x, POINTER(c_int))._objects is not None)
