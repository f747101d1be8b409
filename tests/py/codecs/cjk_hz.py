# The HZ codec (_codecs_cn.getcodec('hz')): mode switches, "~~" and "~\n",
# error positions, and a seeded sweep of short byte strings and texts
# through the one-shot, replace and byte-by-byte incremental paths,
# checked by a checksum of every result (plus the first lines verbatim).
import codecs
import random
import zlib

for data in [b'~~', b'~{', b'~{0!~}', b'~x', b'~\n', b'~}', b'~{~~', b'~{\n', b'~{!!',
             b'~{!', b'~{! ', b'\x80', b'~{\x80\x80~}', b'a~{~}b', b'~{\x7f!~}', b'~{R;~}\n']:
    try:
        print(data, repr(data.decode('hz')))
    except UnicodeDecodeError as e:
        print(data, e.start, e.end, e.reason, '|', e)
print('a\u4e00~b\u4e00\n\u4e00'.encode('hz'), 'x\u20ac\u4e00y'.encode('hz', 'replace'))
try:
    '\u4e00\u20ac'.encode('hz')
except UnicodeEncodeError as e:
    print(e.start, e.end, e)
e = codecs.getincrementalencoder('hz')()
print(e.encode('\u4e00'), e.getstate(), e.encode('', True), e.getstate())
d = codecs.getincrementaldecoder('hz')()
print(repr(d.decode(b'~{R')), d.getstate(), repr(d.decode(b';~')), d.getstate(), repr(d.decode(b'}a', True)))

random.seed(5)
alpha = [b'~', b'{', b'}', b'\n', b'0', b'!', b'R', b';', b'a', b'\x80', b'\x7f', b' ', b'~{', b'~}']
res = []
for k in range(1500):
    data = b''.join(random.choice(alpha) for _ in range(random.randint(0, 10)))
    try:
        r = repr(data.decode('hz'))
    except UnicodeDecodeError as e:
        r = '%d %d %s' % (e.start, e.end, e.reason)
    d = codecs.getincrementaldecoder('hz')('replace')
    parts = [d.decode(data[j:j + 1]) for j in range(len(data))] + [d.decode(b'', True)]
    res.append('%r %s %r %r' % (data, r, data.decode('hz', 'replace'), parts))
chars = ['a', '~', '\n', '\u4e00', '\u554a', '\u20ac', 'x', '\u3000']
for k in range(1000):
    text = ''.join(random.choice(chars) for _ in range(random.randint(0, 8)))
    e = codecs.getincrementalencoder('hz')('replace')
    parts = [e.encode(ch) for ch in text] + [e.encode('', True)]
    res.append('%r %r %r %r' % (text, text.encode('hz', 'replace'), parts, e.getstate()))
    try:
        text.encode('hz')
    except UnicodeEncodeError as ex:
        res.append(str(ex))
print('\n'.join(res[:5]))
print(len(res), zlib.crc32('\n'.join(res).encode()))
