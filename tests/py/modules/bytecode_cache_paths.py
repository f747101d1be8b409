# __cached__ of imported modules and of `-m` runs names the bytecode cache
# file (with the implementation's cache tag), the spec agrees, and `-m`
# writes and then reuses that cache as an import does.
import importlib.util
import os
import subprocess
import sys
import tempfile

tag = sys.implementation.cache_tag
print(type(tag).__name__, bool(tag))


def norm(p):
    return None if p is None else p.replace(tag, "TAG").replace(base, "BASE")


base = tempfile.mkdtemp()
os.makedirs(os.path.join(base, "pkg"))
with open(os.path.join(base, "plain_mod.py"), "w") as f:
    f.write("import sys\nVALUE = 42\nif __name__ == '__main__':\n"
            "    print('main', __cached__.replace(sys.implementation.cache_tag, 'TAG').rsplit('/', 2)[-2:],"
            " __spec__.cached == __cached__, __file__.endswith('plain_mod.py'))\n")
with open(os.path.join(base, "pkg", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(base, "pkg", "sub.py"), "w") as f:
    f.write("X = 1\n")
with open(os.path.join(base, "pkg", "__main__.py"), "w") as f:
    f.write("import sys\nprint('pkg main', __cached__.replace(sys.implementation.cache_tag, 'TAG').rsplit('/', 2)[-2:])\n")

sys.path.insert(0, base)
import plain_mod
import pkg
import pkg.sub

for m in (plain_mod, pkg, pkg.sub):
    print(m.__name__, norm(m.__cached__), m.__spec__.cached == m.__cached__,
          importlib.util.cache_from_source(m.__file__) == m.__cached__)
print(norm(importlib.util.cache_from_source(os.path.join(base, "x.py"), optimization=2)))
print(norm(importlib.util.cache_from_source(os.path.join(base, "x.py"), optimization="")))
print(os.path.basename(importlib.util.source_from_cache(plain_mod.__cached__)))
# Built-in modules have none.
import math
print(getattr(math, "__cached__", "absent"), getattr(sys, "__cached__", "absent"))

# A spec made by hand for a .py file names its cache too.
spec = importlib.util.spec_from_file_location("hand", os.path.join(base, "plain_mod.py"))
print(norm(spec.cached))

# -m: runs with __cached__ set; with bytecode writing on, the cache file is
# written by the first run and read by the next ones.
env = dict(os.environ)
env.pop("PYTHONDONTWRITEBYTECODE", None)
cache = importlib.util.cache_from_source(os.path.join(base, "plain_mod.py"))
if os.path.exists(cache):
    os.unlink(cache)
for i in range(2):
    out = subprocess.run([sys.executable, "-m", "plain_mod"], cwd=base, env=env, capture_output=True, text=True)
    print(i, out.returncode, out.stdout.strip(), out.stderr.strip(), os.path.exists(cache))
out = subprocess.run([sys.executable, "-m", "pkg"], cwd=base, env=env, capture_output=True, text=True)
print(out.returncode, out.stdout.strip(), out.stderr.strip())
out = subprocess.run([sys.executable, "-B", "-m", "pkg.sub"], cwd=base, env=env, capture_output=True, text=True)
print(out.returncode, out.stdout.strip(), out.stderr.strip(),
      os.path.exists(importlib.util.cache_from_source(os.path.join(base, "pkg", "sub.py"))))
# A syntax error in a -m module is reported as for an import.
with open(os.path.join(base, "bad_mod.py"), "w") as f:
    f.write("x = (\n")
out = subprocess.run([sys.executable, "-m", "bad_mod"], cwd=base, env=env, capture_output=True, text=True)
print(out.returncode, out.stderr.strip().splitlines()[-1])

import shutil
shutil.rmtree(base)
