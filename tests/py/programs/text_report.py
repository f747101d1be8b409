# A text report generator: str.format/f-string alignment, textwrap, number formatting.
import textwrap
import string

SALES = [
    ("North", "Widgets", 1234567.891, 0.1234),
    ("North", "Gadgets", 98765.4, -0.05),
    ("South", "Widgets", 0.5, 1.5),
    ("South", "Doohickeys", 43210.0, 0.0),
    ("East", "Gadgets", 7.0, -0.9999),
    ("West", "Thingamajigs and other assorted items", 123.456, 0.333333),
]

def fmt_money(x):
    sign = "-" if x < 0 else ""
    whole, frac = divmod(round(abs(x) * 100), 100)
    groups = []
    s = str(whole)
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return f"{sign}${','.join(groups)}.{frac:02d}"

def table(rows, headers, aligns):
    cols = list(zip(*([headers] + rows)))
    widths = [max(len(str(c)) for c in col) for col in cols]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line]
    def render(r):
        cells = []
        for v, w, a in zip(r, widths, aligns):
            cells.append(" {:{a}{w}} ".format(str(v), a=a, w=w))
        return "|" + "|".join(cells) + "|"
    out.append(render(headers))
    out.append(line.replace("-", "="))
    out.extend(render(r) for r in rows)
    out.append(line)
    return "\n".join(out)

rows = []
for region, product, amount, growth in SALES:
    name = textwrap.shorten(product, width=20, placeholder="...")
    rows.append([region, name, fmt_money(amount), f"{growth:+.1%}"])
print(table(rows, ["Region", "Product", "Amount", "Growth"], ["<", "<", ">", ">"]))

print()
print("Numbers in many formats")
for x in (0, 1, -1, 3.14159, 1e10, 1.5e-7, 255, 2**40, -0.0, 1/3):
    if isinstance(x, int):
        print(f"{x!r:>15} | {x:>8d} | {x:#x} | {x:#o} | {x:b} | {x:,} | {x:_} | {x:e}")
    else:
        print(f"{x!r:>15} | {x:>8.3f} | {x:g} | {x:.3e} | {x:%} | {x:,.2f} | {x:010.2f}")

print()
print("Centered titles")
for title in ("Summary", "Q3", "A much longer title here"):
    print(f"[{title:^30}]", "[{:*^30}]".format(title), "[%-12s|%12s]" % (title[:12], title[-12:]))

print()
print("%-style")
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%10.4f|%-10.1f|%e|%g" % (3.14159, 2.71828, 1.41421, 12345.678, 0.0001))
print("%s %r %a %%" % ("text", "text", "tëxt"))
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 33})
print("%x %X %o %c %c" % (255, 255, 8, 65, "z"))

print()
LOREM = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
w = textwrap.TextWrapper(width=36, initial_indent="  * ", subsequent_indent="    ")
print(w.fill(LOREM))
print(textwrap.indent(textwrap.fill(LOREM, 40), "> ", lambda line: "fox" in line))
print(textwrap.dedent("""\
        def f():
            return 1
        """), end="")
print(textwrap.wrap("a b c d e f g h", width=5))
print(textwrap.shorten("Hello  world,   this is text", 15))

print()
tmpl = string.Template("$who owes $$${amount} to ${whom}.")
print(tmpl.substitute(who="Bob", amount="12.50", whom="Alice"))
print(tmpl.safe_substitute(who="Eve"))
try:
    tmpl.substitute(who="X")
except KeyError as e:
    print("missing", e)
print(string.capwords("hello   big  world"), string.ascii_lowercase[:5], string.digits, string.punctuation[:6])
fmt = string.Formatter()
print(fmt.format("{0}-{1:>4}-{name}", "a", "b", name="c"))
print(list(fmt.parse("x{0:>3}y{a!r}z")))

print()
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"{self.cents // 100}$"
        return format(self.cents / 100, spec or ".2f")
m = Money(123456)
print(f"{m} {m:short} {m:>12,.2f} {m!s:.10}"[:60])
print("{:>10}|{:<10}|{:^10}|".format(m, "left", "mid"))
print(format(1234.5, "_>12,.1f"), format("x", "=^5"), format(7, "03"), format(-7, "=+5"))
print("{0[1]} {0[0]} {1.real} {2[k]}".format(["a", "b"], 3 + 4j, {"k": "v"}))
print("{:{}{}}".format("nest", ">", 8), "{!r:^12}".format("q"))
