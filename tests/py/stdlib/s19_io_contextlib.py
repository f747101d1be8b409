# Stream plumbing: io.StringIO/BytesIO/TextIOWrapper/BufferedReader,
# contextlib (ExitStack, suppress, redirect_*, contextmanager, closing,
# nullcontext, chdir), and a line-oriented file processor.
import io
import os
import sys
import contextlib
import tempfile
from contextlib import ExitStack, suppress, contextmanager, closing, nullcontext, redirect_stdout, redirect_stderr

s = io.StringIO("line1\nline2\r\nline3")
print(s.readline(), repr(s.readline()), s.read(), s.tell(), s.read())
s.seek(0)
print(s.readlines(), list(io.StringIO("a\nb\n")))
s = io.StringIO(newline=None)
s.write("a\r\nb\rc\n")
print(repr(s.getvalue()))
s = io.StringIO("x\r\ny", newline="")
print(s.readlines())
w = io.StringIO()
print(w.write("héllo"), w.tell(), w.seek(1), w.write("E"), w.getvalue(), w.truncate(3), w.getvalue())
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print("TypeError:", e)

b = io.BytesIO(b"0123456789")
print(b.read(3), b.seek(-2, io.SEEK_END), b.read(), b.seek(2), b.read1(2), b.getbuffer().nbytes)
b.seek(0, 2)
b.write(b"AB")
view = b.getbuffer()
print(bytes(view[-4:]), len(view))
try:
    b.write(b"x")
except BufferError as e:
    print("BufferError:", e)
del view
b.write(b"!")
print(b.getvalue())
b.close()
try:
    b.read()
except ValueError as e:
    print("ValueError:", e)

raw = io.BytesIO("naïve\ncafé\n€uro\n".encode("utf-8"))
t = io.TextIOWrapper(raw, encoding="utf-8", newline="")
print(t.readline(), t.encoding, t.newlines, t.read(2), repr(t.readline()))
t2 = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="ascii", errors="replace")
print(repr(t2.read()))
t3 = io.TextIOWrapper(io.BytesIO(b"caf\xe9\n"), encoding="utf-8")
try:
    t3.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
out = io.BytesIO()
tw = io.TextIOWrapper(out, encoding="utf-16", write_through=True)
tw.write("hi")
tw.flush()
print(out.getvalue())
br = io.BufferedReader(io.BytesIO(b"abcdefgh"), buffer_size=4)
print(br.peek(2)[:2], br.read(3), br.read1(10), br.read())
bw = io.BufferedWriter(io.BytesIO())
bw.write(b"xyz")
print(bw.raw.getvalue(), end=" ")
bw.flush()
print(bw.raw.getvalue())
rw = io.BufferedRandom(io.BytesIO(b"hello world"))
rw.seek(6)
rw.write(b"WORLD")
rw.seek(0)
print(rw.read())
print(io.DEFAULT_BUFFER_SIZE, issubclass(io.StringIO, io.TextIOBase), isinstance(b, io.IOBase), io.SEEK_CUR)
print(io.text_encoding(None), io.text_encoding("latin-1"))


@contextmanager
def tag(name, log):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"</{name}>")


log = []
with tag("a", log) as A, tag("b", log) as B:
    log.append(A + B)
    {}["k"]
log.append("after")
print(log)


class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def close(self):
        self.log.append("close " + self.name)

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        return False


log = []
try:
    with ExitStack() as stack:
        rs = [stack.enter_context(Resource(n, log)) for n in "xyz"]
        stack.callback(log.append, "callback")
        stack.push(lambda *e: log.append("push sees " + (e[0].__name__ if e[0] else "none")))
        raise ValueError("boom")
except ValueError as e:
    log.append("caught " + str(e))
print(log)
log = []
with ExitStack() as stack:
    stack.enter_context(Resource("keep", log))
    moved = stack.pop_all()
log.append("stack closed")
moved.close()
print(log)

with suppress(FileNotFoundError, KeyError):
    os.remove("/nonexistent/file/here")
print("suppressed")
with closing(Resource("c", log := [])):
    pass
print(log)
with nullcontext(5) as v:
    print(v)
f = io.StringIO()
g = io.StringIO()
with redirect_stdout(f), redirect_stderr(g):
    print("to f")
    print("to g", file=sys.stderr)
print(repr(f.getvalue()), repr(g.getvalue()))
cwd = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    with contextlib.chdir(d):
        print(os.path.samefile(os.getcwd(), d))
    print(os.getcwd() == cwd)


class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter deco")
        return self

    def __exit__(self, *exc):
        print("exit deco")
        return False


@Reentrant()
def decorated(x):
    print("body", x)
    return x * 2


print(decorated(4))


@contextmanager
def bad():
    yield 1
    yield 2


try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def noyield():
    if False:
        yield


try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "data.txt")
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(5):
            print(f"{i},{i * i},{'x' * i}", file=fh)
    with open(p, encoding="utf-8") as fh:
        print(sum(int(line.split(",")[1]) for line in fh), fh.closed)
    print(fh.closed)
    with open(p, "rb") as fh:
        fh.seek(-6, os.SEEK_END)
        print(fh.read(), fh.tell(), fh.name == p, fh.mode)
    with open(p, "a+") as fh:
        fh.write("end\n")
        fh.seek(0)
        print(len(fh.readlines()))
    with open(p, "r+b") as fh:
        fh.truncate(4)
    print(open(p).read(), os.path.getsize(p))
    try:
        open(p, "rw")
    except ValueError as e:
        print("ValueError:", e)
    try:
        open(os.path.join(d, "nodir", "x"))
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror)
    with open(p, "x" if False else "w", encoding="latin-1") as fh:
        fh.write("é")
    print(open(p, "rb").read(), open(p, encoding="latin-1").read())
