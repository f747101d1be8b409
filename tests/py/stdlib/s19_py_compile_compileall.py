# py_compile and compileall as build scripts use them (they raised
# NotImplementedError on ftpy for any valid file): the cache file appears
# where importlib.util.cache_from_source says, syntax errors are reported
# as python3 reports them, and the compiled modules import.
import compileall
import contextlib
import importlib.util
import io
import os
import py_compile
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    pkg = os.path.join(d, "proj")
    os.makedirs(os.path.join(pkg, "sub"))
    sources = {"__init__.py": "", "a.py": "A = 1\n", "sub/__init__.py": "", "sub/b.py": "from proj.a import A\nB = A + 1\n",
               "bad.py": "def f(:\n    pass\n"}
    for rel, text in sources.items():
        with open(os.path.join(pkg, rel), "w") as f:
            f.write(text)
    a = os.path.join(pkg, "a.py")
    cfile = py_compile.compile(a)
    print(cfile == importlib.util.cache_from_source(a), os.path.isfile(cfile), os.path.basename(os.path.dirname(cfile)))
    legacy = py_compile.compile(a, cfile=os.path.join(d, "a_legacy.pyc"))
    print(os.path.basename(legacy), os.path.exists(legacy))
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        print(py_compile.compile(os.path.join(pkg, "bad.py")))
    print(err.getvalue().strip().splitlines()[-1])
    try:
        py_compile.compile(os.path.join(pkg, "bad.py"), doraise=True)
    except py_compile.PyCompileError as e:
        print("PyCompileError", e.exc_type_name, e.file.endswith("bad.py"))
    try:
        py_compile.compile(os.path.join(pkg, "missing.py"), doraise=True)
    except (py_compile.PyCompileError, FileNotFoundError) as e:
        print(type(e).__name__)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ok = compileall.compile_dir(pkg, quiet=1)
    print(ok, "bad.py" in out.getvalue(), "SyntaxError" in out.getvalue())
    with contextlib.redirect_stdout(io.StringIO()):
        print(compileall.compile_file(a, quiet=2), compileall.compile_dir(os.path.join(pkg, "sub"), quiet=2))
    cached = sorted(os.path.relpath(os.path.join(r, f), pkg).split(".")[0]
                    for r, _, fs in os.walk(pkg) for f in fs if f.endswith(".pyc"))
    print(cached)
    sys.path.insert(0, d)
    try:
        import proj.sub.b as b
        print(b.B, b.__cached__ == importlib.util.cache_from_source(b.__file__))
    finally:
        sys.path.remove(d)
