"""Logging configuration with formatters, handlers, filters and dictConfig."""
import logging
import logging.config
import io
import sys


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.getMessage().count("x") % 2 == 0


class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()


buf = io.StringIO()
cfg = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "short": {"format": "%(levelname)-8s %(name)s: %(message)s"},
        "brace": {"format": "{levelname:>7}|{name}|{message}", "style": "{"},
        "dollar": {"format": "$levelno $name $message", "style": "$"},
        "upper": {"()": Upper, "format": "%(name)s %(message)s"},
    },
    "filters": {"even": {"()": OnlyEven}},
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                "formatter": "short", "level": "DEBUG"},
        "buf": {"class": "logging.StreamHandler", "stream": buf, "formatter": "brace",
                "filters": ["even"]},
        "err": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
                "formatter": "dollar", "level": "ERROR"},
    },
    "loggers": {
        "app": {"level": "DEBUG", "handlers": ["out", "buf"], "propagate": True},
        "app.db": {"level": "WARNING"},
        "noisy": {"level": "CRITICAL", "handlers": ["out"], "propagate": False},
    },
    "root": {"level": "INFO", "handlers": ["err"]},
}
logging.config.dictConfig(cfg)

app = logging.getLogger("app")
db = logging.getLogger("app.db")
noisy = logging.getLogger("noisy")
app.debug("starting %s v%d", "svc", 3)
app.info("xx two x's")
app.warning("x one x")
db.info("hidden")
db.warning("slow query %.2fs", 1.23456)
db.error("connection lost")
noisy.error("nope")
noisy.critical("yes %r", {"a": 1})
print("effective:", db.getEffectiveLevel(), logging.getLevelName(db.getEffectiveLevel()))
print("enabled:", db.isEnabledFor(logging.INFO), app.isEnabledFor(logging.DEBUG))
print("buf:", buf.getvalue().splitlines())

try:
    1 / 0
except ZeroDivisionError:
    app.exception("failed dividing")

la = logging.LoggerAdapter(app, {"user": "bob"})
la.info("adapter message")

class Ctx(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['req']}] {msg}", kwargs

Ctx(app, {"req": 42}).warning("inside request")

h = logging.StreamHandler(sys.stdout)
h.setFormatter(Upper("%(levelname)s:%(message)s"))
lg = logging.getLogger("other")
lg.addHandler(h)
lg.propagate = False
lg.setLevel(logging.DEBUG)
lg.debug("upper me %s", "please")
lg.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
lg.log(25, "custom level named")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(33))

rec = logging.LogRecord("n", logging.INFO, "/x/y.py", 10, "m %s", ("a",), None)
print(rec.getMessage(), rec.filename, rec.module, rec.levelname, rec.lineno)
f = logging.Formatter("%(message)s", validate=True)
try:
    logging.Formatter("%(message", style="%")
except ValueError as e:
    print("ValueError", e)
try:
    logging.Formatter("{bad", style="{")
except ValueError as e:
    print("ValueError", e)

logging.disable(logging.WARNING)
app.warning("disabled")
app.error("shown")
logging.disable(logging.NOTSET)
lg.removeHandler(h)
lg.info("no handler")
logging.lastResort = None
logging.getLogger("zzz").propagate = False
logging.getLogger("zzz").warning("with no handlers")
logging.shutdown()
