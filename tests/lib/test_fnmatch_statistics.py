from harness import mine, eq, true, raises, host
fnmatch = mine('fnmatch')
statistics = mine('statistics')

NAMES = ['a.py', 'b.txt', 'abc.py', '.hidden', 'x[1].py', 'dir/a.py', 'A.PY', 'a', '',
         'ab', 'abab', 'aXb', 'a-b', 'a]b', 'a!b', '[', 'a*b', 'a?b', 'abcbcd']
PATS = ['*.py', '?', 'a*b', '*', '[ab]*', '[!a]*', 'a[!-]b', '[a-c]*[d]', 'x[[]1].py',
        'a[]]b', 'a[!]]b', '*a*b*', 'a**b', '[', '[!', 'a[*]b', 'a[?]b', '*/*.py',
        'ab*cd', '[z-a]*', '*c?d', '']


def test_match_against_host():
    code = ('import fnmatch\nprint(repr([[fnmatch.fnmatchcase(n, p) for n in %r] for p in %r]))'
            % (NAMES, PATS))
    expected = eval(host(code))
    for p, row in zip(PATS, expected):
        eq([fnmatch.fnmatchcase(n, p) for n in NAMES], row, p)
    eq(fnmatch.filter(NAMES, '*.py'), [n for n in NAMES if n.endswith('.py')])
    true(fnmatch.fnmatch('a.py', '*.py'))
    eq(fnmatch.translate('*.py'), '(?s:.*\\.py)\\Z')
    eq(fnmatch.translate('a?[!b-d]'), '(?s:a.[^b-d])\\Z')


DATA = [[1, 2, 3], [1, 2, 3, 4], [1.1, 2.2, 3.3], [1.5, 2.5, 2.5, 2.75, 3.25, 4.75],
        [0.1] * 10, [1e16, 1.0, -1e16], [5], [2, 2, 3, 3, 3, 1], [True, False, True],
        [10 ** 20, 1, 7], [0.5, 0.25, 0.125, 3.0]]


def test_statistics_against_host():
    funcs = ['mean', 'fmean', 'median', 'median_low', 'median_high', 'mode',
             'multimode', 'variance', 'stdev', 'pvariance', 'pstdev',
             'harmonic_mean', 'median_grouped']
    code = ('import statistics\nout=[]\nfor d in %r:\n    for f in %r:\n'
            '        try:\n            out.append(repr(getattr(statistics, f)(d)))\n'
            '        except Exception as e:\n            out.append(type(e).__name__ + str(e))\n'
            'print(repr(out))' % (DATA, funcs))
    expected = eval(host(code))
    got = []
    for d in DATA:
        for f in funcs:
            try:
                got.append(repr(getattr(statistics, f)(d)))
            except Exception as e:
                got.append(type(e).__name__ + str(e))
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, '%s(%r)' % (funcs[i % len(funcs)], DATA[i // len(funcs)]))
    with raises(statistics.StatisticsError, 'mean requires at least one data point'):
        statistics.mean([])
    with raises(statistics.StatisticsError, 'variance requires at least two data points'):
        statistics.variance([1])
    eq(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4),
       eval(host('import statistics; print(repr(statistics.quantiles([1,2,3,4,5,6,7,8], n=4)))')))
