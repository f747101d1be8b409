# Hooks installed and removed many times in one frame (the loop moves the
# frame between its plain and tracing forms without growing the C++ stack),
# from inside nested calls, and generators resumed by throw() while profiled.
import sys
import _lsprof

count = [0]


def prof(frame, event, arg):
    count[0] += 1


def f(x):
    return x + 1


total = 0
for i in range(20000):
    sys.setprofile(prof)
    total += f(i)
    sys.setprofile(None)
print(total, count[0])

p = _lsprof.Profiler()
for i in range(20000):
    p.enable()
    f(i)
    p.disable()
print(sorted((e.code if isinstance(e.code, str) else e.code.co_name, e.callcount) for e in p.getstats()))


def deep(n):
    if n == 0:
        sys.setprofile(prof)
        return 0
    r = deep(n - 1) + 1
    if n == 50:
        sys.setprofile(None)
    return r


count[0] = 0
for i in range(300):
    deep(100)
    sys.setprofile(None)
print('deep', count[0])

events = []


def rec(frame, event, arg):
    if frame.f_code.co_name == 'g':
        events.append((event, frame.f_lineno, arg if not isinstance(arg, BaseException) else repr(arg)))


def g():
    try:
        yield 1
    except KeyError:
        yield 2


it = g()
sys.setprofile(rec)
next(it)
print(it.throw(KeyError('k')))
try:
    it.throw(ValueError('v'))
except ValueError as e:
    print('propagated', e)
sys.setprofile(None)
for e in events:
    print(e)
