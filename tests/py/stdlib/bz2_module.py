# _bz2 (BZ2Compressor/BZ2Decompressor over libbz2) under the host's bz2.py:
# one-shot and streaming use, max_length, eof/unused_data/needs_input, errors,
# BZ2File, and threads sharing one compressor.
import _bz2, bz2, io, pickle
c = _bz2.BZ2Compressor(); print(c.compress(b'abc'), len(c.flush()))
for f in (lambda: c.compress(b'x'), c.flush, lambda: _bz2.BZ2Compressor(10), lambda: pickle.dumps(c), lambda: _bz2.BZ2Decompressor(1)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
d = _bz2.BZ2Decompressor(); print(d.needs_input, d.eof, d.unused_data)
try: d.decompress(b'garbage')
except Exception as e: print(type(e).__name__, e)
data = bz2.compress(b'hello' * 100)
d = _bz2.BZ2Decompressor(); print(d.decompress(data[:10]), d.needs_input); r = d.decompress(data[10:] + b'extra', 7); print(r, d.needs_input, d.eof)
print(len(d.decompress(b'')), d.eof, d.unused_data, d.needs_input)
try: d.decompress(b'x')
except Exception as e: print(type(e).__name__, e)
print(repr(_bz2.BZ2Compressor), _bz2.BZ2Decompressor.__module__)
try: bz2.decompress(b'BZh9garbage')
except Exception as e: print(type(e).__name__, e)
big = bytes(range(256)) * 2000
z = bz2.compress(big, 1); print(len(z) < len(big), bz2.decompress(z) == big, bz2.decompress(z + z) == big + big)
buf = io.BytesIO()
with bz2.BZ2File(buf, 'wb') as f: f.write(b'line1\nline2\n' * 3)
buf.seek(0)
with bz2.open(buf, 'rt') as f: print(f.readlines())
d = bz2.BZ2Decompressor(); out = b''
for i in range(0, len(z), 100): out += d.decompress(z[i:i + 100], 1000) + (d.decompress(b'', -1) if not d.needs_input and not d.eof else b'')
print(len(out), d.eof)
print(bz2.decompress(b''), bz2.compress(b''))
import threading
shared = bz2.BZ2Compressor()
parts = []
def work(i):
    for _ in range(50):
        parts.append(shared.compress(b'%d' % i * 100))
    ok.append(bz2.decompress(bz2.compress(b'x%d' % i * 1000)) == b'x%d' % i * 1000)
ok = []
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
out = bz2.decompress(b''.join(parts) + shared.flush())
print(all(ok), len(ok), len(out), sorted(set(out)))
