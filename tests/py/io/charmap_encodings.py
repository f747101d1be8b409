import codecs, io, os, tempfile
for enc in ['cp1251', 'koi8_r', 'KOI8-R', 'iso8859_15', 'iso-8859-15', 'latin-9', 'mac_roman', 'macroman',
            'cp850', 'cp437', 'cp866', 'windows-1251', 'iso8859_2', 'latin2', 'cp1250', 'cp1253', 'tis_620', 'hp_roman8']:
    s = 'Привет' if enc.lower().replace('-', '_') in ('cp1251', 'koi8_r', 'cp866', 'windows_1251') else 'abc é'
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s, codecs.lookup(enc).name)
    except Exception as e:
        print(enc, type(e).__name__, e)
print('€'.encode('iso8859_15'), b'\xa4'.decode('latin9'))
for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace']:
    try:
        print(errors, 'a€é\u4e00b'.encode('cp1251', errors))
    except UnicodeEncodeError as e:
        print(errors, 'UnicodeEncodeError:', e, e.start, e.end, e.encoding, e.reason)
    try:
        print(errors, 'xy\u4e00\u4e01z'.encode('koi8_r', errors))
    except UnicodeEncodeError as e:
        print(errors, 'UnicodeEncodeError:', e)
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    try:
        print(errors, ascii(b'a\x98b'.decode('cp1251', errors)))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError:', e, e.start, e.end)
for bad in ['nosuch', 'utf-99']:
    try:
        'x'.encode(bad)
    except LookupError as e:
        print(bad, 'LookupError:', e)
for t in ['rot13', 'rot_13', 'hex', 'base64', 'zlib']:
    try:
        'x'.encode(t)
    except LookupError as e:
        print('LookupError:', e)
    try:
        b'x'.decode(t)
    except LookupError as e:
        print('LookupError:', e)
print(codecs.encode('hello', 'rot13'))
d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w', encoding='cp1251') as f:
    f.write('Строка один\nline two\n')
    print(f.encoding)
print(open(p, 'rb').read())
with open(p, encoding='cp1251') as f:
    print(f.readlines())
with codecs.open(p, 'r', encoding='cp1251') as f:
    print(repr(f.read()))
with open(p, 'a', encoding='koi8-r') as f:
    f.write('ок')
print(open(p, 'rb').read()[-2:])
try:
    open(p, 'w', encoding='rot13')
except LookupError as e:
    print('LookupError:', e)
try:
    open(p, encoding='bogus')
except LookupError as e:
    print('LookupError:', e)
w = io.TextIOWrapper(io.BytesIO(), encoding='cp1252')
w.write('€uro')
w.flush()
print(w.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO('Ёлка\n'.encode('cp866')), encoding='cp866')
print(t.read())
print(codecs.charmap_decode(b'abc', 'replace', {97: 'x', 98: 66}), codecs.charmap_encode('ab', 'strict', {97: 120, 98: b'yz'}))
print(codecs.decode(b'\xe0', 'cp1251'), codecs.encode('а', 'cp1251'))
dec = codecs.getincrementaldecoder('cp1251')()
print(dec.decode(b'\xcf\xf0'), dec.decode(b'\xe8', final=True))
print(codecs.lookup('CP1251').name, codecs.lookup('windows_1251').name, codecs.lookup('L2').name)
os.remove(p); os.rmdir(d)
