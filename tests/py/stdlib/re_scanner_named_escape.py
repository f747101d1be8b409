# re: \N{NAME} escapes (and their errors), re.Scanner, RegexFlag members.
import re
for p in [r"\N{EURO SIGN}", r"[\N{LATIN SMALL LETTER A}-c]+", r"\N", r"\Nx", r"\N{", r"\N{}", r"\N{EURO",
          r"\N{NO SUCH}", r"x\N{euro sign}", r"(?i)\N{LATIN SMALL LETTER E WITH ACUTE}"]:
    try:
        print(repr(p), re.findall(p, "€abcd éÉ x€"))
    except re.error as e:
        print(repr(p), e, e.pos)
try:
    re.compile(rb"\N{EURO SIGN}")
except re.error as e:
    print(e, e.pos)

def num(scanner, tok):
    return ("NUM", int(tok), scanner.match.span())
scanner = re.Scanner([
    (r"\d+", num),
    (r"(?P<q>['\"])(.*?)(?P=q)", lambda s, t: ("STR", t[1:-1])),
    (r"[A-Za-z_]\w*", lambda s, t: ("ID", t)),
    (r"[-+*/=()]", lambda s, t: ("OP", t)),
    (r"\s+", None),
    (r";", "SEMI"),
])
print(scanner.scan("x = 12 + foo('a b') * 3;"))
print(scanner.scan("ok 1 ? rest"))
print(scanner.scan(""))
print(re.Scanner([(r"a*", lambda s, t: t)]).scan("bbb"))
print(re.match(r"(a(b))", "ab").lastindex, re.match(r"(a)(b)", "ab").lastindex, re.match(r"(a)|(b(c))", "bc").lastindex)
print(re.RegexFlag.DOTALL, re.RegexFlag.IGNORECASE | re.RegexFlag.MULTILINE, re.RegexFlag.ASCII is re.A, re.S.value, re.M.name)
