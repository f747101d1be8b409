# string.Formatter and the _string module behave as CPython's on malformed
# format strings: parsing is lazy (chunks before the bad part come out
# first), and the field-name iterator raises only when it reaches the error.
import _string
import string

cases = ["abc", "a{{b", "a}}b", "{", "}", "a{", "a}", "x}y", "ab{0", "ab{0!", "ab{0!r", "ab{0!r:",
         "ab{0!}", "ab{0!rx}", "{0:{1}}", "{a[}", "{a[b}c]}", "{a{b}", "{}}", "{{}", "{0:{{}}}",
         "{!r}", "{:}", "{0!r:>{1}}", "lit{x.y[2]!s:^10}tail", "{[}", "{.}", "}}{{", "a{b]c}d",
         "\u00e9{\u00e9}\u00e9", "{0}}", "{0:}}"]
for s in cases:
    out = []
    try:
        for chunk in _string.formatter_parser(s):
            out.append(chunk)
    except ValueError as e:
        out.append("ValueError: %s" % e)
    print(repr(s), out)
    out = []
    try:
        for chunk in string.Formatter().parse(s):
            out.append(chunk)
    except ValueError as e:
        out.append("ValueError: %s" % e)
    print("  parse", out)

names = ["a", "", "0", "12", "a.b", "a[0]", "a[b].c", "a[", "a[]", "a.", "a..b", "a[0]x", "0[1][x]",
         "\u0663", "007", "a.b[0].c[d]", "x[1.5]", "99999999999999999999", "1[99999999999999999999]",
         "a]b", "a.b]"]
for n in names:
    out = []
    try:
        first, rest = _string.formatter_field_name_split(n)
        out.append(first)
        for part in rest:
            out.append(part)
    except ValueError as e:
        out.append("ValueError: %s" % e)
    print(repr(n), out)

for bad in (1, b"x", None):
    for f in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            f(bad)
        except TypeError as e:
            print("TypeError", e)

f = string.Formatter()
class O:
    x = [10, 20]
for fmt, args, kw in [("{0}-{1}", (1, 2), {}), ("{}{}", ("a", "b"), {}), ("{a.x[1]:>5}", (), {"a": O()}),
                      ("{0!r:^9}", ("hi",), {}), ("{:{}}", (3, 4), {}), ("{}{0}", (1,), {}),
                      ("{0}{}", (1,), {}), ("{0!x}", (1,), {}), ("{0[}", ([1],), {}),
                      ("{0.}", (1,), {}), ("{x", (), {"x": 1}), ("a}", (), {}),
                      ("{0:{1:{2}}}", (1, 2, 3), {}), ("{2}", (1,), {}), ("{y}", (), {})]:
    try:
        print(repr(fmt), repr(f.format(fmt, *args, **kw)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)

# vformat: a subclass's parse override is used.
class Upper(string.Formatter):
    def parse(self, s):
        for lit, name, spec, conv in super().parse(s):
            yield lit.upper(), name, spec, conv
print(Upper().format("ab{0}cd{1}", 1, 2))
