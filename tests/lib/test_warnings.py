from harness import mine, eq, true, raises, host
warnings = mine('warnings')
import io
import sys


def capture(fn):
    old = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        fn()
    finally:
        sys.stderr = old
    return buf.getvalue()


SCRIPT = r'''
import warnings, sys
def f(i):
    warnings.warn('hello %d' % (i % 2))
for i in range(4):
    f(i)
warnings.warn('dep in main', DeprecationWarning)
exec("import warnings\nwarnings.warn('dep elsewhere', DeprecationWarning)", {'__name__': 'other'})
warnings.warn('pending', PendingDeprecationWarning)
warnings.warn(RuntimeWarning('instance'))
def g():
    warnings.warn('level two', UserWarning, stacklevel=2)
g()
warnings.simplefilter('once')
for i in range(2):
    warnings.warn('once msg')
    warnings.warn('once msg', RuntimeWarning)
warnings.resetwarnings()
warnings.filterwarnings('ignore', message='skip')
warnings.warn('SKIP this', UserWarning)
warnings.warn('not skipped', UserWarning)
warnings.filterwarnings('error', category=SyntaxWarning)
try:
    warnings.warn('boom', SyntaxWarning)
except SyntaxWarning as e:
    print('raised', e, file=sys.stderr)
sys.stderr.write(warnings.formatwarning('m', UserWarning, 'f.py', 3))
sys.stderr.write(warnings.formatwarning('m', UserWarning, 'f.py', 3, line='  x = 1  '))
warnings.warn_explicit('explicit', UserWarning, 'zz.py', 5)
'''


def test_output_matches_cpython():
    path = '/tmp/ftpy_warn_case.py'
    with open(path, 'w') as f:
        f.write(SCRIPT)
    expected = host('import sys; sys.stderr = sys.stdout\n'
                    'exec(compile(open(%r).read(), %r, "exec"), {"__name__": "__main__"})'
                    % (path, path))
    got = capture(lambda: exec(compile(SCRIPT, path, 'exec'), {'__name__': '__main__'}))
    eq(got, expected)


def test_catch_warnings_record():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        warnings.warn('x', RuntimeWarning)
        warnings.warn('x', RuntimeWarning)
    eq(len(w), 2)
    eq(w[0].category, RuntimeWarning)
    eq(str(w[0].message), 'x')
    true(str(w[0]).startswith("{message : RuntimeWarning('x'), category : 'RuntimeWarning', filename : "))
    n = len(warnings.filters)
    with warnings.catch_warnings(action='ignore'):
        eq(warnings.filters[0][0], 'ignore')
        warnings.warn('silent')
    eq(len(warnings.filters), n)
    with raises(TypeError, "category must be a Warning subclass, not 'int'"):
        warnings.warn('x', 1)
    with raises(ValueError, "invalid action: 'bogus'"):
        warnings.simplefilter('bogus')


def test_showwarning_hook_and_deprecated():
    seen = []
    with warnings.catch_warnings():
        warnings.simplefilter('always')
        warnings.showwarning = lambda *a: seen.append(a[:4])
        warnings.warn('hooked')
    eq(seen[0][0].args, ('hooked',))

    @warnings.deprecated('use g')
    def f():
        return 1
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        eq(f(), 1)
    eq(str(w[0].message), 'use g')
    eq(w[0].category, DeprecationWarning)
    eq(f.__deprecated__, 'use g')
    warnings._setoption('error::RuntimeWarning')
    with raises(RuntimeWarning):
        warnings.warn('now an error', RuntimeWarning)
    warnings.resetwarnings()
