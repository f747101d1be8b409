# codecs: lookup, encode/decode, incremental decoding, BOM constants.
import codecs
print(codecs.lookup("UTF8").name, codecs.lookup("latin-1").name, codecs.lookup('utf_16_le').name)
print(codecs.encode("hé", "utf-8"), codecs.decode(b"h\xc3\xa9"))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"h\xc3")), repr(d.decode(b"\xa9x")))
try: codecs.lookup("nope")
except LookupError as e: print(e)
print(codecs.BOM_UTF8, list(codecs.iterdecode([b"a\xc3", b"\xa9"], "utf-8")))
