# sqlite3 with threads: a connection shared with check_same_thread=False,
# one connection a thread on a file database (writers waiting on the lock),
# a thread blocked on a locked database while others run (and a collection
# stops the world), interrupt() from another thread. Output is deterministic.
import gc
import os
import shutil
import sqlite3
import tempfile
import threading

# 1. One connection, many threads, each with its own cursor. The threads
# take turns through `lk`: unguarded, CPython 3.11 itself may hand one
# statement to two threads and lose rows or fail ("no more rows available"),
# so its output would not be deterministic. ftpy's unguarded sharing is
# tests/stress/sqlite3_shared_connection.py.
shared = sqlite3.connect(":memory:", check_same_thread=False)
shared.execute("create table t(thread integer, i integer)")
N_THREADS, N_ROWS = 6, 150
lk = threading.Lock()

def inserter(k):
    cur = shared.cursor()
    for i in range(N_ROWS):
        with lk:
            cur.execute("insert into t values (?, ?) -- %d" % k, (k, i))
            if i % 50 == 49:
                shared.commit()
    with lk:
        shared.commit()

threads = [threading.Thread(target=inserter, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("shared rows", shared.execute("select count(*), count(distinct thread), sum(i) from t").fetchone())

# Readers iterating their own cursors while a writer adds rows.
def reader(out, k):
    total = 0
    for _ in range(20):
        with lk:
            for (n,) in shared.execute("select count(*) from t where thread = ? -- %d" % k, (k,)):
                total += n
    out[k] = total

out = {}
readers = [threading.Thread(target=reader, args=(out, k)) for k in range(N_THREADS)]
for t in readers:
    t.start()
for t in readers:
    t.join()
print("reader totals", sorted(out.values()))

# 2. A file database, one connection a thread, immediate transactions.
tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, "threads.db")
    setup = sqlite3.connect(path)
    setup.execute("create table log(worker integer, n integer)")
    setup.commit()
    setup.close()

    def file_writer(k):
        con = sqlite3.connect(path, timeout=30, isolation_level="IMMEDIATE")
        for n in range(25):
            with con:
                con.execute("insert into log values (?, ?)", (k, n))
        con.close()

    writers = [threading.Thread(target=file_writer, args=(k,)) for k in range(4)]
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    check = sqlite3.connect(path)
    print("file rows", check.execute("select count(*), count(distinct worker) from log").fetchone())

    # 3. The main thread holds an exclusive lock; a worker blocks in SQLite's
    # busy wait (detached) while the main thread keeps running Python and
    # stops the world for a collection.
    check.isolation_level = None
    check.execute("begin exclusive")
    started = threading.Event()
    events = []

    def blocked_writer():
        con = sqlite3.connect(path, timeout=30)
        started.set()
        con.execute("insert into log values (99, 0)")  # waits for the lock
        con.commit()
        events.append("writer done")
        con.close()

    w = threading.Thread(target=blocked_writer)
    w.start()
    started.wait()
    total = 0
    for i in range(200000):
        total += i
    gc.collect()
    events.append("main ran %d" % total)
    check.execute("commit")
    w.join()
    print(events)
    print("after unlock", check.execute("select count(*) from log where worker = 99").fetchone())
    check.close()
finally:
    shutil.rmtree(tmp)

# 4. interrupt() from another thread stops a long query.
icon = sqlite3.connect(":memory:", check_same_thread=False)
running = threading.Event()
icon.set_progress_handler(lambda: running.set() and 0, 1000)
result = []

def long_query():
    try:
        icon.execute("with recursive c(x) as (select 1 union all select x + 1 from c) "
                     "select count(*) from c").fetchone()
        result.append("finished?")
    except sqlite3.OperationalError as e:
        result.append(str(e))

q = threading.Thread(target=long_query)
q.start()
running.wait()
icon.interrupt()
q.join()
print("interrupt", result)
icon.set_progress_handler(None, 0)
print(icon.execute("select 1").fetchone())

# 5. User functions running in several threads at once, a connection each
# (CPython 3.11 can deadlock between its GIL and SQLite's mutex when threads
# share a connection that calls back into Python).
sums = []
lock = threading.Lock()

def use_function(k):
    fcon = sqlite3.connect(":memory:")
    fcon.create_function("sq", 1, lambda v: v * v)
    s = 0
    for i in range(100):
        s += fcon.execute("select sq(?)", (i + k,)).fetchone()[0]
    fcon.close()
    with lock:
        sums.append(s)

fs = [threading.Thread(target=use_function, args=(k,)) for k in range(4)]
for t in fs:
    t.start()
for t in fs:
    t.join()
print("function sums", sorted(sums))
