# codecs.register_error handlers are used by str.encode/bytes.decode (their
# replacement and resume position), unknown handler names fail only when an
# error needs them, UTF-16/32 report surrogates one at a time and refuse
# surrogateescape, and Unicode errors built in Python have their fields.
import codecs
for enc in ['utf-16-le', 'utf-32', 'utf-8', 'utf-16']:
    for s in ['\ud800\ud801x', 'a\udcff\udcfe']:
        for err in ['strict', 'surrogateescape', 'backslashreplace', 'replace']:
            try:
                print(enc, err, s.encode(enc, err))
            except UnicodeEncodeError as e:
                print(enc, err, e, e.start, e.end)
codecs.register_error('skip2', lambda e: ('<%d>' % e.start, e.end + 1))
print('aébc'.encode('ascii', 'skip2'), b'a\xffbc'.decode('utf-8', 'skip2'), 'x€yz'.encode('cp1252', 'strict'),
      'x\u0100yz'.encode('cp1252', 'skip2'), b'a\x81bc'.decode('cp1252', 'skip2'))
codecs.register_error('bytesrep', lambda e: (b'XY', e.end))
print('aéb'.encode('ascii', 'bytesrep'), 'aéb'.encode('latin-1', 'bytesrep'), 'a\U0001f600'.encode('latin-1', 'bytesrep'))
try:
    b'a\xff'.decode('ascii', 'bytesrep')
except TypeError as e:
    print(e)
codecs.register_error('bad', lambda e: 5)
try:
    'é'.encode('ascii', 'bad')
except TypeError as e:
    print(e)
codecs.register_error('nonascii', lambda e: ('é', e.end))
try:
    '€'.encode('ascii', 'nonascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print('€'.encode('latin-1', 'nonascii'), '€\udc80'.encode('utf-8', 'record') if False else '')
for enc in ['utf-8', 'utf-16-le']:
    try:
        '€\udc80'.encode(enc, 'nonascii')
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
codecs.register_error('back', lambda e: ('!', -1 if e.start == 2 and len(e.object) == 4 else e.end))
print('ab\xe9c'.encode('ascii', 'back'), b'ab\xffc'.decode('ascii', 'back'))
codecs.register_error('far', lambda e: ('!', 100))
try:
    'aé'.encode('ascii', 'far')
except IndexError as e:
    print(e)
def raiser(e):
    raise e
codecs.register_error('raiser', raiser)
try:
    'é'.encode('ascii', 'raiser')
except UnicodeEncodeError as e:
    print('raised', e)
seen = []
def record(e):
    seen.append((type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason))
    return ('?', e.end)
codecs.register_error('record', record)
'héllo wörld'.encode('ascii', 'record')
b'\xc3(\xe2\x82'.decode('utf-8', 'record')
'\U0001f600'.encode('utf-16-le', 'record')
b'\x00\xd8'.decode('utf-16-le', 'record')
print(seen)
print(codecs.lookup_error('skip2')(UnicodeEncodeError('ascii', 'aé', 1, 2, 'x')))
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print(e)
print('x'.encode('utf-8', 'nope'), b'x'.decode('ascii', 'nope'))
for f in [lambda: 'é'.encode('ascii', 'nope'), lambda: b'\xff'.decode('utf-8', 'nope')]:
    try:
        f()
    except LookupError as e:
        print(e)
e = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'bad')
print(e, repr(e.object), e.start, e.end, e.reason, e.encoding)
e = UnicodeTranslateError('ab', 0, 2, 'bad')
print(e, e.object, e.start, e.end)
print(UnicodeTranslateError('\u20ac', 0, 1, 'nope'), UnicodeEncodeError('ascii', 'ab', 1, 2, 'r'))
