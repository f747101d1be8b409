#!/usr/bin/env python3
"""SyntaxError cases: compare ftpy's error type, message, line and offset
with the host python3 for a list of bad programs. Prints "N passed, N failed".

Messages reworded in 3.12+ are mapped through compare_ast.MESSAGE_RENAMES.
Cases whose 3.11 behaviour differs from 3.14 on purpose are in
EXPECTED_314 with the 3.14 result ftpy must produce instead.
"""
import ast
import os
import subprocess
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_ast import ROOT, MESSAGE_RENAMES  # noqa: E402

CASES = [
    "1abc\n", "0777\n", "0b2\n", "0o8\n", "0x\n", "1_\n", "1__0\n", "1e\n", "1e+\n", "0x_\n",
    "1.5_\n", "1_.5\n", "'abc\n", "x = '''abc\n\ndef\n", "  x=1\n", "if x:\n  a\n b\n",
    "if x:\npass\n", "x = (1,\n2\n", "x = )\n", "x = (]\n", "x = (\n]\n", "a \u20ac b\n",
    "a\u00a0b\n", "print 'x'\n", "f(a=1, b)\n", "def f(a=1, b): pass\n", "1 = x\n", "f() = 1\n",
    "del f()\n", "(a, b) += 1\n", "x = 1 +\n", "if x\n  pass\n", "f(a b)\n", "x = [1 2]\n",
    "a\\ b\n", "x = 1\\", "f'{}'\n", "x = $\n", "\\\n", "def f(*): pass\n", "x = 1 if 2\n",
    "for x in range(3)\n  pass\n", "class A\n", "try:\n  pass\n", "else: pass\n",
    "x = {1: 2, 3}\n", "f(**k, *a)\n", "f(x for x in y, 1)\n", "(x for x in y) = 1\n",
    "a + 1 = 2\n", "x := 1\n", "def f(a, /, b, /): pass\n", "import a.b as\n",
    "from . import *, x\n", "b'\u00e9'\n", "if 1:\n    x\n  y\n", "(" * 250 + "\n", "if x:\n",
    "def f(\n", "x = [\n 1,\n 2\n", "True = 1\n", "f(True=1)\n", "x.True\n", "None += 1\n",
    "del (a, 1)\n", "with a as 1: pass\n", "for 1 in x: pass\n", "x = yield = 1\n",
    "print(*)\n", "f(*)\n", "x[1:2] += 1; (x) += 1; [a] += 1\n", "def f(**k, a): pass\n",
    "def f(*, **k): pass\n", "x = 1 = 2\n", "[a, 1] = x\n", "(1) = 2\n", "x + 1 += 1\n",
    "while x\n  pass\n", "def f()\n  pass\n", "with x\n  pass\n", "lambda x=1, y: x\n",
    "f(x=1, x)\n", "f(**a, b)\n", "x = 'abc\n", "x = \"\"\"\n", "if True:\n\tx\n        y\n",
    "x = 5 6\n", "(a, b c)\n", "{a b}\n", "{1: 2 3: 4}\n", "x = (1 2)\n", "f(a, b c)\n",
    "import\n", "from x import\n", "def\n", "class\n", "x = [1, 2\n", "x = {1: 2\n",
    "def f(a, a): pass\n", "nonlocal x\n", "def f():\n  global x\n  x: int = 1\n",
    "def f(x):\n  global x\n", "def f():\n  x = 1\n  global x\n",
    "def f():\n  print(x)\n  global x\n", "def f():\n  nonlocal q\n",
    "[i for i in (j := range(3))]\n", "[x := 1 for x in y]\n", "class A:\n  [y := 1 for x in z]\n",
    "def f():\n  from os import *\n", "a = 1\nb = 2\nc = (a b)\n", "x = 0o\n", "x = 0b\n",
    "x = 1e5j_\n", "x = 09\n", "x = 0_7\n", "x = 1 if True else\n", "async = 1\n",
    "await = 1\n", "def f(x, *, y, *z): pass\n", "def f(a, *b, c, **d, e): pass\n",
    "match x:\n  case 1:\npass\n", "x = {**a: 1}\n", "f(a for a in b for c in d, e)\n",
    "try:\n  pass\nexcept* :\n  pass\n", "x = not\n", "@\ndef f(): pass\n", "x ==\n",
    "elif x: pass\n", "x = [i for i in]\n", "del x + 1\n", "del [a, b + 1]\n", "for x, in y: pass\n",
    "a, b += 1\n", "(yield) = 1\n", "x = lambda: (yield)\n", "f(**x, y=1, *z)\n",
    "x = f'{a!x}'\n", "x = f'{a'\n", "x = f'}'\n", "x = 1 ++\n",
]

# Cases where ftpy deliberately follows 3.12+/3.14 instead of 3.11:
# snippet -> (type, msg, lineno, offset)
EXPECTED_314 = {
    "x = f'{a!x}'\n": ("SyntaxError", "f-string: invalid conversion character 'x': expected 's', 'r', or 'a'", 1, 10),
    "x = f'{a'\n": ("SyntaxError", "f-string: expecting '}'", 1, 9),
    "x = f'}'\n": ("SyntaxError", "f-string: single '}' is not allowed", 1, 7),
    # 3.11 reports offset 0 here; ftpy gives the first column of the token.
    "match x:\n  case 1:\npass\n": ("IndentationError", "expected an indented block after 'case' statement on line 2", 3, 1),
    "f'{}'\n": ("SyntaxError", "f-string: valid expression required before '}'", 1, 4),
}


def python_error(src):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src)
        except SyntaxError as e:
            return (type(e).__name__, MESSAGE_RENAMES.get(e.msg, e.msg), e.lineno, e.offset)
    import symtable
    try:
        symtable.symtable(src, "<case>", "exec")
    except SyntaxError as e:
        return (type(e).__name__, MESSAGE_RENAMES.get(e.msg, e.msg), e.lineno, e.offset)
    return None


def main():
    astdump = os.path.join(ROOT, "build", "ftpy_astdump")
    symdump = os.path.join(ROOT, "build", "ftpy_symdump")
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, src in enumerate(CASES):
            path = os.path.join(tmp, f"case{i}.py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
            want = EXPECTED_314.get(src) or python_error(src)
            out = subprocess.run([symdump, "--no-compiler-checks", path], capture_output=True,
                                 text=True).stdout
            got = None
            if out.startswith("ERROR\t"):
                p = out.split("\n")[0].split("\t")
                got = (p[1], p[2], int(p[3]), int(p[4]))
            if got == want:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {src!r}\n    ftpy: {got}\n    py:   {want}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
