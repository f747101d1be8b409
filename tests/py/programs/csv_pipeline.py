import csv, io, statistics
from collections import defaultdict
from decimal import Decimal

RAW = '''date,region,product,units,price,notes
2024-01-03,North,Widget,10,2.50,
2024-01-03,South,Gadget,3,10.00,"rush, fragile"
2024-01-04,North,Gadget,,10.00,missing units
2024-01-05,East,Widget,7,2.50,"quote ""special"""
2024-01-05,South,Widget,12,2.45,
2024-01-06,West,Doohickey,1,99.99,"multi
line"
2024-01-07,North,Widget,abc,2.50,bad units
'''
reader = csv.DictReader(io.StringIO(RAW))
print(reader.fieldnames, reader.line_num)
good, bad = [], []
for row in reader:
    try:
        row["units"] = int(row["units"])
        row["price"] = Decimal(row["price"])
        good.append(row)
    except ValueError as e:
        bad.append((reader.line_num, row["units"], str(e)))
print(len(good), bad)
print(good[1]["notes"], "|", good[2]["notes"], "|", repr(good[4]["notes"]))
totals = defaultdict(Decimal)
for r in good:
    totals[r["region"]] += r["units"] * r["price"]
print(dict(sorted(totals.items())))
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["region", "revenue", "share"], quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
w.writeheader()
grand = sum(totals.values())
for region, rev in sorted(totals.items(), key=lambda kv: -kv[1]):
    w.writerow({"region": region, "revenue": float(rev), "share": round(float(rev / grand), 4)})
print(out.getvalue())
try:
    w.writerow({"region": "X", "bogus": 1})
except ValueError as e:
    print("VE", e)
w2 = csv.DictWriter(io.StringIO(), fieldnames=["a"], extrasaction="ignore")
w2.writerow({"a": 1, "b": 2})
try:
    csv.DictWriter(io.StringIO(), fieldnames=["a"], extrasaction="bogus")
except ValueError as e:
    print("VE", e)
r2 = csv.DictReader(io.StringIO("a,b\n1,2,3,4\n5\n"), restkey="extra", restval="?")
print(list(r2))
for dialect in ("excel", "excel-tab", "unix"):
    buf = io.StringIO()
    csv.writer(buf, dialect=dialect).writerow(["a b", 'q"uote', "tab\there", 1.5, None, ""])
    print(dialect, repr(buf.getvalue()))
csv.register_dialect("pipes", delimiter="|", quotechar="'", escapechar="\\", quoting=csv.QUOTE_MINIMAL)
buf = io.StringIO()
wr = csv.writer(buf, dialect="pipes")
wr.writerows([["x|y", "it's", 3], ["plain", "", None]])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), dialect="pipes")))
print(sorted(csv.list_dialects()))
d = csv.get_dialect("pipes")
print(d.delimiter, d.quotechar, d.escapechar, d.quoting, d.doublequote, d.skipinitialspace, repr(d.lineterminator))
sn = csv.Sniffer()
sample = "name;age;city\nann;30;rome\nbob;25;oslo\n"
dia = sn.sniff(sample)
print(dia.delimiter, sn.has_header(sample))
try:
    list(csv.reader(['a,"b']))
except csv.Error as e:
    print("csv.Error", e)
try:
    list(csv.reader(io.StringIO('a,"b"x,c\n'), strict=True))
except csv.Error as e:
    print("csv.Error", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])
except csv.Error as e:
    print("csv.Error", e)
try:
    csv.get_dialect("nope")
except csv.Error as e:
    print("csv.Error", e)
print(statistics.mean(r["units"] for r in good), statistics.median([float(r["price"]) for r in good]))
print(csv.field_size_limit())
