#!/usr/bin/env python3
"""ftpy benchmark runner (run by the host python3; standard library only).

Runs every program in bench/programs/ on each interpreter (ftpy without the
GIL, ftpy -X gil=1, the host python3, pypy3 if installed) at each thread
count, for several repetitions, interleaved in a seeded random order per
round. Prints a table of medians, ratios against python3, spread, peak RSS and
weak-scaling efficiency; writes a JSON file with every sample and a
self-contained HTML report. See docs/benchmarks.md.

Exit status: 0 if everything the reference interpreter ran succeeded and no
interpreter gave a wrong answer; 1 otherwise (or, with --strict, if any run
failed); 2 for bad usage.
"""

import argparse
import ast
import fnmatch
import json
import os
import platform
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
sys.path.insert(0, HERE)
import report  # noqa: E402

WRONG_ANSWER_STATUS = 3
TAIL = 2000


# ------------------------------------------------------------- programs

def discover_programs():
    """Every bench/programs/*.py that assigns a literal dict to BENCH."""
    programs = {}
    for name in sorted(os.listdir(PROGRAMS)):
        if not name.endswith(".py") or name.startswith("_") or name == "benchlib.py":
            continue
        path = os.path.join(PROGRAMS, name)
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
        meta = None
        for node in tree.body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "BENCH"):
                meta = ast.literal_eval(node.value)
        if meta is None:
            continue
        if meta.get("kind") not in ("single", "threaded", "memory", "startup"):
            raise SystemExit("%s: BENCH['kind'] must be single, threaded, memory or startup" % name)
        meta = dict(meta)
        meta["path"] = path
        programs[name[:-3]] = meta
    return programs


def program_args(meta, threads, quick, factor):
    if meta["kind"] == "startup":
        # The runner itself starts the interpreter `size` times (run_startup).
        size = max(1, int((meta["quick"] if quick else meta["scale"]) * factor))
        return ["--count", str(size)], size
    if meta["kind"] == "threaded":
        size = meta["quick"] if quick else meta["work"]
        size = max(1, int(size * factor))
        return ["--threads", str(threads), "--work", str(size)], size
    size = meta["quick"] if quick else meta["scale"]
    if factor != 1.0 and meta["scale"] >= 1000:   # small scales (n-queens n) are not linear
        size = max(1, int(size * factor))
    return ["--scale", str(size)], size


# --------------------------------------------------------- interpreters

def resolve_interpreters(names, ftpy_path):
    interps = []
    for name in names:
        if "=" in name:
            label, cmd = name.split("=", 1)
            argv = shlex.split(cmd)
        elif name == "ftpy":
            label, argv = name, [ftpy_path, "-X", "gil=0"]
        elif name == "ftpy-gil":
            label, argv = name, [ftpy_path, "-X", "gil=1"]
        elif name in ("python3", "pypy3"):
            exe = shutil.which(name) or (sys.executable if name == "python3" else None)
            label, argv = name, [real_executable(exe) if exe else name]
        else:
            exe = shutil.which(name)
            label, argv = name, [exe or name]
        exe = argv[0]
        available = os.path.isfile(exe) and os.access(exe, os.X_OK)
        interps.append({"name": label, "argv": argv, "available": available,
                        "reason": None if available else "not found: " + exe})
    return interps


def real_executable(exe):
    """Resolve wrappers such as pyenv shims to the interpreter binary itself, so
    that neither the wrapper's start-up time nor its RSS is measured."""
    try:
        p = subprocess.run([exe, "-c", "import sys; print(sys.executable)"],
                           capture_output=True, text=True, timeout=30)
        path = p.stdout.strip()
        if p.returncode == 0 and path and os.path.isfile(path):
            return path
    except (OSError, subprocess.TimeoutExpired):
        pass
    return exe


def probe_version(interp):
    code = ("import sys; g = getattr(sys, '_is_gil_enabled', None); "
            "print(sys.version.split()[0], getattr(sys.implementation, 'name', '?'), "
            "'gil=' + ('?' if g is None else str(int(g()))))")
    for extra in (["-c", code], ["-V"]):
        try:
            p = subprocess.run(interp["argv"] + extra, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired) as e:
            interp["probe_error"] = str(e)
            break
        out = (p.stdout + p.stderr).strip()
        if p.returncode == 0 and out:
            return out.splitlines()[0]
        interp["probe_error"] = out[-300:] or "exit status %d" % p.returncode
    return None


def machine_info():
    info = {"nproc": os.cpu_count(), "uname": " ".join(platform.uname()),
            "runner_python": sys.version.split()[0], "hostname": platform.node()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        info["loadavg_start"] = " ".join("%.2f" % x for x in os.getloadavg())
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        if rev.returncode == 0:
            info["git"] = rev.stdout.strip()
    except OSError:
        pass
    return info


# --------------------------------------------------------------- running

def run_startup(interp, meta, count, timeout):
    """A startup program: start the interpreter `count` times in a row with
    `-c CODE` (BENCH["code"]) and time the whole, so the result is the cost of
    process start-up and shut-down as a user sees it. RSS is the largest of
    the runs (wait4)."""
    argv = interp["argv"] + ["-c", meta.get("code", "pass")]
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    sample = {"argv": argv + ["(x%d)" % count]}
    maxrss, user, sys_time = 0, 0.0, 0.0
    deadline = time.perf_counter() + timeout
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        for _ in range(count):
            try:
                proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err,
                                        stdin=subprocess.DEVNULL, cwd=PROGRAMS, env=env)
            except OSError as e:
                sample.update(status=report.FAIL, exit=None, wall=None, time=None, rss_kb=None,
                              stderr_tail=str(e), stdout_tail="")
                return sample
            timer = threading.Timer(max(0.0, deadline - time.perf_counter()), proc.kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            maxrss = max(maxrss, usage.ru_maxrss)
            user += usage.ru_utime
            sys_time += usage.ru_stime
            if proc.returncode != 0:
                err.seek(0)
                timed_out = time.perf_counter() >= deadline
                sample.update(status=report.TIMEOUT if timed_out else report.FAIL, exit=proc.returncode,
                              wall=time.perf_counter() - start, time=None, rss_kb=None, stdout_tail="",
                              stderr_tail=err.read().decode("utf-8", "replace")[-TAIL:])
                return sample
    wall = time.perf_counter() - start
    sample.update(status=report.OK, exit=0, wall=wall, time=wall, in_process_time=None, ops=None,
                  rss_kb=maxrss, rss_source="wait4", wait4_maxrss_kb=maxrss, user=user, sys=sys_time,
                  stdout_tail="", stderr_tail="")
    return sample


def run_once(interp, meta, args, timeout):
    """Run one program once; return the sample fields measured."""
    if meta["kind"] == "startup":
        return run_startup(interp, meta, int(args[1]), timeout)
    argv = interp["argv"] + [meta["path"]] + args
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    sample = {"argv": argv}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    cwd=PROGRAMS, env=env, start_new_session=True)
        except OSError as e:
            sample.update(status=report.FAIL, exit=None, wall=None, time=None, rss_kb=None,
                          stderr_tail=str(e), stdout_tail="")
            return sample
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") \
            else (-(status & 0x7f) if status & 0x7f else status >> 8)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = proc.returncode
    in_process = None
    ops = None
    self_rss = None
    for line in stdout.splitlines():
        if line.startswith("bench-time:"):
            try:
                in_process = float(line.split(":", 1)[1])
            except ValueError:
                pass
        elif line.startswith("bench-ops:"):
            try:
                ops = int(line.split(":", 1)[1])
            except ValueError:
                pass
        elif line.startswith("bench-rss-kb:"):
            try:
                self_rss = int(line.split(":", 1)[1])
            except ValueError:
                pass
    if timed_out:
        status_word = report.TIMEOUT
    elif code == WRONG_ANSWER_STATUS:
        status_word = report.WRONG
    elif code != 0:
        status_word = report.FAIL
    elif in_process is None:
        status_word = report.FAIL
        stderr += "\n(no bench-time line on stdout)"
    else:
        status_word = report.OK
    sample.update(status=status_word, exit=code, wall=wall,
                  time=in_process if in_process is not None else wall,
                  in_process_time=in_process, ops=ops,
                  rss_kb=self_rss if self_rss is not None else usage.ru_maxrss,
                  rss_source="VmHWM" if self_rss is not None else "wait4",
                  wait4_maxrss_kb=usage.ru_maxrss, user=usage.ru_utime, sys=usage.ru_stime,
                  stdout_tail=stdout[-TAIL:] if status_word != report.OK else "",
                  stderr_tail=stderr[-TAIL:])
    return sample


class Progress:
    def __init__(self, total):
        self.total = total
        self.done = 0
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.width = 0

    def show(self, text):
        self.done += 1
        line = "[%d/%d] %s" % (self.done, self.total, text)
        now = time.monotonic()
        if self.tty:
            pad = max(0, self.width - len(line))
            sys.stderr.write("\r" + line + " " * pad)
            sys.stderr.flush()
            self.width = len(line)
        elif now - self.last > 5 or self.done == self.total:
            sys.stderr.write(line + "\n")
            self.last = now

    def note(self, text):
        if self.tty:
            sys.stderr.write("\r" + " " * self.width + "\r")
            self.width = 0
        sys.stderr.write(text + "\n")

    def finish(self):
        if self.tty:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()


def default_threads():
    n = os.cpu_count() or 1
    ts = [1]
    t = 2
    while t < n:
        ts.append(t)
        t *= 2
    if n > 1:
        ts.append(n)
    return ts


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Run ftpy's benchmark suite (see docs/benchmarks.md).")
    ap.add_argument("--ftpy", default=os.path.join(ROOT, "build", "ftpy"),
                    help="path to the ftpy binary (default: build/ftpy)")
    ap.add_argument("--interp", default=None,
                    help="comma-separated interpreters: ftpy, ftpy-gil, python3, pypy3, or NAME=COMMAND "
                         "(default: ftpy,ftpy-gil,python3 and pypy3 when on PATH)")
    ap.add_argument("--only", action="append", default=[],
                    help="only programs whose name matches this glob or substring (repeatable, or comma-separated)")
    ap.add_argument("--threads", default=None,
                    help="comma-separated thread counts for threaded programs (default: 1,2,4..nproc; "
                         "--quick: 1,2)")
    ap.add_argument("--reps", type=int, default=None, help="repetitions (default 5; --quick: 1)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: tiny sizes, 1 repetition, threads 1,2 (under a minute on python3)")
    ap.add_argument("--size-factor", type=float, default=1.0,
                    help="multiply every program's size (not for combinatorial scales)")
    ap.add_argument("--out", default=os.path.join(HERE, "results"), help="output directory")
    ap.add_argument("--no-html", action="store_true", help="do not write the HTML report")
    ap.add_argument("--ref", default="python3", help="interpreter the ratios are against")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds before a run is killed (default 300; --quick: 60)")
    ap.add_argument("--seed", type=int, default=1, help="seed for the interleaving order")
    ap.add_argument("--strict", action="store_true",
                    help="any failed run (not only wrong answers and reference failures) fails the suite")
    ap.add_argument("--retry-failed", action="store_true",
                    help="keep running a (program, interpreter, threads) after it failed once")
    ap.add_argument("--from-json", metavar="FILE",
                    help="do not run: re-print the table and re-write the HTML from a saved JSON file")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--list", action="store_true", help="list the programs and exit")
    args = ap.parse_args(argv)
    if args.reps is None:
        args.reps = 1 if args.quick else 5
    if args.timeout is None:
        args.timeout = 60.0 if args.quick else 300.0
    if args.threads is None:
        args.thread_list = [1, 2] if args.quick else default_threads()
    else:
        try:
            args.thread_list = sorted(set(int(x) for x in args.threads.split(",") if x.strip()))
        except ValueError:
            ap.error("--threads takes comma-separated integers")
        if not args.thread_list or min(args.thread_list) < 1:
            ap.error("--threads must list positive integers")
    if 1 not in args.thread_list:
        args.thread_list = [1] + args.thread_list   # efficiency needs the 1-thread time
    if args.reps < 1:
        ap.error("--reps must be at least 1")
    return args


def select(programs, patterns):
    if not patterns:
        return programs
    pats = [p for item in patterns for p in item.split(",") if p]
    chosen = {}
    for name, meta in programs.items():
        for p in pats:
            if fnmatch.fnmatch(name, p) or p in name or p == meta["kind"] or p == meta.get("group"):
                chosen[name] = meta
    return chosen


def write_outputs(data, args, stamp):
    os.makedirs(args.out, exist_ok=True)
    json_path = os.path.join(args.out, "bench-%s.json" % stamp)
    with open(json_path, "w") as f:
        json.dump(data, f, indent=1)
    shutil.copyfile(json_path, os.path.join(args.out, "latest.json"))
    html_path = None
    if not args.no_html:
        html_path = os.path.join(args.out, "bench-%s.html" % stamp)
        with open(html_path, "w") as f:
            f.write(report.html_report(data))
        shutil.copyfile(html_path, os.path.join(args.out, "latest.html"))
    return json_path, html_path


def verdict(data, strict):
    """Return (exit status, list of reasons)."""
    ref = data["options"]["ref"]
    reasons = []
    for s in data["samples"]:
        st = s["status"]
        where = "%s on %s at %d thread(s)" % (s["program"], s["interp"], s["threads"])
        if st == report.WRONG:
            reasons.append("WRONG ANSWER: " + where)
        elif st not in (report.OK, report.SKIPPED) and (s["interp"] == ref or strict):
            reasons.append("%s: %s" % (st, where))
    return (1 if reasons else 0), reasons


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)

    if args.from_json:
        with open(args.from_json) as f:
            data = json.load(f)
        print(report.markdown_table(data) if args.markdown else report.text_table(data))
        if not args.no_html:
            html_path = os.path.splitext(args.from_json)[0] + ".html"
            with open(html_path, "w") as f:
                f.write(report.html_report(data))
            print("HTML: " + html_path)
        return verdict(data, args.strict)[0]

    programs = select(discover_programs(), args.only)
    if args.list:
        for name, meta in programs.items():
            print("%-20s %-9s %-11s %s" % (name, meta["kind"], meta.get("group", ""), meta.get("about", "")))
        return 0
    if not programs:
        print("no program matches " + ", ".join(args.only), file=sys.stderr)
        return 2

    names = args.interp.split(",") if args.interp else \
        ["ftpy", "ftpy-gil", "python3"] + (["pypy3"] if shutil.which("pypy3") else [])
    interps = resolve_interpreters([n.strip() for n in names if n.strip()], os.path.abspath(args.ftpy))
    for it in interps:
        if it["available"]:
            it["version"] = probe_version(it)
    if args.ref not in [i["name"] for i in interps]:
        print("note: reference %s is not among the interpreters; ratios will be empty" % args.ref,
              file=sys.stderr)

    for name, meta in programs.items():
        meta["size"] = program_args(meta, 1, args.quick, args.size_factor)[1]

    jobs = []
    for name, meta in programs.items():
        tlist = args.thread_list if meta["kind"] == "threaded" else [1]
        for it in interps:
            for t in tlist:
                jobs.append((name, it["name"], t))
    by_name = {i["name"]: i for i in interps}

    started = time.strftime("%Y-%m-%d %H:%M:%S")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    data = {
        "format": 1,
        "started": started,
        "machine": machine_info(),
        "options": {"reps": args.reps, "threads": args.thread_list, "quick": args.quick,
                    "ref": args.ref, "seed": args.seed, "size_factor": args.size_factor,
                    "timeout": args.timeout, "argv": sys.argv,
                    "timing": "in-process bench-time when printed, else wall clock of the process"},
        "interpreters": interps,
        "programs": {n: {k: v for k, v in m.items() if k != "path"} for n, m in programs.items()},
        "samples": [],
    }

    progress = Progress(len(jobs) * args.reps)
    broken = {}       # (program, interp, threads) -> status of its first failure
    hangs = {}        # interp -> timeouts so far while it has had no successful run
    t_start = time.monotonic()
    for rep in range(args.reps):
        order = list(jobs)
        random.Random(args.seed * 100003 + rep).shuffle(order)
        for name, iname, threads in order:
            meta = programs[name]
            it = by_name[iname]
            cmd_args, size = program_args(meta, threads, args.quick, args.size_factor)
            progress.show("%s  %s  t=%d  rep %d/%d" % (name, iname, threads, rep + 1, args.reps))
            base = {"program": name, "interp": iname, "threads": threads, "rep": rep, "size": size}
            if not it["available"]:
                if rep == 0:
                    base.update(status=report.MISSING, argv=it["argv"], exit=None, wall=None,
                                time=None, rss_kb=None, stderr_tail=it["reason"])
                    data["samples"].append(base)
                continue
            key = (name, iname, threads)
            if hangs.get(iname, 0) >= 3 and not args.retry_failed:
                broken.setdefault(key, "3 timeouts of this interpreter and no successful run")
            if key in broken and not args.retry_failed:
                base.update(status=report.SKIPPED, argv=None, exit=None, wall=None, time=None,
                            rss_kb=None, stderr_tail="not re-run after " + broken[key])
                data["samples"].append(base)
                continue
            sample = run_once(it, meta, cmd_args, args.timeout)
            base.update(sample)
            data["samples"].append(base)
            if sample["status"] == report.OK:
                hangs[iname] = -10 ** 9     # it works: never give up on it wholesale
            elif sample["status"] == report.TIMEOUT:
                hangs[iname] = hangs.get(iname, 0) + 1
            if sample["status"] != report.OK:
                broken.setdefault(key, sample["status"])
                if sample["status"] == report.WRONG or iname == args.ref:
                    tail = (sample.get("stderr_tail") or "").strip().splitlines()[-1:] or [""]
                    progress.note("%s: %s on %s at %d thread(s): %s"
                                  % (sample["status"].upper(), name, iname, threads, tail[0][:200]))
    progress.finish()
    data["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    data["elapsed_s"] = round(time.monotonic() - t_start, 2)

    print("ftpy benchmarks: %d programs, interpreters %s, threads %s, %d rep(s), %.1f s"
          % (len(programs), ", ".join(i["name"] + ("" if i["available"] else " (n/a)") for i in interps),
             ",".join(map(str, args.thread_list)), args.reps, data["elapsed_s"]))
    print()
    print(report.markdown_table(data) if args.markdown else report.text_table(data))
    json_path, html_path = write_outputs(data, args, stamp)
    print("JSON: " + os.path.relpath(json_path))
    if html_path:
        print("HTML: " + os.path.relpath(html_path))
    status, reasons = verdict(data, args.strict)
    unsupported = sorted({(s["interp"], s["status"]) for s in data["samples"]
                          if s["status"] in (report.FAIL, report.TIMEOUT, report.MISSING)
                          and s["interp"] != args.ref})
    if unsupported and not args.strict:
        print("not fatal (use --strict to fail on these): " +
              ", ".join("%s %s" % u for u in unsupported))
    for r in reasons[:20]:
        print(r, file=sys.stderr)
    if len(reasons) > 20:
        print("... and %d more" % (len(reasons) - 20), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
