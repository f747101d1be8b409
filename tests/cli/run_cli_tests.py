#!/usr/bin/env python3
"""Command-line behaviour tests: run each case under python3 and ftpy and
compare stdout, stderr and the exit status.

usage: run_cli_tests.py --ftpy PATH [-k SUBSTRING] [-v]

Every case runs in a fresh directory holding the files in FILES. Before the
comparison both outputs are normalised the same way: that directory becomes
TMP, the interpreter's path (as invoked) becomes PROG, object addresses become
0xADDR, and caret-only lines (^^^, version-dependent) are dropped. Prints one
block per failure, then "N passed, N failed"; exit status 1 on any failure.
"""
import argparse
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


def make_zip(members):
    """The bytes of a zip archive of {name: text}, with fixed timestamps so
    listings are the same in every run."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6)), text)
    return buf.getvalue()


MAIN_SHOW = ("import sys\n"
             "print(__name__, __package__ == '', sys.argv)\n"
             "print(__file__, type(__loader__).__name__, __spec__.name, __spec__.origin == __file__)\n"
             "print(sys.path[0])\n"
             "import helper\n"
             "print(helper.__file__)\n")

FILES = {
    "show.py": "import sys\nprint(__name__, sys.argv[1:])\nprint(sys.argv[0].replace(sys.path[0], 'DIR') if sys.path[0] else sys.argv[0])\n",
    "sibling.py": "X = 'sibling'\n",
    "use_sibling.py": "try:\n    import sibling\n    print(sibling.X)\nexcept ImportError as e:\n    print('ImportError', e)\n",
    "pkg/__init__.py": "print('pkg init', __name__)\n",
    "pkg/__main__.py": "import sys\nprint('pkg main', __name__, __package__, sys.argv[1:])\n",
    "pkg/mod.py": "import sys\nprint('pkg.mod', __name__, __package__, sys.argv[1:])\n",
    "nomain/__init__.py": "",
    "extra/extramod.py": "print('extramod imported')\n",
    "bad_syntax.py": "x = 1\ndef f(:\n    pass\n",
    "bad_indent.py": "if True:\nprint(1)\n",
    "raises.py": "def f():\n    raise ValueError('boom')\nprint('before')\nf()\n",
    "exit_thread.py": ("import threading, sys\n"
                       "def t():\n    sys.exit(3)\n"
                       "th = threading.Thread(target=t)\nth.start()\nth.join()\nprint('main continues')\n"),
    "interleave.py": "import sys\nprint('out1')\nsys.stderr.write('err1\\n')\nprint('out2')\n",
    "optmod.py": ('"""module doc"""\ndef f():\n    "f doc"\n    assert False, "f asserts"\n'
                  'if __debug__:\n    print("debug block")\n'),
    "opt.py": ("import sys, optmod\n"
               "print(sys.flags.optimize, __debug__, optmod.__doc__, optmod.f.__doc__)\n"
               "for level in (-1, 0, 1, 2):\n"
               "    ns = {}\n"
               "    exec(compile('def g():\\n    \"g doc\"\\n    assert 0\\n', 's', 'exec', optimize=level), ns)\n"
               "    try:\n        ns['g']()\n        print(level, 'no assert', ns['g'].__doc__)\n"
               "    except AssertionError:\n        print(level, 'asserted', ns['g'].__doc__)\n"
               "optmod.f()\n"),
    "data.json": '{"b": [1, 2.5, null], "a": "\u00e9t\u00e9", "c": {"d": true}}\n',
    "bad.json": '{"a": 1,\n "b": }\n',
    "lines.json": '{"x": 1}\n[2, 3]\n\n"after blank"\n',
    "kbint.py": "print('start', flush=True)\nraise KeyboardInterrupt\n",
    # Directories and zip archives run as scripts (their __main__), and
    # zip archives on the path (bytes values are written as they are).
    "appdir/__main__.py": MAIN_SHOW,
    "appdir/helper.py": "",
    "app.zip": make_zip({"__main__.py": MAIN_SHOW, "helper.py": ""}),
    "nomain.zip": make_zip({"helper.py": ""}),
    "notzip.zip": "print('a source file named .zip')\n",
    "lib.zip": make_zip({
        "zpkg/__init__.py": "print('zpkg init')\n",
        "zpkg/__main__.py": "import sys\nprint('zpkg main', __name__, __package__, __spec__.name, sys.argv[1:])\n",
        "zmod.py": "import sys\nprint('zmod', __name__, __file__, sys.argv)\n",
        "znomain/__init__.py": "",
    }),
    # Raised warnings are caught: ftpy's warnings module is Python code, so an
    # uncaught one would show two more traceback entries than CPython's.
    "warn.py": ("import warnings\n"
                "for msg, cat in [('careful', UserWarning), ('old', DeprecationWarning)]:\n"
                "    try:\n        warnings.warn(msg, cat)\n"
                "    except Warning as e:\n        print('raised', type(e).__name__, e)\n"
                "print('done')\n"),
}

# What the stdio encoding tests print: the streams' codecs, a line of
# stdin as the text layer decodes it, text with non-ASCII characters, and
# bytes through sys.stdout.buffer.
STDIO_SHOW = ("import sys\n"
              "print(sys.stdout.encoding, sys.stdin.encoding, sys.stderr.encoding, sys.stdout.errors,\n"
              "      sys.stdin.errors, sys.stderr.errors, sys.getfilesystemencoding(), repr(sys.stdout))\n"
              "line = sys.stdin.readline()\n"
              "print(ascii(line))\n"
              "try:\n"
              "    print('caf\\xe9', line.strip())\n"
              "except UnicodeEncodeError as e:\n"
              "    print('UnicodeEncodeError:', e)\n"
              "sys.stdout.flush()\n"
              "sys.stdout.buffer.write(b'raw:\\xe9\\n')\n"
              "sys.stdout.buffer.flush()\n"
              "print('\\u20ac?', file=sys.stderr)\n")
LOCALE_SHOW = ("import sys, os, locale\n"
               "print(os.environ.get('LC_CTYPE'), sys.stdout.encoding, sys.stdout.errors, sys.flags.utf8_mode,\n"
               "      locale.getpreferredencoding(), sys.getfilesystemencoding())\n")

# (name, args, stdin, extra environment, merge stderr into stdout)
CASES = [
    ("c_argv", ["-c", "import sys; print(sys.argv, __name__)", "a", "-b", "--c"], None, {}, False),
    ("c_path0", ["-c", "import sys; print(repr(sys.path[0]))"], None, {}, False),
    ("c_no_file", ["-c", "print('__file__' in globals())"], None, {}, False),
    ("c_missing_arg", ["-c"], None, {}, False),
    ("c_traceback", ["-c", "def f():\n    1/0\nf()"], None, {}, False),
    ("c_syntax", ["-c", "x = ("], None, {}, False),
    ("script_argv", ["show.py", "x", "y"], None, {}, False),
    ("script_missing", ["nonexistent.py"], None, {}, False),
    ("script_missing_abs", ["/nonexistent/dir/x.py"], None, {}, False),
    ("script_syntax", ["bad_syntax.py"], None, {}, False),
    ("script_indent", ["bad_indent.py"], None, {}, False),
    ("script_traceback", ["raises.py"], None, {}, False),
    ("script_dir_on_path", ["use_sibling.py"], None, {}, False),
    ("script_safe_path_P", ["-P", "use_sibling.py"], None, {}, False),
    ("script_safe_path_env", ["use_sibling.py"], None, {"PYTHONSAFEPATH": "1"}, False),
    ("script_safe_path_env_E", ["-E", "use_sibling.py"], None, {"PYTHONSAFEPATH": "1"}, False),
    ("m_pkg", ["-m", "pkg", "arg1"], None, {}, False),
    ("m_submodule", ["-m", "pkg.mod", "z"], None, {}, False),
    ("m_missing", ["-m", "no_such_module_xyz"], None, {}, False),
    ("m_missing_sub", ["-m", "pkg.no_such_sub"], None, {}, False),
    ("m_missing_pkg", ["-m", "no_such_pkg_xyz.mod"], None, {}, False),
    ("m_no_main", ["-m", "nomain"], None, {}, False),
    ("m_missing_arg", ["-m"], None, {}, False),
    ("stdin_dash", ["-", "p", "q"], b"import sys\nprint(sys.argv, __name__)\n", {}, False),
    ("stdin_default", [], b"print('from stdin')\n", {}, False),
    ("stdin_traceback", ["-"], b"x = 1\nraise KeyError(x)\n", {}, False),
    ("inspect_c", ["-i", "-c", "x = 6"], b"print(x * 7)\n", {}, False),
    ("inspect_after_error", ["-i", "-c", "y = 1\n1/0"], b"print(y)\n", {}, False),
    ("pythonpath", ["-c", "import extramod"], None, {"PYTHONPATH": "{tmp}/extra"}, False),
    ("pythonpath_E", ["-E", "-c", "import extramod"], None, {"PYTHONPATH": "{tmp}/extra"}, False),
    ("pythonpath_I", ["-I", "-c", "import sys; import extramod"], None, {"PYTHONPATH": "{tmp}/extra"}, False),
    ("isolated_flags", ["-I", "-c", "import sys; f = sys.flags; print(f.isolated, f.ignore_environment, f.safe_path)"],
     None, {}, False),
    ("flags_E_P", ["-E", "-P", "-c", "import sys; f = sys.flags; print(f.isolated, f.ignore_environment, f.safe_path)"],
     None, {}, False),
    ("unbuffered_order", ["-u", "interleave.py"], None, {}, True),
    ("buffered_order", ["interleave.py"], None, {}, True),
    ("unbuffered_env", ["interleave.py"], None, {"PYTHONUNBUFFERED": "1"}, True),
    # UTF-8 mode (PEP 540) and the locale encoding: a locale the system does
    # not have counts as C; PYTHONUTF8=0 in the C locale keeps ASCII's codeset.
    ("utf8_mode_missing_locale", ["-c", "import sys, locale; print(sys.flags.utf8_mode, locale.getpreferredencoding())"],
     None, {"LC_ALL": "xx_XX.NOSUCH"}, False),
    ("utf8_mode_c_locale_off", ["-c", "import sys, locale; print(sys.flags.utf8_mode, locale.getpreferredencoding())"],
     None, {"LC_ALL": "C", "PYTHONUTF8": "0"}, False),
    ("utf8_mode_xoption", ["-X", "utf8", "-c", "import sys, locale; print(sys.flags.utf8_mode, locale.getpreferredencoding())"],
     None, {"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}, False),
    # The standard streams' encoding: PYTHONIOENCODING's encoding part (named
    # as codecs.lookup names it), else UTF-8 in UTF-8 mode, else the locale's
    # codeset (ASCII under LC_ALL=C with PYTHONUTF8=0, file names too); the
    # C locale is coerced to C.UTF-8 unless LC_ALL or PYTHONCOERCECLOCALE=0
    # stops it (PEP 538). Output bytes are compared as UTF-8 with replacement.
    ("stdio_ioencoding_latin1", ["-c", STDIO_SHOW], b"\xe9t\xe9 \xff\n", {"PYTHONIOENCODING": "latin-1"}, False),
    ("stdio_ioencoding_ascii_replace", ["-c", STDIO_SHOW], b"\xe9t\xe9\n", {"PYTHONIOENCODING": "ascii:replace"},
     False),
    ("stdio_ioencoding_cp1252", ["-c", STDIO_SHOW], b"\x80\xe9\n", {"PYTHONIOENCODING": "CP1252"}, False),
    ("stdio_ioencoding_host_codec", ["-c", STDIO_SHOW], b"\xc1\xd2\n", {"PYTHONIOENCODING": "KOI8_R"}, False),
    ("stdio_ioencoding_utf7", ["-c", "print('caf\\xe9 \\u263a +1')"], None, {"PYTHONIOENCODING": "utf-7"}, False),
    ("stdio_ioencoding_unknown", ["-c", "print(1)"], None, {"PYTHONIOENCODING": "no-such-codec"}, False),
    ("stdio_ioencoding_unencodable", ["-c", "print('\\u20ac')"], None, {"PYTHONIOENCODING": "latin-1"}, False),
    ("stdio_c_locale_ascii", ["-c", STDIO_SHOW + "\nprint('\\udce9')"], b"\xe9t\xe9\n",
     {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, False),
    ("stdio_c_locale_ascii_strict", ["-c", "print('\\xe9')"], None,
     {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ":strict"}, False),
    ("stdio_c_locale_coerced", ["-c", LOCALE_SHOW], None,
     {"LC_ALL": "", "LC_CTYPE": "", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, False),
    ("stdio_c_locale_coerced_utf8_mode", ["-c", LOCALE_SHOW], None,
     {"LC_ALL": "", "LC_CTYPE": "POSIX", "LANG": "", "PYTHONIOENCODING": ""}, False),
    ("stdio_c_locale_coerce_warn", ["-c", LOCALE_SHOW], None,
     {"LC_ALL": "", "LC_CTYPE": "", "LANG": "", "PYTHONUTF8": "0", "PYTHONIOENCODING": "",
      "PYTHONCOERCECLOCALE": "warn"}, False),
    ("stdio_c_locale_coerce_off", ["-c", LOCALE_SHOW], None,
     {"LC_ALL": "", "LC_CTYPE": "", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "",
      "PYTHONCOERCECLOCALE": "0"}, False),
    ("stdio_reconfigure_encoding", ["-c", "import sys\nsys.stdout.reconfigure(encoding='latin-1')\n"
                                          "print(sys.stdout.encoding, sys.stdout.errors, repr(sys.stdout))\n"
                                          "print('\\xe9t\\xe9')\nsys.stdout.reconfigure(errors='replace')\n"
                                          "print('\\u20ac', sys.stdout.errors)\n"
                                          "try:\n    sys.stdout.reconfigure(encoding='bogus')\n"
                                          "except LookupError as e:\n    print(e, sys.stdout.encoding)\n"],
     None, {}, False),
    ("W_error", ["-W", "error", "warn.py"], None, {}, False),
    ("W_ignore", ["-W", "ignore", "warn.py"], None, {}, False),
    ("W_category", ["-W", "error::DeprecationWarning", "warn.py"], None, {}, False),
    ("W_default", ["-W", "default", "warn.py"], None, {}, False),
    ("W_warnoptions", ["-W", "ignore", "-Werror::UserWarning", "-c", "import sys; print(sys.warnoptions)"], None, {},
     False),
    ("W_env", ["warn.py"], None, {"PYTHONWARNINGS": "error::UserWarning"}, False),
    ("X_unknown", ["-X", "no_such_opt", "-X", "k=v", "-c", "import sys; print(sorted(sys._xoptions.items()))"],
     None, {}, False),
    ("bad_option", ["-z"], None, {}, False),
    ("bad_option_clustered", ["-uz", "-c", "pass"], None, {}, False),
    ("bad_long_option", ["--no-such-option"], None, {}, False),
    ("exit_str", ["-c", "import sys; sys.exit('bye now')"], None, {}, False),
    ("exit_none", ["-c", "import sys; sys.exit(None)"], None, {}, False),
    ("exit_noarg", ["-c", "import sys; print('x'); sys.exit()"], None, {}, False),
    ("exit_int", ["-c", "import sys; sys.exit(3)"], None, {}, False),
    ("exit_big", ["-c", "import sys; sys.exit(300)"], None, {}, False),
    ("exit_negative", ["-c", "import sys; sys.exit(-1)"], None, {}, False),
    ("exit_true", ["-c", "import sys; sys.exit(True)"], None, {}, False),
    ("exit_list", ["-c", "import sys; sys.exit([1, 'a'])"], None, {}, False),
    ("exit_raise_class", ["-c", "raise SystemExit"], None, {}, False),
    ("exit_in_thread", ["exit_thread.py"], None, {}, False),
    ("keyboard_interrupt", ["kbint.py"], None, {}, False),
    ("json_tool", ["-m", "json.tool", "data.json"], None, {}, False),
    ("json_tool_stdin", ["-m", "json.tool", "--sort-keys", "--compact"], b'{"z": [1, {"y": 2}], "a": 0}', {}, False),
    ("json_tool_options", ["-m", "json.tool", "--no-ensure-ascii", "--tab", "--sort-keys", "data.json"], None, {},
     False),
    ("json_tool_bad", ["-m", "json.tool", "bad.json"], None, {}, False),
    ("json_tool_missing", ["-m", "json.tool", "missing.json"], None, {}, False),
    ("json_tool_exclusive", ["-m", "json.tool", "--tab", "--compact", "data.json"], None, {}, False),
    ("json_tool_lines", ["-m", "json.tool", "--json-lines", "--no-indent", "lines.json"], None, {}, False),
    ("json_tool_outfile", ["-c", "import runpy, sys; sys.argv = ['x', 'data.json', 'data.json']; "
                           "runpy.run_module('json.tool', run_name='__main__'); print(open('data.json').read())"],
     None, {}, False),
    ("optimize_none", ["opt.py"], None, {}, False),
    ("optimize_O", ["-O", "opt.py"], None, {}, False),
    ("optimize_OO", ["-OO", "opt.py"], None, {}, False),
    ("optimize_env", ["opt.py"], None, {"PYTHONOPTIMIZE": "2"}, False),
    ("optimize_env_word", ["opt.py"], None, {"PYTHONOPTIMIZE": "yes"}, False),
    ("optimize_env_E", ["-E", "opt.py"], None, {"PYTHONOPTIMIZE": "1"}, False),
    ("optimize_c", ["-O", "-c", "assert False; print('skipped', __debug__)"], None, {}, False),
    ("run_dir", ["appdir", "a", "b"], None, {}, False),
    ("run_dir_slash", ["appdir/"], None, {}, False),
    ("run_dir_dot", ["./appdir"], None, {}, False),
    ("run_dir_P", ["-P", "appdir"], None, {}, False),
    ("run_dir_no_main", ["nomain"], None, {}, False),
    ("run_zip", ["app.zip", "x"], None, {}, False),
    ("run_zip_abs", ["{tmp}/app.zip"], None, {}, False),
    ("run_zip_no_main", ["nomain.zip"], None, {}, False),
    ("run_zip_not_zip", ["notzip.zip"], None, {}, False),
    ("m_zip_pkg", ["-m", "zpkg", "q"], None, {"PYTHONPATH": "{tmp}/lib.zip"}, False),
    ("m_zip_module", ["-m", "zmod", "r"], None, {"PYTHONPATH": "{tmp}/lib.zip"}, False),
    ("m_zip_no_main", ["-m", "znomain"], None, {"PYTHONPATH": "{tmp}/lib.zip"}, False),
    ("zip_on_pythonpath", ["-c", "import sys, zmod; print(type(sys.path_importer_cache[sys.path[1]]).__name__)"],
     None, {"PYTHONPATH": "{tmp}/lib.zip"}, False),
    ("zipapp_shebang", ["-c", "import subprocess, sys\n"
                        "subprocess.run([sys.executable, '-m', 'zipapp', 'appdir', '-o', 'x.pyz', '-p', sys.executable],"
                        " check=True)\n"
                        "print(open('x.pyz', 'rb').readline() == b'#!' + sys.executable.encode() + b'\\n')\n"
                        "subprocess.run(['./x.pyz', 'arg'], check=True)\n"
                        "subprocess.run([sys.executable, '-m', 'zipapp', '--info', 'x.pyz'], check=True)\n"],
     None, {}, False),
    ("zipapp_entry_point", ["-c", "import os, subprocess, sys\n"
                            "os.mkdir('ep')\n"
                            "open('ep/cli.py', 'w').write('def run():\\n    print(\"entry point ran\")\\n')\n"
                            "subprocess.run([sys.executable, '-m', 'zipapp', 'ep', '-m', 'cli:run'], check=True)\n"
                            "subprocess.run([sys.executable, 'ep.pyz'], check=True)\n"],
     None, {}, False),
    ("zipfile_list", ["-m", "zipfile", "-l", "lib.zip"], None, {}, False),
    ("zipfile_test", ["-m", "zipfile", "-t", "app.zip"], None, {}, False),
    ("zipfile_create_extract", ["-c", "import os, subprocess, sys, zipfile\n"
                                "subprocess.run([sys.executable, '-m', 'zipfile', '-c', 'new.zip', 'appdir', 'show.py'],"
                                " check=True)\n"
                                "print(sorted(zipfile.ZipFile('new.zip').namelist()))\n"
                                "subprocess.run([sys.executable, '-m', 'zipfile', '-e', 'new.zip', 'out'], check=True)\n"
                                "print(sorted(os.listdir('out')), sorted(os.listdir('out/appdir')))\n"],
     None, {}, False),
]


def normalize(text, tmp, exe):
    text = text.replace(os.path.realpath(tmp), "TMP").replace(tmp, "TMP").replace(exe, "PROG")
    text = re.sub(r"0x[0-9a-fA-F]+", "0xADDR", text)
    out = []
    for line in text.split("\n"):
        if line.strip() and set(line.strip()) <= set("^~"):
            continue
        out.append(line)
    return "\n".join(out)


def run(exe, case, tmp):
    name, args, stdin, env_extra, merge = case
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if "PYTHON_GIL" in os.environ:
        env["PYTHON_GIL"] = os.environ["PYTHON_GIL"]
    env.update(PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1", LC_ALL="C.UTF-8")
    for k, v in env_extra.items():
        env[k] = v.replace("{tmp}", tmp)
    args = [a.replace("{tmp}", tmp) for a in args]
    try:
        p = subprocess.run([exe] + args, input=stdin if stdin is not None else b"", cwd=tmp, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT if merge else subprocess.PIPE,
                           timeout=60)
    except subprocess.TimeoutExpired:
        return "<timeout>"
    out = p.stdout.decode("utf-8", "replace")
    err = "" if merge else p.stderr.decode("utf-8", "replace")
    return normalize("%s\n--- stderr ---\n%s\n--- exit %d ---" % (out, err, p.returncode), tmp, exe)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ftpy", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("-k", default="")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    ftpy = os.path.abspath(args.ftpy)
    python = shutil.which(args.python) or args.python
    passed = failed = 0
    for case in CASES:
        if args.k not in case[0]:
            continue
        results = []
        for exe in (python, ftpy):
            tmp = tempfile.mkdtemp(prefix="ftpy-cli-")
            try:
                for rel, text in FILES.items():
                    path = os.path.join(tmp, rel)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "wb" if isinstance(text, bytes) else "w") as f:
                        f.write(text)
                results.append(run(exe, case, tmp))
            finally:
                shutil.rmtree(tmp)
        want, got = results
        if want == got:
            passed += 1
            if args.v:
                print("ok  ", case[0])
            continue
        failed += 1
        print("FAIL", case[0], case[1])
        for line in list(difflib.unified_diff(want.split("\n"), got.split("\n"), "python3", "ftpy", lineterm=""))[:30]:
            print("   ", line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
