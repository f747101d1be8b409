# base64's Ascii85 (a85encode/a85decode: z and y folding, padding, Adobe
# framing, line wrapping) and Base85 (b85encode/b85decode), with the errors
# a program sees for bad input.
import base64

samples = [b"", b"h", b"he", b"hel", b"hell", b"hello world", b"\0\0\0\0", b"\0\0\0\0\0",
           b"    ", b"    x", bytes(range(0, 256, 17)), b"\xff\xff\xff\xff"]
for data in samples:
    a = base64.a85encode(data)
    b = base64.b85encode(data)
    print(data, a, b, base64.a85decode(a) == data, base64.b85decode(b) == data)
    print("   pad:", base64.a85encode(data, pad=True), base64.b85encode(data, pad=True))

print(base64.a85encode(b"    four spaces    ", foldspaces=True))
print(base64.a85decode(b"y+<VdL", foldspaces=True))
print(base64.a85encode(b"Man is distinguished", adobe=True))
print(base64.a85encode(b"Man is distinguished", wrapcol=8))
print(base64.a85encode(b"Man is distinguished", adobe=True, wrapcol=10))
print(base64.a85encode(b"hi", adobe=True, wrapcol=1))
print(base64.a85decode(b"<~9jqo^BlbD-BleB1DJ+*+F(f,q~>", adobe=True))
print(base64.a85decode(b"9jqo^ BlbD-\nBleB1", ignorechars=b" \n"))
print(base64.a85decode("87cURD]i,\"Ebo80"), base64.b85decode("Xk~0{Zy<MXa%^NF"))
print(base64.b85encode(bytearray(b"bytearray")), base64.a85encode(memoryview(b"view")))

for bad, kw in [(b"ab", {"adobe": True}), (b"azb", {}), (b"ayb", {"foldspaces": True}),
                (b"s8W-\"", {}), (b"ab\x00", {}), ("\u00e9", {}), (b"abcd~", {})]:
    try:
        print(base64.a85decode(bad, **kw))
    except ValueError as e:
        print("a85decode", bad, "ValueError:", e)
for bad in [b"|NsC0|NsC0", b"ab\"cd", b"a b", "\u00e9"]:
    try:
        print(base64.b85decode(bad))
    except ValueError as e:
        print("b85decode", bad, "ValueError:", e)
