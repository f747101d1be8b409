# Pattern.scanner with pos/endpos bounds, including endpos=0 (an empty
# window: nothing matches) and bounds past either end.
import re

p = re.compile(r'a')
for args in [(0, 0), (1, 2), (0, 3), (2, 100), (-5, 1), (3, 3)]:
    s = p.scanner('aaa', *args)
    print(args, 'match', s.match())
    s = p.scanner('aaa', *args)
    print(args, 'search', [m.span() for m in iter(s.search, None)])
s = p.scanner('aaa')
print('default', [m.span() for m in iter(s.match, None)])
print(re.compile(rb'\d').scanner(b'1a2', 0, 0).search(), re.compile(rb'\d').scanner(b'1a2', 1).search())
