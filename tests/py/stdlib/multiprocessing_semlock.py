# _multiprocessing.SemLock directly: both kinds, ownership and counting,
# timeouts, the errors, _rebuild, sem_unlink, and threads of one process
# contending for one SemLock.
import _multiprocessing as mpc
import os
import threading
import time

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
_n = [0]


def name():
    _n[0] += 1
    return "/ftpy-semlock-%d-%d" % (os.getpid(), _n[0])


def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)


print(mpc.flags, mpc.SemLock.SEM_VALUE_MAX)

# a recursive mutex: the owner re-enters; others may not release it
rm = mpc.SemLock(RECURSIVE_MUTEX, 1, 1, name(), True)
print(rm.kind, rm.maxvalue, rm.name, isinstance(rm.handle, int), rm._count(), rm._is_mine(), rm._get_value())
print(rm.acquire(), rm.acquire(), rm.acquire(False), rm._count(), rm._is_mine(), rm._is_zero())
rm.release()
print(rm._count(), rm._get_value())
rm.release()
rm.release()
print(rm._count(), rm._is_mine(), rm._get_value())
t(lambda: rm.release())

# a binary semaphore
s1 = mpc.SemLock(SEMAPHORE, 1, 1, name(), True)
print(s1.acquire(), s1.acquire(False), s1.acquire(True, 0.01), s1.acquire(timeout=0), s1._count())
s1.release()
t(lambda: s1.release())
print(s1._count(), s1._get_value())

# a counting semaphore bounded by maxvalue
s3 = mpc.SemLock(SEMAPHORE, 2, 3, name(), True)
print(s3._get_value())
s3.release()
t(lambda: s3.release())
print(s3.acquire(), s3.acquire(), s3.acquire(), s3.acquire(False), s3._count(), s3._is_zero())

# context manager
s3.release()
with s3 as got:
    print("inside", got, s3._get_value())
print(s3._get_value(), s3.__exit__(), s3._get_value())
s3._after_fork()
print(s3._count())

# named, not unlinked: visible to sem_open until sem_unlink
nm = name()
keep = mpc.SemLock(SEMAPHORE, 0, 1, nm, False)
print(keep.name == nm)
again = mpc.SemLock._rebuild(keep.handle, keep.kind, keep.maxvalue, keep.name)
keep.release()
print(again.acquire(False), type(again).__name__, again.name == nm)
same = mpc.SemLock._rebuild(keep.handle, keep.kind, keep.maxvalue, None)
print(same.name, same._get_value(), same.kind)
t(lambda: mpc.SemLock(SEMAPHORE, 0, 1, nm, False))
print(mpc.sem_unlink(nm))
t(lambda: mpc.sem_unlink(nm))
t(lambda: mpc.SemLock._rebuild(0, 1, 1, nm))
del keep, again, same

# bad arguments
t(lambda: mpc.SemLock(5, 1, 1, name(), True))
t(lambda: mpc.SemLock(1, 1, 1, None, True))
t(lambda: mpc.SemLock(1, 1, 1, b"/x", True))
t(lambda: mpc.SemLock(1, 1, 1, "/x\0y", True))
t(lambda: mpc.SemLock(1, -1, 1, name(), True))
t(lambda: mpc.sem_unlink(b"x"))
t(lambda: s1.acquire(True, "soon"))

# a recursive mutex released by another thread
owned = mpc.SemLock(RECURSIVE_MUTEX, 1, 1, name(), True)
owned.acquire()
res = []
th = threading.Thread(target=lambda: res.append((owned._is_mine(), owned._count())))
th.start()
th.join()
print(res)
th = threading.Thread(target=lambda: t(lambda: owned.release()))
th.start()
th.join()
owned.release()

# a blocked acquire wakes when another thread releases (the wait is detached)
gate = mpc.SemLock(SEMAPHORE, 0, 5, name(), True)
threading.Timer(0.05, gate.release).start()
start = time.monotonic()
print(gate.acquire(timeout=10), time.monotonic() - start < 5)
print(gate.acquire(timeout=0.05))

# threads increment a counter under a SemLock used as a mutex
mutex = mpc.SemLock(SEMAPHORE, 1, 1, name(), True)
counter = [0]


def bump():
    for _ in range(2000):
        mutex.acquire()
        v = counter[0]
        counter[0] = v + 1
        mutex.release()


threads = [threading.Thread(target=bump) for _ in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(counter[0], mutex._get_value())

# a recursive mutex shared by threads, each nesting it
rmx = mpc.SemLock(RECURSIVE_MUTEX, 1, 1, name(), True)
total = [0]


def nest():
    for _ in range(500):
        with rmx:
            with rmx:
                total[0] += 1
                assert rmx._count() == 2


threads = [threading.Thread(target=nest) for _ in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(total[0], rmx._count(), rmx._get_value())
