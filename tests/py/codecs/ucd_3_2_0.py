# unicodedata.ucd_3_2_0: the Unicode 3.2.0 database (stringprep and idna use
# it). Every code point's properties are checked by hash, then edge cases.
import hashlib
import unicodedata

O = unicodedata.ucd_3_2_0
print(type(O).__name__, type(O).__module__, O.unidata_version, unicodedata.UCD is type(O))


def digest(values):
    return hashlib.sha256(ascii(values).encode()).hexdigest()[:16]


assigned = [c for c in range(0x110000) if O.category(chr(c)) != 'Cn']
print('assigned in 3.2.0:', len(assigned), assigned[:3], assigned[-3:])
for prop in ['category', 'bidirectional', 'east_asian_width', 'mirrored', 'combining', 'decomposition']:
    f = getattr(O, prop)
    # Unassigned code points all read alike; sample them, check the assigned ones all.
    print(prop, digest([f(chr(c)) for c in assigned]),
          digest([f(chr(c)) for c in range(0, 0x110000, 97) if O.category(chr(c)) == 'Cn']))
for prop in ['decimal', 'digit', 'numeric', 'name']:
    f = getattr(O, prop)
    print(prop, digest([f(chr(c), None) for c in assigned]))
print('unassigned decimal/numeric/name', [(O.decimal(c, -1), O.numeric(c, -1), O.name(c, -1)) for c in '\u0221\u1b50\U0001d7ce'])

# Properties that changed since 3.2.0.
for c in '+-/\u00a7\u00aa\u00ad\u00b2\u0f3a\u231a\u29a1\u1369':
    print(ascii(c), O.category(c), unicodedata.category(c), O.bidirectional(c), O.east_asian_width(c),
          O.mirrored(c), O.decimal(c, None), unicodedata.decimal(c, None), O.digit(c, None))

# Normalization: characters added later stay as they are; the corrected
# CJK compatibility ideographs decompose as 3.2.0 said.
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    print(form, digest([O.normalize(form, chr(c)) for c in assigned]),
          [ascii(O.normalize(form, s)) for s in ['\U0002f868', '\u0221\u0301', 'e\u0301\u00bd', '\u1e9b\u0323', '\uac00\u11a8']],
          O.is_normalized(form, '\U0002f868'), O.is_normalized(form, 'abc\u00e9'))

# Names and lookup: no aliases or named sequences in 3.2.0.
for n in ['LATIN SMALL LETTER A', 'LATIN SMALL LETTER D WITH CURL', 'LATIN CAPITAL LETTER GHA', 'BOM',
          'TAMIL CONSONANT KSS', 'HANGUL SYLLABLE GA', 'CJK UNIFIED IDEOGRAPH-4E00', 'cjk unified ideograph-20000',
          'NO SUCH NAME']:
    try:
        print(n, ascii(O.lookup(n)))
    except KeyError as e:
        print(n, 'KeyError', e)
print(O.name('\u4e00'), O.name('\uac00'), O.name('\U00020000'), O.name('\u0378', 'none'))
for f, args in [(O.name, ('\u0221',)), (O.decimal, ('x',)), (O.numeric, ('\u0221',)), (O.category, ('ab',)),
                (O.category, (1,)), (O.normalize, ('NFX', 'a')), (O.lookup, (1,)), (O.digit, ('\u0221',))]:
    try:
        print(f(*args))
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
try:
    type(O)()
except TypeError as e:
    print('TypeError', e)
