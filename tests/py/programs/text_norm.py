"""Unicode text normalizer / slugifier / column formatter."""
import unicodedata
import sys

SAMPLES = [
    "Hello, World!",
    "straße STRASSE Straße",
    "ǅemal ǆ ǈ",
    "Ünïcödé façade naïve café",
    "İstanbul ıi",
    "ﬁne ﬂour",
    "Ⅻ ½ ² ३ ٣",
    "tab\there\x0bvt\x0cff\x1cfs\x85nel\u2028ls\u2029ps",
    "emoji 😀👍🏽 e\u0301",
    "mixed\r\nlines\rold mac\nunix",
    "\x00\x07\x1b[31m ctrl \x7f",
    "  spaced\u00a0out\u3000ideographic  ",
    "ΣΊΣΥΦΟΣ ὈΔΥΣΣΕΎΣ",
]


def slugify(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    out = []
    for c in s.casefold():
        if c.isalnum():
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


for s in SAMPLES:
    print(repr(s), ascii(s))
    print("  upper", repr(s.upper()), "lower", repr(s.lower()))
    print("  title", repr(s.title()), "cap", repr(s.capitalize()), "swap", repr(s.swapcase()))
    print("  casefold", repr(s.casefold()), "slug", slugify(s))
    print("  split", s.split(), "lines", s.splitlines(), s.splitlines(keepends=True)[:2])
    print("  len", len(s), "nfc", len(unicodedata.normalize("NFC", s)), "nfkc", repr(unicodedata.normalize("NFKC", s)))
    print("  flags", s.isprintable(), s.isascii(), s.isidentifier(), s.isspace(), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.istitle())
    print("  strip", repr(s.strip()), repr(s.expandtabs(4)), s.encode("utf-8", "replace")[:16], s.encode("ascii", "replace")[:16])
    print("  enc", s.encode("ascii", "xmlcharrefreplace")[:40], s.encode("ascii", "backslashreplace")[:40], s.encode("latin-1", "ignore")[:16])

for ch in "aÅ½३ٍ\u200b😀\t€ﬁ":
    print(f"U+{ord(ch):04X}", unicodedata.name(ch, "?"), unicodedata.category(ch), unicodedata.bidirectional(ch),
          unicodedata.east_asian_width(ch), unicodedata.numeric(ch, None), unicodedata.decomposition(ch), unicodedata.mirrored(ch))
print(unicodedata.lookup("GREEK SMALL LETTER ALPHA"), "\N{BLACK STAR}")
try:
    unicodedata.lookup("NO SUCH THING")
except KeyError as e:
    print("KeyError:", e)

# column formatting with width
rows = [("name", "qty", "note"), ("äpfel", 3, "süß"), ("東京", 12, "wide"), ("x", 1000, "")]
for r in rows:
    print(f"|{r[0]:<8}|{r[1]!s:>5}|{r[2]:^6}|")
print("abc".center(8, "*"), "abc".center(9, "*"), "ab".center(5), "-42".zfill(6), "+7".zfill(4), "x".zfill(3), "".zfill(2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".rsplit(None, 1), "  a  ".split(" "), "".split(","), "".split())
print("hello world".partition("o"), "hello".rpartition("l"), "abc".partition("x"), "abc".rpartition("x"))
print("a-b_c d".translate(str.maketrans("-_", "  ", "d")), "abc".translate({97: "AA", 98: None}), str.maketrans({"a": 1}))
print("Hello".replace("l", "L", 1), "aaa".replace("a", "b", -1), "abc".replace("", "-"), "ab".replace("", "-", 2))
print("%s|%r|%a|%5.2f|%-6d|%+d|%x|%X|%o|%e|%g|%c|%%|%05.1f|%*d|%-*s|" % ("s", "r", "é", 3.14159, 42, 5, 255, 255, 8, 12345.678, 0.00001, 65, 2.25, 4, 7, 3, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%c" % "x", "%.3s" % "abcdef", "%i" % 3.9, "%s" % (1,))
for bad in [lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%z" % 1, lambda: "%(a)s" % 1, lambda: "%c" % 1234567]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print("{0[1]} {0[a]} {1.real} {2!r:>6} {3:{4}{5}}".format([1, 2], 3j, "s", 3.14159, ".", "2f") if False else "{0[1]} {1.real} {2!r:>6} {3:{4}{5}}".format([1, 2], 3j, "s", 3.14159, ".2", "f"))
print("{a[x]} {b}".format_map({"a": {"x": 1}, "b": 2}), "{:,}".format(1234567.891), "{:_b}".format(1234), "{!a}".format("ü"))
for bad in ["{0} {}", "{", "}", "{0:x}", "{a}", "{0[}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, KeyError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
b = "naïve".encode()
for enc_bad in [lambda: b.decode("ascii"), lambda: b[:3].decode("utf-8"), lambda: "é".encode("ascii"), lambda: b"\xff".decode("utf-16"), lambda: "x".encode("nope")]:
    try:
        enc_bad()
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
print(b.decode("ascii", "replace"), b.decode("ascii", "ignore"), b.decode("ascii", "backslashreplace"), b.decode("ascii", "surrogateescape").encode("utf-8", "surrogateescape"))
print("x\udcffy".encode("utf-8", "surrogatepass"), repr("a\ud800b"), "\ud800".isprintable())
try:
    print("a\ud800b")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
sys.stdout.flush()
