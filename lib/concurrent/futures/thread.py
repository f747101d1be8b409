"""ThreadPoolExecutor (ftpy): a pool of worker threads that, on ftpy,
run the submitted calls in parallel.

Design: one SimpleQueue of jobs per pool; `None` in the queue tells one
worker to stop (each stopping worker passes it on).  submit() starts a new
worker when the idle workers are fewer than the jobs waiting in the queue:
a worker counts itself idle before it takes a job, so `idle > 0` alone
would let a job that a just-started worker is about to take hide a second
one (which would then wait behind a long first job).  Pools that are still
running at interpreter exit are stopped and joined by _stop_all_pools(),
registered with threading._register_atexit so it runs before the
interpreter joins other non-daemon threads."""

import itertools
import queue
import threading
import types
from _weakref import ref as _weakref_ref

from concurrent.futures import _base

_live_pools_lock = threading.Lock()
_live_pools = {}        # id(pool) -> (job queue, set of worker threads)
_exiting = False


def _stop_all_pools():
    global _exiting
    with _live_pools_lock:
        _exiting = True
        pools = list(_live_pools.values())
    for jobs, workers in pools:
        jobs.put(None)
    for jobs, workers in pools:
        for t in list(workers):
            t.join()


threading._register_atexit(_stop_all_pools)


class _Job:
    __slots__ = ('future', 'fn', 'args', 'kwargs')

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        future = self.future
        if not future.set_running_or_notify_cancel():
            return
        try:
            value = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(value)

    __class_getitem__ = classmethod(types.GenericAlias)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool cannot run work."""


def _default_workers():
    try:
        import posix
        n = posix.cpu_count()
    except (ImportError, AttributeError):
        n = None
    return min(32, (n or 1) + 4)


def _worker_main(pool_ref, jobs, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log_exception('Exception in initializer:')
            pool = pool_ref()
            if pool is not None:
                pool._break()
            return
    while True:
        pool = pool_ref()
        if pool is not None:
            pool._set_idle(+1)
        del pool
        job = jobs.get()
        pool = pool_ref()
        if pool is not None:
            pool._set_idle(-1, job is not None)
        del pool
        if job is None:
            jobs.put(None)      # let the next worker see it too
            return
        try:
            job.run()
        except BaseException:
            _base._log_exception('Exception in worker')
        del job


class ThreadPoolExecutor(_base.Executor):
    """Executor running calls in up to max_workers threads (default
    min(32, cpu_count + 4)).  Workers are named '<prefix>_<n>' and run
    initializer(*initargs) first."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _default_workers()
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._max_workers = max_workers
        self._thread_name_prefix = (thread_name_prefix or
                                    'ThreadPoolExecutor-%d' % self._counter())
        self._initializer = initializer
        self._initargs = initargs
        self._jobs = queue.SimpleQueue()
        self._threads = set()
        self._lock = threading.Lock()
        self._idle = 0          # workers waiting for (or about to take) a job
        self._queued = 0        # jobs in self._jobs (stop markers not counted)
        self._shutdown = False
        self._broken = False

    def _set_idle(self, delta, took_job=False):
        with self._lock:
            self._idle += delta
            if took_job:
                self._queued -= 1

    def _break(self):
        with self._lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
        self._drain(lambda job: job.future.set_exception(BrokenThreadPool(self._broken)))

    def _drain(self, action):
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is None:
                self._jobs.put(None)
                return
            with self._lock:
                self._queued -= 1
            action(job)

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return its Future."""
        with self._lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exiting:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            future = _base.Future()
            self._jobs.put(_Job(future, fn, args, kwargs))
            self._queued += 1
            need_worker = (self._idle < self._queued and
                           len(self._threads) < self._max_workers)
            if need_worker:
                self._start_worker()
        return future

    def _start_worker(self):
        jobs = self._jobs

        def collected(_ref, jobs=jobs):
            jobs.put(None)   # the pool is gone: stop its workers

        name = '%s_%d' % (self._thread_name_prefix, len(self._threads))
        t = threading.Thread(name=name, target=_worker_main,
                             args=(_weakref_ref(self, collected), jobs,
                                   self._initializer, self._initargs))
        t.daemon = True
        self._threads.add(t)
        with _live_pools_lock:
            _live_pools[id(self)] = (jobs, self._threads)
        t.start()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting work; with cancel_futures, cancel calls that have
        not started; with wait, join the workers."""
        with self._lock:
            self._shutdown = True
        if cancel_futures:
            self._drain(lambda job: job.future.cancel())
        self._jobs.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
            with _live_pools_lock:
                _live_pools.pop(id(self), None)
