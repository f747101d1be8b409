# Ctrl-C: a parent process sends SIGINT to child interpreters blocked in join,
# lock acquire (plain and timed), sleep, queue get, Event.wait and a busy loop;
# each child's main thread gets KeyboardInterrupt promptly. A child that does
# not catch it dies by SIGINT, as CPython does (exit code -2).
# The children run at once (os.system in threads) to keep the test short.
import os
import signal
import sys
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
child = os.path.join(here, "helpers", "blocked_child.py")
tag = os.path.join(here, "helpers", "sigint_%d_" % os.getpid())
modes = ["join", "lock", "rlock_timeout", "sleep", "queue", "event", "loop", "uncaught"]

status = {}
def run(mode):
    cmd = "exec '%s' '%s' %s '%s' >'%s' 2>/dev/null" % (
        sys.executable, child, mode, tag + mode + ".pid", tag + mode + ".out")
    status[mode] = os.system(cmd)

runners = [threading.Thread(target=run, args=(m,)) for m in modes]
for r in runners:
    r.start()
pids = {}
# Eight interpreters start at once; under a sanitizer on a loaded 2-core
# machine that can take most of a minute, so wait long for their pid files.
deadline = time.monotonic() + 90
while len(pids) < len(modes) and time.monotonic() < deadline:
    for m in modes:
        if m not in pids and os.path.exists(tag + m + ".pid"):
            with open(tag + m + ".pid") as f:
                pids[m] = int(f.read())
            os.remove(tag + m + ".pid")
    time.sleep(0.01)
time.sleep(0.3)  # let the children reach their blocking calls
sent = time.monotonic()
for m in modes:
    os.kill(pids[m], signal.SIGINT)
for r in runners:
    r.join(25)
took = time.monotonic() - sent
print("all children ended", "promptly" if took < 15 else "after %.1fs" % took)
for m in modes:
    with open(tag + m + ".out") as f:
        out = f.read().strip()
    os.remove(tag + m + ".out")
    print(m, os.waitstatus_to_exitcode(status[m]), out)
