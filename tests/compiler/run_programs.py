"""Run the compiler's end-to-end programs (programs.py) on ftpy and python3
and compare what they print.

Usage: python3 tests/compiler/run_programs.py build/ftpy [NAME...]
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from programs import CASES  # noqa: E402


def run(cmd, src):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=20)
        out = p.stdout.decode(errors="replace").strip()
        if p.returncode != 0:
            err = p.stderr.decode(errors="replace").strip().splitlines()
            out += " <exit %d: %s>" % (p.returncode, err[-1] if err else "")
        return out
    except subprocess.TimeoutExpired:
        return "<timeout>"
    finally:
        os.unlink(path)


def main():
    ftpy = sys.argv[1]
    only = set(sys.argv[2:])
    bad = 0
    for name, setup, expr in CASES:
        if only and name not in only:
            continue
        src = setup + "\nprint(repr(" + expr + "))\n"
        want = run([sys.executable], src)
        got = run([ftpy], src)
        if got != want:
            bad += 1
            print("FAIL %s\n   want %s\n   got  %s" % (name, want, got))
    print("%d failed" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
