# Logging to files like a daemon: fileConfig from an ini, RotatingFileHandler
# rollover, a fixed clock for asctime, a JSON formatter, filters adding
# context, warnings captured into logging, exception/stack info.
import io
import json
import logging
import logging.config
import logging.handlers
import os
import tempfile
import time
import warnings

FIXED = time.mktime((2024, 5, 6, 7, 8, 9, 0, 0, -1))


class FixedClockFormatter(logging.Formatter):
    converter = time.gmtime

    def formatTime(self, record, datefmt=None):
        record.created = 1714979289.123
        record.msecs = 123.0
        return super().formatTime(record, datefmt)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        d = {"level": record.levelname, "logger": record.name, "msg": record.getMessage(),
             "ctx": getattr(record, "ctx", None)}
        if record.exc_info:
            d["exc"] = record.exc_info[0].__name__
        return json.dumps(d, sort_keys=True)


class ContextFilter(logging.Filter):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx

    def filter(self, record):
        record.ctx = self.ctx
        return record.levelno != logging.DEBUG or self.ctx == "debug-ok"


with tempfile.TemporaryDirectory() as d:
    ini = os.path.join(d, "log.ini")
    logfile = os.path.join(d, "app.log")
    with open(ini, "w") as f:
        f.write(f"""
[loggers]
keys=root,svc

[handlers]
keys=file,buf

[formatters]
keys=plain

[logger_root]
level=WARNING
handlers=buf

[logger_svc]
level=DEBUG
handlers=file
qualname=svc
propagate=0

[handler_file]
class=FileHandler
level=INFO
formatter=plain
args=({logfile!r}, 'w', 'utf-8')

[handler_buf]
class=StreamHandler
level=NOTSET
formatter=plain
args=(sys.stdout,)

[formatter_plain]
format=%(levelname)s:%(name)s:%(message)s
""")
    logging.config.fileConfig(ini, disable_existing_loggers=False)
    svc = logging.getLogger("svc")
    svc.debug("not written")
    svc.info("service started on port %d", 8080)
    svc.getChild("db").warning("slow query: %.1f ms", 123.456)
    logging.getLogger("other").warning("goes to root (stdout)")
    logging.getLogger("other").info("dropped by root level")
    for h in svc.handlers:
        h.flush()
    print(open(logfile, encoding="utf-8").read(), end="")

    rot = os.path.join(d, "rot.log")
    rh = logging.handlers.RotatingFileHandler(rot, maxBytes=120, backupCount=2, encoding="utf-8")
    rh.setFormatter(logging.Formatter("%(message)s"))
    rl = logging.getLogger("rot")
    rl.propagate = False
    rl.setLevel(logging.INFO)
    rl.addHandler(rh)
    for i in range(12):
        rl.info("record number %02d with padding text", i)
    rh.close()
    for name in sorted(os.listdir(d)):
        if name.startswith("rot"):
            print(name, open(os.path.join(d, name)).read().split("\n")[:-1])

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(FixedClockFormatter("%(asctime)s|%(levelname)s|%(message)s"))
t = logging.getLogger("clock")
t.propagate = False
t.addHandler(h)
t.warning("fixed time")
h.setFormatter(FixedClockFormatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d %H:%M:%S"))
t.warning("custom datefmt")
print(stream.getvalue(), end="")

js = io.StringIO()
jh = logging.StreamHandler(js)
jh.setFormatter(JsonFormatter())
jl = logging.getLogger("json")
jl.propagate = False
jl.setLevel(logging.DEBUG)
jl.addHandler(jh)
jl.addFilter(ContextFilter("req-7"))
jl.debug("filtered out")
jl.info("user %s logged in", "ann")
try:
    int("x")
except ValueError:
    jl.exception("conversion failed")
jl.log(35, "custom level %d", 35)
print(js.getvalue(), end="")

cap = io.StringIO()
ch = logging.StreamHandler(cap)
ch.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
logging.getLogger("py.warnings").addHandler(ch)
logging.getLogger("py.warnings").propagate = False
logging.captureWarnings(True)
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("old api", DeprecationWarning)
logging.captureWarnings(False)
print(cap.getvalue().split(":")[-2].strip().split()[-1], "DeprecationWarning" in cap.getvalue(), "old api" in cap.getvalue())

si = io.StringIO()
sh = logging.StreamHandler(si)
sh.setFormatter(logging.Formatter("%(message)s"))
sl = logging.getLogger("stack")
sl.propagate = False
sl.addHandler(sh)
sl.warning("with stack", stack_info=True)
lines = si.getvalue().splitlines()
print(lines[0], lines[1], len(lines) > 2)
print(logging.getLogger("svc").getEffectiveLevel(), logging.getLogger("svc.db").getEffectiveLevel(),
      logging.getLogger().level, logging.root.handlers[0].__class__.__name__, logging.lastResort.level)
logging.disable(logging.CRITICAL)
logging.getLogger("other").critical("disabled")
logging.disable(logging.NOTSET)
logging.getLogger("other").error("enabled again")
logging.shutdown()
