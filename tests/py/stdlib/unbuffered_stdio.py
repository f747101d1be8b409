# -u and PYTHONUNBUFFERED make stdout and stderr write through (every write
# reaches the fd at once, newline or not), as CPython's write_through text
# streams do; without them stdout to a pipe is buffered and stderr is line
# buffered. The child's stdout and stderr share one pipe, so the order of
# the bytes shows when each write happened.
import os, subprocess, sys

child = ("import sys; sys.stdout.write('a'); sys.stderr.write('b'); sys.stderr.write('c\\n'); "
         "print('d', end=''); sys.stdout.buffer.write(b'e'); "
         "print(sys.stdout.line_buffering, sys.stderr.line_buffering, sys.stdout.write_through, file=sys.stderr)")
base_env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
for flags, extra in [([], {}), (["-u"], {}), ([], {"PYTHONUNBUFFERED": "1"})]:
    r = subprocess.run([sys.executable, *flags, "-c", child], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env={**base_env, **extra})
    print(flags, sorted(extra), repr(r.stdout.decode()))
