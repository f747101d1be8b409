"""JSON encoder (ftpy).

Encoding walks the value recursively with a small generator-based emitter;
encode() joins its chunks, iterencode() hands them out one by one."""

__all__ = ['JSONEncoder']

INFINITY = float('inf')

# Characters that always need an escape, and how they are written.
_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f',
                  '\n': '\\n', '\r': '\\r', '\t': '\\t'}
ESCAPE_DCT = dict(_SHORT_ESCAPES)
for _code in range(0x20):
    ESCAPE_DCT.setdefault(chr(_code), '\\u%04x' % _code)
del _code


def py_encode_basestring(s):
    """JSON string literal for s, keeping non-ASCII characters as they are."""
    table = ESCAPE_DCT
    return '"' + ''.join([table.get(ch, ch) for ch in s]) + '"'


def _ascii_escape(ch):
    code = ord(ch)
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000   # a UTF-16 surrogate pair
    return '\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff))


def py_encode_basestring_ascii(s):
    """JSON string literal for s using only ASCII characters."""
    table = ESCAPE_DCT
    parts = []
    for ch in s:
        if ch in table:
            parts.append(table[ch])
        elif ch < '\x7f':
            parts.append(ch)
        else:
            parts.append(_ascii_escape(ch))
    return '"' + ''.join(parts) + '"'


try:
    from _json import encode_basestring as c_encode_basestring
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_encode_basestring = c_encode_basestring_ascii = c_make_encoder = None

encode_basestring = c_encode_basestring or py_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii or py_encode_basestring_ascii


def _float_text(x, allow_nan):
    if x != x:
        text = 'NaN'
    elif x == INFINITY:
        text = 'Infinity'
    elif x == -INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(x)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class _Emitter:
    """One encoding run: the encoder's settings plus the set of container
    ids being encoded (for cycle detection)."""

    def __init__(self, enc):
        self.default = enc.default
        self.quote = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
        self.allow_nan = enc.allow_nan
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.active = {} if enc.check_circular else None

    def scalar(self, o):
        """Text of a scalar JSON value, or None for a container/other."""
        if isinstance(o, str):
            return self.quote(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float_text(o, self.allow_nan)
        return None

    def enter(self, o):
        if self.active is not None:
            key = id(o)
            if key in self.active:
                raise ValueError('Circular reference detected')
            self.active[key] = o

    def leave(self, o):
        if self.active is not None:
            del self.active[id(o)]

    # Chunks come out as CPython's pure-Python iterencode makes them (a
    # scalar array item shares a chunk with the separator before it; keys,
    # key separators and values are chunks of their own), so iterating
    # iterencode() or dump()ing to a file object sees the same pieces.
    # 3.11 adds no "when serializing ..." notes to errors.

    def emit(self, o, depth):
        text = self.scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self.emit_array(o, depth)
        elif isinstance(o, dict):
            yield from self.emit_object(o, depth)
        else:
            self.enter(o)
            yield from self.emit(self.default(o), depth)
            self.leave(o)

    def _layout(self, depth):
        """(opening whitespace, separator, closing whitespace) for the
        members of a container at this depth."""
        if self.indent is None:
            return '', self.item_sep, ''
        inner = '\n' + self.indent * (depth + 1)
        return inner, self.item_sep + inner, '\n' + self.indent * depth

    def emit_array(self, seq, depth):
        if not seq:
            yield '[]'
            return
        self.enter(seq)
        head, sep, tail = self._layout(depth)
        buf = '[' + head
        first = True
        for item in seq:
            if first:
                first = False
            else:
                buf = sep
            text = self.scalar(item)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from self.emit(item, depth + 1)
        if tail:
            yield tail
        yield ']'
        self.leave(seq)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % type(key).__name__)

    def emit_object(self, mapping, depth):
        if not mapping:
            yield '{}'
            return
        self.enter(mapping)
        head, sep, tail = self._layout(depth)
        yield '{'
        if head:
            yield head
        pairs = sorted(mapping.items()) if self.sort_keys else mapping.items()
        first = True
        for key, value in pairs:
            name = self.key_text(key)
            if name is None:
                continue
            if first:
                first = False
            else:
                yield sep
            yield self.quote(name)
            yield self.key_sep
            text = self.scalar(value)
            if text is not None:
                yield text
            else:
                yield from self.emit(value, depth + 1)
        if tail:
            yield tail
        yield '}'
        self.leave(mapping)


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures.

    dict becomes an object, list and tuple an array, str a string, int and
    float numbers, True/False/None true/false/null (subclasses included).
    Subclasses override default() to encode other types."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable stand-in for o; the base version raises
        TypeError."""
        raise TypeError('Object of type %s is not JSON serializable'
                        % type(o).__name__)

    def encode(self, o):
        """Return the JSON text of o."""
        if isinstance(o, str):
            return (encode_basestring_ascii if self.ensure_ascii else encode_basestring)(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Yield the JSON text of o in pieces (for streaming)."""
        if _one_shot and c_make_encoder is not None:
            # encode(): the whole text at once, natively (also with an
            # indent, which CPython's C encoder leaves to Python).
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            return c_make_encoder(
                {} if self.check_circular else None, self.default,
                encode_basestring_ascii if self.ensure_ascii else encode_basestring,
                indent, self.key_separator, self.item_separator,
                self.sort_keys, self.skipkeys, self.allow_nan)(o, 0)
        return _Emitter(self).emit(o, 0)
