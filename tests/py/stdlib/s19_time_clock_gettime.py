# time.clock_gettime/clock_gettime_ns/clock_getres and the CLOCK_* ids
# (missing before), as timing helpers use them; only relations between
# readings are printed.
import threading
import time

names = sorted(n for n in dir(time) if n.startswith("CLOCK_"))
print(names, [getattr(time, n) for n in names])
t1 = time.clock_gettime(time.CLOCK_MONOTONIC)
m = time.monotonic()
t2 = time.clock_gettime(time.CLOCK_MONOTONIC)
print(type(t1).__name__, t1 <= m <= t2 or abs(m - t1) < 1)
ns1 = time.clock_gettime_ns(time.CLOCK_REALTIME)
print(type(ns1).__name__, abs(ns1 / 1e9 - time.time()) < 60)
for clk in ("CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID", "CLOCK_BOOTTIME"):
    res = time.clock_getres(getattr(time, clk))
    print(clk, type(res).__name__, 0 < res <= 0.01)
a = time.clock_gettime_ns(time.CLOCK_PROCESS_CPUTIME_ID)
sum(i * i for i in range(200000))
b = time.clock_gettime_ns(time.CLOCK_PROCESS_CPUTIME_ID)
print(b >= a)
cid = time.pthread_getcpuclockid(threading.get_ident())
print(type(cid).__name__, time.clock_gettime(cid) >= 0)
for args in [(99,), ("x",), (1.5,)]:
    try:
        time.clock_gettime(*args)
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
for fn, args in [(time.clock_getres, (99,)), (time.clock_settime, (99, 0)), (time.clock_settime_ns, (99, 0)),
                 (time.clock_settime_ns, (99, 0.5))]:
    try:
        fn(*args)
    except (OSError, TypeError) as e:
        print(fn.__name__, type(e).__name__, e)
print(time.clock_gettime.__doc__.splitlines()[0], time.clock_settime_ns.__doc__.splitlines()[0])
