b = b"Hello, World"
print(b.lower(), b.upper(), b.capitalize(), b.title(), b.swapcase(), b.isupper(), b.istitle())
print(b.ljust(15, b"."), b.rjust(15), b.center(16, b"*"), b.expandtabs(), b"a\tb".expandtabs(4))
print(b.lstrip(b"He"), b.rstrip(b"dl"), b.removeprefix(b"Hello"), b.removesuffix(b"World"), b.rsplit(b", "))
print(b.rfind(b"o"), b.rpartition(b"o"), b.isalnum(), b"abc123".isalnum(), b"\xe9".isascii(), b"ab".isascii())
print(bytes(5).count(0), b"aaaa".count(b"aa"), b"abc".find(98), b"".join([b"a", bytearray(b"b"), memoryview(b"c")]))
try:
    b"".join([b"a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
