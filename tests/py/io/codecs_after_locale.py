# Importing locale (which imports the encodings package and registers its
# search function) must not send the built-in codecs through it.
import locale, codecs, encodings
for enc in ['utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be', 'latin-1', 'cp1252',
            'utf8', 'UTF-8', 'iso-8859-1', 'cp65001', 'unicode_escape', 'raw_unicode_escape', 'punycode',
            'palmos', 'charmap', 'koi8_u', 'cp1125', 'ptcp154', 'mac_cyrillic', 'kz1048', 'cp1251', 'nosuch']:
    try:
        b = 'Aé'.encode(enc)
        print(enc, b, b.decode(enc), codecs.lookup(enc).name)
    except (LookupError, UnicodeError) as e:
        print(enc, type(e).__name__, e)
print(codecs.lookup('utf-16').incrementaldecoder is not None, codecs.encode('abc', 'rot13'))
