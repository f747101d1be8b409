"""_string for ftpy: the parsers string.Formatter uses (CPython's are in C).

formatter_parser(s) iterates over (literal, field_name, format_spec,
conversion) chunks; formatter_field_name_split(name) gives (first, rest),
rest iterating over (is_attribute, key). Both are lazy, as CPython's: a
malformed string raises only when iteration reaches the bad part, after
the chunks before it were produced. Written here from the documented
behaviour of the replacement-field grammar.

Thread safety: each iterator's position is a plain attribute; sharing one
iterator between threads gives each some chunks (no crash), as with any
Python-level iterator.
"""


def _check_str(s):
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")


def _index_or_none(s):
    # A key made only of decimal digits is an int (CPython's get_integer).
    if not s:
        return None
    value = 0
    limit = (1 << 63) - 1
    for c in s:
        if not c.isdecimal():
            return None
        d = int(c)
        if value > (limit - d) // 10:
            raise ValueError("Too many decimal digits in format string")
        value = value * 10 + d
    return value


class formatteriterator:
    __slots__ = ('_s', '_pos')

    def __init__(self, s):
        self._s = s
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        s = self._s
        n = len(s)
        start = self._pos
        if start >= n:
            raise StopIteration
        i = start
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup and (at_end or s[i] != c):
            self._pos = n
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            self._pos = n
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:
                i += 1  # an escaped brace: the literal keeps one
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            self._pos = i
            return (literal, None, None, None)
        self._pos = n  # an error below ends the iteration
        i, name, spec, conversion = _parse_field(s, i)
        self._pos = i
        return (literal, name, spec, conversion)


def _parse_field(s, i):
    """Parse a replacement field after its '{': (end, name, spec, conversion)."""
    n = len(s)
    name_start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    name = s[name_start:i - 1]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return i, name, '', conversion
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    return i, name, s[spec_start:i - 1], conversion
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return i, name, '', conversion


class fieldnameiterator:
    __slots__ = ('_s', '_pos')

    def __init__(self, s, pos):
        self._s = s
        self._pos = pos

    def __iter__(self):
        return self

    def __next__(self):
        s = self._s
        n = len(s)
        i = self._pos
        if i >= n:
            raise StopIteration
        c = s[i]
        i += 1
        self._pos = n
        if c == '.':
            start = i
            while i < n and s[i] not in '.[':
                i += 1
            key = s[start:i]
            is_attr = True
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = s[start:i]
            i += 1
            is_attr = False
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        if not key:
            raise ValueError("Empty attribute in format string")
        if not is_attr:
            idx = _index_or_none(key)
            if idx is not None:
                key = idx
        self._pos = i
        return (is_attr, key)


def formatter_parser(s, /):
    """Iterate over the chunks of a format string (see the module doc)."""
    _check_str(s)
    return formatteriterator(s)


def formatter_field_name_split(s, /):
    """Split a field name into its first part and an iterator over the rest."""
    _check_str(s)
    i = 0
    n = len(s)
    while i < n and s[i] not in '.[':
        i += 1
    first = s[:i]
    idx = _index_or_none(first)
    return (first if idx is None else idx), fieldnameiterator(s, i)
