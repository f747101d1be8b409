# A blocking SemLock.acquire is interrupted by a signal whose handler raises
# (the exception propagates), and resumes after one that returns.
import signal, _multiprocessing as mpc, os, time
class Boom(Exception): pass
def h(*a): raise Boom("alarm")
signal.signal(signal.SIGALRM, h)
s = mpc.SemLock(1, 0, 1, "/ftpy-sig-%d" % os.getpid(), True)
signal.alarm(1)
t0 = time.monotonic()
try:
    s.acquire()
except Boom as e:
    print("interrupted", e, time.monotonic() - t0 < 5)
calls = []
def h2(*a): calls.append(1)
signal.signal(signal.SIGALRM, h2)
signal.alarm(1)
print(s.acquire(timeout=1.5), calls)
