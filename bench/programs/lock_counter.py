# Seed workload, serial by design: N threads each increment one shared
# counter W times, each increment under one shared threading.Lock. Checked:
# no update is lost (the counter ends at N*W). Reports throughput
# (bench-ops = increments); the interesting comparison is ftpy without the
# GIL against ftpy -X gil=1, not the scaling efficiency.
import threading
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 3000000, "quick": 30000,
         "about": "Lock-protected shared counter (serial: throughput, no lost update)"}


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()


counter = Counter()


def worker(work, tid):
    lock = counter.lock
    for _ in range(work):
        with lock:
            counter.value += 1
    return work


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    n = opts["threads"]
    w = opts["work"]
    results, elapsed = benchlib.run_threads(n, worker, w)
    benchlib.check_equal(sum(results), n * w, "increments done")
    benchlib.check_equal(counter.value, n * w, "counter (lost updates?)")
    benchlib.report(elapsed, ops=n * w)


main()
