# sys.tracebacklimit limits what the interpreter itself prints for an
# uncaught exception (and for exceptions ignored in __del__): the last N
# entries of each traceback in the chain; 0 or less prints no traceback at
# all, not even its header; a non-int means no limit.  The child's stderr
# is shown on stdout so the check includes the caret-free frame lines.
import os
import subprocess
import sys
import tempfile

BODY = '''\
import sys
sys.tracebacklimit = {limit}
class D:
    def __del__(self):
        1 / 0
def a(): b()
def b(): c()
def c():
    D()
    try:
        {{}}["missing"]
    except KeyError:
        raise ValueError("failed in c")
a()
'''

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "prog.py")
    for limit in ["0", "-5", "1", "2", "10**30", "-10**30", "True", "'3'", "None"]:
        with open(path, "w") as f:
            f.write(BODY.format(limit=limit))
        r = subprocess.run([sys.executable, path], capture_output=True, text=True)
        lines = [ln for ln in r.stderr.replace(tmp, "TMP").splitlines()
                 if ln.strip() and set(ln.strip()) - set("^~")]
        lines = [ln.split(" at 0x")[0] for ln in lines]
        print(f"=== tracebacklimit = {limit} (exit {r.returncode})")
        print("\n".join(lines))
