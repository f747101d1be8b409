# String processing with re: findall, sub with callbacks, named groups, verbose patterns, split.
import re

TEXT = """\
From: Alice Smith <alice.smith@example.com>
To: bob@test.org, "Carol J." <carol+news@mail.example.co.uk>
Date: 2024-03-15 09:45:00
Subject: Re: [PROJ-1234] Fix the parser (again!)

Hi Bob, the build #4521 failed at 10:32 on 2024-03-14. Costs were $1,234.50 and $99.
See https://ci.example.com/builds/4521?tab=logs&line=88 and http://x.io/a_b.
Call +1 (555) 123-4567 or 555.987.6543. IPs: 192.168.0.1, 10.0.0.256, 8.8.8.8.
"""

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
print(EMAIL.findall(TEXT))

HEADER = re.compile(r"^(?P<key>[A-Z][a-z]+): (?P<value>.*)$", re.MULTILINE)
headers = {m["key"]: m.group("value") for m in HEADER.finditer(TEXT)}
print(sorted(headers), headers["Date"])

m = re.search(r"\[(?P<proj>[A-Z]+)-(?P<num>\d+)\]", TEXT)
print(m.group(0), m.group("proj", "num"), m.groupdict(), m.span("num"), m.start(), m.end(), m.lastgroup)

DATE = re.compile(r"""
    (?P<year>\d{4}) -
    (?P<month>0[1-9]|1[0-2]) -
    (?P<day>\d{2})
    (?:\s+(?P<time>\d{2}:\d{2}(?::\d{2})?))?   # optional time
""", re.VERBOSE)
for dm in DATE.finditer(TEXT):
    print(dm.groupdict(), dm.group(1, 3))
print(DATE.sub(lambda mm: f"{mm['day']}/{mm['month']}/{mm['year']}", "on 2024-03-15 and 1999-12-31 10:00"))
print(DATE.groupindex["day"], DATE.groups, DATE.flags & re.VERBOSE != 0)

URL = re.compile(r"(?P<scheme>https?)://(?P<host>[^/\s]+)(?P<path>/[^\s?]*)?(?:\?(?P<query>\S*))?")
for um in URL.finditer(TEXT):
    q = um["query"]
    params = dict(p.split("=", 1) for p in q.rstrip(".").split("&")) if q else {}
    print(um["scheme"], um["host"], um["path"], params)

money = re.findall(r"\$(\d{1,3}(?:,\d{3})*(?:\.\d\d)?)", TEXT)
print(money, sum(float(x.replace(",", "")) for x in money))

phones = re.findall(r"(?:\+1\s*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-](\d{4})", TEXT)
print(phones)

def valid_ip(s):
    return all(0 <= int(p) <= 255 for p in s.split("."))
ips = re.findall(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", TEXT)
print([(ip, valid_ip(ip)) for ip in ips])

# substitution with callbacks and backreferences
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<w>\b\w)", lambda mm: mm["w"].upper(), "the quick brown fox"))
print(re.sub(r"\d+", lambda mm: str(int(mm.group()) * 2), "a1 b22 c333"))
print(re.subn(r"\s+", " ", "  lots   of\t\tspace \n here "))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ab a"), re.sub(r"x*", "-", "abc"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HeLLo"), re.sub("a", r"\\n", "cat"))
print(re.sub(r"\b(\w+)(\s+\1\b)+", r"\1", "the the the cat sat sat down"))

# split
print(re.split(r"[,;]\s*", "a, b;c,   d"), re.split(r"(\d)", "a1b2c"), re.split(r"\s+", " x y ", maxsplit=1))
print(re.split(r"(?:(,)|(;))", "a,b;c"))

# lookarounds, non-greedy, anchors
print(re.findall(r"(?<=\$)\d+", "cost $40 and $7"), re.findall(r"\d+(?!\d|px)", "10px 20em 300"))
print(re.findall(r"<.+?>", "<a><b></b></a>"), re.findall(r"<.+>", "<a><b>"))
print(re.match(r"^\w+$", "abc_123") is not None, re.fullmatch(r"\d+", "123a"), re.match("b", "ab"))
print(bool(re.search(r"(?<!un)happy", "unhappy")), bool(re.search(r"(?<!un)happy", "so happy")))

# tokenizing with a master pattern and lastgroup
SPEC = [("NUMBER", r"\d+(?:\.\d+)?"), ("IDENT", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/=()]"),
        ("STRING", r'"(?:[^"\\]|\\.)*"'), ("SKIP", r"[ \t]+"), ("MISMATCH", r".")]
MASTER = re.compile("|".join(f"(?P<{n}>{p})" for n, p in SPEC))
code = 'x = 3.14 * (y + 42) / "a \\"q\\"" ? z'
toks = [(mo.lastgroup, mo.group()) for mo in MASTER.finditer(code) if mo.lastgroup != "SKIP"]
print(toks)

# flags and special cases
print(re.findall(r"^\w", "ab\ncd\nef", re.M), re.findall(r"a.c", "a\nc abc", re.S), re.findall(r"(?s)a.c", "a\nc"))
print(re.escape("a.b*c?(d)"), re.findall(re.escape("1+1=2"), "is 1+1=2?"))
print(re.compile(r"(\d+)-(\d+)").sub(r"\g<2>-\g<1>", "10-20 30-40"), re.sub(r"(?P<a>x)", r"\g<a>\g<a>", "axb"))
pat = re.compile(r"(?P<first>\w+)\s(?P<last>\w+)")
mm = pat.match("Jane Doe extra")
print(mm.expand(r"\g<last>, \g<first>"), mm.string, mm.re.pattern, mm.pos, mm.endpos, mm.regs)
print(re.findall(r"(a)|(b)", "ab"), re.findall(r"a(?:b|c)+", "abcbx acc"), [m.span() for m in re.finditer(r"a*", "baa")])
print(re.match(r"(\d)(\d)?", "1").groups(), re.match(r"(\d)(\d)?", "1").groups("-"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e.msg, e.pos)
try:
    re.compile(r"a{2,1}")
except re.error as e:
    print("re.error:", e)
words = re.findall(r"[a-z']+", TEXT.lower())
from collections import Counter
print(Counter(w for w in words if len(w) > 3).most_common(4))
print(re.sub(r"(?m)^", "> ", "line1\nline2"), re.findall(r"\bcat\b", "cat concat cat."))
print(re.search(r"(\w)\1", "abccd").group(), re.findall(r"([aeiou])\1", "book keeper moon"))
print(re.sub(r"[^\x00-\x7f]", "?", "naïve café"), re.findall(r"\w+", "naïve café", re.ASCII))
