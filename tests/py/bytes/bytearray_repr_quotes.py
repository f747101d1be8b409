# bytearray's repr escapes a single quote even when it picks double quotes
# (CPython's quirk); bytes' does not.
for data in [b"'", b"it's", b'"', b"'\"", b"a\\b", b"\t\x00\xff'", b""]:
    print(repr(bytes(data)), repr(bytearray(data)))
class BA(bytearray):
    pass
print(repr(BA(b"x'y")), str(bytearray(b"'")), f"{bytearray(b'q')!r}", [bytearray(b"'")])
