import struct
for fmt, vals in [("<bBhHiIqQ", (-1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1)), (">?xc3s", (True, b"z", b"abc")), ("<fd", (1.5, -2.25)), ("!I", (0x01020304,)), ("=e", (0.5,)), ("<5p" if False else "<2s", (b"xy",))]:
    packed = struct.pack(fmt, *vals)
    print(fmt, packed.hex(), struct.calcsize(fmt), struct.unpack(fmt, packed))
print(struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("<q"), struct.calcsize("3h"))
try:
    struct.pack("i", "x")
except struct.error as e:
    print(type(e).__name__, e)
try:
    struct.pack("ii", 1)
except struct.error as e:
    print(type(e).__name__, e)
