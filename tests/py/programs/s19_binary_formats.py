import struct
import array
import zlib
import base64
import binascii
import hashlib
import hmac
import io
import sys

# A made-up record format: header, then records of (id:u32, temp:f32, flags:u8, name:16s)
HEADER = struct.Struct("<4sHHI")
RECORD = struct.Struct("<IfB16s")
print(HEADER.size, RECORD.size, struct.calcsize(">IfB16s"), struct.calcsize("@IfB16s"))

records = [(1, 21.5, 0b101, "kitchen"), (2, -4.25, 0, "garage"), (3, 37.0, 0xFF, "sauna room name too long")]
buf = io.BytesIO()
buf.write(HEADER.pack(b"REC1", 1, len(records), 0))
for rid, temp, flags, name in records:
    buf.write(RECORD.pack(rid, temp, flags, name.encode()))
raw = buf.getvalue()
crc = zlib.crc32(raw)
raw = raw[:8] + struct.pack("<I", crc) + raw[12:]
print(len(raw), hex(crc), raw[:12].hex(" "), binascii.hexlify(raw[12:20], "-"))

magic, version, count, stored_crc = HEADER.unpack_from(raw)
print(magic, version, count, stored_crc == zlib.crc32(raw[:8] + b"\0\0\0\0" + raw[12:]))
for rid, temp, flags, name in RECORD.iter_unpack(raw[HEADER.size:]):
    label = name.rstrip(b"\0").decode()
    print(f"  #{rid} {temp:+7.2f} flags={flags:08b} name={label!r}")
try:
    struct.unpack("<I", b"\x01\x02")
except struct.error as e:
    print("struct.error:", e)
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error:", e)
print(struct.pack(">hq?x3sd", -2, 2 ** 40, True, b"abcd", 1.5).hex())
print(struct.unpack(">e", struct.pack(">e", 0.1)), struct.pack("<Q", 2 ** 64 - 1), struct.unpack("<q", b"\xff" * 8))

arr = array.array("i", range(10))
arr.append(-5)
arr.extend([100, 200])
print(arr, arr.itemsize, arr.typecode, arr[2:5], arr.count(100), arr.index(200), len(arr.tobytes()))
arr.byteswap()
print(arr[:3])
arr.byteswap()
d = array.array("d", [1.5, 2.25])
d.frombytes(struct.pack("<d", 3.125))
print(d, d.tolist(), sum(d), array.array("u", "héllo").tounicode(), array.array("B", b"xyz"))
try:
    array.array("b", [200])
except OverflowError as e:
    print("OverflowError:", e)

mv = memoryview(bytearray(b"hello world"))
mv[0] = ord("H")
mv[6:11] = b"WORLD"
print(mv.obj, mv[::2].tobytes(), mv.nbytes, mv.readonly, bytes(mv[-5:]), mv[1], list(mv[:3]))
ints = memoryview(array.array("H", [1, 2, 65535]))
print(ints.format, ints.itemsize, ints.tolist(), ints.cast("B").tolist(), ints.shape)
m2 = memoryview(b"abcdef").cast("B", shape=[2, 3])
print(m2.tolist(), m2.shape, m2.strides, m2.ndim)

data = b"The quick brown fox jumps over the lazy dog. " * 20
comp = zlib.compress(data, 9)
print(len(data), len(comp), zlib.decompress(comp) == data, zlib.adler32(data), hex(zlib.crc32(b"")))
co = zlib.compressobj(6, zlib.DEFLATED, -15)
stream = co.compress(data[:400]) + co.compress(data[400:]) + co.flush()
do = zlib.decompressobj(-15)
print(do.decompress(stream[:50]) + do.decompress(stream[50:]) == data, do.eof)
try:
    zlib.decompress(b"not zlib data")
except zlib.error as e:
    print("zlib.error:", e)

sample = b"\xfb\xff binary?"
for codec in (base64.b64encode, base64.urlsafe_b64encode, base64.b32encode, base64.b16encode, base64.a85encode, base64.b85encode):
    print(f"{codec.__name__:<20} {codec(sample)!r}")
print(base64.b64decode("aGVsbG8gd29ybGQ="), base64.b64decode(b"aGk"+b"=="), base64.standard_b64encode(b""))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
print(binascii.crc_hqx(b"abc", 0), binascii.b2a_hex(b"\x00\xff"), binascii.unhexlify("cafe"), bytes.fromhex("de ad be ef"))

for name in ("md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b"):
    h = hashlib.new(name)
    h.update(b"abc")
    print(f"{name:<9} {h.digest_size:>3} {h.hexdigest()[:32]}")
h = hashlib.sha256()
for chunk in (b"a", b"b", b"c"):
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(b"abc").hexdigest(), h.name, h.block_size)
print(hmac.new(b"key", b"message", "sha256").hexdigest())
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex()[:32], hashlib.blake2s(b"x", digest_size=8).hexdigest())
print(hmac.compare_digest(b"a", b"a"), hashlib.md5(b"x", usedforsecurity=False).hexdigest()[:8])

ba = bytearray(b"abc")
ba += b"def"
ba[0:1] = b"XYZ"
ba.insert(0, 33)
del ba[-1]
print(ba, ba.upper(), ba.find(b"c"), ba.replace(b"Z", b"z"), ba.split(b"Y"), bytes(ba).center(12, b"."))
print(b"%s=%d %x" % (b"k", 5, 255), b"a,b,,c".split(b","), b"  x ".strip(), b"abc".translate(None, b"b"), b"\x00\x10".hex())
print(int.from_bytes(b"\x00\x01\x00", "big", signed=True), (-1).to_bytes(3, "little", signed=True), (1024).to_bytes(2, byteorder="big"))
print(sys.byteorder in ("little", "big"), bytes(range(5)), bytes(3), bytearray.fromhex("01 02"), b"ab" * 3, b"a" in b"cab")
