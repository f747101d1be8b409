# mmap over a regular file: length 0 maps the whole file, writes reach the
# file, offsets, access modes, resize grows the file, size() is the file's.
import mmap
import os
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, "data.bin")
with open(path, "wb") as f:
    f.write(b"hello world\nsecond line\nthird" + b"\0" * (mmap.PAGESIZE * 2 - 29))


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m[:11], m.tell())
    print(m.readline(), m.readline(), m.tell())
    print(m.read(5), m.read_byte(), m.tell())
    m.seek(0)
    print(m.find(b"line"), m.rfind(b"line"), m.find(b"line", 20), m.find(b"zzz"))
    print(m.find(b"o", 5, 8), m.rfind(b"o", 0, 8), m.find(b"d", -5))
    m[0:5] = b"HELLO"
    m[6] = ord("W")
    m.flush()
    m.move(12, 0, 5)
    print(m[:20])
    with m:
        print(m.closed)
    print(m.closed)
with open(path, "rb") as f:
    print(f.read(20))

# offset must be a multiple of ALLOCATIONGRANULARITY
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), mmap.PAGESIZE, offset=mmap.PAGESIZE)
    print(len(m), m[:4], repr(m)[:60])
    m.close()
    t(lambda: mmap.mmap(f.fileno(), 10, offset=3))
    t(lambda: mmap.mmap(f.fileno(), 0, offset=mmap.PAGESIZE * 4))
    t(lambda: mmap.mmap(f.fileno(), mmap.PAGESIZE * 3))
    t(lambda: mmap.mmap(f.fileno(), 10, offset=-1))

# access modes
with open(path, "r+b") as f:
    r = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    t(lambda: r.write(b"x"))
    t(lambda: r.__setitem__(0, 1))
    t(lambda: r.resize(10))
    t(lambda: r.flush())
    print(r[:5])
    r.close()
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
    c[:5] = b"ccccc"
    print(c[:5])
    t(lambda: c.flush())
    c.close()
    w = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
    w[:1] = b"w"
    w.close()
with open(path, "rb") as f:
    print(f.read(6))

# resize grows the file
with open(path, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    m.resize(mmap.PAGESIZE * 3)
    print(len(m), m.size(), os.path.getsize(path))
    m[-1] = 7
    m.resize(100)
    print(len(m), m.size(), m[-1])
    m.close()

# an empty file cannot be mapped whole
empty = os.path.join(d, "empty")
open(empty, "wb").close()
with open(empty, "r+b") as f:
    t(lambda: mmap.mmap(f.fileno(), 0))

# the mmap keeps its own descriptor
f = open(path, "r+b")
m = mmap.mmap(f.fileno(), 0)
f.close()
print(m[:6], m.size())
m.close()
t(lambda: mmap.mmap(9999, 10))
os.unlink(path)
os.unlink(empty)
os.rmdir(d)
