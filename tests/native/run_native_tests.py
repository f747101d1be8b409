#!/usr/bin/env python3
"""Run the native-module and embedding tests (docs/native_api.md).

Each case runs a program of tests/native under the build's ftpy, with the
build's native test modules (ft_demo, gil_demo) on PYTHONPATH and a given
environment/command line, and compares stdout (plus stderr and a non-zero
exit status, if any) with tests/native/<case>.expected. The GIL warning cases
check the exact warning text this way. Then the embedding example
(examples/embed) runs with and without the GIL.

Usage:
    python3 tests/native/run_native_tests.py --build build [--update-expected]
        [--timeout S] [--quick]

The last line is "N passed, N failed"; the exit status is non-zero iff a
case failed. --quick shortens the embedding runs (for sanitizer builds).
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (case name, program, extra ftpy arguments, extra environment)
CASES = [
    ('module', 'test_module.py', [], {}),
    ('threads', 'test_threads.py', [], {}),
    ('gil_switch', 'test_gil_switch.py', [], {}),
    ('gil_switch_env0', 'test_gil_switch.py', [], {'PYTHON_GIL': '0'}),
    ('gil_switch_x0', 'test_gil_switch.py', ['-X', 'gil=0'], {}),
    ('gil_switch_gil1', 'test_gil_switch.py', ['-X', 'gil=1'], {}),
    ('gil_warning_error', 'test_gil_warning_error.py', [], {}),
]


def base_env(build):
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env.update({'PYTHONPATH': os.path.join(build, 'native_modules'), 'PYTHONHASHSEED': '0',
                'LC_ALL': 'C.UTF-8', 'PYTHONIOENCODING': 'utf-8'})
    return env


def render(proc):
    out = proc.stdout
    if proc.stderr:
        # The main script's __file__ is absolute (as in CPython 3.9+), so
        # warnings name it by its full path: show it relative to this folder.
        out += '--- stderr ---\n' + proc.stderr.replace(HERE + os.sep, '')
    if proc.returncode:
        out += '--- exit %d ---\n' % proc.returncode
    return out


def run_case(args, name, program, ftpy_args, extra_env):
    env = base_env(args.build)
    env.update(extra_env)
    cmd = [os.path.join(args.build, 'ftpy')] + ftpy_args + [program]
    try:
        proc = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return False, 'timed out after %ss' % args.timeout
    got = render(proc)
    expected_path = os.path.join(HERE, name + '.expected')
    if args.update_expected:
        with open(expected_path, 'w', encoding='utf-8') as f:
            f.write(got)
        return True, ''
    with open(expected_path, encoding='utf-8') as f:
        want = f.read()
    if got == want:
        return True, ''
    return False, '--- expected ---\n%s--- got ---\n%s' % (want, got)


def run_embed(args, gil, threads, calls):
    env = base_env(args.build)
    if gil is not None:
        env['PYTHON_GIL'] = gil
    cmd = [os.path.join(args.build, 'embed_demo'), str(threads), str(calls)]
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return False, 'timed out after %ss' % args.timeout
    want = 'embed_demo: %d threads x %d calls: %d ok, 0 wrong; Python counted %d of %d; GIL %s\n' % (
        threads, calls, threads * calls, threads * ((calls + 999) // 1000), threads * ((calls + 999) // 1000),
        'on' if gil == '1' else 'off')
    if proc.returncode == 0 and proc.stdout == want and not proc.stderr:
        return True, ''
    return False, 'exit %d\n--- expected ---\n%s--- got ---\n%s--- stderr ---\n%s' % (
        proc.returncode, want, proc.stdout, proc.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--build', default='build')
    ap.add_argument('--update-expected', action='store_true')
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--quick', action='store_true')
    args = ap.parse_args()
    args.build = os.path.abspath(args.build)
    passed = failed = 0

    def report(label, result):
        nonlocal passed, failed
        ok, detail = result
        if ok:
            passed += 1
        else:
            failed += 1
            print('FAIL %s\n%s' % (label, detail))

    for name, program, ftpy_args, extra_env in CASES:
        report(name, run_case(args, name, program, ftpy_args, extra_env))
    calls = 2000 if args.quick else 10000
    report('embed (no GIL)', run_embed(args, None, 4, calls))
    report('embed (PYTHON_GIL=1)', run_embed(args, '1', 4, calls // 5))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
