# An uncaught exception's traceback shows the source line without its
# indentation but with any trailing blanks, and prints the markers when they
# cover everything but those blanks (the traceback module strips both ends and
# leaves them out). Run in a child so the marker lines can be compared.
import os
import subprocess
import sys
import tempfile

SOURCES = {
    "space": 'def f():\n    raise ValueError("x")  \nf()\n',
    "tab": 'def f():\n    raise ValueError("x")\t\nf()\n',
    "crlf": 'def f():\r\n    raise ValueError("x")  \r\nf()\r\n',
    "attr": 'x = None\nx.y  \n',
    "multiline": 'def f():\n    return (1 /  \n     0)\nf()\n',
    "binop": 'x = 1\ny = (x +  \n     x / 0)\n',
    "plain": 'def f():\n    raise ValueError("x")\nf()\n',
}

with tempfile.TemporaryDirectory() as d:
    for name, src in SOURCES.items():
        path = os.path.join(d, name + ".py")
        with open(path, "w", newline="") as f:
            f.write(src)
        r = subprocess.run([sys.executable, path], capture_output=True, text=True)
        print(name, r.returncode)
        for line in r.stderr.replace(path, "PROG").splitlines()[1:]:
            print("   ", repr(line))
