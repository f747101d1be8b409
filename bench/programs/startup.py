# Start-up: the runner starts the interpreter `scale` times in a row with
# `-c pass` and times the whole (kind "startup", see bench/run.py's
# run_startup), so the ratio compares `ftpy -c pass` with `python3 -c pass`:
# process creation, runtime initialisation, the site/path set-up and
# shut-down. This file only declares the program; run directly, it does the
# same measurement with the interpreter running it.
import subprocess
import sys
import time

BENCH = {"kind": "startup", "scale": 40, "quick": 5, "code": "pass",
         "about": "start-up and shut-down: `-c pass`, run scale times"}

if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else BENCH["scale"]
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run([sys.executable, "-c", BENCH["code"]], check=True)
    print("bench-time: %.6f" % (time.perf_counter() - start))
