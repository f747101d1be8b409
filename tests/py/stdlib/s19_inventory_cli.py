# An inventory command-line application end to end: argparse subcommands
# dispatching to functions, a sqlite3 store, CSV import/export, JSON
# output, shlex-split command scripts, exit codes and stderr messages.
import argparse
import contextlib
import csv
import io
import json
import shlex
import sqlite3
import sys

SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
    price_cents INTEGER NOT NULL
);
"""


class App:
    def __init__(self):
        self.db = sqlite3.connect(":memory:")
        self.db.row_factory = sqlite3.Row
        self.db.executescript(SCHEMA)
        self.parser = self.build()

    def build(self):
        p = argparse.ArgumentParser(prog="inv", exit_on_error=True)
        p.add_argument("--json", action="store_true")
        sub = p.add_subparsers(dest="cmd", required=True, metavar="COMMAND")
        a = sub.add_parser("add")
        a.add_argument("sku")
        a.add_argument("name")
        a.add_argument("--qty", type=int, default=0)
        a.add_argument("--price", type=lambda s: round(float(s) * 100), required=True)
        a.set_defaults(func=self.add)
        s = sub.add_parser("stock")
        s.add_argument("sku")
        s.add_argument("delta", type=int)
        s.set_defaults(func=self.stock)
        l = sub.add_parser("list")
        l.add_argument("--low", type=int, metavar="N")
        l.set_defaults(func=self.list)
        i = sub.add_parser("import")
        i.add_argument("csvtext")
        i.set_defaults(func=self.import_csv)
        e = sub.add_parser("export")
        e.set_defaults(func=self.export)
        return p

    def add(self, ns, out):
        try:
            with self.db:
                self.db.execute("INSERT INTO items VALUES (?, ?, ?, ?)", (ns.sku, ns.name, ns.qty, ns.price))
        except sqlite3.IntegrityError as e:
            raise SystemExit(f"inv: cannot add {ns.sku}: {e}")
        print(f"added {ns.sku}", file=out)

    def stock(self, ns, out):
        try:
            with self.db:
                cur = self.db.execute("UPDATE items SET qty = qty + ? WHERE sku = ?", (ns.delta, ns.sku))
        except sqlite3.IntegrityError:
            print(f"inv: stock of {ns.sku} cannot go below zero", file=sys.stderr)
            return 3
        if cur.rowcount == 0:
            print(f"inv: no such item {ns.sku}", file=sys.stderr)
            return 4
        print(f"{ns.sku} {ns.delta:+d}", file=out)

    def rows(self, low=None):
        sql = "SELECT * FROM items"
        args = ()
        if low is not None:
            sql += " WHERE qty < ?"
            args = (low,)
        return [dict(r) for r in self.db.execute(sql + " ORDER BY sku", args)]

    def list(self, ns, out):
        rows = self.rows(ns.low)
        if ns.json:
            json.dump(rows, out, indent=1)
            print(file=out)
            return
        for r in rows:
            print(f"{r['sku']:<6} {r['name']:<12} {r['qty']:>4} {r['price_cents'] / 100:>8.2f}", file=out)
        total = sum(r["qty"] * r["price_cents"] for r in rows) / 100
        print(f"{len(rows)} items, value {total:,.2f}", file=out)

    def import_csv(self, ns, out):
        reader = csv.DictReader(io.StringIO(ns.csvtext.replace("|", "\n")))
        n = 0
        with self.db:
            for row in reader:
                self.db.execute("INSERT OR REPLACE INTO items VALUES (:sku, :name, :qty, :price)",
                                {"sku": row["sku"], "name": row["name"], "qty": int(row["qty"]),
                                 "price": round(float(row["price"]) * 100)})
                n += 1
        print(f"imported {n}", file=out)

    def export(self, ns, out):
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["sku", "name", "qty", "price"])
        for r in self.rows():
            w.writerow([r["sku"], r["name"], r["qty"], f"{r['price_cents'] / 100:.2f}"])

    def run(self, line):
        argv = shlex.split(line, comments=True)
        if not argv:
            return None
        out, err = io.StringIO(), io.StringIO()
        code = 0
        with contextlib.redirect_stderr(err):
            try:
                ns = self.parser.parse_args(argv)
                code = ns.func(ns, out) or 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
                if isinstance(e.code, str):
                    print(e.code, file=sys.stderr)
        return code, out.getvalue(), err.getvalue()


SCRIPT = """
add W1 "Widget, small" --qty 10 --price 2.50
add W2 'Widget, large' --qty 3 --price 7.25   # a comment
add W1 duplicate --price 1
add G1 Gizmo --price abc
stock W2 -5
stock W2 +2
stock ZZ 1
import "sku,name,qty,price|G1,Gizmo,4,12.00|D1,\\"Doohickey \\"\\"pro\\"\\"\\",1,0.99"
list
list --low 5
--json list --low 3
export
remove W1
list --low
"""
app = App()
for line in SCRIPT.strip().splitlines():
    res = app.run(line)
    if res is None:
        continue
    code, out, err = res
    print(f"$ {line}")
    print(f"  [exit {code}]")
    for l in out.splitlines():
        print("  out:", l)
    for l in err.splitlines():
        print("  err:", l)
