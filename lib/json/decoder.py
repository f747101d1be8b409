"""JSON decoder (ftpy): a recursive-descent parser over the text, with no
regular expressions.  Error messages and positions are CPython's."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """ValueError raised for invalid JSON, with the position of the error:
    msg (unformatted message), doc (the text), pos (index in doc), lineno
    and colno (1-based)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return type(self), (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_SPACE = frozenset(' \t\n\r')
_DIGIT = frozenset('0123456789')
_HEXDIGIT = frozenset('0123456789abcdefABCDEF')
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                   'n': '\n', 'r': '\r', 't': '\t'}


def _skip(text, i):
    n = len(text)
    while i < n and text[i] in _SPACE:
        i += 1
    return i


def _hex4(text, i):
    """The value of the four hex digits after text[i] (which is 'u')."""
    digits = text[i + 1:i + 5]
    if len(digits) == 4 and all(c in _HEXDIGIT for c in digits):
        return int(digits, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', text, i)


def py_scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at s[end - 1].
    Returns (str, index after the closing quote)."""
    start = end - 1
    n = len(s)
    out = []
    i = end
    while True:
        run = i
        while i < n:
            c = s[i]
            if c == '"' or c == '\\' or (c < ' ' and strict):
                break
            i += 1
        if i >= n:
            raise JSONDecodeError('Unterminated string starting at', s, start)
        out.append(s[run:i])
        c = s[i]
        if c == '"':
            return ''.join(out), i + 1
        if c != '\\':
            raise JSONDecodeError('Invalid control character at', s, i)
        if i + 1 >= n:
            raise JSONDecodeError('Unterminated string starting at', s, start)
        kind = s[i + 1]
        if kind != 'u':
            try:
                out.append(_SIMPLE_ESCAPES[kind])
            except KeyError:
                raise JSONDecodeError('Invalid \\escape', s, i) from None
            i += 2
            continue
        code = _hex4(s, i + 1)
        i += 6
        if 0xd800 <= code < 0xdc00 and s.startswith('\\u', i):
            low = _hex4(s, i + 1)
            if 0xdc00 <= low < 0xe000:
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                i += 6
        out.append(chr(code))


try:
    from _json import scanstring as c_scanstring
except ImportError:
    c_scanstring = None

scanstring = c_scanstring or py_scanstring


def _number_end(s, i):
    """If a JSON number starts at s[i], return (end, is_integer); else None."""
    n = len(s)
    j = i
    if j < n and s[j] == '-':
        j += 1
    if j >= n or s[j] not in _DIGIT:
        return None
    if s[j] == '0':
        j += 1
    else:
        while j < n and s[j] in _DIGIT:
            j += 1
    integer = True
    if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGIT:
        integer = False
        j += 2
        while j < n and s[j] in _DIGIT:
            j += 1
    if j < n and s[j] in 'eE':
        k = j + 1
        if k < n and s[k] in '+-':
            k += 1
        if k < n and s[k] in _DIGIT:
            while k < n and s[k] in _DIGIT:
                k += 1
            integer = False
            j = k
    return j, integer


class _Parser:
    """One parse of one document, configured from a JSONDecoder."""

    def __init__(self, dec):
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant
        self.strict = dec.strict
        self.parse_string = dec.parse_string
        self.keys = {}   # share equal key strings within one document

    def value(self, s, i):
        """Parse the value at s[i] (no leading space); return (value, end).
        Raises StopIteration(i) when no value starts there."""
        c = s[i:i + 1]
        if c == '"':
            return self.parse_string(s, i + 1, self.strict)
        if c == '{':
            return self.obj(s, i + 1)
        if c == '[':
            return self.array(s, i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        num = _number_end(s, i)
        if num is not None:
            end, integer = num
            text = s[i:end]
            return (self.parse_int(text) if integer else self.parse_float(text)), end
        for word in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(word, i):
                return self.parse_constant(word), i + len(word)
        raise StopIteration(i)

    def member_value(self, s, i):
        try:
            return self.value(s, i)
        except StopIteration as stop:
            raise JSONDecodeError('Expecting value', s, stop.value) from None

    def array(self, s, i):
        items = []
        i = _skip(s, i)
        if s[i:i + 1] == ']':
            return items, i + 1
        while True:
            item, i = self.member_value(s, i)
            items.append(item)
            i = _skip(s, i)
            c = s[i:i + 1]
            if c == ']':
                return items, i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            # A trailing comma is "Expecting value" at the ']' (3.11; the
            # "Illegal trailing comma" wording is 3.13's).
            i = _skip(s, i + 1)

    def obj(self, s, i):
        pairs = []
        i = _skip(s, i)
        c = s[i:i + 1]
        if c == '}':
            return self.finish_object(pairs), i + 1
        while True:
            if c != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, i)
            key, i = self.parse_string(s, i + 1, self.strict)
            key = self.keys.setdefault(key, key)
            i = _skip(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip(s, i + 1)
            val, i = self.member_value(s, i)
            pairs.append((key, val))
            i = _skip(s, i)
            c = s[i:i + 1]
            if c == '}':
                return self.finish_object(pairs), i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip(s, i + 1)
            c = s[i:i + 1]

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d


def py_make_scanner(context):
    """scan_once(string, idx) -> (value, end) for a decoder-like context;
    raises StopIteration(idx) if no JSON value starts at idx."""
    def scan_once(string, idx):
        return _Parser(context).value(string, idx)
    return scan_once


try:
    from _json import make_scanner as c_make_scanner
except ImportError:
    c_make_scanner = None

# The native scanner (_json) reads the decoder's settings once, when it is
# made, as CPython's C scanner does.
make_scanner = c_make_scanner or py_make_scanner


class JSONDecoder(object):
    """Decoder of JSON documents: objects become dicts (or what
    object_hook / object_pairs_hook return), arrays lists, strings str,
    numbers int or float (or what parse_int / parse_float return),
    true/false/null True/False/None.  NaN, Infinity and -Infinity are
    accepted too (parse_constant).  With strict=False, control characters
    are allowed inside strings."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s, _w=None):
        """Return the Python value of the JSON document s (a str);
        whitespace may surround it, nothing else."""
        value, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return value

    def raw_decode(self, s, idx=0):
        """Decode the JSON value that starts at s[idx]; return (value,
        index where it ends).  Text after it is allowed."""
        try:
            return self.scan_once(s, idx)
        except StopIteration as stop:
            raise JSONDecodeError('Expecting value', s, stop.value) from None
