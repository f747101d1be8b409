# os / posix: directories, stat, fds, environ, errors, walk, scandir.
import os, errno, time

base = "/tmp/ftpy_os_%d" % os.getpid()
os.mkdir(base)
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
for name in ["f1.txt", "a/f2.txt", "a/b/f3.txt"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 3)
print(sorted(os.listdir(base)), sorted(os.listdir(base.encode()))[:1])
for dirpath, dirs, files in os.walk(base):
    print(os.path.relpath(dirpath, base), sorted(dirs), sorted(files))
for dirpath, dirs, files in os.walk(base, topdown=False):
    print(os.path.relpath(dirpath, base), sorted(dirs), sorted(files))
with os.scandir(base) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e.name, e.is_dir(), e.is_file(), e.path == os.path.join(base, e.name), e.stat().st_size)

st = os.stat(os.path.join(base, "f1.txt"))
print(st.st_size, len(st), st[6], type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print(st.st_mtime_ns // 10**9 == st[8], os.path.isfile(os.path.join(base, "f1.txt")), os.path.isdir(base))
os.utime(os.path.join(base, "f1.txt"), (1000000000, 1000000000.5))
st = os.stat(os.path.join(base, "f1.txt"))
print(st.st_atime, st.st_mtime, st.st_mtime_ns)

def err(f):
    try:
        r = f()
        print("ok", r)
    except OSError as e:
        print(type(e).__name__, e.errno == getattr(errno, errno.errorcode[e.errno]), str(e).replace(base, "BASE"))

err(lambda: os.mkdir(base))
err(lambda: os.rmdir(os.path.join(base, "a")))
err(lambda: os.remove(os.path.join(base, "nope")))
err(lambda: os.rename(os.path.join(base, "nope"), os.path.join(base, "nope2")))
err(lambda: os.listdir(os.path.join(base, "f1.txt")))
err(lambda: os.stat(os.path.join(base, "nope")))
err(lambda: os.chdir(os.path.join(base, "nope")))

os.rename(os.path.join(base, "f1.txt"), os.path.join(base, "g1.txt"))
os.replace(os.path.join(base, "g1.txt"), os.path.join(base, "a", "f2.txt"))
print(sorted(os.listdir(base)))
os.symlink(os.path.join(base, "a"), os.path.join(base, "link"))
print(os.readlink(os.path.join(base, "link")) == os.path.join(base, "a"), os.path.islink(os.path.join(base, "link")))
print(os.access(base, os.F_OK), os.access(base + "nope", os.F_OK), os.access(base, os.W_OK))

fd = os.open(os.path.join(base, "raw.bin"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello raw"), os.lseek(fd, 0, os.SEEK_CUR))
os.close(fd)
fd = os.open(os.path.join(base, "raw.bin"), os.O_RDONLY)
print(os.read(fd, 5), os.fstat(fd).st_size, os.isatty(fd))
fd2 = os.dup(fd)
print(os.read(fd2, 100))
os.close(fd)
os.close(fd2)
r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)

cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == os.path.realpath(base), sorted(os.listdir())[:2])
os.chdir(cwd)

os.environ["FTPY_TEST_VAR"] = "value1"
print(os.environ["FTPY_TEST_VAR"], os.getenv("FTPY_TEST_VAR"), "FTPY_TEST_VAR" in os.environ)
print(os.system("test \"$FTPY_TEST_VAR\" = value1") == 0)
del os.environ["FTPY_TEST_VAR"]
print(os.getenv("FTPY_TEST_VAR", "gone"), os.environb.get(b"FTPY_TEST_VAR"))
print(os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int), os.cpu_count() >= 1)
print(len(os.urandom(16)), os.strerror(errno.ENOENT), errno.errorcode[errno.EEXIST], errno.EAGAIN == errno.EWOULDBLOCK)
print(os.fspath("x"), os.fspath(b"y"), os.sep, os.linesep == "\n", os.curdir, os.pardir, os.path is __import__("posixpath"))
class P:
    def __fspath__(self):
        return base
print(os.path.isdir(P()), os.fspath(P()) == base)
try:
    os.fspath(1)
except TypeError as e:
    print(e)
u = os.uname()
print(u.sysname, len(u))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
pid = os.getpid()
print(os.waitpid(-1, os.WNOHANG) if False else "skip", os.WNOHANG)

def rmtree(p):
    for dirpath, dirs, files in os.walk(p, topdown=False):
        for f in files:
            os.unlink(os.path.join(dirpath, f))
        for d in dirs:
            full = os.path.join(dirpath, d)
            if os.path.islink(full):
                os.unlink(full)
            else:
                os.rmdir(full)
    os.rmdir(p)
rmtree(base)
print(os.path.exists(base))
