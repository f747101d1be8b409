# SyntaxErrors found after parsing (symbol table, compiler) in source given
# as a string carry no text, as in CPython, so their report shows no source
# line; parser errors keep theirs. str.join honours a subclass's __iter__.
import traceback
for src in ['return 5', 'x = (', 'def f():\n  nonlocal q\n', 'def f():\n    yield = 3\n', 'async def f():\n    yield from x\n', 'await x', 'def f(a, a): pass', 'nonlocal z', 'del f()', 'break']:
    try:
        compile(src, '<t>', 'exec')
    except SyntaxError as e:
        print(repr(e.text), e.lineno, e.offset, e.msg)
        print(''.join(traceback.format_exception_only(type(e), e)), end='')
class L(list):
    def __iter__(self): return iter(['z', 'y'])
class T(tuple):
    def __iter__(self): return iter(['q'])
print(''.join(L(['a'])), '-'.join(T(('a', 'b'))), b''.join(L([b'a'])) if False else '')
