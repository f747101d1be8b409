# A raise/return/del/assert statement whose text holds a subscript or a
# binary operation gets no carets when the failing instruction spans the
# whole statement: CPython's anchors come from re-parsing the segment as an
# expression statement, which a statement keyword cannot be.  Checked in
# traceback's formatting (stdout) and in the interpreter's own printer
# (an uncaught exception in a child process, its stderr shown here).
import os
import subprocess
import sys
import tempfile
import traceback

SRC = '''\
def reraise(errors):
    raise RuntimeError("wrapped") from errors[-1]
def raise_item(xs):
    raise xs[0]
def raise_sum(a, b):
    raise a + b
def sub(xs):
    return xs[1] * 2
def main(which):
    if which == 0:
        reraise([KeyError("k")])
    elif which == 1:
        raise_item([ValueError("v")])
    elif which == 2:
        raise_sum(1, 2)
    else:
        sub([1])
'''

ns = {}
exec(compile(SRC, "<carets>", "exec"), ns)
import linecache
linecache.cache["<carets>"] = (len(SRC), None, SRC.splitlines(True), "<carets>")
for which in range(4):
    try:
        ns["main"](which)
    except Exception as e:
        lines = traceback.format_exception(e, chain=False)
        print("".join(lines[-3:]), end="")
        print("--")

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "prog.py")
    for which in range(4):
        with open(path, "w") as f:
            f.write(SRC + f"main({which})\n")
        r = subprocess.run([sys.executable, path], capture_output=True, text=True)
        tail = r.stderr.replace(tmp, "TMP").splitlines()
        # only the innermost frame: the chained KeyError of case 0 differs
        # in no way that matters here
        print("\n".join(tail[-3:]))
        print("-- exit", r.returncode)
