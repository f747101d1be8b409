# The buffer protocol of mmap: memoryview, bytes(), re, struct, readinto,
# hashing; an exported buffer pins the map (no close or resize while a view
# lives); several threads writing through one map.
import hashlib
import io
import mmap
import re
import struct
import threading


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


m = mmap.mmap(-1, 64, flags=mmap.MAP_PRIVATE)  # a shared one cannot grow (3.14)
m[:24] = b"key=value; other=thing\n\0"
print(bytes(m)[:24], bytearray(m)[:4], len(bytes(m)))
mv = memoryview(m)
print(mv.readonly, mv.nbytes, mv.format, mv[:3].tobytes(), mv[4])
mv[0:3] = b"KEY"
print(m[:3])
t(lambda: m.close())
t(lambda: m.resize(128))
print(m.closed)
mv.release()
m.resize(128)
print(len(m))

# a slice of a view pins too
v2 = memoryview(m)[10:20]
t(lambda: m.close())
del v2
# regular expressions search the mapped bytes in place
print(re.search(rb"(\w+)=(\w+)", m).groups())
print([x.group(0) for x in re.finditer(rb"\w+=", m)])
print(re.match(rb"KEY", m) is not None)

# struct reads and writes in place
struct.pack_into("<IHb", m, 32, 0xDEADBEEF, 513, -2)
print(struct.unpack_from("<IHb", m, 32), m[32:39].hex())
print(hashlib.sha256(m[:24]).hexdigest()[:16], hashlib.sha256(memoryview(m)[:24]).hexdigest()[:16])

# file readinto a map, and writing a map to a file
buf = io.BytesIO(b"0123456789")
n = buf.readinto(memoryview(m)[40:50])
print(n, m[40:50])
out = io.BytesIO()
out.write(m[40:45])
print(out.getvalue())
print(b"".join([m[:3], memoryview(m)[3:6]]))

# a read-only map exports a read-only buffer
ro = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
rv = memoryview(ro)
print(rv.readonly)
t(lambda: rv.__setitem__(0, 1))
rv.release()
ro.close()

# several threads write disjoint stripes and bump one shared counter byte
# under a lock; the result is exact
shared = mmap.mmap(-1, 4096)
lock = threading.Lock()


def work(k):
    for i in range(200):
        shared[k * 512 + (i % 512)] = (i + k) % 256
        view = memoryview(shared)
        view[4000 + k] = k
        view.release()
        with lock:
            shared[4095] = (shared[4095] + 1) % 256


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(shared[4095], list(shared[4000:4004]), [shared[k * 512 + 199] for k in range(4)])
shared.close()
m.close()
print(m.closed)
