# ast.parse + ast.dump(include_attributes=True) over every statement and
# expression kind. Positions inside f-strings differ between 3.11 (the whole
# JoinedStr's span) and 3.12+ (their own); they are normalised to 3.11's.
import ast

SOURCES = [
    "import os, sys as s\nfrom . import x\nfrom ..a.b import (c as d, e)\n",
    "def f(a, /, b: int = 1, *c, d, e=2, **g) -> None:\n    '''doc'''\n    global q\n    return a\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    z: int = 3\n    y: 'T'\n    (w): int\n    def m(self): pass\n",
    "async def m(self):\n    async with a as b, c:\n        await b\n    async for i in x:\n        pass\n    return [i async for i in y]\n",
    "try:\n    pass\nexcept (E, F) as e:\n    raise X from e\nexcept G:\n    raise\nelse:\n    pass\nfinally:\n    del a[1:2], b.c\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "match p:\n    case [1, *r]: pass\n    case {'k': v, **kw}: pass\n    case Point(0, y=_) | None: pass\n    case str() as s if s: pass\n    case -1 | 2+3j | a.b: pass\n    case (x, y, *_): pass\n",
    "lambda x, *y, z=1, **w: (yield)\n",
    "f'a{b!r:>{w}} {c=} {d!s} {e!a}' 'x'\nf'''{\nx\n}'''\n",
    "x = 1 if y else 2\na < b <= c is not d in e not in f\n",
    "with open(f) as fh, g: fh.read()\nwhile True:\n    break\nelse:\n    pass\n",
    "for i, (j, *k) in z:\n    continue\nelse:\n    pass\n",
    "(x := 5)\nprint(*a, **k, key=1)\n{1, 2}; (1,); ...; {**a, 'b': 2}\n",
    "b'x'; u'y'; U'z'; u'a' 'b'; 0x1f; 1.5e3; 2j; 1_000; 0o17; 0b101; 10**100\n",
    "x += 1; x -= 1; x *= 1; x @= 1; x /= 1; x //= 1; x %= 1; x **= 1\nx <<= 1; x >>= 1; x |= 1; x ^= 1; x &= 1\n",
    "assert x, 'm'\nr = not a and b or c\ny = -a + +b - ~c\n",
    "a[1:2, ::3]; a[...]; a[b, c]; a.b.c[d](e)\n",
    "g = (x for x in y if x for z in x)\nd = {k: v for k, v in items}\ns = {x for x in y}\n",
    "def gen():\n    yield\n    yield from x\n    nonlocal_ = 1\n\ndef outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v = 2\n",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "x = y = z = [1, 2][0]\na, *b = c\n[d, e] = f\n",
    "print('héllo', 'ü'.upper())  # non-ASCII columns are byte offsets\n",
    "x = (1 +\n     2)\ndef f(\n    a,\n    b,\n):\n    pass\n",
]


def normalise_fstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if sub is not node and isinstance(sub, (ast.Constant, ast.FormattedValue, ast.JoinedStr)):
                    for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                        setattr(sub, a, getattr(node, a))
    return tree


for src in SOURCES:
    tree = normalise_fstrings(ast.parse(src))
    print(ast.dump(tree, include_attributes=True, indent=1))
    print(ast.dump(tree))

# Other modes and the mode's node types.
print(ast.dump(ast.parse("a + 1", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(compile("[1, 2]", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(type(compile("pass", "<s>", "exec", ast.PyCF_ONLY_AST)).__name__)

# Syntax errors come out as from compile().
for bad in ["x = (", "def f(:\n", "  x = 1", "return = 1"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.lineno)

# get_source_segment uses the positions.
src = "total = price * (1 + rate)\nprint(total)\n"
tree = ast.parse(src)
for node in ast.walk(tree):
    if isinstance(node, (ast.BinOp, ast.Call)):
        print(type(node).__name__, repr(ast.get_source_segment(src, node)))

# Shared singletons for contexts and operators, as in CPython.
t = ast.parse("a + b; c + d")
print(t.body[0].value.op is t.body[1].value.op, t.body[0].value.left.ctx is t.body[1].value.left.ctx)
print(ast.increment_lineno(ast.parse("x"), 2).body[0].lineno)
