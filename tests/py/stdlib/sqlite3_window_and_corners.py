# sqlite3: window functions, Connection.__call__, and corners found by
# CPython's own test_sqlite3 (Row keys case-insensitive for ASCII only,
# converters skip zero-sized values, UPDATE ... RETURNING rowcount, recursive
# cursor use from a converter, re-running Connection.__init__, surrogates in
# SQL, the SQL length limit, non-contiguous buffers, aggregate methods).
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(x, y)")
con.executemany("insert into t values (?, ?)", [("a", 4), ("b", 5), ("c", 3), ("d", 8), ("e", 1)])

class WindowSum:
    def __init__(self):
        self.count = 0

    def step(self, value):
        self.count += value

    def value(self):
        return self.count

    def inverse(self, value):
        self.count -= value

    def finalize(self):
        return self.count

query = """select x, %s(y) over (order by x rows between 1 preceding and 1 following) from t order by x"""
con.create_window_function("winsum", 1, WindowSum)
print(con.execute(query % "winsum").fetchall())

class NoInverse:
    def step(self, v):
        pass

    def value(self):
        return 0

    def finalize(self):
        return 0

con.create_window_function("noinv", 1, NoInverse)
try:
    con.execute(query % "noinv").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
try:
    con.create_window_function("bad", -100, WindowSum)
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
con.create_window_function("winsum", 1, None)
try:
    con.execute(query % "winsum")
except sqlite3.OperationalError as e:
    print("removed:", e)

class NoFinalize:
    def step(self, v):
        pass

con.create_aggregate("nofin", 1, NoFinalize)
try:
    con.execute("select nofin(y) from t").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)

# Connection.__call__ compiles a statement.
st = con("select 1")
print(type(st).__name__)
try:
    type(st)()
except TypeError as e:
    print("TypeError", e)
try:
    con("select '\ud800'")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError")

# Row keys: ASCII letters ignore case, other characters do not.
row = con.execute("select 1 as \xff, 2 as Ab").fetchone()
con.row_factory = sqlite3.Row
row = con.execute("select 1 as \xff, 2 as Ab").fetchone()
print(row["\xff"], row["aB"])
for key in ("\u0178", "\xdf"):
    try:
        row[key]
    except IndexError as e:
        print("IndexError", e)
con.row_factory = None

# Converters are not called for NULL or zero-sized values.
dc = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
sqlite3.register_converter("bin", lambda b: "converted %r" % b)
dc.execute("create table b(v bin)")
dc.executemany("insert into b values (?)", [(b"",), (None,), (b"x",), ("",)])
print(dc.execute("select v from b").fetchall())

# UPDATE ... RETURNING counts its rows once the statement is done.
cur = con.cursor()
cur.execute("update t set y = y + 1 where y > 4 returning x")
print(cur.rowcount, sorted(cur.fetchall()), cur.rowcount)

# A converter that uses the cursor being fetched from is refused.
rc = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
rcur = rc.cursor()
sqlite3.register_converter("again", lambda v: rcur.fetchone())
rcur.execute('select 1 as "x [again]" union all select 2')
try:
    rcur.fetchall()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

# Re-running __init__ reopens the connection with default factories.
re = sqlite3.connect(":memory:")
re.text_factory = bytes
re.row_factory = sqlite3.Row
re.execute("create table old(v)")
re.__init__(":memory:")
print(re.text_factory is str, re.row_factory)
try:
    re.execute("select * from old")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

# Surrogates in SQL, the SQL length limit.
for fn in (lambda: con.execute("select '\udcff'"), lambda: con.executescript("select '\udcff';")):
    try:
        fn()
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError")
old = con.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 10)
try:
    con.execute("select 1 as '16'")
except sqlite3.DataError as e:
    print("DataError", e)
con.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, old)

# Non-contiguous buffers are refused.
try:
    con.execute("select ?", (memoryview(b"blob")[::2],))
except BufferError as e:
    print("BufferError", e)
con.create_function("noncont", 0, lambda: memoryview(b"blob")[::2])
try:
    con.execute("select noncont()").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)

# An authorizer answer outside a C int denies.
con.set_authorizer(lambda *args: 2**40)
try:
    con.execute("select * from t")
except sqlite3.DatabaseError as e:
    print("DatabaseError", e)
con.set_authorizer(None)
print(con.execute("select count(*) from t").fetchone())
