# '=' where a condition or display element is expected: CPython suggests
# '==' or ':=' (a name on the left) or '==' (another operand).
sources = [
    'if x = 1: pass',
    'while count = 10:\n    pass',
    'if x.y = 1: pass',
    'if x[0] = 1: pass',
    'if f() = 1: pass',
    'if -x = 1: pass',
    'if (x = 1): pass',
    'if x = 1 if y else 2: pass',
    'if x == 1 and y = 2: pass',
    'if not x = 1: pass',
    'if [a] = 1: pass',
    'if True = 1: pass',
    'if x = y = 1: pass',
    'if x = : pass',
    'if x = [1]: pass',
    'elif x = 2: pass',
    '[x = 1]',
    '{a = 1}',
    'y = [i = 1 for i in x]',
    'x[a = 1]',
    'foo(x.y = 1)',
    'foo(a=1 = 2)',
    'assert x = 1',
    'return x = 1',
    'x = a = = 1',
    'match[x] = 5',
    'match(x).y = 5',
]
for src in sources:
    try:
        compile(src, '<cond>', 'exec')
        print('compiles:', repr(src))
    except SyntaxError as e:
        print(repr(src), '->', e.msg, e.lineno, e.offset, e.end_offset)
