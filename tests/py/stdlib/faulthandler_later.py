# faulthandler.dump_traceback_later / cancel_dump_traceback_later: the
# watchdog writes "Timeout (H:MM:SS.ffffff)!" and every thread's stack, once
# or repeatedly, can be cancelled, exits the process with exit=True, and is
# cancelled at exit when still armed.
import faulthandler, sys, time, threading, os, tempfile
def show(f):
    try: print("ok", f())
    except Exception as ex: print(type(ex).__name__, ex)
show(lambda: faulthandler.dump_traceback_later(0))
show(lambda: faulthandler.dump_traceback_later(-1))
show(lambda: faulthandler.dump_traceback_later("x"))
show(lambda: faulthandler.dump_traceback_later(1e300))
show(lambda: faulthandler.dump_traceback_later(float("nan")))
show(lambda: faulthandler.dump_traceback_later(1, file=-1))
show(lambda: faulthandler.cancel_dump_traceback_later())
# Fires into a file: the header and the main thread's stack.
with tempfile.TemporaryFile() as f:
    def sleeper():
        time.sleep(0.5)
    faulthandler.dump_traceback_later(0.05, file=f)
    sleeper()
    f.seek(0)
    text = f.read().decode()
lines = text.splitlines()
print(lines[0])
print([l.split(" (")[0].split(" 0x")[0] for l in lines if l.startswith(("Thread", "Current"))])
print([l.strip() for l in lines if l.startswith("  File")] and [l.split(", ")[-1] for l in lines if l.startswith("  File")])
# Cancelled before the timeout: nothing written.
with tempfile.TemporaryFile() as f:
    faulthandler.dump_traceback_later(0.2, file=f.fileno())
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.3)
    f.seek(0)
    print("cancelled:", repr(f.read()))
# Repeat with two threads.
with tempfile.TemporaryFile() as f:
    ev = threading.Event()
    def worker():
        ev.wait()
    t = threading.Thread(target=worker); t.start()
    faulthandler.dump_traceback_later(0.05, repeat=True, file=f)
    time.sleep(0.4)
    faulthandler.cancel_dump_traceback_later()
    ev.set(); t.join()
    f.seek(0)
    text = f.read().decode()
print("repeats>=2:", text.count("Timeout (0:00:00.050000)!") >= 2)
print("both threads:", "in worker" in text and "in <module>" in text)
faulthandler.dump_traceback_later(1.5, repeat=True)
faulthandler.dump_traceback_later(3600)
faulthandler.dump_traceback_later(60.25)
import subprocess
p = subprocess.run([sys.executable, "-c", "import faulthandler, time\n"
                    "faulthandler.dump_traceback_later(0.05, exit=True)\n"
                    "time.sleep(10)\nprint('not reached')"], capture_output=True, text=True)
print("exit=True:", p.returncode, p.stdout, p.stderr.splitlines()[0], "in <module>" in p.stderr)
print("exit with one armed")
