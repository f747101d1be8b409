# csv on ftpy's own _csv: dialect validation, reader states (quotes, escapes,
# multi-line fields, strict mode, field limit), writer quoting rules, DictReader/Writer.
import csv, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: csv.reader([], delimiter="ab"))
t(lambda: csv.reader([], delimiter=1))
t(lambda: csv.reader([], quotechar="ab"))
t(lambda: csv.reader([], quoting=7))
t(lambda: csv.reader([], lineterminator=None))
t(lambda: csv.reader([], bogus=1))
t(lambda: csv.reader(1))
t(lambda: csv.writer(1))
t(lambda: list(csv.reader([b"a,b"])))
t(lambda: list(csv.reader(['a,"b'], strict=True)))
t(lambda: list(csv.reader(['a,"b'])))
t(lambda: list(csv.reader(['a,"b"c'], strict=True)))
t(lambda: list(csv.reader(['a,"b"c'])))
t(lambda: list(csv.reader(['a,b\r\n','c\n'])))
t(lambda: list(csv.reader(['a,"b\n', 'c"\n', 'd'])))
t(lambda: list(csv.reader(['a,"b', 'c"'])))
t(lambda: list(csv.reader(['1,"2",3.5'], quoting=csv.QUOTE_NONNUMERIC)))
t(lambda: list(csv.reader(['a\\,b,c'], escapechar="\\")))
t(lambda: list(csv.reader(['a, "b,c", d'], skipinitialspace=True)))
t(lambda: list(csv.reader([''])))
t(lambda: list(csv.reader(['', 'x'])))
t(lambda: list(csv.reader(['"a""b",""'])))
t(lambda: list(csv.reader(['a,b\\'], escapechar="\\")))
t(lambda: list(csv.reader(['a,b\\'], escapechar="\\", strict=True)))
t(lambda: csv.field_size_limit(10))
t(lambda: list(csv.reader(['a'*11])))
t(lambda: csv.field_size_limit(131072))
t(lambda: csv.get_dialect("nope"))
t(lambda: csv.list_dialects())
d = csv.get_dialect("excel")
print(type(d), d.delimiter, repr(d.lineterminator), d.quoting, d.doublequote, d.escapechar, d.strict, d.skipinitialspace)
t(lambda: setattr(d, "delimiter", ";"))
for rows, kw in [([["a", "b,c", 'd"e', "", None, 1.5, 10, "x\ny", " s"]], {}),
                 ([[""]], {}), ([[]], {}), ([["a", 1, None, 2.0, ""]], {"quoting": csv.QUOTE_NONNUMERIC}),
                 ([["a", 1, None]], {"quoting": csv.QUOTE_ALL}),
                 ([["a,b", 'c"d', "e\\f"]], {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}),
                 ([['c"d']], {"doublequote": False, "escapechar": "\\"}),
                 ([["a", "b"]], {"lineterminator": "\n", "delimiter": "\t"}),
                 ([["a b"]], {"delimiter": " "}),
                 ([["x#y"]], {"quotechar": "#"}), ([["x\\y", "a"]], {"escapechar": "\\"}),
                 ([["a", "b"]], {"quoting": csv.QUOTE_NONE}), ([["a,b"]], {"quoting": csv.QUOTE_NONE}),
                 ([['c"d']], {"doublequote": False}), ([[""]], {"quoting": csv.QUOTE_NONE}),
                 ([[None]], {}), ([[True, 1+2j]], {}),
                 ([['a\\b,c', 'x"y', 'p"q,r']], {"escapechar": "\\", "doublequote": False})]:
    b = io.StringIO()
    w = csv.writer(b, **kw)
    try:
        r = [w.writerow(row) for row in rows]
        print(repr(b.getvalue()), r)
    except Exception as e:
        print(type(e).__name__, e, repr(b.getvalue()))
t(lambda: csv.writer(io.StringIO()).writerow(5))
print(csv.Error.__module__, csv.QUOTE_NONE, csv.__version__)
r = csv.reader(["a,b", "c"])
print(r.line_num, next(r), r.line_num, r.dialect.delimiter, type(r).__name__)
f = io.StringIO("name,age\nann,3\nbob,40\n")
rows = list(csv.DictReader(f))
print(rows)
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["name", "age"], extrasaction="ignore")
w.writeheader(); w.writerows(rows + [{"name": "x", "age": 1, "zz": 2}])
print(repr(out.getvalue()))
print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter, csv.Sniffer().has_header("name,age\nann,3\nbob,40\n"))
class D(csv.Dialect):
    delimiter = "|"; quotechar = "'"; lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL; doublequote=True; skipinitialspace=False
csv.register_dialect("pipes", D)
b = io.StringIO(); csv.writer(b, "pipes").writerow(["a|b", "c'd", 3]); print(repr(b.getvalue()))
print(list(csv.reader(b.getvalue().splitlines(), dialect="pipes")))
class Bad(csv.Dialect):
    delimiter = ""
t(lambda: Bad())
