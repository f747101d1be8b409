# A binary record store: struct layouts, array, hashlib/hmac checksums,
# base64/binascii encodings, zlib/gzip/bz2/lzma/zipfile/tarfile round trips.
import struct
import array
import hashlib
import hmac
import base64
import binascii
import zlib
import gzip
import bz2
import lzma
import zipfile
import tarfile
import io

HEADER = struct.Struct("<4sHHI")
REC = struct.Struct("<i d 8s ?")
records = [(i * -7, i / 3, f"name{i}".encode(), i % 2 == 0) for i in range(5)]
body = b"".join(REC.pack(*r) for r in records)
blob = HEADER.pack(b"FTPY", 1, len(records), zlib.crc32(body)) + body
print(HEADER.size, REC.size, len(blob), blob[:12].hex(" "))
magic, ver, n, crc = HEADER.unpack_from(blob)
print(magic, ver, n, crc == zlib.crc32(blob[HEADER.size:]))
for rec in REC.iter_unpack(blob[HEADER.size:]):
    print(rec[0], round(rec[1], 4), rec[2].rstrip(b"\0"), rec[3])
print(struct.pack(">hHlq", -2, 65535, -1, 2**40).hex(), struct.calcsize("@bhiq"), struct.calcsize("=bhiq"))
print(struct.unpack("!f", struct.pack("!f", 0.1)), struct.pack("<e", 1.5), struct.pack("5p", b"hi"))
for fmt, args in [("b", (200,)), ("<H", (-1,)), ("3s", (1,)), ("i", ()), ("z", (1,))]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print("struct.error:", e)
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("struct.error:", e)
buf = bytearray(16)
struct.pack_into("<2I", buf, 4, 1, 2)
print(buf.hex(), struct.unpack_from("<I", buf, offset=8))

a = array.array("h", [1, -2, 3])
a.append(400)
a.extend([5, 6])
a.byteswap()
print(a.tobytes().hex(), a.itemsize, a.typecode)
a.byteswap()
print(a, a[1:3], a.index(3), a.count(5), sum(a), a.buffer_info()[1])
b = array.array("d", [1.5, 2.5])
b.frombytes(struct.pack("2d", 3.5, 4.5))
print(b, b.tolist(), array.array("u", "héllo").tounicode(), array.array("B", b"\x01\x02") * 2)
try:
    array.array("b", [300])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array.array("q", [1]).frombytes(b"123")
except ValueError as e:
    print("ValueError:", e)
m = memoryview(array.array("i", range(6)))
print(m.format, m.itemsize, m.nbytes, m[2], m.cast("B")[:8].tolist(), m.tolist())

data = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b", "blake2s"]:
    print(name, hashlib.new(name, data).hexdigest()[:32])
h = hashlib.sha256()
for chunk in (data[:10], data[10:]):
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(data).hexdigest(), h.name, h.digest_size, h.block_size)
print(hashlib.blake2b(data, digest_size=16, key=b"k", person=b"p").hexdigest(), hashlib.shake_128(data).hexdigest(10))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex()[:32])
mac = hmac.new(b"secret", data, "sha256")
print(mac.hexdigest(), hmac.compare_digest(mac.digest(), hmac.digest(b"secret", data, "sha256")), mac.name)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError:", e)

print(base64.b64encode(data[:10]), base64.urlsafe_b64encode(b"\xfb\xff\xfe"), base64.b32encode(b"hello"),
      base64.b16encode(b"\x00\xff"), base64.a85encode(b"hello"), base64.b85encode(b"hello"))
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVsbG8"+b"=", validate=True), base64.b32decode("NBSWY3DP"),
      base64.standard_b64decode("YQ=="), base64.decodebytes(b"aGk=\n"), base64.encodebytes(b"x" * 60))
for bad in ["aGVsbG8", "a===", "!!!!"]:
    try:
        base64.b64decode(bad, validate=True)
    except binascii.Error as e:
        print("binascii.Error:", e)
print(binascii.hexlify(b"\x01\xab", "-"), binascii.unhexlify("01ab"), binascii.crc32(b"abc"), binascii.crc_hqx(b"abc", 0),
      binascii.b2a_uu(b"hi"), binascii.a2b_qp(b"a=3Db"), binascii.b2a_qp(b"a=b\xff"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error:", e)

big = (data + b"\n") * 50
for mod in (zlib, gzip, bz2, lzma):
    c = mod.compress(big)
    print(mod.__name__, len(c) < len(big), mod.decompress(c) == big)
co = zlib.compressobj(9, zlib.DEFLATED, -15)
raw = co.compress(big) + co.flush()
do = zlib.decompressobj(-15)
print(do.decompress(raw, 100)[:20], len(do.unconsumed_tail) > 0, zlib.adler32(b"abc"))
try:
    zlib.decompress(b"not compressed")
except zlib.error as e:
    print("zlib.error:", e)
try:
    lzma.decompress(b"garbage")
except lzma.LZMAError as e:
    print("LZMAError:", e)
try:
    bz2.decompress(b"garbage")
except OSError as e:
    print("OSError:", e)
gz = io.BytesIO()
with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0, filename="") as f:
    f.write(big)
print(gz.getvalue()[:10].hex(), gzip.decompress(gz.getvalue())[:9])
try:
    gzip.decompress(b"\x1f\x8b\x08\x00bad")
except (OSError, EOFError) as e:
    print(type(e).__name__, e)

zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("a.txt", date_time=(2020, 1, 1, 0, 0, 0)), "alpha\n" * 10)
    z.writestr(zipfile.ZipInfo("dir/b.bin", date_time=(2021, 2, 3, 4, 5, 6)), bytes(range(256)))
with zipfile.ZipFile(io.BytesIO(zbuf.getvalue())) as z:
    for info in z.infolist():
        print(info.filename, info.file_size, info.date_time, info.compress_type, info.CRC)
    print(z.read("a.txt")[:12], z.namelist(), z.testzip())
    with z.open("dir/b.bin") as f:
        print(f.read(4))
    try:
        z.read("missing")
    except KeyError as e:
        print("KeyError:", e)
print(zipfile.is_zipfile(io.BytesIO(zbuf.getvalue())), zipfile.is_zipfile(io.BytesIO(b"nope")))

tbuf = io.BytesIO()
with tarfile.open(fileobj=tbuf, mode="w:gz") as t:
    for name, payload in [("x/one.txt", b"1" * 100), ("x/two.txt", b"two")]:
        ti = tarfile.TarInfo(name)
        ti.size = len(payload)
        ti.mtime = 1_600_000_000
        ti.mode = 0o644
        t.addfile(ti, io.BytesIO(payload))
tbuf.seek(0)
with tarfile.open(fileobj=tbuf, mode="r:*") as t:
    for m in t.getmembers():
        print(m.name, m.size, m.mtime, oct(m.mode), m.isfile(), t.extractfile(m).read()[:5])
    print(t.getnames())
