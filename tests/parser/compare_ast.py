#!/usr/bin/env python3
"""Compare ftpy's parser with the host python3's ast module.

For every .py file under the given directories (default: the host standard
library and tests/), compares `ftpy_astdump` with ast.dump() -- without and
with positions -- and, for files python3 rejects, the SyntaxError type,
message, line and offset. Prints mismatches and a final "N passed, N failed".

Known, deliberate differences (python3 here is 3.11, ftpy targets 3.14):
  * positions inside f-strings: 3.11 gives every node inside a JoinedStr the
    JoinedStr's span; both sides are normalised to that (--compat311).
  * a few error messages were reworded in 3.12+; MESSAGE_RENAMES maps them.
  * files in encodings other than UTF-8/Latin-1, and \\N{...} escapes (no
    Unicode name database yet) are reported under "known gaps", not failures.
"""
import argparse
import ast
import os
import subprocess
import sys
import warnings
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIRS = ["/usr/lib/python3.11", "/root/.pyenv/versions/3.11.7/lib/python3.11",
                os.path.join(ROOT, "tests")]

# 3.11 wording -> 3.12+/3.14 wording that ftpy uses.
MESSAGE_RENAMES = {
    "non-default argument follows default argument":
        "parameter without a default follows parameter with a default",
    "f-string: empty expression not allowed":
        "f-string: valid expression required before '}'",
}

KNOWN_GAP_MARKERS = ("unsupported encoding", "escapes are not supported yet")


def normalise_fstrings(tree):
    """Give every node inside a JoinedStr the JoinedStr's position (3.11)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if sub is node:
                    continue
                for a in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
                    if hasattr(sub, a):
                        setattr(sub, a, getattr(node, a))
    return tree


def python_side(path):
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src, path)
        except SyntaxError as e:
            return ("error", type(e).__name__, e.msg, e.lineno, e.offset)
        except (ValueError, UnicodeDecodeError) as e:
            return ("error", "SyntaxError", str(e), 0, 0)
        except (RecursionError, MemoryError):
            return None
    try:
        plain = ast.dump(tree)
        attrs = ast.dump(normalise_fstrings(tree), include_attributes=True)
    except (RecursionError, ValueError):
        return None
    return ("ok", plain, attrs)


def ftpy_side(tool, paths, extra):
    proc = subprocess.run([tool, "--batch"] + extra, input="\n".join(paths) + "\n",
                          capture_output=True, text=True, errors="surrogateescape")
    lines = proc.stdout.split("\n")
    return lines[:len(paths)]


def first_diff(a, b):
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    return "    ftpy: ..." + a[max(0, i - 120):i + 120] + "\n    py:   ..." + b[max(0, i - 120):i + 120]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "ftpy_astdump"))
    ap.add_argument("--show", type=int, default=30, help="mismatches to print in detail")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    dirs = args.dirs or [d for d in DEFAULT_DIRS if os.path.isdir(d)]
    paths = []
    for d in dirs:
        if os.path.isfile(d):
            paths.append(d)
            continue
        for root, _, files in os.walk(d):
            for fn in sorted(files):
                if fn.endswith(".py"):
                    paths.append(os.path.join(root, fn))
    paths.sort()
    if args.limit:
        paths = paths[:args.limit]
    with Pool(2) as pool:
        py = pool.map(python_side, paths, chunksize=32)
    keep = [i for i, r in enumerate(py) if r is not None]
    paths = [paths[i] for i in keep]
    py = [py[i] for i in keep]
    plain = ftpy_side(args.tool, paths, [])
    attrs = ftpy_side(args.tool, paths, ["--attrs", "--compat311"])
    passed = failed = gaps = 0
    shown = 0
    for path, p, f1, f2 in zip(paths, py, plain, attrs):
        problem = None
        if p[0] == "ok":
            if f1.startswith("ERROR\t"):
                parts = f1.split("\t")
                if any(m in parts[2] for m in KNOWN_GAP_MARKERS):
                    gaps += 1
                    continue
                problem = "ftpy rejected a valid file: " + " | ".join(parts[1:])
            elif f1 != p[1]:
                problem = "AST differs:\n" + first_diff(f1, p[1])
            elif f2 != p[2]:
                problem = "positions differ:\n" + first_diff(f2, p[2])
        else:
            _, etype, emsg, eline, eoff = p
            emsg = MESSAGE_RENAMES.get(emsg, emsg)
            if not f1.startswith("ERROR\t"):
                problem = f"ftpy accepted a file python rejects: {etype}: {emsg} ({eline}:{eoff})"
            else:
                parts = f1.split("\t")
                if any(m in parts[2] for m in KNOWN_GAP_MARKERS):
                    gaps += 1
                    continue
                got = (parts[1], parts[2], int(parts[3]), int(parts[4]))
                want = (etype, emsg, eline, eoff)
                if got != want:
                    problem = f"error differs: ftpy {got} python {want}"
        if problem:
            failed += 1
            if shown < args.show:
                shown += 1
                print(f"FAIL {path}: {problem}")
        else:
            passed += 1
    if gaps:
        print(f"{gaps} files skipped as known gaps (encodings, \\N{{...}} escapes)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
