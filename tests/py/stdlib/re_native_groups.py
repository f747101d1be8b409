# The native matcher's groups, named groups, backreferences (also under
# ignorecase), conditionals, lastindex/lastgroup and alternation order.
import re

tests = [
    (r'(a)(b)?', 'a'), (r'(?P<x>a)(?P<y>b)', 'ab'), (r'(a)|(b)', 'b'),
    (r'((a)(b))', 'ab'), (r'(a)\1', 'aa'), (r'(a)\1', 'ab'), (r'(a*)\1', 'aaaa'),
    (r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now'), (r'(a)|\1', 'x'),
    (r'(?:(a)|b)\1', 'ba'), (r'(a)?(?(1)b|c)', 'ab'), (r'(a)?(?(1)b|c)', 'c'),
    (r'(?P<n>a)?(?(n)b|c)', 'ac'), (r'(a)?(?(1)b)', 'x'), (r'(<)?\w+(?(1)>)', '<ab>'),
    (r'(<)?\w+(?(1)>)', '<ab'), (r'a|ab', 'ab'), (r'ab|a', 'ab'), (r'(a|ab)(c|bcd)', 'abcd'),
    (r'(x)(y)(z)', 'xyz'), (r'(?:x)(y)', 'xy'), (r'((x)y)', 'xy'), (r'(a)(?:b|(c))', 'ab'),
    (r'(?i)(a)\1', 'aA'), (r'(?i)(ß)\1', 'ßß'), (r'(?i)(k)\1', 'kK'),
    (r'(?i)(σ)\1', 'σΣ'), (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj'),
]
for p, s in tests:
    m = re.search(p, s)
    if m is None:
        print(repr(p), repr(s), None)
        continue
    print(repr(p), repr(s), m.group(0), m.groups(), m.groupdict(), m.lastindex, m.lastgroup,
          m.span(1) if m.re.groups else None, m.regs)

m = re.match(r'(?P<a>x)(?P<b>y)?', 'x')
print(m.group('a', 'b'), m.groups('-'), m.groupdict(0), m.start('b'), m.end(1), m['a'])
print(m.expand(r'[\1\g<a>\g<0>]'))
print(re.sub(r'(\w)(\w)', r'\2\1', 'abcdef'), re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'ab cd'))
print(re.subn(r'(x)?y', r'[\1]', 'y xy'), re.sub('a', lambda m: m.group().upper(), 'banana', 2))
print(re.findall(r'(\w)(\d)?', 'a1b c3'), re.findall(r'(\w)', 'ab'), re.findall(r'\w', 'ab'))
print(re.split(r'(,)|(;)', 'a,b;c'), re.split(r',', 'a,b,c', maxsplit=1), re.split(r',', 'a,b', -1))
print(re.sub('a', 'b', 'aaa', count=-1), re.sub(r'a', r'\n', 'xa'), re.sub(r'', '-', 'ab'))
