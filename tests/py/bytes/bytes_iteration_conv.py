b = b"AZaz09"
print([x for x in b], list(map(chr, b)), sum(b), max(b), sorted(b))
print(bytes(x + 1 for x in b"abc"), bytes(reversed(b"abc")), b"abc"[1], type(b"abc"[1]).__name__, type(b"abc"[1:2]).__name__)
print(int.from_bytes(b"AB", "big"), list(b"\x00\x7f\x80\xff"), b"x".decode().encode() == b"x")
print(b"abc".index(b"c"), b"abc".index(99), b"abcabc".rindex(b"b"), b"aXbXc".split(b"X", 1), b"a b  c".split())
print(bytes.fromhex("41") == b"A", b"A"[0] == 65, b"abc".endswith((b"bc", b"x")))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\\"), repr(bytearray(b"\x00")))
