# sqlite3 exceptions: the DB-API hierarchy, CPython 3.11's messages,
# sqlite_errorcode/sqlite_errorname, closed objects, thread checks.
import sqlite3
import threading

for name in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"]:
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__[1:-2]])

con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.IntegrityError is sqlite3.IntegrityError)
con.execute("create table t(a integer primary key, b text not null, c unique, d check (d > 0))")
con.execute("create table f(x references t(a))")
con.execute("pragma foreign_keys = on")

def attempt(label, fn):
    try:
        result = fn()
        print(label, "ok", result)
    except Exception as e:
        code = getattr(e, "sqlite_errorcode", "-")
        errname = getattr(e, "sqlite_errorname", "-")
        print(label, type(e).__name__, e, code, errname)

attempt("no table", lambda: con.execute("select * from nope"))
attempt("syntax", lambda: con.execute("selec 1"))
attempt("no column", lambda: con.execute("select zz from t"))
attempt("not null", lambda: con.execute("insert into t(b) values (null)"))
con.execute("insert into t(b, c, d) values ('x', 1, 1)")
attempt("unique", lambda: con.execute("insert into t(b, c, d) values ('y', 1, 1)"))
attempt("primary key", lambda: con.execute("insert into t(a, b, d) values (1, 'z', 1)"))
attempt("check", lambda: con.execute("insert into t(b, d) values ('w', -1)"))
attempt("foreign key", lambda: con.execute("insert into f values (99)"))
attempt("too few", lambda: con.execute("select ?, ?", (1,)))
attempt("too many", lambda: con.execute("select ?", (1, 2)))
attempt("missing name", lambda: con.execute("select :a, :b", {"a": 1}))
attempt("dict for qmark", lambda: con.execute("select ?", {"a": 1}))
attempt("bad params", lambda: con.execute("select ?", 42))
attempt("unsupported", lambda: con.execute("select ?", ([1],)))
attempt("unsupported obj", lambda: con.execute("select ?", (object(),)))
attempt("two statements", lambda: con.execute("select 1; select 2"))
attempt("trailing comment", lambda: con.execute("select 1; -- fine").fetchall())
attempt("null char", lambda: con.execute("select 1\0"))
attempt("sql type", lambda: con.execute(42))
attempt("many select", lambda: con.executemany("select ?", [(1,)]))
attempt("many not iterable", lambda: con.executemany("insert into t(b) values (?)", 3))
attempt("script type", lambda: con.executescript(3))
attempt("script error", lambda: con.executescript("create table s(x); insert into nope values (1);"))
attempt("isolation value", lambda: setattr(con, "isolation_level", "SOMETIMES"))
attempt("isolation type", lambda: setattr(con, "isolation_level", 1))
attempt("connect isolation", lambda: sqlite3.connect(":memory:", isolation_level="BOGUS"))
attempt("open dir", lambda: sqlite3.connect("/nonexistent-dir/x.db"))
attempt("Row arg", lambda: sqlite3.Row(1, ()))
attempt("Row data", lambda: sqlite3.Row(con.cursor(), [1]))
attempt("cursor factory", lambda: con.cursor(factory=lambda c: 1))
attempt("Cursor arg", lambda: sqlite3.Cursor(5))
attempt("register_converter", lambda: sqlite3.register_converter(1, str))
attempt("collation callable", lambda: con.create_collation("c", 5))
attempt("complete", lambda: (sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1")))

con.row_factory = sqlite3.Row
row = con.execute("select 1 as a, 2 as b").fetchone()
attempt("Row name", lambda: row["c"])
attempt("Row index", lambda: row[2])
attempt("Row float", lambda: row[1.0])

# Exceptions are catchable through their bases.
try:
    con.execute("insert into t(a, b, d) values (1, 'dup', 1)")
except sqlite3.DatabaseError as e:
    print("caught as DatabaseError:", type(e).__name__, isinstance(e, sqlite3.Error))

# Closed cursor, closed connection.
cur = con.cursor()
cur.close()
attempt("closed cursor", lambda: cur.execute("select 1"))
attempt("closed cursor fetch", lambda: cur.fetchone())
open_cur = con.execute("select 1 union select 2")
con.close()
attempt("closed db execute", lambda: con.execute("select 1"))
attempt("closed db cursor", lambda: con.cursor())
attempt("closed db commit", lambda: con.commit())
attempt("closed db total_changes", lambda: con.total_changes)
attempt("closed db old cursor", lambda: open_cur.fetchall())
attempt("close twice", lambda: con.close())

# A connection made in one thread is refused in another unless
# check_same_thread=False.
strict = sqlite3.connect(":memory:")
loose = sqlite3.connect(":memory:", check_same_thread=False)
results = []

def worker():
    for label, c in (("strict", strict), ("loose", loose)):
        try:
            results.append((label, c.execute("select 7").fetchone()))
        except sqlite3.ProgrammingError as e:
            results.append((label, str(e).split(" The object")[0]))

t = threading.Thread(target=worker)
t.start()
t.join()
for r in results:
    print(r)

# Base __init__ not called.
class Lazy(sqlite3.Connection):
    def __init__(self):
        pass

attempt("no init", lambda: Lazy().execute("select 1"))

class LazyCursor(sqlite3.Cursor):
    def __init__(self, con):
        pass

attempt("no cursor init", lambda: LazyCursor(loose).execute("select 1"))
