"""Codec registry and helpers, written for ftpy.

The encodings themselves are built into str.encode and bytes.decode
(UTF-8, UTF-16, UTF-32, Latin-1, ASCII with the standard error handlers);
this module exposes them through the codecs API: lookup() and CodecInfo,
encode()/decode(), incremental codecs, the BOM constants, register() for
user search functions, and the error-handler registry.
"""

import sys as _sys

__all__ = ['register', 'lookup', 'open', 'encode', 'decode', 'CodecInfo',
           'getencoder', 'getdecoder', 'getincrementalencoder',
           'getincrementaldecoder', 'getreader', 'getwriter',
           'register_error', 'lookup_error',
           'BOM', 'BOM_BE', 'BOM_LE', 'BOM32_BE', 'BOM32_LE', 'BOM64_BE',
           'BOM64_LE', 'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_LE',
           'BOM_UTF16_BE', 'BOM_UTF32', 'BOM_UTF32_LE', 'BOM_UTF32_BE',
           'Codec', 'IncrementalEncoder', 'IncrementalDecoder',
           'StreamReader', 'StreamWriter', 'StreamReaderWriter',
           'StreamRecoder', 'EncodedFile', 'iterencode', 'iterdecode',
           'strict_errors', 'ignore_errors', 'replace_errors',
           'xmlcharrefreplace_errors', 'backslashreplace_errors',
           'namereplace_errors']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_UTF16_LE = BOM_LE = b'\xff\xfe'
BOM_UTF16_BE = BOM_BE = b'\xfe\xff'
BOM_UTF32_LE = BOM64_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = BOM64_BE = b'\x00\x00\xfe\xff'
if _sys.byteorder == 'little':
    BOM_UTF16 = BOM = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM_UTF16 = BOM = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE


class CodecInfo(tuple):
    """Codec details as returned by lookup(): a 4-tuple
    (encode, decode, streamreader, streamwriter) with named attributes."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__,
            self.name, id(self))


class Codec:
    """Stateless encoder/decoder interface."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder:
    """Encodes input in pieces; subclasses implement encode()."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ''

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder:
    """Decodes input in pieces; subclasses implement decode()."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b'', 0)

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An incremental encoder that keeps the text it cannot encode yet (the
    idna codec's unfinished label) until more input arrives; subclasses
    supply _buffer_encode()."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ''

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        self.buffer = ''

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ''


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An incremental decoder that keeps undecodable trailing bytes until
    more input arrives; subclasses supply _buffer_decode()."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b''

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        result, consumed = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        self.buffer = b''

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class _StreamWrapper(Codec):
    """What StreamWriter and StreamReader share: the wrapped stream's other
    attributes show through, and `with` closes the stream."""

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


class StreamWriter(_StreamWrapper):
    """Writes text encoded with the subclass's encode() to a byte stream."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, _ = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()


class StreamReader(_StreamWrapper):
    """Reads text decoded with the subclass's decode() from a byte stream;
    bytes that end in the middle of a character wait for the next read."""

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b''
        self.charbuffer = ''

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        while chars < 0 or len(self.charbuffer) < chars:
            new = self.stream.read() if size < 0 else self.stream.read(size)
            data = self.bytebuffer + new
            if not data:
                break
            text, consumed = self.decode(data, self.errors)
            self.bytebuffer = data[consumed:]
            self.charbuffer += text
            if not new or size < 0:
                break
        if chars < 0:
            result, self.charbuffer = self.charbuffer, ''
        else:
            result, self.charbuffer = self.charbuffer[:chars], self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        while '\n' not in self.charbuffer:
            before = len(self.charbuffer)
            self.charbuffer += self.read(72)
            if len(self.charbuffer) == before:
                break
        line, sep, rest = self.charbuffer.partition('\n')
        self.charbuffer = rest
        return line + sep if keepends else line

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b''
        self.charbuffer = ''

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration



def _canonical(encoding):
    # The spellings CPython's encodings package accepts for the built-in
    # codecs: case-insensitive, '-', '_' and ' ' interchangeable.
    key = encoding.lower().replace('-', '_').replace(' ', '_')
    return _ALIASES.get(key)


_ALIASES = {}
for _name, _spellings in (
        ('utf-8', ('utf_8', 'utf8', 'u8', 'utf', 'cp65001')),
        ('utf-8-sig', ('utf_8_sig', 'utf8_sig')),
        ('utf-16', ('utf_16', 'utf16', 'u16')),
        ('utf-16-le', ('utf_16_le', 'utf_16le')),
        ('utf-16-be', ('utf_16_be', 'utf_16be')),
        ('utf-32', ('utf_32', 'utf32', 'u32')),
        ('utf-32-le', ('utf_32_le', 'utf_32le')),
        ('utf-32-be', ('utf_32_be', 'utf_32be')),
        ('iso8859-1', ('latin_1', 'latin1', 'latin', 'l1', 'iso8859_1',
                       'iso_8859_1', '8859', 'cp819', 'iso_ir_100')),
        ('ascii', ('ascii', 'us_ascii', '646', 'us')),
        ('cp437', ('cp437', '437', 'ibm437')),
        ('cp1252', ('cp1252', 'windows_1252', '1252')),
        ('utf-7', ('utf_7', 'utf7', 'u7', 'unicode_1_1_utf_7')),
        ('unicode-escape', ('unicode_escape',)),
        ('raw-unicode-escape', ('raw_unicode_escape',))):
    for _s in _spellings:
        _ALIASES[_s] = _name
del _name, _spellings, _s

# The length of one code unit, for the incremental decoders of the
# multi-byte encodings (a partial unit waits for more input).
_UNIT = {'utf-16': 2, 'utf-16-le': 2, 'utf-16-be': 2,
         'utf-32': 4, 'utf-32-le': 4, 'utf-32-be': 4}


def _bom_once_encoder(first_codec, later_codec):
    # An incremental encoder that writes a BOM once: its first text goes
    # through first_codec (which writes one), the rest through later_codec.
    class _Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self.first = True

        def encode(self, input, final=False):
            if self.first:
                self.first = False
                return input.encode(first_codec, self.errors)
            return input.encode(later_codec, self.errors)

        def reset(self):
            self.first = True

        def getstate(self):
            return 2 if self.first else 0

        def setstate(self, state):
            self.first = bool(state)

    return _Encoder


def _utf_8_sig_codec():
    # UTF-8 with a BOM written before the first text and skipped, if
    # present, before the first text read.
    def encode(input, errors='strict'):
        return (input.encode('utf-8-sig', errors), len(input))

    def decode(input, errors='strict'):
        data = bytes(input)
        return (data.decode('utf-8-sig', errors), len(data))

    _Encoder = _bom_once_encoder('utf-8-sig', 'utf-8')

    class _Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.first = True

        def _buffer_decode(self, input, errors, final):
            skip = 0
            if self.first:
                if len(input) < 3 and b'\xef\xbb\xbf'.startswith(input) and not final:
                    return ('', 0)
                self.first = False
                if input[:3] == b'\xef\xbb\xbf':
                    skip = 3
            usable = skip + _usable_prefix('utf-8', input[skip:], final)
            return (input[skip:usable].decode('utf-8', errors), usable)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self.first = True

    _Encoder.__qualname__ = _Encoder.__name__ = 'IncrementalEncoder'
    _Decoder.__qualname__ = _Decoder.__name__ = 'IncrementalDecoder'
    return CodecInfo(encode, decode, incrementalencoder=_Encoder,
                     incrementaldecoder=_Decoder, name='utf-8-sig')


# The encodings package's module for each built-in codec: the codec's
# classes are named as CPython's (encodings.latin_1.StreamReader, ...).
_MODULE_NAMES = {'iso8859-1': 'latin_1'}

# UTF-16 and UTF-32 without a byte order: the encoder writes the BOM once,
# then native-order units; the decoder reads the order from the leading BOM
# (UnicodeError without one) and keeps it for the rest of the stream.
_BOMS = {'utf-16': ((b'\xff\xfe', 'utf-16-le'), (b'\xfe\xff', 'utf-16-be')),
         'utf-32': ((b'\xff\xfe\x00\x00', 'utf-32-le'), (b'\x00\x00\xfe\xff', 'utf-32-be'))}


def _bom_classes(name):
    native = name + ('-le' if _sys.byteorder == 'little' else '-be')
    boms = _BOMS[name]
    unit = _UNIT[name]

    _Encoder = _bom_once_encoder(name, native)

    class _Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.order = None

        def _buffer_decode(self, input, errors, final):
            skip = 0
            if self.order is None:
                if len(input) < unit:
                    if not final or not input:
                        return ('', 0)
                    return (bytes(input).decode(name, errors), len(input))
                for bom, order in boms:
                    if input[:len(bom)] == bom:
                        self.order, skip = order, len(bom)
                        break
                else:
                    # Unlike str.decode, a stream must say its byte order.
                    raise UnicodeError('%s stream does not start with BOM' % name.upper())
            usable = skip + _usable_prefix(self.order, input[skip:], final)
            return (bytes(input[skip:usable]).decode(self.order, errors), usable)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self.order = None

    return _Encoder, _Decoder


def _stream_classes(encoder_cls, decoder_cls, stateless_encode, stateless_decode):
    # Stream codecs on top of the incremental ones, which carry the state a
    # stream needs (a BOM written or read once, a character split between
    # reads).
    class _Writer(StreamWriter):
        def __init__(self, stream, errors='strict'):
            StreamWriter.__init__(self, stream, errors)
            self._encoder = encoder_cls(errors)

        def encode(self, input, errors='strict'):
            return stateless_encode(input, errors)

        def write(self, object):
            self.stream.write(self._encoder.encode(object))

        def reset(self):
            self._encoder.reset()

    class _Reader(StreamReader):
        def __init__(self, stream, errors='strict'):
            StreamReader.__init__(self, stream, errors)
            self._decoder = decoder_cls(errors)

        def decode(self, input, errors='strict'):
            return (self._decoder.decode(input), len(input))

        def reset(self):
            StreamReader.reset(self)
            self._decoder.reset()

    return _Writer, _Reader


def _name_classes(info, name):
    module = 'encodings.' + _MODULE_NAMES.get(name, name.replace('-', '_'))
    for attr, cls_name in (('incrementalencoder', 'IncrementalEncoder'),
                           ('incrementaldecoder', 'IncrementalDecoder'),
                           ('streamwriter', 'StreamWriter'),
                           ('streamreader', 'StreamReader')):
        cls = getattr(info, attr)
        if cls is not None:
            cls.__name__ = cls.__qualname__ = cls_name
            cls.__module__ = module
    return info


def _make_builtin_codec(name):
    info = _make_builtin_codec_inner(name)
    writer, reader = _stream_classes(info.incrementalencoder, info.incrementaldecoder,
                                     info.encode, info.decode)
    info = CodecInfo(info.encode, info.decode, reader, writer,
                     info.incrementalencoder, info.incrementaldecoder, name=info.name)
    return _name_classes(info, name)


def _make_builtin_codec_inner(name):
    if name == 'utf-8-sig':
        return _utf_8_sig_codec()
    def encode(input, errors='strict'):
        return (input.encode(name, errors), len(input))

    def decode(input, errors='strict'):
        data = bytes(input)
        return (data.decode(name, errors), len(data))

    class _Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return input.encode(name, self.errors)

    class _Decoder(BufferedIncrementalDecoder):
        if name == 'utf-7':
            # The native decoder leaves an unfinished shift sequence
            # unconsumed (a built-in function: it does not bind).
            _buffer_decode = utf_7_decode
        else:
            def _buffer_decode(self, input, errors, final):
                usable = _usable_prefix(name, input, final)
                return (input[:usable].decode(name, errors), usable)

    if name in _BOMS:
        _Encoder, _Decoder = _bom_classes(name)
    return CodecInfo(encode, decode, incrementalencoder=_Encoder,
                     incrementaldecoder=_Decoder,
                     name=name)


# The bytes-to-bytes and str-to-str transforms of CPython's encodings
# package, for codecs.encode/decode (str.encode does not take them).
def _rot13(text):
    return text.translate(_ROT13)


_ROT13 = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                       'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')


def _transform_codec(encoding):
    key = encoding.lower().replace('-', '_').replace(' ', '_')
    if key in ('rot13', 'rot_13'):
        def encode(input, errors='strict'):
            return (_rot13(input), len(input))
        return CodecInfo(encode, encode, name='rot-13', _is_text_encoding=False)
    if key in ('hex', 'hex_codec'):
        import binascii
        def encode(input, errors='strict'):
            return (binascii.b2a_hex(input), len(input))
        def decode(input, errors='strict'):
            return (binascii.a2b_hex(input), len(input))
        return CodecInfo(encode, decode, name='hex', _is_text_encoding=False)
    if key in ('base64', 'base_64', 'base64_codec'):
        import base64
        def encode(input, errors='strict'):
            return (base64.encodebytes(input), len(input))
        def decode(input, errors='strict'):
            return (base64.decodebytes(input), len(input))
        return CodecInfo(encode, decode, name='base64', _is_text_encoding=False)
    if key in ('zlib', 'zip', 'zlib_codec'):
        import zlib
        def encode(input, errors='strict'):
            return (zlib.compress(input), len(input))
        def decode(input, errors='strict'):
            return (zlib.decompress(input), len(input))
        return CodecInfo(encode, decode, name='zlib', _is_text_encoding=False)
    return None


# The _codecs-style functions, for the encodings package's modules (which a
# codec search function of the host's standard library may import):
# (result, input length consumed).
def _encoder_function(name):
    def encode(str, errors=None):
        return (str.encode(name, errors or 'strict'), len(str))
    encode.__name__ = name.replace('-', '_') + '_encode'
    # Like a built-in function, it does not bind when a Codec class stores
    # it as its encode method (encodings/*.py do).
    return staticmethod(encode)


def _buffer(data, accept_str=False):
    """The bytes of a decoder's argument: a bytes-like object (or a str,
    UTF-8 encoded, where CPython's parser says s*). bytes(data) would take
    an int as a size (unicode_escape_decode(2**32) made 4 GiB of zeros)."""
    if type(data) is bytes:
        return data
    if accept_str and isinstance(data, str):
        return data.encode('utf-8')
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None


def _decoder_function(name):
    def decode(data, errors=None, final=False):
        data = _buffer(data)
        usable = _usable_prefix(name, data, final)
        return (data[:usable].decode(name, errors or 'strict'), usable)
    decode.__name__ = name.replace('-', '_') + '_decode'
    return staticmethod(decode)


latin_1_encode = _encoder_function('latin-1')
latin_1_decode = _decoder_function('latin-1')
ascii_encode = _encoder_function('ascii')
ascii_decode = _decoder_function('ascii')
utf_8_encode = _encoder_function('utf-8')
utf_8_decode = _decoder_function('utf-8')
utf_16_le_encode = _encoder_function('utf-16-le')
utf_16_le_decode = _decoder_function('utf-16-le')
utf_16_be_encode = _encoder_function('utf-16-be')
utf_16_be_decode = _decoder_function('utf-16-be')
utf_32_le_encode = _encoder_function('utf-32-le')
utf_32_le_decode = _decoder_function('utf-32-le')
utf_32_be_encode = _encoder_function('utf-32-be')
utf_32_be_decode = _decoder_function('utf-32-be')
# UTF-7's decoder reports how much of an unfinished input it consumed.
from _ftpy_codecs import utf_7_encode, utf_7_decode


@staticmethod
def unicode_escape_encode(str, errors=None):
    return (str.encode('unicode-escape'), len(str))


@staticmethod
def unicode_escape_decode(data, errors=None, final=True):
    data = _buffer(data, True)
    return (data.decode('unicode-escape', errors or 'strict'), len(data))


@staticmethod
def raw_unicode_escape_encode(str, errors=None):
    return (str.encode('raw-unicode-escape'), len(str))


@staticmethod
def raw_unicode_escape_decode(data, errors=None, final=True):
    data = _buffer(data, True)
    return (data.decode('raw-unicode-escape', errors or 'strict'), len(data))


_SIMPLE_ESCAPES = {0x0A: None, 0x5C: 0x5C, 0x27: 0x27, 0x22: 0x22, 0x62: 0x08, 0x66: 0x0C,
                   0x74: 0x09, 0x6E: 0x0A, 0x72: 0x0D, 0x76: 0x0B, 0x61: 0x07}
_HEX_DIGITS = b'0123456789abcdefABCDEF'


@staticmethod
def escape_decode(data, errors=None):
    """Decode Python 2 string escapes in bytes (pickle's STRING opcodes):
    (decoded bytes, length of the input)."""
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _buffer(data)
    out = bytearray()
    n = len(data)
    i = 0
    first_invalid = None
    while i < n:
        c = data[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise ValueError('Trailing \\ in string')
        c = data[i]
        i += 1
        if c in _SIMPLE_ESCAPES:
            v = _SIMPLE_ESCAPES[c]
            if v is not None:
                out.append(v)
        elif 0x30 <= c <= 0x37:
            v = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= data[i] <= 0x37:
                    v = v * 8 + data[i] - 0x30
                    i += 1
            if v > 0o377 and first_invalid is None:
                first_invalid = "invalid octal escape sequence '\\%o'" % v
            out.append(v & 0xFF)
        elif c == 0x78:
            if i + 1 < n and data[i] in _HEX_DIGITS and data[i + 1] in _HEX_DIGITS:
                out.append(int(data[i:i + 2], 16))
                i += 2
                continue
            if errors is None or errors == 'strict':
                raise ValueError('invalid \\x escape at position %d' % (i - 2))
            if errors == 'replace':
                out.append(0x3F)
            elif errors != 'ignore':
                raise ValueError('decoding error; unknown error handling code: %s' % errors)
            if i < n and data[i] in _HEX_DIGITS:
                i += 1
        else:
            if first_invalid is None:
                first_invalid = "invalid escape sequence '\\%s'" % chr(c)
            out.append(0x5C)
            out.append(c)
    if first_invalid is not None:
        import warnings
        warnings.warn(first_invalid, DeprecationWarning, stacklevel=2)
    return (bytes(out), n)


@staticmethod
def escape_encode(data, errors=None):
    """Escape bytes as a Python 2 string literal's body: (escaped, length)."""
    if not isinstance(data, bytes):
        raise TypeError('argument 1 must be bytes, not %s' % type(data).__name__)
    out = bytearray()
    for c in data:
        if c == 0x5C or c == 0x27:
            out += b'\\' + bytes([c])
        elif c == 0x09:
            out += b'\\t'
        elif c == 0x0A:
            out += b'\\n'
        elif c == 0x0D:
            out += b'\\r'
        elif c < 0x20 or c >= 0x7F:
            out += b'\\x%02x' % c
        else:
            out.append(c)
    return (bytes(out), len(data))


def _usable_prefix(name, data, final):
    # How many leading bytes can be decoded now without splitting a
    # character that the next chunk completes.
    if final:
        return len(data)
    n = len(data)
    if name == 'utf-8':
        # Step back over an incomplete multi-byte sequence at the end.
        i = n - 1
        back = 0
        while i >= 0 and back < 3 and 0x80 <= data[i] < 0xC0:
            i -= 1
            back += 1
        if i >= 0:
            lead = data[i]
            need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 \
                else 4 if 0xF0 <= lead < 0xF8 else 1
            if need > back + 1:
                return i
        return n
    unit = _UNIT.get(name)
    if unit:
        n -= n % unit
        # A high surrogate at the end waits for its low half.
        if unit == 2 and n >= 2 and name != 'utf-16':
            hi = data[n - 1] if name == 'utf-16-le' else data[n - 2]
            if 0xD8 <= hi <= 0xDB:
                n -= 2
    return n


_cache = {}
_search_functions = []


# The charmap primitives of CPython's _codecs, which the single-byte codecs
# of the encodings package (cp1251, koi8_r, mac_roman, ...) are built on.
class EncodingMap(dict):
    """The encoding table charmap_build makes: code point -> byte."""

    def size(self):
        return len(self)


def charmap_build(decoding_table):
    """Invert a 256-character decoding table into an encoding map."""
    if not isinstance(decoding_table, str):
        raise TypeError('charmap_build() argument must be str, not %s'
                        % type(decoding_table).__name__)
    m = EncodingMap()
    for i, ch in enumerate(decoding_table):
        m.setdefault(ord(ch), i)
    return m


def make_identity_dict(rng):
    return {i: i for i in rng}


def _decode_one(mapping, b):
    # The text byte b stands for, or None if it is undefined.
    if mapping is None:
        return chr(b)
    if isinstance(mapping, str):
        if b < len(mapping) and mapping[b] != '\ufffe':
            return mapping[b]
        return None
    try:
        v = mapping[b]
    except LookupError:
        return None
    if v is None:
        return None
    if isinstance(v, int):
        if v == 0xFFFE:
            return None
        if not 0 <= v <= 0x10FFFF:
            raise TypeError('character mapping must be in range(0x110000)')
        return chr(v)
    if isinstance(v, str):
        return None if v == '\ufffe' else v
    raise TypeError('character mapping must return integer, None or str')


def charmap_decode(data, errors=None, mapping=None):
    """Decode bytes through a table (str) or mapping (byte -> text)."""
    data = _buffer(data)
    errors = errors or 'strict'
    out = []
    i = 0
    n = len(data)
    while i < n:
        ch = _decode_one(mapping, data[i])
        if ch is not None:
            out.append(ch)
            i += 1
            continue
        if errors == 'ignore':
            i += 1
        elif errors == 'replace':
            out.append('\ufffd')
            i += 1
        elif errors == 'surrogateescape' and data[i] >= 128:
            out.append(chr(0xDC00 + data[i]))
            i += 1
        else:
            exc = UnicodeDecodeError('charmap', data, i, i + 1,
                                     'character maps to <undefined>')
            if errors == 'strict':
                raise exc
            rep, pos = lookup_error(errors)(exc)
            out.append(rep)
            i = pos + n if pos < 0 else pos
    return (''.join(out), n)


def _encode_one(mapping, ch):
    # The bytes ch encodes to, or None if the mapping has none.
    if mapping is None:
        c = ord(ch)
        return bytes((c,)) if c < 256 else None
    try:
        v = mapping[ord(ch)]
    except LookupError:
        return None
    if v is None:
        return None
    if isinstance(v, int):
        if not 0 <= v < 256:
            raise TypeError('character mapping must be in range(256)')
        return bytes((v,))
    if isinstance(v, bytes):
        return v
    raise TypeError('character mapping must return integer, bytes or None, '
                    'not %s' % type(v).__name__)


def charmap_encode(str, errors=None, mapping=None):
    """Encode text through a mapping (code point -> byte)."""
    errors = errors or 'strict'
    out = []
    i = 0
    n = len(str)
    while i < n:
        b = _encode_one(mapping, str[i])
        if b is not None:
            out.append(b)
            i += 1
            continue
        # The run of characters the mapping cannot encode.
        end = i + 1
        while end < n and _encode_one(mapping, str[end]) is None:
            end += 1
        exc = UnicodeEncodeError('charmap', str, i, end,
                                 'character maps to <undefined>')
        if errors == 'strict':
            raise exc
        if errors == 'ignore':
            i = end
            continue
        if errors == 'surrogateescape':
            rep = None
            for ch in str[i:end]:
                if not 0xDC80 <= ord(ch) <= 0xDCFF:
                    break
            else:
                out.append(bytes(ord(ch) - 0xDC00 for ch in str[i:end]))
                i = end
                continue
            raise exc
        if errors == 'replace':
            rep, pos = '?' * (end - i), end
        else:
            rep, pos = lookup_error(errors)(exc)
            if pos < 0:
                pos += n
        if isinstance(rep, bytes):
            out.append(rep)
        else:
            for ch in rep:
                b = _encode_one(mapping, ch)
                if b is None:
                    raise exc
                out.append(b)
        i = pos
    return (b''.join(out), n)


def _encodings_search(normalized):
    # The host's encodings package, for the codecs ftpy does not build in.
    # Its search function registers itself when the package is imported;
    # it is consulted here, after the built-in codecs, rather than first.
    global _encodings_function
    if _encodings_function is None:
        try:
            import encodings
        except ImportError:
            _encodings_function = False
            return None
        _encodings_function = encodings.search_function
    if not _encodings_function:
        return None
    try:
        return _encodings_function(normalized)
    except AttributeError:
        # A codec module that needs a primitive ftpy does not have.
        return None


_encodings_function = None


def _text_codec(encoding, action):
    # str.encode, bytes.decode and open() take text encodings only.
    info = lookup(encoding)
    if not info._is_text_encoding:
        raise LookupError("%r is not a text encoding; use codecs.%s() to "
                          "handle arbitrary codecs" % (encoding, action))
    return info


def register(search_function):
    """Register a codec search function: called with a normalized encoding
    name, it returns a CodecInfo or None."""
    if not callable(search_function):
        raise TypeError('argument must be callable')
    global _encodings_function
    if (getattr(search_function, '__module__', None) == 'encodings'
            and getattr(search_function, '__name__', None) == 'search_function'):
        # The encodings package registering itself on import (locale and
        # others import it): it serves the codecs ftpy does not build in,
        # after them, rather than shadowing them (its modules for the
        # built-in codecs need _codecs functions ftpy does not have).
        _encodings_function = search_function
        return
    _search_functions.append(search_function)


def unregister(search_function):
    """Unregister a codec search function (and forget cached lookups)."""
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding):
    """Look up a codec: returns its CodecInfo or raises LookupError."""
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s'
                        % type(encoding).__name__)
    info = _cache.get(encoding)
    if info is not None:
        return info
    normalized = encoding.lower().replace(' ', '_')
    for search in _search_functions:
        info = search(normalized)
        if info is not None:
            if not isinstance(info, CodecInfo):
                if not isinstance(info, tuple) or len(info) != 4:
                    raise TypeError('codec search functions must return 4-tuples')
                info = CodecInfo(*info)
            break
    else:
        name = _canonical(encoding)
        if name is None:
            info = _transform_codec(encoding)
            if info is None:
                info = _encodings_search(normalized)
            if info is None:
                raise LookupError('unknown encoding: %s' % encoding)
        else:
            info = _make_builtin_codec(name)
    _cache[encoding] = info
    return info


# Built-in exception types with their own __init__/__new__ or extra fields:
# CPython cannot rebuild those from a message, so they pass unwrapped.
_NO_WRAP = (OSError, SyntaxError, ImportError, UnicodeEncodeError, UnicodeDecodeError,
            UnicodeTranslateError, StopIteration, SystemExit, AttributeError, NameError,
            BaseExceptionGroup)


def _rebuildable(exc):
    # CPython wraps an exception only when it is a plain one: the
    # BaseException constructor, no argument but one str, no attributes.
    if isinstance(exc, _NO_WRAP):
        return False
    for cls in type(exc).__mro__:
        if cls.__module__ == 'builtins':
            break
        if '__init__' in cls.__dict__ or '__new__' in cls.__dict__ or '__slots__' in cls.__dict__:
            return False
    args = exc.args
    if len(args) > 1 or (len(args) == 1 and type(args[0]) is not str):
        return False
    return not getattr(exc, '__dict__', None)


def _call_codec(func, obj, errors, action, encoding):
    # A codec's failure is re-raised as the same type with the codec named
    # ("encoding with 'idna' codec failed (UnicodeError: ...)"), chained to
    # the original, as CPython does for exceptions it can rebuild.
    # The new exception's __cause__ is the original but, as in CPython, it
    # has no __context__: it is raised outside the handler.
    try:
        return func(obj, errors)
    except BaseException as exc:
        if not _rebuildable(exc):
            raise
        failed = exc
    try:
        wrapped = type(failed)('%s with %r codec failed (%s: %s)'
                               % (action, encoding, type(failed).__name__, failed))
    except BaseException:
        raise failed from None
    raise wrapped from failed


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode obj with the codec registered for encoding."""
    info = lookup(encoding)
    return _call_codec(info.encode, obj, errors, 'encoding', encoding)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode obj with the codec registered for encoding."""
    info = lookup(encoding)
    return _call_codec(info.decode, obj, errors, 'decoding', encoding)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


class StreamReaderWriter:
    """A byte stream read through a StreamReader and written through a
    StreamWriter of the same codec."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


class StreamRecoder:
    """Text in one encoding on the caller's side (encode/decode) and another
    in the byte stream (Reader/Writer): reads return data re-encoded with
    encode, writes are decoded with decode before the Writer encodes them."""

    data_encoding = 'unknown'
    file_encoding = 'unknown'

    def __init__(self, stream, encode, decode, Reader, Writer, errors='strict'):
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.encode(self.reader.read(size), self.errors)[0]

    def readline(self, size=None):
        line = self.reader.readline() if size is None else self.reader.readline(size)
        return self.encode(line, self.errors)[0]

    def readlines(self, sizehint=None):
        return self.encode(self.reader.read(), self.errors)[0].splitlines(keepends=True)

    def __next__(self):
        return self.encode(next(self.reader), self.errors)[0]

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(self.decode(data, self.errors)[0])

    def writelines(self, list):
        return self.write(b''.join(list))

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.reader.seek(offset, whence) if hasattr(self.reader, 'seek') else self.stream.seek(offset, whence)
        self.reader.reset()
        self.writer.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Wrap a byte stream holding file_encoding text so that the caller
    reads and writes bytes in data_encoding."""
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    sr = StreamRecoder(file, data_info.encode, data_info.decode,
                       file_info.streamreader, file_info.streamwriter, errors)
    sr.data_encoding = data_encoding
    sr.file_encoding = file_encoding
    return sr


def make_encoding_map(decoding_map):
    """Invert a decoding map; a target reached from several keys maps to
    None (undefined)."""
    m = {}
    for k, v in decoding_map.items():
        m[v] = None if v in m else k
    return m


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    """The StreamReader class of the codec registered for encoding."""
    return lookup(encoding).streamreader


def getwriter(encoding):
    """The StreamWriter class of the codec registered for encoding."""
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for text in iterator:
        output = encoder.encode(text)
        if output:
            yield output
    output = encoder.encode('', True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for data in iterator:
        output = decoder.decode(data)
        if output:
            yield output
    output = decoder.decode(b'', True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file; with an encoding, in text mode through io.open."""
    import builtins
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding, errors)
    if encoding is not None:
        mode = mode.replace('b', '')
        return builtins.open(filename, mode, buffering, encoding, errors)
    return builtins.open(filename, mode, buffering)


# ------------------------------------------------------------ error handlers

def strict_errors(exc):
    """Raise the exception (the 'strict' handler)."""
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def _check(exc):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError,
                            UnicodeTranslateError)):
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)


def ignore_errors(exc):
    _check(exc)
    return ('', exc.end)


def replace_errors(exc):
    _check(exc)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    return ('?' * (exc.end - exc.start), exc.end)


def backslashreplace_errors(exc):
    _check(exc)
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]),
                exc.end)
    out = []
    for ch in exc.object[exc.start:exc.end]:
        c = ord(ch)
        if c < 0x100:
            out.append('\\x%02x' % c)
        elif c < 0x10000:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)
    return (''.join(out), exc.end)


def xmlcharrefreplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        _check(exc)
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)
    return (''.join('&#%d;' % ord(ch) for ch in exc.object[exc.start:exc.end]),
            exc.end)


def namereplace_errors(exc):
    if not isinstance(exc, UnicodeEncodeError):
        _check(exc)
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)
    text = exc.object[exc.start:exc.end]
    return (text.encode('ascii', 'namereplace').decode('ascii'), exc.end)


def _surrogateescape_errors(exc):
    # Bytes 0x80-0xff <-> U+DC80-U+DCFF; anything else re-raises. The
    # built-in str/bytes codecs apply this themselves; codecs written in
    # Python (the CJK ones) look it up here.
    _check(exc)
    if isinstance(exc, UnicodeDecodeError):
        # At most four bytes, up to the first ASCII one (CPython's rule).
        out = []
        for b in exc.object[exc.start:min(exc.end, exc.start + 4)]:
            if b < 128:
                break
            out.append(chr(0xDC00 + b))
        if not out:
            raise exc
        return (''.join(out), exc.start + len(out))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for ch in exc.object[exc.start:exc.end]:
            if not 0xDC80 <= ord(ch) <= 0xDCFF:
                raise exc
            out.append(ord(ch) - 0xDC00)
        return (bytes(out), exc.end)
    raise TypeError("don't know how to handle %s in error callback"
                    % type(exc).__name__)


def _surrogatepass_errors(exc):
    # Only UTF-8's form here (the built-in codecs handle their own).
    _check(exc)
    if _canonical(exc.encoding) not in ('utf_8', 'utf8'):
        raise exc
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for ch in exc.object[exc.start:exc.end]:
            if not 0xD800 <= ord(ch) <= 0xDFFF:
                raise exc
            out += ch.encode('utf-8', 'surrogatepass')
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        b = exc.object[exc.start:exc.start + 3]
        try:
            ch = b.decode('utf-8', 'surrogatepass')
        except UnicodeDecodeError:
            raise exc from None
        if len(ch) != 1 or not 0xD800 <= ord(ch) <= 0xDFFF:
            raise exc
        return (ch, exc.start + 3)
    raise TypeError("don't know how to handle %s in error callback"
                    % type(exc).__name__)


_error_handlers = {
    'strict': strict_errors,
    'surrogateescape': _surrogateescape_errors,
    'surrogatepass': _surrogatepass_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'namereplace': namereplace_errors,
}


def register_error(name, error_handler):
    """Register an error handler under name (used by codecs that consult
    this registry; the built-in str/bytes codecs know the standard names)."""
    if not callable(error_handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = error_handler


def lookup_error(name):
    """Return the error handler registered under name."""
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError('unknown error handler name %r' % name) from None


# CPython's codecs re-exports these from its C module _codecs, so they report
# that module; pickles of bytes (protocols 0-2) name `_codecs.encode`, and
# lib/_codecs.py re-exports the same function objects.
for _f in (encode, decode, lookup, register, unregister, lookup_error,
           register_error, charmap_build, charmap_decode, charmap_encode,
           escape_decode, escape_encode, unicode_escape_encode,
           unicode_escape_decode, raw_unicode_escape_encode,
           raw_unicode_escape_decode):
    _f.__module__ = '_codecs'
del _f
