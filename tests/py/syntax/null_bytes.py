# A NUL byte in source: compile(), exec() and eval() of a string raise a
# SyntaxError that carries only its message (no file, line or offset);
# a script file containing one is reported at its line, in the file form
# (checked by running a child interpreter on such a file). compile() refuses
# flags it does not know.
import os
import subprocess
import sys
import tempfile

for src in ["a\0b", "x = 1\n\0", b"1\0"]:
    for fn in (lambda s: compile(s, "f.py", "exec"), eval, exec):
        try:
            fn(src)
        except SyntaxError as e:
            print(type(e).__name__, repr(str(e)), e.args, e.filename, e.lineno, e.offset, e.text)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "script.py")
    with open(path, "wb") as f:
        f.write(b"x = 1\nab\0cd\n")
    r = subprocess.run([sys.executable, path], capture_output=True)
    print(r.returncode, r.stdout, r.stderr.decode().replace(path, "SCRIPT"))
    r = subprocess.run([sys.executable, "-"], input=b"print(1)\n\0\n", capture_output=True)
    print(r.returncode, r.stdout, r.stderr.decode())

for flags in (0x8000, 0x40000000, 1 << 30, 0x200, 0x4000 | 0x200):
    try:
        compile("x", "f", "exec", flags)
        print("ok", hex(flags))
    except ValueError as e:
        print("ValueError", e)
