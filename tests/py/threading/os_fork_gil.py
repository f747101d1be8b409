# os.fork under -X gil=1 and with a module-style GIL switch: the child takes
# over the GIL the forking thread held, and runs threads of its own.
import subprocess
import sys

CHILD = r'''
import os, sys, threading
stop = threading.Event()
count = [0]
def spin():
    while not stop.is_set():
        count[0] += 1
ts = [threading.Thread(target=spin) for _ in range(2)]
for t in ts: t.start()
while count[0] == 0:
    pass
results = []
for r in range(3):
    pid = os.fork()
    if pid == 0:
        out = []
        th = [threading.Thread(target=lambda k=k: out.append(k)) for k in range(3)]
        for t in th: t.start()
        for t in th: t.join()
        os._exit(20 + len(out) + r)
    _, st = os.waitpid(pid, 0)
    results.append(os.waitstatus_to_exitcode(st))
stop.set()
for t in ts: t.join()
print(results)
'''

for flags in (["-X", "gil=1"], ["-X", "gil=0"], []):
    p = subprocess.run([sys.executable, *flags, "-c", CHILD], capture_output=True, text=True, timeout=120)
    print(flags, p.returncode, p.stdout.strip(), p.stderr.strip())
