# Text encodings in a data-cleaning script: codecs, unicodedata
# normalisation and categories, str methods, locale-independent formatting.
import codecs
import unicodedata
import io
import string

samples = ["Café", "naïve", "Straße", "ﬁnance", "Ångström", "日本語", "😀 ok", "e\u0301", "x\u00a0y", "Ⅻ"]
for s in samples:
    print(repr(s), len(s), s.upper(), s.casefold(), unicodedata.normalize("NFC", s) == s,
          len(unicodedata.normalize("NFD", s)), unicodedata.normalize("NFKC", s))


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


print([strip_accents(s) for s in samples[:5]])
for ch in "aZ5 _\t€½\u0301\u200b😀":
    print(repr(ch), unicodedata.name(ch, "?"), unicodedata.category(ch), unicodedata.bidirectional(ch),
          unicodedata.east_asian_width(ch), unicodedata.numeric(ch, None), unicodedata.combining(ch))
print(unicodedata.lookup("SNOWMAN"), unicodedata.decimal("٣"), unicodedata.digit("²"))
try:
    unicodedata.lookup("NO SUCH CHAR")
except KeyError as e:
    print("KeyError", e)

for enc in ["utf-8", "utf-16-le", "utf-16", "utf-32-be", "latin-1", "cp1252", "ascii", "cp437", "mac_roman",
            "iso8859_15", "koi8_r", "shift_jis", "euc-kr", "gb2312", "big5", "utf-7" if False else "idna"]:
    text = "Grüße €" if enc not in ("koi8_r", "shift_jis", "euc-kr", "gb2312", "big5", "idna") else \
        {"koi8_r": "Привет", "shift_jis": "日本", "euc-kr": "한국", "gb2312": "中文", "big5": "中文", "idna": "bücher.de"}[enc]
    try:
        data = text.encode(enc)
        print(enc, data, data.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.reason, e.start, e.end)

for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape"]:
    try:
        print(errors, "a€b\udcff".encode("ascii", errors) if errors != "surrogateescape" else "a\udcffb".encode("ascii", errors))
    except UnicodeEncodeError as e:
        print(errors, "UnicodeEncodeError:", e)
bad = b"ok\xff\xfe end \xc3"
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    try:
        print(errors, repr(bad.decode("utf-8", errors)))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e)


def handler(err):
    return ("<?>", err.end)


codecs.register_error("s19mark", handler)
print("x\u2603y".encode("latin-1", "s19mark"), b"a\xffb".decode("ascii", "s19mark"))
print(codecs.lookup("UTF8").name, codecs.lookup("latin_1").name, codecs.getencoder("rot13") if False else codecs.encode("Hello", "rot13"))
print(codecs.encode(b"hello", "hex"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"x" * 10, "zlib")[:2])
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, "abc".encode("utf-8-sig"), b"\xef\xbb\xbfabc".decode("utf-8-sig"))
dec = codecs.getincrementaldecoder("utf-8")()
chunks = ["€".encode()[:1], "€".encode()[1:], b"abc"]
print([dec.decode(c) for c in chunks], dec.decode(b"", final=True))
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
sr = codecs.getreader("latin-1")(io.BytesIO(b"caf\xe9\nline2\n"))
print(sr.readline(), sr.read())
buf = io.BytesIO()
sw = codecs.getwriter("utf-16-le")(buf)
sw.write("hi")
print(buf.getvalue())
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    "x".encode("hex")
except LookupError as e:
    print("LookupError", e)

words = "The Quick brown FOX's jump-ing, well-known 3rd place; naïve café"
print(words.title(), "|", string.capwords(words), "|", words.swapcase())
print(words.split(), words.split(",", 1), words.rsplit(None, 2), words.partition(";"), words.rpartition(" "))
print("  x\t\n".strip(), "xxhixx".strip("x"), "abc".center(9, "*"), "7".zfill(4), "-7".zfill(4), "ab".ljust(5, "."))
print("a\tb\tc".expandtabs(4), "Hello".startswith(("He", "x")), "str".isidentifier(), "١٢".isdecimal(), "½".isnumeric(),
      "²".isdigit(), "ǅ".istitle(), " ".isspace(), "".isalpha(), "ß".isupper(), "ß".upper(), "İ".lower(), len("İ".lower()))
table = str.maketrans({"a": "4", "e": "3", "o": None})
print("hello panorama".translate(table), str.maketrans("ab", "xy", "c"))
print("{:,}".format(1234567.891), "{:_b}".format(255), "{:>+10.3e}".format(12345.678), "{:^9}".format("mid"),
      "{!a}".format("é"), "%5.1f%%" % 99.5, "%-6s|%06.2f|%x|%o|%c" % ("ab", 3.14159, 255, 8, 65), f"{'x'!r:>5}")
print("{0[a]}-{1.real}".format({"a": 1}, 2 + 3j), format(0.000012345, ".3g"), format(1e16, "g"), format(-0.0, "+.1f"),
      format(12345, "n"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(float("nan"), "f"))
try:
    "{:d}".format("x")
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {".format(1)
except ValueError as e:
    print("ValueError:", e)
