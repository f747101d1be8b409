import struct
p = struct.pack("<iHb", -2, 65535, 7)
print(p, len(p), struct.unpack("<iHb", p), struct.calcsize("<iHb"), struct.calcsize("iHb"))
print(struct.pack(">d", 1.5), struct.unpack(">d", struct.pack(">d", 0.1))[0], struct.pack("<f", 0.1))
print(struct.pack("4s2x?", b"ab", True), struct.unpack("3s", b"xyz"), struct.pack(">Q", 2 ** 64 - 1).hex())
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")), struct.unpack_from("<H", b"\x00\x01\x00", 1))
for fmt, val in [("b", 200), ("B", -1), ("h", 40000)]:
    try:
        struct.pack(fmt, val)
    except struct.error as e:
        print(type(e).__name__, fmt)
try:
    struct.unpack("<i", b"abc")
except struct.error as e:
    print(type(e).__name__, e)
s = struct.Struct("<2h")
print(s.size, s.format, s.pack(1, -1), s.unpack(b"\x01\x00\xff\xff"))
buf = bytearray(8)
struct.pack_into("<I", buf, 2, 0xDEADBEEF)
print(buf.hex())
