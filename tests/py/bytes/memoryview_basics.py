b = bytearray(b"abcdef")
m = memoryview(b)
print(m[0], m[-1], bytes(m[1:3]), m.tobytes(), m.tolist(), len(m), m.readonly, m.format, m.itemsize, m.nbytes)
m[0] = 65
print(b)
m[1:3] = b"XY"
print(b)
mr = memoryview(b"readonly")
print(mr.readonly)
try:
    mr[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
sub = m[2:5]
sub[0] = ord("z")
print(b, bytes(sub), sub.obj is b)
with memoryview(b"ctx") as cm:
    print(bytes(cm))
try:
    cm[0]
except ValueError as e:
    print(type(e).__name__, e)
print(memoryview(b"ab") == b"ab", bytes(memoryview(b"abc")[::-1]))
import array
arr = array.array("i", [1, 2, 3])
mv = memoryview(arr)
print(mv.format, mv.itemsize, mv.tolist(), len(mv.cast("B")))
