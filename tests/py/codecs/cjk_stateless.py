# The stateless CJK codecs (_multibytecodec over _codecs_jp/kr/cn/tw/hk):
# whole-range round trips checked by length and checksum, multi-character
# and four/eight-byte sequences, error positions and reasons under every
# error handler, the incremental codecs split at every point, and the
# stream reader and writer.
import codecs
import io
import zlib

NAMES = ['big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004',
         'euc_jisx0213', 'euc_jp', 'euc_kr', 'gb18030', 'gb2312', 'gbk',
         'johab', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213']

BMP = ''.join(chr(i) for i in range(0x20, 0x10000) if not 0xD800 <= i < 0xE000)
ASTRAL = ''.join(chr(i) for i in range(0x20000, 0x2A6E0, 7))

for name in NAMES:
    enc = (BMP + ASTRAL).encode(name, 'ignore')
    dec = enc.decode(name, 'replace')
    print(name, len(enc), zlib.crc32(enc), len(dec), zlib.crc32(dec.encode('utf-8', 'surrogatepass')))
    # Every two-byte sequence with a lead byte >= 0x80.
    pairs = bytes(b for a in range(0x80, 0x100) for c in range(0x30, 0x100, 3) for b in (a, c))
    for eh in ('replace', 'ignore', 'backslashreplace', 'surrogateescape'):
        d = pairs.decode(name, eh)
        print(' ', eh, len(d), zlib.crc32(d.encode('utf-8', 'surrogatepass')))

samples = {
    'euc_jis_2004': '\u304b\u309a\u304b x\u00e6\u0300',
    'shift_jis_2004': '\u304b\u309a\u30bb\u309a\u304b',
    'big5hkscs': '\u00ca\u0304\u00ca\u00ea\u030c\U00020021',
    'gb18030': '\U0001F600\u00e9\u0080\uffff\U0010ffff',
    'euc_kr': '\uac00\ud7a3\uac01a',
    'cp932': '\uff5e\u2225\uffe2\u00a5',
    'johab': '\uac00\u3131\u4e00',
}
for name, text in samples.items():
    b = text.encode(name, 'backslashreplace')
    print(name, b, repr(b.decode(name, 'replace')))

# Errors: positions, reasons, handlers.
for name, data in [('shift_jis', b'ab\x81'), ('shift_jis', b'ab\x81 c'), ('euc_jp', b'\x8f\xa1'),
                   ('euc_jp', b'x\x8f  y'), ('gb18030', b'\x81\x30'), ('gb18030', b'\x81\x30\x81\x20'),
                   ('gb18030', b'\x84\x31\xa5\x30'), ('euc_kr', b'\xa4\xd4\xa4'),
                   ('euc_kr', b'\xa4\xd4\xa4\xa1\xa4\xa1\xa4\xd4'), ('big5', b'\xa1\x20\xff'),
                   ('cp949', b'\xc9\x41\x80'), ('johab', b'\x84\x41\xd9\x31')]:
    try:
        print(name, data, repr(data.decode(name)))
    except UnicodeDecodeError as e:
        print(name, data, e.start, e.end, e.reason, '|', e)
    for eh in ('ignore', 'replace', 'backslashreplace', 'surrogateescape'):
        print('   ', eh, repr(data.decode(name, eh)))

for name in ('euc_jp', 'gbk', 'big5', 'euc_kr'):
    text = 'a\u20ac\udc80b\U0001F600\u00e9\u3042'
    for eh in ('ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace'):
        try:
            print(name, eh, text.encode(name, eh))
        except UnicodeEncodeError as e:
            print(name, eh, 'error', e.start, e.end, e)
    try:
        text.encode(name)
    except UnicodeEncodeError as e:
        print(name, e.start, e.end, e.reason, '|', e)
    try:
        text.encode(name, 'surrogateescape')
    except UnicodeEncodeError as e:
        print(name, 'surrogateescape', e)

codecs.register_error('test.cjk', lambda e: ('<%d:%d>' % (e.start, e.end), e.end))
codecs.register_error('test.bytes', lambda e: (b'[!]', e.end))
codecs.register_error('test.skip2', lambda e: ('\u3042', e.end + 1))
codecs.register_error('test.bad', lambda e: 42)
print('x\u20ac\u20acy'.encode('euc_jp', 'test.cjk'), b'x\xff\x81'.decode('cp932', 'test.cjk'))
print('x\u20acyz'.encode('euc_jp', 'test.bytes'), 'x\u20acyz'.encode('euc_jp', 'test.skip2'))
EUC_JP = codecs.lookup('euc_jp')
for f in (lambda: EUC_JP.encode('x\u20ac', 'test.bad'), lambda: EUC_JP.decode(b'x\xff', 'test.bad')):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

# Incremental decoding at every split point, and byte by byte.
for name, text in [('shift_jis', 'a\u3042\uff71b\u6f22'), ('euc_jp', '\u3042x\u4e02\u9fa0'),
                   ('gb18030', 'a\u00e9\U0001F600\u4e00'), ('euc_kr', '\uac00\ud7a3'),
                   ('big5hkscs', '\u00ca\u0304\u00ca\U00020021'), ('euc_jis_2004', '\u304b\u309a\u304b')]:
    data = text.encode(name)
    ok = True
    for cut in range(len(data) + 1):
        d = codecs.getincrementaldecoder(name)()
        got = d.decode(data[:cut]) + d.decode(data[cut:], final=True)
        ok = ok and got == text
    d = codecs.getincrementaldecoder(name)()
    parts = [d.decode(bytes([b])) for b in data] + [d.decode(b'', True)]
    print(name, ok, parts, d.getstate())
    d = codecs.getincrementaldecoder(name)()
    print(' ', repr(d.decode(data[:-1])), d.getstate(), end=' ')
    try:
        d.decode(b'', final=True)
    except UnicodeDecodeError as e:
        print(e)
    # Incremental encoding at every split point.
    ok = True
    for cut in range(len(text) + 1):
        e = codecs.getincrementalencoder(name)()
        got = e.encode(text[:cut]) + e.encode(text[cut:], final=True)
        ok = ok and got == data
    e = codecs.getincrementalencoder(name)()
    parts = [e.encode(ch) for ch in text]
    print(' ', ok, parts, e.getstate(), e.encode('', True), e.getstate())

e = codecs.getincrementalencoder('euc_jis_2004')()
print(e.encode('\u304b'), e.getstate())
st = e.getstate()
e2 = codecs.getincrementalencoder('euc_jis_2004')()
e2.setstate(st)
print(e2.encode('\u309a'), e2.encode('', True))
e.reset()
print(e.encode('', True), e.getstate())
d = codecs.getincrementaldecoder('euc_jp')()
d.setstate((b'\xa4', 0))
print(d.decode(b'\xa2'), d.getstate())
for bad in ((b'\xa4' * 9, 0), [b'', 0]):
    try:
        d.setstate(bad)
    except (UnicodeError, TypeError) as ex:
        print(type(ex).__name__, ex)
d = codecs.getincrementaldecoder('shift_jis')(errors='replace')
print(repr(d.decode(b'\x81')), repr(d.decode(b'x')), d.errors)

# Stream reader and writer.
buf = io.BytesIO()
w = codecs.getwriter('shift_jis_2004')(buf)
w.write('\u304b')
w.write('\u309a\u3042')
w.writelines(['x', '\u304b'])
w.reset()
print(buf.getvalue())
data = '\u3042\u3044\n\u3046x\n\u6f22'.encode('euc_jp')
r = codecs.getreader('euc_jp')(io.BytesIO(data))
print(repr(r.readline()), repr(r.read(1)), repr(r.read()))
r = codecs.getreader('euc_jp')(io.BytesIO(data))
print(r.readlines())
print(codecs.lookup('sjis').name, codecs.lookup('cp936').name, codecs.lookup('uhc').name, codecs.lookup('big5-hkscs').name)
import _codecs_jp, _multibytecodec
try:
    _codecs_jp.getcodec('gbk')
except LookupError as e:
    print('LookupError', e)
print(_codecs_jp.getcodec('euc_jp').decode(b'\xa4\xa2'), _codecs_jp.getcodec('euc_jp').encode('\u3042', None))
