# The trace module: --count writes annotated .cover files, --trace prints
# each line as it runs, --listfuncs lists the functions called.
import os
import subprocess
import sys
import tempfile

PROG = '''\
def square(n):
    return n * n


def main():
    total = 0
    for i in range(3):
        total += square(i)
    if total > 100:
        print('big')
    print('total', total)


main()
'''

with tempfile.TemporaryDirectory() as d:
    d = os.path.realpath(d)
    with open(os.path.join(d, 'prog.py'), 'w') as f:
        f.write(PROG)
    cover = os.path.join(d, 'cov')
    p = subprocess.run([sys.executable, '-m', 'trace', '--count', '-C', cover, '--missing', 'prog.py'],
                       capture_output=True, text=True, cwd=d, timeout=60)
    print('--count exit', p.returncode, p.stdout.strip())
    with open(os.path.join(cover, 'prog.cover')) as f:
        print(f.read())
    p = subprocess.run([sys.executable, '-m', 'trace', '--trace', 'prog.py'], capture_output=True, text=True,
                       cwd=d, timeout=60)
    print('--trace exit', p.returncode)
    for line in p.stdout.splitlines():
        if 'prog.py' in line or line.startswith('total') or line.startswith(' ---'):
            print('   ', line)
    p = subprocess.run([sys.executable, '-m', 'trace', '--listfuncs', 'prog.py'], capture_output=True, text=True,
                       cwd=d, timeout=60)
    print('--listfuncs exit', p.returncode)
    for line in p.stdout.splitlines():
        if 'prog' in line or line.startswith('total') or 'functions called' in line:
            print('   ', line)
