# os.spawn* over fork/exec, os.forkpty through pty.fork, and `from os import *`
# bringing posix's names, as in CPython.
import os, sys
print(os.spawnv(os.P_WAIT, "/bin/sh", ["sh", "-c", "exit 4"]))
print(os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "exit 0"))
pid = os.spawnl(os.P_NOWAIT, "/bin/sh", "sh", "-c", "exit 9")
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
print(os.spawnve(os.P_WAIT, "/bin/sh", ["sh", "-c", 'test "$X" = 1'], {"X": "1"}))
print(os.spawnv(os.P_WAIT, "/nonexistent/prog", ["prog"]))
for bad in ("notalist", [], [""]):
    try:
        os.spawnv(os.P_WAIT, "/bin/sh", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
from os import *
print(getpid() > 0, callable(fork), callable(spawnv), P_NOWAIT)
import pty
pid, fd = pty.fork()
if pid == 0:
    print("in child pty")
    os._exit(3)
data = b""
while True:
    try:
        b = os.read(fd, 100)
    except OSError:
        break
    if not b:
        break
    data += b
print(data.replace(b"\r", b""), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
