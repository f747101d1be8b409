# ctypes step 2: calling C functions: default conversions, argtypes/restype/errcheck,
# ArgumentError messages, use_errno, a detached foreign call, memmove/memset/string_at.
import ctypes, ctypes.util
from ctypes import *
libc = CDLL(ctypes.util.find_library("c"))
print(libc.abs(2**40))
try: print(libc.abs(2**70))
except Exception as e: print(type(e).__name__, e)
try: libc.abs(1.5)
except Exception as e: print(type(e).__name__, e)
print(libc.strtol(b"123", None, 10))
libc.strtod.restype = c_double; libc.strtod.argtypes = [c_char_p, POINTER(c_char_p)]
print(libc.strtod(b"3.25xyz", None))
end = c_char_p()
print(libc.strtod(b"3.25xyz", byref(end)), end.value)
libc.labs.argtypes = [c_long]; libc.labs.restype = c_long
print(libc.labs(-2**40))
try: libc.labs("x")
except ArgumentError as e: print(e)
libc.toupper.restype = c_char
print(libc.toupper(ord('a')))
def ec(result, func, args):
    print("errcheck", result, func.__name__, args)
    return result * 2
libc.abs.errcheck = ec
print(libc.abs(-4))
lc = CDLL(None, use_errno=True)
lc.close.argtypes = [c_int]
print(lc.close(-1), ctypes.get_errno() == 9)
print(type(libc.sprintf).__name__)
buf = create_string_buffer(32)
print(libc.sprintf(buf, b"%d-%s-%.2f", 5, b"ab", c_double(1.5)), buf.value)
wbuf = create_unicode_buffer("héllo")
print(wbuf.value, len(wbuf), libc.wcslen(wbuf))
libc.getenv.restype = c_char_p
print(libc.getenv(b"NO_SUCH_ENV_XYZ"))
print(libc.strchr(b"abc", ord("b")) != 0)
libc.strchr.restype = c_char_p
print(libc.strchr(b"abcdef", ord("d")))
try: libc.abs.restype = 5
except TypeError as e: print(e)
try: libc.abs.argtypes = [5]
except TypeError as e: print(e)
print(libc.abs.restype, libc.strlen.argtypes)
f = libc.abs
print(f.__name__)
import time, threading
libc.usleep.argtypes = [c_uint]
t0 = time.time(); n = [0]
def spin():
    while time.time() - t0 < 0.3: n[0] += 1
th = threading.Thread(target=spin); th.start()
libc.usleep(300000); th.join()
print(n[0] > 1000)
print(ctypes.memmove(buf, b"xyz", 3) == addressof(buf), buf.value)
print(ctypes.memset(buf, ord('q'), 2) == addressof(buf), buf.value)
print(ctypes.string_at(buf), ctypes.string_at(buf, 2), ctypes.string_at(addressof(buf), 3))
print(ctypes.wstring_at(wbuf), ctypes.wstring_at(wbuf, 2))
