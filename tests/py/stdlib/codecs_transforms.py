# codecs.encode/decode with the transform codecs (rot13, hex, base64, zlib)
# and their wrapped error messages.
import codecs
print(codecs.encode("Hello, World!", "rot13"), codecs.decode("Uryyb", "rot_13"), codecs.encode(b"\x00\xffab", "hex"), codecs.decode(b"68656c6c6f", "hex"), codecs.decode("6869", "hex"))
print(codecs.encode(b"hello world", "base64"), codecs.decode(b"aGVsbG8=\n", "base64"), codecs.decode(codecs.encode(b"abc" * 10, "zlib"), "zlib"))
print(codecs.lookup("rot13").name, codecs.lookup("hex").name, codecs.lookup("base64").name, codecs.lookup("zlib").name)
for f in [lambda: codecs.decode(b"zz", "hex"), lambda: codecs.decode(b"abc", "hex"), lambda: codecs.encode("str", "hex"), lambda: codecs.decode(b"xx", "zlib")]:
    try: f()
    except Exception as e: print(type(e).__name__, e, type(e.__cause__).__name__)
