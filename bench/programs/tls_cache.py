# Seed workload: a per-thread memo cache kept in a threading.local dict.
# Each thread computes f(k) for k = i % 509 over W calls, caching results in
# its own dict. Checked: every thread missed exactly 509 times (its cache was
# its own, not shared or lost), and the sum of f matches a direct computation.
import threading
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 5000000, "quick": 50000,
         "about": "threading.local dict cache, hit on almost every call"}

KEYS = 509
local = threading.local()


def slow_f(k):
    return (k * k * 31 + 7) % 1009


def cached_f(k):
    cache = local.cache
    v = cache.get(k)
    if v is None:
        local.misses += 1
        v = slow_f(k)
        cache[k] = v
    return v


def worker(work, tid):
    local.cache = {}
    local.misses = 0
    total = 0
    for i in range(work):
        total += cached_f(i % KEYS)
    return total, local.misses, len(local.cache)


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    full, rest = divmod(w, KEYS)
    want = 0
    for k in range(KEYS):
        want += slow_f(k) * (full + (1 if k < rest else 0))
    distinct = min(w, KEYS)
    for total, misses, size in results:
        benchlib.check_equal(misses, distinct, "cache misses per thread")
        benchlib.check_equal(size, distinct, "cache size per thread")
        benchlib.check_equal(total, want, "sum of f")
    benchlib.report(elapsed)


main()
