# Anonymous maps: indexing and slicing (with steps, get and set), the
# file-like methods, iteration, `in`, the context manager, subclasses, and
# CPython 3.11's errors.
import mmap


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


m = mmap.mmap(-1, 16)
print(len(m), m[:], m.tell(), m.closed)
m[:] = bytes(range(16))
print(m[0], m[15], m[-1], m[-16], m[2:6], m[::4], m[::-3], m[10:2:-2], m[5:5], m[20:])
m[1:8:2] = b"ABCD"
print(m[:8])
m[::-1] = bytes(range(100, 116))
print(m[:])
m[3] = 255
print(m[3])
t(lambda: m[16])
t(lambda: m[-17])
t(lambda: m.__setitem__(16, 1))
t(lambda: m.__setitem__(0, -1))
t(lambda: m.__setitem__(0, "a"))
t(lambda: m.__setitem__(slice(0, 3), b"ab"))
t(lambda: m.__setitem__(slice(0, 3), "abc"))
t(lambda: m.__setitem__(slice(0, 6, 2), b"ab"))
t(lambda: m.__delitem__(1))
t(lambda: m.__delitem__(slice(1, 2)))
t(lambda: m["x"])
t(lambda: m[1.5])
t(lambda: m.__setitem__("x", 1))

# file-like access
m.seek(0)
print(m.write(b"line one\nline 2\n"))
t(lambda: m.write(b"x"))
m.seek(0)
print(m.readline(), m.tell(), m.read(4), m.read_byte(), m.tell())
m.seek(-2, 2)
print(m.tell(), m.read(), m.read(), m.readline())
t(lambda: m.read_byte())
t(lambda: m.write_byte(1))
m.seek(3)
m.seek(2, 1)
print(m.tell())
t(lambda: m.seek(-1))
t(lambda: m.seek(17))
t(lambda: m.seek(0, 3))
m.seek(0)
m.write_byte(ord("L"))
print(m[:4], m.tell())
t(lambda: m.write_byte(300))
t(lambda: m.write(None))
t(lambda: m.read("3"))
print(m.read(-1))

# find / rfind
m[:] = b"abcabcabcabcabca"
m.seek(2)
print(m.find(b"abc"), m.find(b"abc", 0), m.rfind(b"abc"), m.rfind(b"abc", 0, 9))
print(m.find(b"c", -4), m.find(b"bca", 1, 4), m.find(b""), m.rfind(b""), m.find(b"", 20))
print(m.find(bytearray(b"ca")), m.find(memoryview(b"ab"), 5), m.rfind(b"zz"))
t(lambda: m.find("abc"))
t(lambda: m.find())

# move, madvise, flush
m.move(0, 8, 8)
print(m[:])
t(lambda: m.move(10, 0, 8))
t(lambda: m.move(-1, 0, 1))
print(m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_WILLNEED, 0, 100))
t(lambda: m.madvise(mmap.MADV_NORMAL, 16))
t(lambda: m.madvise(mmap.MADV_NORMAL, 0, -1))
print(m.flush(), m.flush(0, 16))
t(lambda: m.flush(0, 17))
t(lambda: m.flush(-1))

# iteration and `in`
small = mmap.mmap(-1, 4)
small[:] = b"wxyz"
print(list(small), b"x" in small, b"xy" in small, 120 in small)
it = iter(small)
print(next(it), next(it))
small.close()
t(lambda: next(it))

# resize of a shared anonymous map
r = mmap.mmap(-1, 10)
r[:3] = b"abc"
r.resize(5)
print(len(r), r[:])
t(lambda: r.resize(-1))
r.close()
# a position past a shrunk end stays there
big = mmap.mmap(-1, 8192)
big.seek(8000)
big.resize(4096)
print(big.tell(), big.readline(), big.read(), big.tell(), big.find(b""), big.rfind(b""))
t(lambda: big.read_byte())
t(lambda: big.write(b""))
big.close()

# access parameters
ro = mmap.mmap(-1, 4, access=mmap.ACCESS_READ)
print(repr(ro), ro[:])
for f in (lambda: ro.write(b"a"), lambda: ro.__setitem__(0, 1), lambda: ro.__setitem__(slice(0, 1), b"a"),
          lambda: ro.move(0, 1, 1), lambda: ro.write_byte(1), lambda: ro.resize(8)):
    t(f)
cp = mmap.mmap(-1, 4, access=mmap.ACCESS_COPY)
cp[0] = 1
print(repr(cp), cp[:])
t(lambda: cp.resize(8))
pr = mmap.mmap(-1, 4, prot=mmap.PROT_READ)
t(lambda: pr.write(b"x"))
t(lambda: mmap.mmap(-1, 4, flags=mmap.MAP_PRIVATE)[:])
t(lambda: mmap.mmap(-1, 0))
t(lambda: mmap.mmap(-1, -1))
t(lambda: mmap.mmap(-1, 10, access=7))
t(lambda: mmap.mmap(-1, 10, access=mmap.ACCESS_READ, prot=mmap.PROT_READ))
t(lambda: mmap.mmap(-1, 10, offset=-1))
t(lambda: mmap.mmap("a", 1))
t(lambda: mmap.mmap(-1, "a"))

# closing: every method then says so
c = mmap.mmap(-1, 8)
with c as cc:
    print(cc is c, c.closed)
print(c.closed, repr(c))
c.close()
for f in (lambda: c[0], lambda: c[:], lambda: len(c), lambda: c.read(), lambda: c.write(b""),
          lambda: c.tell(), lambda: c.seek(0), lambda: c.find(b""), lambda: c.flush(),
          lambda: c.resize(1), lambda: c.__setitem__(0, 1), lambda: c.__enter__(), lambda: list(c),
          lambda: c.size(), lambda: c.readline(), lambda: memoryview(c), lambda: c.madvise(0)):
    t(f)

# size() of an anonymous map asks fstat(-1), as CPython 3.11 does
t(lambda: mmap.mmap(-1, 4).size())

# subclasses
class Sub(mmap.mmap):
    def first(self):
        return self[0]


s = Sub(-1, 3)
s[0] = 9
s.tag = "t"
print(s.first(), s.tag, repr(s), isinstance(s, mmap.mmap))
import weakref
print(weakref.ref(s)() is s)
t(lambda: setattr(mmap.mmap(-1, 1), "x", 1))


class Noisy(mmap.mmap):
    def close(self):
        print("Noisy.close")
        super().close()


with Noisy(-1, 2) as nz:
    pass
print(nz.closed)
print(mmap.error is OSError, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE > 0)
print(sorted(n for n in dir(mmap) if n.isupper()))
print(sorted(n for n in dir(mmap.mmap) if not n.startswith("_")))
