# Shared helpers for ftpy's benchmark programs.
#
# Protocol between a program and bench/run.py (see docs/benchmarks.md):
#   - size comes from the command line: `--scale S` (single-thread and memory
#     programs) or `--threads N --work W` (threaded programs, W per thread);
#   - the program prints `bench-time: SECONDS` for its measured region, and
#     may print `bench-ops: COUNT` (operations done, for throughput) and
#     `bench-rss-kb: KB` (its peak RSS, from /proc/self/status);
#   - a wrong answer exits with status 3 (WRONG_ANSWER) and a message on
#     stderr; any other non-zero status means "could not run".
#
# Only plain language features are used here, so that a young interpreter
# can run it: no argparse, no f-strings, no dataclasses.

import sys
import time

WRONG_ANSWER = 3


def parse_args(defaults):
    """Parse `--name value` pairs into a dict of ints, starting from defaults."""
    opts = dict(defaults)
    argv = sys.argv[1:]
    i = 0
    while i < len(argv):
        arg = argv[i]
        if not arg.startswith("--") or i + 1 >= len(argv):
            usage(defaults, "bad argument: " + arg)
        name = arg[2:]
        if name not in opts:
            usage(defaults, "unknown option: " + arg)
        try:
            opts[name] = int(argv[i + 1])
        except ValueError:
            usage(defaults, "not an integer: " + argv[i + 1])
        i += 2
    return opts


def usage(defaults, message):
    sys.stderr.write(message + "\n")
    parts = []
    for name in defaults:
        parts.append("--" + name + " " + str(defaults[name]))
    sys.stderr.write("usage: " + sys.argv[0] + " " + " ".join(parts) + "\n")
    sys.exit(2)


def fail(message):
    """Report a wrong answer and exit with WRONG_ANSWER."""
    sys.stdout.flush()
    sys.stderr.write("SELF-CHECK FAILED: " + message + "\n")
    sys.stderr.flush()
    sys.exit(WRONG_ANSWER)


def check(condition, message):
    if not condition:
        fail(message)


def check_equal(got, expected, what):
    if got != expected:
        fail(what + ": got " + repr(got) + ", expected " + repr(expected))


def check_close(got, expected, tolerance, what):
    if not (abs(got - expected) <= tolerance):
        fail(what + ": got " + repr(got) + ", expected " + repr(expected)
             + " within " + repr(tolerance))


def clock():
    return time.perf_counter()


def peak_rss_kb():
    """Peak resident set of this process (VmHWM), or None where unavailable.

    The runner also gets ru_maxrss from wait4(), but on Linux that value
    never drops below the runner's own RSS at fork time (exec keeps the old
    high-water mark), so this exact per-image figure is preferred."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except Exception:  # noqa: BLE001 - no /proc, or no open() yet
        return None
    return None


def report(seconds, ops=None):
    print("bench-time: " + repr(seconds))
    if ops is not None:
        print("bench-ops: " + str(ops))
    rss = peak_rss_kb()
    if rss is not None:
        print("bench-rss-kb: " + str(rss))
    sys.stdout.flush()


def run_threads(nthreads, worker, work):
    """Run worker(work, tid) on nthreads threads at once; return (results, seconds).

    Each thread does the same amount of work (weak scaling). Threads wait on
    a common event so that they start together; the measured region is from
    the release of that event to the last join.
    """
    import threading
    results = [None] * nthreads
    errors = []
    ready = threading.Event()

    def body(tid):
        ready.wait()
        try:
            results[tid] = worker(work, tid)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = []
    for tid in range(nthreads):
        t = threading.Thread(target=body, args=(tid,))
        t.start()
        threads.append(t)
    start = clock()
    ready.set()
    for t in threads:
        t.join()
    elapsed = clock() - start
    if errors:
        raise errors[0]
    return results, elapsed


def run_pool(nthreads, worker, work):
    """Like run_threads, but through concurrent.futures.ThreadPoolExecutor:
    one task of size `work` per thread. The pool is created inside the
    measured region, as a user program would."""
    from concurrent.futures import ThreadPoolExecutor
    start = clock()
    with ThreadPoolExecutor(max_workers=nthreads) as pool:
        futures = []
        for tid in range(nthreads):
            futures.append(pool.submit(worker, work, tid))
        results = []
        for f in futures:
            results.append(f.result())
    elapsed = clock() - start
    return results, elapsed


class Lcg:
    """A tiny deterministic generator (64-bit LCG) so that programs do not
    depend on the random module's exact algorithm."""

    def __init__(self, seed):
        self.state = (seed * 2862933555777941757 + 3037000493) & 0xFFFFFFFFFFFFFFFF

    def next_int(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n

    def next_float(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 11) / 9007199254740992.0
