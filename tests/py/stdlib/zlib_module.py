# zlib: one-shot and streaming (de)compression, checksums, errors; gzip and
# zipfile from the standard library on top of it.
import gzip
import io
import zipfile
import zlib

data = b'hello zlib ' * 500 + bytes(range(256)) * 20
c = zlib.compress(data)
print(len(data), c[:2], zlib.decompress(c) == data)
for level in (0, 1, 6, 9, -1):
    print('level', level, zlib.decompress(zlib.compress(data, level)) == data)
for wbits in (9, 15, -15, 31, -9):
    c = zlib.compress(data, 6, wbits)
    print('wbits', wbits, zlib.decompress(c, wbits) == data, zlib.decompress(c, wbits, 1) == data)
print(zlib.decompress(zlib.compress(data, wbits=31), 47) == data)
print(zlib.compress(b'abc', level=9) == zlib.compress(b'abc', 9))
print(zlib.compress(b''), zlib.decompress(zlib.compress(b'')))
print(zlib.compress(b'abcabcabc'))

print(zlib.crc32(b'hello'), zlib.crc32(b'world', zlib.crc32(b'hello ')), zlib.crc32(b'hello world'))
print(zlib.adler32(b'hello'), zlib.adler32(b''), zlib.crc32(b''), zlib.crc32(b'x', -1), zlib.adler32(b'x', 2**40 + 5))
print(zlib.crc32(memoryview(b'abc')), zlib.crc32(bytearray(b'abc')))
for name in ('MAX_WBITS', 'DEFLATED', 'DEF_MEM_LEVEL', 'DEF_BUF_SIZE', 'Z_BEST_SPEED', 'Z_BEST_COMPRESSION',
             'Z_DEFAULT_COMPRESSION', 'Z_NO_FLUSH', 'Z_SYNC_FLUSH', 'Z_FULL_FLUSH', 'Z_FINISH', 'Z_FILTERED',
             'Z_HUFFMAN_ONLY', 'Z_RLE', 'Z_FIXED', 'Z_DEFAULT_STRATEGY', 'Z_NO_COMPRESSION', 'Z_PARTIAL_FLUSH',
             'Z_BLOCK', 'Z_TREES'):
    print(name, getattr(zlib, name))
print(isinstance(zlib.ZLIB_VERSION, str), issubclass(zlib.error, Exception))

for bad in (b'garbage', zlib.compress(data)[:-10], b''):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print('error:', e)
try:
    zlib.compress(b'x', 12)
except zlib.error as e:
    print('error:', e)
try:
    zlib.decompress(b'x', 15, -1)
except ValueError as e:
    print('ValueError:', e)

# Streaming compression, with flush modes.
co = zlib.compressobj(9)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b'tail'))
parts.append(co.flush())
stream = b''.join(parts)
print(zlib.decompress(stream) == data + b'tail')
co = zlib.compressobj(level=6, method=zlib.DEFLATED, wbits=-12, memLevel=9, strategy=zlib.Z_FILTERED)
raw = co.compress(data) + co.flush()
print(zlib.decompress(raw, -12) == data)
co = zlib.compressobj()
first = co.compress(b'abc')
co2 = co.copy()
print(zlib.decompress(first + co.flush()), zlib.decompress(first + co2.compress(b'def') + co2.flush()))
print(co.flush(zlib.Z_NO_FLUSH))

# Streaming decompression: max_length, unconsumed_tail, unused_data, eof.
do = zlib.decompressobj()
out = do.decompress(stream[:100])
print(do.eof, do.unused_data, len(do.unconsumed_tail))
out += do.decompress(stream[100:] + b'EXTRA')
print(out == data + b'tail', do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
pieces = []
buf = zlib.compress(data)
while not do.eof:
    chunk = do.decompress(buf, 1000)
    pieces.append(chunk)
    buf = do.unconsumed_tail
    if not chunk and not buf:
        break
print(max(len(p) for p in pieces) <= 1000, b''.join(pieces) == data, do.eof)
do = zlib.decompressobj()
head = do.decompress(zlib.compress(data), 10)
rest = do.flush()
print(head + rest == data, do.eof)
do = zlib.decompressobj(wbits=-15)
print(do.decompress(zlib.compress(b'raw', wbits=-15)), do.eof)
zd = b'hello zlib dictionary'
co = zlib.compressobj(zdict=zd)
withdict = co.compress(b'hello zlib dictionary hello') + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(withdict))
try:
    zlib.decompress(withdict)
except zlib.error as e:
    print('error:', e)
try:
    zlib.decompressobj().decompress(b'x', -1)
except ValueError as e:
    print('ValueError:', e)
try:
    zlib.decompressobj().decompress(b'garbage!')
except zlib.error as e:
    print('error:', e)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

# gzip and zipfile through zlib.
g = gzip.compress(data)
print(g[:3], gzip.decompress(g) == data, gzip.decompress(gzip.compress(b'', 1)))
bio = io.BytesIO()
with gzip.GzipFile(fileobj=bio, mode='wb', mtime=0) as f:
    f.write(b'line one\n')
    f.write(b'line two\n')
bio.seek(0)
with gzip.GzipFile(fileobj=bio) as f:
    print(f.readlines())

zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, 'w', compression=zipfile.ZIP_DEFLATED) as zf:
    zf.writestr('a.txt', 'alpha ' * 100)
    zf.writestr('dir/b.bin', data)
    zf.writestr('stored.txt', b'plain', compress_type=zipfile.ZIP_STORED)
zbuf.seek(0)
with zipfile.ZipFile(zbuf) as zf:
    print(zf.namelist())
    print(zf.read('a.txt')[:12], zf.read('dir/b.bin') == data, zf.read('stored.txt'))
    info = zf.getinfo('a.txt')
    print(info.file_size, info.compress_size < info.file_size, info.compress_type == zipfile.ZIP_DEFLATED)
    print(zf.testzip())
