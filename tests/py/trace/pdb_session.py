# pdb driven by commands on stdin (next, step, print, break, continue,
# where, return), in a child interpreter: python -m pdb, pdb.run and
# breakpoint().
import os
import subprocess
import sys
import tempfile

PROG = '''\
def add(a, b):
    s = a + b
    return s


def main():
    x = 1
    y = add(x, 2)
    z = y * 10
    print('z is', z)
    return z


main()
'''

BREAKPOINT_PROG = '''\
def f(n):
    total = n * 2
    breakpoint()
    total += 1
    return total


print('result', f(5))
'''


def run(args, commands, cwd):
    env = dict(os.environ)
    env.pop('PYTHONBREAKPOINT', None)
    p = subprocess.run([sys.executable] + args, input=commands, capture_output=True, text=True, cwd=cwd,
                       env=env, timeout=60)
    out = p.stdout.replace(cwd + os.sep, '')
    print('$', ' '.join(args), '| exit', p.returncode)
    skip_next = False
    for line in out.splitlines():
        # Frames of the debugger's own bdb.py (its path and line numbers
        # are the host library's) are left out.
        if skip_next:
            skip_next = False
            if line.lstrip().startswith('->'):
                continue
        if 'bdb.py(' in line:
            print('    [bdb frame]')
            skip_next = True
            continue
        print('   ', line)
    if p.stderr.strip():
        print('   stderr:', p.stderr.strip().splitlines()[-1])


with tempfile.TemporaryDirectory() as d:
    d = os.path.realpath(d)
    with open(os.path.join(d, 'prog.py'), 'w') as f:
        f.write(PROG)
    with open(os.path.join(d, 'bp.py'), 'w') as f:
        f.write(BREAKPOINT_PROG)
    run(['-m', 'pdb', 'prog.py'], 'n\nn\ns\nn\nn\np x\ns\nn\nn\np s\nw\nr\nc\n', d)
    run(['-m', 'pdb', 'prog.py'], 'b add\nc\np a, b\nbt\nc\n', d)
    run(['-m', 'pdb', 'prog.py'], 'b 9\nc\np y\nl\nc\n', d)
    run(['bp.py'], 'p total\nn\np total\nc\n', d)
    run(['-c', 'import pdb\nimport prog\npdb.run("prog.add(3, 4)")'], 's\nn\np s\nc\n', d)
