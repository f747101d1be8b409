from harness import mine, eq, true, raises, host
traceback = mine('traceback')
linecache = mine('linecache')
import sys

CASE = r'''
import traceback, sys
PATH_EX = '/tmp/ftpy_tb_ex.py'
out = []
def inner(x):
    return 1 / x
def middle(x):
    y = [inner(x)]
    return y
def rec(n):
    if n == 0:
        raise RecursionError('deep')
    return rec(n - 1)
class MyErr(Exception):
    pass
try:
    middle(0)
except Exception:
    out.append(traceback.format_exc())
try:
    try:
        {}['k']
    except KeyError as e:
        raise ValueError('bad') from e
except Exception as e:
    out.append(''.join(traceback.format_exception(e)))
try:
    try:
        raise MyErr('first')
    except MyErr:
        middle(0)
except Exception as e:
    out.append(''.join(traceback.format_exception(type(e), e, e.__traceback__)))
try:
    try:
        raise MyErr('x')
    except MyErr:
        raise TypeError('suppressed ctx') from None
except Exception as e:
    out.append(''.join(traceback.format_exception(e)))
try:
    rec(30)
except RecursionError as e:
    out.append(''.join(traceback.format_exception(e)))
try:
    e = ValueError('with notes')
    e.add_note('note one')
    e.add_note('note\ntwo')
    raise e
except ValueError as e:
    out.append(''.join(traceback.format_exception(e)))
def grp():
    raise ExceptionGroup('many', [ValueError(1), TypeError('t'),
                                  ExceptionGroup('inner', [KeyError('k')])])
try:
    grp()
except ExceptionGroup as e:
    out.append(''.join(traceback.format_exception(e)))
def chained_sub():
    try:
        raise KeyError('inner cause')
    except KeyError as k:
        return ValueError('sub with context')
try:
    raise ExceptionGroup('wide', [ValueError(i) for i in range(17)] + [chained_sub()])
except ExceptionGroup as e:
    out.append(''.join(traceback.format_exception(e)))
def nest():
    try:
        raise ExceptionGroup('a', [ExceptionGroup('b', [ValueError('x')]), TypeError('y')])
    except ExceptionGroup as g:
        raise RuntimeError('after group') from g
try:
    nest()
except RuntimeError as e:
    out.append(''.join(traceback.format_exception(e)))
try:
    compile('x = (1,\n', '<src>', 'exec')
except SyntaxError as e:
    out.append(''.join(traceback.format_exception_only(e)))
try:
    compile('a b', 'f.py', 'exec')
except SyntaxError as e:
    out.append(''.join(traceback.format_exception(e)))
out.append(''.join(traceback.format_exception_only(KeyError('k'))))
out.append(''.join(traceback.format_exception_only(MyErr())))
out.append(repr(traceback.format_exception_only(ValueError, ValueError('v'))))
try:
    middle(0)
except Exception as e:
    tb = e.__traceback__
    out.append(''.join(traceback.format_tb(tb)))
    out.append(repr([tuple(f) for f in traceback.extract_tb(tb)]))
    out.append(''.join(traceback.format_list(traceback.extract_tb(tb, limit=1))))
    out.append(repr(traceback.extract_tb(tb)[0]))
    out.append(repr([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)]))
    te = traceback.TracebackException.from_exception(e)
    out.append(''.join(te.format_exception_only()))
    out.append(str(te.exc_type.__name__) + str(len(te.stack)))
for src in ["d = {'a': {}}\nv = d['a']['b']", "z = 2 ** 'a'", "w = (1 + 2) * 'x' - 3",
            "q = [1, 2][5]", "r = len(1) + 2", "s = 'a' + 1 if True else 0",
            "t = -1 + None", "u = x_undefined"]:
    fn = PATH_EX + str(len(out)) + '.py'
    with open(fn, 'w') as f:
        f.write(src + '\n')
    try:
        exec(compile(src, fn, 'exec'), {})
    except Exception as e:
        out.append(''.join(traceback.format_exception(e)))
print('\n=====\n'.join(out))
'''

PATH = '/tmp/ftpy_traceback_case.py'


def _write_ex():
    pass


def run_mine():
    import io
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        exec(compile(CASE, PATH, 'exec'), {'__name__': 'case'})
    finally:
        sys.stdout = old
    return buf.getvalue()


def test_against_host():
    with open(PATH, 'w') as f:
        f.write(CASE)
    linecache.clearcache()
    expected = host('exec(compile(open(%r).read(), %r, "exec"), {"__name__": "case"})'
                    % (PATH, PATH))
    got = run_mine()
    gparts = got.split('\n=====\n')
    eparts = expected.split('\n=====\n')
    eq(len(gparts), len(eparts))
    for i, (g, e) in enumerate(zip(gparts, eparts)):
        eq(g, e, 'case %d' % i)


def test_print_exc_and_stack():
    import io
    buf = io.StringIO()
    try:
        raise KeyError('zz')
    except KeyError:
        traceback.print_exc(file=buf)
    s = buf.getvalue()
    true(s.startswith('Traceback (most recent call last):\n'))
    true(s.endswith("KeyError: 'zz'\n"))
    true('raise KeyError' in s)
    st = traceback.extract_stack()
    eq(st[-1].name, 'test_print_exc_and_stack')
    true(''.join(traceback.format_stack()).count('File') >= 2)
    fs = traceback.FrameSummary('f.py', 3, 'fn', line='x = 1')
    eq(repr(fs), '<FrameSummary file f.py, line 3 in fn>')
    eq(tuple(fs), ('f.py', 3, 'fn', 'x = 1'))
    eq(traceback.format_list([('f.py', 3, 'fn', 'x = 1')]),
       ['  File "f.py", line 3, in fn\n    x = 1\n'])


def test_linecache():
    with open('/tmp/ftpy_lc.py', 'w', encoding='latin-1') as f:
        f.write('# -*- coding: latin-1 -*-\ns = "\xe9"\n')
    linecache.clearcache()
    eq(linecache.getline('/tmp/ftpy_lc.py', 2), 's = "\xe9"\n')
    eq(linecache.getline('/tmp/ftpy_lc.py', 9), '')
    eq(linecache.getline('/nonexistent/x.py', 1), '')
    eq(len(linecache.getlines('/tmp/ftpy_lc.py')), 2)
    with open('/tmp/ftpy_lc.py', 'w') as f:
        f.write('a\nb\nc\n')
    linecache.checkcache('/tmp/ftpy_lc.py')
    eq(linecache.getline('/tmp/ftpy_lc.py', 3), 'c\n')
    eq(linecache.getline('<string>', 1), '')
