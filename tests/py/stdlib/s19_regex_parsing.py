# Log and config parsing with re: named groups, finditer, sub with
# functions, verbose patterns, lookarounds, split, flags, errors.
import re

LOG = """\
2024-01-05 10:00:01 INFO  [web] GET /index.html 200 512ms user=ann
2024-01-05 10:00:02 WARN  [db] slow query took 1500ms
2024-01-05 10:00:03 ERROR [web] POST /api/items 500 12ms user=bob
2024-01-05 10:00:04 INFO  [web] GET /favicon.ico 404 1ms
garbage line
2024-01-05 10:00:05 DEBUG [auth] token refreshed user=cy
"""

LINE = re.compile(r"""
    ^(?P<date>\d{4}-\d{2}-\d{2})\s
    (?P<time>[\d:]{8})\s
    (?P<level>[A-Z]+)\s+
    \[(?P<comp>\w+)\]\s
    (?P<msg>.*?)
    (?:\s+user=(?P<user>\w+))?$
""", re.VERBOSE | re.MULTILINE)

for m in LINE.finditer(LOG):
    print(m.group("level", "comp"), m["user"], repr(m["msg"]), m.span("msg"), m.lastgroup)
print(len(LINE.findall(LOG)), LINE.groupindex["msg"], LINE.groups, LINE.flags & re.VERBOSE != 0)

REQ = re.compile(r"(?P<method>GET|POST) (?P<path>/\S*) (?P<status>\d{3}) (?P<ms>\d+)ms")
for m in REQ.finditer(LOG):
    d = m.groupdict()
    print(d, m.start(), m.end(), m.expand(r"\g<method>:\g<status> \2"))


def mask(m):
    return m.group(1) + "*" * len(m.group(2))


print(re.sub(r"(user=)(\w+)", mask, LOG.splitlines()[0]))
print(re.sub(r"(\d+)ms", lambda m: f"{int(m.group(1)) / 1000:.3f}s", LOG.splitlines()[1]))
print(re.subn(r"\s+", " ", "a   b \t c\n d"), re.sub(r"x*", "-", "abxd"), re.sub("", "|", "abc"))
print(re.sub(r"(?P<w>\w+)@(\w+)", r"\2 at \g<w>", "ann@host bob@example"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c", maxsplit=1), re.split(r"\b", "hi there"))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.findall(r"\d+", "no digits"), re.findall(r"(?i)HELLO", "hello Hello"))
print(re.fullmatch(r"[\w.+-]+@[\w-]+\.[\w.]+", "first.last+tag@example.co.uk") is not None,
      re.fullmatch(r"\d+", "123a"), re.match(r"a|ab", "ab").group(), re.search(r"(?<=\$)\d+(?=\.)", "cost $42.50").group())
print(re.search(r"(?<!\d)\d{3}(?!\d)", "1234 567 89").group(), re.search(r"^\s*#", "   # c", re.M) is not None)
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r".+", "a\nb", re.S), re.findall(r"a.c", "a\nc", re.DOTALL))
print(re.escape("1+1=2? [yes] (maybe) $5 a.b"), re.findall(r"(?x) a \ b  # comment", "a b"))
print(re.match(r"(a)(b)?(c)", "ac").groups(), re.match(r"(a)(b)?(c)", "ac").groups("-"), re.match(r"(?:ab)+", "ababx").group())
print(re.search(r"(\w+) \1", "hello hello world").group(1), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)é", "É") is not None, re.match(r"\w+", "naïve").group())
print(re.match(rb"\w+", "naïve".encode()).group(), re.findall(rb"[\x80-\xff]+", "naïve€".encode()))
m = re.match(r"(?P<a>x)(?P<b>y)?", "x")
print(m.group(0, 1, 2), m.groupdict(), m.groupdict("?"), m.lastindex, m.re.pattern, m.string, m.pos, m.endpos)
print(repr(m)[:40], repr(re.compile(r"\d+", re.I | re.M)))
pat = re.compile(r"\d")
print(pat.search("ab12", 3), pat.match("a1", 1), pat.findall("1a2b3", 1, 4), pat.sub("#", "a1b2", count=1))
for bad in ["(unclosed", "a{2,1}", "[z-a]", "(?P<1x>a)", "*a", r"\k", "(?<=a+)b", "a)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e.msg, e.pos, "|", e)
try:
    re.sub(r"(a)", r"\2", "a")
except re.error as e:
    print("error:", e)
try:
    re.match(r"(a)", "a").group(3)
except IndexError as e:
    print("IndexError:", e)

TOKEN = re.compile(r"\s*(?:(?P<num>\d+\.?\d*)|(?P<op>[-+*/()])|(?P<name>[a-z]+))")


def tokenize(s):
    pos = 0
    out = []
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m or m.end() == pos:
            raise SyntaxError(f"bad char at {pos}: {s[pos]!r}")
        out.append((m.lastgroup, m.group(m.lastgroup)))
        pos = m.end()
    return out


print(tokenize("3.5 * (x + 42) / y"))
try:
    tokenize("1 + @")
except SyntaxError as e:
    print("SyntaxError:", e)
sc = re.Scanner([(r"\d+", lambda s, t: int(t)), (r"[a-z]+", lambda s, t: t.upper()), (r"\s+", None)])
print(sc.scan("12 ab 3 c!"))
print(re.purge(), hasattr(re, "template"), re.RegexFlag.IGNORECASE, re.I | re.S)
