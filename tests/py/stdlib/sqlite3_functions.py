# sqlite3 callbacks into Python: create_function (narg, deterministic),
# create_aggregate, create_collation, set_authorizer, progress handler,
# trace callback, errors raised inside callbacks, interrupt.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(name text, n integer, x real)")
con.executemany("insert into t values (?, ?, ?)",
                [("pear", 3, 1.5), ("Apple", 1, 2.0), ("banana", 2, None), ("apple", 5, -1.0)])

con.create_function("double", 1, lambda v: v * 2 if v is not None else None)
con.create_function("nargs", -1, lambda *a: len(a))
con.create_function("kind", 1, lambda v: type(v).__name__, deterministic=True)
con.create_function("blobify", 1, lambda s: s.encode())
con.create_function("nullfn", 0, lambda: None)
print(con.execute("select double(n), double(x), double(name) from t order by rowid").fetchall())
print(con.execute("select nargs(), nargs(1), nargs(1, 2, 3)").fetchone())
print(con.execute("select kind(1), kind(1.5), kind('s'), kind(x'00'), kind(null)").fetchone())
print(con.execute("select blobify('ab'), nullfn()").fetchone())
con.execute("create index idx on t(kind(name))")  # deterministic functions may be indexed
print("indexed")
try:
    con.execute("select double(1, 2)")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

def fail(*args):
    raise ValueError("inside")

con.create_function("fail", 0, fail)
con.create_function("huge", 0, lambda: 2**64)
con.create_function("weird", 0, lambda: [1])
for q in ("select fail()", "select huge()", "select weird()"):
    try:
        con.execute(q).fetchall()
    except sqlite3.Error as e:
        print(q, type(e).__name__, e)
con.create_function("double", 1, None)
try:
    con.execute("select double(1)")
except sqlite3.OperationalError as e:
    print("removed:", e)

class Summer:
    def __init__(self):
        self.total = 0

    def step(self, v, w=1):
        if v is not None:
            self.total += v * w

    def finalize(self):
        return self.total

class Joiner:
    def __init__(self):
        self.parts = []

    def step(self, v):
        self.parts.append(str(v))

    def finalize(self):
        return ",".join(sorted(self.parts))

con.create_aggregate("mysum", 1, Summer)
con.create_aggregate("wsum", 2, Summer)
con.create_aggregate("joined", 1, Joiner)
print(con.execute("select mysum(n), wsum(n, 10), joined(name) from t").fetchone())
print(con.execute("select mysum(n) from t where 0").fetchone())
print(con.execute("select joined(name) from t group by n > 2 order by 1").fetchall())

class BadInit:
    def __init__(self):
        raise RuntimeError

class BadStep:
    def step(self, v):
        raise RuntimeError

    def finalize(self):
        return 0

class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise RuntimeError

for name, cls in (("badinit", BadInit), ("badstep", BadStep), ("badfinal", BadFinal)):
    con.create_aggregate(name, 1, cls)
    try:
        con.execute(f"select {name}(n) from t").fetchall()
    except sqlite3.OperationalError as e:
        print(name, e)

def nocase_reverse(a, b):
    a, b = a.lower(), b.lower()
    return (a < b) - (a > b)

con.create_collation("rev", nocase_reverse)
print(con.execute("select name from t order by name collate rev").fetchall())
con.create_collation("rev", None)
try:
    con.execute("select name from t order by name collate rev")
except sqlite3.OperationalError as e:
    print("collation removed:", e)

# Authorizer: deny reading one column, ignore another.
def authorizer(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "x":
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and arg2 == "n":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK

con.set_authorizer(authorizer)
try:
    con.execute("select x from t")
except sqlite3.DatabaseError as e:
    print("authorizer:", type(e).__name__, e)
print(con.execute("select name, n from t order by name").fetchall())
con.set_authorizer(lambda *a: 1 / 0)
try:
    con.execute("select 1 from t")
except sqlite3.DatabaseError as e:
    print("raising authorizer:", e)
con.set_authorizer(None)
print(con.execute("select count(x) from t").fetchone())

# Progress handler: count calls, then abort.
calls = []
con.set_progress_handler(lambda: calls.append(1), 1)
con.execute("select count(*) from t").fetchone()
print("progress called", len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
try:
    con.execute("select count(*) from t").fetchone()
except sqlite3.OperationalError as e:
    print("progress abort:", e)
con.set_progress_handler(None, 1)

# Trace callback.
seen = []
con.set_trace_callback(seen.append)
con.execute("select ? + 1", (41,)).fetchone()
con.set_trace_callback(None)
con.execute("select 2")
print(seen)

# Connection usable from inside a function (re-entrant).
con.create_function("count_t", 0, lambda: con.execute("select count(*) from t").fetchone()[0])
print(con.execute("select count_t()").fetchone())
print(con.total_changes)
