# faulthandler: dump_traceback of the current thread and of all threads
# (thread ids masked), enable/disable, bad files, and the fatal-signal report
# of a child interpreter killed by SIGABRT and SIGILL (CPython's text and
# exit status).
import faulthandler
import io
import os
import re
import subprocess
import sys
import tempfile
import threading


def f():
    faulthandler.dump_traceback(sys.stdout, all_threads=False)


sys.stdout.flush()
f()
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
faulthandler.disable()
print(faulthandler.is_enabled())
for bad in ["x", -1, io.StringIO()]:
    try:
        faulthandler.dump_traceback(bad)
    except Exception as e:
        print(type(e).__name__, e)

# All threads: a second thread waits on an event while the main thread dumps.
ready = threading.Event()
done = threading.Event()


def worker():
    ready.set()
    done.wait()


t = threading.Thread(target=worker)
t.start()
ready.wait()
with tempfile.TemporaryFile("w+") as out:
    faulthandler.dump_traceback(out)
    out.seek(0)
    text = re.sub(r"0x[0-9a-f]{16}", "0xID", out.read())
done.set()
t.join()
lines = text.splitlines()
print(lines[0])
# The worker may still be inside ready.set() or already in done.wait():
# only the frames from `worker` down are certain.
names = [l.split(" in ")[-1] for l in lines if l.startswith("  File")]
print(names[names.index("worker"):])
print(sum(l.startswith("Thread 0xID") for l in lines), sum(l.startswith("Current thread 0xID") for l in lines))

child = """
import faulthandler, os, signal, sys
def crash():
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
def outer():
    crash()
faulthandler.enable(all_threads=sys.argv[2] == "all")
outer()
print("not reached")
"""
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "child.py")
    with open(path, "w") as fh:
        fh.write(child)
    # SIGABRT and SIGILL: sanitizer runtimes leave those two to the program
    # by default (they catch SIGSEGV, SIGBUS and SIGFPE themselves).
    for sig, mode in [("SIGABRT", "all"), ("SIGABRT", "one"), ("SIGILL", "all"), ("SIGILL", "one")]:
        r = subprocess.run([sys.executable, path, sig, mode], capture_output=True, text=True)
        err = re.sub(r"0x[0-9a-f]{16}", "0xID", r.stderr.replace(path, "CHILD"))
        print(sig, mode, r.returncode, repr(r.stdout))
        print(err)
