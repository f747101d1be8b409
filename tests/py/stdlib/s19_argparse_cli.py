# An argparse-based CLI exercised with fixed argv lists: subcommands,
# mutually exclusive groups, type conversion, --help and error exits.
import argparse
import io
import sys
import contextlib


def build_parser():
    p = argparse.ArgumentParser(prog="inventory",
                                description="Manage a small inventory.",
                                epilog="Report bugs to nobody.")
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="more output (repeatable)")
    p.add_argument("--config", metavar="PATH", default="inv.cfg")
    sub = p.add_subparsers(dest="command", required=True, title="commands")

    add = sub.add_parser("add", help="add an item")
    add.add_argument("name")
    add.add_argument("qty", type=int)
    add.add_argument("--price", type=float, default=0.0)
    add.add_argument("--tag", action="append", default=[])

    rm = sub.add_parser("remove", aliases=["rm"], help="remove items")
    rm.add_argument("names", nargs="+")
    grp = rm.add_mutually_exclusive_group()
    grp.add_argument("--force", action="store_true")
    grp.add_argument("--dry-run", action="store_true")

    ls = sub.add_parser("list", help="list items")
    ls.add_argument("--sort", choices=["name", "qty", "price"], default="name")
    ls.add_argument("--limit", type=int, nargs="?", const=10)
    ls.set_defaults(func="do_list")
    return p


def run(argv):
    p = build_parser()
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            ns = p.parse_args(argv)
        except SystemExit as e:
            code = e.code
            ns = None
    print("argv:", argv)
    if ns is not None:
        print("  ns:", sorted(vars(ns).items()))
    print("  exit:", code)
    for line in out.getvalue().splitlines():
        print("  out|", line)
    for line in err.getvalue().splitlines():
        print("  err|", line)


import os
os.environ["COLUMNS"] = "80"

run(["add", "widget", "3", "--price", "2.5", "--tag", "a", "--tag", "b"])
run(["-vv", "--config", "x.cfg", "rm", "w1", "w2", "--force"])
run(["rm", "w1", "--force", "--dry-run"])
run(["list", "--sort", "qty", "--limit"])
run(["list", "--sort", "size"])
run(["add", "widget", "three"])
run([])
run(["--help"])
run(["add", "--help"])
run(["rm", "--help"])
run(["bogus"])
run(["add", "x", "1", "--unknown"])

# parse_known_args and intermixed parsing
p = argparse.ArgumentParser(prog="known")
p.add_argument("--a", type=int)
p.add_argument("files", nargs="*")
ns, rest = p.parse_known_args(["--a", "1", "f1", "--zzz", "f2"])
print(ns, rest)
ns = p.parse_intermixed_args(["f1", "--a", "2", "f2"])
print(ns)

# argument_default and fromfile_prefix_chars-free usage: formatter classes
p = argparse.ArgumentParser(prog="fmt", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument("--level", default="info", help="log level")
p.add_argument("--n", type=int, default=3, help="count")
p.add_argument("pos", help="a positional")
print(p.format_help())
print(p.format_usage())

# BooleanOptionalAction and custom type errors
def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{s!r} is not positive")
    return v

p = argparse.ArgumentParser(prog="bo", exit_on_error=False)
p.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)
p.add_argument("--n", type=positive)
print(p.parse_args(["--no-color"]))
print(p.parse_args(["--color", "--n", "4"]))
try:
    p.parse_args(["--n", "-3"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    p.parse_args(["--n", "x"])
except (argparse.ArgumentError, ValueError) as e:
    print(type(e).__name__, e)
