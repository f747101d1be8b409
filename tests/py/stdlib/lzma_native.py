# lzma over the native _lzma: formats, checks, presets, filter chains,
# incremental use with max_length, multi-stream input, files and errors.
import io
import lzma
import os
import tempfile
import threading
import _lzma

data = b"".join(b"record %05d: the quick brown fox\n" % i for i in range(4000))
print([n for n in dir(_lzma) if not n.startswith("__")])
print(lzma.FORMAT_AUTO, lzma.FORMAT_XZ, lzma.FORMAT_ALONE, lzma.FORMAT_RAW)
print(lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256, lzma.CHECK_ID_MAX, lzma.CHECK_UNKNOWN)
print(lzma.FILTER_LZMA1, lzma.FILTER_LZMA2, lzma.FILTER_DELTA, lzma.FILTER_X86, lzma.PRESET_DEFAULT, lzma.PRESET_EXTREME)
print(lzma.MF_BT4, lzma.MODE_NORMAL, [lzma.is_check_supported(c) for c in (0, 1, 4, 10, 3, 15, 99)])

xz = lzma.compress(data)
print(xz[:6], lzma.decompress(xz) == data)
for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    blob = lzma.compress(data, format=fmt, preset=1)
    print(fmt, blob[:3], lzma.decompress(blob) == data, lzma.decompress(blob, format=fmt) == data)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    blob = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, d.decompress(blob) == data, d.check, d.eof)
print(lzma.decompress(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)) == data)
print(lzma.decompress(xz + xz) == data * 2)

print("--- filters")
filters = [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 6, "dict_size": 1 << 20}]
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=filters)
print(lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=filters) == data)
blob = lzma.compress(data, filters=[{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "lc": 2, "mode": lzma.MODE_FAST, "mf": lzma.MF_HC4}])
print(lzma.decompress(blob) == data)
alone = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA1, "preset": 2}])
print(lzma.decompress(alone) == data)
props = _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "dict_size": 1 << 16, "lc": 3, "lp": 0, "pb": 2})
print(props, _lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(_lzma._decode_filter_properties(lzma.FILTER_LZMA2, _lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20})))
print(_lzma._decode_filter_properties(lzma.FILTER_DELTA, _lzma._encode_filter_properties({"id": lzma.FILTER_DELTA, "dist": 3})))

print("--- incremental")
comp = lzma.LZMACompressor(lzma.FORMAT_XZ, lzma.CHECK_CRC32)
parts = [comp.compress(data[i:i + 4096]) for i in range(0, len(data), 4096)] + [comp.flush()]
print(lzma.decompress(b"".join(parts)) == data)
for call in (lambda: comp.compress(b"x"), comp.flush):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
first = d.decompress(xz, 1000)
print(len(first), d.needs_input, d.eof)
rest = []
while not d.eof:
    rest.append(d.decompress(b"", 50000))
print([len(r) for r in rest], first + b"".join(rest) == data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError", e)
d = lzma.LZMADecompressor()
got = b"".join(d.decompress(xz[i:i + 100]) for i in range(0, len(xz), 100))
print(got == data, d.eof)
d = lzma.LZMADecompressor()
d.decompress(xz + b"EXTRA")
print(d.unused_data, d.eof)

print("--- errors")
cases = [
    lambda: lzma.decompress(b"this is not xz data"),
    lambda: lzma.decompress(xz[:-20]),
    lambda: lzma.decompress(xz[:30] + b"\xff" * 40 + xz[70:]),
    lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW),
    lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32),
    lambda: lzma.LZMACompressor(preset=1, filters=[{"id": lzma.FILTER_LZMA2}]),
    lambda: lzma.LZMACompressor(format=7),
    lambda: lzma.LZMACompressor(preset=42),
    lambda: lzma.LZMACompressor(filters=[{"dist": 1}]),
    lambda: lzma.LZMACompressor(filters=[{"id": 12345}]),
    lambda: lzma.LZMACompressor(filters=[1]),
    lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA}] * 5),
    lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}]),
    lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW),
    lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=1000, filters=[]),
    lambda: lzma.LZMADecompressor(filters=[{"id": lzma.FILTER_LZMA2}]),
    lambda: lzma.LZMADecompressor(memlimit=1000).decompress(xz),
    lambda: lzma.decompress(xz, format=lzma.FORMAT_ALONE),
    lambda: lzma.compress("text"),
]
for case in cases:
    try:
        case()
        print("no error")
    except (lzma.LZMAError, ValueError, TypeError, EOFError) as e:
        print(type(e).__name__, e)
print(lzma.LZMAError.__module__, lzma.LZMAError.__mro__[1].__name__)

print("--- files")
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.xz")
    with lzma.open(path, "wb", preset=3) as f:
        f.write(data)
    with lzma.open(path) as f:
        print(f.read() == data)
    with lzma.open(path, "rt", encoding="ascii") as f:
        print(f.readline(), f.readline())
    with lzma.LZMAFile(path, "ab", check=lzma.CHECK_SHA256) as f:
        f.write(b"tail\n")
    with lzma.LZMAFile(path) as f:
        f.seek(50)
        print(f.read(10), len(f.read()))
buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", format=lzma.FORMAT_ALONE) as f:
    f.write(b"alone in memory")
print(lzma.decompress(buf.getvalue()))

print("--- threads")
def work(k, res):
    blob = lzma.compress(data[k:] * 2, preset=1)
    res[k] = lzma.decompress(blob) == data[k:] * 2
res = {}
ts = [threading.Thread(target=work, args=(k, res)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res.items()))
comp = lzma.LZMACompressor(preset=0)
lock = threading.Lock()
pieces = []
def feed(k):
    for i in range(50):
        out = comp.compress(b"%d-%d;" % (k, i) * 50)
        with lock:
            pieces.append(out)
ts = [threading.Thread(target=feed, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
whole = lzma.decompress(b"".join(pieces) + comp.flush())
print(len(whole))
