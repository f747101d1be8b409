# csv: DictReader/DictWriter, dialects, quoting, sniffing, and a small report.
import csv
import io
from collections import defaultdict
from decimal import Decimal

RAW = '''date,region,product,units,price
2023-01-03,North,"Widget, large",3,9.99
2023-01-03,South,Gadget,10,4.50
2023-01-04,North,Gadget,1,4.50
2023-01-05,East,"Doohickey ""pro""",7,12.00
2023-01-05,South,"Widget, large",2,9.99
'''

rows = list(csv.DictReader(io.StringIO(RAW)))
print(len(rows), rows[0])
print(rows[3]["product"])

totals = defaultdict(Decimal)
for r in rows:
    totals[r["region"]] += Decimal(r["units"]) * Decimal(r["price"])
for region in sorted(totals):
    print(f"{region:6} {totals[region]:>8}")

out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["region", "total", "note"],
                   quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writeheader()
for region in sorted(totals):
    w.writerow({"region": region, "total": float(totals[region]),
                "note": 'say "hi"' if region == "East" else None})
print(out.getvalue(), end="")

# extrasaction and missing keys
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["a", "b"], restval="?", lineterminator="\n")
w.writerow({"a": 1})
try:
    w.writerow({"a": 1, "c": 3})
except ValueError as e:
    print("ValueError:", e)
w2 = csv.DictWriter(out, fieldnames=["a", "b"], extrasaction="ignore", lineterminator="\n")
w2.writerow({"a": 1, "c": 3})
print(repr(out.getvalue()))

# custom dialect
csv.register_dialect("pipes", delimiter="|", quotechar="'", escapechar="\\",
                     quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
out = io.StringIO()
w = csv.writer(out, dialect="pipes")
w.writerow(["a|b", "it's", "plain", 3, 4.5, None])
w.writerows([[1, 2], ["x\ny", ""]])
print(repr(out.getvalue()))
back = list(csv.reader(io.StringIO(out.getvalue()), dialect="pipes"))
print(back)
print(sorted(csv.list_dialects()))
d = csv.get_dialect("pipes")
print(d.delimiter, d.quotechar, d.escapechar, d.quoting, repr(d.lineterminator))
csv.unregister_dialect("pipes")
try:
    csv.get_dialect("pipes")
except csv.Error as e:
    print("Error:", e)

# QUOTE_NONE without escapechar
out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE)
try:
    w.writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)

# Sniffer
sample = "name;age;city\nann;31;Oslo\nbob;27;Rome\n"
dialect = csv.Sniffer().sniff(sample)
print(repr(dialect.delimiter), csv.Sniffer().has_header(sample))
for row in csv.reader(io.StringIO(sample), dialect):
    print(row)

# reader strictness and line numbers
r = csv.reader(io.StringIO('a,"b\nc",d\ne,f\n'))
for row in r:
    print(r.line_num, row)
r = csv.reader(io.StringIO('a,"bad"x\n'), strict=True)
try:
    list(r)
except csv.Error as e:
    print("Error:", e)
print(list(csv.reader(['x, y,  z'], skipinitialspace=True)))
print(list(csv.reader(['1,"2",3'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError:", e)
print(csv.field_size_limit())
