# The unicode-escape and raw-unicode-escape codecs, both ways.
import codecs

text = 'a\\\'"\t\n\r\x00\x7f\xe9\u1234\U0001f600 z'
for enc in ('unicode-escape', 'raw-unicode-escape', 'unicode_escape', 'raw_unicode_escape'):
    b = text.encode(enc)
    print(enc, b, b.decode(enc) == text)

print(repr(b'\\\\u0041 \\\\\\u0041 \\101 \\x41 \\N{LATIN SMALL LETTER A} \\\nX'.decode('unicode-escape')))
print(repr(b'\\\\u0041 \\\\\\u0041 \\q \\x41 \\U0001F600 \xe9'.decode('raw-unicode-escape')))
print(repr(b'\\a\\b\\f\\v\\\'\\"'.decode('unicode-escape')))
for data in (b'\\x4', b'\\u12', b'\\U0011ffff', b'\\N{foo}', b'ab\\', b'\\U1234', b'\\u12x4'):
    for enc in ('unicode-escape', 'raw-unicode-escape'):
        try:
            print(enc, repr(data.decode(enc)))
        except UnicodeDecodeError as e:
            print(enc, 'UnicodeDecodeError:', e, e.start, e.end)
print(b'\xe9\\x\\u'.decode('unicode-escape', 'replace'))
print(b'\xe9\\x\\u'.decode('raw-unicode-escape', 'replace'))
print(b'\xe9\\x\\u12'.decode('raw-unicode-escape', 'ignore'))
print('\udc80'.encode('unicode-escape'), '\udc80'.encode('raw-unicode-escape'))
print(codecs.encode('\u20ac\n', 'unicode_escape'), codecs.decode(b'\\u20ac', 'unicode_escape'))
print(codecs.lookup('raw_unicode_escape').name, codecs.lookup('UNICODE-ESCAPE').name)
# cp437 (zip file names).
print(b'caf\x82 \xe1\xff\x80'.decode('cp437'), 'café ß'.encode('cp437'), codecs.lookup('IBM437').name)
try:
    '\u20ac'.encode('cp437')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
# The _codecs-style functions the encodings package's modules use.
print(codecs.latin_1_encode('caf\xe9'), codecs.latin_1_decode(b'caf\xe9'), codecs.ascii_decode(b'abc'))
print(codecs.utf_8_decode(b'caf\xc3\xa9\xc3', None, False), codecs.utf_8_decode(b'ab', 'strict', True))
print(codecs.utf_8_encode('\u20ac'), codecs.raw_unicode_escape_decode(b'\\u20ac'))
print(codecs.unicode_escape_decode(b'\\n'), codecs.unicode_escape_encode('\n'))
import encodings.latin_1
print(encodings.latin_1.Codec().encode('\xe9'), encodings.latin_1.Codec().decode(b'\xe9'))
