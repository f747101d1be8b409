#!/usr/bin/env python3
"""Run ftpy's Python test programs (tests/py/<group>/<name>.py).

Every test is run twice: under the host python3, whose result must equal the
checked-in <name>.expected (that proves the expectation is CPython's), and
under the --ftpy binary, whose result must equal it too.  See docs/testing.md.

Usage:
    python3 tests/run_py_tests.py --ftpy build/ftpy [--label NAME] [-k SUBSTRING]
        [--update-expected] [--update-xfail] [--jobs N] [--timeout S] [-v]

The last line printed is always "N passed, N failed, N xfail"; the exit status
is non-zero iff failed > 0.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import signal
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_REL = os.path.join("tests", "py")
XFAIL_REL = os.path.join(TESTS_REL, "xfail.txt")
STDERR_MARK = "--- stderr ---"
EXIT_RE = re.compile(r"^--- exit (-?\d+) ---$")
# PEP 657 caret lines ("    ^^^^", "  ~~~^^^~~") differ between CPython
# versions; they are the one thing dropped from stderr before comparing.
CARET_LINE_RE = re.compile(r"^[ \t]*[\^~][\^~ \t]*$")
REQUIRES_RE = re.compile(r"^#\s*requires:\s*(\d+)\.(\d+)\s*$")
DIFF_LINES = 30

FIXED_ENV = {
    "PYTHONHASHSEED": "0",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONDONTWRITEBYTECODE": "1",
    "LC_ALL": "C.UTF-8",
    "LANG": "C.UTF-8",
    "TZ": "UTC",
}
# PYTHON* variables from the caller's environment are dropped (PYTHONPATH,
# PYTHONSTARTUP, PYTHONHOME, ...), except this one, which selects ftpy's mode.
KEEP_PYTHON_VARS = {"PYTHON_GIL"}


def test_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") or k in KEEP_PYTHON_VARS}
    for k in ("LC_CTYPE", "LC_MESSAGES", "LANGUAGE"):
        env.pop(k, None)
    env.update(FIXED_ENV)
    return env


class Test:
    def __init__(self, group, name):
        self.group = group
        self.name = name
        self.id = f"{group}/{name}"
        base = os.path.join(TESTS_REL, group, name)
        self.path = base + ".py"
        self.expected_path = base + ".expected"
        self.stdin_path = base + ".stdin"
        self.args_path = base + ".args"
        self.requires = None
        with open(self.path, encoding="utf-8", errors="replace") as f:
            m = REQUIRES_RE.match(f.readline().strip())
        if m:
            self.requires = (int(m.group(1)), int(m.group(2)))

    def args(self):
        if os.path.exists(self.args_path):
            with open(self.args_path, encoding="utf-8") as f:
                return shlex.split(f.read())
        return []


def discover(pattern):
    root = os.path.join(REPO, TESTS_REL)
    tests = []
    for group in sorted(os.listdir(root)):
        gdir = os.path.join(root, group)
        if not os.path.isdir(gdir) or group.startswith((".", "_")):
            continue
        # Only files directly in a group directory are tests; helper modules
        # live in subdirectories.
        for fn in sorted(os.listdir(gdir)):
            if fn.endswith(".py") and os.path.isfile(os.path.join(gdir, fn)):
                t = Test(group, fn[:-3])
                if pattern is None or pattern in t.id:
                    tests.append(t)
    return tests


class Result:
    """What one interpreter did with one test."""

    def __init__(self, stdout="", stderr="", rc=0, problem=None):
        self.stdout = stdout
        self.stderr = stderr
        self.rc = rc
        self.problem = problem  # "timeout", "crash: SIGSEGV", "not found", ...

    def render(self):
        return render(self.stdout, self.stderr, self.rc)


def render(stdout, stderr, rc):
    """The .expected text for a run (normalised)."""
    # CPython makes the main script's path absolute (__file__, tracebacks,
    # warnings), so the checkout's location is replaced by nothing: both
    # interpreters then show tests/py/<group>/<name>.py whatever the checkout.
    root = REPO + os.sep
    out = stdout.replace(root, "")
    stderr = normalise_stderr(stderr.replace(root, ""))
    if stderr:
        if out and not out.endswith("\n"):
            out += "\n"
        out += STDERR_MARK + "\n" + stderr
    if rc != 0:
        if out and not out.endswith("\n"):
            out += "\n"
        out += f"--- exit {rc} ---\n"
    return out


def normalise_stderr(text):
    return "".join(line for line in text.splitlines(keepends=True)
                   if not CARET_LINE_RE.match(line.rstrip("\r\n")))


def normalise_expected(text):
    """Apply the stderr normalisation to an expected file's stderr section."""
    lines = text.splitlines(keepends=True)
    try:
        i = next(n for n, l in enumerate(lines) if l.rstrip("\n") == STDERR_MARK)
    except StopIteration:
        return text
    head, rest = lines[:i + 1], lines[i + 1:]
    tail = []
    if rest and EXIT_RE.match(rest[-1].rstrip("\n")):
        tail = [rest.pop()]
    return "".join(head) + normalise_stderr("".join(rest)) + "".join(tail)


def run_one(interp, test, timeout, env):
    if not (os.path.isfile(interp) and os.access(interp, os.X_OK)):
        return Result(problem=f"interpreter not found or not executable: {interp}")
    cmd = [interp, test.path] + test.args()
    stdin = open(test.stdin_path, "rb") if os.path.exists(test.stdin_path) \
        else open(os.devnull, "rb")
    try:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdin=stdin,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
    except OSError as e:
        stdin.close()
        return Result(problem=f"cannot run {interp}: {e}")
    try:
        out, err = proc.communicate(timeout=timeout)
        problem = None
    except subprocess.TimeoutExpired:
        kill_group(proc)
        out, err = proc.communicate()
        problem = f"timeout after {timeout:g} s"
    finally:
        stdin.close()
    rc = proc.returncode
    if problem is None and rc < 0:
        try:
            signame = signal.Signals(-rc).name
        except ValueError:
            signame = f"signal {-rc}"
        problem = f"crashed with {signame}"
    dec = lambda b: b.decode("utf-8", errors="surrogateescape")
    return Result(dec(out), dec(err), rc, problem)


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            proc.kill()
        except ProcessLookupError:
            pass


def read_text(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)


def short_diff(expected, actual, who):
    diff = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        "expected", who, n=2))
    lines = [l if l.endswith("\n") else l + "\n\\ No newline at end of file\n"
             for l in diff]
    text = "".join(lines).splitlines()
    if len(text) > DIFF_LINES:
        text = text[:DIFF_LINES] + [f"... ({len(text) - DIFF_LINES} more diff lines)"]
    return "\n".join("    " + l for l in text)


def check(test, opts, env, xfail):
    """Returns (status, message). status: pass, xfail, FAIL, XPASS, PYFAIL."""
    host = (sys.version_info.major, sys.version_info.minor)
    expected = None
    if os.path.exists(test.expected_path):
        expected = normalise_expected(read_text(test.expected_path))
    # (1) the host python3 proves the expectation (once per CI run: a second
    # run of the suite, e.g. under ASan, may skip it with --no-python-check).
    if opts.no_python_check and expected is not None:
        pass
    elif test.requires is None or test.requires <= host:
        py = run_one(sys.executable, test, opts.timeout, env)
        if py.problem:
            return "PYFAIL", f"python3: {py.problem}"
        actual = py.render()
        if opts.update_expected:
            if actual != expected:
                write_text(test.expected_path, actual)
                expected = actual
        elif expected is None:
            return "PYFAIL", "no .expected file (run with --update-expected)"
        elif actual != expected:
            return "PYFAIL", ("python3 does not match the expected file\n"
                              + short_diff(expected, actual, "python3"))
    elif expected is None:
        return "PYFAIL", (f"'# requires: {test.requires[0]}.{test.requires[1]}' "
                          "test has no hand-written .expected file")
    if opts.ftpy is None:
        return "pass", ""
    if (test.requires is not None and opts.ftpy_cpython is not None
            and test.requires > opts.ftpy_cpython):
        # --ftpy is itself an older CPython (checking the suite against
        # python3): it cannot run this test, which is not ftpy's failure.
        return "skip", f"needs CPython {test.requires[0]}.{test.requires[1]}"
    # (2) ftpy must match the same expectation.
    ft = run_one(opts.ftpy, test, opts.timeout, env)
    listed = test.id in xfail
    if ft.problem:
        ok, msg = False, f"ftpy: {ft.problem}"
        actual = ft.render()
        if actual:
            msg += "\n" + short_diff(expected, actual, "ftpy")
    else:
        actual = ft.render()
        ok = actual == expected
        msg = "" if ok else "ftpy output differs\n" + short_diff(expected, actual, "ftpy")
    if ok:
        return ("XPASS", "listed in xfail.txt but passes (remove it)") if listed \
            else ("pass", "")
    return ("xfail", msg) if listed else ("FAIL", msg)


def probe_cpython(interp, env):
    """(major, minor) if interp is a CPython, else None (ftpy, or no answer)."""
    try:
        out = subprocess.run(
            [interp, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])"],
            env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=10, text=True)
        name, major, minor = out.stdout.split()
        return (int(major), int(minor)) if name == "cpython" and out.returncode == 0 else None
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def read_xfail():
    path = os.path.join(REPO, XFAIL_REL)
    entries = set()
    if os.path.exists(path):
        for line in read_text(path).splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                entries.add(normalise_test_id(line))
    return entries


def normalise_test_id(entry):
    entry = entry.replace("\\", "/")
    if entry.startswith("tests/py/"):
        entry = entry[len("tests/py/"):]
    if entry.endswith(".py"):
        entry = entry[:-3]
    return entry


XFAIL_HEADER = """\
# Tests that ftpy is known not to pass yet, one path per line, relative to
# tests/py (e.g. syntax/walrus.py).  A listed test that passes is reported as XPASS and
# counts as a failure, so this list only ever shrinks.  Regenerate deliberately
# with: python3 tests/run_py_tests.py --ftpy build/ftpy --update-xfail
"""


def write_xfail(entries):
    body = "".join(f"{e}.py\n" for e in sorted(entries))
    write_text(os.path.join(REPO, XFAIL_REL), XFAIL_HEADER + body)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ftpy", help="path to the ftpy binary under test")
    ap.add_argument("--label", help="name of this run (e.g. asan), shown in the report")
    ap.add_argument("-k", dest="pattern", help="only tests whose group/name contains this")
    ap.add_argument("--update-expected", action="store_true",
                    help="rewrite .expected files from the host python3")
    ap.add_argument("--update-xfail", action="store_true",
                    help="rewrite xfail.txt to exactly the tests ftpy fails now")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per run")
    ap.add_argument("--retries", type=int, default=0,
                    help="re-run a failing test up to N times, alone, after the others; "
                         "one that then passes counts as passed and is listed as FLAKY "
                         "just above the last line (for the slow sanitizer runs)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--xfail-file", default=None,
                    help="expected-failure list to use instead of tests/py/xfail.txt "
                         "(e.g. a sanitizer build's own list)")
    ap.add_argument("--no-python-check", action="store_true",
                    help="skip re-running python3 on each test (its expectations were "
                         "already checked by another run)")
    opts = ap.parse_args(argv)
    global XFAIL_REL
    if opts.xfail_file:
        XFAIL_REL = opts.xfail_file

    ftpy_given = opts.ftpy
    if opts.ftpy is not None:
        opts.ftpy = os.path.abspath(opts.ftpy)
    os.chdir(REPO)
    if opts.ftpy is None and not opts.update_expected:
        ap.error("--ftpy is required (it may be omitted only with --update-expected)")
    if opts.update_xfail and opts.ftpy is None:
        ap.error("--update-xfail needs --ftpy")

    prefix = f"[{opts.label}] " if opts.label else ""
    tests = discover(opts.pattern)
    xfail = read_xfail()
    env = test_env()
    if opts.ftpy is not None and not os.path.isfile(opts.ftpy):
        print(f"{prefix}warning: {ftpy_given} does not exist; every test will fail",
              flush=True)

    opts.ftpy_cpython = None
    if opts.ftpy is not None and os.path.isfile(opts.ftpy):
        opts.ftpy_cpython = probe_cpython(opts.ftpy, env)

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        futs = {pool.submit(check, t, opts, env, xfail): t for t in tests}
        for fut in concurrent.futures.as_completed(futs):
            t = futs[fut]
            try:
                status, msg = fut.result()
            except Exception as e:  # a bug in the runner itself
                status, msg = "FAIL", f"runner error: {type(e).__name__}: {e}"
            results[t.id] = (status, msg)
            if status in ("FAIL", "XPASS", "PYFAIL"):
                print(f"{prefix}{status} {t.path}: {msg}", flush=True)
            elif opts.verbose:
                print(f"{prefix}{status} {t.path}", flush=True)

    # Failures (ftpy's or the python3 reference run's) re-run one at a time,
    # on a machine no longer busy with the rest of the suite: a pass then
    # means a timing-dependent test (which must still be fixed: it is
    # listed), not an interpreter bug.
    flaky = []
    for t in tests:
        first = results[t.id]
        for attempt in range(opts.retries):
            if results[t.id][0] not in ("FAIL", "PYFAIL"):
                break
            results[t.id] = check(t, opts, env, xfail)
            if results[t.id][0] == "pass":
                flaky.append((t, attempt + 1, first[1]))
                print(f"{prefix}FLAKY {t.path}: passed on re-run {attempt + 1}", flush=True)

    groups = {}
    for t in tests:
        status = results[t.id][0]
        g = groups.setdefault(t.group, {"pass": 0, "fail": 0, "xfail": 0, "skip": 0})
        g[status if status in ("pass", "xfail", "skip") else "fail"] += 1
    print(f"{prefix}by group:")
    for name, g in sorted(groups.items()):
        skipped = f" {g['skip']:4d} skipped" if g["skip"] else ""
        print(f"{prefix}  {name:<16} {g['pass']:4d} passed {g['fail']:4d} failed "
              f"{g['xfail']:4d} xfail{skipped}")

    if opts.update_xfail:
        selected = {t.id for t in tests}
        failing = {t.id for t in tests if results[t.id][0] in ("FAIL", "xfail")}
        write_xfail((xfail - selected) | failing)
        print(f"{prefix}xfail.txt rewritten: {len((xfail - selected) | failing)} entries")

    n_pass = sum(1 for s, _ in results.values() if s == "pass")
    n_xfail = sum(1 for s, _ in results.values() if s == "xfail")
    n_skip = sum(1 for s, _ in results.values() if s == "skip")
    n_fail = len(results) - n_pass - n_xfail - n_skip
    if n_skip:
        print(f"{prefix}{n_skip} skipped: '# requires:' tests that the --ftpy CPython "
              "is too old to run")
    # Repeat the failures just above the last line: CI keeps only the tail of
    # the log, and the group table above would push them out of it.
    for t, attempt, msg in flaky:
        head = " | ".join(str(msg).strip().splitlines()[:4])
        print(f"{prefix}FLAKY {t.path} (passed on re-run {attempt}); first run: {head[:400]}")
    for t in tests:
        status, msg = results[t.id]
        if status in ("FAIL", "XPASS", "PYFAIL"):
            head = " | ".join(str(msg).strip().splitlines()[:4])
            print(f"{prefix}{status} {t.path}: {head[:400]}")
    print(f"{n_pass} passed, {n_fail} failed, {n_xfail} xfail")
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
