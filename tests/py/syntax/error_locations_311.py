# SyntaxError messages and locations for dictionary displays and
# indentation, as CPython 3.11 reports them.
import traceback

SOURCES = [
    'x = {1: 2, 3:}', 'x = {1:}', 'x = {1: 2, 3: }', 'x = {a:, b: 1}', 'x = {1: 2, 3}',
    'x = {1: 2, **a, 3}', 'x = {1, 2: 3}', 'x = {1:2, 3 4}', 'x = {1: *a}', 'x = {1: 2, 3: *b}',
    'if 1:\n        x = 1\n\ty = 2\n', 'class A:\n  def f(self):\n\treturn 1\n        return 2\n',
    'if 1:\n  if 2:\n\tx\n', 'if 1:\n\tif 2:\n\t\tx\n        y\n',
    ''.join(' ' * i + 'if 1:\n' for i in range(101)) + ' ' * 101 + 'x\n',
    'if True:\n    x = 1\n     y = 2\n',
]
for src in SOURCES:
    try:
        compile(src, "<s>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
        if len(src) < 60:
            print("".join(traceback.format_exception_only(e)), end="")
