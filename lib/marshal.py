"""marshal: CPython's internal serialisation format, for the data types.

Written for ftpy from the documented format (the type codes and layouts of
CPython's marshal, version 4). ftpy compiles from source and has no code
object format of its own on disk, so code objects are refused on both sides
("unmarshallable object" when writing, "bad marshal data" when reading);
everything else round-trips, and data written by CPython loads here and the
reverse. Output differs from CPython's bytes in one respect only: CPython
marks an object as a reference target when its reference count is above one
(an implementation detail), ftpy when it occurs more than once in the value.
"""

import struct as _struct

version = 4

_NULL = b"0"
_NONE = b"N"
_FALSE = b"F"
_TRUE = b"T"
_STOPITER = b"S"
_ELLIPSIS = b"."
_INT = b"i"
_INT64 = b"I"
_FLOAT = b"f"
_BINARY_FLOAT = b"g"
_COMPLEX = b"x"
_BINARY_COMPLEX = b"y"
_LONG = b"l"
_STRING = b"s"
_INTERNED = b"t"
_REF = b"r"
_TUPLE = b"("
_LIST = b"["
_DICT = b"{"
_CODE = b"c"
_UNICODE = b"u"
_SET = b"<"
_FROZENSET = b">"
_ASCII = b"a"
_ASCII_INTERNED = b"A"
_SMALL_TUPLE = b")"
_SHORT_ASCII = b"z"
_SHORT_ASCII_INTERNED = b"Z"
_FLAG_REF = 0x80

_MAX_DEPTH = 2000
_END = object()  # the reader's NULL: the end of a dict's entries


def _is_ascii(s):
    return s.isascii()


class _Writer:
    def __init__(self, version):
        self.version = version
        self.out = []
        self.refs = {}      # id -> index, for objects written with FLAG_REF
        self.shared = set()  # ids of objects that occur more than once
        self.keep = []      # keeps the counted objects alive (stable ids)
        self.depth = 0

    def count(self, v, seen, depth=0):
        # Which objects occur more than once (version >= 3 references).
        if depth > _MAX_DEPTH:
            raise ValueError("object too deeply nested to marshal")
        if v is None or v is True or v is False or v is StopIteration or v is Ellipsis:
            return
        key = id(v)
        if key in seen:
            self.shared.add(key)
            return
        seen[key] = v
        if type(v) in (tuple, list, set, frozenset):
            for x in v:
                self.count(x, seen, depth + 1)
        elif type(v) is dict:
            for k, x in v.items():
                self.count(k, seen, depth + 1)
                self.count(x, seen, depth + 1)

    def byte(self, b):
        self.out.append(b)

    def long32(self, n):
        self.out.append(_struct.pack("<i", n))

    def size(self, n):
        if n > 0x7FFFFFFF:
            raise ValueError("unmarshallable object")
        self.long32(n)

    def code(self, tcode, flag):
        self.out.append(bytes([tcode[0] | flag]) if flag else tcode)

    def write(self, v):
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise ValueError("object too deeply nested to marshal")
            self._write(v)
        finally:
            self.depth -= 1

    def _write(self, v):
        if v is None:
            return self.byte(_NONE)
        if v is StopIteration:
            return self.byte(_STOPITER)
        if v is Ellipsis:
            return self.byte(_ELLIPSIS)
        if v is False:
            return self.byte(_FALSE)
        if v is True:
            return self.byte(_TRUE)
        flag = 0
        if self.version >= 3 and id(v) in self.shared:
            ix = self.refs.get(id(v))
            if ix is not None:
                self.byte(_REF)
                self.long32(ix)
                return
            self.refs[id(v)] = len(self.refs)
            flag = _FLAG_REF
        t = type(v)
        if t is int:
            if -0x80000000 <= v <= 0x7FFFFFFF:
                self.code(_INT, flag)
                self.long32(v)
            else:
                self.code(_LONG, flag)
                digits = []
                a = abs(v)
                while a:
                    digits.append(a & 0x7FFF)
                    a >>= 15
                self.size(len(digits))
                if v < 0:
                    self.out[-1] = _struct.pack("<i", -len(digits))
                self.out.append(_struct.pack("<%dH" % len(digits), *digits))
        elif t is float:
            if self.version > 1:
                self.code(_BINARY_FLOAT, flag)
                self.out.append(_struct.pack("<d", v))
            else:
                self.code(_FLOAT, flag)
                self._float_text(v)
        elif t is complex:
            if self.version > 1:
                self.code(_BINARY_COMPLEX, flag)
                self.out.append(_struct.pack("<dd", v.real, v.imag))
            else:
                self.code(_COMPLEX, flag)
                self._float_text(v.real)
                self._float_text(v.imag)
        elif t is str:
            if self.version >= 4 and _is_ascii(v):
                data = v.encode("ascii")
                if len(data) < 256:
                    self.code(_SHORT_ASCII, flag)
                    self.out.append(bytes([len(data)]))
                else:
                    self.code(_ASCII, flag)
                    self.size(len(data))
                self.out.append(data)
            else:
                data = v.encode("utf-8", "surrogatepass")
                self.code(_UNICODE, flag)
                self.size(len(data))
                self.out.append(data)
        elif t is bytes or t is bytearray or t is memoryview:
            data = bytes(v)
            self.code(_STRING, flag)
            self.size(len(data))
            self.out.append(data)
        elif t is tuple:
            if self.version >= 4 and len(v) < 256:
                self.code(_SMALL_TUPLE, flag)
                self.out.append(bytes([len(v)]))
            else:
                self.code(_TUPLE, flag)
                self.size(len(v))
            for x in v:
                self.write(x)
        elif t is list:
            self.code(_LIST, flag)
            self.size(len(v))
            for x in v:
                self.write(x)
        elif t is dict:
            self.code(_DICT, flag)
            for k, x in v.items():
                self.write(k)
                self.write(x)
            self.byte(_NULL)
        elif t is set or t is frozenset:
            self.code(_SET if t is set else _FROZENSET, flag)
            self.size(len(v))
            for x in v:
                self.write(x)
        else:
            raise ValueError("unmarshallable object")

    def _float_text(self, x):
        data = repr(x).encode("ascii")
        self.out.append(bytes([len(data)]))
        self.out.append(data)


def dumps(value, version=version, /):
    """Return the bytes object that would be written to a file by dump(value, file)."""
    if not isinstance(version, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(version).__name__)
    w = _Writer(version)
    if version >= 3:
        seen = {}
        w.count(value, seen)
        w.keep = seen  # ids stay valid while the writer runs
    w.write(value)
    return b"".join(w.out)


def dump(value, file, version=version, /):
    """Write the value on the open file."""
    file.write(dumps(value, version))


class _Reader:
    def __init__(self, read):
        self.read_exact = read
        self.refs = []
        self.depth = 0

    def take(self, n):
        data = self.read_exact(n)
        if len(data) < n:
            raise EOFError("marshal data too short")
        return data

    def long32(self):
        return _struct.unpack("<i", self.take(4))[0]

    def size(self):
        n = self.long32()
        if n < 0:
            raise ValueError("bad marshal data (size out of range)")
        return n

    def read(self, null_ok=False):
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise ValueError("recursion limit exceeded")
            return self._read(null_ok)
        finally:
            self.depth -= 1

    def _reserve(self, flag):
        if not flag:
            return -1
        self.refs.append(None)
        return len(self.refs) - 1

    def _set(self, ix, v):
        if ix >= 0:
            self.refs[ix] = v
        return v

    def _read(self, null_ok):
        head = self.read_exact(1)
        if not head:
            raise EOFError("EOF read where object expected")
        code = head[0]
        flag = code & _FLAG_REF
        t = bytes([code & ~_FLAG_REF])
        if t == _NONE:
            return None
        if t == _NULL:
            if null_ok:
                return _END
            raise TypeError("NULL object in marshal data for object")
        if t == _STOPITER:
            return StopIteration
        if t == _ELLIPSIS:
            return Ellipsis
        if t == _FALSE:
            return False
        if t == _TRUE:
            return True
        if t == _INT:
            return self._set(self._reserve(flag), self.long32())
        if t == _INT64:
            return self._set(self._reserve(flag), _struct.unpack("<q", self.take(8))[0])
        if t == _LONG:
            n = self.long32()
            count = abs(n)
            digits = _struct.unpack("<%dH" % count, self.take(2 * count)) if count else ()
            v = 0
            for i, d in enumerate(digits):
                if d > 0x7FFF:
                    raise ValueError("bad marshal data (digit out of range in long)")
                v |= d << (15 * i)
            if count and digits[-1] == 0:
                raise ValueError("bad marshal data (unnormalized long data)")
            return self._set(self._reserve(flag), -v if n < 0 else v)
        if t == _BINARY_FLOAT:
            return self._set(self._reserve(flag), _struct.unpack("<d", self.take(8))[0])
        if t == _FLOAT:
            return self._set(self._reserve(flag), self._float_text())
        if t == _BINARY_COMPLEX:
            re_, im = _struct.unpack("<dd", self.take(16))
            return self._set(self._reserve(flag), complex(re_, im))
        if t == _COMPLEX:
            re_ = self._float_text()
            return self._set(self._reserve(flag), complex(re_, self._float_text()))
        if t == _STRING:
            return self._set(self._reserve(flag), bytes(self.take(self.size())))
        if t in (_UNICODE, _INTERNED):
            data = self.take(self.size())
            try:
                s = bytes(data).decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                raise
            return self._set(self._reserve(flag), s)
        if t in (_ASCII, _ASCII_INTERNED):
            return self._set(self._reserve(flag), bytes(self.take(self.size())).decode("latin-1"))
        if t in (_SHORT_ASCII, _SHORT_ASCII_INTERNED):
            n = self.take(1)[0]
            return self._set(self._reserve(flag), bytes(self.take(n)).decode("latin-1"))
        if t in (_TUPLE, _SMALL_TUPLE):
            n = self.take(1)[0] if t == _SMALL_TUPLE else self.size()
            ix = self._reserve(flag)
            return self._set(ix, tuple([self.read() for _ in range(n)]))
        if t == _LIST:
            n = self.size()
            ix = self._reserve(flag)
            v = self._set(ix, [])
            for _ in range(n):
                v.append(self.read())
            return v
        if t == _DICT:
            ix = self._reserve(flag)
            v = self._set(ix, {})
            while True:
                k = self.read(null_ok=True)
                if k is _END:  # the NULL that ends the entries
                    break
                v[k] = self.read()
            return v
        if t in (_SET, _FROZENSET):
            n = self.size()
            ix = self._reserve(flag)
            if t == _SET:
                v = self._set(ix, set())
                for _ in range(n):
                    v.add(self.read())
                return v
            return self._set(ix, frozenset([self.read() for _ in range(n)]))
        if t == _REF:
            n = self.long32()
            if n < 0 or n >= len(self.refs) or self.refs[n] is None:
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[n]
        if t == _CODE:
            raise ValueError("bad marshal data (code objects are not supported by ftpy)")
        raise ValueError("bad marshal data (unknown type code)")

    def _float_text(self):
        n = self.take(1)[0]
        return float(bytes(self.take(n)).decode("ascii"))


def loads(data, /):
    """Convert the bytes-like object to a value; extra bytes are ignored."""
    view = bytes(memoryview(data))
    pos = 0

    def read(n):
        nonlocal pos
        chunk = view[pos:pos + n]
        pos += len(chunk)
        return chunk

    return _Reader(read).read()


def load(file, /):
    """Read one value from the open file (reading only the bytes it takes)."""
    def read(n):
        data = file.read(n)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("file.read() returned not bytes but %s" % type(data).__name__)
        return data

    return _Reader(read).read()
