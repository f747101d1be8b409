#!/usr/bin/env python3
"""Crash fuzzer for ftpy: hunts for crashes (signals, sanitizer reports,
fatal errors), hangs and internal errors (SystemError, "internal error").
Comparing output with python3 is not its job.

usage:
  fuzz.py --ftpy build-asan/ftpy [--strategy api|source|both] [--seed N]
          [--runs N | --minutes M] [--calls N] [--batch N] [--out DIR]
  fuzz.py --ftpy build/ftpy --smoke        # the bounded run the suite uses

Strategies (tools/fuzz/README.md has more):
  api     api_child.py calls built-ins, methods of built-in types and
          native module functions with awkward arguments; --calls per child.
  source  mutate.py mutates tests/py programs; source_child.py compiles
          each and runs the safe ones; --batch programs per child.
Every run is deterministic from its seed (run k of --seed S uses S+k).
A failing run is minimised (which calls or programs it needs) and written
to --out as a .txt report with a replay command; the same failure (same
place, same kind) is reported once. Exit status 1 if anything was found.
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import mutate  # noqa: E402

CRASH_MARKERS = ("ERROR: AddressSanitizer", "runtime error:", "Fatal Python error",
                 "Assertion", "terminate called", "ERROR: LeakSanitizer", "internal error",
                 "SUMMARY: UndefinedBehaviorSanitizer", "pure virtual method")


def is_asan(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()  # libasan is linked dynamically


class Child:
    """How to start the interpreter under test: limits, environment."""

    def __init__(self, binary, timeout, mem_mb):
        self.binary = os.path.abspath(binary)
        self.timeout = timeout
        self.mem_mb = mem_mb
        self.asan = is_asan(self.binary)
        self.env = dict(os.environ)
        self.env["PYTHONHASHSEED"] = "0"  # same set order, same calls
        self.env.pop("PYTHONPATH", None)
        if self.asan:
            # ASan reserves terabytes of address space, so RLIMIT_AS cannot
            # cap it; its own limits make a huge request fail (MemoryError)
            # instead of eating the machine.
            self.env["ASAN_OPTIONS"] = ("detect_leaks=0:allocator_may_return_null=1:"
                                        "max_allocation_size_mb=%d:hard_rss_limit_mb=%d:"
                                        "abort_on_error=0:symbolize=1" % (mem_mb // 2, mem_mb))
            self.env["UBSAN_OPTIONS"] = "print_stacktrace=1"

    def _limits(self):
        if not self.asan:
            resource.setrlimit(resource.RLIMIT_AS, (self.mem_mb << 20, self.mem_mb << 20))
        # Deep but legal recursion under ASan needs a big C++ stack (Makefile's
        # test-asan does the same).
        try:
            resource.setrlimit(resource.RLIMIT_STACK, (64 << 20, 64 << 20))
        except (ValueError, OSError):
            pass
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.setsid()

    def run(self, argv, cwd, timeout=None):
        """Returns (status, stderr): status is an int exit code, a negative
        signal number, or "timeout"."""
        timeout = timeout or self.timeout
        proc = subprocess.Popen([self.binary] + argv, cwd=cwd, env=self.env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, preexec_fn=self._limits)
        try:
            _, err = proc.communicate(timeout=timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            _, err = proc.communicate()
            status = "timeout"
        return status, err.decode("utf-8", "replace")


def read_log(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def classify(status, err):
    """'crash', 'hang', 'error' (the child failed without a crash), 'oom'
    (not a finding) or None."""
    if status == "timeout":
        return "hang"
    # ASan's operator new cannot return null, so a request over the child's
    # memory limit ends the process; the release build raises MemoryError
    # there (runtime/heap.cpp's operator new), so this is not a finding.
    if re.search(r"AddressSanitizer: (out-of-memory|allocation-size-too-big|"
                 r"requested allocation size)|rss-limit-exceeded|"
                 r"allocator is out of memory", err):
        return "oom"
    if isinstance(status, int) and status < 0:
        return "crash"
    if any(m in err for m in CRASH_MARKERS):
        return "crash"
    if status != 0:
        return "error"
    return None


def top_frame(err):
    """The first ftpy frame of a sanitizer stack, for telling crashes apart."""
    for line in err.splitlines():
        m = re.match(r"\s*#\d+ 0x[0-9a-f]+ in (\S+)", line)
        if m and not re.search(r"__asan|__sanitizer|__interceptor|__ubsan|libc|^_?_?GI|"
                               r"mi_|abort|raise|memcpy|memmove|memset|strlen", m.group(1)):
            return m.group(1)
    m = re.search(r"(\S+:\d+:\d+: runtime error: [^\n]*)", err)
    if m:
        return m.group(1)
    return ""


def err_kind(err):
    m = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", err)
    if m:
        return m.group(1)
    if "runtime error:" in err:
        return "ubsan"
    m = re.search(r"Fatal Python error: ([^\n]*)", err)
    if m:
        return "fatal"
    return ""


def ddmin(items, still_fails, budget):
    """Zeller's delta debugging: a small subset of items (the last one,
    which failed, always kept) for which still_fails holds."""
    last = items[-1]
    rest = items[:-1]
    n = 2
    while rest and budget[0] > 0:
        chunk = max(1, len(rest) // n)
        reduced = False
        for start in range(0, len(rest), chunk):
            complement = rest[:start] + rest[start + chunk:]
            if budget[0] <= 0:
                break
            budget[0] -= 1
            if still_fails(complement + [last]):
                rest = complement
                n = max(n - 1, 2)
                reduced = True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(rest), n * 2)
    return rest + [last]


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.child = Child(args.ftpy, args.timeout, args.mem_mb)
        self.out = os.path.abspath(args.out)
        os.makedirs(self.out, exist_ok=True)
        self.seen = {}
        self.found = []
        self.work = tempfile.mkdtemp(prefix="ftpy-fuzz-")
        self.sources = sorted(
            os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(REPO, "tests", "py"))
            for f in fs if f.endswith(".py"))
        self.stats = {"runs": 0, "calls": 0, "programs": 0}

    # -- one child run ------------------------------------------------------
    def _fresh_dir(self):
        d = os.path.join(self.work, "cwd")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        return d

    def run_api(self, seed, ncalls, only=None, timeout=None):
        cwd = self._fresh_dir()
        logf = os.path.join(self.work, "api.log")
        if os.path.exists(logf):
            os.remove(logf)
        argv = [os.path.join(HERE, "api_child.py"), str(seed), str(ncalls), logf]
        if only is not None:
            onlyf = os.path.join(self.work, "only.txt")
            with open(onlyf, "w") as f:
                f.write("\n".join(map(str, only)))
            argv.append(onlyf)
        status, err = self.child.run(argv, cwd, timeout)
        return status, err, read_log(logf)

    def make_batch(self, seed, n):
        import random
        rng = random.Random(seed)
        items = []
        for _ in range(n):
            path = rng.choice(self.sources)
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                src = f.read()
            mutant = mutate.mutate(src, rng)
            items.append({"src": mutant, "bytes": rng.random() < 0.25,
                          "exec": mutate.safe_to_exec(mutant), "from": os.path.relpath(path, REPO)})
        return items

    def run_source(self, items, only=None, timeout=None):
        cwd = self._fresh_dir()
        batchf = os.path.join(self.work, "batch.json")
        with open(batchf, "w", encoding="utf-8") as f:
            json.dump(items, f, ensure_ascii=True)
        logf = os.path.join(self.work, "src.log")
        if os.path.exists(logf):
            os.remove(logf)
        argv = [os.path.join(HERE, "source_child.py"), batchf, logf]
        if only is not None:
            onlyf = os.path.join(self.work, "only.txt")
            with open(onlyf, "w") as f:
                f.write("\n".join(map(str, only)))
            argv.append(onlyf)
        status, err = self.child.run(argv, cwd, timeout)
        return status, err, read_log(logf)

    # -- reporting ----------------------------------------------------------
    def report(self, kind, key, text, files=None):
        if key in self.seen:
            self.seen[key] += 1
            return
        self.seen[key] = 1
        n = len(self.found) + 1
        name = "%03d-%s" % (n, re.sub(r"[^\w.-]+", "_", key)[:80])
        path = os.path.join(self.out, name + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        for fname, data in (files or {}).items():
            with open(os.path.join(self.out, name + fname), "w", encoding="utf-8") as f:
                f.write(data)
        self.found.append((kind, key, path))
        print("FOUND %s: %s -> %s" % (kind, key, path), flush=True)

    def check_syserr(self, what, seed, log_lines, describe):
        for line in log_lines:
            if line.startswith("SYSERR "):
                parts = line.split(" ", 2)
                i = int(parts[1])
                msg = parts[2] if len(parts) > 2 else ""
                key = "syserr " + re.sub(r"\d+", "N", msg)[:100]
                self.report("internal error", key,
                            "%s seed %d item %d\n%s\n\n%s\n" % (what, seed, i, describe(i), line))

    # -- api ------------------------------------------------------------------
    def api_run(self, seed):
        ncalls = self.args.calls
        status, err, lines = self.run_api(seed, ncalls)
        self.stats["runs"] += 1
        calls = [l for l in lines if l.startswith("CALL ")]
        self.stats["calls"] += len(calls)
        descs = {}
        for l in calls:
            _, i, d = l.split(" ", 2)
            descs[int(i)] = d
        self.check_syserr("api", seed, lines, lambda i: descs.get(i, ""))
        kind = classify(status, err)
        if kind is None and not any(l.startswith("DONE") for l in lines):
            kind = "error"  # ended early without a crash: the harness or its start-up failed
        if kind in (None, "oom"):
            return
        if not calls:
            self.report("error", "api start-up %s" % kind,
                        "api seed %d failed before its first call (%s)\n\n%s" % (seed, status, err[-6000:]))
            return
        last = int(calls[-1].split()[1])
        desc = descs[last]
        target = desc.split("(")[0]
        if kind == "hang" and self.args.ignore_hangs:
            return
        # Minimise: which earlier calls does this one need?
        budget = [self.args.min_budget]

        def fails(subset):
            st, e, ls = self.run_api(seed, last + 1, only=subset,
                                     timeout=self.child.timeout)
            cs = [l for l in ls if l.startswith("CALL ")]
            return classify(st, e) == kind and cs and int(cs[-1].split()[1]) == last

        executed = sorted(descs)
        if fails([last]):
            needed = [last]
        elif kind == "hang":
            needed = executed  # each try costs a whole timeout: not worth minimising
        else:
            needed = ddmin(executed, fails, budget)
            if not fails(needed):
                needed = executed
        key = "%s %s %s %s" % (kind, target, err_kind(err), top_frame(err))
        replay = ("cd $(mktemp -d) && printf '%s' > only.txt && PYTHONHASHSEED=0 %s %s %d %d log only.txt; cat log"
                  % ("\\n".join(map(str, needed)), self.child.binary,
                     os.path.join(HERE, "api_child.py"), seed, last + 1))
        text = ("api seed %d: %s at call %d\n%s\n\ncalls needed (%d): %s\n\n"
                "replay:\n  %s\n\ncalls:\n%s\n\nstatus %s, stderr:\n%s\n"
                % (seed, kind, last, desc, len(needed), needed, replay,
                   "\n".join("  %d %s" % (i, descs.get(i, "?")) for i in needed), status, err[-8000:]))
        self.report(kind, key, text)

    # -- source ---------------------------------------------------------------
    def source_run(self, seed):
        items = self.make_batch(seed, self.args.batch)
        status, err, lines = self.run_source(items)
        self.stats["runs"] += 1
        self.stats["programs"] += sum(1 for l in lines if l.startswith("COMPILE "))
        self.check_syserr("source", seed, lines,
                          lambda i: "from %s" % items[i]["from"])
        kind = classify(status, err)
        if kind is None and not any(l.startswith("DONE") for l in lines):
            kind = "error"
        if kind in (None, "oom"):
            return
        steps = [l for l in lines if l.startswith(("COMPILE ", "EXEC "))]
        if not steps:
            self.report("error", "source start-up %s" % kind,
                        "source seed %d failed before its first program (%s)\n\n%s" % (seed, status, err[-6000:]))
            return
        step, i = steps[-1].split()
        i = int(i)
        if kind == "hang" and (step == "EXEC" or self.args.ignore_hangs):
            return  # a mutated program may loop for ever; compiling may not

        def fails(subset):
            st, e, ls = self.run_source(items, only=subset)
            ss = [l for l in ls if l.startswith(("COMPILE ", "EXEC "))]
            return classify(st, e) == kind and ss and ss[-1] == "%s %d" % (step, i)

        budget = [self.args.min_budget]
        if fails([i]):
            needed = [i]
        else:
            needed = ddmin(list(range(i + 1)), fails, budget)
        if kind == "hang" and self._python_hangs_too_source(items[i]):
            return
        src = items[i]["src"]
        key = "%s %s %s %s" % (kind, step.lower(), err_kind(err), top_frame(err))
        text = ("source seed %d: %s in %s of program %d (a mutant of %s, %d chars, bytes=%s)\n"
                "programs needed: %s\nreplay: %s %s/source_child.py BATCH.json /dev/stderr\n"
                "(the program is beside this file as .py; run it with compile() or exec())\n\n"
                "status %s, stderr:\n%s\n"
                % (seed, kind, step, i, items[i]["from"], len(src), items[i]["bytes"], needed,
                   self.child.binary, HERE, status, err[-8000:]))
        self.report(kind, key, text, {".py": src})

    def _python_hangs_too_source(self, item):
        if not self.args.python:
            return False
        try:
            subprocess.run([self.args.python, "-c", "import sys; compile(sys.stdin.read(), 'f', 'exec')"],
                           input=item["src"].encode("utf-8", "surrogatepass"),
                           timeout=self.child.timeout, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            return False
        except subprocess.TimeoutExpired:
            return True

    # -- main loop --------------------------------------------------------------
    def go(self):
        a = self.args
        strategies = ["api", "source"] if a.strategy == "both" else [a.strategy]
        start = time.time()
        k = 0
        while True:
            if a.runs is not None and k >= a.runs:
                break
            if a.minutes is not None and time.time() - start > a.minutes * 60:
                break
            seed = a.seed + k
            for s in strategies:
                if s == "api":
                    self.api_run(seed)
                else:
                    self.source_run(seed)
            k += 1
            if not a.quiet:
                print("[%6.0fs] seeds %d..%d: %d runs, %d calls, %d programs, %d found"
                      % (time.time() - start, a.seed, seed, self.stats["runs"], self.stats["calls"],
                         self.stats["programs"], len(self.found)), flush=True)
        shutil.rmtree(self.work, ignore_errors=True)
        print("fuzzed %.0fs: %d runs, %d calls, %d programs; %d distinct findings"
              % (time.time() - start, self.stats["runs"], self.stats["calls"],
                 self.stats["programs"], len(self.found)))
        for kind, key, path in self.found:
            print("  %s: %s (%s, seen %d times)" % (kind, key, path, self.seen[key]))
        return 1 if self.found else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ftpy", required=True)
    p.add_argument("--strategy", choices=["api", "source", "both"], default="both")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=None, help="seeds to run (default: 10, or until --minutes)")
    p.add_argument("--minutes", type=float, default=None)
    p.add_argument("--calls", type=int, default=3000, help="api calls per child")
    p.add_argument("--batch", type=int, default=200, help="programs per source child")
    p.add_argument("--timeout", type=float, default=None, help="seconds per child (default 60, ASan 180)")
    p.add_argument("--mem-mb", type=int, default=4096, help="memory limit per child")
    p.add_argument("--min-budget", type=int, default=40, help="child runs to spend minimising one failure")
    p.add_argument("--python", default=shutil.which("python3"),
                   help="interpreter that tells a mutant ftpy cannot compile in time from one "
                        "nobody can (api hangs are reported for a person to judge: the call "
                        "lists differ between interpreters)")
    p.add_argument("--ignore-hangs", action="store_true")
    p.add_argument("--out", default="fuzz-out")
    p.add_argument("--smoke", action="store_true",
                   help="the suite's bounded run: fixed seeds, a few thousand calls and programs")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args()
    if a.smoke:
        # Fixed seeds, bounded: about 20 s on the release build.
        a.seed, a.runs, a.calls, a.batch, a.quiet = 1, 6, 3000, 150, True
        if a.out == "fuzz-out":
            a.out = tempfile.mkdtemp(prefix="ftpy-fuzz-smoke-")
    if a.runs is None and a.minutes is None:
        a.runs = 10
    if a.timeout is None:
        a.timeout = 180 if is_asan(a.ftpy) else 60
    sys.exit(Fuzzer(a).go())


if __name__ == "__main__":
    main()
