# doctest.testmod on a module with docstrings, traceback formatting of
# chained exceptions, and warnings filters / catch_warnings.
import doctest
import io
import re
import sys
import traceback
import types
import warnings

SRC = '''
"""Inventory helpers.

>>> total([1, 2, 3])
6
"""

def total(xs):
    """Sum a list.

    >>> total([])
    0
    >>> total([1.5, 2.5])
    4.0
    >>> total(None)
    Traceback (most recent call last):
        ...
    TypeError: 'NoneType' object is not iterable
    """
    return sum(xs)

def broken(n):
    """A doctest that fails.

    >>> broken(2)
    5
    >>> [broken(i) for i in range(3)]   # doctest: +NORMALIZE_WHITESPACE
    [0,   2,
     4]
    >>> print("a\\n\\nb")
    a
    <BLANKLINE>
    b
    >>> broken("x")  # doctest: +ELLIPSIS
    'xx...'
    """
    return n * 2

class Box:
    """A box.

    >>> b = Box(3)
    >>> b.size
    3
    >>> b.grow().size
    4
    """
    def __init__(self, size):
        self.size = size

    def grow(self):
        """>>> Box(1).grow().size
        2
        """
        self.size += 1
        return self
'''
mod = types.ModuleType("inventory")
exec(compile(SRC, "inventory.py", "exec"), mod.__dict__)
sys.modules["inventory"] = mod
old = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    res = doctest.testmod(mod, verbose=False, report=True)
finally:
    sys.stdout = old
out = re.sub(r'File "[^"]*", line \d+', 'File "F", line N', buf.getvalue())
print(out)
print(res)
finder = doctest.DocTestFinder()
tests = sorted(finder.find(mod), key=lambda t: t.name)
print([(t.name, len(t.examples)) for t in tests])
parser = doctest.DocTestParser()
ex = parser.get_examples(">>> 1 + 1\n2\n>>> x = 5\n>>> x\n5\n")
print([(e.source, e.want) for e in ex])
r = doctest.DocTestRunner(verbose=False)
t = parser.get_doctest(">>> 2 * 3\n6\n", {}, "inline", "inline.txt", 0)
print(r.run(t), r.summarize(verbose=False))


class ConfigError(Exception):
    pass


def load(path):
    try:
        return {"a": 1}[path]
    except KeyError as e:
        raise ConfigError(f"cannot load {path!r}") from e


def outer():
    try:
        load("b")
    except ConfigError:
        raise RuntimeError("startup failed")


try:
    outer()
except RuntimeError as exc:
    text = "".join(traceback.format_exception(exc))
    text = re.sub(r'File "[^"]*"', 'File "F"', text)
    print("\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[~^]+\s*", l)))
    print(traceback.format_exception_only(type(exc), exc))
    tb = traceback.extract_tb(exc.__traceback__)
    print([(f.name, f.line) for f in tb], len(tb))
    te = traceback.TracebackException.from_exception(exc)
    print(te.exc_type.__name__, str(te), te.__cause__, type(te.__context__.exc_type).__name__)
    print([l for l in te.format_exception_only()])
stack = traceback.extract_stack(limit=1)
print(stack[0].name, type(stack).__name__)
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = = 1\n"))))
try:
    compile("def f(:\n  pass", "m.py", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)))
e2 = ValueError("with note")
e2.add_note("note one")
print(traceback.format_exception_only(e2))
try:
    raise ExceptionGroup("many", [ValueError(1), TypeError("t")])
except ExceptionGroup as eg:
    lines = "".join(traceback.format_exception(eg))
    print(re.sub(r'File "[^"]*", line \d+', 'File "F"', lines))


def deprecated_api():
    warnings.warn("use new_api()", DeprecationWarning, stacklevel=2)
    return 1


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    deprecated_api()
    warnings.warn("plain")
    warnings.warn("bytes", BytesWarning)
    warnings.warn(UserWarning("instance"))
    print([(x.category.__name__, str(x.message), x.lineno > 0) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("error", message="fatal.*")
    warnings.filterwarnings("always", category=RuntimeWarning)
    warnings.warn("ignored")
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    try:
        warnings.warn("fatal thing")
    except UserWarning as e:
        print("raised:", e)
    print(len(w), [str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("repeat")
    print(len(w))
with warnings.catch_warnings():
    warnings.simplefilter("default")
    old_stderr = sys.stderr
    sys.stderr = err = io.StringIO()
    try:
        warnings.warn_explicit("explicit", UserWarning, "mod.py", 42)
        warnings.showwarning("shown", FutureWarning, "z.py", 7)
    finally:
        sys.stderr = old_stderr
    print(repr(err.getvalue()))
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line = 1"))
print(len(warnings.filters) > 0, warnings.defaultaction)
