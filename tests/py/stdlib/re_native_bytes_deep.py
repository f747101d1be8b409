# The native matcher on bytes-like subjects (bytes, bytearray, memoryview,
# array) and on deep subjects that need no C++ or Python recursion.
import array
import re

p = re.compile(rb'(\w+)=(\d*)')
for subj in [b'ab=12 c=', bytearray(b'ab=12 c='), memoryview(b'ab=12 c='), array.array('b', b'x=1')]:
    m = p.search(subj)
    print(type(subj).__name__, m.group(), m.groups(), type(m.group()).__name__, p.findall(subj))
print(re.split(rb'[,;]', bytearray(b'a,b;c')), re.sub(rb'\d', b'#', bytearray(b'a1b2')))
print(re.subn(rb'(\d)', rb'<\1>', b'a1b22'), re.sub(rb'\d', lambda m: m.group() * 2, b'a1'))
print(re.findall(rb'\xff+', b'\xff\xfe\xff\xff'), re.match(rb'\w', b'\xe9'), re.match(rb'.', b'\n'))
print(re.search(b'\\s', b'a\x1cb'), re.search(b'\\s', b'a\x0bb').span())
for bad in [(r'a', b'a'), (rb'a', 'a')]:
    try:
        re.match(*bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    re.sub(rb'a', 'x', b'a')
except TypeError as e:
    print('TypeError:', e)

n = 100000
print(re.match('(a|b)*', 'a' * n).end())
print(re.match('(?:a|b)*c', 'ab' * n + 'c').end())
print(re.match('(ab)*?c', 'ab' * n + 'c').span(1))
print(re.match('(?:(a)|b)+', 'ab' * n).group(1), re.match(r'(a+)+$', 'a' * n).end())
print(re.fullmatch(r'(?:x(?=y)y)*', 'xy' * n) is not None, re.match(r'(?>a*)*', 'a' * n).end())
print(len(re.findall(r'(\w)\1', 'aabbcc' * 10000)), len(re.sub('a', 'bb', 'a' * n)))
print(re.match('.*?x', 'a' * n + 'x').end(), re.search('x$', 'y' * n + 'x').start())
print(re.match(r'(?:a{1,3}|b)*c', 'aab' * 30000 + 'c').end())
s = 'é' * 1000 + '\U0001f600' + 'ab'
print(re.search('ab', s).span(), re.search(r'\w+$', s).span(), re.findall('[\U0001f600]', s))
