"""re._compiler: CPython's sre_compile entry points that hold for ftpy.

compile(pattern, flags) compiles a str or bytes pattern (or returns a
compiled one) without going through re's cache, as sre_compile.compile
does.  CPython's version also accepts a parsed pattern from
sre_parse.parse(); ftpy's parser tree is its own (re/_engine.py), so
there is no parse() to pass it and dis() and the sre code helpers are left
out.
"""

from ._constants import *
from ._constants import __all__ as _constants_all

__all__ = list(_constants_all) + ['compile', 'isstring']


def isstring(obj):
    """True for the pattern types: str and bytes."""
    return isinstance(obj, (str, bytes))


def compile(p, flags=0):
    """A new Pattern for p (not taken from re's compile cache)."""
    import re
    return re._compile_uncached(p, flags)
