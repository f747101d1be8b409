"""re._parser: the public names of CPython's sre_parse that hold for ftpy.

ftpy parses patterns in re/_engine.py into its own tree (tuples of plain
data, see that module), not into sre_parse's SubPattern of sre opcodes.
So parse(), SubPattern, Tokenizer, State, parse_template() and
expand_template() are left out rather than imitated: their results are
only useful to code that knows sre's opcodes.  The character sets, the
inline-flag tables and fix_flags() are here.
"""

from ._constants import *
from ._constants import __all__ as _constants_all

__all__ = list(_constants_all) + [
    'SPECIAL_CHARS', 'REPEAT_CHARS', 'DIGITS', 'OCTDIGITS', 'HEXDIGITS',
    'ASCIILETTERS', 'WHITESPACE', 'FLAGS', 'TYPE_FLAGS', 'GLOBAL_FLAGS',
    'MAXWIDTH', 'fix_flags']

SPECIAL_CHARS = ".\\[{()*+?^$|"
REPEAT_CHARS = "*+?{"

DIGITS = frozenset("0123456789")
OCTDIGITS = frozenset("01234567")
HEXDIGITS = frozenset("0123456789abcdefABCDEF")
ASCIILETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
WHITESPACE = frozenset(" \t\n\r\v\f")

# The widest a pattern can match (sre reports wider widths as this).
MAXWIDTH = 1 << 64

# Inline flag letters: (?i), (?aiLmsux-imsx:...).
FLAGS = {
    "i": SRE_FLAG_IGNORECASE,
    "L": SRE_FLAG_LOCALE,
    "m": SRE_FLAG_MULTILINE,
    "s": SRE_FLAG_DOTALL,
    "x": SRE_FLAG_VERBOSE,
    "a": SRE_FLAG_ASCII,
    "t": SRE_FLAG_TEMPLATE,
    "u": SRE_FLAG_UNICODE,
}

# The flags that choose the character model, and those only allowed at the
# start of a pattern.
TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE
GLOBAL_FLAGS = SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE


def fix_flags(src, flags):
    """The flags a pattern of src's type compiles with: a str pattern
    without ASCII gets UNICODE; incompatible combinations raise
    ValueError (as re.compile does)."""
    if isinstance(src, str):
        if flags & SRE_FLAG_LOCALE:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & SRE_FLAG_ASCII:
            flags |= SRE_FLAG_UNICODE
        elif flags & SRE_FLAG_UNICODE:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & SRE_FLAG_UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & SRE_FLAG_LOCALE and flags & SRE_FLAG_ASCII:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags
