# The deprecated sre_constants / sre_parse / sre_compile modules and their
# re._constants / re._parser / re._compiler names: importing the old names
# warns (DeprecationWarning), and the constants, flag tables, fix_flags and
# compile agree with re.
import re
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    import sre_constants
    import sre_parse
    import sre_compile
for w in caught:
    print(w.category.__name__, w.message)

import re._constants
import re._parser
import re._compiler

print(sre_constants.error is re.error, re._constants.error is re.error)
print(sre_parse.error is re.error, sre_compile.error is re.error)
print(sre_constants.MAXREPEAT, repr(sre_constants.MAXREPEAT), int(sre_constants.MAXREPEAT))
print(sre_constants.MAXGROUPS, sre_parse.MAXREPEAT == sre_compile.MAXREPEAT)
for name in ['TEMPLATE', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'UNICODE',
             'VERBOSE', 'DEBUG', 'ASCII']:
    print(name, getattr(sre_constants, 'SRE_FLAG_' + name),
          getattr(sre_constants, 'SRE_FLAG_' + name) == getattr(re, name))
print(sorted(sre_parse.FLAGS.items()), sre_parse.TYPE_FLAGS, sre_parse.GLOBAL_FLAGS)
print(sre_parse.SPECIAL_CHARS, sre_parse.REPEAT_CHARS)
print(sorted(sre_parse.DIGITS), sorted(sre_parse.OCTDIGITS), sorted(sre_parse.HEXDIGITS))
print(sorted(sre_parse.WHITESPACE), len(sre_parse.ASCIILETTERS))
print(sre_parse.fix_flags('a', 0), sre_parse.fix_flags('a', re.A), sre_parse.fix_flags(b'a', 0),
      sre_parse.fix_flags(b'a', re.L | re.I))
for src, flags in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L)]:
    try:
        sre_parse.fix_flags(src, flags)
    except ValueError as e:
        print('ValueError', e)

p = sre_compile.compile(r'(\w+)@(\w+)', re.I)
print(p, p == re.compile(r'(\w+)@(\w+)', re.I), p.groups, p.findall('A@B c@d'))
print(sre_compile.compile(rb'x+').match(b'xxy'))
print(sre_compile.isstring('a'), sre_compile.isstring(b'a'), sre_compile.isstring(3))
for args in [('a', re.L), (b'a', re.U), ('(', 0)]:
    try:
        sre_compile.compile(*args)
    except (ValueError, re.error) as e:
        print(type(e).__name__, e)
try:
    raise sre_constants.error('bad', 'a(b', 1)
except re.error as e:
    print(e, e.msg, e.pos, e.lineno, e.colno)
