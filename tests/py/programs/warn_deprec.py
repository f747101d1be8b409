"""A library with deprecation warnings, filters and catch_warnings."""
import warnings
import functools
import sys


class MyLibWarning(UserWarning):
    pass


def deprecated(reason):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            warnings.warn(f"{fn.__name__} is deprecated: {reason}", DeprecationWarning, stacklevel=2)
            return fn(*a, **k)
        return wrapper
    return deco


@deprecated("use new_api")
def old_api(x):
    return x * 2


def lib_call(n):
    warnings.warn(f"value {n} is odd", MyLibWarning)
    return n


print(old_api(2))           # DeprecationWarning shown in __main__
for i in range(3):
    lib_call(1)             # shown once per location (default action)
lib_call(3)
warnings.warn("plain")
warnings.warn("plain")
warnings.warn(RuntimeWarning("instance warning"))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    old_api(1)
    lib_call(5)
    warnings.warn("bytes", BytesWarning)
    print([(x.category.__name__, str(x.message), x.lineno > 0, x.filename.endswith(".py")) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error", MyLibWarning)
    try:
        lib_call(7)
    except MyLibWarning as e:
        print("raised:", e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"value \d+ is", category=MyLibWarning)
    lib_call(9)
    warnings.filterwarnings("error", module="__main__", category=UserWarning)
    try:
        warnings.warn("user in main")
    except UserWarning as e:
        print("error filter:", e)
with warnings.catch_warnings():
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("once only", UserWarning)
        warnings.warn("once only", UserWarning)
with warnings.catch_warnings():
    warnings.simplefilter("module")
    for _ in range(2):
        warnings.warn("per module A")
        warnings.warn("per module B")

def showwarning(message, category, filename, lineno, file=None, line=None):
    print(f"custom: {category.__name__}: {message} (line {'?' if line is None else line!r})")

old = warnings.showwarning
warnings.showwarning = showwarning
warnings.warn("via custom", FutureWarning)
warnings.warn_explicit("explicit", SyntaxWarning, "fake.py", 12)
warnings.showwarning = old
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "source line"), end="")
print(warnings.formatwarning("msg", DeprecationWarning, "file.py", 3), end="")
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError", e)
try:
    warnings.filterwarnings("ignore", category=5)
except (AssertionError, TypeError) as e:
    print(type(e).__name__, e)
try:
    warnings.warn("x", category=int)
except TypeError as e:
    print("TypeError:", e)
print(len(warnings.filters) > 0, warnings.filters[0][0] if warnings.filters else None)
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("after reset, default action", ResourceWarning)
warnings.warn("user after reset")

def deep():
    warnings.warn("from deep, stacklevel 3", stacklevel=3)
def mid():
    deep()
mid()
warnings.warn("too deep", stacklevel=50)
sys.stderr.flush()
