# Inline flag groups: sre's checks, messages and error positions; the type
# flags (ASCII/UNICODE/LOCALE) are checked after the parse.
import re
cases = ['(?L)a', '(?Li)a', '(?iL)a', '(?au)a', '(?a:a)', '(?-a:a)', '(?-u:a)', '(?-L:a)', '(?L:a)', '(?u)a', '(?t)a', '(?t:a)',
         '(?i-i:a)', '(?-:a)', '(?a-i:a)', '(?x', '(?ia)a', '(?aa)a', '(?-i)a', '(?i', 'a(?i)']
for c in cases:
    for p in (c, c.encode()):
        try: print(repr(p), re.compile(p).flags)
        except Exception as e: print(repr(p), type(e).__name__, e)
for a in [('a', re.L), ('(?L)a', 0), (b'a', re.L|re.A), (b'(?a)a', re.L), ('(', re.L), ('a', re.A|re.U), ('(?u)a', re.A), (b'(', re.U), (b'a', re.U), ('(?a)a', re.U),
          ('(?i:a', 0), ('(?i-:a)', 0), ('(?-', 0), ('(?i-', 0), ('(?i-s', 0), ('(?i-s)', 0), ('(?i-q:a)', 0), ('(?i-5:a)', 0), ('(?-5:a)', 0), ('(?i5)', 0), ('(?iq)', 0), ('(?-t:a)', 0), ('(?x)a b', 0), ('a(?x)', 0)]:
    try: print(a, re.compile(*a).flags)
    except Exception as e: print(a, type(e).__name__, e)
