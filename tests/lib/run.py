#!/usr/bin/env python3
"""Run ftpy's lib/ tests under the host python3.

    python3 tests/lib/run.py [-v] [test_name_part ...] [-k function_part]

Each tests/lib/test_*.py runs in its own `python3 -I -S` subprocess with lib/
first on sys.path (see _boot.py).  Prints `N passed, N failed` last.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'lib') + os.sep


def main(argv):
    verbose = '-v' in argv
    argv = [a for a in argv if a != '-v']
    only = None
    if '-k' in argv:
        i = argv.index('-k')
        only = argv[i + 1]
        del argv[i:i + 2]
    files = sorted(f for f in os.listdir(HERE) if f.startswith('test_') and f.endswith('.py'))
    if argv:
        files = [f for f in files if any(a in f for a in argv)]
    tp = tf = 0
    for f in files:
        cmd = [sys.executable, '-I', '-S', os.path.join(HERE, '_boot.py'),
               os.path.join(HERE, f), LIB] + ([only] if only else [])
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            out, err = p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            out, err = (e.stdout or b'').decode() if isinstance(e.stdout, bytes) else (e.stdout or ''), 'TIMEOUT'
        last = [l for l in out.splitlines() if l.startswith('RESULT ')]
        if last:
            p_, f_ = map(int, last[-1].split()[1:])
        else:
            p_, f_ = 0, 1
            out += '\n(no RESULT line; stderr follows)\n' + err[-4000:]
        tp += p_
        tf += f_
        print('%-28s %3d passed, %d failed' % (f, p_, f_))
        if f_ or verbose:
            body = '\n'.join(l for l in out.splitlines() if not l.startswith('RESULT '))
            if body.strip():
                print('    ' + body.replace('\n', '\n    '))
        if verbose and err.strip():
            print('    stderr: ' + err[-2000:].replace('\n', '\n    '))
    print('%d passed, %d failed' % (tp, tf))
    return 1 if tf else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
