# open(): modes, buffering layers, errors, reprs, seek/tell, truncate.
import io, os

base = "/tmp/ftpy_io_modes_fixed"
p = base + ".txt"

def err(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

with open(p, "w") as f:
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(f.mode, f.buffer.mode, f.buffer.raw.mode, f.name == p, f.encoding, f.errors)
    print(f.write("alpha\nbeta\n"), f.writable(), f.readable(), f.seekable())
    f.writelines(["gamma\n", "delta"])
print(f.closed, f.buffer.closed)

with open(p) as f:
    print(f.readline(), end="")
    print(f.tell())
    print(f.readlines())
    f.seek(6)
    print(repr(f.read(4)), f.tell())
    f.seek(0, 2)
    print(f.tell(), repr(f.read()))

with open(p, "rb") as f:
    print(type(f).__name__, f.read(5), f.peek(3)[:3], f.read1(3), f.tell())
    f.seek(-5, 2)
    print(f.read())

with open(p, "ab") as f:
    print(f.tell(), f.write(b"\nepsilon"))
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.readall()[-12:])

with open(p, "r+") as f:
    f.seek(0)
    f.write("ALPHA")
    f.seek(0)
    print(f.readline(), end="")
    print(f.truncate(20), f.seek(0, 2))
print(os.path.getsize(p))

with open(p, "w+b") as f:
    f.write(b"0123456789")
    f.seek(2)
    print(f.read(3), f.tell())
    f.write(b"ab")
    f.seek(0)
    print(f.read())

err(lambda: open(p, "rw"))
err(lambda: open(p, "rr"))
err(lambda: open(p, "rtb"))
err(lambda: open(p, "rb", encoding="utf-8"))
err(lambda: open(p, "rb", errors="strict"))
err(lambda: open(p, "rb", newline=""))
err(lambda: open(p, 5))
err(lambda: open(p, "r", newline=5))
err(lambda: open(p, "r", buffering=0))
err(lambda: open(1.5))
err(lambda: open(p, "w", closefd=False))
err(lambda: open("/tmp/ftpy_io_modes_no_such_file"))
err(lambda: open("/tmp", "r"))
err(lambda: io.FileIO(p, "rw"))
err(lambda: io.FileIO(p, "rt"))
err(lambda: io.FileIO(-1))
try:
    open(base + "_missing")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == base + "_missing")

f = open(p, "rb")
err(lambda: f.write(b"x"))
f.close()
err(lambda: f.read())
f = open(p, "w")
err(lambda: f.read())
err(lambda: f.write(5))
f.close()
err(lambda: f.write("x"))
err(lambda: f.seek(0))
r = io.FileIO(p, "w")
print(r.mode, r.closefd, r.readable(), r.writable())
r.close()
print(repr(r))
err(lambda: r.fileno())

with open(p, "x" if False else "w") as f:
    pass
err(lambda: open(p, "x"))
with open(p, "w") as f:
    f.write("abc")
with open(p) as f:
    err(lambda: f.seek(1, 1))
    err(lambda: f.seek(1, 2))
    err(lambda: f.seek(-1))
    err(lambda: f.seek(0, 3))
    err(lambda: f.write("x"))
os.unlink(p)
print(os.path.exists(p))
