# resource: usage records, limits read, lowered and restored, prlimit on
# this process, the constants, and CPython's errors for bad arguments.
import resource as r

u = r.getrusage(r.RUSAGE_SELF)
print(type(u), len(u), r.struct_rusage.n_fields)
print(type(u.ru_utime), type(u.ru_stime), type(u.ru_maxrss), u.ru_maxrss > 0, u.ru_utime >= 0)
print(u[0] == u.ru_utime, u[-1] == u.ru_nivcsw)
t = r.getrusage(r.RUSAGE_THREAD)
c = r.getrusage(r.RUSAGE_CHILDREN)
print(type(t) is type(c) is r.struct_rusage)
print(r.struct_rusage(range(16)))
print({k: getattr(r, k) for k in dir(r) if k.isupper()})
print(r.error is OSError, r.getpagesize() > 0, r.getpagesize() & (r.getpagesize() - 1))

soft, hard = r.getrlimit(r.RLIMIT_NOFILE)
print(type(soft), soft <= hard or hard == r.RLIM_INFINITY)
r.setrlimit(r.RLIMIT_CORE, (0, r.getrlimit(r.RLIMIT_CORE)[1]))
print(r.getrlimit(r.RLIMIT_CORE)[0])
print(r.prlimit(0, r.RLIMIT_NOFILE) == (soft, hard))
old = r.prlimit(0, r.RLIMIT_NOFILE, (soft - 1, hard))
print(old == (soft, hard), r.getrlimit(r.RLIMIT_NOFILE) == (soft - 1, hard))
r.setrlimit(r.RLIMIT_NOFILE, [soft, hard])
print(r.getrlimit(r.RLIMIT_NOFILE) == (soft, hard))

calls = [
    lambda: r.getrlimit("x"), lambda: r.getrlimit(-1), lambda: r.getrlimit(99),
    lambda: r.setrlimit(r.RLIMIT_NOFILE, [5, 4]), lambda: r.setrlimit(r.RLIMIT_NOFILE, (5, "a")),
    lambda: r.setrlimit(r.RLIMIT_NOFILE, 5), lambda: r.setrlimit(r.RLIMIT_NOFILE, (1,)),
    lambda: r.setrlimit(r.RLIMIT_CORE, (2**70, 1)), lambda: r.setrlimit(r.RLIMIT_CORE, (1.5, 2)),
    lambda: r.getrusage("a"), lambda: r.getrusage(99), lambda: r.getrusage(),
    lambda: r.getrlimit(resource=1), lambda: r.prlimit(0, 99), lambda: r.prlimit(2**22 + 12345, r.RLIMIT_NOFILE),
    lambda: r.struct_rusage((1, 2)),
]
for f in calls:
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
