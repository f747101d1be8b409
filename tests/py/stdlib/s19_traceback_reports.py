# Crash-report code: traceback.TracebackException/StackSummary formatting of
# nested, chained, recursive and grouped exceptions, written to a log buffer
# with host paths and line numbers made stable.
import io
import re
import sys
import traceback


def stable(text):
    text = re.sub(r'File "[^"]*[/\\]([^"/\\]+)"', r'File "\1"', text)
    text = re.sub(r"line \d+", "line N", text)
    return "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[~^]+\s*", l))


def parse_record(rec):
    key, _, value = rec.partition("=")
    return key, int(value)


def load(lines):
    out = {}
    for n, line in enumerate(lines, 1):
        try:
            k, v = parse_record(line)
        except ValueError as e:
            raise RuntimeError(f"bad record on line {n}") from e
        out[k] = v
    return out


try:
    load(["a=1", "b=two"])
except RuntimeError as exc:
    te = traceback.TracebackException.from_exception(exc)
    print(stable("".join(te.format())))
    print(stable("".join(te.format(chain=False))))
    print(stable("".join(traceback.format_exception(exc, limit=1))))
    print(stable("".join(traceback.format_exception(exc, chain=False, limit=-1))))
    print(type(te.__cause__).__name__, te.__cause__.exc_type.__name__, te.__suppress_context__)
    print(len(te.stack), [f.name for f in te.stack], [f.name for f in te.__cause__.stack])

try:
    try:
        {}["missing"]
    except KeyError:
        None.attr
except AttributeError as exc:
    buf = io.StringIO()
    traceback.print_exception(exc, file=buf)
    print(stable(buf.getvalue()))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("replaced") from None
except ValueError as exc:
    print(stable("".join(traceback.format_exception(exc))), exc.__suppress_context__, type(exc.__context__).__name__)


def recurse(n):
    if n == 0:
        raise OverflowError("bottom")
    return recurse(n - 1)


try:
    recurse(30)
except OverflowError as exc:
    print(stable("".join(traceback.format_exception(exc))))

try:
    raise ExceptionGroup("batch failed", [ValueError("v1"), ExceptionGroup("inner", [TypeError("t1"), KeyError("k")]),
                                          OSError(2, "No such file")])
except ExceptionGroup as eg:
    print(stable("".join(traceback.format_exception(eg))))
    m, rest = eg.split(ValueError)
    print(m, rest, [type(e).__name__ for e in rest.exceptions], eg.subgroup(lambda e: isinstance(e, KeyError)))

e = RuntimeError("with notes")
e.add_note("first note")
e.add_note("second\nmultiline note")
print(stable("".join(traceback.format_exception(e))))
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)

ss = traceback.StackSummary.from_list([("app.py", 10, "main", "run()"), ("lib.py", 20, "run", "step()")])
print("".join(ss.format()), [tuple(f) for f in ss])
fs = traceback.FrameSummary("x.py", 5, "func", line="return 1")
print(fs, fs.filename, fs.lineno, fs.name, fs.line, repr(fs))
print(traceback.format_list([("a.py", 1, "f", "x = 1")]), traceback.format_exception_only(ValueError, ValueError("msg")))
print(traceback.format_exception_only(KeyError("k")), traceback.format_exception_only(SyntaxError("bad", ("s.py", 1, 4, "a b c\n", 1, 6))))


class CustomErr(Exception):
    def __str__(self):
        return "custom str"


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")


print(traceback.format_exception_only(CustomErr()), traceback.format_exception_only(BadStr()))


def gen_frames():
    yield from traceback.walk_stack(sys._getframe())


print([f.f_code.co_name for f, _ in gen_frames()][:2])
try:
    def inner():
        raise LookupError("deep")
    def outer():
        inner()
    outer()
except LookupError as exc:
    print([(f.f_code.co_name, type(ln).__name__) for f, ln in traceback.walk_tb(exc.__traceback__)])
    print([fs.name for fs in traceback.extract_tb(exc.__traceback__, limit=2)])
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        traceback.print_exc(limit=1)
        sys.excepthook(type(exc), exc, exc.__traceback__)
        out = sys.stderr.getvalue()
    finally:
        sys.stderr = old
    print(stable(out))
