"""Text tools: difflib patches, shlex command parsing, html escaping/parsing, urllib.parse, string.Template subclass."""
import difflib
import shlex
import html
import html.parser
import urllib.parse as up
import string
import fnmatch
import textwrap
import keyword
import re

old = """def greet(name):
    print("Hello, " + name)

def add(a, b):
    return a + b
""".splitlines(keepends=True)
new = """def greet(name, punct="!"):
    print(f"Hello, {name}{punct}")

def add(a, b):
    # sum two numbers
    return a + b
""".splitlines(keepends=True)
print("".join(difflib.unified_diff(old, new, fromfile="a/util.py", tofile="b/util.py", n=1)), end="")
print("".join(difflib.context_diff(old, new, "old", "new", n=0)), end="")
print("".join(difflib.ndiff(["one\n", "two\n", "three\n"], ["one\n", "tree\n", "four\n"])), end="")
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), sm.get_matching_blocks()[:3], sm.get_opcodes())
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("wheel", keyword.kwlist + ["while"], n=2, cutoff=0.5))
d = difflib.Differ()
print(list(d.compare(["abcdefg\n"], ["abcdxfg\n"])))
hd = difflib.HtmlDiff(wrapcolumn=20)
table = hd.make_table(["a b c"], ["a B c"])
print(len(table) > 100, table.count("<tr>"))

for cmd in ['ls -la "My Documents"', "echo 'single quoted' \"double $HOME\" back\\ slash", "grep -E 'a|b' file.txt # comment", 'a "b c" d=\'e f\'']:
    print(shlex.split(cmd), shlex.split(cmd, comments=True))
print(shlex.join(["rm", "-rf", "a dir", "x'y", ""]), shlex.quote("safe"), shlex.quote("it's"), shlex.quote(""))
lex = shlex.shlex("a=1 && b='two words' || c", posix=True, punctuation_chars=True)
print(list(lex))
lex2 = shlex.shlex("key: value, other: 'x y'")
lex2.whitespace += ","
print(list(lex2))
try:
    shlex.split('unterminated "quote')
except ValueError as e:
    print("ValueError", e)

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<>&'\"", quote=False), html.unescape("&lt;p&gt;caf&eacute; &amp; &#169; &#x263A; &notanentity; &amp"))


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            self.text.append((self.stack[-1] if self.stack else None, data.strip()))

    def handle_comment(self, data):
        self.text.append(("comment", data))

    def handle_startendtag(self, tag, attrs):
        self.text.append(("void", tag, attrs))


p = LinkCollector()
p.feed("""<!DOCTYPE html><html><body><h1 class="t">Title &amp; more</h1><!-- note -->
<p>See <a href="/docs?x=1&amp;y=2">docs</a> and <a href='http://ex.com/é'>ex</a>.<br/><img src=x.png alt="pic"></p>
<script>if (a < b) { x = "</p>"; }</script></body></html>""")
p.close()
print(p.links, p.text, p.stack)

u = up.urlparse("https://user:pw@Example.COM:8443/a/b;params?q=1&q=2&z=%20x#frag")
print(u, u.hostname, u.port, u.username, u.password, u.netloc, u.geturl())
print(up.parse_qs(u.query), up.parse_qsl("a=1&b=&c", keep_blank_values=True), up.urlencode({"q": "a b", "n": [1, 2]}, doseq=True), up.urlencode([("x", "é&")]))
print(up.quote("a b/c?d=é"), up.quote_plus("a b&c"), up.unquote("%E2%98%83%20x"), up.unquote_plus("a+b%2B"), up.quote("/path with space/", safe=""))
print(up.urljoin("http://a/b/c/d;p?q", "../g"), up.urljoin("http://a/b/c/d", "//x/y"), up.urljoin("http://a/b/", "?z"), up.urlunparse(("http", "h", "/p", "", "a=1", "f")))
print(up.urlsplit("mailto:someone@example.com"), up.urldefrag("http://x/y#z"), up.urlsplit("//host:80/p").port)
try:
    up.urlsplit("http://h:port/").port
except ValueError as e:
    print("ValueError", e)


class PercentTemplate(string.Template):
    delimiter = "%"
    idpattern = r"[a-z][_a-z0-9]*"


class BraceOnly(string.Template):
    braceidpattern = r"[A-Z]+"


t = PercentTemplate("Dear %name, you owe %%%amount (id %{ref})")
print(t.substitute(name="Ann", amount="12.50", ref="X1"), t.get_identifiers(), t.is_valid())
print(BraceOnly("${ABC} $lower ${abc}").safe_substitute(ABC=1, lower=2), string.Template("$$ $a").substitute({"a": 1}, a=2))
try:
    PercentTemplate("%1bad").substitute()
except ValueError as e:
    print("ValueError", e)


class Upper(string.Formatter):
    def format_field(self, value, spec):
        if spec.endswith("u"):
            return format(value, spec[:-1]).upper()
        return super().format_field(value, spec)

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}?>"
        return super().get_value(key, args, kwargs)


f = Upper()
print(f.format("{0:>8u}|{name:u}|{missing}|{1:.2f}", "abc", 3.14159, name="zed"), f.vformat("{a}{b}", (), {"a": 1}))
print(fnmatch.filter(["data_01.csv", "data_1.csv", "Data_02.CSV", "notes.txt"], "data_[0-9][0-9].csv"), re.fullmatch(fnmatch.translate("*.t?t"), "a.txt") is not None)
print(textwrap.dedent("""
        def f():
            return 1
    """), textwrap.fill("a" * 30 + " b", width=12, break_on_hyphens=False), sep="|")
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.issoftkeyword("_"), keyword.softkwlist, len(keyword.kwlist))
