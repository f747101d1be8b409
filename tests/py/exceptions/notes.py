try:
    e = ValueError("base")
    e.add_note("first note")
    e.add_note("second note")
    raise e
except ValueError as err:
    print(err, err.__notes__)
e = TypeError("t")
print(hasattr(e, "__notes__"))
try:
    e.add_note(5)
except TypeError as err:
    print(type(err).__name__, err)
def check(v):
    try:
        int(v)
    except ValueError as err:
        err.add_note(f"while parsing {v!r}")
        raise
try:
    check("abc")
except ValueError as err:
    print(err.__notes__)
