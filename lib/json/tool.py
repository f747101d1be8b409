"""Command-line JSON validator and pretty-printer: `ftpy -m json.tool`.

Reads JSON from a file (or standard input), writes it back indented (or
compact), and exits with the parse error as its message on bad input. The
options and their help texts follow CPython 3.11's json.tool, so scripts and
users see the same interface.
"""
import argparse
import json
import sys


def _build_parser():
    prog = "python -m json.tool"
    description = ("A simple command line interface for json module "
                   "to validate and pretty-print JSON objects.")
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("infile", nargs="?", type=argparse.FileType(encoding="utf-8"),
                        help="a JSON file to be validated or pretty-printed",
                        default=sys.stdin)
    parser.add_argument("outfile", nargs="?",
                        help="write the output of infile to outfile",
                        default=None)
    parser.add_argument("--sort-keys", action="store_true", default=False,
                        help="sort the output of dictionaries alphabetically by key")
    parser.add_argument("--no-ensure-ascii", dest="ensure_ascii", action="store_false",
                        help="disable escaping of non-ASCII characters")
    parser.add_argument("--json-lines", action="store_true", default=False,
                        help="parse input using the JSON Lines format. "
                             "Use with --no-indent or --compact to produce valid JSON Lines output.")
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument("--indent", default=4, type=int,
                        help="separate items with newlines and use this number of spaces for indentation")
    layout.add_argument("--tab", action="store_const", dest="indent", const="\t",
                        help="separate items with newlines and use tabs for indentation")
    layout.add_argument("--no-indent", action="store_const", dest="indent", const=None,
                        help="separate items with spaces rather than newlines")
    layout.add_argument("--compact", action="store_true",
                        help="suppress all whitespace separation (most compact)")
    return parser


def _values(infile, json_lines):
    with infile:
        if json_lines:
            # One document per line, its newline included (an empty line is
            # an error, reported at line 2 of that text, as in 3.11).
            for line in infile:
                yield json.loads(line)
        else:
            yield json.load(infile)


def main():
    options = _build_parser().parse_args()
    dump_args = {"sort_keys": options.sort_keys, "indent": options.indent,
                 "ensure_ascii": options.ensure_ascii}
    if options.compact:
        dump_args["indent"] = None
        dump_args["separators"] = (",", ":")
    try:
        objs = _values(options.infile, options.json_lines)
        if options.outfile is not None:
            # Parse everything before opening the output: it may be infile.
            objs = list(objs)
        out = sys.stdout if options.outfile is None else open(options.outfile, "w", encoding="utf-8")
        try:
            for obj in objs:
                json.dump(obj, out, **dump_args)
                out.write("\n")
        finally:
            if out is not sys.stdout:
                out.close()
    except ValueError as e:
        raise SystemExit(e)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError as exc:
        sys.exit(exc.errno)
