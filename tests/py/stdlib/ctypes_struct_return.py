# ctypes: structures returned by value (div/ldiv), arrays of char pointers sorted by a callback,
# reprs naming the caller's module, variadic calls with byref out-parameters.
from ctypes import *
import ctypes.util
libc = CDLL(ctypes.util.find_library("c"))
class DIV(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]
class LDIV(Structure):
    _fields_ = [("quot", c_long), ("rem", c_long)]
libc.div.restype = DIV
libc.ldiv.restype = LDIV
r = libc.div(17, 5); print(r.quot, r.rem)
r = libc.ldiv(c_long(-17), c_long(5)); print(r.quot, r.rem)
libc.div.argtypes = [c_int, c_int]
print(libc.div(9, 2).rem)
# pointer arithmetic-ish, arrays of pointers
names = (c_char_p * 3)(b"b", b"a", b"c")
print([names[i] for i in range(3)])
libc.qsort.restype = None
CMP = CFUNCTYPE(c_int, POINTER(c_char_p), POINTER(c_char_p))
libc.qsort(names, 3, sizeof(c_char_p), CMP(lambda a, b: libc.strcmp(a[0], b[0])))
print(list(names))
print(repr(c_char_p(b"x"))[:9], repr(c_wchar_p("y"))[:10])
x = (c_int * 2)(1, 2)
print(repr(x)[:26])
libc.time.restype = c_long
print(libc.time(None) > 0)
v = c_double(); print(libc.sscanf(b"2.5", b"%lf", byref(v)), v.value)
s = create_string_buffer(10)
print(libc.snprintf(s, 10, b"%s|%d", b"ab", 42), s.value)
print(sizeof(s), s[0:3], s[-1])
