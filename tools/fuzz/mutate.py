"""Token-level mutation of Python source, deterministic from a
random.Random: delete, duplicate and swap tokens, insert keywords, brackets,
operators, odd escapes and huge numbers, truncate, flip characters, move
lines and indentation, and wrap pieces in deep nesting.

Runs under the host python3 (the driver); the mutants go to the child.
"""
import keyword
import re

# A rough lexer: it only has to cut source into pieces that joined again give
# the original. Whitespace and comments are pieces too, so joining is exact.
TOKEN_RE = re.compile(
    r"""[ \t]+|\n|\r|#[^\n]*"""
    r"""|(?:[rRbBfFuU]{1,2})?(?:\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')"""
    r"""|\d[\w.]*(?:[eE][-+]?\d+)?j?|\w+|\*\*=?|//=?|>>=?|<<=?|->|:=|[-+*/%&|^@=!<>]=|\.\.\.|.""",
    re.S)

KEYWORDS = keyword.kwlist + ["match", "case", "type", "_", "print", "self", "super"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "(", ")"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", "<", ">",
             "<=", ">=", "==", "!=", "=", ":=", "->", ".", ",", ":", ";", "...", "*", "**", "+=",
             "**=", "@=", "//=", ">>=", "!", "?", "$", "`", "\\", "\\\n"]
STRINGS = ['"\\N{foo}"', '"\\N{LATIN SMALL LETTER A}"', '"\\N"', '"\\x"', '"\\x4"',
           "'\\U12345678'", "'\\U0010ffff'", "'\\U00110000'", 'b"\\u1234"', 'b"\u00e9"',
           "'\\777'", "'\\8'", "'\\d'", 'f"{x!r:{y}}"', 'f"{"', 'f"}"', 'f"{}"', "f'{x=}'",
           'f"{x:{y:{z}}}"', 'f"{x!z}"', 'f"{x:=1}"', 'f"{lambda:1}"', "f'{\"\\n\"}'",
           'f"{x!r=}"', 'f"""{\n}"""', 'rb"\\"', 'r"\\', '"""', "'''", '"abc', "'\\\n'",
           'u"x"', 'ub"x"', 'bf"x"', '"\\\r\n"', "'\x00'", "'\ud800'", "b'\\xff'",
           "'%s' % ()", "'{}'.format", "f'{1:{2:{3}}}'", "f'{x:{{}}>10}'"]
NUMBERS = ["0x", "1_", "1__0", "0b2", "09", "1e", "1e999", "1e-999", "1" * 5000, "0x" + "f" * 3000,
           "1j", ".5j", "1_000.0_1e1_0", "0o8", "00", "0_0", "0b", "1.e5", "1..2", "0x_1",
           "9" * 4301, "-" + "9" * 4400, "2**100000", "10**10**10" if False else "10**1000",
           "1.7976931348623157e309", "0.0000000000000000000000000001e-400", "1if", "0else",
           "1_j", "0xfor", "2147483648", "-9223372036854775809", "18446744073709551616"]
NAMES = ["\u210c", "\u00e9", "x\u0300", "\U0001F600", "\u0660", "a\u200d", "\u2160", "_\u00b7",
         "\ufb01", "\u1e9e", "__class__", "__dict__", "__builtins__", "__debug__", "None",
         "__annotations__", "__name__", "__qualname__", "__slots__", "__init__", "__new__"]
WEIRD = ["\x00", "\x0c", "\t", "\r", "\ufeff", "\x1a", "\x7f", "\u2028", "\u00a0",
         "# -*- coding: latin-1 -*-\n", "# coding: bogus\n", "\\", "\n", "\n\t \n"]
STATEMENTS = ["nonlocal x", "global x", "return", "yield", "yield from x", "await x",
              "async def f(): pass", "del x", "break", "continue", "raise", "pass",
              "import x", "from . import x", "from __future__ import braces",
              "from __future__ import annotations", "assert x, y", "with a as b, c as d: pass",
              "try:\n pass\nexcept* E:\n pass", "class C[T]: pass", "def f[T: int](x: T): pass",
              "type X = int", "match x:\n case {**r}: pass", "lambda *, x: x",
              "def f(a, /, b, *, c): pass", "x: int = 1", "*a, *b = c", "a = yield", "@x\n"]

# Deep nesting, each a function of the depth.
NESTERS = [
    lambda n: "(" * n + "1" + ")" * n,
    lambda n: "[" * n + "]" * n,
    lambda n: "{" * n + "}" * n,
    lambda n: "(" * n,
    lambda n: "not " * n + "x",
    lambda n: "-" * n + "1",
    lambda n: "~" * n + "1",
    lambda n: "1" + "+1" * n,
    lambda n: "2" + "**2" * n,
    lambda n: "x" + "[0]" * n,
    lambda n: "x" + ".a" * n,
    lambda n: "x" + "()" * n,
    lambda n: "lambda: " * n + "0",
    lambda n: "f'{" * min(n, 200) + "1" + "}'" * min(n, 200),
    lambda n: "".join(" " * i + "if x:\n" for i in range(min(n, 300))) + " " * min(n, 300) + "pass",
    lambda n: "".join(" " * i + "def f():\n" for i in range(min(n, 300))) + " " * min(n, 300) + "pass",
    lambda n: "x = " + "[" * n + "1" + "]" * n,
    lambda n: "a if b else " * n + "c",
    lambda n: "x" + " == x" * n,
    lambda n: "(" + "yield " * n + "1)",
    lambda n: "*" * n + "x",
    lambda n: "{**" * n + "x" + "}" * n,
    lambda n: "try:\n pass\n" + "finally:\n pass\n" * min(n, 100),
    lambda n: "match x:\n case " + "[" * n + "a" + "]" * n + ": pass",
    lambda n: "@d\n" * n + "def f(): pass",
    lambda n: "with " + ", ".join("a" for _ in range(min(n, 2000))) + ": pass",
    lambda n: "f(" + ",".join("a" for _ in range(min(n, 5000))) + ")",
    lambda n: "def f(" + ",".join("a%d" % i for i in range(min(n, 2000))) + "): pass",
    lambda n: "x = '" + "\\n" * n + "'",
]
DEPTHS = [20, 90, 101, 200, 1000, 3000, 20000]


def tokenize(src):
    return TOKEN_RE.findall(src)


def _random_piece(rng):
    group = rng.randrange(8)
    if group == 0:
        return rng.choice(KEYWORDS)
    if group == 1:
        return rng.choice(BRACKETS)
    if group == 2:
        return rng.choice(OPERATORS)
    if group == 3:
        return rng.choice(STRINGS)
    if group == 4:
        return rng.choice(NUMBERS)
    if group == 5:
        return rng.choice(NAMES)
    if group == 6:
        return rng.choice(WEIRD)
    return rng.choice(STATEMENTS)


def _significant(toks):
    return [i for i, t in enumerate(toks) if t.strip() and not t.startswith("#")]


def mutate_once(src, rng):
    toks = tokenize(src)
    sig = _significant(toks)
    op = rng.randrange(12)
    if not sig:
        return src + _random_piece(rng)
    i = rng.choice(sig)
    if op == 0:  # delete a token
        del toks[i]
    elif op == 1:  # duplicate a token
        toks.insert(i, toks[i] + " ")
    elif op == 2:  # swap two tokens
        j = rng.choice(sig)
        toks[i], toks[j] = toks[j], toks[i]
    elif op == 3:  # replace a token
        toks[i] = _random_piece(rng)
    elif op in (4, 5):  # insert a piece
        toks.insert(i, " " + _random_piece(rng) + " ")
    elif op == 6:  # truncate
        s = "".join(toks)
        return s[:rng.randrange(len(s) + 1)]
    elif op == 7:  # flip a character
        s = "".join(toks)
        k = rng.randrange(len(s))
        c = rng.choice(["\x00", "(", ")", "'", '"', "\\", "{", "}", ":", "\n", " ", "\t",
                        "#", "\u00e9", "\ud800", chr(rng.randrange(32, 127))])
        return s[:k] + c + s[k + 1:]
    elif op == 8:  # deep nesting in place of a token
        toks[i] = NESTERS[rng.randrange(len(NESTERS))](rng.choice(DEPTHS))
    elif op == 9:  # line moves: duplicate, delete or swap lines
        lines = "".join(toks).split("\n")
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        what = rng.randrange(3)
        if what == 0:
            lines.insert(a, lines[b])
        elif what == 1:
            del lines[a]
        else:
            lines[a], lines[b] = lines[b], lines[a]
        return "\n".join(lines)
    elif op == 10:  # re-indent a line
        lines = "".join(toks).split("\n")
        a = rng.randrange(len(lines))
        lines[a] = rng.choice(["", " ", "\t", "    " * rng.randrange(1, 5), " \t"]) + lines[a].lstrip()
        return "\n".join(lines)
    else:  # a whole statement at a line start
        lines = "".join(toks).split("\n")
        a = rng.randrange(len(lines) + 1)
        indent = ""
        if a < len(lines):
            indent = lines[a][:len(lines[a]) - len(lines[a].lstrip())]
        lines.insert(a, indent + rng.choice(STATEMENTS + [NESTERS[rng.randrange(len(NESTERS))](rng.choice(DEPTHS))]))
        return "\n".join(lines)
    return "".join(toks)


def mutate(src, rng):
    n = rng.choice([1, 1, 1, 2, 2, 3, 5])
    for _ in range(n):
        src = mutate_once(src, rng)
    return src


# Which mutants may run (exec), not only compile: no imports beyond these,
# and none of the names by which a program reaches files, processes or the
# interpreter's own state.
SAFE_MODULES = {"math", "cmath", "itertools", "functools", "collections", "operator", "string",
                "re", "json", "struct", "array", "dataclasses", "enum", "typing", "abc", "copy",
                "heapq", "bisect", "fractions", "decimal", "statistics", "textwrap",
                "contextlib", "types", "weakref", "gc", "random", "datetime", "unicodedata",
                "keyword", "numbers", "pprint", "reprlib", "string", "difflib", "__future__"}
UNSAFE_WORDS = re.compile(r"\b(open|__import__|exec|eval|os|sys|subprocess|threading|_thread|"
                          r"signal|socket|shutil|pathlib|tempfile|input|breakpoint|globals|"
                          r"__builtins__|builtins|importlib|ctypes|mmap|compile|exit|quit|"
                          r"multiprocessing|concurrent|asyncio|select|fcntl|resource|faulthandler|"
                          r"io|codecs|pickle|marshal|tracemalloc|atexit|setrecursionlimit|"
                          r"getattr|setattr|vars|locals|__dict__|__code__|__globals__|"
                          r"f_globals|f_locals|gi_frame|tb_frame|f_back)\b")
IMPORT_RE = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+[\w, ()*]+|import\s+([\w., ]+))\s*$")


def safe_to_exec(src):
    if UNSAFE_WORDS.search(src):
        return False
    for line in src.splitlines():
        if not re.search(r"\bimport\b", line):
            continue
        # Every line that mentions import must be a plain import of safe
        # modules (no semicolons, no "as": a mutation could hide anything).
        m = IMPORT_RE.match(line)
        if not m:
            return False
        for name in re.split(r"[,\s]+", (m.group(1) or m.group(2)).strip()):
            if name and name.split(".")[0] not in SAFE_MODULES:
                return False
    return True
