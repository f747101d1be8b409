# sub() with a function (built natively for str subjects): None pieces, the
# join's TypeError after every call, exceptions, nesting, count; and the Match
# accessors' fast paths (int groups) against their general forms.
import re
print(re.sub(r'\d', lambda m: None, 'a1b2'))
for bad in [lambda m: 3, lambda m: b'x']:
    try: print(re.sub(r'\d', bad, 'a1b2'))
    except TypeError as e: print('TypeError', e)
def boom(m):
    raise KeyError(m.group())
try: re.sub('b', boom, 'abc')
except KeyError as e: print('KeyError', e)
print(re.subn(r'(\w)(\d)?', lambda m: m.group(2) or m.group(1).upper(), 'a1bc2d', count=3))
class S(str): pass
m_list = []
print(re.sub('x*', lambda m: (m_list.append((type(m.string).__name__, m.span(), m.pos, m.endpos)), '-')[1], S('abxd')), m_list)
print(re.sub('a', lambda m: re.sub('b', lambda n: 'B', 'bb' + m.group()), 'xaya'))
print(re.sub('é', lambda m: '\U0001F600', 'café é'))
for bad in [lambda m: 3 if m.group() == '2' else 'x', lambda m: None if m.group() == '1' else 4.5]:
    try: print(re.sub(r'\d', bad, 'a1b2c'))
    except TypeError as e: print('TypeError', e)
    try: print(re.sub(r'\d', bad, '12'))
    except TypeError as e: print('TypeError', e)
def late(m):
    if m.group() == '2': raise ValueError('late')
    return 7
try: re.sub(r'\d', late, '12')
except Exception as e: print(type(e).__name__, e)
m = re.search(r'(?P<a>x)(y)?(z)', 'wxz')
for g in [0, 1, 2, 3, True, False, 'a']:
    print(g, m.group(g), m.start(g), m.end(g), m.span(g), m[g])
for g in [-1, 4, 'b', 1.0, None]:
    for f in (m.group, m.start, m.end, m.span):
        try:
            f(g)
        except IndexError as e:
            print('IndexError', g, e)
print(m.group(), m.group(1, 'a', 3), m.groups(), m.groups('-'), m.groupdict(), m.lastindex)
print(re.fullmatch('a+', 'aa'), re.fullmatch('a+', 'aab'), re.match('b', 'ab'), re.search('b', 'ab', re.I))
print(re.compile('b').search('abcb', 2), re.compile('b').match('ab', 1), re.compile('b').fullmatch('abc', 1, 2))
print(re.search(b'(b)', b'abc').groups(), re.search(b'(b)(x)?', bytearray(b'abc')).group(0, 1, 2))
