"""A small CLI built with argparse, run with several argv lists."""
import argparse
import sys
import io
import contextlib


def build():
    p = argparse.ArgumentParser(prog="inv", description="Manage an inventory file.",
                                epilog="Report bugs to nobody.")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text")
    p.add_argument("--limit", type=int, metavar="N", help="show at most N rows")
    sub = p.add_subparsers(dest="cmd", required=True, title="commands")
    a = sub.add_parser("add", help="add an item")
    a.add_argument("name")
    a.add_argument("qty", type=int)
    a.add_argument("--price", type=float, default=0.0)
    a.add_argument("--tag", action="append", default=[])
    r = sub.add_parser("remove", help="remove items", aliases=["rm"])
    r.add_argument("names", nargs="+")
    r.add_argument("-f", "--force", action="store_true")
    s = sub.add_parser("show", help="show items")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--sort-name", action="store_true")
    g.add_argument("--sort-qty", action="store_true")
    s.add_argument("pattern", nargs="?", default="*")
    return p


def run(argv):
    print(f"$ inv {' '.join(argv)}")
    p = build()
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ns = p.parse_args(argv)
        except SystemExit as e:
            code = e.code
            ns = None
    if out.getvalue():
        print("stdout:")
        print(out.getvalue(), end="")
    if err.getvalue():
        print("stderr:")
        print(err.getvalue(), end="")
    print("exit:", code)
    if ns is not None:
        print("ns:", sorted(vars(ns).items()))
    print()


for argv in [
    ["add", "apple", "3"],
    ["-vv", "--format", "json", "add", "pear", "2", "--price", "1.5", "--tag", "fruit", "--tag", "green"],
    ["rm", "apple", "pear", "-f"],
    ["show", "--sort-name", "a*"],
    ["show", "--sort-name", "--sort-qty"],
    ["add", "apple", "three"],
    ["--format", "xml", "show"],
    [],
    ["--limit", "5"],
    ["frobnicate"],
    ["--help"],
    ["add", "--help"],
    ["show", "-h"],
    ["--limit=x", "show"],
    ["--unknown", "show"],
]:
    run(argv)

p = build()
print(p.format_usage(), end="")
ns, extra = p.parse_known_args(["show", "--zzz", "q"])
print(ns, extra)

# Real exit via sys.exit path to stderr
p2 = argparse.ArgumentParser(prog="final")
p2.add_argument("x", type=int)
p2.parse_args(["notanint"])
