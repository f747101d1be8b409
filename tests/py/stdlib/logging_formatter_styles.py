# logging with handlers, filters and the three Formatter styles; the '$'
# style validates its format through string.Template.pattern.
import io
import logging
import string
import sys

log = logging.getLogger("app")
log.setLevel(logging.DEBUG)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))
log.addHandler(h)
log.debug("debug %d", 1)
log.info("info %s", "x")
log.error("err %r", {"a": 1})
child = logging.getLogger("app.sub")
child.info("from child")
print(child.getEffectiveLevel(), child.parent.name)


class NoSecrets(logging.Filter):
    def filter(self, record):
        return "secret" not in record.getMessage()


h.addFilter(NoSecrets())
log.info("has secret")
log.info("plain")
buf = io.StringIO()
h2 = logging.StreamHandler(buf)
h2.setLevel(logging.WARNING)
h2.setFormatter(logging.Formatter("[%(levelno)s] %(funcName)s:%(message)s"))
log.addHandler(h2)


def fn():
    log.warning("in fn")
    log.info("in fn info")


fn()
print(repr(buf.getvalue()))
log.removeHandler(h2)
for fmt, style in [("{levelname}:{message}", "{"), ("$levelname:${message}", "$"),
                   ("%(levelname)s:%(message)s", "%")]:
    h.setFormatter(logging.Formatter(fmt, style=style))
    log.info("style %s", style)
for fmt, style in [("$nothing here", "$"), ("{oops", "{"), ("no fields", "%"), ("x", "#")]:
    try:
        logging.Formatter(fmt, style=style)
    except ValueError as e:
        print("ValueError", e)
logging.addLevelName(15, "VERBOSE")
h.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
log.log(15, "verbose msg")
logging.LoggerAdapter(log, {"user": "bob"}).info("adapted")

# string.Template.pattern is a compiled pattern, per class.
P = string.Template.pattern
print(type(P).__name__, sorted(P.groupindex))
print([(m.lastgroup, m.group()) for m in P.finditer("$a ${Bc} $$ $ x")])


class Pct(string.Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Pct.pattern is not P, [m.lastgroup for m in Pct.pattern.finditer("%abc %% %{d} %")])
print(Pct("%abc %%").substitute(abc=1))


class At(string.Template):
    pattern = r"@(?:(?P<escaped>@)|(?P<named>\w+)|{(?P<braced>\w+)}|(?P<invalid>))"


print(type(At.pattern).__name__, At("@x @@").substitute(x=2))
print(string.Template("$a").pattern is string.Template.pattern)
