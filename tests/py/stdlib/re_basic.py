# re: matching, groups, sub/split/findall, flags, empty matches, error messages.
import re
print(re.findall(r"[a-z']+", "it's a test, isn't it"))
m = re.match(r"(?P<a>\d+)-(\d+)?", "12-x")
print(m, m.groups(), m.groupdict(), m.span(2), m.lastindex, m.lastgroup, m[0], m.group(1, 'a'))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"), re.subn("a|b", "-", "abcab"))
print(re.split(r"(,)\s*", "a, b,c"), re.split(r"\s+", " a b  c ", maxsplit=2), re.split("x*", "axbc"))
print(re.sub("x*", "-", "abxd"), re.findall(r"\b\w", "hi there you"), [m.span() for m in re.finditer(r"\d*", "a12b")])
print(re.compile("a", re.I|re.S), re.I|re.M, re.compile(b"x+"), re.search(b"o+", b"foo"))
print(re.fullmatch(r"a.*c", "abbc"), re.fullmatch("a", "ab"), re.search("^b", "a\nb", re.M), re.search("^b", "a\nb"))
print(re.findall(r"(?i)hello", "Hello HELLO"), re.findall(r"(a)(b)?", "ab a"), re.findall("(?<=a)b", "ab cb ab"))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"(a+)+b", "aaab").group(), re.match(r"(.*?)(\d+)", "abc123").groups())
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<x>a)(?P=x)", "baab").span(), re.match(r"a{2,3}", "aaaa").group(), re.match(r"a{2,3}?", "aaaa").group())
print(re.escape("a.b*c"), re.search(r"\d+(?=px)", "10em 20px").group(), re.search(r"\d+(?!px|\d)", "10px 20em").group())
print(re.sub(r"\d", lambda m: str(int(m.group())*2), "a1b2"), re.match(r"\s*(\S+)\s*$", "  hi  \n").group(1))
for p in ['(', 'a**', '[a', ')', '*', r'\q', '(?P<n>a)(?P<n>b)', '(?<=a+)b', 'a{2,1}', '(?P=x)', r'\5']:
  try: re.compile(p)
  except re.error as e: print(repr(p), e, e.pos)
print(re.compile(r"""(?P<sign>[-+])?
    (  (?=\d|\.\d) (?P<int>\d*) (\.(?P<frac>\d*))? (E(?P<exp>[-+]?\d+))?
    |  Inf(inity)? | (?P<signal>s)? NaN (?P<diag>\d*) )
    \s* \Z""", re.VERBOSE | re.IGNORECASE).match("-1.5e3").groupdict())
print(re.match("[^a-c]+", "xyzab").group(), re.match(r"[\w.-]+@[\w-]+\.\w+", "joe.x@ex-a.com").group(), re.match("[]a]+", "]a]b").group())
print(re.sub("(?m)^", "> ", "a\nb"), re.findall(r"^\w+$", "ab\ncd", re.M), re.match(r".+", "ab\ncd").group(), re.match(r"(?s).+", "ab\ncd").group())
print(re.match("(a)|(b)", "b").groups(), re.match("(a)|(b)", "b").regs, re.findall(r"\d+|[a-z]+", "ab12cd3"))
print(re.sub("a", r"\n", "bab") == "b\nb", re.Match, re.Pattern, re.compile("x").pattern, re.compile("(a)(b)").groups)
