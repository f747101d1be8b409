"""String processing with re: groups, lookarounds, sub with callbacks, split, verbose patterns."""
import re

LOG = """2024-03-01 12:00:01 INFO  [auth] user=alice ip=10.0.0.1 login ok
2024-03-01 12:00:05 WARN  [auth] user=bob ip=10.0.0.22 bad password (attempt 3)
2024-03-01 12:01:00 ERROR [db]   query took 1532ms: SELECT * FROM t WHERE id = 7
2024-03-02 08:15:30 INFO  [web]  GET /index.html 200 512b
2024-03-02 08:15:31 INFO  [web]  GET /missing 404 0b
garbage line
2024-03-02 09:00:00 DEBUG [web]  POST /api/v1/items?id=3&x=y 201 48b"""

LINE = re.compile(r"""
    ^(?P<date>\d{4}-\d{2}-\d{2})\s
    (?P<time>[\d:]{8})\s+
    (?P<level>[A-Z]+)\s+
    \[(?P<comp>\w+)\]\s+
    (?P<msg>.*)$
""", re.VERBOSE | re.MULTILINE)

for m in LINE.finditer(LOG):
    print(m.group("level", "comp"), m.span("msg"), m.start(), m.lastgroup, m.lastindex)
print(len(LINE.findall(LOG)), LINE.groups, sorted(LINE.groupindex.items()))
m = LINE.search(LOG)
print(m.groupdict(), m.group(0)[:20], m[3], m.expand(r"\g<comp>@\2 (\1)"))
print(repr(m)[:60])

kv = re.compile(r"(\w+)=(\S+)")
print(kv.findall(LOG))
print(dict(kv.findall("a=1 b=2 a=3")))
# lookarounds
print(re.findall(r"(?<=user=)\w+", LOG))
print(re.findall(r"\b\d+(?=ms)", LOG))
print(re.findall(r"(?<!\d)\d{3}(?!\d)", "12 123 1234 404 x200y"))
print(re.findall(r"\b(?!GET|POST)[A-Z]{3,}\b", LOG))
# sub with callback
def ms_to_s(m):
    return f"{int(m.group(1)) / 1000:.2f}s"
print(re.sub(r"(\d+)ms", ms_to_s, LOG.splitlines()[2]))
print(re.sub(r"(?P<ip>\d+\.\d+\.\d+\.\d+)", lambda m: ".".join("x" * len(p) for p in m["ip"].split(".")), LOG.splitlines()[1]))
print(re.subn(r"\s+", " ", "a   b \t c\n d"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HeLLo", count=2))
print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"))
print(re.split(r"[,;]\s*", "a, b;c ,d;  e"), re.split(r"(,)", "a,b,c", maxsplit=1))
print(re.split(r"\b", "hi there"), re.split(r"(?:x)?", "axb"))
print(re.fullmatch(r"[a-z]+\d*", "abc123"), re.fullmatch(r"[a-z]+", "abc1"))
print(re.match(r"(a)(b)?(c)", "ac").groups(), re.match(r"(a)(b)?(c)", "ac").groups("-"))
print(re.escape("1+1=2? [yes] (a.b) $x ^y {z} \\ | #"))
tok = re.compile(r"\s*(?:(\d+\.?\d*)|(\w+)|(.))")
print([m.groups() for m in tok.finditer("x1 = 3.5 + foo*2")])
# scanner-like usage with alternation and lastgroup
spec = [("NUM", r"\d+(?:\.\d+)?"), ("ID", r"[A-Za-z_]\w*"), ("OP", r"[-+*/=()]"), ("WS", r"\s+"), ("BAD", r".")]
master = re.compile("|".join(f"(?P<{n}>{p})" for n, p in spec))
print([(m.lastgroup, m.group()) for m in master.finditer("rate = 3.25 * (x1 + 42) $") if m.lastgroup != "WS"])
# flags and unicode
print(re.findall(r"\w+", "naïve café Ünïcode 東京"), re.findall(r"\w+", "naïve café", re.ASCII))
print(re.findall(r"^\w", "a\nb\nc", re.M), re.findall(r"a.c", "a\nc abc", re.S))
print(re.search(r"(?x) a  b # comment\n c", "xxabc"))
print(re.compile(r"(?i)straße").match("STRASSE"), re.match(r"(?i)ǅ", "ǆ"))
# backreferences and conditionals
print(re.findall(r"\b(\w+)\s+\1\b", "this is is a test test ok"))
print(re.match(r"(<)?\w+(?(1)>)", "<tag>").group(), re.match(r"(<)?\w+(?(1)>|$)", "tag").group())
print(re.sub(r"(?P<w>\w)(?P=w)", r"[\g<w>\g<w>]", "aabbcd"))
# greedy vs lazy
print(re.findall(r"<.+>", "<a><b>"), re.findall(r"<.+?>", "<a><b>"), re.findall(r"a{2,3}?", "aaaaaa"))
# errors
for bad in [r"(unclosed", r"[z-a]", r"a**", r"(?P<1x>a)", r"\k", r"(?<=a+)b", "x{2,1}"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e, "| pos", e.pos)
try:
    re.sub(r"(a)", r"\2", "a")
except re.error as e:
    print("re.error:", e)
try:
    re.match("a", b"a")
except TypeError as e:
    print("TypeError:", e)
print(re.match(rb"\x00(.)", b"\x00\xff").group(1), re.purge())
p = re.compile(r"\d+")
print(p.search("abc 123 def", 5), p.match("abc 123", 4), p.findall("1 22 333", 2, 6), p.pattern, p.flags)
print(p.sub(lambda m: str(int(m[0]) * 2), "a1b22c333"), p.split("a1b22c", 1))
print(bool(re.compile("(?s).").match("\n")), re.IGNORECASE | re.MULTILINE, repr(re.I | re.X))
