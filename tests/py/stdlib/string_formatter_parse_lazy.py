# string.Formatter.parse returns an iterator (CPython's formatteriterator):
# it is consumed once, and a malformed format raises during iteration.
import string

f = string.Formatter()
it = f.parse('a{b!r:>3}c{{d}}{0}')
print(next(it), list(it), list(it))
bad = f.parse('ok {x')  # no error yet
try:
    print(list(bad))
except ValueError as e:
    print('ValueError', e)
try:
    for part in f.parse('x}y'):
        print(part)
except ValueError as e:
    print('ValueError', e)
print(f.format('{0:>{1}}|{n!s}', 'v', 4, n=3), f.vformat('{a[1]}', (), {'a': 'xy'}))
