# One sqlite3 connection (check_same_thread=False) hammered by threads that
# run the same SQL at once, call a Python user function and an aggregate from
# inside SQLite, iterate cursors, commit, and collect garbage. Every row must
# arrive exactly once and every sum must be exact (ftpy's statement cache
# never hands one prepared statement to two cursors).
import gc
import sqlite3
import threading

con = sqlite3.connect(":memory:", check_same_thread=False)
con.execute("create table t(k integer, i integer)")
con.create_function("sq", 1, lambda v: v * v)

class Total:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def finalize(self):
        return self.n

con.create_aggregate("total", 1, Total)
N_THREADS, N = 6, 1000
errors = []

def worker(k):
    try:
        cur = con.cursor()
        for i in range(N):
            cur.execute("insert into t values (?, ?)", (k, i))
            if i % 100 == 99:
                con.commit()
                gc.collect()
        con.commit()
        s = 0
        for (v,) in con.execute("select sq(i) from t where k = ?", (k,)):
            s += v
        assert s == sum(i * i for i in range(N)), s
        (tot,) = con.execute("select total(i) from t where k = ?", (k,)).fetchone()
        assert tot == sum(range(N)), tot
    except Exception as e:  # reported below
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
count, distinct = con.execute("select count(*), count(distinct k) from t").fetchone()
assert (count, distinct) == (N_THREADS * N, N_THREADS), (count, distinct)
con.close()
print("ok")
