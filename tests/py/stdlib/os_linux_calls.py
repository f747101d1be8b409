# os's Linux calls: eventfd, preadv/pwritev, copy_file_range, splice,
# pidfd_open, sched_param and the scheduler calls, with CPython's messages.
import os
import tempfile
import threading


def show(f):
    try:
        print("ok", f())
    except Exception as ex:
        print(type(ex).__name__, ex, getattr(ex, "errno", ""))


print(os.EFD_CLOEXEC, os.EFD_NONBLOCK, os.EFD_SEMAPHORE)
fd = os.eventfd(3)
print(os.eventfd_read(fd), os.get_inheritable(fd))
os.eventfd_write(fd, 2)
os.eventfd_write(fd, 5)
print(os.eventfd_read(fd))
# A read blocked in one thread (detached) is woken by a write in another.
got = []
t = threading.Thread(target=lambda: got.append(os.eventfd_read(fd)))
t.start()
os.eventfd_write(fd, 9)
t.join()
print("thread read", got)
os.close(fd)
fd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_SEMAPHORE | os.EFD_CLOEXEC)
show(lambda: os.eventfd_read(fd))
os.eventfd_write(fd, 2)
print(os.eventfd_read(fd), os.eventfd_read(fd), os.get_blocking(fd))
show(lambda: os.eventfd_write(fd, -1))
show(lambda: os.eventfd_write(fd, 2**64))
show(lambda: os.eventfd_write(fd, "x"))
show(lambda: os.eventfd(-1))
show(lambda: os.eventfd(2**32))
show(lambda: os.eventfd("x"))
show(lambda: os.eventfd(0, 12345678))
show(lambda: os.eventfd_read(fd=os.eventfd(initval=4, flags=0)))
os.close(fd)

d = tempfile.mkdtemp()
p = os.path.join(d, "f")
with open(p, "wb") as f:
    f.write(b"hello world")
fd = os.open(p, os.O_RDWR)
b1, b2 = bytearray(3), bytearray(4)
print(os.preadv(fd, [b1, b2], 2), b1, b2)
print(os.preadv(fd, [b1], 0, os.RWF_HIPRI) >= 0, b1)
show(lambda: os.preadv(fd, [bytes(3)], 0))
show(lambda: os.preadv(fd, 5, 0))
show(lambda: os.preadv(fd, [b1], "x"))
print(os.pwritev(fd, [b"AB", memoryview(b"CD")], 1), open(p, "rb").read())
show(lambda: os.pwritev(fd, [b"x"], 0, os.RWF_DSYNC))
show(lambda: os.pwritev(fd, 5, 0))
show(lambda: os.pwritev(fd, ["s"], 0))
show(lambda: os.pwritev(-1, [b"x"], 0))
print(os.RWF_DSYNC, os.RWF_HIPRI, os.RWF_SYNC, os.RWF_NOWAIT, os.RWF_APPEND)

q = os.path.join(d, "g")
fd2 = os.open(q, os.O_RDWR | os.O_CREAT)
print(os.copy_file_range(fd, fd2, 5), os.copy_file_range(fd, fd2, 3, 1, 10), open(q, "rb").read())
show(lambda: os.copy_file_range(fd, 9999, 5))
show(lambda: os.copy_file_range(fd, fd2, -1))
show(lambda: os.copy_file_range(src=fd, dst=fd2, count=1, offset_src=None, offset_dst=None))
r, w = os.pipe()
print(os.splice(fd, w, 4, offset_src=0), os.read(r, 4))
os.write(w, b"xyz")
print(os.splice(r, fd2, 3, offset_dst=0, flags=os.SPLICE_F_MOVE), open(q, "rb").read())
show(lambda: os.splice(fd, fd2, 3))
show(lambda: os.splice(fd, w, -3))
print(os.SPLICE_F_MOVE, os.SPLICE_F_NONBLOCK, os.SPLICE_F_MORE)
for x in (fd, fd2, r, w):
    os.close(x)

pfd = os.pidfd_open(os.getpid())
print(type(pfd).__name__, os.get_inheritable(pfd))
os.close(pfd)
show(lambda: os.pidfd_open(-5))
show(lambda: os.pidfd_open(os.getpid(), 1))
show(lambda: os.close(os.pidfd_open(pid=os.getpid(), flags=0)))

sp = os.sched_param(5)
print(sp, sp.sched_priority, sp[0], len(sp), type(sp), sp.__reduce__())
print(os.sched_param.__module__, os.sched_param.n_fields, sp == os.sched_param(sched_priority=5))
show(lambda: os.sched_param())
show(lambda: os.sched_param(1, 2))
show(lambda: os.sched_param("x"))
show(lambda: os.sched_getscheduler(0) == os.SCHED_OTHER)
show(lambda: os.sched_getparam(0))
show(lambda: os.sched_getscheduler(-1))
show(lambda: os.sched_getparam(-1))
show(lambda: os.sched_setparam(0, os.sched_param(0)))
show(lambda: os.sched_setparam(0, 5))
show(lambda: os.sched_setparam(0, (0,)))
show(lambda: os.sched_setparam(0, os.sched_param("x")))
show(lambda: os.sched_setparam(0, os.sched_param(2**40)))
show(lambda: os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0)))
show(lambda: os.sched_setscheduler(0, 99, os.sched_param(0)))
show(lambda: os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(5)))
show(lambda: (os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(os.SCHED_RR)))
show(lambda: os.sched_rr_get_interval(0) >= 0)
show(lambda: type(os.sched_rr_get_interval(0)))
show(lambda: os.sched_rr_get_interval(-1))

import shutil
shutil.rmtree(d)
