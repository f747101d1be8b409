print(chr(65), chr(0x20ac), chr(128512), ord("a"), ord("€"), ord("😀"), ord(b"a"), ord(bytearray(b"z")))
print(bin(0), bin(5), bin(-5), oct(0), oct(64), oct(-8), hex(0), hex(255), hex(-255), hex(2 ** 64))
class I:
    def __index__(self): return 10
print(bin(I()), oct(I()), hex(I()))
for f, a in [(chr, 1.5), (bin, 1.5), (hex, "a"), (ord, 5)]:
    try:
        f(a)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
print([chr(c) for c in range(ord("a"), ord("f"))], "".join(chr(ord(c) + 1) for c in "HAL"))
