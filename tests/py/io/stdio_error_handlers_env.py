# The standard streams' error handlers under each locale/environment
# combination: surrogateescape under the C and POSIX locales (and C.UTF-8)
# and in UTF-8 mode, PYTHONIOENCODING's ':errors' part when given (an
# encoding alone means strict), stderr always backslashreplace.
import os
import subprocess
import sys

child = "import sys; print(sys.stdin.errors, sys.stdout.errors, sys.stderr.errors)"
strip = ("PYTHONIOENCODING", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONUTF8")
base = {k: v for k, v in os.environ.items() if k not in strip}
for extra in [{}, {"LC_ALL": "C"}, {"LC_ALL": "POSIX"}, {"LC_ALL": "C.UTF-8"}, {"LANG": "C"},
              {"LC_CTYPE": "C"}, {"LC_ALL": "C", "PYTHONIOENCODING": "utf-8"},
              {"PYTHONIOENCODING": ":ignore"}, {"PYTHONIOENCODING": "utf-8:replace"},
              {"PYTHONIOENCODING": "utf-8:"}, {"PYTHONIOENCODING": "utf-8:backslashreplace"},
              {"PYTHONUTF8": "1"}, {"LC_ALL": "C", "PYTHONUTF8": "1", "PYTHONIOENCODING": ":strict"}]:
    r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env={**base, **extra})
    print(sorted(extra.items()), r.returncode, r.stdout.strip(), r.stderr.strip())
# -E ignores PYTHONIOENCODING.
r = subprocess.run([sys.executable, "-E", "-c", child], capture_output=True, text=True,
                   env={**base, "LC_ALL": "C", "PYTHONIOENCODING": "utf-8:replace"})
print("-E", r.stdout.strip())
