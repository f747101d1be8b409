# The ISO-2022 codecs (_codecs_iso2022: iso2022_kr, iso2022_jp, _jp_1,
# _jp_2, _jp_2004, _jp_3, _jp_ext): designations, SO/SI, G2 with ESC N,
# unknown escapes passing through, error positions, incremental state, and
# a seeded sweep of byte strings and texts through the one-shot, replace
# and incremental paths, checked by a checksum of every result.
import codecs
import random
import zlib

CODECS = ['iso2022_kr', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_jp_3',
          'iso2022_jp_ext']


def dec(c, data, errors='strict'):
    try:
        return repr(data.decode(c, errors))
    except UnicodeDecodeError as e:
        return '%d %d %s' % (e.start, e.end, e.reason)


def enc(c, text, errors='strict'):
    try:
        return repr(text.encode(c, errors))
    except UnicodeEncodeError as e:
        return '%d %d %s' % (e.start, e.end, e.reason)


samples = [b'\x1b$B$"', b'\x1b$)C\x0e0!\x0f', b'\x1b$)C\x0e0!\n!', b'\x1b(J\\~\x7f', b'\x1b(I1_`', b'\x1b.A\x1bNa',
           b'\x1b.F\x1bNA\x1bN.', b'\x1b&@\x1b$B!!', b'\x1b&@\x1b$A', b'\x1bx\x1b$B!!', b'\x1b\x1b$B', b'\x0e!!',
           b'\x1b$B! ', b'\x1b$B\x80', b'\x1b$B!', b'\x1b$(D+1', b'\x1b$(Q$w!!', b'\x1b$(O)_', b'\x1b$(P!"',
           b'\x1b$x!!', b'\x1b(', b'\x1bN', b'\x1b$)A\x0e!!', b'\x1b$A0!\x1b(B', b'\x1b(B\x1b)B']
for c in CODECS:
    print(c)
    print('  ', [dec(c, d) for d in samples])
    print('  ', [enc(c, t) for t in ['a', '\uac00\n\uac00', '\u3042\n\u3042', '\xe9\xe9a', '\u0391', '\uff71', '\xa5a',
                                     '\u4e02', '\u304b\u309a', '\xe9\u3042\xe9', '\u9b1d', '\u20ac\u3042', '\U00020b9f']])
    print('  ', enc(c, 'x\u20ac\u3042y', 'replace'), enc(c, '\u3042\udcff', 'surrogateescape'),
          enc(c, '\u3042\u20ac', 'xmlcharrefreplace'), dec(c, b'\x1b$B$"\x80$"', 'replace'),
          dec(c, b'\x1b$B\xff$"', 'backslashreplace'), dec(c, b'a\x80b', 'surrogateescape'))
    e = codecs.getincrementalencoder(c)()
    print('  ', e.getstate(), e.encode('\u3042\uac00'[1 if c == 'iso2022_kr' else 0]), e.getstate(),
          e.encode('', True), e.getstate())
    e.encode('\u3042\uac00'[1 if c == 'iso2022_kr' else 0])
    e.reset()
    print('  ', e.getstate(), e.encode('\u3042\uac00'[1 if c == 'iso2022_kr' else 0], True))
    d = codecs.getincrementaldecoder(c)()
    chunks = [b'\x1b$', b')C\x0e0', b'!\x0f'] if c == 'iso2022_kr' else [b'\x1b$', b'B$', b'"\x1b(B']
    print('  ', d.getstate(), [(repr(d.decode(ch, ch == chunks[-1])), d.getstate()) for ch in chunks])
    d.reset()
    print('  ', d.getstate())

random.seed(7)
alpha = [b'\x1b', b'$', b'(', b')', b'.', b'&', b'@', b'B', b'A', b'C', b'D', b'F', b'I', b'J', b'N', b'O', b'P',
         b'Q', b'!', b'"', b'0', b'+', b'1', b'`', b'~', b'\\', b'\x0e', b'\x0f', b'\n', b'\x80', b' ', b'a',
         b'\x1b$B', b'\x1b(B', b'\x1b$)C', b'\x1b$(D', b'\x1b(J', b'\x1b.A\x1bN']
chars = ['a', '\n', '~', '\\', '\u3042', '\u304b', '\u309a', '\uac00', '\u4e02', '\xe9', '\xa5', '\u203e',
         '\uff71', '\u0391', '\u20ac', '\u4e00', '\u7e6b', '\U00020b9f', '\x0e', '\x1b']
res = []
for c in CODECS:
    for k in range(500):
        data = b''.join(random.choice(alpha) for _ in range(random.randint(0, 10)))
        d = codecs.getincrementaldecoder(c)('replace')
        parts = [d.decode(data[j:j + 1]) for j in range(len(data))] + [d.decode(b'', True)]
        res.append('%s %r %s %s %r %r' % (c, data, dec(c, data), dec(c, data, 'replace'), parts, d.getstate()))
    for k in range(400):
        text = ''.join(random.choice(chars) for _ in range(random.randint(0, 8)))
        e = codecs.getincrementalencoder(c)('replace')
        parts = [e.encode(ch) for ch in text] + [e.encode('', True)]
        out = enc(c, text)
        res.append('%s %r %s %s %r %r' % (c, text, out, enc(c, text, 'replace'), parts, e.getstate()))
        if out.startswith('b'):
            res.append(dec(c, text.encode(c)))
print('\n'.join(res[:5]))
print(len(res), zlib.crc32('\n'.join(res).encode()))

# Stream reader and writer.
import io
for c in ['iso2022_jp', 'iso2022_kr', 'iso2022_jp_2004']:
    buf = io.BytesIO()
    w = codecs.getwriter(c)(buf)
    w.write('a\u3042')
    w.write('\u304b')
    w.write('\uac00\u4e00\n' if c == 'iso2022_kr' else '\u4e00\n')
    w.reset()
    w.write('b')
    print(c, buf.getvalue())
    r = codecs.getreader(c)(io.BytesIO(buf.getvalue()))
    print(repr(r.readline()), repr(r.read(1)), repr(r.read()))
