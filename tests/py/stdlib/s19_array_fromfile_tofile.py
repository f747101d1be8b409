# array.fromfile/tofile: a sample store written to a real file and read back
# in chunks; short reads, bad counts, non-bytes read() results and text files.
import array
import io
import os
import tempfile

samples = array.array("d", (i / 8 for i in range(20000)))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "samples.bin")
    with open(path, "wb") as f:
        samples.tofile(f)
    print(os.path.getsize(path), len(samples) * samples.itemsize)
    back = array.array("d")
    with open(path, "rb") as f:
        while True:
            try:
                back.fromfile(f, 7000)
            except EOFError as e:
                print("EOFError:", e, len(back))
                break
    print(back == samples, back[-1], back[:3])

a = array.array("i")
for args in [(io.BytesIO(b"\x01\x00\x00\x00\x02\x00\x00\x00"), 2), (io.BytesIO(b"\x01\x00\x00\x00\x02\x00"), 2),
             (io.BytesIO(b""), 0), (io.BytesIO(b""), -1), (io.StringIO("x"), 1), (5, 1), (io.BytesIO(b"abcd"), 1.5),
             (io.BytesIO(b"\x05\x00\x00\x00"), 3)]:
    try:
        print(a.fromfile(*args), a)
    except Exception as e:
        print(type(e).__name__, e, a)
b = io.BytesIO()
print(array.array("h", range(5)).tofile(b), b.getvalue())
array.array("h").tofile(io.StringIO())
try:
    array.array("h", [1]).tofile(io.StringIO())
except TypeError as e:
    print("TypeError", e)


class Reader:
    def __init__(self, data):
        self.data = data
        self.calls = []

    def read(self, n):
        self.calls.append(n)
        return self.data


r = Reader(b"abcdef")
c = array.array("b")
try:
    c.fromfile(r, 3)
except EOFError as e:
    print("EOFError", e, c, r.calls)
try:
    c.fromfile(Reader("str"), 3)
except TypeError as e:
    print("TypeError", e)


class Writer:
    def __init__(self):
        self.sizes = []

    def write(self, b):
        self.sizes.append(len(b))


w = Writer()
array.array("q", range(20000)).tofile(w)
print(w.sizes)
u = array.array("u", "héllo")
buf = io.BytesIO()
u.tofile(buf)
buf.seek(0)
u2 = array.array("u")
u2.fromfile(buf, 5)
print(u2.tounicode(), array.array.fromfile.__doc__)
