# The native matcher's IGNORECASE: Unicode simple case folding with CPython's
# extra equivalences (i/ı, s/ſ, k/Kelvin sign, σ/ς, µ/μ), ASCII mode, bytes,
# classes and ranges.
import re

subjects = ['k', 'K', '\u212a', 's', 'S', 'ſ', 'i', 'I', 'ı', 'İ', 'ß', 'ẞ', 'σ', 'ς', 'Σ',
            'µ', 'μ', 'Μ', 'é', 'É', 'ǅ', 'ǆ', 'Ǆ', 'ϐ', 'β', 'ﬅ', 'ﬆ', 'a', '_', '1']
patterns = ['k', 'K', '\u212a', 's', 'ſ', 'i', 'I', 'ı', 'İ', 'ß', 'ẞ', 'σ', 'ς', 'µ', 'é', 'ǅ',
            'β', 'ﬅ', '[a-z]', '[A-Z]', '[k]', '[^k]', '[ſ]', '[ı]', '[ß-ẞ]', '[σ]', '[Ǆ-ǆ]',
            '[\u2100-\u2200]', '[\\w]', '[^\\W]', '[\U00010400-\U00010410]']
for p in patterns:
    row = []
    for f in (re.I, re.I | re.A):
        c = re.compile(p, f)
        row.append(''.join(s for s in subjects if c.fullmatch(s)))
    print(repr(p), row)
print(re.findall('(?i)\U00010400', '\U00010428\U00010400'), re.findall('(?i)[\U00010400-\U00010401]', '\U00010428x'))
print(re.match('(?i)straße', 'STRASSE'), re.match('(?i)strasse', 'STRAſSE').group())
print(re.findall(b'(?i)[a-c]+', b'xAbCy'), re.findall(b'(?i)k', b'kK\xe9'), re.match(b'(?i)\xe9', b'\xc9'))
print(re.sub('(?i)hello', 'bye', 'Hello HELLO hello'), re.findall(r'(?i:a)b', 'Ab AB ab'))
print(re.findall('(?i)[^a-z]', 'aZ1_k\u212a'), re.fullmatch('(?i)[\\d\\s]+', '1 2'))
