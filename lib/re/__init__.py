"""Regular expressions, written for ftpy.

The public API of CPython's re module (compile, search, match, fullmatch,
split, findall, finditer, sub, subn, escape, purge, Pattern, Match, the
flags and error).  re/_engine.py parses a pattern and generates a program
for the native module _ftpy_sre, whose compile() returns the Pattern:
re.Pattern and re.Match are native types (src/modules/re_pattern.cpp,
re_match.cpp), so matching, group access, findall, split, finditer and
sub() run without Python frames.  Only a replacement template with
backslashes is parsed here (_compile_template, cached), called back by the
native sub() and Match.expand().  Patterns may be str or bytes; a bytes
pattern matches bytes (other bytes-like subjects are copied into bytes
first).  re._constants, re._parser and re._compiler (and their deprecated
names sre_constants, sre_parse, sre_compile) hold the parts of CPython's
modules of those names that are true of this engine.

Thread safety: compiled patterns are immutable (re_types.h); each match
attempt has its own native state.  The compile and template caches are
dicts whose single operations are atomic, and a lost race only compiles a
pattern or a template twice.
"""

# The version CPython 3.11's re reports.
__version__ = "2.2.1"

import _ftpy_sre
from . import _engine
from ._engine import error
error.__module__ = 're'

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split',
           'findall', 'finditer', 'compile', 'purge', 'template', 'escape',
           'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U',
           'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE',
           'UNICODE', 'NOFLAG', 'RegexFlag']


class _RegexFlagType(type):
    """The class side of CPython's RegexFlag enum: iteration over the nine
    canonical members, len(), RegexFlag['I'], __members__ (aliases
    included) and the repr <flag 'RegexFlag'>."""

    def __iter__(cls):
        return iter([getattr(cls, name) for name, _ in cls._names])

    def __len__(cls):
        return len(cls._names)

    def __getitem__(cls, name):
        return cls.__members__[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member in list(cls)

    @property
    def __members__(cls):
        import types
        members = {'NOFLAG': cls.NOFLAG}
        for name, _ in cls._names:
            members[name] = getattr(cls, name)
            if name in cls._aliases:
                members[cls._aliases[name]] = getattr(cls, name)
        return types.MappingProxyType(members)

    def __repr__(cls):
        return "<flag 'RegexFlag'>"


class RegexFlag(int, metaclass=_RegexFlagType):
    """A combination of re flags; its repr names them (re.I|re.M)."""

    _aliases = {'ASCII': 'A', 'IGNORECASE': 'I', 'LOCALE': 'L', 'UNICODE': 'U',
                'MULTILINE': 'M', 'DOTALL': 'S', 'VERBOSE': 'X', 'TEMPLATE': 'T'}

    _names = (('ASCII', _engine.ASCII), ('IGNORECASE', _engine.IGNORECASE),
              ('LOCALE', _engine.LOCALE), ('UNICODE', _engine.UNICODE),
              ('MULTILINE', _engine.MULTILINE), ('DOTALL', _engine.DOTALL),
              ('VERBOSE', _engine.VERBOSE), ('TEMPLATE', _engine.TEMPLATE),
              ('DEBUG', _engine.DEBUG))

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        parts = []
        for name, bit in self._names:
            if value & bit:
                parts.append('re.' + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return '|'.join(parts)

    __str__ = __repr__

    # Combined with any int the result stays a RegexFlag, as an IntFlag's
    # does (0 | re.I is re.IGNORECASE).
    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FF)

    def __contains__(self, other):
        if not isinstance(other, RegexFlag):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return int(other) & int(self) == int(other)

    @property
    def name(self):
        # A combination is named by its members (IGNORECASE|MULTILINE).
        value = int(self)
        if value == 0:
            return 'NOFLAG'
        names = [name for name, bit in self._names if value & bit]
        if sum(bit for name, bit in self._names if value & bit) != value:
            return None
        return '|'.join(names)

    @property
    def value(self):
        return int(self)


A = ASCII = RegexFlag(_engine.ASCII)
I = IGNORECASE = RegexFlag(_engine.IGNORECASE)
L = LOCALE = RegexFlag(_engine.LOCALE)
U = UNICODE = RegexFlag(_engine.UNICODE)
M = MULTILINE = RegexFlag(_engine.MULTILINE)
S = DOTALL = RegexFlag(_engine.DOTALL)
X = VERBOSE = RegexFlag(_engine.VERBOSE)
T = TEMPLATE = RegexFlag(_engine.TEMPLATE)
DEBUG = RegexFlag(_engine.DEBUG)
NOFLAG = RegexFlag(0)
# The flags are also attributes of the class, as members of CPython's
# enum are (re.RegexFlag.DOTALL).
for _name, _bit in RegexFlag._names:
    setattr(RegexFlag, _name, globals()[_name])
    if _name in RegexFlag._aliases:
        setattr(RegexFlag, RegexFlag._aliases[_name], globals()[_name])
RegexFlag.NOFLAG = NOFLAG
del _name, _bit


# The compiled pattern and the match result are native types
# (src/modules/re_pattern.cpp, re_match.cpp), as CPython's are.
Pattern = _ftpy_sre.Pattern
Match = _ftpy_sre.Match


# -------------------------------------------------------------- templates

_template_cache = {}


def _compile_template(pattern, repl):
    # A replacement template as a list of literal pieces and group indexes
    # (called by the native sub() and Match.expand() for a template with a
    # backslash, or of a type they do not take as is). Cached, as CPython
    # caches its parsed templates: an unhashable template is refused.
    key = (repl.__class__, repl, pattern)
    try:
        return _template_cache[key]
    except KeyError:
        pass
    parts = _parse_template(pattern, repl)
    if len(_template_cache) >= _MAXCACHE:
        try:
            del _template_cache[next(iter(_template_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _template_cache[key] = parts
    return parts


def _parse_template(pattern, repl):
    pattern_bytes = isinstance(pattern.pattern, bytes)
    type_name = type(repl).__name__
    if not isinstance(repl, (str, bytes)):
        try:
            repl = bytes(memoryview(repl))
        except TypeError:
            raise TypeError('decoding to str: need a bytes-like object, %s found'
                            % type(repl).__name__) from None
    is_bytes = isinstance(repl, bytes)
    if is_bytes != pattern_bytes:
        if pattern_bytes:
            raise TypeError('expected a bytes-like object, %s found' % type_name)
        raise TypeError('expected str instance, %s found' % type_name)
    text = repl.decode('latin-1') if is_bytes else repl
    if '\\' not in text:
        return [repl]
    parts = []
    literal = []
    i = 0
    n = len(text)

    def fail(msg, pos):
        raise error(msg, repl, pos)

    while i < n:
        c = text[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            fail('bad escape (end of pattern)', start)
        c = text[i]
        i += 1
        index = None
        if c == 'g':
            if i >= n or text[i] != '<':
                fail('missing <', i)
            close = text.find('>', i + 1)
            if close < 0:
                fail('missing >, unterminated name', i + 1)
            name = text[i + 1:close]
            if not name:
                fail('missing group name', i + 1)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    fail('invalid group reference %d' % index, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                index = pattern.groupindex[name]
            else:
                fail('bad character in group name %r' % name, i + 1)
            i = close + 1
        elif c == '0':
            digits = ''
            while i < n and len(digits) < 2 and text[i] in '01234567':
                digits += text[i]
                i += 1
            literal.append(chr(int('0' + digits, 8)))
        elif c in '123456789':
            digits = c
            if i < n and text[i] in '0123456789':
                digits += text[i]
                i += 1
                if (c in '01234567' and digits[1] in '01234567' and i < n
                        and text[i] in '01234567'):
                    value = int(digits + text[i], 8)
                    i += 1
                    if value > 0o377:
                        fail('octal escape value \\%s outside of range 0-0o377'
                             % text[start + 1:i], start)
                    literal.append(chr(value))
                    continue
            index = int(digits)
            if index > pattern.groups:
                fail('invalid group reference %d' % index, start + 1)
        else:
            simple = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v',
                      'a': '\a', 'b': '\b', '\\': '\\'}
            if c in simple:
                literal.append(simple[c])
            elif c.isascii() and c.isalpha():
                fail('bad escape \\%s' % c, start)
            else:
                literal.append('\\' + c)
        if index is not None:
            if literal:
                parts.append(''.join(literal))
                literal = []
            parts.append(index)
    if literal:
        parts.append(''.join(literal))
    if is_bytes:
        parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
    return parts


# ------------------------------------------------------------- functions

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    try:
        return _cache[pattern.__class__, pattern, flags]
    except (KeyError, TypeError):
        pass
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    p = _compile_uncached(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def _compile_uncached(pattern, flags):
    # A new Pattern for a str or bytes pattern (re._compiler.compile).
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    code, nrep, groups, groupindex, final_flags, prefix = _engine.compile_pattern(pattern, flags)
    # groups counts group 0 (the whole match) too.
    return _ftpy_sre.compile(pattern, final_flags, code, groups, nrep, dict(groupindex))


def compile(pattern, flags=0):
    """Compile a pattern into a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Match the pattern at the start of the string; a Match or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match the pattern against all of the string; a Match or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match of the pattern in the string; a Match or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """The string with matches of the pattern replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of substitutions made)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the string by occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches, as strings or tuples of groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects over all non-overlapping matches."""
    return _compile(pattern, flags).finditer(string)


class Scanner:
    """A simple lexer (undocumented in CPython but public): lexicon is a list
    of (pattern, action); scan() matches the alternatives at each position
    in turn and collects action(scanner, text) or the action itself, skipping
    None, until nothing matches or a match is empty."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        # Phrase i is the outer group starting at starts[i]; a phrase's own
        # groups follow it, so lastindex (the outer group that closed last)
        # names the phrase.
        parts = []
        self._phrase_of = {}
        group = 1
        for i, (phrase, _action) in enumerate(lexicon):
            self._phrase_of[group] = i
            parts.append('(' + phrase + ')')
            group += 1 + compile(phrase, flags).groups
        self.scanner = compile('|'.join(parts), flags)

    def scan(self, string):
        result = []
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[self._phrase_of[m.lastindex]][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]


def purge():
    """Clear the regular expression caches."""
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_ESCAPE_SAFE = frozenset('_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
_SPECIAL_CHARS = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """Backslash-escape the characters that are special in patterns."""
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL_CHARS else c for c in pattern)
    text = bytes(pattern).decode('latin-1')
    return ''.join('\\' + c if c in _SPECIAL_CHARS else c for c in text).encode('latin-1')


_ftpy_sre._set_hooks(_compile_template)


def _pickle(p):
    return _compile, (p.pattern, p.flags)


import copyreg
copyreg.pickle(Pattern, _pickle, _compile)
del copyreg
