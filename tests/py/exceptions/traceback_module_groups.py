# traceback.format_exception_only for attribute and name errors, and the
# exception-group layout of traceback.format_exception.
import traceback

class Point:
    def __init__(self):
        self.x_coord = 1
        self.y_coord = 2
        self._hidden = 3

def last_line(exc):
    return traceback.format_exception_only(type(exc), exc)[-1].rstrip()

# (traceback.format_exception_only adds "Did you mean" hints from 3.12 on, not
# in 3.11, so only misses without a near name are printed.)
try:
    Point().zzzzzz
except AttributeError as e:
    print(last_line(e))
try:
    qqqqqqqqqq
except NameError as e:
    print(last_line(e))
print(last_line(AttributeError("plain")))

def group():
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [KeyError(2)])])

try:
    group()
except ExceptionGroup as e:
    lines = traceback.format_exception(e)
    text = "".join(lines)
    print("\n".join(l for l in text.splitlines() if "File" not in l and "group()" not in l and "raise" not in l))
