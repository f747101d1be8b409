# An inventory database with sqlite3: schema, parameter styles, row
# factories, transactions, aggregates, user functions, errors.
import sqlite3
from contextlib import closing

con = sqlite3.connect(":memory:")
con.execute("PRAGMA foreign_keys = ON")
con.executescript("""
CREATE TABLE category (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    cat INTEGER REFERENCES category(id),
    qty INTEGER CHECK (qty >= 0),
    price REAL,
    data BLOB
);
CREATE INDEX item_cat ON item(cat);
""")
cats = [("tools",), ("food",), ("toys",)]
con.executemany("INSERT INTO category(name) VALUES (?)", cats)
items = [("hammer", 1, 5, 12.5, b"\x00\x01"), ("saw", 1, 2, 20.0, None), ("apple", 2, 100, 0.3, None),
         ("bread", 2, 0, 2.25, None), ("ball", 3, 7, 3.0, b"")]
cur = con.executemany("INSERT INTO item(name, cat, qty, price, data) VALUES (?, ?, ?, ?, ?)", items)
print(cur.rowcount, cur.lastrowid, con.total_changes)
con.commit()

for row in con.execute("""SELECT c.name, COUNT(*), SUM(i.qty), ROUND(AVG(i.price), 3)
                          FROM item i JOIN category c ON c.id = i.cat
                          GROUP BY c.name ORDER BY c.name"""):
    print(row)

con.row_factory = sqlite3.Row
r = con.execute("SELECT * FROM item WHERE name = :n", {"n": "hammer"}).fetchone()
print(r.keys(), r["price"], r[1], tuple(r), dict(r), len(r))
con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(con.execute("SELECT id, name FROM item ORDER BY id DESC LIMIT 2").fetchall())
con.row_factory = None

cur = con.cursor()
cur.execute("SELECT name, qty FROM item ORDER BY qty")
print(cur.fetchone(), cur.fetchmany(2), cur.fetchall(), cur.fetchone())
print([d[0] for d in cur.description], cur.arraysize)

errors = [
    ("INSERT INTO item(name, cat, qty) VALUES ('bad', 99, 1)", ()),
    ("INSERT INTO item(name, cat, qty) VALUES ('neg', 1, -1)", ()),
    ("INSERT INTO category(name) VALUES ('tools')", ()),
    ("INSERT INTO item(cat) VALUES (1)", ()),
    ("SELEC 1", ()),
    ("SELECT * FROM nowhere", ()),
    ("SELECT ?", (1, 2)),
    ("SELECT :a", {"b": 1}),
]
for sql, params in errors:
    try:
        con.execute(sql, params)
    except sqlite3.Error as e:
        print(type(e).__name__, e, getattr(e, "sqlite_errorname", None))

# transaction rollback via context manager
try:
    with con:
        con.execute("UPDATE item SET qty = qty - 1 WHERE name = 'saw'")
        con.execute("UPDATE item SET qty = qty - 10 WHERE name = 'saw'")
except sqlite3.IntegrityError as e:
    print("rolled back:", e)
print(con.execute("SELECT qty FROM item WHERE name='saw'").fetchone(), con.in_transaction)
with con:
    con.execute("UPDATE item SET qty = qty + 1 WHERE name = 'saw'")
print(con.execute("SELECT qty FROM item WHERE name='saw'").fetchone())

# user functions, aggregates, collations
con.create_function("rev", 1, lambda s: s[::-1] if s is not None else None, deterministic=True)


class Median:
    def __init__(self):
        self.v = []

    def step(self, x):
        self.v.append(x)

    def finalize(self):
        v = sorted(self.v)
        n = len(v)
        return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


con.create_aggregate("median", 1, Median)
con.create_collation("byLen", lambda a, b: (len(a) > len(b)) - (len(a) < len(b)))
print(con.execute("SELECT rev(name) FROM item ORDER BY id").fetchall())
print(con.execute("SELECT median(price), median(qty) FROM item").fetchone())
print(con.execute("SELECT name FROM item ORDER BY name COLLATE byLen, name").fetchall())
con.create_function("boom", 0, lambda: 1 / 0)
try:
    con.execute("SELECT boom()").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)

# types and adapters
print(con.execute("SELECT typeof(1), typeof(1.5), typeof('a'), typeof(x'00'), typeof(NULL)").fetchone())
print(con.execute("SELECT ?, ?, ?, ?", (2**62, 1e300, "é", memoryview(b"ab"))).fetchone())
try:
    con.execute("SELECT ?", (2**64,))
except OverflowError as e:
    print("OverflowError:", e)
try:
    con.execute("SELECT ?", (object(),))
except sqlite3.Error as e:
    print(type(e).__name__, e)
print(con.execute("SELECT data FROM item WHERE name='hammer'").fetchone())
con.text_factory = bytes
print(con.execute("SELECT name FROM item LIMIT 1").fetchone())
con.text_factory = str
print([r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','index') ORDER BY name")])
print(list(con.iterdump())[:4])
with closing(con.cursor()) as c2:
    c2.execute("SELECT count(*) FROM item")
    print(c2.fetchone()[0])
con.close()
try:
    con.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
print(sqlite3.paramstyle, sqlite3.threadsafety, sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT"))
