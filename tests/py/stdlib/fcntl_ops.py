# fcntl: flags of a pipe, locks on a file (flock, lockf, F_GETLK with a
# packed struct), ioctl with mutable and immutable buffers, and CPython's
# errors for bad descriptors and arguments.
import fcntl, os, tempfile, struct
FIONREAD = 0x541B  # FIONREAD on Linux
print({k: getattr(fcntl, k) for k in dir(fcntl) if k.isupper()})
r, w = os.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
print(fl & os.O_NONBLOCK)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK)
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
print(fcntl.fcntl(w, fcntl.F_GETPIPE_SZ) > 0)
class F:
    def fileno(self): return r
print(fcntl.fcntl(F(), fcntl.F_GETFL) == fcntl.fcntl(r, fcntl.F_GETFL))
with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB, 10, 0, 0)
    fcntl.lockf(f, fcntl.LOCK_UN)
    lk = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)
    res = fcntl.fcntl(f, fcntl.F_GETLK, lk)
    print(type(res), len(res), struct.unpack("hhqqi", res)[0] == fcntl.F_UNLCK)
    try:
        fcntl.fcntl(f, fcntl.F_GETLK, bytearray(lk))
    except TypeError as e:
        print("TypeError", e)
    try:
        fcntl.lockf(f, 0)
    except ValueError as e:
        print("ValueError", e)
buf = bytearray(8)
try:
    print(fcntl.ioctl(r, FIONREAD, buf), buf)
except OSError as e:
    print("OSError", e)
os.write(w, b"abc")
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), struct.unpack("i", buf))
print(struct.unpack("i", fcntl.ioctl(r, FIONREAD, b"\0\0\0\0")))
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf, False), buf)
calls = [
    lambda: fcntl.fcntl("x", 1), lambda: fcntl.fcntl(999, fcntl.F_GETFD), lambda: fcntl.fcntl(-1, 1),
    lambda: fcntl.flock(999, fcntl.LOCK_EX), lambda: fcntl.fcntl(0, fcntl.F_GETFL, b"x" * 1025),
    lambda: fcntl.fcntl(0, fcntl.F_GETFL, 1.5), lambda: fcntl.lockf(999, fcntl.LOCK_EX), lambda: fcntl.fcntl(0),
    lambda: fcntl.ioctl(999, 1), lambda: fcntl.fcntl(0, 2**40), lambda: fcntl.flock(0), lambda: fcntl.lockf(0),
    lambda: fcntl.ioctl(0), lambda: fcntl.fcntl(r, fcntl.F_GETFL, arg=0), lambda: fcntl.fcntl(1, 2, 3, 4),
    lambda: fcntl.ioctl(r, FIONREAD, "abcd"), lambda: fcntl.ioctl(r, FIONREAD, b"x" * 1025),
]
for c in calls:
    try:
        print("ok", c())
    except Exception as e:
        print(type(e).__name__, e)
