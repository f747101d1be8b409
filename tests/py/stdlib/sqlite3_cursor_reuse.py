# sqlite3 cursor reuse and odd corners: re-executing a cursor mid-iteration,
# a failing executemany generator, fetchmany sizes (0 and negative fetch
# everything in 3.11), weak references, subclass attributes, NUL bytes,
# special floats, total_changes, the connection as a context manager.
import sqlite3, gc, weakref
con = sqlite3.connect(":memory:")
con.execute("create table t(x)")
con.executemany("insert into t values (?)", [(i,) for i in range(5)])
cur = con.execute("select x from t")
print(next(cur), next(cur))
cur.execute("select x * 10 from t where x < 2")
print(list(cur))
print(list(cur))
def gen():
    yield (100,)
    raise ValueError("gen fail")
try:
    cur.executemany("insert into t values (?)", gen())
except ValueError as e:
    print("ValueError", e, cur.rowcount)
print(con.execute("select count(*) from t").fetchone(), con.in_transaction)
con.executescript("select 1")
print(con.in_transaction)
r = weakref.ref(cur); print(r() is cur)
try:
    weakref.ref(con)
except TypeError as e:
    print("no weakref to Connection")
class C(sqlite3.Connection): pass
c = C(":memory:"); c.attr = 5; print(c.attr)
c.cyc = c; del c; gc.collect()
cur2 = con.cursor()
try:
    cur2.me = 1
except AttributeError as e:
    print("AttributeError", e)
print(con.execute("select 1").description)
print(sqlite3.Row.__name__, sqlite3.Connection.__name__, sqlite3.Cursor.__module__)
print(con.execute("select 1 as a").fetchmany(0))
print(con.execute("values (1),(2),(3)").fetchmany(0), con.execute("values (1),(2),(3)").fetchmany(-1))
print(con.execute("values (1),(2),(3)").fetchmany(size=2))
con.row_factory = sqlite3.Row
row = con.execute("select 1 as a, 2 as b").fetchone()
print(dict(row) if hasattr(row, 'keys') else None, row.keys())
print(con.execute("select ?", [1]).fetchone()[0])
print(sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES).execute("select 1").fetchone())
print(con.execute("select ?", (float('nan'),)).fetchone()[0])
print(con.execute("select ?", ("a\0b",)).fetchone()[0] == "a\0b")
print(con.execute("select ?", (b"a\0b",)).fetchone()[0])
print(con.execute("select ?", (1e308*10,)).fetchone()[0])
for v in [None, 1, 'x']:
    print(con.execute("select typeof(?)", (v,)).fetchone()[0])
con2 = sqlite3.connect(":memory:")
print(con2.execute("pragma user_version").fetchone(), con2.total_changes)
con2.execute("create table a(x)")
con2.execute("insert into a values (1)")
con2.execute("insert into a values (2)")
print(con2.total_changes, con2.in_transaction)
del con2
print(sqlite3.complete_statement("select 'abc"), sqlite3.enable_callback_tracebacks(False))
class P(sqlite3.Cursor):
    def __init__(self, c):
        super().__init__(c)
        self.extra = 1
p = P(con); print(p.extra, p.execute("select 5").fetchone())
print(isinstance(con.execute("select 1"), sqlite3.Cursor))
with sqlite3.connect(":memory:") as cm:
    cm.execute("create table z(x)")
    cm.execute("insert into z values (1)")
print(cm.execute("select * from z").fetchall(), cm.in_transaction)
print(con.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) > 0)
