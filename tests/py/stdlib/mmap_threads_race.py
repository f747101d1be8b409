# Threads race on one mmap: readers and writers through indexing, slices,
# memoryviews, find and the file position, while another thread resizes it
# and finally closes it. Every operation either works or raises one of
# CPython's errors (closed, exported buffers, out of range); nothing crashes.
import mmap
import threading

# A private map: growing a shared anonymous map is refused on Linux (and
# crashes CPython before 3.14), see mmap_resize_shared_anon.py.
m = mmap.mmap(-1, 8192, flags=mmap.MAP_PRIVATE)
expected = {"ValueError", "BufferError", "IndexError"}
unexpected = []
stop = threading.Event()


def record(e):
    if type(e).__name__ not in expected:
        unexpected.append(repr(e))


def reader(k):
    i = 0
    while not stop.is_set() or i < 300:
        i += 1
        try:
            n = len(m)
            m[(i * 7) % max(n, 1)]
            m[k:k + 64:3]
            m.find(b"\x05", k)
            v = memoryview(m)
            try:
                v[k] = i % 256
                bytes(v[:16])
            finally:
                v.release()
            m.seek(0)
            m.read(32)
        except Exception as e:
            record(e)


def resizer():
    for i in range(300):
        try:
            m.resize(4096 + (i % 4) * 4096)
        except Exception as e:
            record(e)
    stop.set()
    while True:
        try:
            m.close()
            return
        except BufferError:
            pass


threads = [threading.Thread(target=reader, args=(k,)) for k in range(3)]
threads.append(threading.Thread(target=resizer))
for th in threads:
    th.start()
for th in threads:
    th.join()
print(m.closed, unexpected)

# SemLock hammering: acquire with and without timeouts, release, counts
import _multiprocessing
import os

sem = _multiprocessing.SemLock(1, 3, 3, "/ftpy-race-%d" % os.getpid(), True)
held = []
lk = threading.Lock()


def worker():
    for i in range(400):
        ok = sem.acquire(True, 0.5) if i % 2 else sem.acquire()
        if ok:
            with lk:
                held.append(1)
                assert len(held) <= 3
                held.pop()
            sem.release()


threads = [threading.Thread(target=worker) for _ in range(6)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sem._get_value(), sem._count())
