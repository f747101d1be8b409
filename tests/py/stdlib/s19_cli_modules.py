# Running stdlib command-line tools in child processes, as scripts and
# build steps do: python -m json.tool, calendar, base64, zipfile,
# tarfile, py_compile, compileall, timeit (output shape only), runpy.
import os
import subprocess
import sys
import tempfile

PY = sys.executable


def run(*args, stdin=None, cwd=None):
    r = subprocess.run([PY, *args], input=stdin, capture_output=True, text=True, cwd=cwd)
    return r.returncode, r.stdout, r.stderr


code, out, err = run("-m", "json.tool", "--sort-keys", "--indent", "2", stdin='{"b": [1, 2], "a": {"c": null}}')
print(code, out, repr(err))
code, out, err = run("-m", "json.tool", stdin='{"a": 1,}')
print(code, repr(out), err.strip())
code, out, err = run("-m", "json.tool", "--compact", stdin='[1, {"x": "é"}]')
print(code, out.strip())
code, out, err = run("-m", "json.tool", "--json-lines", stdin='{"a":1}\n{"b":2}\n')
print(code, out)
code, out, err = run("-m", "calendar", "2024", "2")
print(code, out)
code, out, err = run("-m", "base64", "-e", stdin="hello world\n")
print(code, out)
code, out, err = run("-m", "base64", "-d", stdin="aGVsbG8gd29ybGQK\n")
print(code, out)
code, out, err = run("-m", "base64", "-t")
print(code, out)
code, out, err = run("-m", "base64", "-q")
print(code, repr(out), err.splitlines()[0])
code, out, err = run("-c", "import sys\nwith sys.stdin.buffer as f: print(f.read())\nprint(sys.stdin.closed)", stdin="piped\n")
print(code, out, err)
code, out, err = run("-c", "import sys; print(sys.argv); sys.exit('fatal: bad')", "x", "--y")
print(code, out.strip(), err.strip())
code, out, err = run("-c", "import sys; sys.exit(5)")
print(code)
code, out, err = run("-c", "raise KeyError('k')")
print(code, err.strip().splitlines()[-1])

with tempfile.TemporaryDirectory() as d:
    pkg = os.path.join(d, "mypkg")
    os.makedirs(pkg)
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("VALUE = 41\n")
    with open(os.path.join(pkg, "__main__.py"), "w") as f:
        f.write("import sys\nfrom mypkg import VALUE\nprint('main of mypkg', VALUE + 1, sys.argv[1:])\n")
    with open(os.path.join(pkg, "tool.py"), "w") as f:
        f.write("if __name__ == '__main__':\n    print('tool running as', __name__)\nelse:\n    print('imported', __name__)\n")
    with open(os.path.join(d, "bad.py"), "w") as f:
        f.write("def f(:\n    pass\n")
    print(run("-m", "mypkg", "a", "b", cwd=d)[:2])
    print(run("-m", "mypkg.tool", cwd=d)[:2])
    print(run("-c", "import runpy; g = runpy.run_module('mypkg.tool', run_name='custom'); print(sorted(k for k in g if not k.startswith('__')))", cwd=d)[:2])
    code, out, err = run("-m", "nosuchmodule_s19", cwd=d)
    print(code, err.strip().replace(PY, "PY"))
    code, out, err = run("bad.py", cwd=d)
    print(code, err.strip().splitlines()[-1])
    code, out, err = run("-m", "py_compile", "bad.py", cwd=d)
    print(code, err.strip().splitlines()[-1] if err.strip() else "")
    with open(os.path.join(d, "a.txt"), "w") as f:
        f.write("alpha\n")
    code, out, err = run("-m", "zipfile", "-c", "out.zip", "a.txt", cwd=d)
    print(code, out, err)
    code, out, err = run("-m", "zipfile", "-l", "out.zip", cwd=d)
    print(code, out.split()[:3])
    code, out, err = run("-m", "zipfile", "-t", "out.zip", cwd=d)
    print(code, out.strip())
    code, out, err = run("-m", "tarfile", "-c", "out.tar", "a.txt", cwd=d)
    print(code, out, err)
    code, out, err = run("-m", "tarfile", "-l", "out.tar", cwd=d)
    print(code, out.strip())
    code, out, err = run("-m", "timeit", "-n", "10", "-r", "2", "x = 1 + 1")
    print(code, out.split()[:2], out.split()[-2:])
    code, out, err = run("-m", "uuid", "-u", "uuid5", "-n", "@dns", "-N", "example.com")
    print(code, out.strip())
    code, out, err = run("-m", "textwrap" if False else "platform", "--terse")
    print(code, len(out.strip()) > 0)
    code, out, err = run("-m", "this")
    print(code, out.splitlines()[0])
    code, out, err = run("-m", "ast", stdin="x = 1\n")
    print(code, out)
    code, out, err = run("-m", "tokenize", stdin="a+1\n")
    print(code, out.splitlines()[:3])
    code, out, err = run("-m", "shlex" if False else "filecmp", d, d)
    print(code, [l.replace(d, "D") for l in out.splitlines()[:2]])
    code, out, err = run("-m", "pickletools", "-h")
    print(code, out.splitlines()[0])
    code, out, err = run("-I", "-c", "import sys; print(sys.flags.isolated, sys.flags.no_user_site)")
    print(code, out.strip())
    code, out, err = run("-W", "error::DeprecationWarning", "-c", "import warnings; warnings.warn('x', DeprecationWarning)")
    print(code, err.strip().splitlines()[-1])
    code, out, err = run("-X", "utf8", "-c", "import sys; print(sys.flags.utf8_mode)")
    print(code, out.strip())
    code, out, err = run("-B", "-S", "-c", "import sys; print(sys.dont_write_bytecode, sys.flags.no_site)")
    print(code, out.strip())
