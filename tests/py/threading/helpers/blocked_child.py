# Child of sigint_subprocess.py: writes its pid to a file, then blocks in the
# way named by argv[1] until the parent sends SIGINT.
import os
import queue
import signal
import sys
import threading
import time

# A parent started from a non-interactive shell in the background inherits
# SIGINT ignored, and so do we: ask for Python's default handler explicitly.
signal.signal(signal.SIGINT, signal.default_int_handler)

how, pidfile = sys.argv[1], sys.argv[2]

def announce():
    with open(pidfile + ".tmp", "w") as f:
        f.write(str(os.getpid()))
    os.rename(pidfile + ".tmp", pidfile)

def sleeper():
    time.sleep(60)

def block():
    if how == "join":
        t = threading.Thread(target=sleeper, daemon=True)
        t.start()
        announce()
        t.join()
    elif how == "lock":
        lk = threading.Lock()
        lk.acquire()
        announce()
        lk.acquire()
    elif how == "rlock_timeout":
        r = threading.RLock()
        held = threading.Event()
        t = threading.Thread(target=lambda: (r.acquire(), held.set(), time.sleep(60)), daemon=True)
        t.start()
        held.wait()
        announce()
        r.acquire(timeout=60)
    elif how == "sleep":
        announce()
        time.sleep(60)
    elif how == "queue":
        announce()
        queue.Queue().get()
    elif how == "event":
        announce()
        threading.Event().wait(60)
    elif how == "loop":
        announce()
        while True:
            pass

if how == "uncaught":
    announce()
    time.sleep(60)
try:
    block()
except KeyboardInterrupt:
    print(how, "KeyboardInterrupt in", threading.current_thread().name, flush=True)
    sys.exit(7)
print(how, "was not interrupted")
