# Imported modules are cached in __pycache__ (ftpy: <name>.ftpy.pyc): a
# second run loads the cached code and behaves the same (closures, cells
# that are arguments, generators, exception handlers, tracebacks with the
# source lines), an edited source is recompiled, a damaged cache file is
# ignored, and -B / PYTHONDONTWRITEBYTECODE / sys.dont_write_bytecode
# write nothing.
import os
import subprocess
import sys
import tempfile

MODULE = '''
import traceback
BIG = 2 ** 200 + 1
CONSTS = (1.5, -2j, b"by\\x00tes", "caf\\u00e9", "\\ud800", None, ..., frozenset({3}), (1, (2,)))

def counter(start):
    def step(by=1):
        nonlocal start
        start += by
        return start
    return step

def cell_arg(x):
    return lambda: x * 2

def gen(n):
    try:
        for i in range(n):
            yield i * i
    finally:
        pass

def fails():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e

def report():
    c = counter(10)
    print(c(), c(5), cell_arg(21)(), list(gen(4)), BIG % 1000, CONSTS)
    try:
        fails()
    except ValueError:
        for line in traceback.format_exc().splitlines():
            if line.startswith("  File") or line.startswith("    ") and "^" not in line:
                print(line.replace(__file__, "MOD"))
    print(report.__code__.co_firstlineno, fails.__code__.co_name, counter.__code__.co_cellvars)
'''


def run(d, *flags, env_extra=None, code="import m; m.report()"):
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(env_extra or {})
    p = subprocess.run([sys.executable, *flags, "-c", code], cwd=d, env=env, capture_output=True, text=True)
    return p.stdout + p.stderr


def cached(d):
    pc = os.path.join(d, "__pycache__")
    return os.path.isdir(pc) and any(f.startswith("m.") and f.endswith(".pyc") for f in os.listdir(pc))


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "m.py")
    with open(path, "w") as f:
        f.write(MODULE)
    first = run(d)
    print(first, end="")
    print("cached after first run:", cached(d))
    second = run(d)
    print("second run identical:", second == first)

    # An edit (a different size, a later mtime) is seen.
    with open(path, "a") as f:
        f.write("\ndef report():\n    print('edited')\n")
    st = os.stat(path)
    os.utime(path, (st.st_atime + 10, st.st_mtime + 10))
    print(run(d), end="")

    # A damaged cache file is ignored (and replaced).
    pc = os.path.join(d, "__pycache__")
    for name in os.listdir(pc):
        with open(os.path.join(pc, name), "wb") as f:
            f.write(b"garbage")
    print(run(d), end="")

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "m.py"), "w") as f:
        f.write("def report():\n    print('no cache')\n")
    print(run(d, "-B"), end="")
    print("cached with -B:", cached(d))
    print(run(d, env_extra={"PYTHONDONTWRITEBYTECODE": "1"}), end="")
    print("cached with PYTHONDONTWRITEBYTECODE:", cached(d))
    print(run(d, code="import sys; sys.dont_write_bytecode = True; import m; m.report()"), end="")
    print("cached with sys.dont_write_bytecode:", cached(d))
    print(run(d, code="import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)"), end="")
    print(run(d, "-B", code="import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)"), end="")
    print("cached after all:", cached(d))
