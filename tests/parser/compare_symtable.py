#!/usr/bin/env python3
"""Compare ftpy's symbol table with the host python3's `symtable` module.

For every .py file under the given directories (default: as compare_ast.py),
dumps CPython's symbol table (scope type, name, line; every symbol with its
resolved scope and raw DEF_* flags, which determine is_local / is_global /
is_declared_global / is_free / is_parameter / is_assigned / is_referenced /
is_imported / is_annotated / is_nonlocal) and compares it with
`ftpy_symdump --no-compiler-checks`. Files that python3 cannot parse are
skipped (compare_ast.py covers them); symtable errors are compared by type,
message, line and offset. Prints mismatches and "N passed, N failed".
"""
import argparse
import ast
import os
import subprocess
import sys
import symtable
import warnings
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_ast import DEFAULT_DIRS, ROOT, KNOWN_GAP_MARKERS  # noqa: E402

SCOPES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL", 0: "NONE"}


def dump(t, indent, out):
    out.append(" " * indent + f"{t.get_type()} {t.get_name()} {t.get_lineno()}")
    for name in sorted(t._table.symbols):
        v = t._table.symbols[name]
        out.append(" " * (indent + 2) + f"{name} {SCOPES[(v >> 11) & 15]} {v & 2047}")
    for c in t.get_children():
        dump(c, indent + 2, out)


def python_side(path):
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src, path)
        except Exception:
            return None  # parse errors are compare_ast.py's business
        try:
            text = src.decode("utf-8")
        except UnicodeDecodeError:
            return None
        try:
            t = symtable.symtable(text, path, "exec")
        except SyntaxError as e:
            return f"ERROR\t{type(e).__name__}\t{e.msg}\t{e.lineno}\t{e.offset}"
        except (RecursionError, MemoryError, ValueError):
            return None
    out = []
    dump(t, 0, out)
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "ftpy_symdump"))
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    dirs = args.dirs or [d for d in DEFAULT_DIRS if os.path.isdir(d)]
    paths = []
    for d in dirs:
        if os.path.isfile(d):
            paths.append(d)
            continue
        for root, _, files in os.walk(d):
            paths.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".py"))
    paths.sort()
    with Pool(2) as pool:
        py = pool.map(python_side, paths, chunksize=32)
    keep = [i for i, r in enumerate(py) if r is not None]
    paths = [paths[i] for i in keep]
    py = [py[i] for i in keep]
    proc = subprocess.run([args.tool, "--batch", "--no-compiler-checks"],
                          input="\n".join(paths) + "\n", capture_output=True, text=True,
                          errors="surrogateescape")
    records = proc.stdout.split("END\n")
    passed = failed = gaps = shown = 0
    for path, want, got in zip(paths, py, records):
        got = got.rstrip("\n")
        if got.startswith("ERROR") and any(m in got for m in KNOWN_GAP_MARKERS):
            gaps += 1
            continue
        if got == want:
            passed += 1
            continue
        failed += 1
        if shown < args.show:
            shown += 1
            gl, wl = got.split("\n"), want.split("\n")
            for i in range(max(len(gl), len(wl))):
                g = gl[i] if i < len(gl) else "<none>"
                w = wl[i] if i < len(wl) else "<none>"
                if g != w:
                    print(f"FAIL {path}: line {i + 1}\n    ftpy: {g}\n    py:   {w}")
                    break
    if gaps:
        print(f"{gaps} files skipped as known gaps")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
