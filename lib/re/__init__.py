"""Regular expressions, written for ftpy.

The public API of CPython's re module (compile, search, match, fullmatch,
split, findall, finditer, sub, subn, escape, purge, Pattern, Match, the
flags and error).  re/_engine.py parses a pattern and generates a program
for the native matcher _ftpy_sre (src/modules/re_*.cpp), which also builds
findall's list, split's list and sub()'s result for a template.  Patterns
may be str or bytes; a bytes pattern matches bytes (other bytes-like
subjects are copied into bytes first).  No pattern needs a Python
matcher: every node kind the parser produces is compiled for the native
one.  re._constants, re._parser and re._compiler (and their deprecated
names sre_constants, sre_parse, sre_compile) hold the parts of CPython's
modules of those names that are true of this engine.

Thread safety: compiled patterns are immutable (the native program too);
each match attempt has its own native state.  The compile cache is a dict
whose single operations are atomic, and a lost race only compiles a
pattern twice.
"""

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


class Pattern:
    """A compiled regular expression."""

    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_prog',
                 '_bytes', '__weakref__')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def _subject(self, string):
        # The subject as a str or bytes (other bytes-like objects are copied).
        if self._bytes:
            if isinstance(string, bytes):
                return string
            if isinstance(string, str):
                raise TypeError('cannot use a bytes pattern on a string-like object')
            try:
                return bytes(memoryview(string))
            except TypeError:
                raise TypeError("expected string or bytes-like object, got %r"
                                % type(string).__name__) from None
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError('cannot use a string pattern on a bytes-like object')
            raise TypeError("expected string or bytes-like object, got %r"
                            % type(string).__name__)
        return string

    def _bounds(self, text, pos, endpos):
        n = len(text)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos is None or endpos > n:
            endpos = n
        elif endpos < 0:
            endpos = 0
        return pos, endpos

    def _run(self, string, text, pos, endpos, start, mode, must_advance=False):
        # mode 0: match at start, 1: fullmatch, 2: search from start.
        res = self._prog.run(text, endpos, start, mode, must_advance)
        if res is None:
            return None
        return _make_match(self, string, text, pos, endpos, res)

    def _simple(self, string, mode):
        # match/fullmatch/search of a whole str subject: the common case,
        # without the general subject and bounds checks.
        n = len(string)
        res = self._prog.run(string, n, 0, mode, False)
        if res is None:
            return None
        m = _new_match(Match)
        m.re = self
        m.string = m._text = string
        m.pos = 0
        m.endpos = n
        m._spans = res
        m.lastindex = res[-1]
        return m

    def _search_from(self, string, text, pos, endpos, start, must_advance):
        return self._run(string, text, pos, endpos, start, 2, must_advance)

    def match(self, string, pos=0, endpos=None):
        """Match at the start of the string (or at pos)."""
        if string.__class__ is str and pos == 0 and endpos is None and not self._bytes:
            return self._simple(string, 0)
        text = self._subject(string)
        pos, endpos = self._bounds(text, pos, endpos)
        return self._run(string, text, pos, endpos, pos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """Match the whole string (or string[pos:endpos])."""
        if string.__class__ is str and pos == 0 and endpos is None and not self._bytes:
            return self._simple(string, 1)
        text = self._subject(string)
        pos, endpos = self._bounds(text, pos, endpos)
        return self._run(string, text, pos, endpos, pos, 1)

    def search(self, string, pos=0, endpos=None):
        """The first match anywhere in the string."""
        if string.__class__ is str and pos == 0 and endpos is None and not self._bytes:
            return self._simple(string, 2)
        text = self._subject(string)
        pos, endpos = self._bounds(text, pos, endpos)
        return self._run(string, text, pos, endpos, pos, 2)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator over the successive non-overlapping matches."""
        text = self._subject(string)
        pos, endpos = self._bounds(text, pos, endpos)
        return self._iterate(string, text, pos, endpos)

    def _iterate(self, string, text, pos, endpos):
        # After an empty match the next match may not be empty at the same
        # place (CPython 3.7+ semantics).
        run = self._prog.run
        make = _make_match
        start = pos
        must_advance = False
        while start <= endpos:
            res = run(text, endpos, start, 2, must_advance)
            if res is None:
                return
            yield make(self, string, text, pos, endpos, res)
            must_advance = res[0] == res[1]
            start = res[1]

    def findall(self, string, pos=0, endpos=None):
        """All matches: strings, or tuples of groups when there are groups."""
        text = self._subject(string)
        pos, endpos = self._bounds(text, pos, endpos)
        return self._prog.findall(text, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split the string at matches; groups in the pattern are kept."""
        return self._prog.split(self._subject(string), maxsplit)

    def sub(self, repl, string, count=0):
        """Replace matches with repl (a template or a function of a match)."""
        return self._subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Like sub(), returning (new string, number of replacements)."""
        return self._subn(repl, string, count)

    def _subn(self, repl, string, count):
        text = self._subject(string)
        if not callable(repl):
            if isinstance(repl, str) if self._bytes else isinstance(repl, (bytes, bytearray)):
                # CPython fails only when a match needs the template, in
                # joining the pieces.
                m = self._search_from(string, text, 0, len(text), 0, False)
                if m is None:
                    return text, 0
                raise TypeError('sequence item %d: expected %s, %s found' % (
                    1 if m.start() else 0,
                    'a bytes-like object' if self._bytes else 'str instance',
                    type(repl).__name__))
            template = _compile_template(self, repl)
            template = [bytes(p) if isinstance(p, (bytearray, memoryview)) else p
                        for p in template]
            return self._prog.subt(text, template, count)
        if not self._bytes:
            return self._prog.subf(text, repl, count, _make_match, self)
        pieces = []
        last = 0
        n = 0
        bytes_pattern = self._bytes
        for m in self._iterate(string, text, 0, len(text)):
            if count and n >= count:
                break
            s, e = m.span()
            pieces.append(text[last:s])
            piece = repl(m)
            if piece is not None:
                if bytes_pattern and not isinstance(piece, (bytes, bytearray)):
                    raise TypeError('expected a bytes-like object, %s found'
                                    % type(piece).__name__)
                if not bytes_pattern and not isinstance(piece, str):
                    raise TypeError('expected str instance, %s found'
                                    % type(piece).__name__)
                pieces.append(piece)
            last = e
            n += 1
        pieces.append(text[last:])
        joiner = b'' if bytes_pattern else ''
        return joiner.join(pieces), n

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if not self._bytes:
            flags &= ~_engine.UNICODE
        if flags:
            return 're.compile(%s, %r)' % (text, RegexFlag(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._text = pattern._subject(string)
        self._pos, self._endpos = pattern._bounds(self._text, pos, endpos)
        self._must_advance = False

    def _next(self, anchored):
        p = self.pattern
        if self._pos > self._endpos:
            return None
        if anchored:
            m = p._run(self._string, self._text, 0, self._endpos, self._pos, 0,
                       self._must_advance)
        else:
            m = p._search_from(self._string, self._text, 0, self._endpos,
                               self._pos, self._must_advance)
        if m is not None:
            s, e = m.span()
            self._must_advance = s == e
            self._pos = e
        return m

    def match(self):
        return self._next(True)

    def search(self):
        return self._next(False)


class Match:
    """The result of a successful match."""

    __slots__ = ('re', 'string', 'pos', 'endpos', '_text', '_spans', 'lastindex')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    @classmethod
    def _make(cls, pattern, string, text, pos, endpos, res):
        return _make_match(pattern, string, text, pos, endpos, res)

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == self.lastindex:
                return name
        return None

    @property
    def regs(self):
        sp = self._spans
        return tuple((sp[2 * i], sp[2 * i + 1]) for i in range(len(sp) // 2))

    def _index(self, group):
        if isinstance(group, int) or hasattr(group, '__index__') and not isinstance(group, (str, bytes)):
            try:
                index = group.__index__()
            except Exception:
                raise IndexError('no such group') from None
            if 0 <= index < len(self._spans) // 2:
                return index
            raise IndexError('no such group')
        if isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError('no such group')

    def _slice(self, index, default=None):
        sp = self._spans
        s = sp[2 * index]
        e = sp[2 * index + 1]
        if s < 0 or e < 0:
            return default
        if self.re._bytes:
            return self._text[s:e]
        return self.string[s:e]

    def _group_or_empty(self, index):
        return self._slice(index, b'' if self.re._bytes else '')

    def group(self, *groups):
        """One group (default 0, the whole match) or a tuple of several."""
        sp = self._spans
        if not groups:
            index = 0
        elif len(groups) == 1:
            index = groups[0]
            if index.__class__ is not int or not 0 <= index < len(sp) // 2:
                index = self._index(index)
        else:
            return tuple(self._slice(self._index(g)) for g in groups)
        s = sp[2 * index]
        e = sp[2 * index + 1]
        if s < 0 or e < 0:
            return None
        return self._text[s:e] if self.re._bytes else self.string[s:e]

    def __getitem__(self, group):
        return self._slice(self._index(group))

    def groups(self, default=None):
        """All subgroups as a tuple (default for groups that did not take part)."""
        sp = self._spans
        text = self._text if self.re._bytes else self.string
        out = []
        for i in range(2, len(sp) - 1, 2):
            s = sp[i]
            e = sp[i + 1]
            out.append(default if s < 0 or e < 0 else text[s:e])
        return tuple(out)

    def groupdict(self, default=None):
        """The named subgroups as a dict."""
        return {name: self._slice(index, default)
                for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        index = group if group.__class__ is int and 0 <= group < len(self._spans) // 2 else self._index(group)
        s = self._spans[2 * index]
        e = self._spans[2 * index + 1]
        return -1 if s < 0 or e < 0 else s

    def end(self, group=0):
        index = group if group.__class__ is int and 0 <= group < len(self._spans) // 2 else self._index(group)
        s = self._spans[2 * index]
        e = self._spans[2 * index + 1]
        return -1 if s < 0 or e < 0 else e

    def span(self, group=0):
        index = group if group.__class__ is int and 0 <= group < len(self._spans) // 2 else self._index(group)
        s = self._spans[2 * index]
        e = self._spans[2 * index + 1]
        return (-1, -1) if s < 0 or e < 0 else (s, e)

    def expand(self, template):
        """Substitute the groups into a template, as sub() does."""
        return _expand(_compile_template(self.re, template), self)

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


_new_match = object.__new__


def _make_match(pattern, string, text, pos, endpos, res):
    # res: (start0, end0, start1, end1, ..., lastindex) from the native
    # matcher; -1 marks a group that did not take part.
    m = _new_match(Match)
    m.re = pattern
    m.string = string
    m.pos = pos
    m.endpos = endpos
    m._text = text
    m._spans = res
    m.lastindex = res[-1]
    return m


# -------------------------------------------------------------- templates

def _compile_template(pattern, repl):
    # A replacement template as a list of literal pieces and group indexes.
    is_bytes = isinstance(repl, (bytes, bytearray))
    if is_bytes != pattern._bytes:
        if pattern._bytes:
            raise TypeError('expected a bytes-like object, %s found' % type(repl).__name__)
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    text = bytes(repl).decode('latin-1') if is_bytes else repl
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


def _expand(template, m):
    empty = b'' if m.re._bytes else ''
    return empty.join(p if not isinstance(p, int) else m._group_or_empty(p)
                      for p in template)


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
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = final_flags
    # Pattern.groups counts capturing groups; the program has one group
    # more (group 0 is the whole match).
    p.groups = groups - 1
    p._prog = _ftpy_sre.compile(code, groups, nrep)
    p._bytes = isinstance(pattern, bytes)
    from types import MappingProxyType
    p.groupindex = MappingProxyType(dict(groupindex))
    return p


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
    """Clear the compiled-pattern cache."""
    _cache.clear()


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


# The name CPython's messages give this module's C types (re.Pattern, re.Match):
# see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name'):
        sys._ftpy_c_type_name(Pattern, 're.Pattern')
        sys._ftpy_c_type_name(Match, 're.Match')
_c_type_names()
del _c_type_names
