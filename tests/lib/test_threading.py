from harness import mine, eq, true, raises, host
threading = mine('threading')
queue = mine('queue')
cf = mine('concurrent.futures')
import time
import sys
import io


def test_thread_basics():
    out = []
    t = threading.Thread(target=out.append, args=(1,))
    true(repr(t).startswith('<Thread(Thread-') and repr(t).endswith(' (append), initial)>'), repr(t))
    true(not t.is_alive())
    t.start()
    t.join()
    eq(out, [1])
    true(not t.is_alive())
    true(isinstance(t.ident, int) and isinstance(t.native_id, int))
    true(repr(t).endswith(', stopped %d)>' % t.ident), repr(t))
    with raises(RuntimeError, 'threads can only be started once'):
        t.start()
    t2 = threading.Thread(target=lambda: None, name='X', daemon=True)
    eq(repr(t2), '<Thread(X, initial daemon)>')
    with raises(RuntimeError, 'cannot join thread before it is started'):
        t2.join()
    eq(threading.current_thread().name, 'MainThread')
    true(threading.current_thread() is threading.main_thread())
    with raises(RuntimeError, 'cannot join current thread'):
        threading.current_thread().join()
    true(repr(threading.main_thread()).startswith('<_MainThread(MainThread, started '))

    class Sub(threading.Thread):
        def run(self):
            self.result = threading.current_thread() is self
    s = Sub()
    s.start()
    s.join()
    true(s.result)


def test_join_timeout_and_enumerate():
    ev = threading.Event()
    t = threading.Thread(target=ev.wait)
    t.start()
    true(t in threading.enumerate())
    eq(threading.active_count(), len(threading.enumerate()))
    t0 = time.monotonic()
    t.join(0.1)
    true(time.monotonic() - t0 >= 0.09)
    true(t.is_alive())
    ev.set()
    t.join()
    true(t not in threading.enumerate())


def test_parallel_counter_with_lock():
    lock = threading.Lock()
    n = [0]

    def work():
        for _ in range(5000):
            with lock:
                n[0] += 1
    ts = [threading.Thread(target=work) for _ in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    eq(n[0], 40000)


def test_rlock_condition():
    for r in (threading.RLock(), threading._PyRLock()):
        with r:
            with r:
                true(r._is_owned())
        true(not r._is_owned())
        with raises(RuntimeError):
            r.release()
    cond = threading.Condition()
    items = []

    def consumer():
        with cond:
            cond.wait_for(lambda: items)
            items.append('seen')
    t = threading.Thread(target=consumer)
    t.start()
    time.sleep(0.02)
    with cond:
        items.append('x')
        cond.notify()
    t.join(5)
    eq(items, ['x', 'seen'])
    with cond:
        eq(cond.wait(0.01), False)
    with raises(RuntimeError, 'cannot notify on un-acquired lock'):
        cond.notify()
    c2 = threading.Condition(threading.Lock())
    with raises(RuntimeError, 'cannot wait on un-acquired lock'):
        c2.wait()


def test_semaphores_event_barrier():
    s = threading.Semaphore(2)
    true(s.acquire() and s.acquire())
    true(not s.acquire(timeout=0.01))
    true(not s.acquire(blocking=False))
    s.release(2)
    true(repr(s).endswith(': value=2>'))
    b = threading.BoundedSemaphore(1)
    with raises(ValueError, 'Semaphore released too many times'):
        b.release()
    e = threading.Event()
    true(repr(e).endswith(': unset>'))
    true(not e.wait(0.01))
    e.set()
    true(e.wait() and e.is_set())

    bar = threading.Barrier(3, action=lambda: hits.append('action'))
    hits = []
    res = []

    def w():
        res.append(bar.wait())
    ts = [threading.Thread(target=w) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    eq(sorted(res), [0, 1, 2])
    eq(hits, ['action'])
    bar2 = threading.Barrier(2)
    with raises(threading.BrokenBarrierError):
        bar2.wait(0.05)
    true(bar2.broken)


def test_timer_local():
    fired = []
    t = threading.Timer(0.01, fired.append, args=['x'])
    t.start()
    t.join()
    eq(fired, ['x'])
    t = threading.Timer(5, fired.append, args=['y'])
    t.start()
    t.cancel()
    t.join()
    eq(fired, ['x'])
    loc = threading.local()
    loc.v = 'main'
    seen = []

    def f():
        seen.append(hasattr(loc, 'v'))
        loc.v = 'thread'
    th = threading.Thread(target=f)
    th.start()
    th.join()
    eq((seen, loc.v), ([False], 'main'))


def test_excepthook_format():
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    try:
        def boom():
            raise ValueError('boom')
        t = threading.Thread(target=boom, name='Worker')
        t.start()
        t.join()
    finally:
        sys.stderr = old
    s = buf.getvalue()
    true(s.startswith('Exception in thread Worker:\nTraceback (most recent call last):\n'), s)
    true(s.endswith("    raise ValueError('boom')\nValueError: boom\n"), s)
    seen = []
    old_hook = threading.excepthook
    threading.excepthook = seen.append
    try:
        t = threading.Thread(target=boom)
        t.start()
        t.join()
    finally:
        threading.excepthook = old_hook
    eq(seen[0].exc_type, ValueError)
    true(seen[0].thread is t)


def test_queue():
    q = queue.Queue(maxsize=2)
    q.put(1)
    q.put(2)
    true(q.full())
    with raises(queue.Full):
        q.put(3, timeout=0.01)
    with raises(queue.Full):
        q.put_nowait(3)
    eq([q.get(), q.get()], [1, 2])
    with raises(queue.Empty):
        q.get(timeout=0.01)
    with raises(ValueError, "'timeout' must be a non-negative number"):
        q.get(timeout=-1)
    lq = queue.LifoQueue()
    for i in range(3):
        lq.put(i)
    eq([lq.get() for _ in range(3)], [2, 1, 0])
    pq = queue.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put((x, str(x)))
    eq([pq.get()[0] for _ in range(3)], [1, 3, 5])
    for SQ in (queue.SimpleQueue, queue._PySimpleQueue):
        sq = SQ()
        sq.put(1)
        eq(sq.qsize(), 1)
        eq(sq.get(), 1)
        with raises(queue.Empty):
            sq.get(timeout=0.01)
        with raises(queue.Empty):
            sq.get_nowait()

    q = queue.Queue()
    done = []

    def worker():
        while True:
            item = q.get()
            if item is None:
                q.task_done()
                break
            done.append(item * 2)
            q.task_done()
    ts = [threading.Thread(target=worker) for _ in range(4)]
    for t in ts:
        t.start()
    for i in range(100):
        q.put(i)
    q.join()
    for t in ts:
        q.put(None)
    for t in ts:
        t.join()
    eq(sorted(done), [i * 2 for i in range(100)])
    with raises(ValueError, 'task_done() called too many times'):
        q.task_done()
    q.shutdown()
    with raises(queue.ShutDown):
        q.put(1)


def test_futures_basic():
    with cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix='pool') as ex:
        fs = [ex.submit(pow, 2, i) for i in range(10)]
        eq([f.result() for f in fs], [2 ** i for i in range(10)])
        eq(list(ex.map(lambda x, y: x * y, range(5), range(5))), [0, 1, 4, 9, 16])
        names = set(ex.map(lambda _: threading.current_thread().name, range(20)))
        true(all(n.startswith('pool_') for n in names), names)
        f = ex.submit(lambda: 1 / 0)
        with raises(ZeroDivisionError):
            f.result()
        true(isinstance(f.exception(), ZeroDivisionError))
        true(f.done() and not f.cancelled())
        true(repr(f).endswith('state=finished raised ZeroDivisionError>'))
    with raises(RuntimeError, 'cannot schedule new futures after shutdown'):
        ex.submit(abs, 1)


def test_futures_wait_as_completed():
    ev = threading.Event()
    with cf.ThreadPoolExecutor(2) as ex:
        slow = ex.submit(ev.wait, 5)
        fast = ex.submit(lambda: 'fast')
        done, not_done = cf.wait([slow, fast], return_when=cf.FIRST_COMPLETED)
        true(fast in done and slow in not_done)
        done, not_done = cf.wait([slow], timeout=0.02)
        eq((len(done), len(not_done)), (0, 1))
        with raises(cf.TimeoutError):
            slow.result(timeout=0.01)
        ev.set()
        done, not_done = cf.wait([slow, fast])
        eq(len(done), 2)
        bad = ex.submit(lambda: [][1])
        done, _ = cf.wait([bad, ex.submit(time.sleep, 0.05)], return_when=cf.FIRST_EXCEPTION)
        true(bad in done)
        fs = [ex.submit(time.sleep, d) or d for d in ()]
        fs = {ex.submit(lambda d=d: (time.sleep(d), d)[1]): d for d in (0.06, 0.0, 0.03)}
        order = [f.result() for f in cf.as_completed(fs)]
        eq(sorted(order), [0.0, 0.03, 0.06])
        eq(order[0], 0.0)
    gate = threading.Event()
    with cf.ThreadPoolExecutor(1) as ex:
        ex.submit(gate.wait, 5)
        g = ex.submit(lambda: 'never')
        with raises(cf.TimeoutError):
            list(cf.as_completed([g], timeout=0.02))
        true(g.cancel())
        true(g.cancelled())
        with raises(cf.CancelledError):
            g.result()
        gate.set()


def test_future_object_and_map_timeout():
    f = cf.Future()
    true(repr(f).endswith('state=pending>'))
    calls = []
    f.add_done_callback(lambda fut: calls.append(fut.result()))
    true(f.set_running_or_notify_cancel())
    true(f.running())
    true(not f.cancel())
    f.set_result(5)
    eq(calls, [5])
    f.add_done_callback(lambda fut: calls.append('late'))
    eq(calls, [5, 'late'])
    with raises(cf.InvalidStateError):
        f.set_result(6)
    with cf.ThreadPoolExecutor(2) as ex:
        it = ex.map(time.sleep, [0.5, 0.5], timeout=0.05)
        with raises(cf.TimeoutError):
            list(it)
    with cf.ThreadPoolExecutor(1) as ex:
        gate = threading.Event()
        ex.submit(gate.wait, 5)
        pend = [ex.submit(abs, -1) for _ in range(3)]
        gate.set()
        ex.shutdown(wait=True, cancel_futures=True)
    true(all(p.done() for p in pend))


def test_futures_initializer():
    seen = []
    with cf.ThreadPoolExecutor(2, initializer=seen.append, initargs=('init',)) as ex:
        ex.submit(abs, 1).result()
    true(seen and seen[0] == 'init')
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        ex = cf.ThreadPoolExecutor(1, initializer=lambda: 1 / 0)
        f = ex.submit(abs, 1)
        with raises(cf.thread.BrokenThreadPool):
            f.result(timeout=5)
        ex.shutdown()
    finally:
        sys.stderr = old


def test_shutdown_joins_non_daemon_at_exit():
    out = host('''
import sys
sys.path.insert(0, %r)
import threading, time
print(threading.__file__.startswith(%r))
def late():
    time.sleep(0.2)
    print('worker done', flush=True)
threading.Thread(target=late).start()
import concurrent.futures as cf
ex = cf.ThreadPoolExecutor(2)
ex.submit(lambda: (time.sleep(0.1), print('pool done', flush=True)))
print('main done', flush=True)
''' % (threading.__file__.rsplit('/', 1)[0], threading.__file__.rsplit('/', 1)[0]))
    eq(out, 'True\nmain done\npool done\nworker done\n')


def test_barrier_reset_abort():
    b = threading.Barrier(3)
    errors = []

    def waiter():
        try:
            b.wait()
        except threading.BrokenBarrierError:
            errors.append('broken')
    ts = [threading.Thread(target=waiter) for _ in range(2)]
    for t in ts:
        t.start()
    while b.n_waiting < 2:
        time.sleep(0.001)
    eq(b.n_waiting, 2)
    b.reset()
    for t in ts:
        t.join(5)
    eq(errors, ['broken', 'broken'])
    true(not b.broken)
    b.abort()
    true(b.broken)
    with raises(threading.BrokenBarrierError):
        b.wait()
    b.reset()
    res = []
    ts = [threading.Thread(target=lambda: res.append(b.wait())) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(5)
    eq(sorted(res), [0, 1, 2])
    with raises(ValueError, 'parties must be >= 1'):
        threading.Barrier(0)
