"""Iterators and context managers of every kind: iterator classes,
iter(callable, sentinel), reentrant and reusable managers, ContextDecorator,
generator managers with exceptions, ExitStack with callbacks, async-free."""
import contextlib
import io
import itertools
import os
import tempfile
import threading


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return FibIterator(self.limit)


class FibIterator:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v

    def __length_hint__(self):
        return 10


class Peekable:
    _sentinel = object()

    def __init__(self, it):
        self._it = iter(it)
        self._peek = self._sentinel

    def __iter__(self):
        return self

    def __next__(self):
        if self._peek is not self._sentinel:
            v, self._peek = self._peek, self._sentinel
            return v
        return next(self._it)

    def peek(self, default=None):
        if self._peek is self._sentinel:
            self._peek = next(self._it, self._sentinel)
        return default if self._peek is self._sentinel else self._peek


f = Fib(100)
print(list(f), list(f), sum(f), max(f), 21 in f, 22 in f)
it = iter(f)
print(next(it), next(it), next(it), list(itertools.islice(it, 3)), list(zip(it, "ab")))
p = Peekable("abc")
print(p.peek(), next(p), p.peek(), p.peek(), list(p), p.peek("END"))
chunks = iter(io.StringIO("abcdefghij").read, "")
print(list(iter(lambda r=io.StringIO("abcdefg"): r.read(3), "")))
counter = itertools.count()
print(list(iter(lambda: next(counter), 4)), list(map(len, ["a", "bb"])), list(enumerate(Fib(5), start=10)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next(Fib(3))
except TypeError as e:
    print("TypeError:", e)


class Timer(contextlib.ContextDecorator):
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Timer.depth += 1
        print(f"{'  ' * Timer.depth}> {self.name}")
        return self

    def __exit__(self, et, ev, tb):
        print(f"{'  ' * Timer.depth}< {self.name}" + (f" (error {et.__name__}: {ev})" if et else ""))
        Timer.depth -= 1
        return False


@Timer("decorated")
def work(n):
    with Timer("inner"):
        return n * 2


print(work(21))
try:
    with Timer("outer"):
        work(1)
        raise KeyError("oops")
except KeyError:
    print("KeyError propagated")


class Reentrant:
    def __init__(self):
        self.level = 0

    def __enter__(self):
        self.level += 1
        print("enter level", self.level)
        return self

    def __exit__(self, *exc):
        print("exit level", self.level)
        self.level -= 1


r = Reentrant()
with r:
    with r:
        with r as same:
            print(same is r, r.level)

lock = threading.RLock()
with lock:
    with lock:
        print("rlock reentered")


@contextlib.contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except ValueError as e:
        log.append(f"rollback ({e})")
    else:
        log.append("commit")
    finally:
        log.append("end")


for fail in (False, True):
    log = []
    with transaction(log) as t:
        t.append("work")
        if fail:
            raise ValueError("bad row")
    print(log)
try:
    with transaction([]) as t:
        raise TypeError("not handled")
except TypeError as e:
    print("TypeError escaped:", e)


@contextlib.contextmanager
def chdir_tmp():
    old = os.getcwd()
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)
        try:
            yield d
        finally:
            os.chdir(old)


before = os.getcwd()
with chdir_tmp() as d:
    with open("f.txt", "w") as fh:
        fh.write("x")
    print(os.listdir("."), os.getcwd() == os.path.realpath(d))
print(os.getcwd() == before, os.path.exists(d))

with contextlib.ExitStack() as stack:
    files = [stack.enter_context(io.StringIO(f"file{i}")) for i in range(3)]
    stack.callback(print, "callback ran last-in-first-out: 1")
    stack.callback(print, "callback ran last-in-first-out: 2")
    print([f.read() for f in files])
    saved = stack.pop_all()
print("files closed after pop_all?", [f.closed for f in files])
saved.close()
print("after close:", [f.closed for f in files])

with contextlib.ExitStack() as stack:
    @stack.push
    def on_exit(et, ev, tb):
        print("on_exit sees", et.__name__ if et else None)
        return et is ZeroDivisionError
    1 / 0
print("suppressed by push callback")

with contextlib.suppress(KeyError):
    {}["x"]
    print("not reached")
buf = io.StringIO()
with contextlib.redirect_stdout(buf), contextlib.suppress(ZeroDivisionError):
    print("captured")
    1 / 0
print(repr(buf.getvalue()))
cm = contextlib.nullcontext("value")
with cm as v1, cm as v2:
    print(v1, v2)


@contextlib.contextmanager
def once():
    yield


gcm = once()
with gcm:
    pass
try:
    with gcm:
        pass
except (RuntimeError, AttributeError) as e:
    print(type(e).__name__, e)


class Closer:
    def close(self):
        print("Closer.close called")


with contextlib.closing(Closer()) as c:
    print(type(c).__name__)
try:
    with open(os.devnull) as fh, open("/nonexistent/x") as fh2:
        pass
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, fh.closed)
