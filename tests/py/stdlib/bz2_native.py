# bz2 over the native _bz2: one-shot, incremental, max_length/needs_input,
# multi-stream, files, corrupt input and the error messages.
import bz2
import io
import os
import tempfile
import threading
import _bz2

data = b"".join(b"line %d of some repetitive text\n" % i for i in range(5000))
c = bz2.compress(data)
print(len(data), c[:4], bz2.decompress(c) == data)
for level in (1, 5, 9):
    print(level, bz2.decompress(bz2.compress(data, level)) == data)
print(bz2.decompress(c + c) == data * 2)
print(bz2.compress(b""), bz2.decompress(bz2.compress(b"")))

comp = bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
print(bz2.decompress(b"".join(parts)) == data)
for call in (lambda: comp.compress(b"x"), comp.flush):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
for bad in (0, 10, -1):
    try:
        bz2.BZ2Compressor(bad)
    except ValueError as e:
        print("ValueError", e)

print("--- decompressor")
d = bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = b""
out += d.decompress(c[:100])
print(d.eof, d.needs_input, len(out))
out += d.decompress(c[100:] + b"TRAILING")
print(d.eof, d.needs_input, out == data, d.unused_data)
try:
    d.decompress(b"more")
except EOFError as e:
    print("EOFError", e)

d = bz2.BZ2Decompressor()
chunks = [d.decompress(c, 1000)]
print(len(chunks[0]), d.needs_input, d.eof)
while not d.eof:
    chunks.append(d.decompress(b"", 7000))
print([len(x) for x in chunks][:5], b"".join(chunks) == data, d.needs_input)
d = bz2.BZ2Decompressor()
print(d.decompress(c, 0), d.needs_input)

print("--- errors")
for bad in (b"not bzip2 data at all", b"BZh9" + b"\x00" * 40, c[:50]):
    try:
        print(len(bz2.decompress(bad)))
    except (OSError, ValueError, EOFError) as e:
        print(type(e).__name__, e)
try:
    bz2.BZ2Decompressor().decompress(b"BZh91AY&SY" + b"\xff" * 30)
except OSError as e:
    print("OSError", e)
try:
    bz2.compress("text")
except TypeError as e:
    print("TypeError", e)

print("--- files")
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.bz2")
    with bz2.open(path, "wb") as f:
        f.write(data)
    with bz2.open(path, "rb") as f:
        print(f.read() == data)
    with bz2.open(path, "rt", encoding="ascii") as f:
        print(f.readline(), f.readline())
    with bz2.BZ2File(path, "ab") as f:
        f.write(b"appended\n")
    with bz2.BZ2File(path) as f:
        body = f.read()
        print(len(body), body[-9:])
    with open(path, "rb") as raw, bz2.BZ2File(raw) as f:
        f.seek(100)
        print(f.read(20), f.tell())
buf = io.BytesIO()
with bz2.BZ2File(buf, "w", compresslevel=1) as f:
    f.write(b"in memory")
print(bz2.decompress(buf.getvalue()))

print("--- threads share one compressor and one decompressor")
comp = bz2.BZ2Compressor()
pieces = []
lock = threading.Lock()
def feed(k):
    for i in range(50):
        out = comp.compress(b"%d-%d;" % (k, i) * 100)
        with lock:
            pieces.append(out)
ts = [threading.Thread(target=feed, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
whole = bz2.decompress(b"".join(pieces) + comp.flush())
print(len(whole), sorted(set(whole.split(b";")))[:3])
def work(k, res):
    res[k] = bz2.decompress(bz2.compress(data[k:] * 3)) == data[k:] * 3
res = {}
ts = [threading.Thread(target=work, args=(k, res)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res.items()))
print(_bz2.BZ2Compressor.__name__, type(_bz2.BZ2Decompressor()).__name__)
