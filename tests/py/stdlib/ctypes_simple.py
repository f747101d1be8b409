# ctypes step 1: the module imports; simple types, their values, reprs and
# conversions; sizeof/alignment/addressof/byref; from_param, from_buffer,
# from_buffer_copy, from_address, in_dll; dlopen through CDLL.
import ctypes
import ctypes.util
import sys
from ctypes import *

print(c_int(5), c_uint(-1), c_byte(300), c_char(b'a'), c_char(66), c_wchar('x'), c_bool(3))
print(c_double(1.5), c_float(0.1), c_longdouble(2.5).value)
print(c_longlong(2**70 + 5), c_ulonglong(-1), c_short(70000), c_ushort(-2), c_size_t(-1), c_ssize_t(-1))
print(c_int8(-1), c_uint8(257), c_int16(-2), c_uint32(2**32 + 3), c_int64(-2**63))
print(c_char_p(b"hello").value, c_wchar_p("h\xe9llo").value, c_void_p(None).value, c_void_p(1234).value,
      c_char_p().value, c_wchar_p().value)
print(sizeof(c_int), sizeof(c_long), sizeof(c_longdouble), alignment(c_double), sizeof(c_void_p),
      sizeof(c_wchar), sizeof(c_bool), sizeof(c_char_p), alignment(c_short))
x = c_int(42)
print(x.value, x, sizeof(x), alignment(x))
x.value = 7
print(x.value)
x.value = 2**32 + 9
print(x.value)

for bad in [lambda: c_int("a"), lambda: c_int(1.5), lambda: c_char(b"ab"), lambda: c_char(300),
            lambda: c_char_p("s"), lambda: c_wchar_p(b"b"), lambda: c_double("x"),
            lambda: c_wchar("ab"), lambda: c_void_p("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print(c_int.from_param(5), c_double.from_param(2), c_char_p.from_param(None).__class__.__name__)
for t, v in [(c_int, "x"), (c_char_p, 3), (c_wchar_p, b"x"), (c_double, "s")]:
    try:
        t.from_param(v)
    except TypeError as e:
        print(t.__name__, e)
y = c_int(3)
print(c_int.from_param(y) is y)

b = bytearray(8)
v = c_int.from_buffer(b, 4)
v.value = 0x01020304
print(b)
b[4] = 0xff
print(hex(v.value))
print(c_int.from_buffer_copy(b'\x05\x00\x00\x00').value, c_short.from_buffer_copy(b'\x00\x01\x02', 1).value)
try:
    c_int.from_buffer(b'abcd')
except TypeError as e:
    print(e)
try:
    c_long.from_buffer(bytearray(4))
except ValueError as e:
    print(e)
try:
    c_int.from_buffer_copy(b'ab')
except ValueError as e:
    print(e)
try:
    c_int.from_buffer(bytearray(8), -1)
except ValueError as e:
    print(e)
w = c_int.from_address(addressof(v))
print(w.value)
w.value = 11
print(v.value, b[4])
print(c_void_p.from_buffer(c_char_p(None)).value)

class MyInt(c_int):
    pass
print(type(MyInt(3).value), isinstance(MyInt(3), c_int), MyInt(3).value)
print(bool(c_int(0)), bool(c_int(2)), bool(c_char_p()), bool(c_double(0.5)))
print(type(byref(x)).__name__)
for f, a in [(sizeof, 3), (addressof, 3), (byref, 3), (alignment, 3), (sizeof, int)]:
    try:
        f(a)
    except TypeError as e:
        print(f.__name__, e)
print(c_int.__ctype_be__.__name__, c_int.__ctype_le__ is c_int, c_char.__ctype_be__ is c_char)
print(c_int.__ctype_be__(0x01020304).value)

libc = CDLL(ctypes.util.find_library("c"))
print(type(libc).__name__, libc._name == ctypes.util.find_library("c"))
errno_var = c_int.in_dll(libc, "errno") if False else None
try:
    c_int.in_dll(libc, "no_such_symbol_here")
except ValueError as e:
    print("in_dll:", str(e).split(": ", 1)[1])
print(ctypes.get_errno(), ctypes.set_errno(5), ctypes.get_errno(), ctypes.set_errno(0))
pydll = PyDLL(None)
print(type(pydll).__name__, type(cdll).__name__, isinstance(cdll.LoadLibrary(ctypes.util.find_library("m")), CDLL))
try:
    CDLL("libdoes_not_exist_ftpy.so")
except OSError as e:
    print(e)
try:
    _SimpleCData = ctypes._SimpleCData
    class bad(_SimpleCData):
        _type_ = "y"
except AttributeError as e:
    print(e)
try:
    class bad2(ctypes._SimpleCData):
        pass
except AttributeError as e:
    print(e)
try:
    ctypes._SimpleCData()
except TypeError as e:
    print(e)
try:
    hash(c_int(1))
except TypeError as e:
    print(e)
print(ctypes.c_int is ctypes.c_int32, ctypes.c_long is ctypes.c_int64, ctypes.c_size_t is ctypes.c_ulong)
print(py_object(5), py_object([1]).value)
