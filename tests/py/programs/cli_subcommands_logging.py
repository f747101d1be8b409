import argparse, logging, sys, io, json

def build():
    p = argparse.ArgumentParser(prog="tasks", description="Manage tasks.", epilog="See docs.",
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    p.add_argument("--db", default="tasks.json", metavar="PATH", help="database file")
    p.add_argument("--version", action="version", version="%(prog)s 1.2")
    sub = p.add_subparsers(dest="cmd", required=True, title="commands")
    a = sub.add_parser("add", help="add a task")
    a.add_argument("title", nargs="+")
    a.add_argument("-p", "--priority", type=int, choices=range(1, 4), default=2)
    a.add_argument("--tag", action="append", dest="tags", default=[])
    l = sub.add_parser("list", help="list tasks", aliases=["ls"])
    g = l.add_mutually_exclusive_group()
    g.add_argument("--done", action="store_true")
    g.add_argument("--pending", action="store_true")
    l.add_argument("--limit", type=int, default=None)
    d = sub.add_parser("done", help="finish a task")
    d.add_argument("ids", type=int, nargs="*")
    d.add_argument("--all", action=argparse.BooleanOptionalAction, default=False)
    return p

log = logging.getLogger("tasks")
def setup_logging(verbosity):
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter("%(levelname)-7s %(name)s.%(funcName)s: %(message)s"))
    log.handlers[:] = [h]
    log.setLevel([logging.WARNING, logging.INFO, logging.DEBUG][min(verbosity, 2)])
    log.propagate = False

def run(argv, db):
    p = build()
    try:
        args = p.parse_args(argv)
    except SystemExit as e:
        print(f"[exit {e.code}]")
        return
    setup_logging(args.verbose)
    log.debug("args=%r", vars(args))
    if args.cmd == "add":
        t = {"id": len(db) + 1, "title": " ".join(args.title), "prio": args.priority, "tags": args.tags, "done": False}
        db.append(t)
        log.info("added %(id)d %(title)s", t)
    elif args.cmd in ("list", "ls"):
        rows = [t for t in db if (not args.done or t["done"]) and (not args.pending or not t["done"])]
        for t in rows[:args.limit]:
            print(f"{t['id']:>3} [{'x' if t['done'] else ' '}] p{t['prio']} {t['title']}" + (f" #{' #'.join(t['tags'])}" if t["tags"] else ""))
    elif args.cmd == "done":
        ids = [t["id"] for t in db] if args.all else args.ids
        for i in ids:
            try:
                db[i - 1]["done"] = True
                log.info("done %d", i)
            except IndexError:
                log.warning("no task %d", i)
        if not ids:
            log.error("nothing to do")

db = []
for argv in [["add", "write", "report", "-p", "3", "--tag", "work", "--tag", "urgent", "-v"],
             ["add", "buy", "milk", "-vv"], ["ls"], ["done", "1", "7", "-v"], ["list", "--done"],
             ["list", "--pending", "--limit", "5"], ["done", "--all", "-v"], ["done"], ["list", "--done", "--pending"],
             ["add", "x", "-p", "9"], ["add"], ["frobnicate"], [], ["--version"], ["add", "--help"], ["-h"],
             ["done", "abc"], ["list", "--limit"], ["--db"], ["ls", "--lim", "1"]]:
    print(">>>", argv)
    sys.stderr = sys.stdout
    run(argv, db)
    sys.stderr = sys.__stderr__
print(json.dumps(db, indent=1, sort_keys=True))
root = logging.getLogger()
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
root.addHandler(h); root.setLevel(logging.DEBUG)
child = logging.getLogger("app.db.pool")
child.debug("connect %s:%d", "localhost", 5432)
adapter = logging.LoggerAdapter(logging.getLogger("app.web"), {"ip": "1.2.3.4"})
adapter.warning("slow request")
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("app").exception("math failed")
logging.getLogger("app").log(25, "custom level")
logging.addLevelName(25, "NOTICE")
logging.getLogger("app").log(25, "named level")
class OnlyDb(logging.Filter):
    def filter(self, rec): return rec.name.startswith("app.db")
h.addFilter(OnlyDb())
logging.getLogger("app.web").error("filtered out")
logging.getLogger("app.db").error("kept")
out = buf.getvalue()
print(out.replace(__file__, "FILE"))
print(logging.getLevelName(10), logging.getLevelName("WARNING"), logging.getLevelName(33), child.getEffectiveLevel(), child.parent.name)
logging.warning("to stderr via lastResort? %d", 1)
