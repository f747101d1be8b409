# multiprocessing.shared_memory over _posixshmem and mmap: create, attach by
# name, write through one and read through the other, unlink; ShareableList;
# _posixshmem's own errors.
import _posixshmem
import os
import struct
import threading
from multiprocessing import shared_memory


hide = []  # random names, shown as NAME


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        text = str(e)
        for n in hide:
            text = text.replace(n, "NAME")
        print(type(e).__name__, text)


shm = shared_memory.SharedMemory(create=True, size=100)
hide.append(shm.name)
print(shm.size >= 100, shm.name.startswith("psm_"), type(shm.buf).__name__, shm.buf.readonly)
shm.buf[:5] = b"hello"
struct.pack_into("<q", shm.buf, 8, -12345)
other = shared_memory.SharedMemory(shm.name)
print(bytes(other.buf[:5]), struct.unpack_from("<q", other.buf, 8), other.size == shm.size)
other.buf[20:23] = b"abc"
print(bytes(shm.buf[20:23]))
t(lambda: shared_memory.SharedMemory(shm.name, create=True, size=10))
other.close()
other.close()
shm.close()
shm.unlink()
t(lambda: shared_memory.SharedMemory(shm.name))
t(lambda: shared_memory.SharedMemory(create=True, size=0))
t(lambda: shared_memory.SharedMemory(create=True, size=-1))
t(lambda: shared_memory.SharedMemory())

# threads write disjoint parts of one block through their own attachments
block = shared_memory.SharedMemory(create=True, size=4 * 256)


def fill(k):
    mine = shared_memory.SharedMemory(block.name)
    for i in range(256):
        mine.buf[k * 256 + i] = (k * 7 + i) % 256
    mine.close()


threads = [threading.Thread(target=fill, args=(k,)) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(all(block.buf[k * 256 + i] == (k * 7 + i) % 256 for k in range(4) for i in range(256)))
block.close()
block.unlink()

# ShareableList
sl = shared_memory.ShareableList([1, 2.5, "abc", b"xy", None, True, "abc"])
print(list(sl), len(sl), sl[2], sl[-1], sl.format)
print(sl.count("abc"), sl.index(b"xy"))
sl[0] = 42
sl[2] = "xyz"
t(lambda: sl.__setitem__(2, "a much longer string than before"))
t(lambda: sl[7])
view = shared_memory.ShareableList(name=sl.shm.name)
print(view[0], list(view))
view.shm.close()
sl.shm.close()
sl.shm.unlink()
empty = shared_memory.ShareableList()
print(list(empty), len(empty))
empty.shm.close()
empty.shm.unlink()

# _posixshmem directly
name = "/ftpy-shm-%d" % os.getpid()
hide.append(name)
fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 64)
print(os.fstat(fd).st_size)
t(lambda: _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR))
fd2 = _posixshmem.shm_open(name, os.O_RDWR)
print(os.fstat(fd2).st_size)
os.close(fd2)
os.close(fd)
print(_posixshmem.shm_unlink(name))
t(lambda: _posixshmem.shm_unlink(name))
t(lambda: _posixshmem.shm_open(name, os.O_RDWR))
t(lambda: _posixshmem.shm_open(b"/x", 0))
t(lambda: _posixshmem.shm_unlink(5))
t(lambda: _posixshmem.shm_open(name))
t(lambda: _posixshmem.shm_open(name, "x"))
try:
    _posixshmem.shm_open(name, os.O_RDWR)
except FileNotFoundError as e:
    print(e.errno, e.filename == name)
