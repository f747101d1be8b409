# A report generator as a small business script writes it: read CSV sales
# data, aggregate with collections/itertools/statistics, format money with
# decimal and locale-free formatting, render text/Markdown/HTML/JSON tables.
import csv
import io
import json
import html
import statistics
import textwrap
import string
from collections import defaultdict, Counter, namedtuple
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP
from itertools import groupby, accumulate
from operator import attrgetter, itemgetter

Sale = namedtuple("Sale", "day region rep product units price")
products = {"widget": Decimal("2.50"), "gadget": Decimal("13.99"), "gizmo": Decimal("7.25"), "doohickey": Decimal("0.99")}
regions = ["north", "south", "east", "west"]
reps = {"north": ["ann", "bo"], "south": ["cy"], "east": ["di", "ed"], "west": ["flo"]}

buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(Sale._fields)
start = date(2024, 3, 1)
for i in range(120):
    region = regions[(i * 7) % 4]
    rep = reps[region][i % len(reps[region])]
    product = sorted(products)[(i * 3) % 4]
    w.writerow([start + timedelta(days=i % 31), region, rep, product, (i * 37) % 11 + 1, products[product]])
buf.seek(0)
sales = [Sale(date.fromisoformat(r["day"]), r["region"], r["rep"], r["product"], int(r["units"]), Decimal(r["price"]))
         for r in csv.DictReader(buf)]
print(len(sales), sales[0])

CENT = Decimal("0.01")


def money(d):
    d = d.quantize(CENT, ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, frac = f"{abs(d):.2f}".split(".")
    return f"{sign}${int(whole):,}.{frac}"


revenue = lambda s: s.units * s.price
by_region = defaultdict(Decimal)
by_rep = defaultdict(Decimal)
units_by_product = Counter()
for s in sales:
    by_region[s.region] += revenue(s)
    by_rep[s.rep] += revenue(s)
    units_by_product[s.product] += s.units
total = sum(by_region.values(), Decimal(0))

rows = [(r, money(v), f"{v / total:.1%}") for r, v in sorted(by_region.items(), key=itemgetter(1), reverse=True)]
widths = [max(len(str(x)) for x in col) for col in zip(("Region", "Revenue", "Share"), *rows)]
line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
print(line)
print("| " + " | ".join(h.ljust(w) for h, w in zip(("Region", "Revenue", "Share"), widths)) + " |")
print(line)
for r in rows:
    print("| " + " | ".join([r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].rjust(widths[2])]) + " |")
print(line)
print(f"Total: {money(total)}")

print("\n| Rep | Revenue | Rank |\n|:----|-------:|-----:|")
for rank, (rep, v) in enumerate(sorted(by_rep.items(), key=lambda kv: (-kv[1], kv[0])), 1):
    print(f"| {rep} | {money(v)} | {rank} |")

print()
for product, n in units_by_product.most_common():
    bar = "#" * (n // 10)
    print(f"{product:>10} {n:4d} {bar}")

daily = defaultdict(Decimal)
for s in sales:
    daily[s.day] += revenue(s)
days = sorted(daily)
cum = list(accumulate(daily[d] for d in days))
print(days[0], days[-1], money(cum[-1]), money(max(daily.values())), money(min(daily.values())))
vals = [float(daily[d]) for d in days]
print(round(statistics.mean(vals), 2), round(statistics.median(vals), 2), round(statistics.stdev(vals), 2),
      [round(q, 2) for q in statistics.quantiles(vals, n=4)])
weeks = groupby(days, key=lambda d: d.isocalendar().week)
for wk, ds in weeks:
    ds = list(ds)
    print(f"week {wk}: {len(ds)} days, {money(sum((daily[d] for d in ds), Decimal(0)))}")

best = max(sales, key=revenue)
worst = min(sales, key=attrgetter("units", "price"))
print(best.rep, best.product, money(revenue(best)), worst.rep, worst.units)

tmpl = string.Template(textwrap.dedent("""\
    Dear $name,

    Your region ($region) sold $$${amount} this month, ranking #$rank of $count.
    $note
"""))
for rank, (region, v) in enumerate(sorted(by_region.items(), key=lambda kv: -kv[1]), 1):
    note = textwrap.fill("Great work! Keep it up, the whole team appreciates the effort you put in." if rank == 1
                         else "Thanks for your effort.", width=40)
    print(tmpl.substitute(name=region.title() + " team", region=region, amount=f"{v:,.2f}", rank=rank,
                          count=len(by_region), note=note))

table = ["<table>", "  <tr><th>Rep</th><th>Revenue</th></tr>"]
for rep, v in sorted(by_rep.items()):
    table.append(f"  <tr><td>{html.escape(rep)}</td><td>{html.escape(money(v))}</td></tr>")
table.append("</table>")
print("\n".join(table))

summary = {"total": str(total), "regions": {k: str(v) for k, v in sorted(by_region.items())},
           "top_product": units_by_product.most_common(1)[0][0], "days": len(days),
           "generated": date(2024, 4, 1).isoformat()}
print(json.dumps(summary, indent=2, sort_keys=True))
