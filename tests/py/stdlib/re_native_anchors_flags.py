# The native matcher's anchors (^ $ \A \Z \b \B) with MULTILINE, DOTALL and
# ASCII, and pos/endpos with match, fullmatch and search.
import re

s = 'ab\ncd\n'
for p, f in [('^\\w+', 0), ('^\\w+', re.M), ('\\w+$', 0), ('\\w+$', re.M), ('.+', 0), ('.+', re.S),
             ('\\A\\w', re.M), ('\\w\\Z', 0), ('$', 0), ('$', re.M), ('^', re.M), ('\\n$', 0)]:
    print(repr(p), f, [m.span() for m in re.finditer(p, s, f)])
for p in [r'\b\w', r'\B\w', r'\w\b', r'\b', r'\B']:
    print(repr(p), [m.span() for m in re.finditer(p, 'é a_b 1.')],
          [m.span() for m in re.finditer(p, 'é a_b 1.', re.A)])
print(re.search(r'\B', ''), re.search(r'\b', ''), re.match(r'$', ''), re.fullmatch(r'a*', ''))
p = re.compile(r'\w+')
print(p.match('ab cd', 3).span(), p.match('ab cd', 2), p.search('ab cd', 1, 4).span())
print(p.fullmatch('ab cd', 3).span(), p.fullmatch('ab cd', 0, 2).span(), p.fullmatch('abc', 0, 2).span())
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab', 0, 1).span())
print(re.compile(r'\bb').search('ab', 1), re.compile('$').search('ab\n', 0, 2).span())
print(p.findall('ab cd ef', 2, 7), list(m.group() for m in p.finditer('ab cd ef', -5, 100)))
print(re.match(r'(?s:.)(?-s:.)?', '\n\n').span(), re.match(r'(?m)a$\n^b', 'a\nb').span())
print(re.findall(r'(?x) a  b # comment\n c', 'abc'), re.match(r'(?a)\w+', 'abé').group())
print(re.fullmatch(r'a|ab', 'ab').span(), re.fullmatch(r'(?:a|ab)(?:c|bcd)', 'abcd').span())
print(re.match(r'\d+', '١٢٣x').group(), re.match(r'\d+', '١٢٣x', re.A))
print(re.match(r'\s+', '\x1c\x1f \u2003x').span(), re.match(r'\s+', ' \x1c', re.A).span())
print(re.findall(r'\W+', 'a-+b  c'), re.findall(r'\D\S', 'a1 b2'), re.findall('[^\\w\\s]', 'a,b. c!'))
