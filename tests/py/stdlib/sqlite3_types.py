# sqlite3 type handling: SQLite storage classes, 64-bit integers, BLOBs,
# adapters, converters (PARSE_DECLTYPES / PARSE_COLNAMES), __conform__,
# the datetime adapters that dbapi2.py registers.
import datetime
import decimal
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(i integer, f real, s text, b blob, n)")
values = [
    (0, 0.0, "", b"", None),
    (-2**63, -1e300, "tab\tnewline\n", bytes(range(256)), None),
    (2**63 - 1, 1e-300, "\u00e9\u4e2d\U0001F600", bytearray(b"\xff\xfe"), None),
]
con.executemany("insert into t values (?, ?, ?, ?, ?)", values)
for row in con.execute("select i, f, s, b, n, typeof(i), typeof(f), typeof(s), typeof(b), typeof(n) from t"):
    print(row[0], row[1], ascii(row[2]), len(row[3]), row[3][:4], row[4], row[5:])
print(con.execute("select ?", (memoryview(b"abc")[1:],)).fetchone())

for big in (2**63, -2**63 - 1, 10**30):
    try:
        con.execute("select ?", (big,))
    except OverflowError as e:
        print("OverflowError", e)

# A value SQLite stores as text but Python gave as int subclass / float subclass.
class MyInt(int):
    pass

class MyFloat(float):
    pass

class MyStr(str):
    pass

print(con.execute("select ?, ?, ?", (MyInt(5), MyFloat(2.5), MyStr("s"))).fetchone())

# Adapters and __conform__.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def adapt_point(p):
    return f"{p.x};{p.y}"

def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)

sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print(sqlite3.adapt(Point(1, 2)))
print((Point, sqlite3.PrepareProtocol) in sqlite3.adapters, "POINT" in sqlite3.converters)

class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"

print(con.execute("select ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"), sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))
try:
    sqlite3.adapt(object())
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

dc = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
dc.execute("create table p(pt point, d date, ts timestamp, plain text, num decimal(10, 2))")
sqlite3.register_adapter(decimal.Decimal, str)
sqlite3.register_converter("decimal", lambda b: decimal.Decimal(b.decode()))
dc.execute("insert into p values (?, ?, ?, ?, ?)",
           (Point(3, 4), datetime.date(2024, 2, 29), datetime.datetime(2001, 2, 3, 4, 5, 6, 789), "txt",
            decimal.Decimal("1.25")))
dc.execute("insert into p values (null, null, null, null, null)")
for row in dc.execute("select * from p"):
    print(row)
print(dc.execute("select pt from p").description)

cc = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
print(cc.execute('select ? as "p [point]", ? as "d [date]", 7 as "n [unknown]"',
                 (Point(5, 6), datetime.date(1999, 12, 31))).fetchone())
print([d[0] for d in cc.execute('select 1 as "x [point]", 2 as "y[point]", 3 as z').description])

both = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
both.execute("create table q(d date)")
both.execute("insert into q values ('2020-01-02')")
print(both.execute('select d, d as "s [text]" from q').fetchone())

# Adapting a base type turns on adaptation for every parameter.
sqlite3.register_adapter(int, lambda i: i * 10)
print(con.execute("select ?", (4,)).fetchone())
del sqlite3.adapters[(int, sqlite3.PrepareProtocol)]
print(con.execute("select ?", (4,)).fetchone())

# Text decoding errors and text_factory.
try:
    con.execute("select cast(x'80' as text) as bad").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.text_factory = bytes
print(con.execute("select cast(x'80' as text)").fetchone())
con.text_factory = lambda b: b.decode("latin-1")
print(ascii(con.execute("select cast(x'e9' as text)").fetchone()[0]))
