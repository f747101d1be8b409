# The native matcher's lookahead, lookbehind, atomic groups and captures
# kept or dropped by them.
import re

for p, s in [
    (r'a(?=b)', 'ab ac'), (r'a(?!b)', 'ab ac'), (r'(?<=a)b', 'ab cb'), (r'(?<!a)b', 'ab cb'),
    (r'(?<=ab)c', 'abc'), (r'(?<=^)a', 'a'), (r'(?<!^)a', 'aa'), (r'(?=(a+))a', 'aaa'),
    (r'(?!(a))b', 'b'), (r'(?=(a))?', 'a'), (r'(?<=(a))b', 'ab'), (r'(?<!(x))b', 'ab'),
    (r'(?=a|ab)ab', 'ab'), (r'\w+(?=,)', 'abc, def'), (r'(?<=\d{3})x', '12x 123x'),
    (r'(?<=a|b)c', 'bc'), (r'(?<=[ab])c', 'xc bc'), (r'(?>(a+))b', 'aab'), (r'(?>(a)|b)c', 'ac'),
    (r'(?=(\w+))\1:', 'abc:'), (r'(?:(?=(\d))\d)+', '123'), (r'^(?:(?!ab).)*$', 'xaby'),
    (r'^(?:(?!ab).)*$', 'xay'), (r'(?<=\b)\w', ' x'), (r'(?<=(?=a)a)b', 'ab'),
]:
    m = re.search(p, s)
    print(repr(p), repr(s), None if m is None else (m.span(), m.groups(), m.lastindex))
print(re.findall(r'(?<=\$)\d+', 'cost $12 and $345'))
print(re.sub(r'(?<=\w)(?=(\w{3})+\b)', ',', '1234567'))
for bad in [r'(?<=a+)b', r'(?<=a|bc)d', r'(?<=a*)']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error:', e)
