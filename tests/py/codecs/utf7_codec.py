# The UTF-7 codec (RFC 2152): encoding, decoding with every error handler,
# the incremental decoder keeping an open shift sequence across chunks, the
# _codecs-level functions, aliases, and text files.
import codecs
import io
import os
import random
import tempfile

samples = ['', 'Hi Mom -\u263a-!', 'A\u2262\u0391.', '\u65e5\u672c\u8a9e', 'Item 3 is \u00a31.',
           'a+b', '++', '+-', '~\\', '\x00\x01\x7f', '\U0001f600 smile', '\ud800', '\udc00x',
           'a\u0100b', 'a\u0100-', 'a\u01000', 'a\u0100/', 'a\u0100+', 'tab\there\r\n',
           '!"#$%&*;<=>@[]^_`{|}', "A'(),-./:?"]
for s in samples:
    b = s.encode('utf-7')
    back = b.decode('utf-7')
    print(repr(s), b, back == s, codecs.utf_7_encode(s))

cases = [b'+AGE-', b'+AGEAYQ-', b'+2D3cAQ-', b'+2D0-', b'+2D0AYQ-', b'+3gA-', b'+/v8-',
         b'+AB-', b'+!', b'a+', b'+', b'+-', b'+AGEA-b', b'+AGEA!b', b'+AGF-b', b'+AGE\x80',
         b'+AGEx', b'+AG', b'+2D0', b'+2D3c-', b'\x80abc', b'x+\x80', b'++', b'+AGE+AGE-',
         b'+A\xff-', b'+/--', b'~G+A\xff-AG9Z++']
for t in cases:
    for errors in ('strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape'):
        try:
            r = repr(t.decode('utf-7', errors))
        except UnicodeDecodeError as e:
            r = f'UnicodeDecodeError: {e} {(e.encoding, e.start, e.end, e.reason)}'
        print(t, errors, r)
    print('  not final:', codecs.utf_7_decode(t, 'replace', False),
          'final:', codecs.utf_7_decode(t, 'replace', True))


def handler(exc):
    print('   handler saw', exc.start, exc.end, exc.reason, exc.object)
    return ('<%d>' % exc.start, exc.end + 1 if exc.end < len(exc.object) else exc.end)


codecs.register_error('test.utf7', handler)
for t in [b'+AGEA-bc', b'\x80abc', b'+AGEx', b'+!x', b'a+AB-cd']:
    print(t, repr(t.decode('utf-7', 'test.utf7')))

# Incremental decoding, one byte at a time and in random chunks.
d = codecs.getincrementaldecoder('utf-7')()
for byte in b'a+AGEAYQ-b+2D3eAA-':
    print(repr(d.decode(bytes([byte]))), d.getstate())
print(repr(d.decode(b'', final=True)))
d = codecs.getincrementaldecoder('utf-7')('strict')
d.decode(b'x+AG')
try:
    d.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('final:', e)
d.reset()
print(d.getstate(), repr(d.decode(b'+AGE-')))

rng = random.Random(7)
alphabet = b'+-AGEQYZaz09/!~\\ .\x80'
mismatches = 0
for _ in range(400):
    t = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
    whole = t.decode('utf-7', 'replace')
    dec = codecs.getincrementaldecoder('utf-7')('replace')
    parts, i = [], 0
    while i < len(t):
        j = min(len(t), i + rng.randint(1, 5))
        parts.append(dec.decode(t[i:j]))
        i = j
    parts.append(dec.decode(b'', True))
    if ''.join(parts) != whole:
        mismatches += 1
print('chunked decoding mismatches:', mismatches)

# The incremental encoder closes each chunk's shift, as CPython's does.
enc = codecs.getincrementalencoder('utf-7')()
print(enc.encode('a\u0100'), enc.encode('\u0101b', final=True))

# Aliases and the _codecs functions.
for name in ('utf-7', 'UTF7', 'u7', 'utf_7', 'unicode-1-1-utf-7', 'unicode_1_1_utf_7'):
    print(name, codecs.lookup(name).name, 'x\u0100'.encode(name))
import _codecs
print(_codecs.utf_7_encode('\u0100'), _codecs.utf_7_decode(b'+AQA-'),
      _codecs.utf_7_decode(bytearray(b'+AQA'), None, False), _codecs.utf_7_decode(memoryview(b'+AQA-')))
for bad in (lambda: _codecs.utf_7_encode(b'x'), lambda: _codecs.utf_7_decode('x'),
            lambda: _codecs.utf_7_encode('x', 5)):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(codecs.encode('\u0100', 'utf-7'), codecs.decode(b'+AQA-', 'utf-7'))

# Text files in UTF-7, written and read back through io.
path = os.path.join(tempfile.mkdtemp(), 'u7.txt')
text = 'line one \u263a\nzwei \u00fc\u00df +plus\n\U0001f600 end\n'
with open(path, 'w', encoding='utf-7') as f:
    f.write(text)
with open(path, 'rb') as f:
    raw = f.read()
print(raw)
with open(path, encoding='utf-7') as f:
    print(f.readlines() == text.splitlines(keepends=True))
with open(path, encoding='utf-7') as f:
    print(repr(f.read(5)), repr(f.read(7)), repr(f.read()))
os.remove(path)
stream = io.TextIOWrapper(io.BytesIO(raw), encoding='utf-7')
print(stream.read() == text)
