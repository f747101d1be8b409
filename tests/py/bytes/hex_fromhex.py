print(b"\x00\xab\xff".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2), b"abcdef".hex(" ", -2), b"".hex())
print(bytes.fromhex("00 ab ff"), bytes.fromhex("DEADbeef"), bytearray.fromhex("01 02"), bytes.fromhex(""))
for bad in ("0", "zz", "0 0"):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__)
print(bytearray(b"\x01\x02").hex(), memoryview(b"\x0a\x0b").hex())
import binascii
print(binascii.hexlify(b"hi"), binascii.unhexlify(b"6869"), binascii.crc32(b"hello"))
