# Binary formats: struct records, bytearray builders, varints, checksums and a TLV format.
import struct
from collections import namedtuple

Header = namedtuple("Header", "magic version flags count")
HEADER = struct.Struct("<4sBBH")
RECORD = struct.Struct("<IhdB")  # id, delta, value, kind


def encode_varint(n):
    out = bytearray()
    n = (n << 1) ^ (n >> 63) if n < 0 else n << 1  # zigzag
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def decode_varint(buf, pos=0):
    shift = result = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            break
    value = (result >> 1) ^ -(result & 1)
    return value, pos


def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def crc16(data, poly=0x1021, crc=0xFFFF):
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ poly) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


records = [(1, -5, 3.25, 1), (2, 300, -0.5, 2), (70000, -32768, 1e10, 255)]
buf = bytearray(HEADER.pack(b"FTPY", 2, 0b101, len(records)))
for r in records:
    buf += RECORD.pack(*r)
buf += struct.pack("<H", crc16(buf))
print(len(buf), HEADER.size, RECORD.size, buf[:8].hex(" "), bytes(buf[-2:]).hex())

hdr = Header._make(HEADER.unpack_from(buf, 0))
print(hdr, hdr.magic.decode(), bin(hdr.flags))
decoded = [RECORD.unpack_from(buf, HEADER.size + i * RECORD.size) for i in range(hdr.count)]
print(decoded == records, decoded[2])
(crc,) = struct.unpack_from("<H", buf, len(buf) - 2)
print("crc ok:", crc == crc16(buf[:-2]), hex(crc))
buf[10] ^= 0xFF
print("corrupted crc ok:", crc == crc16(buf[:-2]))
print(list(struct.iter_unpack("<hh", bytes(range(8)))), struct.calcsize("@i"), struct.calcsize("<qi3sx"))

for fmt, vals in [(">I", (0xDEADBEEF,)), ("<i", (-2,)), (">hH", (-1, 65535)), ("!f", (1.5,)), ("<?x?", (True, False)),
                  ("<e", (0.333,)), (">q", (-(2 ** 63),)), ("<3s", (b"abcdef",)), ("<5p", (b"hi",)), ("c", (b"z",))]:
    packed = struct.pack(fmt, *vals)
    print(f"{fmt:<6}{packed.hex():<20}{struct.unpack(fmt, packed)}")
for fmt, vals in [("<i", ("x",)), ("<2i", (1,))]:
    try:
        struct.pack(fmt, *vals)
    except struct.error as e:
        print(f"{fmt:<6}struct.error: {e}")
try:
    struct.unpack("<I", b"abc")
except struct.error as e:
    print("struct.error:", e)

print("-- varints")
for n in (0, 1, -1, 63, -64, 64, 300, -300, 2 ** 31, -(2 ** 40)):
    enc = encode_varint(n)
    dec, end = decode_varint(enc)
    print(f"{n:>15} {enc.hex():<14} {dec == n} {end}")
stream = b"".join(encode_varint(x) for x in [5, -3, 1000, 0])
pos, out = 0, []
while pos < len(stream):
    v, pos = decode_varint(stream, pos)
    out.append(v)
print(out, stream)

print("-- TLV")
TAGS = {1: "name", 2: "age", 3: "tags", 4: "score"}


def tlv_encode(d):
    rev = {v: k for k, v in TAGS.items()}
    out = bytearray()
    for key, value in d.items():
        if isinstance(value, str):
            payload = value.encode("utf-8")
        elif isinstance(value, int):
            payload = encode_varint(value)
        elif isinstance(value, float):
            payload = struct.pack(">d", value)
        elif isinstance(value, list):
            payload = b"\x00".join(s.encode() for s in value)
        out.append(rev[key])
        out += encode_varint(len(payload))
        out += payload
    return bytes(out)


def tlv_decode(data):
    view = memoryview(data)
    pos, result = 0, {}
    while pos < len(data):
        tag = data[pos]
        length, pos = decode_varint(data, pos + 1)
        chunk = bytes(view[pos:pos + length])
        pos += length
        name = TAGS[tag]
        if name == "name":
            result[name] = chunk.decode("utf-8")
        elif name == "age":
            result[name] = decode_varint(chunk)[0]
        elif name == "score":
            result[name] = struct.unpack(">d", chunk)[0]
        else:
            result[name] = [s.decode() for s in chunk.split(b"\x00")]
    return result


obj = {"name": "Zoë", "age": 41, "tags": ["a", "bc"], "score": -2.75}
blob = tlv_encode(obj)
print(blob.hex(), len(blob))
print(tlv_decode(blob) == obj, tlv_decode(blob))

print("-- bytes and bytearray tools")
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba.extend(b"!!")
ba.insert(0, 0x3E)
del ba[-1]
print(ba, ba.find(b"o"), ba.count(b"l"), ba.upper(), bytes(reversed(ba[:6])), ba.split(b" "))
print(adler32(b"Wikipedia"), hex(adler32(b"Wikipedia")), crc16(b"123456789") == 0x29B1)
print(b"\x00\xff".hex(), bytes.fromhex("de ad be ef"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(4, "big"))
print(b"a,b,,c".split(b","), b"  pad ".strip(), b"x".join([b"1", b"2"]), b"abc".startswith((b"x", b"a")))
print(bytes(range(65, 70)), list(b"AB"), b"%d-%s" % (5, b"x"), b"caf\xc3\xa9".decode(), "é".encode("latin-1"))
mv = memoryview(bytearray(range(10)))
print(mv[2:5].tolist(), mv[::3].tobytes(), bytes(mv[-2:]), mv.nbytes, len(mv[1:4]))
