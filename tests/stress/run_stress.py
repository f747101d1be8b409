#!/usr/bin/env python3
"""Run every tests/stress/*.py under an interpreter with a time bound.

usage: run_stress.py [--ftpy PATH] [--timeout SECONDS] [--repeat N] [names...]

A program passes when it exits with status 0 within the time bound and its
stderr holds no ThreadSanitizer report ("WARNING: ThreadSanitizer"). Prints
one line per failure and then "N passed, N failed".
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Programs whose stderr output is expected (exceptions reported from threads).
EXPECTED_STDERR = {"thread_exceptions.py"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ftpy", default=os.path.join(ROOT, "build", "ftpy"))
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    progs = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f != "run_stress.py")
    if args.names:
        progs = [p for p in progs if any(n in p for n in args.names)]
    # ThreadSanitizer builds: a child of a multi-threaded fork() may start
    # threads (fork_threads.py does); TSan's default kills such a child.
    env = dict(os.environ)
    env["TSAN_OPTIONS"] = (env.get("TSAN_OPTIONS", "") + " die_after_fork=0").strip()
    passed = failed = 0
    for prog in progs:
        for _ in range(args.repeat):
            path = os.path.join(HERE, prog)
            try:
                p = subprocess.run([args.ftpy, path], capture_output=True, text=True, timeout=args.timeout,
                                   env=env)
            except subprocess.TimeoutExpired:
                print(f"FAIL {prog}: timed out after {args.timeout}s")
                failed += 1
                continue
            problem = None
            if "WARNING: ThreadSanitizer" in p.stderr:
                # The first report is the one to read; the rest often follow from it.
                first = p.stderr.find("WARNING: ThreadSanitizer")
                problem = "ThreadSanitizer report:\n" + p.stderr[max(first, 0):][:8000]
            elif p.returncode != 0:
                problem = f"exit status {p.returncode}\n{p.stdout[-1000:]}{p.stderr[-3000:]}"
            elif not p.stdout.startswith("ok"):
                problem = f"unexpected output: {p.stdout[-500:]!r}"
            elif p.stderr and prog not in EXPECTED_STDERR:
                problem = f"unexpected stderr:\n{p.stderr[-2000:]}"
            if problem:
                print(f"FAIL {prog}: {problem}")
                failed += 1
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
