"""_multibytecodec for ftpy: CPython's CJK codec framework.

The host library's encodings/<name>.py modules (shift_jis, euc_kr, gb18030,
iso2022_jp, hz, ...) build their codecs from `_codecs_<family>.getcodec()`
and the incremental and stream classes here. The conversion itself is the
native engine `_ftpy_cjk` (src/modules/cjk_codecs.cpp): it converts until an
error or the end of its input and returns where it stopped, and this module
applies the error handler, keeps the pending input of the incremental
codecs and their codec state (an int the engine passes back), and presents
CPython's API, messages and state formats.

Thread safety: a codec object is immutable. Incremental and stream objects
hold their pending input and state in attributes replaced as a whole, as
CPython's do; sharing one between threads without a lock can interleave
their output as it can in CPython.
"""

import _ftpy_cjk

_MAXDECPENDING = 8   # bytes an incremental decoder may hold back
_MAXENCPENDING = 2   # characters an incremental encoder may hold back


class MultibyteCodec:
    __slots__ = ('_name', '_id')

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create '_multibytecodec.MultibyteCodec' instances")

    def encode(self, input, errors=None):
        """Return an encoded string version of `input'."""
        if not isinstance(input, str):
            raise TypeError("couldn't convert the object to unicode.")
        out, pos, state = _encode(self, input, 0, 0, errors, True)
        return out, len(input)

    def decode(self, input, errors=None):
        """Decodes 'input'."""
        data = bytes(memoryview(input))
        out, pos, state = _decode(self, data, 0, errors, True)
        return out, len(data)


MultibyteCodec.__module__ = '_multibytecodec'


def __create_codec(name):
    idx = _ftpy_cjk.lookup(name)
    if idx < 0:
        raise LookupError('no such codec is supported.')
    c = object.__new__(MultibyteCodec)
    object.__setattr__(c, '_name', name)
    object.__setattr__(c, '_id', idx)
    return c




def _errors_name(errors):
    if errors is None:
        return 'strict'
    if not isinstance(errors, str):
        raise TypeError('errors must be a string, not %s' % type(errors).__name__)
    return errors


def _decode(codec, data, state, errors, final):
    """Decode all of data (or up to an incomplete tail when not final):
    (text, position reached, state)."""
    errors = _errors_name(errors)
    parts = []
    pos = 0
    n = len(data)
    while True:
        text, pos, es, ee, reason, state = _ftpy_cjk.decode(codec._id, data, pos, state, final)
        if text:
            parts.append(text)
        if es < 0:
            return ''.join(parts), pos, state
        if errors == 'strict':
            raise UnicodeDecodeError(codec._name, data, es, ee, reason)
        if errors == 'ignore':
            pos = ee
            continue
        if errors == 'replace':
            parts.append('\ufffd')
            pos = ee
            continue
        import codecs
        handler = codecs.lookup_error(errors)
        exc = UnicodeDecodeError(codec._name, data, es, ee, reason)
        res = handler(exc)
        if (not isinstance(res, tuple) or len(res) != 2 or not isinstance(res[0], str)
                or not isinstance(res[1], int)):
            raise TypeError('decoding error handler must return (str, int) tuple')
        parts.append(res[0])
        newpos = res[1]
        if newpos < 0:
            newpos += n
        if newpos < 0 or newpos > n:
            raise IndexError('position %d from error handler out of bounds' % res[1])
        pos = newpos


def _encode(codec, text, pos, state, errors, final):
    """Encode text[pos:]; when not final, a character that may combine
    with the next one stays unconsumed: (bytes, position reached, state)."""
    errors = _errors_name(errors)
    parts = []
    n = len(text)
    while True:
        out, pos, es, ee, state = _ftpy_cjk.encode(codec._id, text, pos, state, final)
        if out:
            parts.append(out)
        if es < 0:
            return b''.join(parts), pos, state
        if errors == 'strict':
            raise UnicodeEncodeError(codec._name, text, es, ee, 'illegal multibyte sequence')
        if errors == 'ignore':
            pos = ee
            continue
        if errors == 'replace':
            rep, newpos = '?', ee
        else:
            import codecs
            handler = codecs.lookup_error(errors)
            exc = UnicodeEncodeError(codec._name, text, es, ee, 'illegal multibyte sequence')
            res = handler(exc)
            if (not isinstance(res, tuple) or len(res) != 2
                    or not isinstance(res[0], (str, bytes)) or not isinstance(res[1], int)):
                raise TypeError('encoding error handler must return (str, int) tuple')
            rep, newpos = res
            if newpos < 0:
                newpos += n
            if newpos < 0 or newpos > n:
                raise IndexError('position %d from error handler out of bounds' % res[1])
        if isinstance(rep, bytes):
            parts.append(rep)
        elif rep:
            out, _, es, ee, state = _ftpy_cjk.encode(codec._id, rep, 0, state, True)
            if es >= 0:
                raise UnicodeEncodeError(codec._name, rep, es, ee, 'illegal multibyte sequence')
            parts.append(out)
        pos = newpos


def _codec_of(cls):
    codec = getattr(cls, 'codec', None)
    if codec is None:
        raise AttributeError("type object '%s' has no attribute 'codec'" % cls.__name__)
    if not isinstance(codec, MultibyteCodec):
        raise TypeError('codec is unexpected type')
    return codec


class _Errors:
    def _get_errors(self):
        return self._errors

    def _set_errors(self, value):
        if value is None:
            raise AttributeError('cannot delete attribute')
        if not isinstance(value, str):
            raise TypeError('errors must be a string')
        self._errors = value

    errors = property(_get_errors, _set_errors, None, 'how to treat errors')


class MultibyteIncrementalEncoder(_Errors):
    def __init__(self, errors='strict'):
        self._codec = _codec_of(type(self))
        self._errors = _errors_name(errors)
        self._pending = ''
        self._state = _ftpy_cjk.initial_state(self._codec._id, False)

    def encode(self, input, final=False):
        text = self._pending + input if self._pending else input
        if not isinstance(text, str):
            raise TypeError("couldn't convert the object to unicode.")
        out, pos, self._state = _encode(self._codec, text, 0, self._state, self._errors, bool(final))
        self._pending = text[pos:]
        if len(self._pending) > _MAXENCPENDING:
            self._pending = ''
            raise UnicodeError('pending buffer overflow')
        return out

    def reset(self):
        # The codec's reset (ISO-2022: back to ASCII, unshifted) is applied
        # and its output dropped; the designations it keeps stay, as in CPython.
        _, _, self._state = _encode(self._codec, '', 0, self._state, 'strict', True)
        self._pending = ''

    def getstate(self):
        p = self._pending.encode('utf-8', 'surrogatepass')
        raw = bytes([len(p)]) + p + self._state.to_bytes(8, 'little')
        return int.from_bytes(raw, 'little')

    def setstate(self, state):
        if not isinstance(state, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(state).__name__)
        try:
            raw = state.to_bytes(1 + _MAXENCPENDING * 4 + 8, 'little')
        except OverflowError:
            raise OverflowError('int too big to convert') from None
        n = raw[0]
        if n > _MAXENCPENDING * 4:
            raise UnicodeError('pending buffer too large')
        self._pending = raw[1:1 + n].decode('utf-8', 'surrogatepass')
        self._state = int.from_bytes(raw[1 + n:1 + n + 8], 'little')


class MultibyteIncrementalDecoder(_Errors):
    def __init__(self, errors='strict'):
        self._codec = _codec_of(type(self))
        self._errors = _errors_name(errors)
        self._pending = b''
        self._state = _ftpy_cjk.initial_state(self._codec._id, True)

    def decode(self, input, final=False):
        data = bytes(memoryview(input))
        if self._pending:
            data = self._pending + data
        out, pos, self._state = _decode(self._codec, data, self._state, self._errors, bool(final))
        rest = data[pos:]
        if len(rest) > _MAXDECPENDING:
            self._pending = b''
            raise UnicodeError('pending buffer overflow')
        self._pending = rest
        return out

    def reset(self):
        self._pending = b''
        self._state = _ftpy_cjk.decoder_reset(self._codec._id, self._state)

    def getstate(self):
        return (self._pending, self._state)

    def setstate(self, state):
        if not isinstance(state, tuple):
            raise TypeError('setstate() argument must be tuple, not %s' % type(state).__name__)
        buf, flag = state
        if not isinstance(buf, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buf).__name__)
        if len(buf) > _MAXDECPENDING:
            raise UnicodeError('pending buffer too large')
        self._pending = buf
        self._state = int(flag) & 0xFFFFFFFFFFFFFFFF


class MultibyteStreamReader(_Errors):
    def __init__(self, stream, errors='strict'):
        self._codec = _codec_of(type(self))
        self.stream = stream
        self._errors = _errors_name(errors)
        self._pending = b''
        self._state = _ftpy_cjk.initial_state(self._codec._id, True)

    def _iread(self, method, size):
        if size == 0:
            return ''
        parts = []
        while True:
            if size is None or size < 0:
                cres = getattr(self.stream, method)()
            else:
                cres = getattr(self.stream, method)(size)
            if not isinstance(cres, bytes):
                raise TypeError('stream function returned a non-bytes object (%.100s)' % type(cres).__name__)
            eof = len(cres) == 0
            data = self._pending + cres
            final = eof or size is None or size < 0
            out, pos, self._state = _decode(self._codec, data, self._state, self._errors, final)
            self._pending = data[pos:]
            if len(self._pending) > _MAXDECPENDING:
                self._pending = b''
                raise UnicodeError('pending buffer overflow')
            if out:
                parts.append(out)
            if final or out:
                if method == 'readline' and out and not out.endswith('\n') and not final:
                    size = 1
                    continue
                break
            size = 1
        return ''.join(parts)

    def read(self, sizeobj=None):
        return self._iread('read', sizeobj)

    def readline(self, sizeobj=None):
        return self._iread('readline', sizeobj)

    def readlines(self, sizehintobj=None):
        r = self._iread('read', sizehintobj)
        return r.splitlines(True)

    def reset(self):
        self._pending = b''
        self._state = _ftpy_cjk.decoder_reset(self._codec._id, self._state)


class MultibyteStreamWriter(_Errors):
    def __init__(self, stream, errors='strict'):
        self._codec = _codec_of(type(self))
        self.stream = stream
        self._errors = _errors_name(errors)
        self._pending = ''
        self._state = _ftpy_cjk.initial_state(self._codec._id, False)

    def write(self, strobj):
        if not isinstance(strobj, str):
            raise TypeError("couldn't convert the object to unicode.")
        text = self._pending + strobj
        out, pos, self._state = _encode(self._codec, text, 0, self._state, self._errors, False)
        self._pending = text[pos:]
        self.stream.write(out)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def reset(self):
        out, pos, self._state = _encode(self._codec, self._pending, 0, self._state, self._errors, True)
        self._pending = ''
        if out:
            self.stream.write(out)


for _cls in (MultibyteIncrementalEncoder, MultibyteIncrementalDecoder,
             MultibyteStreamReader, MultibyteStreamWriter):
    _cls.__module__ = '_multibytecodec'
del _cls
