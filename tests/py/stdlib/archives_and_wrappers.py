# Standard-library pieces that lean on interpreter details: tarfile reads a
# member through io.BufferedReader over a raw object that is not an IOBase
# (only readable()/readinto()); datetime's IsoCalendarDate repr; the object
# cmp_to_key returns; sys attributes sysconfig/zoneinfo/trace read at import.
import datetime
import functools
import io
import sys
import tarfile
import zipfile


class RawOnly:
    """Not derived from io.RawIOBase: BufferedReader asks readable(). It has
    no close(): the failing close() when the buffered reader is collected is
    not reported (CPython 3.11 outside -X dev)."""

    def __init__(self, data, readable=True):
        self.data, self.pos, self.ok = data, 0, readable
        self.closed = False

    def readable(self):
        return self.ok

    def read(self, n=-1):
        n = len(self.data) - self.pos if n < 0 else n
        out = self.data[self.pos:self.pos + n]
        self.pos += len(out)
        return out

    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


r = io.BufferedReader(RawOnly(b"line one\nline two\n"))
print(r.readline(), r.read())
try:
    io.BufferedReader(RawOnly(b"", readable=False))
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    io.BufferedWriter(RawOnly(b""))
except AttributeError as e:
    print("AttributeError", e)



class FailingClose(io.RawIOBase):
    def readable(self):
        return True

    def close(self):
        raise ValueError("close failed")


stream = FailingClose()
del stream
print("collected quietly")

buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w") as t:
    for name, data in [("a.txt", b"tar content\n"), ("dir/b.bin", bytes(range(10)))]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = 0
        t.addfile(info, io.BytesIO(data))
buf.seek(0)
with tarfile.open(fileobj=buf) as t:
    print(t.getnames())
    f = t.extractfile("a.txt")
    print(type(f).__name__, f.readable(), f.read(), f.tell())
    print(list(t.extractfile("dir/b.bin").read()))
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("x.txt", "zip " * 5)
with zipfile.ZipFile(zb) as z:
    with z.open("x.txt") as zf:
        print(zf.read(8), z.namelist())

iso = datetime.date(2024, 1, 1).isocalendar()
print(iso, repr(iso), iso.week, tuple(iso), datetime.datetime(2021, 1, 3).isocalendar())

key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(type(key).__name__, type(key(1)).__name__, key(1).obj, key(1) < key(2), key(2) == key(2))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(b) - len(a))))
try:
    key(1) < 5
except TypeError as e:
    print("TypeError", e)

print(sys.base_exec_prefix == sys.exec_prefix, repr(sys.abiflags), sys.getfilesystemencodeerrors())
import sysconfig
import trace
import zoneinfo

print(sorted(sysconfig.get_paths()), callable(trace.Trace), zoneinfo.ZoneInfo("UTC"))
