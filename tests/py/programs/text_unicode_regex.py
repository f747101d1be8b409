import string, textwrap, unicodedata, re, locale
s = "  Hello, Wörld! ß ǅ ﬁ İ  "
print(s.strip().upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), s.capitalize())
print([c for c in "aǅß" if c.istitle()], "ǅ".upper(), "ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("straße".casefold() == "STRASSE".casefold(), "ς".upper(), "Σ".lower(), "ΟΔΟΣ".lower())
print("a\tb\tc".expandtabs(4), repr("x\r\ny\nz\r".splitlines()), "x\r\ny".splitlines(True), "a,b,,c".split(",", 2), "a b  c".split(None, 1), " a b ".rsplit(None, 1))
print("ab".center(7, "*"), "3".zfill(4), "-3".zfill(4), "+x".zfill(4), "abc".ljust(2), "%-5s|" % "ab", "Ab".join("123"))
print("hello".translate(str.maketrans("el", "ip", "o")), "abc".maketrans({"a": "1", "b": None}), "a-b_c".translate({ord("-"): " ", ord("_"): None}))
print("test.tar.gz".removesuffix(".gz"), "prefix_x".removeprefix("prefix_"), "abc".startswith(("x", "a")), "abc".endswith("bc", 0, 2))
print("x".isidentifier(), "1x".isidentifier(), "٣".isdigit(), "٣".isdecimal(), "½".isnumeric(), "½".isdigit(), "Ⅻ".isnumeric(), " \t\n\x0b".isspace(), "\u2028".isspace())
print("abcabc".find("c", 3), "abcabc".rfind("c", 0, 4), "abc".index("b"), "aaa".count("aa"), "abc".replace("", "-"), "aaaa".replace("a", "b", 2))
try:
    "abc".index("z")
except ValueError as e:
    print("VE", e)
for ch in "aZ5 é€😀\u0301\u200b":
    print(repr(ch), unicodedata.name(ch, "?"), unicodedata.category(ch), unicodedata.east_asian_width(ch), unicodedata.combining(ch), ch.isprintable())
print(unicodedata.normalize("NFC", "e\u0301") == "é", [unicodedata.normalize(f, "ﬁ①Å") for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(unicodedata.lookup("SNOWMAN"), unicodedata.decimal("٣"), unicodedata.numeric("½"), unicodedata.digit("5"), unicodedata.bidirectional("א"), unicodedata.mirrored("("))
print(ascii("é😀\n"), repr("é😀\x00\x7f\u200b"), "😀".encode("utf-8"), len("😀"), "😀" > "z", ord("😀"), chr(0x1F600) == "😀")
t = string.Template("$who likes ${what}; $$5 ${missing}")
print(t.safe_substitute(who="Ann", what="tea"))
try:
    t.substitute(who="Ann", what="tea")
except KeyError as e:
    print("KE", e)
try:
    string.Template("$ bad").substitute()
except ValueError as e:
    print("VE", e)
print(t.get_identifiers() if hasattr(t, "get_identifiers") else None, t.is_valid() if hasattr(t, "is_valid") else None)
class MyT(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"
print(MyT("%name is %AGE").safe_substitute(name="x", AGE=1))
print(string.capwords("hello   wide world"), string.ascii_letters[:5], string.punctuation, repr(string.whitespace))
text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.fill(text, width=30, initial_indent="> ", subsequent_indent="  "))
print(textwrap.wrap("a verylongwordthatcannotfit here", width=10, break_long_words=True))
print(textwrap.wrap("a verylongwordthatcannotfit here", width=10, break_long_words=False))
print(textwrap.shorten("Hello  world, this is long", width=15, placeholder=" [..]"), textwrap.indent("a\n\nb\n", "+ "), repr(textwrap.dedent("  x\n    y\n  z")))
print(textwrap.wrap("one-two-three-four five", width=8), textwrap.wrap("tabs\there", width=6, tabsize=4), textwrap.fill("", 5) == "")
print(re.sub(r"(?P<w>\b\w)(\w*)", lambda m: m["w"].upper() + m.group(2)[::-1], "hello big world"), re.findall(r"(\d+)-(\d+)", "1-2 33-44 x-5"))
print(re.split(r"(\s*[,;]\s*)", "a , b;c ;  d"), re.fullmatch(r"[\w.]+@\w+\.\w{2,}", "a.b@ex.com") is not None, re.escape("a.b*c?"))
m = re.search(r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?", "on 2024-05 and")
print(m.groupdict(), m.groupdict("00"), m.span("m"), m.lastgroup, m.lastindex, m.expand(r"\g<m>/\g<y>"), m.re.groupindex)
print(re.compile(r"\bcat\b", re.I | re.M).findall("Cat cat\ncat. catalog CAT"), re.sub(r"a|(b)", r"[\1]", "abc"), re.subn(r"\s+", " ", "a  b \n c"))
for pat in [r"(", r"a{2,1}", r"(?P<x>a)(?P<x>b)", r"\k", "[z-a]", r"(?<=a+)b"]:
    try:
        re.compile(pat)
    except re.error as e:
        print("re.error", e, e.pos)
print(f"{'nested {braces}'!r} {{literal}} {3.14159:.{2}f} {'x'!s:>3} {b'b'!a} {1+1=} {'a' 'b'}")
w = 5; print(f"{w=}", f"{w = :>4}", f"{'{'}", f"""{'''tri'''}""", f"{(lambda x: x * 2)(3)}", f"{','.join(map(str, range(3)))}")
print("{:>{w}}|{:^{w}.2f}|{!r:<{w}}".format("a", 1.234, "b", w=6), "{0}{1}{0}".format("x", "y"), "{a[0]}{b.real}".format(a=[9], b=2j))
print(format(12345.6789, ",.2f"), format(-42, "^+8d"), format(3, "c"), format(0.0001, "e"), format(12, "#010b"), format(1e-7, "g"), format(255, "X"))
