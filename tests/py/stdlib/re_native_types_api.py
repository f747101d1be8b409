# re.Pattern and re.Match are native types (src/modules/re_pattern.cpp,
# re_match.cpp): their API surface, reprs and error messages, as CPython
# 3.11 has them.
import copy
import pickle
import re
import weakref


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)


print('--- types')
p = re.compile(r'(?P<first>\w+) (?P<last>\w+)(!)?')
m = p.match('Jane Doe and more')
print(type(p), type(m), re.Pattern.__name__, re.Match.__qualname__, re.Pattern.__module__)
print(isinstance(p, re.Pattern), isinstance(m, re.Match), bool(m))
show(lambda: re.Pattern())
show(lambda: re.Match())
show(lambda: type('P', (re.Pattern,), {}))
show(lambda: type('M', (re.Match,), {}))
show(lambda: type(p.scanner(''))())
m2 = re.match('(a)', 'a')
show(lambda: m2.group([1]))
print(re.Pattern[str], re.Match[bytes])

print('--- match groups')
print(m.group(), m.group(0), m.group(1), m.group('last'), m.group(1, 'last', 0))
print(m[0], m[1], m['first'], m[3])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(default='?'))
print(m.start(), m.end(), m.span(), m.start(2), m.end('last'), m.span('first'), m.span(3))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p)
print(m.group(True), m.start(False))
for bad in (4, -1, 'nope', 1.0, [1], None, 2 ** 70, -2 ** 70, b'first'):
    show(lambda: m.group(bad))
    show(lambda: m[bad])
    show(lambda: m.start(bad))
    show(lambda: m.span(bad))
show(lambda: m.group(1, 9))
show(lambda: m.groups(1, 2))
show(lambda: m.start(1, 2))
show(lambda: m.groupdict(default=1, x=2))

print('--- lastindex / lastgroup')
for pat, s in [(r'(a)(b)?', 'a'), (r'(?P<x>a)(?P<y>b)', 'ab'), (r'((?P<in>a)b)', 'ab'), (r'a', 'a'),
               (r'(?P<o>(a)(?P<i>b))', 'ab'), (r'(a)|(?P<n>b)', 'b')]:
    mm = re.search(pat, s)
    print(pat, mm.lastindex, mm.lastgroup, mm.regs)

print('--- expand')
print(m.expand(r'\2, \1\n\g<first>|\g<2>|\g<0>|\3|'))
print(repr(m.expand('no escapes')))
for t in (r'\4', r'\g<9>', r'\g<nope>', r'\q', '\\', r'\g<1', r'\g', r'\g<>', r'\g<1a>', r'\400'):
    show(lambda: m.expand(t))
show(lambda: m.expand(b'x'))
show(lambda: m.expand(1))
bm = re.match(rb'(\w+)=(\d*)', b'key=')
print(bm, bm.expand(rb'[\2|\1]'), bm.groups(), bm.group(2))

print('--- repr')
print(m)
print(re.match('a*', ''))
print(re.search(b'\\d+', b'ab 123 cd'))
print(re.match('(x)', 'x' * 300))
print(re.search('\u20ac+', 'a \u20ac\u20ac b'))
print(re.match('\'"', '\'"'))

print('--- attributes are read-only')
for name, value in (('pos', 1), ('endpos', 1), ('string', 'x'), ('re', p), ('lastgroup', 'x'),
                    ('lastindex', 1), ('regs', ())):
    def setit():
        setattr(m, name, value)
    show(setit)
for name in ('pattern', 'flags', 'groups', 'groupindex'):
    def setit():
        setattr(p, name, 1)
    show(setit)
show(lambda: p.groupindex.__setitem__('x', 1))

print('--- copy, pickle, weakref')
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
show(lambda: pickle.dumps(m))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(re.compile(rb'x+', re.I), proto))
    print(proto, q, q == re.compile(rb'x+', re.I))
show(lambda: weakref.ref(m))
r = weakref.ref(p)
print(r() is p)

print('--- pattern attributes')
print(p.pattern, p.flags, p.groups, p.groupindex, type(p.groupindex).__name__)
print(dict(p.groupindex), list(p.groupindex), p.groupindex['last'])
print(re.compile(b'(a)(b)').groupindex, re.compile(b'(a)(b)').flags, re.compile('x', re.A).flags)

print('--- pattern repr')
print(re.compile('a'), re.compile(b'a'), re.compile('a', re.I | re.M))
print(re.compile('a', re.S | re.X | re.A), re.compile(b'a', re.L), re.compile('a', re.U))
print(re.compile(b'a', re.I | re.T))
print(re.compile('x' * 300))
print(re.compile('\'"' * 120))
print(re.compile('\u20ac' * 250))

print('--- equality and hash')
a1, a2 = re.compile('a+'), re.compile('a+', re.I)
print(a1 == re.compile('a+'), a1 != re.compile('a+'), a1 == a2, a1 == 'a+', a1 == re.compile(b'a+'))
print(hash(a1) == hash(re.compile('a+')), len({a1, re.compile('a+'), a2}))
show(lambda: a1 < a2)

print('--- subjects')
bp = re.compile(rb'b(.)')
for subj in (b'abcd', bytearray(b'abcd'), memoryview(b'abcd')):
    mm = bp.search(subj)
    print(type(mm.string).__name__, mm.group(), mm.group(1), mm[0], mm.span(), bp.findall(subj),
          bp.sub(b'-', subj), bp.split(subj), bp.sub(lambda m: m[1] * 2, subj))
print(bp.sub(rb'<\1>', bytearray(b'abcd')))
show(lambda: bp.search('abc'))
show(lambda: p.search(b'abc'))
show(lambda: p.search(bytearray(b'abc')))
show(lambda: p.search(5))
show(lambda: p.search(None))
class S(str):
    pass
mm = re.search('b+', S('abbc'))
print(type(mm.string).__name__, type(mm.group()).__name__, mm.group())

print('--- pos and endpos')
d = re.compile(r'\d')
s = '0123456789'
for pos, endpos in ((0, None), (3, None), (3, 5), (-5, 100), (8, 2), (20, 30), (True, 4)):
    args = (s, pos) if endpos is None else (s, pos, endpos)
    mm = d.search(*args)
    print(pos, endpos, mm, mm and (mm.pos, mm.endpos), d.match(*args), d.fullmatch(*args),
          d.findall(*args), [x.span() for x in d.finditer(*args)])
print(d.search(s, endpos=3), d.match(string=s, pos=4), d.fullmatch('5'))
show(lambda: d.search(s, 'x'))
show(lambda: d.search(s, 1.5))
show(lambda: d.search(s, 2 ** 70))
show(lambda: d.search(s, 0, 'x'))
show(lambda: d.search())
show(lambda: d.search(s, nope=1))
print(re.compile('^a').search('ba', 1), re.compile('^a', re.M).search('b\na', 1))

print('--- scanner and finditer')
sc = re.compile(r'\w').scanner('ab cd', 1, 4)
print(type(sc).__name__, sc.pattern)
print(sc.search(), sc.match(), sc.match(), sc.search(), sc.search())
it = re.compile('x*').finditer('axxb')
print(type(it).__name__, [x.span() for x in it])
print([m.group() for m in re.finditer(r'\b\w', 'one two three', )])

print('--- sub and subn')
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'(?P<a>\d)', r'[\g<a>\g<1>\g<0>]', 'x1y2'))
print(re.sub('a', r'\n\t\\', 'bab'))
print(re.sub('a', '\\0\\07\\101', 'bab'))
show(lambda: re.sub('(a)', r'\10', 'a'))
print(re.subn('a', 'b', 'aaa', 2), re.subn('a', 'b', 'aaa', -1), re.subn('x*', '-', 'abc'))
print(re.sub('a', lambda m: m.group().upper() * 2, 'banana'), re.sub('a', lambda m: None, 'banana'))
print(re.sub(b'a', lambda m: bytearray(b'A'), b'banana'), re.sub(b'a', lambda m: memoryview(b'Z'), b'aa'))
for args in (('a', r'\3', 'a'), ('(a)', r'\g<2>', 'a'), ('a', r'\g<x>', 'a'), ('a', r'\m', 'a'),
             ('a', 1, 'a'), ('a', [1], 'a'), ('a', b'x', 'a'), ('a', b'x', 'b'), (b'a', 'x', b'a'),
             ('a', lambda m: 1, 'bab'), (b'a', lambda m: 'x', b'ba'), ('a', r'\400', 'a'),
             (b'a', bytearray(b'\\n'), b'a'), (b'a', memoryview(b'\\n'), b'a'),
             ('a', 'x', 'a', 'y'), ('a', 'x', 5)):
    show(lambda: re.sub(*args))
print(re.compile('(b)').sub(repl='<\\1>', string='abc', count=1))

print('--- split and findall')
print(re.split(r'(,)(\s)?', 'a, b,c'), re.split(',', 'a,b,c', 1), re.split(',', 'a,b,c', maxsplit=-1))
print(re.findall(r'(\d)(x)?', '1x2'), re.findall('', 'ab'), re.findall(rb'\w', b'ab'))
print(re.compile('(a)(b)?').findall('aab'), re.compile('a').split(string='bab', maxsplit=1))

print('--- wide and narrow results')
print(ascii(re.sub('a', '\u20ac', 'xaxa')), ascii(re.sub('\u20ac', 'a', 'x\u20acy')), ascii(re.sub('b', '\U0001f600', 'abcb')))
print(ascii(re.sub('(b)', '\\1\u00e9', '\u00e9bb')), ascii(re.sub('b', lambda m: '\u0100', 'abab')), ascii(re.sub('b', '', '\u0100b')))
print(ascii(re.match('(.)(.)', '\u00e9\u20ac').expand(r'\2-\1')), ascii(re.match('(.)', 'a').expand('\u20ac\\1')))
print(ascii(re.subn('x', 'y', '\U0001f600x\u00e9x')))
