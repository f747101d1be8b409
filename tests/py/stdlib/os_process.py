# os: popen, the exec family (in child interpreters), positional and vectored
# I/O, ownership and modes, sysconf/confstr/pathconf, ids, scheduling and
# terminals, the record types, and CPython's errors for bad arguments.
import os, sys, tempfile, time
print(os.popen("echo hello; echo world").read())
f = os.popen("exit 3"); print(f.read(), f.close())
with os.popen("printf 'a\\nb\\n'") as f:
    print(list(f))
w = os.popen("cat > /dev/null", "w"); w.write("x"); print(w.close())
print(os.device_encoding(os.open("/dev/null", os.O_RDONLY)))
pid = os.getpid()
print(sorted(os.sched_getaffinity(0)) == list(range(os.cpu_count())) or len(os.sched_getaffinity(0)) >= 1)
print(type(os.getloadavg()), len(os.getloadavg()))
print(os.sysconf("SC_PAGESIZE"), os.sysconf(os.sysconf_names["SC_CLK_TCK"]), os.confstr("CS_PATH"))
print(os.pathconf("/", "PC_NAME_MAX"), os.fpathconf(0, "PC_PIPE_BUF") > 0)
for bad in ["nope", 1.5]:
    try: os.sysconf(bad)
    except Exception as e: print(type(e).__name__, e)
print(os.getresuid()[0] == os.getuid(), os.getresgid()[1] == os.getegid(), type(os.getgroups()))
print(os.getpriority(os.PRIO_PROCESS, 0) == os.nice(0))
print(os.major(os.makedev(8, 1)), os.minor(os.makedev(8, 1)))
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f")
    fd = os.open(p, os.O_RDWR | os.O_CREAT)
    print(os.pwrite(fd, b"hello world", 0), os.pread(fd, 5, 6))
    print(os.writev(fd, [b"ab", bytearray(b"cd"), memoryview(b"ef")]))
    os.lseek(fd, 0, 0)
    a, b = bytearray(3), bytearray(4)
    print(os.readv(fd, [a, b]), a, b)
    os.fchmod(fd, 0o600); print(oct(os.stat(p).st_mode & 0o777))
    os.fchown(fd, os.getuid(), os.getgid()); os.chown(p, -1, -1); os.lchown(p, os.getuid(), -1)
    os.posix_fallocate(fd, 0, 100); print(os.fstat(fd).st_size)
    os.fdatasync(fd); os.sync()
    out = os.open(os.path.join(d, "g"), os.O_RDWR | os.O_CREAT)
    print(os.sendfile(out, fd, 0, 11), os.pread(out, 11, 0))
    os.mkfifo(os.path.join(d, "fifo")); import stat; print(stat.S_ISFIFO(os.stat(os.path.join(d, "fifo")).st_mode))
    os.lockf(fd, os.F_LOCK, 0); os.lockf(fd, os.F_ULOCK, 0)
    os.close(fd); os.close(out)
r, w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK); print(os.get_blocking(r), os.get_inheritable(w))
print(len(os.getrandom(16)), len(os.urandom(4)))
m, s = os.openpty(); print(os.isatty(s), os.ttyname(s).startswith("/dev/pts/"), os.get_inheritable(m)); os.close(m); os.close(s)
print(os.WCOREDUMP(0), os.WIFCONTINUED(0xffff))
print(os.uname_result, os.times_result, os.statvfs_result, os.waitid_result)
print(os.uname().__class__ is os.uname_result)
for f in [lambda: os.execv("/bin/true", []), lambda: os.execv("/bin/true", ("",)), lambda: os.execv("/bin/true", "ab"),
          lambda: os.execvp("no-such-program-xyz", ["x"]), lambda: os.execve("/bin/true", ["t"], 5), lambda: os.pread(0, -1, 0)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
import subprocess
print(subprocess.run([sys.executable, "-c", "import os; os.execlp('echo', 'echo', 'from', 'execlp')"], capture_output=True).stdout)
print(subprocess.run([sys.executable, "-c", "import os; os.execle('/bin/sh', 'sh', '-c', 'echo $FOO', {'FOO': 'bar'})"], capture_output=True).stdout)
