# int.from_bytes converts its argument as bytes(x) would, except that a
# non-iterable is "cannot convert 'int' object to bytes": __bytes__ first,
# then buffers and iterables of ints in 0..255.
class HasBytes:
    def __bytes__(self): return b"\x01\x02"
class BadBytes:
    def __bytes__(self): return "no"
def gen():
    yield 1
    raise TypeError("from the generator")
for a in [5, 5.0, "ab", None, [1, 300], [1, "a"], object(), memoryview(b"ab"), bytearray(b"c"),
          iter([1, 2]), (255, 0), HasBytes(), BadBytes(), gen(), b"", range(3)]:
    try:
        print(int.from_bytes(a, "big"), int.from_bytes(a, "little", signed=True) if not isinstance(a, type(gen())) else "")
    except Exception as e:
        print(type(e).__name__, e)
