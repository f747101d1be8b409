"""INI + CSV + JSON report generator."""
import configparser
import csv
import io
import json
import statistics
from collections import defaultdict, Counter, namedtuple
from string import Template
import pprint
import textwrap

INI = """
[DEFAULT]
currency = EUR
precision = 2

[report]
title = Quarterly ${currency} sales
regions = north, south,east
threshold = 1500.5
verbose = yes
path = %(currency)s/out

[colors]
north = red
south = blue
"""

CSV = """region,rep,month,amount,units
north,Ann,2024-01,1200.50,12
north,Bob,2024-01,"1,000.00",8
south,Cid,2024-02,2500,25
east,Dee,2024-02,300.25,3
north,Ann,2024-03,1800,18
south,"O'Neil, Eve",2024-03,50,1
west,Fay,2024-03,999,9
"""

cp = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
cp.read_string(INI.replace("%(currency)s", "${currency}"))
print(cp.sections(), cp.defaults())
rep = cp["report"]
print(rep["title"], rep.getfloat("threshold"), rep.getboolean("verbose"), rep.getint("precision"), rep["path"])
regions = [r.strip() for r in rep["regions"].split(",")]
print(regions, cp.has_option("colors", "east"), cp.get("colors", "east", fallback="grey"))
try:
    cp.getint("report", "title")
except ValueError as e:
    print("ValueError:", e)
try:
    cp["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    cp.get("report", "nokey")
except configparser.NoOptionError as e:
    print("NoOptionError:", e)

basic = configparser.ConfigParser()
basic.read_string(INI)
print(basic.get("report", "path"), basic.get("report", "title", raw=True))
try:
    bad = configparser.ConfigParser()
    bad.read_string("[a]\nx=1\n[a]\ny=2\n")
except configparser.DuplicateSectionError as e:
    print("Duplicate:", e)
try:
    configparser.ConfigParser().read_string("no header\n")
except configparser.MissingSectionHeaderError as e:
    print("MissingHeader:", e)
out = io.StringIO()
cp2 = configparser.ConfigParser()
cp2["s"] = {"b": "2", "a": "1"}
cp2["t"] = {}
cp2.set("t", "k", "v with spaces")
cp2.write(out)
print(repr(out.getvalue()))

Row = namedtuple("Row", "region rep month amount units")
rows = []
for rec in csv.DictReader(io.StringIO(CSV)):
    rec["amount"] = float(rec["amount"].replace(",", ""))
    rec["units"] = int(rec["units"])
    rows.append(Row(**rec))
print(rows[1], rows[5].rep)

by_region = defaultdict(list)
for r in rows:
    by_region[r.region].append(r)
threshold = rep.getfloat("threshold")
summary = {}
for region in sorted(by_region):
    amounts = [r.amount for r in by_region[region]]
    summary[region] = {
        "total": round(sum(amounts), 2),
        "mean": round(statistics.mean(amounts), 2),
        "median": statistics.median(amounts),
        "n": len(amounts),
        "flag": sum(amounts) > threshold,
        "listed": region in regions,
    }
pprint.pprint(summary, width=60)
pprint.pprint(summary, width=120, compact=True, sort_dicts=False)
print(pprint.pformat(rows[:2], indent=2))
print(json.dumps(summary, indent=2, sort_keys=True)[:200])
print(json.dumps(summary["north"], separators=(",", ":")))
print(json.dumps([1.0, 1e20, float("inf"), None, True, "é\u2603"], ensure_ascii=True))
print(json.dumps({"k": "é"}, ensure_ascii=False), json.dumps({1: 2, 2.5: 3, None: 4, True: 5}))

w = io.StringIO()
writer = csv.writer(w, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
writer.writerow(["region", "total", "note"])
for region, s in summary.items():
    writer.writerow([region, s["total"], 'has "quotes", commas' if s["flag"] else None])
print(w.getvalue(), end="")
w = io.StringIO()
dw = csv.DictWriter(w, fieldnames=["a", "b"], extrasaction="ignore", dialect="excel-tab")
dw.writeheader()
dw.writerow({"a": "x\ty", "b": "line\nbreak", "c": 1})
print(repr(w.getvalue()))
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"]).writerow({"zz": 1})
except ValueError as e:
    print("ValueError:", e)
sniff = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sniff.delimiter, csv.Sniffer().has_header(CSV))
counts = Counter(r.rep for r in rows)
print(counts.most_common(2), counts.total())

tpl = Template(textwrap.dedent("""\
    $title
    ${underline}
    Regions: $regions ($$ amounts in $currency)
    Top: $top"""))
text = tpl.substitute(title=rep["title"], underline="=" * len(rep["title"]), regions=", ".join(regions),
                      currency=rep["currency"], top=max(summary, key=lambda k: summary[k]["total"]))
print(text)
print(Template("$a and $b").safe_substitute(a=1))
try:
    Template("$a and $b").substitute(a=1)
except KeyError as e:
    print("KeyError:", e)
try:
    Template("bad $ sign").substitute()
except ValueError as e:
    print("ValueError:", e)
print(Template("$x").get_identifiers() if hasattr(Template, "get_identifiers") else None, Template("${x}y").is_valid())
para = "The quick brown fox jumps over the lazy dog. " * 5
print(textwrap.fill(para, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(para, width=40, placeholder=" [...]"))
print(textwrap.indent("a\n\nb\n", "> "), end="")
print(textwrap.indent("a\n\nb\n", "> ", predicate=lambda l: True), end="")
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10, break_long_words=True))
print(textwrap.wrap("supercalifragilisticexpialidocious-hyphen word", width=10, break_long_words=False))
print(textwrap.TextWrapper(width=20, max_lines=2, tabsize=4, expand_tabs=True).wrap("\tTabbed text that goes on and on and on"))
