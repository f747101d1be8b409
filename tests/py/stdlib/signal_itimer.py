# signal.setitimer/getitimer: the three timers, a repeating ITIMER_REAL
# delivering SIGALRM to a Python handler, ITIMER_VIRTUAL/PROF counting CPU
# time, ItimerError and the argument errors of CPython 3.11.
import signal
import time


def show(f):
    try:
        print("ok", f())
    except Exception as ex:
        print(type(ex).__name__, ex, getattr(ex, "errno", ""))


print(signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.ItimerError.__name__, signal.ItimerError.__module__, issubclass(signal.ItimerError, OSError))
print(repr(signal.ItimerError("a")))
show(lambda: signal.getitimer(signal.ITIMER_REAL))
show(lambda: signal.setitimer(signal.ITIMER_REAL, 0))
show(lambda: signal.setitimer(99, 1))
show(lambda: signal.getitimer(99))
show(lambda: signal.setitimer(signal.ITIMER_REAL, -1))
show(lambda: signal.setitimer(signal.ITIMER_REAL, -1e-7))
show(lambda: signal.setitimer(signal.ITIMER_REAL, 1e-7, -1))
show(lambda: signal.setitimer(signal.ITIMER_REAL, "x"))
show(lambda: signal.setitimer(signal.ITIMER_REAL, 10, "x"))
show(lambda: signal.setitimer(signal.ITIMER_REAL, float("nan")))
show(lambda: signal.setitimer(signal.ITIMER_REAL, 1e300))
show(lambda: signal.setitimer(signal.ITIMER_REAL, 2**70))
show(lambda: signal.setitimer("a", 0))
show(lambda: signal.setitimer(0))

# Armed: getitimer shows the time left (at most what was set) and the interval.
signal.setitimer(signal.ITIMER_REAL, 100, 5)
left, interval = signal.getitimer(signal.ITIMER_REAL)
print("armed", 99 < left <= 100, interval)
old = signal.setitimer(signal.ITIMER_REAL, True)
print("replaced", 99 < old[0] <= 100, old[1])
old = signal.setitimer(signal.ITIMER_REAL, 0)
print("cleared", 0 < old[0] <= 1, old[1], signal.getitimer(signal.ITIMER_REAL))

# A repeating real timer: the handler runs in the main thread each time.
fired = []
signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
deadline = time.monotonic() + 10
while len(fired) < 3 and time.monotonic() < deadline:
    time.sleep(0.005)
signal.setitimer(signal.ITIMER_REAL, 0)
print("fired", fired[:3] == [signal.SIGALRM] * 3)

# ITIMER_VIRTUAL counts user CPU time: a busy loop gets SIGVTALRM.
vt = []
signal.signal(signal.SIGVTALRM, lambda signum, frame: vt.append(signum))
signal.setitimer(signal.ITIMER_VIRTUAL, 0.05)
deadline = time.monotonic() + 20
n = 0
while not vt and time.monotonic() < deadline:
    n += 1
print("virtual", vt == [signal.SIGVTALRM], signal.getitimer(signal.ITIMER_VIRTUAL))
signal.setitimer(signal.ITIMER_PROF, 0.5, 0.25)
left, interval = signal.getitimer(signal.ITIMER_PROF)
print("prof", 0 < left <= 0.6, interval)
signal.setitimer(signal.ITIMER_PROF, 0)
print(signal.getitimer(signal.ITIMER_PROF))
