import traceback, sys, warnings

def validate(rec):
    errs = []
    if not rec.get("name"):
        errs.append(ValueError("name missing"))
    if not isinstance(rec.get("age"), int):
        e = TypeError(f"age must be int, got {type(rec.get('age')).__name__}")
        e.add_note(f"record id={rec.get('id')}")
        errs.append(e)
    if errs:
        raise ExceptionGroup(f"record {rec.get('id')} invalid", errs)

records = [{"id": 1, "name": "a", "age": 3}, {"id": 2, "age": "x"}, {"id": 3, "name": "", "age": 1}]
problems = []
for r in records:
    try:
        validate(r)
    except* ValueError as eg:
        problems.append(("value", [str(e) for e in eg.exceptions]))
    except* TypeError as eg:
        problems.append(("type", [str(e) for e in eg.exceptions], [e.__notes__ for e in eg.exceptions]))
print(problems)

def nested():
    try:
        raise OSError(2, "No such file", "cfg.ini")
    except OSError as e:
        raise RuntimeError("config failed") from e

try:
    nested()
except RuntimeError:
    print(traceback.format_exc())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["k"]
except KeyError as e:
    print("".join(traceback.format_exception(e)))
    te = traceback.TracebackException.from_exception(e)
    print(list(te.format_exception_only()), te.exc_type.__name__, len(te.stack))

eg = ExceptionGroup("outer", [ValueError("v1"), ExceptionGroup("inner", [TypeError("t1"), KeyError("k")]), OSError("os")])
print(repr(eg), eg.message, len(eg.exceptions))
match, rest = eg.split(lambda e: isinstance(e, (TypeError, OSError)))
print(repr(match), repr(rest))
print(repr(eg.subgroup(KeyError)), eg.subgroup(ZeroDivisionError))
print("".join(traceback.format_exception(eg)))
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("VE", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("VE", e)
bg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
try:
    raise ExceptionGroup("eg", [ValueError(1)])
except* (TypeError, ValueError) as g:
    print("caught", repr(g))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rest:
    print("rest", repr(rest))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("deprecated thing", DeprecationWarning)
    warnings.warn_explicit("explicit", UserWarning, "fake.py", 12)
    print([(str(x.message), x.category.__name__, x.lineno) for x in w])
e = ValueError("with notes")
e.add_note("note 1"); e.add_note("note 2")
print("".join(traceback.format_exception_only(e)))
try:
    e.add_note(5)
except TypeError as te:
    print("TE", te)
def deep(n):
    if n == 0:
        raise RecursionError("fake deep")
    deep(n - 1)
try:
    deep(3)
except RecursionError:
    s = traceback.extract_tb(sys.exc_info()[2])
    print(len(s), [f.name for f in s], s[-1].line)
    print(traceback.format_list(s[-1:]))
sys.stderr.write("about to fail\n")
raise ExceptionGroup("final", [ValueError("a"), ExceptionGroup("sub", [KeyError("b")])])
