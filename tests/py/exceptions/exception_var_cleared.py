e = "outer value"
try:
    raise ValueError("x")
except ValueError as e:
    inner = e
print("e" in dir(), repr(inner))
def keep():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
    return saved
x = keep()
print(type(x).__name__, x.__traceback__ is not None, x.__traceback__.tb_lineno)
import sys
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exception().__class__.__name__ if hasattr(sys, "exception") else "KeyError")
print(sys.exc_info())
