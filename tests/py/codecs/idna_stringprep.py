# The host's stringprep module and the idna codec over unicodedata.ucd_3_2_0,
# and how codecs name the codec in a failure they can rebuild.
import codecs
import hashlib
import stringprep
import encodings.idna as idna


def digest(values):
    return hashlib.sha256(ascii(values).encode()).hexdigest()[:16]


# Every stringprep table over the BMP and a sample beyond.
cps = list(range(0x10000)) + list(range(0x10000, 0x110000, 61))
for name in sorted(n for n in dir(stringprep) if n.startswith('in_table_')):
    f = getattr(stringprep, name)
    print(name, digest([c for c in cps if f(chr(c))]))
print('map_table_b2', digest([stringprep.map_table_b2(chr(c)) for c in range(0x3000)]))
print('map_table_b3', digest([stringprep.map_table_b3(chr(c)) for c in range(0x3000)]))

print(ascii(idna.nameprep('Bücher\u00adSS\u2163\u0130')))
print(idna.ToASCII('bücher'), ascii(idna.ToUnicode(b'xn--bcher-kva')), ascii(idna.ToUnicode('XN--BCHER-KVA')))
for s in ['bücher.example', 'www.Alliancefrançaise.nu', 'ῥ.test', 'ÄÖÜß.de.', 'example.com', '日本語.jp',
          '\u0627\u0644\u0639\u0631\u0628\u064a\u0629.eg', 'a\u3002b\uff0ec\uff61d']:
    b = s.encode('idna')
    print(ascii(s), b, ascii(b.decode('idna')), codecs.encode(s, 'IDNA'))
for bad in ['a' * 64 + '.com', '', '.', 'a..b', '\u0221x', '\u05d0a', 'x\u0000y', 'xn--ü.com', '\u3000x',
            'a\udcffb', 'ab' * 40]:
    try:
        print(ascii(bad), bad.encode('idna'))
    except UnicodeError as e:
        print(ascii(bad), type(e).__name__, e, repr(e.__cause__), e.__context__)
for bad in [b'xn--zz', b'\xff.com', b'xn--bcher-kva.' + b'a' * 70, b'XN--BCHER-KVA.example', b'xn--abc-.com',
            b'xn--a-ecp.ru', b'', b'.']:
    try:
        print(bad, ascii(bad.decode('idna')))
    except UnicodeError as e:
        print(bad, type(e).__name__, e)

# Incremental: a label is held until the dot (or the end) that finishes it.
for text in ['bücher.example.bücher', 'ab.cd.', 'é']:
    e = codecs.getincrementalencoder('idna')()
    out = [e.encode(c) for c in text]
    print(out, e.getstate(), e.encode('', True), e.getstate())
    e.encode('xy')
    print(ascii(e.getstate()))
    e.reset()
    print(e.getstate())
for data in [b'xn--bcher-kva.example.xn--bcher-kva', b'a.b.', b'xn--']:
    d = codecs.getincrementaldecoder('idna')()
    try:
        out = [d.decode(data[i:i + 1]) for i in range(len(data))] + [d.decode(b'', True)]
        print([ascii(x) for x in out])
    except UnicodeError as e:
        print('error', e)

# Exceptions the codec machinery can rebuild from a message are wrapped.
class E(ValueError):
    pass


class F(ValueError):
    def __init__(self, *a):
        super().__init__(*a)


def raiser(exc):
    def f(*a):
        raise exc
    return f


for name, exc in [('zz1', E('boom')), ('zz2', F('boom')), ('zz3', ValueError('a', 'b')), ('zz4', KeyError('k')),
                  ('zz5', UnicodeError('u')), ('zz6', OSError(2, 'x')), ('zz7', ValueError(1))]:
    fn = raiser(exc)
    codecs.register(lambda n, name=name, fn=fn: codecs.CodecInfo(fn, fn, name=name) if n == name else None)
    for call in [lambda: 'a'.encode(name), lambda: b'a'.decode(name), lambda: codecs.encode('a', name),
                 lambda: codecs.decode(b'a', name.upper())]:
        try:
            call()
        except Exception as e:
            print(repr(e), repr(e.__cause__), repr(e.__context__))
try:
    codecs.decode(b'zzz', 'HEX')
except Exception as e:
    print(repr(e), repr(e.__cause__))
