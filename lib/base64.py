"""Base16, Base32, Base64 (RFC 3548) data encodings (ftpy).

Base64 and hex go through the C++ binascii module; Base32 and the Base85
family (Ascii85 and the git/Mercurial alphabet) are written here."""

import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
    'a85encode', 'a85decode', 'b85encode', 'b85decode',
    ]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes object."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Encode bytes-like object s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode bytes encoded with the standard Base64 alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Encode bytes using the URL- and filesystem-safe Base64 alphabet."""
    return b64encode(s).translate(bytes.maketrans(b'+/', b'-_'))


def urlsafe_b64decode(s):
    """Decode bytes using the URL- and filesystem-safe Base64 alphabet."""
    s = _bytes_from_decode_data(s)
    s = s.translate(bytes.maketrans(b'-_', b'+/'))
    return b64decode(s)


_B32_ENCODE_DOCSTRING = "Encode the bytes-like objects using {encoding} and return a bytes object."
_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    encoded = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i: i + 5], 'big')
        for shift in range(35, -1, -5):
            encoded.append(alphabet[(c >> shift) & 31])
    if leftover == 1:
        encoded[-6:] = b'======'
    elif leftover == 2:
        encoded[-4:] = b'===='
    elif leftover == 3:
        encoded[-3:] = b'==='
    elif leftover == 4:
        encoded[-1:] = b'='
    return bytes(encoded)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    l = len(s)
    s = s.rstrip(b'=')
    padchars = l - len(s)
    rev = {v: k for k, v in enumerate(alphabet)}
    decoded = bytearray()
    for i in range(0, len(s), 8):
        quanta = s[i: i + 8]
        acc = 0
        try:
            for c in quanta:
                acc = (acc << 5) + rev[c]
        except KeyError:
            raise binascii.Error('Non-base32 digit found') from None
        acc <<= 5 * (8 - len(quanta))
        decoded += acc.to_bytes(5, 'big')
    if l % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise binascii.Error('Incorrect padding')
    if padchars and decoded:
        leftover = (43 - 5 * padchars) // 8
        decoded[leftover - 5:] = b''
    return bytes(decoded)


def b32encode(s):
    """Encode the bytes-like object s using Base32 and return a bytes object."""
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the Base32 encoded bytes-like object or ASCII string s."""
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    """Encode the bytes-like object s using Extended Hex Base32."""
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    """Decode the Extended Hex Base32 encoded bytes-like object or ASCII string s."""
    return _b32decode(_b32hexalphabet, s, casefold)


def b16encode(s):
    """Encode the bytes-like object s using Base16 and return a bytes object."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes-like object or ASCII string s."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# Base85 (RFC 1924 alphabet, as git uses) and Ascii85 (Adobe, btoa):
# every 4 input bytes, read as a big-endian 32-bit number, become 5 digits
# in base 85.  A short final group is padded with zero bytes, encoded, and
# the output cut to len(group) + 1 digits (unless pad=True); the decoder
# pads a short final group with the highest digit and cuts the same number
# of bytes off.

_a85digits = bytes(range(33, 118))
_b85digits = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
              b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_b85values = None


def _85groups(data, digits, pad, zero_as_z, spaces_as_y):
    data = memoryview(data).tobytes() if not isinstance(data, bytes) else data
    short = -len(data) % 4
    data += b'\0' * short
    out = bytearray()
    last = len(data) - 4
    for i in range(0, len(data), 4):
        word = int.from_bytes(data[i:i + 4], 'big')
        final_short = short and i == last and not pad
        if word == 0 and zero_as_z and not final_short:
            out += b'z'
            continue
        if word == 0x20202020 and spaces_as_y and not final_short:
            out += b'y'
            continue
        group = bytearray(5)
        for k in range(4, -1, -1):
            word, r = divmod(word, 85)
            group[k] = digits[r]
        if final_short:
            del group[5 - short:]
        out += group
    return bytes(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode bytes-like object b using Ascii85 and return a bytes object.

    foldspaces writes 'y' for four spaces; wrapcol > 0 wraps the output at
    that many characters; pad pads the input to a multiple of 4 bytes;
    adobe frames the output with <~ and ~>."""
    result = _85groups(b, _a85digits, pad, True, foldspaces)
    if adobe:
        result = b'<~' + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += b'~>'
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode the Ascii85 encoded bytes-like object or ASCII string b.

    foldspaces accepts 'y' for four spaces; adobe expects the <~ ~> frame;
    ignorechars are skipped.  Raises ValueError on bad input."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(b'~>'):
            raise ValueError('Ascii85 encoded byte sequences must end with '
                             '{!r}'.format(b'~>'))
        b = b[2:-2] if b.startswith(b'<~') else b[:-2]
    out = bytearray()
    word = 0
    count = 0
    for c in b:
        if 33 <= c <= 117:
            word = word * 85 + (c - 33)
            count += 1
            if count == 5:
                if word > 0xFFFFFFFF:
                    raise ValueError('Ascii85 overflow')
                out += word.to_bytes(4, 'big')
                word = count = 0
        elif c == 0x7A:  # z
            if count:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and c == 0x79:  # y
            if count:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    if count:
        # Complete the group with the highest digit ('u'); only the bytes
        # the count - 1 real digits stand for are kept.
        for _ in range(5 - count):
            word = word * 85 + 84
        if word > 0xFFFFFFFF:
            raise ValueError('Ascii85 overflow')
        out += word.to_bytes(4, 'big')[:count - 1]
    return bytes(out)


def b85encode(b, pad=False):
    """Encode bytes-like object b in base85 format and return a bytes object.

    If pad is true, the input is padded with b'\\0' so its length is a
    multiple of 4 bytes before encoding."""
    return _85groups(b, _b85digits, pad, False, False)


def b85decode(b):
    """Decode the base85-encoded bytes-like object or ASCII string b.

    The result is returned as a bytes object."""
    global _b85values
    if _b85values is None:
        table = [None] * 256
        for i, c in enumerate(_b85digits):
            table[c] = i
        _b85values = table
    b = _bytes_from_decode_data(b)
    short = -len(b) % 5
    b = b + b'~' * short
    out = bytearray()
    for start in range(0, len(b), 5):
        word = 0
        for j in range(start, start + 5):
            v = _b85values[b[j]]
            if v is None:
                raise ValueError('bad base85 character at position %d' % j)
            word = word * 85 + v
        if word > 0xFFFFFFFF:
            raise ValueError('base85 overflow in hunk starting at byte %d'
                             % start)
        out += word.to_bytes(4, 'big')
    if short:
        del out[-short:]
    return bytes(out)


MAXLINESIZE = 76  # Excluding the CRLF
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode a file; input and output are binary files."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            ns = input.read(MAXBINSIZE - len(s))
            if not ns:
                break
            s += ns
        line = binascii.b2a_base64(s)
        output.write(line)


def decode(input, output):
    """Decode a file; input and output are binary files."""
    while True:
        line = input.readline()
        if not line:
            break
        s = binascii.a2b_base64(line)
        output.write(s)


def encodebytes(s):
    """Encode a bytestring into a bytes object containing multiple lines
    of base-64 data."""
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        chunk = s[i: i + MAXBINSIZE]
        pieces.append(binascii.b2a_base64(chunk))
    return b"".join(pieces)


def decodebytes(s):
    """Decode a bytestring of base-64 data into a bytes object."""
    return binascii.a2b_base64(s)


def main():
    """The command line: python -m base64 [-h|-d|-e|-u|-t] [file|-]."""
    import sys
    import getopt
    usage = ("usage: %s [-h|-d|-e|-u|-t] [file|-]\n"
             "        -h: print this help message and exit\n"
             "        -d, -u: decode\n"
             "        -e: encode (default)\n"
             "        -t: encode and decode string 'Aladdin:open sesame'") % sys.argv[0]
    try:
        opts, args = getopt.getopt(sys.argv[1:], 'hdeut')
    except getopt.error as msg:
        # Both lines go to stderr, and the exit status is 2.
        print(msg, file=sys.stderr)
        print(usage, file=sys.stderr)
        sys.exit(2)
    func = encode
    for opt, _ in opts:
        if opt == '-t':
            test()
            return
        if opt == '-h':
            print(usage)
            return
        func = encode if opt == '-e' else decode
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


def test():
    """Round-trip a sample string, printing each stage."""
    sample = b"Aladdin:open sesame"
    encoded = encodebytes(sample)
    decoded = decodebytes(encoded)
    for value in (sample, encoded, decoded):
        print(repr(value))
    assert decoded == sample


if __name__ == '__main__':
    main()
