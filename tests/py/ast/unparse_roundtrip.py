# ast.unparse round trips: unparse(parse(src)) parses back to the same tree
# and runs the same.
import ast

SOURCES = [
    "x = [a * 2 for a in range(10) if a % 3]\nprint(x)",
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    '''doc'''\n    return a + b\nprint(f(1, c=3))",
    "class A:\n    @property\n    def p(self):\n        return 1\nprint(A().p)",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('zde')\nfinally:\n    print('fin')",
    "w = 5\nprint(f'{w!r:>{w}}|{w=}|{3.14159:.2f}')",
    "match [1, 2]:\n    case [1, *rest]:\n        print('rest', rest)",
    "class L:\n    async def __aenter__(self): return 1\n    async def __aexit__(self, *a): pass\nasync def g():\n    async with L() as l:\n        return [i + l async for i in h()]\nasync def h():\n    yield 1\ntry:\n    g().send(None)\nexcept StopIteration as e:\n    print(e.value)",
    "x = (yield_ := 3)\nprint(x, yield_, -x ** 2, (-x) ** 2, not x == 3)",
    "d = {**{'a': 1}, 'b': 2}\ns = {1, *[2, 3]}\nprint(d, sorted(s), d['a':] if False else 0)",
    "lam = lambda x, *y, z=3, **k: (x, y, z, k)\nprint(lam(1, 2, z=4, q=5))",
    "a = b = 1\na += 2\nc, *d = [1, 2, 3]\nprint(a, b, c, d)",
    "with open(__file__) if False else __import__('contextlib').nullcontext(5) as v:\n    print(v)",
    "print(1 if True else 2, [x for x in 'ab'][::-1], (1,), ())",
    "global_var = 0\ndef inc():\n    global global_var\n    global_var += 1\ninc()\nprint(global_var)",
    "for i in range(3):\n    if i == 1:\n        continue\n    print(i)\nelse:\n    print('done')",
    "while False:\n    pass\nelse:\n    print('w')\nassert True, 'never'",
]

for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    again = ast.parse(text)
    print("same tree:", ast.dump(again) == ast.dump(tree))
    exec(compile(again, "<unparsed>", "exec"), {"__file__": __file__})
    print("---")
