# ctypes step 3: Structure/Union fields (nested, arrays, bit fields, _pack_,
# _anonymous_, subclasses, big endian), pointers, arrays, cast, buffers, resize.
import ctypes
from ctypes import *
class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]
class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT), ("name", c_char * 8), ("d", c_double)]
p = POINT(1, 2)
print(p.x, p.y, sizeof(POINT), sizeof(RECT), alignment(RECT))
print(POINT.x, POINT.y, RECT.name, RECT.d, POINT.x.offset, POINT.y.size)
r = RECT(p, (3, 4), b"hi", 2.5)
print(r.a.x, r.a.y, r.b.x, r.b.y, r.name, r.d)
r.a.x = 10; print(r.a.x)
a = r.a; a.y = 99; print(r.a.y)
try: POINT(1, 2, 3)
except TypeError as e: print(e)
try: POINT(1, x=2)
except TypeError as e: print(e)
print(POINT(y=5).y)
try: p.x = "s"
except TypeError as e: print(e)
class U(Union):
    _fields_ = [("i", c_uint), ("b", c_ubyte * 4), ("f", c_float)]
u = U(); u.i = 0x01020304; print(list(u.b), sizeof(U))
u.f = 1.0; print(hex(u.i))
class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_short)]
print(sizeof(Packed), Packed.b.offset, Packed.c.offset)
class Bits(Structure):
    _fields_ = [("a", c_int, 3), ("b", c_int, 5), ("c", c_uint, 10)]
bb = Bits(); bb.a = 3; bb.b = -1; bb.c = 1000
print(bb.a, bb.b, bb.c, sizeof(Bits), Bits.a, Bits.b, Bits.c)
bb.a = 9; print(bb.a)
class Node(Structure): pass
Node._fields_ = [("val", c_int), ("next", POINTER(Node))]
n2 = Node(2, None); n1 = Node(1, pointer(n2))
print(n1.next.contents.val, bool(n1.next), bool(n2.next))
try: Node._fields_ = []
except AttributeError as e: print(e)
class Anon(Structure):
    _anonymous_ = ("pt",)
    _fields_ = [("pt", POINT), ("z", c_int)]
an = Anon(); an.x = 5; print(an.pt.x, an.x)
class Sub(POINT):
    _fields_ = [("z", c_int)]
s = Sub(1, 2, 3); print(s.x, s.y, s.z, sizeof(Sub))
# pointers
i = c_int(42)
pi = pointer(i)
print(pi.contents.value, pi[0], type(pi).__name__, POINTER(c_int) is type(pi))
pi[0] = 7; print(i.value)
pi.contents = c_int(3); print(pi[0], i.value)
try: pi.contents = c_long(3)
except TypeError as e: print(e)
np = POINTER(c_int)()
print(bool(np))
try: np.contents
except ValueError as e: print(e)
try: np[0]
except ValueError as e: print(e)
# arrays
A = c_int * 5
arr = A(1, 2, 3)
print(len(arr), arr[0], arr[4], arr[-1], list(arr), arr[1:3], arr[::2], type(arr).__name__, A is c_int * 5)
arr[1:3] = [8, 9]; print(list(arr))
try: arr[5]
except IndexError as e: print(e)
try: A(1,2,3,4,5,6)
except IndexError as e: print(e)
try: arr[0:2] = [1]
except ValueError as e: print(e)
print(sizeof(arr), sizeof(c_int * 0), (c_double * 3)(1, 2).__class__.__name__)
M = (c_int * 3) * 2
m = M((1, 2, 3), (4, 5, 6)); print(m[1][2], [list(x) for x in m])
pa = cast(arr, POINTER(c_int)); print(pa[0], pa[1], pa[0:3])
vp = cast(pointer(i), c_void_p); print(type(vp).__name__, vp.value == addressof(i))
try: cast(arr, c_int)
except TypeError as e: print(e)
sb = create_string_buffer(b"hello"); print(sizeof(sb), sb.value, sb.raw, repr(sb[0]), sb[1:3])
sb.value = b"hi"; print(sb.raw)
try: sb.value = b"toolongvalue"
except ValueError as e: print(e)
sb2 = create_string_buffer(4); print(sb2.raw)
ub = create_unicode_buffer(5); ub.value = "ab"; print(ub.value, ub[0], ub[:2], sizeof(ub))
memmove(sb2, b"abcd", 4); print(sb2.raw)
memset(sb2, 0x41, 2); print(sb2.raw)
print(string_at(sb), string_at(sb, 3))
resize(sb2, 16); print(sizeof(sb2), len(sb2))
try: resize(sb2, 1)
except ValueError as e: print(e)
cp = c_char_p(b"text"); print(cast(cp, c_void_p).value is not None, string_at(cast(cp, c_void_p)))
print(bytes(POINT(1, 2)))
pp = POINTER(POINT)(p); print(pp.contents.x, pp[0].y)
print(ctypes._pointer_type_cache[c_int] is POINTER(c_int), POINTER(None) is c_void_p)
arr2 = (POINT * 2)(); arr2[1].x = 5; print(arr2[1].x, arr2[0].x)
arr2[0] = POINT(7, 8); print(arr2[0].y)
print(isinstance(type(p), type(Structure)), type(Structure).__name__, type(Union).__name__, type(c_int).__name__, type(A).__name__, type(POINTER(c_int)).__name__)
class BE(BigEndianStructure):
    _fields_ = [("v", c_uint32), ("s", c_short)]
be = BE(0x01020304, 2); print(bytes(be), be.v, be.s)
print(c_int.from_buffer_copy(bytes(POINT(7, 8)), 4).value)
print(ctypes.sizeof(POINT * 3), POINT.from_buffer_copy(bytes(POINT(3, 4))).y)
