"""A tiny binary container format: struct, array, memoryview, zlib, crc32, base64, hashlib."""
import struct
import array
import zlib
import binascii
import base64
import hashlib
import io
import sys

MAGIC = b"TBF1"
HEADER = struct.Struct("<4sHHI")
ENTRY = struct.Struct("<16sBIII")
print(HEADER.size, ENTRY.size, HEADER.format, struct.calcsize("@iqc"), struct.calcsize("=iqc"), struct.calcsize("!3sxH"))


def pack(records):
    body = io.BytesIO()
    table = []
    for name, kind, payload in records:
        raw = payload if isinstance(payload, bytes) else payload.tobytes() if isinstance(payload, array.array) else str(payload).encode()
        comp = zlib.compress(raw, 9)
        use = comp if len(comp) < len(raw) else raw
        table.append(ENTRY.pack(name.encode()[:16], kind | (0x80 if use is comp else 0), body.tell(), len(use), zlib.crc32(raw)))
        body.write(use)
    head = HEADER.pack(MAGIC, 1, len(records), zlib.adler32(b"".join(table)))
    return head + b"".join(table) + body.getvalue()


def unpack(blob):
    mv = memoryview(blob)
    magic, version, count, check = HEADER.unpack_from(mv, 0)
    if magic != MAGIC:
        raise ValueError(f"bad magic {bytes(magic)!r}")
    tstart = HEADER.size
    table = mv[tstart:tstart + count * ENTRY.size]
    if zlib.adler32(table) != check:
        raise ValueError("table checksum mismatch")
    body = mv[tstart + count * ENTRY.size:]
    out = []
    for name, kind, off, ln, crc in ENTRY.iter_unpack(table):
        data = bytes(body[off:off + ln])
        if kind & 0x80:
            data = zlib.decompress(data)
        if zlib.crc32(data) != crc:
            raise ValueError("crc mismatch")
        out.append((name.rstrip(b"\0").decode(), kind & 0x7F, data))
    return version, out


floats = array.array("d", [1.5, -2.25, 1e300, float("inf")])
ints = array.array("h", range(-5, 5))
recs = [("readme", 1, b"hello " * 20), ("floats", 2, floats), ("ints", 3, ints), ("tiny", 4, b"x"), ("num", 5, 12345)]
blob = pack(recs)
print(len(blob), blob[:12].hex(" "), binascii.hexlify(blob[12:20], "-", 2), hashlib.sha1(blob).hexdigest())
version, items = unpack(blob)
for name, kind, data in items:
    if kind == 2:
        a = array.array("d")
        a.frombytes(data)
        print(name, kind, a, a.itemsize, a.typecode)
    elif kind == 3:
        a = array.array("h", data)
        print(name, kind, a.tolist(), a.buffer_info()[1], a[::-3], sum(a), a.count(0), a.index(2))
    else:
        print(name, kind, data[:20], len(data))
bad = bytearray(blob)
bad[-1] ^= 0xFF
for b in (bytes(bad), b"XXXX" + blob[4:], blob[:10]):
    try:
        unpack(b)
    except (ValueError, struct.error, zlib.error) as e:
        print(type(e).__name__, e)

print(struct.pack(">hHiIqQ", -1, 65535, -2, 2 ** 32 - 1, -3, 2 ** 64 - 1).hex(), struct.pack("<fd", 1.1, 1.1).hex(), struct.pack("e", 1.5).hex())
print(struct.unpack("<?bB", b"\x02\xff\xff"), struct.pack("5s3p", b"abcdefg", b"xyz"), struct.unpack(">3sxxI", b"abc\0\0\0\0\0\x07"), struct.pack("P", 0) == bytes(struct.calcsize("P")))
for args in [("h", 70000), ("B", -1), ("?", None), ("i", 1.5), ("3s", "str"), ("c", b"ab"), ("x",), ("zz", 1)]:
    try:
        print(struct.pack(*args))
    except struct.error as e:
        print("struct.error", e)
try:
    struct.unpack("<I", b"\x00\x01")
except struct.error as e:
    print("struct.error", e)
mv = memoryview(bytearray(b"abcdefgh"))
print(mv[1:4].tobytes(), mv[::2].tobytes(), mv.nbytes, mv.readonly, mv.format, mv.itemsize, mv.ndim, mv.shape, mv.strides, mv.contiguous)
mv[0:2] = b"XY"
m2 = mv.cast("H")
print(mv.obj, m2.tolist(), m2.format, m2.shape, len(m2), m2[1], m2.cast("B")[:3].tolist(), bytes(mv[-2:]), mv.hex(":"), mv == b"XYcdefgh")
m3 = memoryview(bytes(range(12))).cast("B", shape=[3, 4])
print(m3.shape, m3.tolist(), m3[1, 2], m3[-1, 0], m3.strides, m3.c_contiguous)
for bad in [lambda: mv.cast("Q"), lambda: memoryview(b"abc").__setitem__(0, 1), lambda: mv[0:2].__setitem__(slice(None), b"toolong"), lambda: memoryview(5), lambda: m3[5, 5], lambda: hash(mv)]:
    try:
        bad()
    except (TypeError, ValueError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)
mv.release()
try:
    mv[0]
except ValueError as e:
    print("ValueError", e)
print(base64.b64encode(b"\xff\xfe binary"), base64.urlsafe_b64encode(b"\xff\xfe?>"), base64.b32encode(b"abc"), base64.b16decode("4142"), base64.b85encode(b"hi"), base64.a85encode(b"hello"))
print(base64.b64decode("aGVsbG8=\n"), base64.b64decode(b"aGVsbG8"+b"=" * 3), base64.encodebytes(b"x" * 60))
for bad in ["abc", "a===", "@@@@"]:
    try:
        print(base64.b64decode(bad, validate=True))
    except binascii.Error as e:
        print("binascii.Error", e)
print(binascii.crc32(b"abc"), binascii.crc_hqx(b"abc", 0), binascii.b2a_base64(b"abc", newline=False), binascii.unhexlify("00ff"), binascii.a2b_hex(b"AB"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("binascii.Error", e)
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw_deflate = co.compress(b"stream " * 50) + co.flush()
do = zlib.decompressobj(-15)
print(len(raw_deflate), do.decompress(raw_deflate, 20)[:14], len(do.unconsumed_tail) > 0, do.eof)
print(zlib.decompress(zlib.compress(b"q" * 1000, level=1), bufsize=10)[:5], zlib.compress(b"", 0).hex(), zlib.crc32(b"x", 5), zlib.adler32(b""), zlib.ZLIB_VERSION[:2])
try:
    zlib.decompress(b"not zlib data")
except zlib.error as e:
    print("zlib.error", e)
h = hashlib.new("sha256", b"part1")
h2 = h.copy()
h2.update(b"part2")
print(h.hexdigest()[:16], h2.hexdigest()[:16], h.name, h.digest_size, h.block_size, hashlib.md5(b"").hexdigest(), hashlib.blake2b(b"k", digest_size=8).hexdigest())
print(hashlib.sha3_256(b"abc").hexdigest()[:16], hashlib.shake_128(b"abc").hexdigest(8), hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex()[:16], sorted(hashlib.algorithms_guaranteed)[:4])
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError", e)
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(4, "big"), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff", "big", signed=True), (255).to_bytes(1, "little"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
print(bytes.fromhex("de ad be ef"), b"abc".hex(), bytearray(b"xyz").hex("-", -1), b"%s=%d %r %x" % (b"k", 5, b"v", 255), bytes(3), bytes([65, 66]), b"a,b".split(b","), b" x ".strip(), b"abc".upper(), b"A" * 3)
ba = bytearray(b"hello")
ba[0] = 74
ba.extend(b"!!")
ba += b"?"
del ba[1:3]
ba.insert(0, 33)
print(ba, ba.pop(), ba.find(b"l"), ba.replace(b"l", b"L"), ba.decode(), len(ba), ba.isalpha(), bytes(ba).title(), ba.zfill(12))
sys.stdout.flush()
