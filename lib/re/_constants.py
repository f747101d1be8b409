"""re._constants: the public constants of CPython's sre_constants.

ftpy's re (re/_engine.py) compiles patterns to its own program for the
native matcher _ftpy_sre, not to sre bytecode, so the sre opcode names
(LITERAL, BRANCH, OPCODES, ATCODES, MAGIC, ...) are left out: a program
could not use them with ftpy's engine.  What is here is true of ftpy's re:
the error class, the repeat and group limits and the flag bits.
"""

from ._engine import error, MAXREPEAT as _MAXREPEAT_VALUE

__all__ = ['error', 'MAXREPEAT', 'MAXGROUPS', 'SRE_FLAG_TEMPLATE',
           'SRE_FLAG_IGNORECASE', 'SRE_FLAG_LOCALE', 'SRE_FLAG_MULTILINE',
           'SRE_FLAG_DOTALL', 'SRE_FLAG_UNICODE', 'SRE_FLAG_VERBOSE',
           'SRE_FLAG_DEBUG', 'SRE_FLAG_ASCII']


class _NamedIntConstant(int):
    """An int that shows its name (CPython's constants print as names)."""

    def __new__(cls, value, name):
        self = super().__new__(cls, value)
        self.name = name
        return self

    def __repr__(self):
        return self.name

    __str__ = __repr__


# An unbounded repeat ({m,} or *) counts up to this.
MAXREPEAT = _NamedIntConstant(_MAXREPEAT_VALUE, 'MAXREPEAT')
# CPython's limit on capturing groups on a 64-bit build.
MAXGROUPS = 1073741823

# The flag bits (the same values as re.I, re.M, ...).
SRE_FLAG_TEMPLATE = 1
SRE_FLAG_IGNORECASE = 2
SRE_FLAG_LOCALE = 4
SRE_FLAG_MULTILINE = 8
SRE_FLAG_DOTALL = 16
SRE_FLAG_UNICODE = 32
SRE_FLAG_VERBOSE = 64
SRE_FLAG_DEBUG = 128
SRE_FLAG_ASCII = 256
