"""Sales report from an in-memory SQLite database: schema, inserts with
executemany, aggregates, joins, row factories, transactions and errors."""
import sqlite3
import csv
import io
import statistics
from collections import namedtuple

con = sqlite3.connect(":memory:")
con.execute("PRAGMA foreign_keys = ON")
con.executescript("""
CREATE TABLE region (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE rep (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                  region_id INTEGER NOT NULL REFERENCES region(id));
CREATE TABLE sale (id INTEGER PRIMARY KEY AUTOINCREMENT, rep_id INTEGER REFERENCES rep(id),
                   day TEXT, amount REAL CHECK (amount >= 0), units INTEGER DEFAULT 1);
""")
regions = ["North", "South", "East", "West"]
con.executemany("INSERT INTO region(name) VALUES (?)", [(r,) for r in regions])
reps = [("Ann", 1), ("Ben", 1), ("Cid", 2), ("Dee", 3), ("Eve", 3), ("Fay", 4)]
con.executemany("INSERT INTO rep(name, region_id) VALUES (?, ?)", reps)

sales = []
for i in range(60):
    rep_id = i % 6 + 1
    day = f"2024-{(i % 3) + 1:02d}-{(i * 7) % 28 + 1:02d}"
    amount = round(((i * 37) % 101) * 9.75 + rep_id * 3.5, 2)
    sales.append((rep_id, day, amount, (i % 5) + 1))
with con:
    con.executemany("INSERT INTO sale(rep_id, day, amount, units) VALUES (?, ?, ?, ?)", sales)
print("rows:", con.execute("SELECT count(*) FROM sale").fetchone()[0], "last id:", con.execute("SELECT max(id) FROM sale").fetchone())

cur = con.execute("""
    SELECT r.name AS rep, g.name AS region, count(*) AS n, round(sum(s.amount), 2) AS total,
           round(avg(s.amount), 2) AS mean, max(s.amount) AS best, sum(s.units) AS units
    FROM sale s JOIN rep r ON r.id = s.rep_id JOIN region g ON g.id = r.region_id
    GROUP BY r.id ORDER BY total DESC
""")
cols = [d[0] for d in cur.description]
print(cols)
rows = cur.fetchall()
widths = [max(len(str(x)) for x in col) for col in zip(cols, *rows)]
line = " | ".join(f"{c:^{w}}" for c, w in zip(cols, widths))
print(line)
print("-+-".join("-" * w for w in widths))
for row in rows:
    print(" | ".join(f"{v:>{w}}" if isinstance(v, (int, float)) else f"{v:<{w}}" for v, w in zip(row, widths)))

con.row_factory = sqlite3.Row
r = con.execute("SELECT g.name, sum(s.amount) AS total FROM sale s JOIN rep r ON r.id = s.rep_id "
                "JOIN region g ON g.id = r.region_id GROUP BY g.name HAVING total > ? ORDER BY g.name", (3000,)).fetchall()
print([(row["name"], round(row["total"], 2)) for row in r], r[0].keys(), tuple(r[0])[0])

Month = namedtuple("Month", "month n total")
con.row_factory = lambda cursor, row: Month(*row)
months = con.execute("SELECT substr(day, 1, 7), count(*), round(sum(amount), 2) FROM sale GROUP BY 1 ORDER BY 1").fetchall()
for m in months:
    print(f"{m.month}: {m.n:3d} sales {m.total:>10.2f}")
con.row_factory = None

amounts = [a for (a,) in con.execute("SELECT amount FROM sale ORDER BY amount")]
print("median", statistics.median(amounts), "mean", round(statistics.mean(amounts), 4),
      "stdev", round(statistics.stdev(amounts), 4), "quartiles", [round(q, 2) for q in statistics.quantiles(amounts, n=4)])
print("mode of units", statistics.mode(u for (u,) in con.execute("SELECT units FROM sale")))

for bad_sql, params in [("INSERT INTO sale(rep_id, day, amount) VALUES (?, ?, ?)", (99, "2024-01-01", 5)),
                        ("INSERT INTO sale(rep_id, day, amount) VALUES (?, ?, ?)", (1, "2024-01-01", -5)),
                        ("INSERT INTO region(name) VALUES (?)", ("North",)),
                        ("SELEKT 1", ()),
                        ("SELECT * FROM nowhere", ()),
                        ("SELECT ?", (1, 2))]:
    try:
        con.execute(bad_sql, params)
    except sqlite3.Error as e:
        print(f"{type(e).__name__}: {e}")

try:
    with con:
        con.execute("UPDATE sale SET amount = amount * 2 WHERE rep_id = 1")
        print("doubled:", con.total_changes > 0)
        raise RuntimeError("abort transaction")
except RuntimeError as e:
    print(e)
print("rep 1 total unchanged:", round(con.execute("SELECT sum(amount) FROM sale WHERE rep_id = 1").fetchone()[0], 2))

con.create_function("grade", 1, lambda a: "A" if a >= 700 else "B" if a >= 300 else "C")
print(con.execute("SELECT grade(amount), count(*) FROM sale GROUP BY 1 ORDER BY 1").fetchall())


class Spread:
    def __init__(self):
        self.lo, self.hi = None, None

    def step(self, v):
        self.lo = v if self.lo is None else min(self.lo, v)
        self.hi = v if self.hi is None else max(self.hi, v)

    def finalize(self):
        return round(self.hi - self.lo, 2)


con.create_aggregate("spread", 1, Spread)
print(con.execute("SELECT rep_id, spread(amount) FROM sale GROUP BY rep_id ORDER BY rep_id LIMIT 3").fetchall())
print(con.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(NULL), typeof(x'00'), 7 / 2, 7 / 2.0, 'a' || 'b'").fetchone())
print(con.execute("SELECT ?, ?, ?, ?", (None, b"\x00\x01", 2 ** 62, 1e100)).fetchone())
print(con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall())

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
w.writerow(["rep", "total"])
for name, total in con.execute("SELECT r.name, round(sum(amount), 1) FROM sale s JOIN rep r ON r.id = rep_id GROUP BY r.name ORDER BY r.name"):
    w.writerow([name, total])
print(out.getvalue(), end="")
cur = con.cursor()
cur.execute("SELECT id FROM sale WHERE id <= 5")
print(cur.fetchone(), cur.fetchmany(2), cur.fetchall(), cur.rowcount, cur.lastrowid)
con.close()
try:
    con.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
