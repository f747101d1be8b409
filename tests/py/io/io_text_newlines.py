# TextIOWrapper: newline translation, encodings, errors, tell/seek at lines.
import io, os

p = "/tmp/ftpy_io_nl_%d.txt" % os.getpid()
with open(p, "wb") as f:
    f.write(b"one\ntwo\r\nthree\rfour\r\n\r\nfive")

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, newline=nl) as f:
        lines = []
        while True:
            pos = f.tell()
            line = f.readline()
            if not line:
                break
            lines.append((pos, line))
        print(repr(nl), lines, f.newlines)

with open(p, newline=None) as f:
    print(repr(f.read()))
with open(p, newline="") as f:
    print(repr(f.read(7)), repr(f.read(3)), repr(f.read()))

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
    with open(p, "rb") as f:
        print(repr(nl), f.read())

with open(p, "w", encoding="utf-8") as f:
    f.write("héllo wörld €\n😀 done\n")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-8") as f:
    print(f.readline(), end="")
    t = f.tell()
    print(t, f.readline(), end="")
    f.seek(t)
    print(f.read())
with open(p, encoding="latin-1") as f:
    print(repr(f.read(8)), f.encoding)
with open(p, "w", encoding="latin-1") as f:
    f.write("café\n")
with open(p, "rb") as f:
    print(f.read())
try:
    with open(p, "w", encoding="ascii") as f:
        f.write("café")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
with open(p, "w", encoding="ascii", errors="replace") as f:
    f.write("café")
with open(p, "rb") as f:
    print(f.read())
with open(p, "wb") as f:
    f.write(b"ok\xff\xfeend\n")
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="utf-8", errors="surrogateescape") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)

# Multi-byte characters split across the internal chunk boundary.
with open(p, "w", encoding="utf-8") as f:
    f.write("é" * 10000)
with open(p, encoding="utf-8") as f:
    data = f.read()
    print(len(data), set(data))

with open(p, "w") as f:
    f.reconfigure(newline="\r\n")
    f.write("x\ny\n")
    print(f.line_buffering, f.write_through)
    f.reconfigure(line_buffering=True)
    print(f.line_buffering)
with open(p, "rb") as f:
    print(f.read())

w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
w.write("a\nb")
w.flush()
print(w.buffer.getvalue(), repr(w))
w = io.TextIOWrapper(io.BytesIO("x\ny\n".encode()), encoding="utf-8")
print(list(w))
try:
    io.TextIOWrapper(io.BytesIO(), encoding="nope")
except LookupError as e:
    print(type(e).__name__, e)
os.unlink(p)
