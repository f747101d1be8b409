# ctypes: bad input raises CPython 3.11's exceptions (abstract classes, bad _fields_/_type_/_length_,
# bad restype, dlopen of a non-path, resize of a non-instance, __init__ argument counts, empty structures).
from ctypes import *
import ctypes
def t(f):
    try:
        r = f()
        print("ok", r if not isinstance(r, type) else r.__name__)
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: CDLL(5))
t(lambda: POINTER(5))
t(lambda: c_int * -1)
t(lambda: sizeof(Structure))
t(lambda: type("S", (Structure,), {"_fields_": [("a", int)]}))
t(lambda: type("S", (Structure,), {"_fields_": [("a",)]}))
t(lambda: type("S", (Structure,), {"_fields_": 5}))
t(lambda: type("S", (Structure,), {"_fields_": [("a", c_double, 3)]}))
t(lambda: type("S", (Structure,), {"_fields_": [("a", c_int, 33)]}))
t(lambda: type("A", (Array,), {"_type_": c_int}))
t(lambda: type("A", (Array,), {"_length_": 2}))
t(lambda: type("A", (Array,), {"_length_": -1, "_type_": c_int}))
t(lambda: type("A", (Array,), {"_length_": 2, "_type_": 5}))
t(lambda: Array())
t(lambda: ctypes._Pointer())
t(lambda: CFUNCTYPE(c_int, 5))
t(lambda: CFUNCTYPE(5))
t(lambda: cast(5, 5))
t(lambda: ctypes.string_at(None, 0))
t(lambda: create_string_buffer("abc"))
t(lambda: create_string_buffer(-1))
t(lambda: (c_int * 2)()["a"])
t(lambda: c_int.from_address("x"))
t(lambda: pointer(5))
t(lambda: c_char_p(b"x").value)
t(lambda: POINTER(c_int)(c_int(1))[0])
t(lambda: resize(c_int(1), 2))
t(lambda: resize(5, 8))
t(lambda: c_int(1, 2))
t(lambda: c_int(x=1))
t(lambda: sizeof(Structure()))
t(lambda: Union())
t(lambda: alignment(Structure))
t(lambda: sizeof(Union))
class E(Structure): pass
t(lambda: (sizeof(E), sizeof(E()), alignment(E)))
class E2(Structure): _fields_ = []
class F2(E2): _fields_ = [('a', c_char)]
class G2(E): pass
t(lambda: (sizeof(E2), alignment(E2), sizeof(F2), alignment(F2), alignment(G2)))
class U2(Union): _fields_ = []
t(lambda: (sizeof(U2), alignment(U2)))
