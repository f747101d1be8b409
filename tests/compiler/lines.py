"""Line-number checks: generate programs that raise or look at their frames at
known lines across many constructs, run them under python3 and ftpy, and
compare what they report (traceback lines, f_lineno, co_firstlineno, the set
of lines in co_lines(), and the uncaught traceback text).

Usage: python3 tests/compiler/lines.py --ftpy build/ftpy [-v] [-k NAME] [--keep DIR]
Exit status 1 when any case differs.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# Put at the top of every generated program. `_report` calls `fn`, and prints
# the exception's traceback as (function, tb_lineno, frame f_lineno) entries
# below the harness frame. `_here` gives the caller's current line as seen from
# a callee (the line of the CALL instruction).
HARNESS = '''import sys
def _report(name, fn):
    try:
        r = fn()
    except BaseException as e:
        tb = e.__traceback__
        out = []
        while tb is not None:
            out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
            tb = tb.tb_next
        print(name, type(e).__name__, out[1:])
    else:
        print(name, "returned", r)
def _here():
    return sys._getframe(1).f_lineno
def _lines(code, seen=None):
    # firstlineno and the set of lines of every code object, nested ones too.
    # (line 0, CPython's module RESUME, is left out)
    out = [(code.co_name, code.co_firstlineno, sorted({l for _, _, l in code.co_lines() if l}))]
    for c in code.co_consts:
        if type(c) is type(code):
            out += _lines(c)
    return out
'''


def pad(n):
    """n filler lines (cheap statements, so line numbers move far)."""
    return "".join("_pad = %d\n" % i for i in range(n))


def long_function(gap):
    body = "".join("    x = %d\n" % i for i in range(gap))
    return ("def long_%d():\n    a = _here()\n%s    b = _here()\n    return a, b, None + 1\n"
            "_report('long_%d', long_%d)\n" % (gap, body, gap, gap))


def long_expression(gap):
    # One statement spread over many lines: a call whose arguments span `gap` lines.
    args = "".join("        %d,\n" % i for i in range(gap))
    return ("def spread_%d():\n    return max(\n%s        None)\n_report('spread_%d', spread_%d)\n"
            % (gap, args, gap, gap))


CASES = {
    "multiline_binop": '''
def f():
    x = (1 +
         2 +
         None)
_report("multiline_binop", f)
def g():
    return (1
            +
            "s")
_report("multiline_binop2", g)
''',
    "multiline_call": '''
def boom(*a, **k):
    raise ValueError(_here())
def f():
    return boom(
        1,
        2,
        k=3)
_report("multiline_call", f)
class O:
    def m(self, *a):
        raise KeyError(sys._getframe(1).f_lineno)
def g():
    o = O()
    return (o
            .m(
               1))
_report("method_call_lines", g)
def h():
    return [_here(),
            _here(),
            (lambda: _here())()]
_report("here_in_list", h)
def k():
    d = {}
    return d[
        "missing"]
_report("subscript_lines", k)
def attr():
    o = O()
    return (o.
            missing)
_report("attribute_lines", attr)
''',
    "decorators": '''
def deco(f):
    return f
def bad_deco(f):
    raise RuntimeError("deco")
@deco
@deco
def decorated():
    return _here()
_report("decorated", decorated)
print("decorated first", decorated.__code__.co_firstlineno)
def make():
    @deco
    @bad_deco
    @deco
    def inner():
        return 1
_report("bad_deco", make)
class K:
    @property
    def p(self):
        return 1 / 0
    @staticmethod
    def s():
        raise TypeError
_report("property", lambda: K().p)
_report("staticmethod", K.s)
print("K.p first", K.p.fget.__code__.co_firstlineno)
''',
    "comprehensions": '''
def f():
    return [1 / x
            for x in [3, 2, 1, 0]]
_report("listcomp", f)
def g():
    return {k: 1 / v for k, v in
            {"a": 1, "b": 0}.items()}
_report("dictcomp", g)
def h():
    return list(x + 1
                for x in [1, None])
_report("genexp", h)
def i():
    return [[y for y in x]
            for x in [[1], None]]
_report("nested_comp", i)
def j():
    return [_here() for _ in range(2)
            if _here()]
_report("comp_here", j)
''',
    "with_try": '''
class CM:
    def __init__(self, fail_exit=False):
        self.fail_exit = fail_exit
    def __enter__(self):
        return self
    def __exit__(self, *a):
        if self.fail_exit:
            raise OSError("exit")
        return False
def f():
    with CM():
        x = 1
        raise ValueError
_report("with_body", f)
def g():
    with CM(True) as c, \\
         CM():
        pass
_report("with_exit", g)
def h():
    try:
        raise ValueError
    finally:
        y = 2
_report("finally_reraise", h)
def i():
    try:
        raise ValueError
    except ValueError:
        raise
_report("bare_reraise", i)
def j():
    try:
        raise ValueError
    except ValueError as e:
        raise KeyError from e
_report("raise_from", j)
def k():
    try:
        pass
    finally:
        1 / 0
_report("finally_body", k)
def l():
    for i in range(3):
        try:
            continue
        finally:
            if i == 2:
                raise IndexError
_report("finally_continue", l)
def m():
    try:
        x = 1
    except ValueError:
        pass
    else:
        raise OSError
_report("try_else", m)
def n():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* TypeError:
            pass
    except ExceptionGroup as e:
        return e.__traceback__.tb_lineno
_report("except_star", n)
def o():
    assert (1 ==
            2), "msg"
_report("assert", o)
''',
    "fstrings": '''
def f():
    return f"""a{1}b{
        1 / 0}c"""
_report("fstring_multiline", f)
def g():
    x = None
    return f"""
    {x}
    {x.missing}
    """
_report("fstring_triple", g)
def h():
    return (f"{1}"
            f"{None + 1}")
_report("fstring_concat", h)
def i():
    return f"{_here()}"
_report("fstring_here", i)
''',
    "comparisons": '''
def f():
    a, b, c = 1, 2, None
    return (a <
            b <
            c)
_report("chained_cmp", f)
def g():
    return 1 < None
_report("cmp", g)
def h():
    return (1 and
            None + 1)
_report("boolop", h)
def i():
    return (0 if
            None else
            1 / 0)
_report("ifexp", i)
''',
    "classes_lambdas": '''
class A:
    x = 1
    y = _here()
    def m(self):
        return 1
    z = (
        1 / 0 if False else _here())
print("A lines", A.y, A.z, A.m.__code__.co_firstlineno)
def make():
    class B:
        a = 1
        b = None + 1
_report("class_body", make)
f = lambda: (
    1 / 0)
_report("lambda", f)
print("lambda first", f.__code__.co_firstlineno)
def outer():
    def inner():
        return undefined_name
    return inner()
_report("nested", outer)
def gen():
    yield 1
    yield 1 / 0
_report("generator", lambda: list(gen()))
def gen2():
    yield _here()
    x = yield
_report("generator_here", lambda: next(gen2()))
async def coro():
    return 1 / 0
def run():
    c = coro()
    c.send(None)
_report("coroutine", run)
def defaults(a=_here(), b=
             _here()):
    return a, b
_report("defaults", defaults)
''',
    "match": '''
def f(v):
    match v:
        case [a,
              b]:
            return 1 / 0
        case {"k": x}:
            return None + x
        case int(y) if y > (
                1 / y):
            return 3
        case _:
            return _here()
_report("match_seq", lambda: f([1, 2]))
_report("match_map", lambda: f({"k": 1}))
_report("match_guard", lambda: f(0))
_report("match_default", lambda: f("s"))
''',
    "statements": '''
def f():
    x = [1]
    x[
      5] = 2
_report("store_subscript", f)
def g():
    global undefined
    del undefined
_report("del_global", g)
def h():
    import does_not_exist_anywhere
_report("import", h)
def i():
    x = 1
    x += (
        None)
_report("augassign", i)
def j():
    for x in (
            None):
        pass
_report("for_iter", j)
def k():
    a, b = (
        1, 2, 3)
_report("unpack", k)
def l():
    while True:
        raise StopIteration
_report("while", l)
def m():
    yield 1
    return (yield)
def started():
    g = m()
    next(g)
    g.throw(ValueError)
_report("yield_throw", started)
def n():
    return f(**{
        "a": 1})
_report("call_kw_unpack", n)
def o():
    x = 1
    def p():
        return x / 0
    return p()
_report("closure", o)
''',
    "long_functions": long_function(300) + long_function(70000),
    "long_expressions": long_expression(300) + long_expression(66000),
    "large_file": pad(70000) + '''
def after_pad():
    return _here(), 1 / 0
_report("large_file", after_pad)
''' + pad(200000) + '''
_report("very_large_file", lambda: (_here(), None + 1))
''',
}

# Cases whose programs end by raising uncaught, so the printed traceback
# (with source lines) is compared. Each is written to a file with the given
# bytes: tabs, CRLF line ends, a BOM, a latin-1 coding cookie.
RAW_CASES = {
    "uncaught_plain": b"import sys\ndef f():\n    return 1 / 0\n\ndef g():\n    return (1 +\n            f())\ng()\n",
    "uncaught_tabs": b"def f():\n\tif True:\n\t\treturn 1 / 0\nf()\n",
    "uncaught_crlf": b"def f():\r\n    x = 1\r\n    return x / 0\r\n\r\nf()\r\n",
    "uncaught_bom": b"\xef\xbb\xbfdef f():\n    return 1 / 0 # \xc3\xa9\nf()\n",
    # (a BOM on the failing line itself is left out: 3.11 prints it, 3.13+ not)
    "uncaught_latin1": b"# -*- coding: latin-1 -*-\ndef f():\n    s = '\xe9t\xe9'\n    return s + 1 # \xe9\nf()\n",
    "uncaught_latin1_line2": b"#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\nx = '\xe9'\nraise ValueError(x) # \xe9\n",
    "uncaught_multiline": b"def f(a,\n      b):\n    return a / b\nf(1,\n  0)\n",
    "uncaught_cr_only_mixed": b"x = 1\r\ny = 2\r\nz = (x /\r\n     0)\r\n",
}


def normalize(text, path):
    lines = []
    for line in text.replace(path, "PROG").splitlines():
        if line.strip() and set(line.strip()) <= set("^~"):
            continue  # caret lines: version-dependent, see docs/testing.md
        lines.append(line)
    return "\n".join(lines)


def run(cmd, path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=300, env=env)
    except subprocess.TimeoutExpired:
        return "<timeout>"
    out = p.stdout.decode("utf-8", "replace") + "\n--- stderr ---\n" + p.stderr.decode("utf-8", "replace")
    return normalize(out, path) + "\n--- exit %d ---" % p.returncode


def code_lines_probe(src):
    """Append a report of co_firstlineno/co_lines() of everything compiled."""
    return src + "\nfor _e in _lines(compile(open(__file__, encoding='utf-8').read(), __file__, 'exec')):\n" \
                 "    print('lines', _e[0], _e[1], _e[2][:50], len(_e[2]))\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ftpy", required=True)
    ap.add_argument("-k", default="")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--keep", help="write the generated programs to this directory")
    args = ap.parse_args()
    progs = {name: (HARNESS + src).encode() for name, src in CASES.items()}
    # co_lines() sets depend on which instructions exist; compare them only for
    # the small cases where both compilers produce the same line sets.
    progs["co_lines"] = code_lines_probe(HARNESS + CASES["decorators"] + CASES["comprehensions"]).encode()
    progs.update(RAW_CASES)
    tmp = args.keep or tempfile.mkdtemp(prefix="ftpy-lines-")
    os.makedirs(tmp, exist_ok=True)
    bad = 0
    for name, data in progs.items():
        if args.k not in name:
            continue
        path = os.path.join(tmp, name + ".py")
        with open(path, "wb") as f:
            f.write(data)
        want = run([sys.executable], path)
        got = run([os.path.abspath(args.ftpy)], path)
        if got != want:
            bad += 1
            print("FAIL", name)
            import difflib
            for line in list(difflib.unified_diff(want.splitlines(), got.splitlines(), "python3", "ftpy",
                                                  lineterm=""))[:40]:
                print("   ", line)
        elif args.v:
            print("ok  ", name)
    if not args.keep:
        for f in os.listdir(tmp):
            os.unlink(os.path.join(tmp, f))
        os.rmdir(tmp)
    print("%d failed" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
