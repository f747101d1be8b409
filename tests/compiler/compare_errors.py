"""Compare ftpy's compile-time SyntaxErrors with CPython's (python3).

Usage: python3 tests/compiler/compare_errors.py build/ftpy_dis
Each snippet is compiled by both; the error type, message, line and offset
must agree (end positions too where CPython sets them).
"""
import subprocess
import sys

SNIPPETS = [
    "return 1",
    "yield 1",
    "await x",
    "break",
    "continue",
    "def f():\n    continue",
    "for x in y:\n    def f():\n        break",
    "__debug__ = 1",
    "del __debug__",
    "def f(__debug__): pass",
    "*a = 1",
    "a, *b, *c = x",
    "async def f():\n    yield 1\n    return 2",
    "def f():\n    [x async for x in y]",
    "def f():\n    await x",
    "f(a=1, a=2)",
    "class C:\n    return 1",
    "class C:\n    yield 1",
    "def f():\n    class C:\n        await x",
    "async def f():\n    yield from x",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass",
    "match x:\n    case [a, a]:\n        pass",
    "match x:\n    case [a] | [b]:\n        pass",
    "match x:\n    case {1: a, 1: b}:\n        pass",
    "match x:\n    case C(a=1, a=2):\n        pass",
    "match x:\n    case a | b:\n        pass",
    "try:\n    pass\nexcept* E:\n    break",
    "for x in y:\n    try:\n        pass\n    except* E:\n        continue",
    "def f():\n    try:\n        pass\n    except* E:\n        return",
    "from __future__ import braces",
    "from __future__ import nope",
    "x = 1\nfrom __future__ import annotations",
    "'doc'\nfrom __future__ import annotations\nimport os\nfrom __future__ import division",
    "def f():\n    from __future__ import annotations",
    "x = 1\n" + "for x in y:\n " * 21 + "pass",
    "with a as __debug__: pass",
    "for __debug__ in x: pass",
    "(yield x for x in y)",
    "def f():\n    x = [(yield) for y in z]",
    "async with x: pass",
    "async for x in y: pass",
    "def f():\n    async with x: pass",
    "lambda: await x",
    "[*x for x in y]",
    "x: int = 1\ndef f():\n    global x\n    x: int",
    "nonlocal x",
    "def f():\n    global x\n    nonlocal x",
    "import *",
    "def f():\n    from m import *",
    "f(**a, *b)",
    "a.__debug__ = 1",
    "print(f'{__debug__}')",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
]


def cpython(src):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        return "%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    return "OK"


def main():
    tool = sys.argv[1]
    bad = 0
    for src in SNIPPETS:
        want = cpython(src)
        got = subprocess.run([tool, "--stdin-error"], input=src.encode(), capture_output=True).stdout.decode().strip()
        if got != want:
            # End positions are informative only.
            if got.split("|")[:4] == want.split("|")[:4]:
                print("END-POS  %r\n   want %s\n   got  %s" % (src, want, got))
                continue
            bad += 1
            print("MISMATCH %r\n   want %s\n   got  %s" % (src, want, got))
    print("%d/%d match" % (len(SNIPPETS) - bad, len(SNIPPETS)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
