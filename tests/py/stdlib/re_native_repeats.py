# The native matcher's repeats: greedy, lazy, possessive, {m,n}, the
# empty-iteration stop of general repeats, and repeats of groups.
import re


def show(pattern, subject, flags=0):
    try:
        m = re.search(pattern, subject, flags)
    except re.error as e:
        print(pattern, 'error', e)
        return
    if m is None:
        print(repr(pattern), repr(subject), None)
    else:
        print(repr(pattern), repr(subject), m.span(), m.groups(), m.lastindex)


for p, s in [
    (r'a*', 'aaab'), (r'a*?', 'aaab'), (r'a+?b', 'aaab'), (r'a*+a', 'aaaa'),
    (r'a{2,3}', 'aaaa'), (r'a{2,3}?', 'aaaa'), (r'a{2}', 'a'), (r'a{,2}', 'aaa'),
    (r'a{3,}', 'aaaaa'), (r'(ab){2,}', 'abababx'), (r'(ab){2,}?', 'abababx'),
    (r'(a|b)*', 'abba'), (r'(a|b)*?c', 'abbac'), (r'(a|ab)*c', 'abac'),
    (r'(a?)*', 'b'), (r'(a?)*?b', 'b'), (r'(a*)*', 'aa'), (r'(a*)+', 'b'),
    (r'(a*)*b', 'aab'), (r'(|a)*', 'aa'), (r'(|a)+', 'aa'), (r'(a|)*b', 'aab'),
    (r'(?:(a)|b)*', 'ab'), (r'(?:(a)|(b))*', 'abab'), (r'(?:a|(b))*?$', 'ab'),
    (r'((a)|b)+', 'ab'), (r'(a)+', 'aaa'), (r'(a{2})*', 'aaaaa'),
    (r'(?:ab)++c', 'ababc'), (r'(?:a|ab)++c', 'abc'), (r'(?>a|ab)c', 'abc'),
    (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'), (r'x*y', 'xxxxz'),
    (r'.*foo', 'xfooyfooz'), (r'.*?foo', 'xfooyfooz'), (r'[ab]+?c', 'ababc'),
    (r'(a+|b+)*c', 'aabbc'), (r'(a+)+b', 'aaaa'), (r'((a)*)*', 'aa'),
    (r'(?:(x)|y)*?z', 'xyz'), (r'\d{2,4}', '1234567'), (r'(\d{2}){2}', '12345'),
    (r'a{0}', 'aaa'), (r'(a){0}b', 'ab'), (r'(a)?b', 'b'), (r'(a)??a', 'a'),
]:
    show(p, s)

print(re.findall(r'a*', 'baaa'))
print(re.findall(r'a*?', 'baa'))
print(re.findall(r'(a|b)*?', 'ab'))
print(re.sub(r'x*', '-', 'abxd'))
print(re.split(r'x*', 'axbxxc'))
print([m.span() for m in re.finditer(r'\b', 'ab cd')])
print([m.span() for m in re.finditer(r'(?=a)|a', 'aa')])
# Possessive repeats: each iteration is atomic and is never given back.
for p, s in [(r'(?:a|ab){2}+', 'aba'), (r'(?:a|ab){2}+', 'aab'), (r'(?:a|ab)++b', 'abab'),
             (r'(a|ab)*+c', 'abac'), (r'(?:ab|a){1,}+b', 'abab'), (r'(a?)++', 'aab')]:
    show(p, s)
for bad in [r'(?(1)a|b)', r'(a)(?(2)a|b)(?(3)c)', r'(?(0)a)']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error:', e)
