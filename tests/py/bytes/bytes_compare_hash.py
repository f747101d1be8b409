print(b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b", b"" < b"\x00", b"\xff" > b"\x00\x00")
print(sorted([b"b", b"a", b"ab", b""]), {b"x": 1}[b"x"], b"a" != "a", b"a" in [b"a"])
d = {b"key": 1}
print(d.get(bytes(b"key")), len({b"a", b"a", bytearray(b"a").decode().encode()}))
print(min(b"zyx"), bytes([min(b"zyx")]), b"abc" * 0 == b"", b"x" * 3 != None)
