# The buffer protocol: memoryview over every exporter, export counts that
# block resizing, and buffer consumers (bytes(), join, struct, readinto).
import array
import io
import struct


def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


# memoryview over array.array: geometry and items
a = array.array("i", [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly, m.obj is a)
print(m[1], m[-1], m[1:3].tolist(), m[::-1].tolist(), m[::2].strides, bytes(m[:1]))
m[0] = 100
print(a)
attempt(lambda: m.__setitem__(0, "x"))
attempt(lambda: m.__setitem__(0, 2 ** 40))
attempt(lambda: m.__setitem__(0, 1.5))
print(memoryview(array.array("d", [1.5, -2.0])).tolist())
print(memoryview(array.array("B", [1, 255])).tolist(), memoryview(array.array("q", [-5])).tolist())

# export counts: resizing while a view lives raises BufferError
for f in [lambda: a.append(1), lambda: a.pop(), lambda: a.extend([1]), lambda: a.insert(0, 1),
          lambda: a.remove(2), lambda: a.frombytes(b"1234"), lambda: a.__delitem__(0),
          lambda: a.__imul__(2), lambda: a.extend([]), lambda: a.__imul__(1), lambda: a.reverse()]:
    attempt(f)
m.release()
a.append(5)
print(a)
b = bytearray(b"abc")
with memoryview(b) as mb:
    attempt(lambda: b.append(1))
    attempt(lambda: b.clear())
    attempt(lambda: b.extend(b""))
    b[0:1] = b"x"
    print(b, bytes(mb))
b.append(100)
print(b)
two = memoryview(b)
three = two[1:]
two.release()
attempt(lambda: b.append(1))
three.release()
b.append(101)
print(b)
v1 = memoryview(memoryview(b))
print(type(v1.obj).__name__, v1.tolist()[:2])
del v1
b.append(102)

# cast: formats and shapes
raw = memoryview(b"abcdefgh")
for f in ["i", "@B", "c", "?", "h", "Q", "<i", "xx", "N"]:
    attempt(lambda: raw.cast(f).tolist())
attempt(lambda: memoryview(b"abcde").cast("i"))
attempt(lambda: raw.cast("i").cast("h"))
attempt(lambda: raw[::2].cast("B"))
x = raw.cast("i", shape=[2])
print(x.shape, x.strides, x.format, x.nbytes)
attempt(lambda: raw.cast("i", shape=[3]))
grid = raw.cast("B", shape=[2, 4])
print(grid.ndim, grid.shape, grid.strides, grid.tolist(), len(grid), grid.tobytes())
attempt(lambda: grid[0])
print(grid.cast("B").tolist() == list(b"abcdefgh"))
print(memoryview(bytearray(8)).cast("d").tolist())

# item types of writable casts
q = memoryview(bytearray(4)).cast("?")
q[0] = 5
q[1] = []
print(q.tolist(), bytes(q))
c = memoryview(bytearray(2)).cast("c")
for val in [b"a", b"ab", 1, "a"]:
    attempt(lambda: c.__setitem__(0, val))
print(c.tolist())
d = memoryview(bytearray(8)).cast("d")
for val in [1, "x", 2 ** 2000, True]:
    attempt(lambda: d.__setitem__(0, val))
print(d.tolist())

# comparisons and hashing
print(memoryview(array.array("i", [1, 2])) == memoryview(b"\x01\0\0\0\x02\0\0\0").cast("i"))
print(memoryview(array.array("i", [1, 2])) == [1, 2], memoryview(array.array("i", [1, 2])) == array.array("i", [1, 2]))
print(memoryview(array.array("b", [1, 2])) == b"\x01\x02", memoryview(array.array("i", [1, 2])) == array.array("l", [1, 2]))
nan = array.array("d", [float("nan")])
mn = memoryview(nan)
print(mn == mn, mn == nan, mn != mn)
r = memoryview(b"ab")
r.release()
print(r == r, r != r, r == memoryview(b"ab"))
attempt(lambda: hash(r))
print(hash(memoryview(b"ab")) == hash(b"ab"), hash(memoryview(b"xabc")[1:]) == hash(b"abc"))
attempt(lambda: hash(memoryview(bytearray(b"ab"))))
attempt(lambda: hash(memoryview(b"abcd").cast("i")))
attempt(lambda: hash(memoryview(bytearray(b"ab")).toreadonly()))
attempt(lambda: memoryview(b"ab") < memoryview(b"ab"))

# errors
mm = memoryview(bytearray(b"abcdef"))
attempt(lambda: mm.__setitem__(slice(0, 2), b"xyz"))
attempt(lambda: mm.__setitem__(slice(0, 2), array.array("h", [1])))
attempt(lambda: mm["a"])
attempt(lambda: mm[10])
attempt(lambda: mm[1.0])
attempt(lambda: mm.__delitem__(0))
attempt(lambda: memoryview(5))
attempt(lambda: memoryview("s"))
print(mm[::2].contiguous, mm[1:4].nbytes, mm[::-1].tolist(), mm.suboffsets, mm.f_contiguous)
mm[::2] = b"XYZ"
print(mm.obj)

# consumers of buffers
print(bytes(memoryview(array.array("h", [1, 2]))), bytearray(memoryview(b"xy")))
print(b"".join([memoryview(b"a"), b"b", memoryview(array.array("b", [67])), array.array("B", [68])]))
print(b",".join([memoryview(b"ab")[::1], bytearray(b"c")]))
attempt(lambda: b",".join([memoryview(b"ab")[::-1]]))
print(bytes(array.array("b", [65, 66])), bytearray(b"x") + array.array("b", [66]))
buf = bytearray(8)
struct.pack_into("<i", buf, 2, 7)
print(buf, struct.unpack_from("<i", buf, 2), struct.unpack_from("<h", memoryview(buf), 2))
print(struct.unpack_from("<h", array.array("b", [1, 0, 0])), struct.unpack("<h", memoryview(b"\x02\x00")))
arr = array.array("b", [0] * 4)
struct.pack_into("bb", arr, 1, 5, 6)
print(arr)
struct.pack_into("<i", memoryview(buf)[2:6], 0, -1)
print(buf)
attempt(lambda: struct.pack_into("<i", memoryview(buf)[::2], 0, 1))
attempt(lambda: struct.pack_into("<i", b"abcd", 0, 1))
attempt(lambda: struct.pack_into("<i", memoryview(bytearray(4)).toreadonly(), 0, 1))
bi = io.BytesIO(b"hello")
target = bytearray(3)
print(bi.readinto(target), target)
ar = array.array("b", [0, 0])
print(bi.readinto(ar), ar)
bi.seek(0)
mv2 = memoryview(bytearray(4))
print(bi.readinto(mv2[1:3]), bytes(mv2.obj))
attempt(lambda: bi.readinto(b"xx"))
