# Threads importing modules concurrently (vm/import.cpp's module locks):
#  1. two modules whose bodies each wait for the other's body to start can
#     only both finish if different modules import in parallel;
#  2. many threads importing one slow module all see it complete, and its
#     body runs once;
#  3. a module whose body starts a thread that imports other modules (and
#     joins it) during its own import;
#  4. a circular import started from both ends at once finishes (one side
#     gets the other module partially initialized, as in CPython);
#  5. a web of modules importing each other, imported from many threads in
#     random orders, while another thread keeps stopping the world if it can.
import os
import random
import sys
import threading
import time

tmp = "/tmp/ftpy-import-stress-%d" % os.getpid()
os.makedirs(tmp)
sys.path.insert(0, tmp)
shared = {"runs": 0, "a_started": threading.Event(), "b_started": threading.Event()}
sys.modules["import_stress_shared"] = type(sys)("import_stress_shared")
sys.modules["import_stress_shared"].shared = shared
lock = threading.Lock()


def write(name, text):
    with open(os.path.join(tmp, name + ".py"), "w") as f:
        f.write(text)


write("par_a", "from import_stress_shared import shared\nshared['a_started'].set()\n"
               "ok = shared['b_started'].wait(60)\n")
write("par_b", "from import_stress_shared import shared\nshared['b_started'].set()\n"
               "ok = shared['a_started'].wait(60)\n")
write("slow_once", "import time\nfrom import_stress_shared import shared\nshared['runs'] += 1\n"
                   "time.sleep(0.2)\nVALUE = 42\n")
write("leaf1", "X = 1\n")
write("leaf2", "import leaf1\nX = leaf1.X + 1\n")
write("starter", "import threading, importlib\nfound = []\n"
                 "def work():\n    found.append(importlib.import_module('leaf2').X)\n"
                 "t = threading.Thread(target=work)\nt.start()\nt.join()\nRESULT = found[0]\n")
write("cyc_a", "import time\ntime.sleep(0.1)\nimport cyc_b\nA = 1\n")
write("cyc_b", "import time\ntime.sleep(0.1)\nimport cyc_a\nB = 1\n")
N_WEB = 30
for i in range(N_WEB):
    deps = random.Random(i).sample(range(N_WEB), 3)
    body = "".join("import web%d\n" % d for d in deps)
    write("web%d" % i, body + "N = %d\nimport time\ntime.sleep(0.001)\n" % i)


def run_threads(n, target):
    errors = []

    def wrap(i):
        try:
            target(i)
        except BaseException as e:  # reported below
            with lock:
                errors.append(repr(e))

    ts = [threading.Thread(target=wrap, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(120)
        assert not t.is_alive(), "import thread hung"
    assert not errors, errors


try:
    # 1
    got = {}
    run_threads(2, lambda i: got.__setitem__(i, __import__("par_a" if i == 0 else "par_b").ok))
    assert got == {0: True, 1: True}, got

    # 2
    seen = []
    run_threads(8, lambda i: seen.append(__import__("slow_once").VALUE))
    assert seen == [42] * 8, seen
    assert shared["runs"] == 1, shared["runs"]

    # 3
    import starter
    assert starter.RESULT == 2

    # 4
    run_threads(2, lambda i: __import__("cyc_a" if i == 0 else "cyc_b"))
    import cyc_a, cyc_b
    assert cyc_a.A == 1 and cyc_b.B == 1

    # 5
    stop = threading.Event()
    try:
        import gc
        collect = gc.collect
    except ImportError:
        collect = None

    def churn():
        while not stop.is_set():
            if collect:
                collect()
            time.sleep(0.001)

    c = threading.Thread(target=churn)
    c.start()
    for round in range(3):
        for i in range(N_WEB):
            sys.modules.pop("web%d" % i, None)
        names = ["web%d" % i for i in range(N_WEB)]

        def importer(k):
            order = names[:]
            random.Random(k * 7 + round).shuffle(order)
            for n in order:
                m = __import__(n)
                assert m.N == int(n[3:]), (n, vars(m).keys())

        run_threads(8, importer)
    stop.set()
    c.join()
finally:
    for root, dirs, files in os.walk(tmp, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(tmp)
print("ok")
