# time: clocks, sleep, struct_time conversions and formatting (TZ=UTC).
import time

t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.05)
print(time.time() - t0 >= 0.04, time.monotonic() - m0 >= 0.04, time.perf_counter() - p0 >= 0.04)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__, time.process_time() >= 0)
print(abs(time.time_ns() / 1e9 - time.time()) < 1)
g = time.gmtime(0)
print(g)
print(g.tm_year, g[0], len(g), g.tm_zone, g.tm_gmtoff)
print(time.gmtime(1700000000.9))
print(time.localtime(86400 * 365))
print(time.mktime(time.localtime(1000)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", time.gmtime(946728000)))
print(time.asctime(time.gmtime(0)), "|", time.ctime(0))
print(time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.strftime("%Y", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
for f in [lambda: time.sleep(-1), lambda: time.sleep("x"), lambda: time.gmtime(float("nan")),
          lambda: time.strftime("%Y", (2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.mktime((1,)),
          lambda: time.strftime(5), lambda: time.strftime("%Y", (2020, 1, 1, 25, 0, 0, 0, 1, 0))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(g, time.struct_time), isinstance(g, tuple))
