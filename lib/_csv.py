"""CSV parsing and writing.

This module provides classes that assist in the reading and writing
of Comma Separated Value (CSV) files, and implements the interface
described by PEP 305.  Although many CSV files are simple to parse,
the format is not formally defined by a stable specification and
is subtle enough that parsing lines of a CSV file with something
like line.split(",") is bound to fail.  The module supports three
basic APIs: reading, writing, and registration of dialects.
"""
# ftpy's own implementation of the accelerator module behind csv.py: the
# reader is a character state machine fed one line at a time, the writer
# quotes or escapes each field by the dialect's rules.  Thread safety: a
# reader or writer object is meant for one thread (as in CPython); the
# dialect registry is a dict whose single operations are atomic.

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_field_limit = 128 * 1024
_dialects = {}


class Error(Exception):
    pass


_UNSET = object()
_DEFAULTS = {
    "delimiter": ",", "doublequote": True, "escapechar": None, "lineterminator": "\r\n",
    "quotechar": '"', "quoting": QUOTE_MINIMAL, "skipinitialspace": False, "strict": False,
}


def _char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        kind = "string or None" if allow_none else "string"
        raise TypeError(f'"{name}" must be {kind}, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return value


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = tuple("_" + k for k in _DEFAULTS)

    def __new__(cls, dialect=None, **kwargs):
        for k in kwargs:
            if k not in _DEFAULTS:
                raise TypeError(f"'{k}' is an invalid keyword argument for this function")
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        if isinstance(dialect, Dialect) and not kwargs and cls is Dialect:
            return dialect
        values = {}
        for k, default in _DEFAULTS.items():
            v = kwargs.get(k, _UNSET)
            if v is _UNSET and dialect is not None:
                v = getattr(dialect, k, _UNSET)
            values[k] = v
        self = object.__new__(cls)
        quoting_given = values["quoting"] is not _UNSET
        for k, v in values.items():
            if v is _UNSET:
                v = _DEFAULTS[k]
            if k in ("doublequote", "skipinitialspace", "strict"):
                v = bool(v)
            elif k == "delimiter":
                v = _char(k, v, False)
            elif k in ("quotechar", "escapechar"):
                v = _char(k, v, True)
            elif k == "lineterminator":
                if v is None:
                    raise TypeError("lineterminator must be set")
                if not isinstance(v, str):
                    raise TypeError('"lineterminator" must be a string')
            elif k == "quoting":
                if not isinstance(v, int):
                    raise TypeError('"quoting" must be an integer')
                if v not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
                    raise TypeError('bad "quoting" value')
            object.__setattr__(self, "_" + k, v)
        if self._quotechar is None:
            if not quoting_given:
                object.__setattr__(self, "_quoting", QUOTE_NONE)
            elif self._quoting != QUOTE_NONE:
                raise TypeError("quotechar must be set if quoting enabled")
        return self

    def __setattr__(self, name, value):
        if name in _DEFAULTS:
            raise AttributeError(f"attribute '{name}' of '_csv.Dialect' objects is not writable")
        raise AttributeError(f"'_csv.Dialect' object has no attribute '{name}'")

    def __reduce_ex__(self, protocol):
        raise TypeError(f"cannot pickle '{type(self).__qualname__}' object")

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)


Dialect.__module__ = "_csv"


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    try:
        del _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


def field_size_limit(*args):
    """Sets an upper limit on parsed fields.

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    if len(args) > 1:
        raise TypeError(f"field_size_limit expected at most 1 argument, got {len(args)}")
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# Reader states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)
_EOL = None  # fed after each line's characters


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, iterable, dialect="excel", **fmtparams):
        self._it = iter(iterable)
        self.dialect = Dialect(dialect, **fmtparams)
        self.line_num = 0
        self._reset()

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._numeric = False

    def __iter__(self):
        return self

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error(f"field larger than field limit ({_field_limit})")
        self._field.append(c)

    def _save_field(self):
        text = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            text = float(text)
        self._fields.append(text)

    def _start_field_numeric(self):
        self._numeric = self.dialect.quoting == QUOTE_NONNUMERIC

    def _feed(self, c):
        d = self.dialect
        st = self._state
        if st == _START_RECORD:
            if c is _EOL:
                return
            if c == "\n" or c == "\r":
                self._state = _EAT_CRNL
                return
            st = self._state = _START_FIELD
        if st == _START_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._start_field_numeric()
                self._state = _ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                self._start_field_numeric()
                self._add_char(c)
                self._state = _IN_FIELD
        elif st == _ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
            else:
                self._add_char("\n" if c is _EOL else c)
                self._state = _IN_FIELD
        elif st == _AFTER_ESCAPED_CRNL:
            if c is not _EOL:
                self._state = _IN_FIELD
                self._feed(c)
        elif st == _IN_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif c == d.escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
        elif st == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
            else:
                self._add_char(c)
        elif st == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char("\n" if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif st == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = _START_RECORD if c is _EOL else _EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error(f"'{d.delimiter}' expected after '{d.quotechar}'")
        elif st == _EAT_CRNL:
            if c is _EOL:
                self._state = _START_RECORD
            elif c != "\n" and c != "\r":
                # 3.12+ wording (3.11 asks about "universal-newline mode").
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if not self._fields and not self._field and self._state == _START_RECORD:
                    raise
                if self.dialect.strict and self._state != _START_RECORD:
                    raise Error("unexpected end of data") from None
                if self._state != _START_RECORD:
                    self._save_field()
                break
            self.line_num += 1
            if not isinstance(line, str):
                raise Error(f"iterator should return strings, not {type(line).__name__} "
                            "(the file should be opened in text mode)")
            for c in line:
                self._feed(c)
            self._feed(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


Reader.__name__ = Reader.__qualname__ = "reader"
Reader.__module__ = "_csv"


def _is_number(v):
    return isinstance(v, (int, float, complex)) or (
        not isinstance(v, str) and any(hasattr(type(v), m) for m in ("__index__", "__float__", "__int__")))


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, fileobj, dialect="excel", **fmtparams):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = Dialect(dialect, **fmtparams)

    def _format(self, value, only_field):
        d = self.dialect
        if value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        if d.quoting == QUOTE_ALL:
            quoted = True
        elif d.quoting == QUOTE_NONNUMERIC:
            quoted = not _is_number(value)
        else:
            quoted = False
        out = []
        for c in text:
            special = (c == d.delimiter or c == d.escapechar or c == d.quotechar
                       or c in d.lineterminator)
            if special:
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                elif c == d.quotechar:
                    if d.doublequote:
                        out.append(c)  # doubled below
                    else:
                        escape = True
                elif c == d.escapechar:
                    escape = True
                if escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
                elif d.quoting != QUOTE_NONE:
                    quoted = True
            out.append(c)
        if only_field and not text:
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            quoted = True
        body = "".join(out)
        return f"{d.quotechar}{body}{d.quotechar}" if quoted else body

    def writerow(self, row):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        try:
            fields = list(row)
        except TypeError:
            raise Error(f"iterable expected, not {type(row).__name__}") from None
        # A loop, not a generator: the generator's frame would show in
        # tracebacks, which hide this module's functions (see the end).
        only = len(fields) == 1
        parts = []
        for v in fields:
            parts.append(self._format(v, only))
        return self._write(self.dialect.delimiter.join(parts) + self.dialect.lineterminator)

    def writerows(self, rows):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = "writer"
Writer.__module__ = "_csv"


def reader(csvfile, dialect="excel", **fmtparams):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    return Reader(csvfile, dialect, **fmtparams)


def writer(fileobj, dialect="excel", **fmtparams):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    return Writer(fileobj, dialect, **fmtparams)


# The name CPython's messages give this module's C types (_csv.reader, _csv.writer, _csv.Dialect):
# see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name'):
        sys._ftpy_c_type_name(Reader, '_csv.reader')
        sys._ftpy_c_type_name(Writer, '_csv.writer')
        sys._ftpy_c_type_name(Dialect, '_csv.Dialect')
_c_type_names()
del _c_type_names


# CPython's _csv is C: its functions leave no frames in tracebacks.
def _hide_frames():
    import sys
    if hasattr(sys, '_ftpy_hide_frames'):
        sys._ftpy_hide_frames(
            _char, Dialect.__new__, Dialect.__setattr__, register_dialect,
            unregister_dialect, get_dialect, field_size_limit, Reader.__init__,
            Reader._reset, Reader._add_char, Reader._save_field,
            Reader._start_field_numeric, Reader._feed, Reader.__next__,
            _is_number, Writer.__init__, Writer._format, Writer.writerow,
            Writer.writerows, reader, writer)
_hide_frames()
del _hide_frames
