#!/usr/bin/env python3
"""Run every tests/stress/*.py under an interpreter with a time bound.

usage: run_stress.py [--ftpy PATH] [--timeout SECONDS] [--repeat N] [--retries N] [names...]

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
    ap.add_argument("--retries", type=int, default=0,
                    help="re-run a failing program up to N times; a pass counts but is listed as FLAKY")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    progs = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f != "run_stress.py")
    if args.names:
        progs = [p for p in progs if any(n in p for n in args.names)]
    # ThreadSanitizer builds: a child of a multi-threaded fork() may start
    # threads (fork_threads.py does); TSan's default kills such a child.
    env = dict(os.environ)
    env["TSAN_OPTIONS"] = (env.get("TSAN_OPTIONS", "") + " die_after_fork=0").strip()
    def run(prog):
        """None when the program passes, else what went wrong."""
        path = os.path.join(HERE, prog)
        try:
            p = subprocess.run([args.ftpy, path], capture_output=True, text=True, timeout=args.timeout,
                               env=env)
        except subprocess.TimeoutExpired:
            return f"timed out after {args.timeout}s"
        if "WARNING: ThreadSanitizer" in p.stderr:
            # The first report is the one to read; the rest often follow from it.
            first = p.stderr.find("WARNING: ThreadSanitizer")
            return "ThreadSanitizer report:\n" + p.stderr[max(first, 0):][:8000]
        if p.returncode != 0:
            return f"exit status {p.returncode}\n{p.stdout[-1000:]}{p.stderr[-3000:]}"
        if not p.stdout.startswith("ok"):
            return f"unexpected output: {p.stdout[-500:]!r}"
        if p.stderr and prog not in EXPECTED_STDERR:
            return f"unexpected stderr:\n{p.stderr[-2000:]}"
        return None

    passed = failed = 0
    flaky = []
    for prog in progs:
        for _ in range(args.repeat):
            problem = run(prog)
            if problem:
                print(f"FAIL {prog}: {problem}", flush=True)
                # --retries: a pass on re-run counts, but is listed as FLAKY
                # just above the last line (a race to fix, not to forget).
                for attempt in range(args.retries):
                    if run(prog) is None:
                        flaky.append((prog, attempt + 1, problem))
                        problem = None
                        break
            if problem:
                failed += 1
            else:
                passed += 1
    for prog, attempt, problem in flaky:
        head = " | ".join(problem.strip().splitlines()[:6])
        print(f"FLAKY {prog} (passed on re-run {attempt}); first run: {head[:600]}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
