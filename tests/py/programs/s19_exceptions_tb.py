"""Exceptions of every shape, printed by traceback and finally uncaught."""
import sys
import traceback
import contextlib


class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f"[E{self.code}] {self.args[0]}"


class ConfigError(AppError):
    pass


class RetryError(AppError):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts} attempts", code=99)
        self.attempts = attempts

    def __reduce__(self):
        return (RetryError, (self.attempts,))


def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}", code=2) from e
    if not 0 < port < 65536:
        raise ConfigError(f"port out of range: {port}", code=3)
    return port


def load(cfg):
    return {k: parse_port(v) if k.endswith("port") else v for k, v in cfg.items()}


def retry(fn, attempts=3):
    errors = []
    for i in range(attempts):
        try:
            return fn(i)
        except OSError as e:
            errors.append(e)
    raise RetryError(attempts) from errors[-1]


def flaky(i):
    raise ConnectionResetError(104, f"reset on try {i}")


for cfg in [{"port": "8080", "host": "h"}, {"port": "eighty"}, {"admin_port": "70000"}]:
    try:
        print(load(cfg))
    except ConfigError as e:
        print(f"{type(e).__name__}: {e} code={e.code} args={e.args} cause={e.__cause__!r}")

try:
    retry(flaky)
except RetryError as e:
    print(e, "|", repr(e.__cause__), e.__cause__.errno, e.__cause__.strerror, e.__suppress_context__)
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print("".join(lines).replace(__file__, "FILE"))

try:
    try:
        {}["missing"]
    except KeyError:
        1 / 0
except ZeroDivisionError as e:
    print("context:", repr(e.__context__), "cause:", e.__cause__)
    traceback.print_exc(file=sys.stdout)

print("--- print_exception with limit ---")


def a(n):
    if n == 0:
        raise RecursionError("bottom reached")
    return a(n - 1)


try:
    a(5)
except RecursionError:
    traceback.print_exc(limit=2, file=sys.stdout)
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, len(traceback.extract_tb(tb)))
    fs = traceback.extract_tb(tb)[-1]
    print(fs.name, fs.lineno, fs.line, type(fs).__name__)
print(sys.exc_info())

print("--- finally and return ---")


def tricky():
    try:
        return "try"
    finally:
        print("finally runs")


def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "loop done"


def override():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"


print(tricky(), swallow(), override())

print("--- suppress / ExceptionGroup ---")
with contextlib.suppress(FileNotFoundError, KeyError):
    open("/nonexistent/dir/file")
print("suppressed")

try:
    raise ExceptionGroup("batch failed", [ValueError("v1"), TypeError("t1"),
                                          ExceptionGroup("inner", [ValueError("v2"), OSError("o1")])])
except* ValueError as eg:
    print("values:", eg.exceptions, [str(x) for x in eg.exceptions])
except* (TypeError, OSError) as eg:
    print("others:", repr(eg))

eg = ExceptionGroup("g", [KeyError(1), ValueError(2), KeyError(3)])
match, rest = eg.split(KeyError)
print(match, rest, eg.subgroup(lambda e: isinstance(e, ValueError)))
traceback.print_exception(eg, file=sys.stdout)

e = ValueError("with notes")
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    raise e
except ValueError:
    traceback.print_exc(file=sys.stdout)

print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n"))))
try:
    compile("def f(:\n  pass", "<src>", "exec")
except SyntaxError as se:
    print(se.msg, se.lineno, se.offset, se.filename, repr(se.text))

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as ae:
    print("AssertionError:", ae)

try:
    raise SystemExit(3)
except SystemExit as se:
    print("caught SystemExit", se.code)

try:
    import nonexistent_module_xyz
except ModuleNotFoundError as me:
    print(me, me.name)

try:
    None.attr
except AttributeError as ae:
    print(ae, ae.name if hasattr(ae, "name") else "")

print("about to fail", flush=True)
cfg = {"db": {"port": "x"}}
load(cfg["db"])
