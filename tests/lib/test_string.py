from harness import mine, eq, true, raises, host
string = mine('string')
import _string


def test_constants():
    for name in ('whitespace', 'ascii_lowercase', 'ascii_uppercase', 'ascii_letters',
                 'digits', 'hexdigits', 'octdigits', 'punctuation', 'printable'):
        eq(getattr(string, name), eval(host('import string; print(repr(string.%s))' % name)), name)
    eq(string.capwords('  hello   world  '), 'Hello World')
    eq(string.capwords('a-b-c', '-'), 'A-B-C')


def test_template():
    T = string.Template
    eq(T('$who likes ${what}s $$').substitute(who='tim', what='kung pao'),
       'tim likes kung paos $')
    eq(T('$who $x').safe_substitute({'who': 1}), '1 $x')
    with raises(KeyError):
        T('$missing').substitute()
    with raises(ValueError, 'Invalid placeholder in string: line 1, col 5'):
        T('abc $ def').substitute()
    with raises(ValueError, 'Invalid placeholder in string: line 2, col 1'):
        T('x\n$').substitute()
    eq(T('$a ${b} $a $$c').get_identifiers(), ['a', 'b'])
    true(T('$a').is_valid())
    true(not T('$').is_valid())
    eq(T('${a').safe_substitute(a=1), '${a')
    eq(T('$A_1x').substitute(A_1x=2), '2')

    class Pct(T):
        delimiter = '%'
    eq(Pct('%x and %%').substitute(x=3), '3 and %')
    eq(T('$a').substitute({'a': 1}, a=2), '2')


def test_formatter_parse():
    f = string.Formatter()
    for s in ['a{0}b{1:>{w}}c', '{{x}}', '{!r}', '{a.b[c]!s:^10}', '', 'plain',
              '{0[}]}', '{:{}}{}', 'x{}}}', 'a{{b', '{{{0}', 'x}}y{}', '{0:{{}}}',
              '{0!r:}', '{0[x:y]}', '{0[x!y]}', '{:{:{}}}', '{]}', '{0]}']:
        eq(f.parse(s), list(_string.formatter_parser(s)), s)
    for bad in ['{', '}', 'a{0', '{!}', '{0!rr}', '{0!}', '{0!r', '{a{b}c}', '{0',
                '{0:', '{0:{', '{0!', '{0[', '{0[1', '{0[1]', '{0!rx', '{0:{}', 'a}',
                '{0}}', '{0:}}']:
        try:
            list(_string.formatter_parser(bad))
        except ValueError as e:
            with raises(ValueError, str(e)):
                f.parse(bad)
        else:
            raise AssertionError(bad)


def test_formatter_format():
    f = string.Formatter()
    eq(f.format('{0}-{1!r}-{x:>4}', 1, 'a', x=5), "1-'a'-   5")
    eq(f.format('{}{}', 1, 2), '12')
    eq(f.format('{0[1]} {1.imag}', [5, 6], 2j), '6 2.0')
    eq(f.format('{a[k]}', a={'k': 'v'}), 'v')
    eq(f.format('{:{}}', 'x', 3), 'x  ')
    with raises(ValueError, 'cannot switch from manual field'):
        f.format('{0}{}', 1, 2)

    class Upper(string.Formatter):
        def format_field(self, v, spec):
            return format(v, spec).upper()
    eq(Upper().format('{} {x}', 'ab', x='cd'), 'AB CD')
