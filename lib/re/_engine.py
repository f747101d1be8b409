"""The pattern compiler behind ftpy's re module.

parse() turns a pattern into a tree of tuples whose nodes are plain data
(character classes are lists of chars, ranges and category codes);
generate() turns the tree into a flat program of ints that the native
matcher _ftpy_sre (src/modules/re_*.cpp) runs: a backtracking VM with an
explicit backtrack stack, so deep subjects do not deepen any stack.  Every
node kind is compiled; there is no Python fallback matcher.
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
# The letters (?...) accepts: those plus the deprecated global 't'.
_INLINE_FLAGS = dict(_FLAG_LETTERS, t=TEMPLATE)
_TYPE_FLAGS = ASCII | LOCALE | UNICODE
_GLOBAL_FLAGS = DEBUG | TEMPLATE

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
#   ('any', dotall)              one character ('.')
#   ('set', items, negate, mode) one character of a class; items are
#                                ('c', code), ('r', lo, hi), ('cat', code)
#   ('str', text, mode)          a literal run
#   mode is the case mode: 0 exact, 1 Unicode ignorecase, 2 ASCII
#   ignorecase, 3 locale ignorecase
#   ('seq', [nodes]) / ('alt', [nodes])
#   ('group', index or None, node)
#   ('rep', node, min, max, greedy)
#   ('backref', index, ignorecase)
#   ('look', behind, negative, node)
#   ('at', kind)                 an anchor: bol, bol_m, eol, eol_m, bos,
#                                eos, word, nonword
#   ('cond', index, yes, no)     (?(group)yes|no)
#   ('atomic', node)             (?>...)

# CPython warns about set syntax that a future version may give a meaning
# ('[[', '--', '&&', '~~', '||' inside a class), at the first frame outside
# the re package: the caller of re.compile() or re.match().
_SET_OPERATION = {'-': 'difference', '&': 'intersection',
                  '~': 'symmetric difference', '|': 'union'}
_PACKAGE_PREFIX = (__file__.rpartition('/')[0] + '/',)


def _future_warning(message):
    import warnings
    warnings.warn(message, FutureWarning, skip_file_prefixes=_PACKAGE_PREFIX)


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
        self.cond_refs = {}      # (?(n)...) group -> position, checked at the end

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
        for index, pos in self.cond_refs.items():
            if index >= self.groups:
                raise self.src.error('invalid group reference %d' % index, pos)
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
        if possessive:
            # sre's POSSESSIVE_REPEAT: each iteration is atomic, and the
            # iterations made are never given back.
            node = ('atomic', ('rep', ('atomic', atom), lo, hi, greedy))
        else:
            node = ('rep', atom, lo, hi, greedy)
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
            return ('any', bool(flags & DOTALL))
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

    def case_mode(self):
        flags = self.flags
        if not flags & IGNORECASE:
            return 0
        if flags & LOCALE:
            return 3
        if self.is_bytes or flags & ASCII:
            return 2
        return 1

    def literal(self, c):
        return ('str', c, self.case_mode())

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
                    return ('backref', index, self.case_mode())
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
            elif c in _INLINE_FLAGS or c == '-':
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
            self.cond_refs.setdefault(index, ref_pos)
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
        # (?aiLmsux) at the start, or (?aiLmsux-imsx:...) scoped; c is the
        # first letter or '-'.  The checks and error positions are sre's:
        # an error about the letter just read is reported after it, an
        # unexpected character at itself.
        src = self.src
        n = len(src.text)

        def fail(msg, back=0):
            raise src.error(msg, min(src.pos, n) - back)

        add = 0
        remove = 0
        if c != '-':
            while True:
                flag = _INLINE_FLAGS[c]
                if self.is_bytes:
                    if c == 'u':
                        fail("bad inline flags: cannot use 'u' flag with a bytes pattern")
                elif c == 'L':
                    fail("bad inline flags: cannot use 'L' flag with a str pattern")
                add |= flag
                if flag & _TYPE_FLAGS and add & _TYPE_FLAGS != flag:
                    fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
                c = src.get()
                if not c:
                    fail('missing -, : or )')
                if c in ')-:':
                    break
                if c not in _INLINE_FLAGS:
                    fail('unknown flag' if c.isalpha() else 'missing -, : or )', 1)
        if c == ')':
            if start != 0:
                raise src.error('global flags not at the start of the expression', start)
            self.flags |= add
            return None
        if add & _GLOBAL_FLAGS:
            fail('bad inline flags: cannot turn on global flag', 1)
        if c == '-':
            c = src.get()
            if not c:
                fail('missing flag')
            if c not in _INLINE_FLAGS:
                fail('unknown flag' if c.isalpha() else 'missing flag', 1)
            while True:
                flag = _INLINE_FLAGS[c]
                if flag & _TYPE_FLAGS:
                    fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
                remove |= flag
                c = src.get()
                if not c:
                    fail('missing :')
                if c == ':':
                    break
                if c not in _INLINE_FLAGS:
                    fail('unknown flag' if c.isalpha() else 'missing :', 1)
        if remove & _GLOBAL_FLAGS:
            fail('bad inline flags: cannot turn off global flag', 1)
        if add & remove:
            fail('bad inline flags: flag turned on and off', 1)
        saved = self.flags
        self.flags = (self.flags | add) & ~remove
        node = self.finish_group(None, start, keep=False)
        self.flags = saved
        return node

    def parse_class(self, start):
        src = self.src
        negate = False
        if src.peek() == '[':
            _future_warning('Possible nested set at position %d' % src.pos)
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
                if items and c in '-&~|' and src.peek() == c:
                    _future_warning('Possible set %s at position %d' % (
                        _SET_OPERATION[c], item_pos))
                item = c
            if src.peek() == '-' and src.peek(1) not in (']', ''):
                src.pos += 1
                hi_pos = src.pos
                c2 = src.get()
                if c2 == '\\':
                    hi = self.parse_escape(hi_pos, in_class=True)
                else:
                    if c2 == '-':
                        _future_warning('Possible set difference at position %d'
                                        % (hi_pos - 1))
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
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(('c', ord(item)))
            elif item[0] == 'cat':
                out.append(item)
            else:
                out.append(('r', ord(item[0]), ord(item[1])))
        return ('set', out, negate, self.case_mode())

    def category(self, letter):
        # Code: d/w/s = 0/1/2, +4 ASCII, +8 locale, +16 negated.
        if self.flags & LOCALE:
            mode = 8
        elif self.is_bytes or self.flags & ASCII:
            mode = 4
        else:
            mode = 0
        code = 'dws'.index(letter.lower()) + mode + (16 if letter.isupper() else 0)
        return ('cat', code)

    def parse_escape(self, start, in_class):
        src = self.src
        c = src.get()
        if not c:
            raise src.error('bad escape (end of pattern)', start)
        if c in 'dDwWsS':
            cat = self.category(c)
            return cat if in_class else ('set', [cat], False, 0)
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
                return ('backref', index, self.case_mode())
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
    if kind in ('set', 'any'):
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


# ---------------------------------------------------------- code generation
#
# The tree becomes a flat list of ints, the program that the native matcher
# (_ftpy_sre, src/modules/re_*.cpp) loads once and runs.  The opcode numbers
# are the table in src/modules/re_program.h; keep the two in step.
#
# One-character items are [op, arg, skip, ...]: skip is the item's length,
# so a repeat can step over its item whatever the item is.
#   CHAR c 3 | LIT_IC c 4 mode | ANY 0 3 | ANY_ALL 0 3
#   SET 0 skip negate mode n (kind a b)*n    kind 0 char, 1 range, 2 category
# Others:
#   STR n c1..cn | AT kind | SPLIT alt | JMP target | SAVE slot
#   REP_ONE min max greedy end item         a repeat of one-character item
#   REP_INIT id until body... REP_UNTIL id min max greedy body
#   BACKREF group mode | LOOK kind width end body... SUCCEED
#   ATOMIC end body... SUCCEED | COND group no yes... JMP end no...
#   SUCCEED

OP_SUCCEED = 1
OP_CHAR = 2
OP_LIT_IC = 3
OP_ANY = 4
OP_ANY_ALL = 5
OP_SET = 6
OP_STR = 7
OP_AT = 8
OP_SPLIT = 9
OP_JMP = 10
OP_SAVE = 11
OP_REP_ONE = 12
OP_REP_INIT = 13
OP_REP_UNTIL = 14
OP_BACKREF = 15
OP_LOOK = 16
OP_ATOMIC = 17
OP_COND = 18

_AT_CODES = {'bol': 0, 'bol_m': 1, 'eol': 2, 'eol_m': 3, 'bos': 4, 'eos': 5,
             'word': 6, 'nonword': 7, 'word_a': 8, 'nonword_a': 9}
_SET_KINDS = {'c': 0, 'r': 1, 'cat': 2}


def _single(node):
    # The node if it matches exactly one character with no captures.
    while node[0] == 'group' and node[1] is None or node[0] == 'atomic':
        node = node[-1]
    kind = node[0]
    if kind in ('set', 'any'):
        return node
    if kind == 'str' and len(node[1]) == 1:
        return node
    if kind == 'seq' and len(node[1]) == 1:
        return _single(node[1][0])
    return None


class _CodeGen:
    def __init__(self):
        self.code = []
        self.nrep = 0

    def item(self, node):
        code = self.code
        kind = node[0]
        if kind == 'any':
            code += [OP_ANY_ALL if node[1] else OP_ANY, 0, 3]
        elif kind == 'str':
            c = ord(node[1])
            if node[2]:
                code += [OP_LIT_IC, c, 4, node[2]]
            else:
                code += [OP_CHAR, c, 3]
        else:
            items = node[1]
            body = [OP_SET, 0, 6 + 3 * len(items), 1 if node[2] else 0, node[3], len(items)]
            for it in items:
                if it[0] == 'r':
                    body += [1, it[1], it[2]]
                else:
                    body += [_SET_KINDS[it[0]], it[1], 0]
            code += body

    def emit(self, node):
        code = self.code
        kind = node[0]
        if kind in ('set', 'any'):
            self.item(node)
        elif kind == 'str':
            text = node[1]
            if node[2] or len(text) == 1:
                for ch in text:
                    self.item(('str', ch, node[2]))
            else:
                code += [OP_STR, len(text)]
                code += [ord(ch) for ch in text]
        elif kind == 'seq':
            for item in node[1]:
                self.emit(item)
        elif kind == 'alt':
            jumps = []
            branches = node[1]
            for i, b in enumerate(branches):
                if i < len(branches) - 1:
                    split = len(code)
                    code += [OP_SPLIT, 0]
                    self.emit(b)
                    jumps.append(len(code))
                    code += [OP_JMP, 0]
                    code[split + 1] = len(code)
                else:
                    self.emit(b)
            for j in jumps:
                code[j + 1] = len(code)
        elif kind == 'group':
            if node[1] is None:
                self.emit(node[2])
            else:
                code += [OP_SAVE, 2 * node[1]]
                self.emit(node[2])
                code += [OP_SAVE, 2 * node[1] + 1]
        elif kind == 'rep':
            inner, lo, hi, greedy = node[1], node[2], node[3], node[4]
            single = _single(inner)
            if single is not None:
                at = len(code)
                code += [OP_REP_ONE, lo, hi, 1 if greedy else 0, 0]
                self.item(single)
                code[at + 4] = len(code)
            else:
                rid = self.nrep
                self.nrep += 1
                at = len(code)
                code += [OP_REP_INIT, rid, 0]
                self.emit(inner)
                code[at + 2] = len(code)
                code += [OP_REP_UNTIL, rid, lo, hi, 1 if greedy else 0, at + 3]
        elif kind == 'backref':
            code += [OP_BACKREF, node[1], node[2]]
        elif kind == 'look':
            behind, negative = node[1], node[2]
            at = len(code)
            code += [OP_LOOK, (2 if behind else 0) + (1 if negative else 0),
                     node[4] if behind else 0, 0]
            self.emit(node[3])
            code.append(OP_SUCCEED)
            code[at + 3] = len(code)
        elif kind == 'at':
            code += [OP_AT, _AT_CODES[node[1]]]
        elif kind == 'atomic':
            at = len(code)
            code += [OP_ATOMIC, 0]
            self.emit(node[1])
            code.append(OP_SUCCEED)
            code[at + 1] = len(code)
        elif kind == 'cond':
            at = len(code)
            code += [OP_COND, node[1], 0]
            self.emit(node[2])
            jump = len(code)
            code += [OP_JMP, 0]
            code[at + 2] = len(code)
            if node[3] is not None:
                self.emit(node[3])
            code[jump + 1] = len(code)
        else:
            raise AssertionError(kind)


def generate(tree):
    """The program for a parsed tree, and its number of general repeats."""
    gen = _CodeGen()
    gen.emit(tree)
    gen.code.append(OP_SUCCEED)
    return gen.code, gen.nrep


def literal_prefix(node):
    """A case-sensitive literal every match must start with ('' if none)."""
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
    """Parse and generate: (program, repeat count, group count, groupindex,
    final flags, literal prefix)."""
    p = _Parser(pattern, flags)
    tree = p.parse()
    # The type flags are checked after the parse, as sre's fix_flags is.
    final_flags = p.flags
    if p.is_bytes:
        if final_flags & UNICODE:
            raise ValueError('cannot use UNICODE flag with a bytes pattern')
        if final_flags & LOCALE and final_flags & ASCII:
            raise ValueError('ASCII and LOCALE flags are incompatible')
    else:
        if final_flags & LOCALE:
            raise ValueError('cannot use LOCALE flag with a str pattern')
        if final_flags & ASCII and final_flags & UNICODE:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if not final_flags & ASCII:
            final_flags |= UNICODE
    code, nrep = generate(tree)
    return code, nrep, p.groups, p.groupindex, final_flags, literal_prefix(tree)
