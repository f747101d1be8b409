"""Exception groups, except*, add_note, and uncaught chained exceptions."""
import traceback
import sys


class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field


def validate(record):
    errors = []
    if not record.get("name"):
        errors.append(ValidationError("name", "required"))
    if not isinstance(record.get("age"), int):
        errors.append(TypeError(f"age must be int, got {type(record.get('age')).__name__}"))
    elif record["age"] < 0:
        e = ValidationError("age", "negative")
        e.add_note(f"record id={record.get('id')}")
        e.add_note("ages start at zero")
        errors.append(e)
    if errors:
        raise ExceptionGroup(f"record {record.get('id')} invalid", errors)
    return record


records = [
    {"id": 1, "name": "ann", "age": 30},
    {"id": 2, "name": "", "age": "x"},
    {"id": 3, "name": "bo", "age": -4},
    {"id": 4, "age": None},
]
for r in records:
    try:
        validate(r)
        print("valid", r["id"])
    except* ValidationError as eg:
        print("validation:", [str(e) for e in eg.exceptions], [e.__notes__ for e in eg.exceptions if hasattr(e, "__notes__")])
    except* TypeError as eg:
        print("type:", repr(eg), eg.message)

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError("k")])
print(repr(eg), str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print(eg.subgroup(OSError))
print(repr(eg.derive([RuntimeError("d")])))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, type(BaseExceptionGroup("c", [ValueError()])).__name__)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("x", None)
except TypeError as e:
    print("TypeError:", e)

print("--- format group ---")
try:
    try:
        raise eg
    except* KeyError:
        print("handled KeyError")
except ExceptionGroup as left:
    traceback.print_exception(left, file=sys.stdout)

print("--- notes ---")
try:
    e = RuntimeError("with notes")
    e.add_note("note one")
    e.add_note("note two\nmultiline")
    raise e
except RuntimeError as e:
    print("".join(traceback.format_exception_only(e)), end="")
    try:
        e.add_note(5)
    except TypeError as te:
        print("TypeError:", te)

print("--- raise in except* ---")
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise RuntimeError("from handler")
except BaseException as e:
    print(type(e).__name__, repr(e.exceptions) if hasattr(e, "exceptions") else e)
    traceback.print_exception(e, file=sys.stdout, chain=True)

print("--- chained uncaught ---")


def load(path):
    try:
        return {"a": 1}[path]
    except KeyError as e:
        raise FileNotFoundError(2, "No such config", path) from e


def main():
    try:
        load("zz")
    except OSError:
        raise ExceptionGroup("startup failed", [RuntimeError("boot"), ValueError("cfg")])


main()
