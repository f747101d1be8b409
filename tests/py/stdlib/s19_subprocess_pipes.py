# subprocess the way build scripts use it: run sys.executable children,
# capture output, check=True errors, timeouts, pipes, env and cwd.
import subprocess
import sys
import os
import shlex

PY = sys.executable


def child(code, **kw):
    return subprocess.run([PY, "-c", code], capture_output=True, text=True, **kw)


r = child("print('hello'); import sys; print('err', file=sys.stderr); sys.exit(3)")
print(r.returncode, repr(r.stdout), repr(r.stderr), type(r).__name__)
r = child("import sys; data = sys.stdin.read(); print(data.upper()[::-1])", input="abc\ndef")
print(repr(r.stdout))
try:
    subprocess.run([PY, "-c", "raise SystemExit(2)"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, str(e).replace(PY, "PY"))
try:
    subprocess.check_output([PY, "-c", "import sys; sys.stdout.write('partial'); sys.exit(1)"])
except subprocess.CalledProcessError as e:
    print("output:", e.output, e.stdout)
print(subprocess.check_output([PY, "-c", "print(6*7)"]))
print(subprocess.check_output([PY, "-c", "print('é')"], text=True, encoding="utf-8"))
print(subprocess.call([PY, "-c", "pass"]), subprocess.check_call([PY, "-c", "pass"]))
print(subprocess.getstatusoutput(f"{shlex.quote(PY)} -c 'print(1); exit(4)'"))
print(subprocess.getoutput("echo hi there"))

env = dict(os.environ, S19_VAR="value 1")
r = child("import os; print(os.environ['S19_VAR'])", env=env)
print(r.stdout.strip())
r = child("import os; print(os.path.basename(os.getcwd()))", cwd="/")
print(repr(r.stdout.strip()))

try:
    subprocess.run([PY, "-c", "import time; time.sleep(30)"], timeout=0.5)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", 0 < e.timeout <= 0.5, str(e).split(" timed out")[0].replace(PY, "PY"))

try:
    subprocess.run(["/nonexistent/program/x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)

# Popen with pipes and communicate
p = subprocess.Popen([PY, "-c", "import sys\nfor line in sys.stdin:\n    print(len(line.strip()))"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate("a\nbb\nccc\n")
print(out.split(), err, p.returncode, p.poll())

# chaining two processes
p1 = subprocess.Popen([PY, "-c", "print('\\n'.join(['b','a','c','a']))"], stdout=subprocess.PIPE)
p2 = subprocess.Popen([PY, "-c", "import sys; print(sorted(set(sys.stdin.read().split())))"],
                      stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()
print(p2.communicate()[0], p1.wait(), p2.returncode)

# stderr merged into stdout, binary mode
r = subprocess.run([PY, "-c", "import sys; sys.stdout.write('o'); sys.stdout.flush(); sys.stderr.write('e')"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)
r = subprocess.run([PY, "-c", "import sys; sys.stdout.buffer.write(bytes(range(5)))"], stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run("echo $((6*7)) | tr 4 X", shell=True, capture_output=True, text=True)
print(r.stdout, r.args)
r = subprocess.run([PY, "-c", "import sys; print(sys.argv[1:])", "a b", "--x=1", ""], capture_output=True, text=True)
print(r.stdout.strip())
with subprocess.Popen([PY, "-c", "print('ctx')"], stdout=subprocess.PIPE, universal_newlines=True) as p:
    print(p.stdout.read().strip())
print(p.returncode)
r = subprocess.run([PY, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"])
print(r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(str(e).replace(PY, "PY"))
print(subprocess.list2cmdline(["a b", 'c"d', "e"]), subprocess.DEVNULL, subprocess.PIPE)
r = subprocess.run([PY, "-c", "print(input())"], stdin=subprocess.DEVNULL, capture_output=True, text=True)
print(r.returncode, r.stderr.strip().splitlines()[-1])
