"""The regular-expression engine behind ftpy's re module.

parse() turns a pattern into a tree of tuples; build() turns the tree into
matcher functions.  A matcher is called as m(st, i, k): it tries to match at
index i of st.s and, for each way it can, calls the continuation k(j) with
the index where its match ends; the first non-None result of k is the
result.  Backtracking is the return of None.  Captures live in st.caps, a
list of (start, end) pairs saved and restored around continuations, so the
state after a successful match is the state of that match.

Repetition of a single-character item (the common case: \\w+, [a-z]*, .*?)
is a loop over the string rather than a recursion, so long runs do not
deepen the Python stack.
"""

# Flag values are CPython's.
TEMPLATE = 1
IGNORECASE = 2
LOCALE = 4
MULTILINE = 8
DOTALL = 16
UNICODE = 32
VERBOSE = 64
DEBUG = 128
ASCII = 256

MAXREPEAT = 4294967295

_FLAG_LETTERS = {'i': IGNORECASE, 'L': LOCALE, 'm': MULTILINE, 's': DOTALL,
                 'u': UNICODE, 'x': VERBOSE, 'a': ASCII}

_SPECIAL = '.^$*+?{}[]\\|()'
_ASCII_SPACE = ' \t\n\r\f\v'
_DIGITS = '0123456789'
_OCT = '01234567'
_HEX = '0123456789abcdefABCDEF'


class error(Exception):
    """Raised for an invalid regular expression.  Attributes: msg,
    pattern, pos, lineno, colno (the last four may be None)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


# ----------------------------------------------------------------- parsing
#
# Nodes:
#   ('char', pred)               one character satisfying pred(c)
#   ('str', text, ignorecase)    a literal run
#   ('seq', [nodes]) / ('alt', [nodes])
#   ('group', index or None, node)
#   ('rep', node, min, max, greedy)
#   ('backref', index, ignorecase)
#   ('look', behind, negative, node)
#   ('at', kind)                 an anchor: bol, bol_m, eol, eol_m, bos,
#                                eos, word, nonword
#   ('cond', index, yes, no)     (?(group)yes|no)
#   ('atomic', node)             (?>...)

class _Source:
    def __init__(self, pattern, text):
        self.pattern = pattern
        self.text = text
        self.pos = 0

    def peek(self, n=0):
        i = self.pos + n
        return self.text[i] if i < len(self.text) else ''

    def get(self):
        c = self.peek()
        self.pos += 1
        return c

    def at_end(self):
        return self.pos >= len(self.text)

    def error(self, msg, pos=None):
        return error(msg, self.pattern, self.pos if pos is None else pos)


class _Parser:
    def __init__(self, pattern, flags):
        self.is_bytes = isinstance(pattern, (bytes, bytearray))
        text = pattern.decode('latin-1') if self.is_bytes else pattern
        self.src = _Source(pattern, text)
        self.flags = flags
        self.groups = 1          # next group number
        self.groupindex = {}
        self.open_groups = set()
        self.lookbehind_depth = 0

    # A group reference may only name a group that is already closed.
    def check_groupref(self, index, pos):
        if index >= self.groups:
            raise self.src.error('invalid group reference %d' % index, pos)
        if index in self.open_groups:
            raise self.src.error('cannot refer to an open group', pos - 1)

    def parse(self):
        # Global inline flags must come first in 3.11+; scan for them.
        node = self.parse_alt(0)
        if not self.src.at_end():
            assert self.src.peek() == ')'
            raise self.src.error('unbalanced parenthesis')
        return node

    def verbose_skip(self, flags):
        if not flags & VERBOSE:
            return
        src = self.src
        while not src.at_end():
            c = src.peek()
            if c in ' \t\n\r\f\v':
                src.pos += 1
            elif c == '#':
                while not src.at_end() and src.peek() != '\n':
                    src.pos += 1
            else:
                break

    def parse_alt(self, flags_unused):
        branches = [self.parse_seq()]
        while self.src.peek() == '|':
            self.src.pos += 1
            branches.append(self.parse_seq())
        if len(branches) == 1:
            return branches[0]
        return ('alt', branches)

    def parse_seq(self):
        items = []
        src = self.src
        while True:
            self.verbose_skip(self.flags)
            if src.at_end():
                break
            c = src.peek()
            if c in '|)':
                break
            start = src.pos
            atom = self.parse_atom()
            if atom is None:
                continue
            self.verbose_skip(self.flags)
            atom = self.parse_quantifier(atom, start)
            items.append(atom)
        return _make_seq(items)

    def parse_quantifier(self, atom, atom_pos):
        src = self.src
        c = src.peek()
        if c and c in '*+?':
            src.pos += 1
            lo, hi = {'*': (0, MAXREPEAT), '+': (1, MAXREPEAT), '?': (0, 1)}[c]
        elif c == '{' and self.is_repeat_brace():
            qpos = src.pos
            src.pos += 1
            lo_text = self.read_while(_DIGITS)
            hi_text = lo_text
            if src.peek() == ',':
                src.pos += 1
                hi_text = self.read_while(_DIGITS)
                if not hi_text:
                    hi_text = None
            src.pos += 1   # '}'
            lo = int(lo_text) if lo_text else 0
            hi = int(hi_text) if hi_text is not None else MAXREPEAT
            if lo >= MAXREPEAT or hi > MAXREPEAT:
                raise OverflowError('the repetition number is too large')
            if hi < lo:
                raise src.error('min repeat greater than max repeat', qpos + 1)
        else:
            return atom
        greedy = True
        possessive = False
        if src.peek() == '?':
            src.pos += 1
            greedy = False
        elif src.peek() == '+':
            src.pos += 1
            possessive = True
        node = ('rep', atom, lo, hi, greedy)
        if possessive:
            node = ('atomic', node)
        nxt = src.peek()
        if nxt and nxt in '*+?' or (nxt == '{' and self.is_repeat_brace()):
            raise src.error('multiple repeat', src.pos)
        return node

    def is_repeat_brace(self):
        # '{' starts a repeat only as {m}, {m,}, {,n} or {m,n}; else it is
        # a literal.
        text = self.src.text
        i = self.src.pos + 1
        j = i
        while j < len(text) and text[j] in _DIGITS:
            j += 1
        lo = j > i
        if j < len(text) and text[j] == ',':
            j += 1
            while j < len(text) and text[j] in _DIGITS:
                j += 1
        return j < len(text) and text[j] == '}' and (lo or text[i] == ',' and j > i + 1)

    def read_while(self, chars):
        src = self.src
        start = src.pos
        while not src.at_end() and src.peek() in chars:
            src.pos += 1
        return src.text[start:src.pos]

    def parse_atom(self):
        src = self.src
        flags = self.flags
        start = src.pos
        c = src.get()
        if c == '(':
            return self.parse_group(start)
        if c == '[':
            return self.parse_class(start)
        if c == '\\':
            return self.parse_escape(start, in_class=False)
        if c == '.':
            if flags & DOTALL:
                return ('char', _any_char)
            return ('char', _not_newline)
        if c == '^':
            return ('at', 'bol_m' if flags & MULTILINE else 'bol')
        if c == '$':
            return ('at', 'eol_m' if flags & MULTILINE else 'eol')
        if c in '*+?':
            raise src.error('nothing to repeat', start)
        if c == '{' and self.is_repeat_brace_at(start):
            raise src.error('nothing to repeat', start)
        return self.literal(c)

    def is_repeat_brace_at(self, pos):
        save = self.src.pos
        self.src.pos = pos
        try:
            return self.is_repeat_brace()
        finally:
            self.src.pos = save

    def literal(self, c):
        if self.flags & IGNORECASE and c.lower() != c.upper():
            return ('str', c, True)
        return ('str', c, False)

    def parse_group(self, start):
        src = self.src
        index = None
        name = None
        if src.peek() == '?':
            src.pos += 1
            c = src.get()
            if c == ':':
                return self.finish_group(None, start)
            if c == 'P':
                c2 = src.get()
                if c2 == '<':
                    name = self.read_name('>')
                elif c2 == '=':
                    name_pos = src.pos
                    name = self.read_name(')')
                    if name not in self.groupindex:
                        raise src.error('unknown group name %r' % name, name_pos)
                    index = self.groupindex[name]
                    self.check_groupref(index, name_pos)
                    return ('backref', index, bool(self.flags & IGNORECASE))
                else:
                    if not c2:
                        raise src.error('unexpected end of pattern')
                    raise src.error('unknown extension ?P' + c2, src.pos - 3)
            elif c == '=' or c == '!':
                node = self.finish_group(None, start, keep=False)
                return ('look', False, c == '!', node)
            elif c == '<' and src.peek() in ('=', '!'):
                neg = src.get() == '!'
                self.lookbehind_depth += 1
                node = self.finish_group(None, start, keep=False)
                self.lookbehind_depth -= 1
                lo, hi = _width(node)
                if lo != hi:
                    raise error('look-behind requires fixed-width pattern')
                return ('look', True, neg, node, lo)
            elif c == '<':
                name = self.read_name('>')
            elif c == '#':
                while True:
                    if src.at_end():
                        raise src.error('missing ), unterminated comment', start)
                    if src.get() == ')':
                        return None
            elif c == '>':
                node = self.finish_group(None, start, keep=False)
                return ('atomic', node)
            elif c == '(':
                return self.parse_conditional(start)
            elif c in _FLAG_LETTERS or c == '-':
                return self.parse_flags(c, start)
            else:
                if not c:
                    raise src.error('unexpected end of pattern')
                raise src.error('unknown extension ?' + c, src.pos - 2)
            # named group
            if name in self.groupindex:
                raise src.error("redefinition of group name %r as group %d; "
                                "was group %d" % (name, self.groups,
                                                  self.groupindex[name]),
                                src.pos - len(name) - 1)
        index = self.groups
        self.groups += 1
        if name is not None:
            self.groupindex[name] = index
        self.open_groups.add(index)
        node = self.finish_group(index, start)
        self.open_groups.discard(index)
        return node

    def finish_group(self, index, start, keep=True):
        node = self.parse_alt(0)
        if self.src.peek() != ')':
            raise self.src.error('missing ), unterminated subpattern', start)
        self.src.pos += 1
        if index is None:
            return ('group', None, node) if keep else node
        return ('group', index, node)

    def read_name(self, terminator):
        src = self.src
        start = src.pos
        while True:
            if src.at_end():
                raise src.error('missing %s, unterminated name' % terminator, start)
            c = src.get()
            if c == terminator:
                break
        name = src.text[start:src.pos - 1]
        if not name:
            raise src.error('missing group name', start)
        if not name.isidentifier():
            raise src.error('bad character in group name %r' % name, start)
        return name

    def parse_conditional(self, start):
        src = self.src
        ref_pos = src.pos
        name = self.read_name(')') if not src.peek().isdigit() else None
        if name is None:
            digits = self.read_while(_DIGITS)
            if src.get() != ')':
                raise src.error('bad character in group name', ref_pos)
            index = int(digits)
            if index == 0:
                raise src.error('bad group number', ref_pos)
        else:
            if name not in self.groupindex:
                raise src.error('unknown group name %r' % name, ref_pos)
            index = self.groupindex[name]
        yes = self.parse_seq()
        no = None
        if src.peek() == '|':
            src.pos += 1
            no = self.parse_seq()
            if src.peek() == '|':
                raise src.error('conditional backref with more than two branches')
        if src.peek() != ')':
            raise src.error('missing ), unterminated subpattern', start)
        src.pos += 1
        return ('cond', index, yes, no)

    def parse_flags(self, c, start):
        src = self.src
        add = 0
        remove = 0
        while c in _FLAG_LETTERS:
            add |= _FLAG_LETTERS[c]
            c = src.get()
        if c == '-':
            c = src.get()
            while c in _FLAG_LETTERS:
                remove |= _FLAG_LETTERS[c]
                c = src.get()
        if c == ')':
            if remove:
                raise src.error('missing :', src.pos - 1)
            if start != 0:
                raise src.error('global flags not at the start of the expression', start)
            self.flags |= add
            return None
        if c != ':':
            if not c:
                raise src.error('missing -, : or )')
            raise src.error('unknown flag', src.pos - 1)
        saved = self.flags
        self.flags = (self.flags | add) & ~remove
        node = self.finish_group(None, start, keep=False)
        self.flags = saved
        return node

    def parse_class(self, start):
        src = self.src
        negate = False
        if src.peek() == '^':
            src.pos += 1
            negate = True
        items = []
        first = True
        while True:
            if src.at_end():
                raise src.error('unterminated character set', start)
            c = src.get()
            if c == ']' and not first:
                break
            first = False
            item_pos = src.pos - 1
            if c == '\\':
                item = self.parse_escape(item_pos, in_class=True)
            else:
                item = c
            if src.peek() == '-' and src.peek(1) not in (']', ''):
                src.pos += 1
                hi_pos = src.pos
                c2 = src.get()
                if c2 == '\\':
                    hi = self.parse_escape(hi_pos, in_class=True)
                else:
                    hi = c2
                if not isinstance(item, str) or not isinstance(hi, str):
                    raise src.error('bad character range %s' %
                                    src.text[item_pos:src.pos], item_pos)
                if ord(hi) < ord(item):
                    raise src.error('bad character range %s' %
                                    src.text[item_pos:src.pos], item_pos)
                items.append((item, hi))
            else:
                items.append(item)
        return ('char', _class_pred(items, negate, self.flags))

    def category(self, letter):
        ascii_only = self.is_bytes or self.flags & ASCII
        pred = _CATEGORIES[letter, bool(ascii_only)]
        return pred

    def parse_escape(self, start, in_class):
        src = self.src
        c = src.get()
        if not c:
            raise src.error('bad escape (end of pattern)', start)
        if c in 'dDwWsS':
            pred = self.category(c)
            return pred if in_class else ('char', pred)
        if not in_class:
            if c == 'A':
                return ('at', 'bos')
            if c == 'Z':
                return ('at', 'eos')
            if c == 'b':
                return ('at', 'word_a' if self.is_bytes or self.flags & ASCII else 'word')
            if c == 'B':
                return ('at', 'nonword_a' if self.is_bytes or self.flags & ASCII else 'nonword')
        elif c == 'b':
            return '\b'
        simple = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v',
                  'a': '\a', '\\': '\\'}
        if c in simple:
            ch = simple[c]
        elif c == 'x':
            digits = src.text[src.pos:src.pos + 2]
            if len(digits) != 2 or any(d not in _HEX for d in digits):
                raise src.error('incomplete escape \\x' + digits, start)
            src.pos += 2
            ch = chr(int(digits, 16))
        elif c in 'uU' and not self.is_bytes:
            n = 4 if c == 'u' else 8
            digits = src.text[src.pos:src.pos + n]
            if len(digits) != n or any(d not in _HEX for d in digits):
                raise src.error('incomplete escape \\%s%s' % (c, digits), start)
            src.pos += n
            code = int(digits, 16)
            if code > 0x10FFFF:
                raise src.error('bad escape \\%s%s' % (c, digits), start)
            ch = chr(code)
        elif c == 'N' and not self.is_bytes:
            ch = self.parse_named_char(start)
        elif c == '0':
            digits = c + self.read_octal(2)
            ch = chr(int(digits, 8))
        elif c in _DIGITS:
            # Octal escape (three octal digits) or a group reference.
            text = src.text
            if c in _OCT and src.peek() and src.peek() in _OCT and src.peek(1) and src.peek(1) in _OCT:
                digits = c + src.get() + src.get()
                code = int(digits, 8)
                if code > 0o377:
                    raise src.error('octal escape value \\%s outside of '
                                    'range 0-0o377' % digits, start)
                ch = chr(code)
            elif in_class:
                raise src.error('bad escape \\' + c, start)
            else:
                digits = c
                if src.peek() and src.peek() in _DIGITS:
                    digits += src.get()
                index = int(digits)
                self.check_groupref(index, start + 1)
                return ('backref', index, bool(self.flags & IGNORECASE))
        elif c.isascii() and c.isalpha():
            raise src.error('bad escape \\' + c, start)
        else:
            ch = c
        if in_class:
            return ch
        return self.literal(ch)

    def parse_named_char(self, start):
        # \N{NAME}: a character by its Unicode name (str patterns only).
        src = self.src
        if src.peek() != '{':
            raise src.error('missing {', src.pos)
        src.pos += 1
        name_pos = src.pos
        end = src.text.find('}', name_pos)
        if end < 0:
            if name_pos >= len(src.text):
                raise src.error('missing character name', name_pos)
            raise src.error('missing }, unterminated name', name_pos)
        if end == name_pos:
            raise src.error('missing character name', end)
        name = src.text[name_pos:end]
        src.pos = end + 1
        import unicodedata
        try:
            return unicodedata.lookup(name)
        except KeyError:
            raise src.error('undefined character name %r' % name, start) from None

    def read_octal(self, n):
        out = ''
        while len(out) < n and self.src.peek() and self.src.peek() in _OCT:
            out += self.src.get()
        return out


def _make_seq(items):
    # Merge adjacent literals of the same case mode into one run.
    merged = []
    for item in items:
        if (item[0] == 'str' and merged and merged[-1][0] == 'str'
                and merged[-1][2] == item[2]):
            merged[-1] = ('str', merged[-1][1] + item[1], item[2])
        else:
            merged.append(item)
    if len(merged) == 1:
        return merged[0]
    return ('seq', merged)


def _width(node):
    # (min, max) characters the node can match; max None = unbounded.
    kind = node[0]
    if kind == 'char':
        return 1, 1
    if kind == 'str':
        return len(node[1]), len(node[1])
    if kind == 'seq':
        lo = hi = 0
        for item in node[1]:
            a, b = _width(item)
            lo += a
            hi = None if hi is None or b is None else hi + b
        return lo, hi
    if kind == 'alt':
        widths = [_width(b) for b in node[1]]
        lo = min(w[0] for w in widths)
        hi = None if any(w[1] is None for w in widths) else max(w[1] for w in widths)
        return lo, hi
    if kind in ('group', 'atomic'):
        return _width(node[-1])
    if kind == 'rep':
        a, b = _width(node[1])
        lo = a * node[2]
        hi = None if b is None or node[3] == MAXREPEAT else b * node[3]
        return lo, hi
    if kind == 'cond':
        a = _width(node[2])
        b = _width(node[3]) if node[3] is not None else (0, 0)
        return min(a[0], b[0]), None if a[1] is None or b[1] is None else max(a[1], b[1])
    if kind == 'backref':
        return 0, None
    return 0, 0


# ------------------------------------------------------------- predicates

def _any_char(c):
    return True


def _not_newline(c):
    return c != '\n'


def _ascii_digit(c):
    return '0' <= c <= '9'


def _ascii_word(c):
    return c.isascii() and (c.isalnum() or c == '_')


def _ascii_space(c):
    return c in _ASCII_SPACE


def _uni_digit(c):
    return c.isdecimal()


def _uni_word(c):
    return c.isalnum() or c == '_'


def _uni_space(c):
    return c.isspace()


def _negate(pred):
    return lambda c: not pred(c)


_CATEGORIES = {
    ('d', True): _ascii_digit, ('d', False): _uni_digit,
    ('w', True): _ascii_word, ('w', False): _uni_word,
    ('s', True): _ascii_space, ('s', False): _uni_space,
    ('D', True): _negate(_ascii_digit), ('D', False): _negate(_uni_digit),
    ('W', True): _negate(_ascii_word), ('W', False): _negate(_uni_word),
    ('S', True): _negate(_ascii_space), ('S', False): _negate(_uni_space),
}


def _class_pred(items, negate, flags):
    chars = set()
    ranges = []
    preds = []
    icase = bool(flags & IGNORECASE)
    for item in items:
        if isinstance(item, tuple):
            ranges.append((item[0], item[1]))
        elif isinstance(item, str):
            chars.add(item)
            if icase:
                chars.add(item.lower())
                chars.add(item.upper())
        else:
            preds.append(item)
    chars = frozenset(chars)

    def test(c):
        if c in chars:
            return True
        for lo, hi in ranges:
            if lo <= c <= hi:
                return True
            if icase:
                low = c.lower()
                up = c.upper()
                if lo <= low <= hi or lo <= up <= hi:
                    return True
        for p in preds:
            if p(c):
                return True
        return False

    if not ranges and not preds:
        if negate:
            return lambda c: c not in chars
        return chars.__contains__
    if negate:
        return lambda c: not test(c)
    return test


# ---------------------------------------------------------------- matchers

class State:
    """One match attempt: the subject, the bounds and the captures."""

    __slots__ = ('s', 'pos', 'end', 'caps', 'last')

    def __init__(self, s, pos, end, ngroups):
        self.s = s
        self.pos = pos
        self.end = end
        self.caps = [None] * ngroups
        self.last = None


def build(node):
    """The matcher function for a parsed tree."""
    kind = node[0]
    if kind == 'char':
        pred = node[1]

        def m_char(st, i, k):
            if i < st.end and pred(st.s[i]):
                return k(i + 1)
            return None
        m_char.pred = pred
        return m_char
    if kind == 'str':
        text = node[1]
        n = len(text)
        if node[2]:
            folded = text.lower()

            def m_stri(st, i, k):
                if i + n <= st.end and st.s[i:i + n].lower() == folded:
                    return k(i + n)
                return None
            if n == 1:
                m_stri.pred = lambda c: c.lower() == folded
            return m_stri

        def m_str(st, i, k):
            if st.s.startswith(text, i, st.end):
                return k(i + n)
            return None
        if n == 1:
            m_str.pred = lambda c: c == text
        return m_str
    if kind == 'seq':
        return _build_seq([build(item) for item in node[1]])
    if kind == 'alt':
        branches = [build(b) for b in node[1]]

        def m_alt(st, i, k):
            for b in branches:
                r = b(st, i, k)
                if r is not None:
                    return r
            return None
        return m_alt
    if kind == 'group':
        inner = build(node[2])
        index = node[1]
        if index is None:
            return inner
        return _build_group(index, inner)
    if kind == 'rep':
        return _build_rep(build(node[1]), node[2], node[3], node[4])
    if kind == 'backref':
        return _build_backref(node[1], node[2])
    if kind == 'look':
        return _build_look(node)
    if kind == 'at':
        return _ANCHORS[node[1]]
    if kind == 'atomic':
        inner = build(node[1])

        def m_atomic(st, i, k):
            saved = list(st.caps)
            j = inner(st, i, _identity)
            if j is None:
                return None
            r = k(j)
            if r is None:
                st.caps[:] = saved
            return r
        return m_atomic
    if kind == 'cond':
        index = node[1]
        yes = build(node[2])
        no = build(node[3]) if node[3] is not None else _empty

        def m_cond(st, i, k):
            if index < len(st.caps) and st.caps[index] is not None:
                return yes(st, i, k)
            return no(st, i, k)
        return m_cond
    raise AssertionError(kind)


def _identity(j):
    return j


def _empty(st, i, k):
    return k(i)


def _build_seq(ms):
    if not ms:
        return _empty
    if len(ms) == 1:
        return ms[0]
    first = ms[0]
    rest = _build_seq(ms[1:])

    def m_seq(st, i, k):
        return first(st, i, lambda j: rest(st, j, k))
    return m_seq


def _build_group(index, inner):
    def m_group(st, i, k):
        def close(j):
            saved = st.caps[index]
            saved_last = st.last
            st.caps[index] = (i, j)
            st.last = index
            r = k(j)
            if r is None:
                st.caps[index] = saved
                st.last = saved_last
            return r
        return inner(st, i, close)
    return m_group


def _build_rep(inner, lo, hi, greedy):
    pred = getattr(inner, 'pred', None)
    if pred is not None:
        if greedy:
            def m_rep_char(st, i, k):
                s = st.s
                limit = st.end if hi == MAXREPEAT else min(st.end, i + hi)
                j = i
                while j < limit and pred(s[j]):
                    j += 1
                low = i + lo
                while j >= low:
                    r = k(j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            return m_rep_char

        def m_rep_char_lazy(st, i, k):
            s = st.s
            limit = st.end if hi == MAXREPEAT else min(st.end, i + hi)
            j = i
            low = i + lo
            while j < low:
                if j >= limit or not pred(s[j]):
                    return None
                j += 1
            while True:
                r = k(j)
                if r is not None:
                    return r
                if j >= limit or not pred(s[j]):
                    return None
                j += 1
        return m_rep_char_lazy

    def step(st, i, k, count):
        # `count` repetitions matched so far, ending at i.
        def again(j):
            if j == i and count >= lo:
                return None     # an empty iteration would loop forever
            return step(st, j, k, count + 1)
        if greedy:
            if count < hi:
                r = inner(st, i, again)
                if r is not None:
                    return r
            if count >= lo:
                return k(i)
            return None
        if count >= lo:
            r = k(i)
            if r is not None:
                return r
        if count < hi:
            return inner(st, i, again)
        return None

    def m_rep(st, i, k):
        return step(st, i, k, 0)
    return m_rep


def _build_backref(index, icase):
    def m_backref(st, i, k):
        span = st.caps[index] if index < len(st.caps) else None
        if span is None:
            return None
        text = st.s[span[0]:span[1]]
        n = len(text)
        if i + n > st.end:
            return None
        got = st.s[i:i + n]
        if got == text or icase and got.lower() == text.lower():
            return k(i + n)
        return None
    return m_backref


def _build_look(node):
    behind, negative, inner_node = node[1], node[2], node[3]
    inner = build(inner_node)
    width = node[4] if behind else 0

    def m_look(st, i, k):
        if behind:
            start = i - width
            if start < 0:
                found = False
            else:
                saved_end = st.end
                st.end = i
                found = inner(st, start, lambda j: j if j == i else None) is not None
                st.end = saved_end
        else:
            saved = list(st.caps) if negative else None
            found = inner(st, i, _identity) is not None
            if negative:
                st.caps[:] = saved
        if found == negative:
            return None
        return k(i)
    return m_look


def _is_word(st, i, ascii_only):
    if i < 0 or i >= len(st.s) or i >= st.end:
        return False
    c = st.s[i]
    if ascii_only:
        return _ascii_word(c)
    return c.isalnum() or c == '_'


def _at(test):
    def m_at(st, i, k):
        if test(st, i):
            return k(i)
        return None
    return m_at


_ANCHORS = {
    'bol': _at(lambda st, i: i == 0),
    'bol_m': _at(lambda st, i: i == 0 or st.s[i - 1] == '\n'),
    'eol': _at(lambda st, i: i == st.end or (i == st.end - 1 and st.s[i] == '\n')),
    'eol_m': _at(lambda st, i: i == st.end or st.s[i] == '\n'),
    'bos': _at(lambda st, i: i == 0),
    'eos': _at(lambda st, i: i == st.end),
    'word': _at(lambda st, i: _is_word(st, i - 1, False) != _is_word(st, i, False)),
    'nonword': _at(lambda st, i: _is_word(st, i - 1, False) == _is_word(st, i, False)),
    'word_a': _at(lambda st, i: _is_word(st, i - 1, True) != _is_word(st, i, True)),
    'nonword_a': _at(lambda st, i: _is_word(st, i - 1, True) == _is_word(st, i, True)),
}


def literal_prefix(node):
    """A case-sensitive literal every match must start with ('' if none):
    searches jump between its occurrences with str.find."""
    while True:
        kind = node[0]
        if kind == 'str' and not node[2]:
            return node[1]
        if kind == 'seq':
            if not node[1]:
                return ''  # an empty sequence: '()' or '(?:)'
            node = node[1][0]
        elif kind == 'group':
            node = node[2]
        else:
            return ''


def compile_pattern(pattern, flags):
    """Parse and build: (matcher, group count, groupindex, final flags,
    literal prefix)."""
    p = _Parser(pattern, flags)
    if p.is_bytes and flags & UNICODE:
        raise ValueError('cannot use UNICODE flag with a bytes pattern')
    tree = p.parse()
    final_flags = p.flags
    if not p.is_bytes:
        if final_flags & ASCII and final_flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if not final_flags & ASCII:
            final_flags |= UNICODE
    return build(tree), p.groups, p.groupindex, final_flags, literal_prefix(tree)
