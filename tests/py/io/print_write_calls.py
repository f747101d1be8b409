# print() to a file object that is not a built-in stream calls its write()
# once per argument, separator and end, as CPython does; an argument whose
# str() raises leaves what was printed before it written.
import io
import sys


class Bad:
    def __str__(self):
        raise ValueError("no str for you")


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)


r = Recorder()
print(1, 2, 3, sep="-", end="!\n", file=r)
print(r.calls)
r.calls.clear()
print(file=r)
print("x", file=r, sep=None, end=None)
print(r.calls)
r.calls.clear()
try:
    print("a", "b", Bad(), "c", file=r)
except ValueError as e:
    print("caught:", e, r.calls)

try:
    print("on stdout", "then", Bad(), "lost")
except ValueError as e:
    print("\ncaught:", e)

s = io.StringIO()
try:
    print("x", "y", Bad(), file=s, sep="+")
except ValueError:
    pass
print(repr(s.getvalue()))


class Failing:
    def write(self, s):
        raise OSError("disk full")


try:
    print("never", file=Failing())
except OSError as e:
    print("write error:", e)

try:
    print("x", sep=5)
except TypeError as e:
    print(e)
print("flushed", flush=True, file=sys.stdout)
