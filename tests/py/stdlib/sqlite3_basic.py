# sqlite3 on ftpy's native _sqlite3: connections, cursors, parameters,
# fetching, transactions, row factories, Row, iterdump, file databases.
import os
import shutil
import sqlite3
import tempfile

print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety)
print(type(sqlite3.sqlite_version_info), len(sqlite3.sqlite_version_info))
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY)

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level == "", con.in_transaction, con.total_changes)
cur = con.cursor()
print(cur.connection is con, cur.rowcount, cur.lastrowid, cur.description, cur.arraysize)
cur.execute("create table people(id integer primary key, name text, age int, score real, data blob)")
print("create", cur.rowcount, cur.description)
cur.execute("insert into people(name, age, score, data) values (?, ?, ?, ?)", ("ann", 31, 1.5, b"\x00\x01"))
print("insert", cur.rowcount, cur.lastrowid, con.in_transaction)
cur.execute("insert into people(name, age) values (:name, :age)", {"name": "bob", "age": 42})
print("named", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people(name, age) values (?, ?)", [("cy", 7), ("dee", 19), ("eve", 55)])
print("many", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people(name, age) values (?, ?)", ((f"gen{i}", i) for i in range(3)))
print("generator", cur.rowcount)
con.commit()
print("committed", con.in_transaction, con.total_changes)

cur.execute("select id, name, age, score, data from people order by id")
print([d[0] for d in cur.description], cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany(2))
cur.arraysize = 2
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())
for row in con.execute("select name from people where age > ? order by name", (18,)):
    print("iter", row)
print(con.execute("select count(*), sum(age), avg(score) from people").fetchone())
print(con.execute("select ?, ?, ?, ?, ?", (None, 2**63 - 1, -2.5, "h\u00e9llo \u2603", bytearray(b"ab"))).fetchone())
print(con.execute("select ?", (memoryview(b"mv"),)).fetchone())
print(con.execute("select ?", (True,)).fetchone())
print(con.execute("select :a || :a", {"a": "x"}).fetchone())
print(con.execute("").fetchall(), con.execute("-- only a comment").fetchall())

cur.execute("update people set age = age + 1 where age < 20")
print("update", cur.rowcount, con.in_transaction)
con.rollback()
print("rolled back", con.in_transaction, con.execute("select age from people where name='cy'").fetchone())
cur.execute("delete from people where name like 'gen%'")
print("delete", cur.rowcount)
con.commit()

# Context manager: commit on success, rollback on an exception.
with con:
    con.execute("insert into people(name) values ('ctx')")
print(con.execute("select count(*) from people where name='ctx'").fetchone(), con.in_transaction)
try:
    with con:
        con.execute("insert into people(name) values ('gone')")
        raise KeyError("boom")
except KeyError as e:
    print("KeyError", e)
print(con.execute("select count(*) from people where name='gone'").fetchone())

# isolation_level None: autocommit, explicit transactions.
con.isolation_level = None
print(repr(con.isolation_level))
con.execute("insert into people(name) values ('auto')")
print("autocommit", con.in_transaction)
con.execute("begin")
con.execute("insert into people(name) values ('explicit')")
print("explicit", con.in_transaction)
con.execute("rollback")
con.isolation_level = "IMMEDIATE"
con.execute("insert into people(name) values ('imm')")
print("immediate", con.in_transaction, con.isolation_level)
con.isolation_level = None
print("None commits", con.in_transaction)
con.isolation_level = "deferred"
print(con.isolation_level)

# row_factory / text_factory.
con.row_factory = sqlite3.Row
row = con.execute("select id, name as Name, age from people where name = 'bob'").fetchone()
print(type(row).__name__, row.keys(), len(row), tuple(row), row["name"], row["NAME"], row[1], row[-1], row[0:2])
row2 = con.execute("select id, name as Name, age from people where name = 'bob'").fetchone()
print(row == row2, row != row2, hash(row) == hash(row2), row == tuple(row))
print(isinstance(row, __import__("collections").abc.Sequence))
con.row_factory = lambda c, r: {d[0]: v for d, v in zip(c.description, r)}
print(con.execute("select 1 as one, 'x' as two").fetchone())
con.row_factory = None
c2 = con.cursor()
c2.row_factory = lambda c, r: r[0]
print(c2.execute("select name from people order by id limit 3").fetchall())
con.text_factory = bytes
print(con.execute("select 'text'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("select 'shout'").fetchone())
con.text_factory = str
print(con.execute("select 'plain'").fetchone())

# executescript and iterdump.
con.executescript("""
    create table kv(k text primary key, v);
    insert into kv values ('a', 1);
    insert into kv values ('b', 'two');
""")
print(con.execute("select * from kv order by k").fetchall())
for line in con.iterdump():
    if "kv" in line:
        print("dump", line)

# Subclasses of Connection and Cursor, connect(factory=).
class MyCursor(sqlite3.Cursor):
    def first(self):
        return self.fetchone()[0]

class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opened = True

    def cursor(self, factory=MyCursor):
        return super().cursor(factory)

mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__, mc.opened, type(mc.cursor()).__name__)
print(mc.cursor().execute("select 41 + 1").first())
mc.close()

# A file database in a temporary directory, shared by two connections.
tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, "test.db")
    a = sqlite3.connect(path)
    a.execute("create table t(x)")
    a.execute("insert into t values (1)")
    b = sqlite3.connect(path, timeout=0.1)
    print("uncommitted", b.execute("select count(*) from t").fetchone())
    a.commit()
    print("b sees", b.execute("select count(*) from t").fetchone())
    dest = sqlite3.connect(":memory:")
    a.backup(dest)
    print("backup", dest.execute("select * from t").fetchall())
    a.close()
    b.close()
    dest.close()
    uri = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    print("uri", uri.execute("select * from t").fetchall())
    uri.close()
finally:
    shutil.rmtree(tmp)

con.close()
print("closed")
