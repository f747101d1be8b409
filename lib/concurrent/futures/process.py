"""ProcessPoolExecutor for ftpy: the same interface as CPython's, with the
calls run by a pool of threads.

ftpy has no multiprocessing, and its threads already run Python code in
parallel on all cores, so the point of a process pool (escaping a GIL) is
served by threads.  Programs that import ProcessPoolExecutor and map or
submit pure functions behave as under CPython.  What differs: workers share
the parent's memory (a worker's change to a global is seen by the parent)
and arguments and results are not pickled."""

import os

from concurrent.futures import _base
from concurrent.futures.thread import ThreadPoolExecutor


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a worker of a ProcessPoolExecutor failed badly."""


class ProcessPoolExecutor(ThreadPoolExecutor):
    """Executor with CPython's ProcessPoolExecutor signature, run on
    threads (see the module docstring)."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            if max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        super().__init__(max_workers, 'ProcessPoolExecutor',
                         initializer, initargs)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)
