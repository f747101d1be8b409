# codeop.compile_command and code.InteractiveConsole decide "need more
# input" through compile()'s PyCF_ALLOW_INCOMPLETE_INPUT and
# PyCF_DONT_IMPLY_DEDENT flags ('single' mode).
import code
import codeop
import sys

sources = ["if True:", "if True:\n", "if True:\n  x = 1", "if True:\n  x = 1\n", "1 +", "(1,",
           "[1, 2", "'''abc", "def f(:", "for x in y:\n  pass\nelse:", "1 2", "@dec",
           "class A(", "'abc", "x = (1 +\n", "if x:\n  pass\n  else:", "\\", "f(x for",
           "print('a')", "", "# c", "match x:", "try:\n  pass", "x = {1:", "x = 1"]
for src in sources:
    for symbol in ("single", "exec"):
        try:
            r = codeop.compile_command(src, "<i>", symbol)
            print(repr(src), symbol, "more" if r is None else "code")
        except SyntaxError as e:
            print(repr(src), symbol, type(e).__name__, e.msg, e.lineno)

for src in ["if True:\n  x = 1", "for a in b:\n  pass", "x = 1", "if 1: pass", "if 1:\n  pass\n",
            "def f():\n  return 1\n\n", "if 1:\n  pass\nelse:\n  pass"]:
    for flags in (0x200, 0x4200, 0):
        try:
            compile(src, "<i>", "single", flags)
            print(repr(src), hex(flags), "ok")
        except SyntaxError as e:
            print(repr(src), hex(flags), e.msg, e.lineno, repr(e.text))

console = code.InteractiveConsole({"__name__": "__console__"})
sys.stderr = sys.stdout
for line in ["total = 0", "for i in range(4):", "    total += i", "", "print(total)",
             "def sq(n):", "    return n * n", "", "print(sq(7))", "x = (1,", " 2)", "print(x)",
             "if total > 3: print('big')", "", "1/0", "print('after')", "'''open", "close'''"]:
    more = console.push(line)
    print("push", repr(line), "->", more)
sys.stderr = sys.__stderr__
