import logging
import logging.handlers
import sys
import io
import json


class JsonFormatter(logging.Formatter):
    def format(self, record):
        payload = {"level": record.levelname, "logger": record.name, "msg": record.getMessage()}
        if record.exc_info:
            payload["exc"] = record.exc_info[0].__name__
        if hasattr(record, "user"):
            payload["user"] = record.user
        return json.dumps(payload, sort_keys=True)


class OnlyErrors(logging.Filter):
    def filter(self, record):
        return record.levelno >= logging.ERROR


class RedactFilter(logging.Filter):
    def filter(self, record):
        if isinstance(record.msg, str) and "password" in record.msg:
            record.msg = record.msg.replace(record.args[0] if record.args else "", "***") if record.args else record.msg
            record.args = ()
        return True


root = logging.getLogger()
root.setLevel(logging.DEBUG)
out = logging.StreamHandler(sys.stdout)
out.setLevel(logging.INFO)
out.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))
root.addHandler(out)

errs = logging.StreamHandler(sys.stderr)
errs.addFilter(OnlyErrors())
errs.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s:%(lineno)d %(message)s"))
root.addHandler(errs)

memory = io.StringIO()
js = logging.StreamHandler(memory)
js.setFormatter(JsonFormatter())
root.addHandler(js)

log = logging.getLogger("app")
db = logging.getLogger("app.db")
db.addFilter(RedactFilter())
net = logging.getLogger("app.net")
net.setLevel(logging.WARNING)

log.debug("debug is hidden on stdout but kept in json")
log.info("starting %s version %d.%d", "svc", 1, 4)
db.info("connecting with password %s", "hunter2")
net.info("this is filtered by the logger level")
net.warning("retrying in %.1f s", 1.5)
log.info("user action", extra={"user": "ann"})


def risky(n):
    return 10 / n


try:
    risky(0)
except ZeroDivisionError:
    log.exception("risky failed for n=%d", 0)

log.error("plain error, no traceback")
log.log(25, "custom level 25")
logging.addLevelName(25, "NOTICE")
log.log(25, "custom level named")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(logging.WARNING), logging.getLevelName(7))
print(db.getEffectiveLevel(), net.getEffectiveLevel(), db.parent is log, log.parent is root, db.isEnabledFor(logging.DEBUG))
print(logging.getLogger("app.db") is db, db.name, [type(h).__name__ for h in root.handlers])

ad = logging.LoggerAdapter(log, {"user": "bob"})
ad.warning("adapter message")

mem = logging.handlers.MemoryHandler(capacity=3, flushLevel=logging.CRITICAL, target=out)
buf_log = logging.getLogger("buffered")
buf_log.propagate = False
buf_log.addHandler(mem)
for i in range(5):
    buf_log.warning("buffered %d", i)
print("-- before flush")
mem.flush()
print("-- after flush")

bad = logging.getLogger("bad")
bad.propagate = False
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(message)s"))
bad.addHandler(h)
bad.warning("%d apples", 3)
bad.warning("{} braces stay")
fmt = logging.Formatter("{levelname}|{name}|{message}", style="{")
h.setFormatter(fmt)
bad.warning("brace style %s", "ok")
h.setFormatter(logging.Formatter("$levelname $message", style="$"))
bad.error("dollar style")
try:
    logging.Formatter("%(", style="%").format(logging.makeLogRecord({"msg": "x"}))
except ValueError as e:
    print("ValueError:", e)

print("json lines:")
for line in memory.getvalue().splitlines():
    rec = json.loads(line)
    print(" ", rec)

rec = logging.makeLogRecord({"name": "made", "levelno": 30, "levelname": "WARNING", "msg": "hi %s", "args": ("there",)})
print(rec.getMessage(), rec.name, rec.levelno)
logging.disable(logging.ERROR)
log.error("disabled")
logging.disable(logging.NOTSET)
log.critical("enabled again")
logging.shutdown()
