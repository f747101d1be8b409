# Logging configured the way applications do: dictConfig, several handlers
# with their own levels and formatters, filters, LoggerAdapter, exceptions.
import io
import logging
import logging.config
import logging.handlers

stream_a = io.StringIO()
stream_b = io.StringIO()


class OnlyDb(logging.Filter):
    def filter(self, record):
        return record.name.startswith("app.db")


config = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "brief": {"format": "%(levelname)-8s %(name)s: %(message)s"},
        "full": {"format": "[{levelname}] {name}:{funcName}:{lineno} {message}",
                 "style": "{"},
    },
    "filters": {"db": {"()": OnlyDb}},
    "handlers": {
        "a": {"class": "logging.StreamHandler", "level": "DEBUG",
              "formatter": "brief", "stream": stream_a},
        "b": {"class": "logging.StreamHandler", "level": "WARNING",
              "formatter": "full", "stream": stream_b, "filters": ["db"]},
    },
    "loggers": {
        "app": {"level": "DEBUG", "handlers": ["a", "b"], "propagate": False},
        "app.net": {"level": "INFO"},
    },
}
logging.config.dictConfig(config)

log = logging.getLogger("app")
db = logging.getLogger("app.db")
net = logging.getLogger("app.net")


def query(sql):
    db.debug("running %s", sql)
    if "DROP" in sql:
        db.error("refusing %r", sql)
    return len(sql)


query("SELECT 1")
query("DROP TABLE x")
net.debug("hidden debug")
net.info("connected to %s:%d", "example", 80)
net.warning("slow link")
log.critical("shutting %s", "down")


class RequestAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[req={self.extra['rid']}] {msg}", kwargs


ad = RequestAdapter(logging.getLogger("app.web"), {"rid": 42})
ad.info("start")
ad.warning("odd header %s", "X-Foo")

try:
    1 / 0
except ZeroDivisionError:
    log.exception("math failed")

print("---- stream a")
out = stream_a.getvalue()
# strip traceback file paths
for line in out.splitlines():
    if line.startswith('  File '):
        line = '  File ...' + line[line.index(','):]
    print(line)
print("---- stream b")
print(stream_b.getvalue(), end="")

# levels and names
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25),
      logging.getLevelName("ERROR"))
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25))
print(log.isEnabledFor(logging.DEBUG), net.isEnabledFor(logging.DEBUG),
      net.getEffectiveLevel())

# MemoryHandler flushing into a target
buf = io.StringIO()
target = logging.StreamHandler(buf)
target.setFormatter(logging.Formatter("%(levelname)s|%(message)s"))
mem = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
ml = logging.getLogger("mem")
ml.propagate = False
ml.setLevel(logging.DEBUG)
ml.addHandler(mem)
ml.info("one")
ml.info("two")
print("before flush:", repr(buf.getvalue()))
ml.error("three")
print("after error:", repr(buf.getvalue()))
mem.close()

# Formatter with percent style and custom date-free fields, record factory
old = logging.getLogRecordFactory()


def factory(*a, **k):
    r = old(*a, **k)
    r.user = "bob"
    return r


logging.setLogRecordFactory(factory)
b2 = io.StringIO()
h = logging.StreamHandler(b2)
h.setFormatter(logging.Formatter("%(user)s %(levelno)d %(message)s"))
l2 = logging.getLogger("fact")
l2.addHandler(h)
l2.propagate = False
l2.warning("hello %s %s", 1, [2])
logging.setLogRecordFactory(old)
print(b2.getvalue(), end="")

# QueueHandler / QueueListener round trip (single thread, deterministic)
import queue
q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
ql = logging.getLogger("queued")
ql.propagate = False
ql.addHandler(qh)
ql.warning("via queue %d", 7)
rec = q.get_nowait()
print(rec.getMessage(), rec.levelname, rec.msg, rec.args)
logging.shutdown()
