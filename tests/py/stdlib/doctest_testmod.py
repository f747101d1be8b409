"""doctest on this module's docstrings (needs io.IncrementalNewlineDecoder
and sys.gettrace/settrace(None)), plus the decoder itself.

>>> 1 + 1
2
"""
import codecs
import doctest
import io
import sys


def add(a, b):
    """Add two things.

    >>> add(2, 3)
    5
    >>> add('a', 'b')
    'ab'
    >>> add(1, 1)
    3
    """
    return a + b


def raises():
    """
    >>> raises()
    Traceback (most recent call last):
        ...
    ValueError: bad
    >>> [1, 2,
    ...  3]
    [1, 2, 3]
    >>> print(list(range(20)))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print("a   b")  # doctest: +NORMALIZE_WHITESPACE
    a b
    """
    raise ValueError("bad")


class K:
    """
    >>> K().m()
    'm'
    """

    def m(self):
        """
        >>> K().m() == 'm'
        True
        """
        return 'm'


# Failure reports name the file: print it relative to this directory.
class Relative:
    encoding = "utf-8"

    def __init__(self, out):
        self.out = out

    def write(self, s):
        self.out.write(s.replace(__file__, "doctest_testmod.py"))

    def flush(self):
        self.out.flush()


sys.stdout = Relative(sys.__stdout__)
print(doctest.testmod(verbose=False))
print(doctest.testmod(verbose=True, report=True))
doctest.run_docstring_examples(add, {"add": add}, name="add")
parsed = doctest.DocTestParser().get_examples(">>> x = 5\n>>> x * 2\n10\n")
print([(e.source, e.want) for e in parsed])
t = doctest.DocTestParser().get_doctest(">>> 2 ** 10\n1024\n", {}, "pow", "pow.txt", 0)
runner = doctest.DocTestRunner(verbose=False)
print(runner.run(t), runner.summarize(verbose=False))
sys.stdout = sys.__stdout__

# The hook doctest saves and restores: none is ever installed.
print(sys.gettrace(), sys.getprofile(), sys.settrace(None), sys.setprofile(None))

# io.IncrementalNewlineDecoder, with and without a wrapped decoder.
d = io.IncrementalNewlineDecoder(None, True)
for chunk in ["a\r", "\nb\rc", "\r", "", "d\n"]:
    print(repr(d.decode(chunk)), d.newlines, d.getstate())
print(repr(d.decode("x\r", final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d2 = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), False)
print(repr(d2.decode(b"h\xc3")), d2.getstate())
print(repr(d2.decode(b"\xa9\r\n\r")), d2.getstate(), d2.newlines)
d2.setstate((b"", 1))
print(repr(d2.decode(b"z", final=True)))
try:
    d.decode(b"x")
except TypeError as e:
    print("TypeError", e)
