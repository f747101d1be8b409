# _lsprof / cProfile / pstats: call counts, recursion counts, callers and
# the built-in names, with the times left out (they are not deterministic).
import cProfile
import io
import pstats
import _lsprof


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def helper(items):
    items.append(len(items))
    return sorted(items)


def gen(n):
    for i in range(n):
        yield i


def main():
    out = []
    for i in range(8):
        out.append(fib(i))
    helper(out)
    total = sum(gen(5))
    try:
        int('x')
    except ValueError:
        pass
    return total


def rows(stats):
    result = []
    for (fn, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
        if fn != '~':
            fn = fn.rsplit('/', 1)[-1]
        callers_s = sorted((c[2], v[0], v[1]) for c, v in callers.items())
        result.append((fn, line, name, cc, nc, callers_s))
        assert tt >= 0 and ct >= 0, (name, tt, ct)
    return sorted(result, key=lambda r: (r[2], r[1]))


pr = cProfile.Profile()
pr.enable()
main()
pr.disable()
for r in rows(pstats.Stats(pr)):
    print(r)

# getstats() directly: the entry and sub-entry records.
p = _lsprof.Profiler()
p.enable()
fib(4)
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(e.code)):
    name = e.code if isinstance(e.code, str) else e.code.co_name
    calls = None if e.calls is None else sorted(
        ((s.code if isinstance(s.code, str) else s.code.co_name), s.callcount, s.reccallcount) for s in e.calls)
    print(name, e.callcount, e.reccallcount, type(e.totaltime).__name__, e.inlinetime <= e.totaltime, calls)
print(type(p.getstats()[0]).__name__, len(p.getstats()[0]))
p.clear()
print('after clear:', p.getstats())

# subcalls=False and builtins=False.
p = _lsprof.Profiler(subcalls=False, builtins=False)
p.enable()
helper([3, 1])
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(e.code)):
    print(e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.calls)

# A custom integer timer with a time unit.
ticks = [0]


def timer():
    ticks[0] += 1
    return ticks[0]


p = _lsprof.Profiler(timer, 0.5)
p.enable()
fib(2)
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(e.code)):
    print(e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.totaltime, e.inlinetime)

# sys.getprofile() is the profiler while it is enabled.
import sys
p = _lsprof.Profiler()
p.enable()
print('getprofile is profiler:', sys.getprofile() is p)
p.disable()
print('after disable:', sys.getprofile())

# cProfile.run with a sort key prints a table; keep the deterministic part.
buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
try:
    cProfile.run('fib(6)', sort='ncalls')
finally:
    sys.stdout = old
lines = buf.getvalue().splitlines()
print(lines[0].split(' in ')[0])
table = []
for line in lines[1:]:
    if 'ncalls' in line or 'Ordered by' in line:
        print(line.strip())
    elif line.strip() and line.strip()[0].isdigit():
        parts = line.split()
        func = ' '.join(parts[5:])
        if ':' in func and not func.startswith('{'):
            func = func.rsplit('/', 1)[-1]
        table.append((parts[0], func))
# Rows with equal counts come in the profiler's own order.
ncalls = [int(n.split('/')[0]) for n, _ in table]
print('sorted by ncalls:', ncalls == sorted(ncalls, reverse=True))
for row in sorted(table):
    print(*row)

# The context manager form.
with cProfile.Profile() as prof:
    fib(3)
st = pstats.Stats(prof)
print(sorted((k[2], v[1]) for k, v in st.stats.items()))
