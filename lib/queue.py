"""A multi-producer, multi-consumer queue (ftpy)."""

import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'ShutDown', 'Queue', 'PriorityQueue',
           'LifoQueue', 'SimpleQueue']


try:
    # A C++ _queue.SimpleQueue raises _queue.Empty: share the class.
    from _queue import Empty
except ImportError:
    class Empty(Exception):
        'Exception raised by Queue.get(block=0)/get_nowait().'
        pass
    # CPython's Empty is the C module's class: tracebacks and reprs say
    # '_queue.Empty'.
    Empty.__module__ = '_queue'


class Full(Exception):
    'put() found no room in a bounded queue.'
    pass


class ShutDown(Exception):
    '''The queue was shut down.'''


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """FIFO queue shared by threads.  maxsize <= 0 means unbounded.

    One lock guards the items; three conditions on it signal "an item
    arrived" (not_empty), "a slot freed up" (not_full) and "every task is
    done" (all_tasks_done).  Subclasses change the ordering by overriding
    _init, _qsize, _put and _get."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    def _await(self, cond, ready, block, timeout, exc):
        """With the mutex held, wait on cond until ready() (raising exc if
        not blocking or when the timeout ends, ShutDown if the queue shuts
        down while waiting)."""
        if ready():
            return
        if not block:
            raise exc
        _check_timeout(timeout)
        deadline = None if timeout is None else time() + timeout
        while not ready():
            if deadline is None:
                cond.wait()
            else:
                left = deadline - time()
                if left <= 0.0:
                    raise exc
                cond.wait(left)
            if self.is_shutdown and not ready():
                raise ShutDown

    def put(self, item, block=True, timeout=None):
        """Add item, waiting for room if the queue is bounded and full: for
        ever, or up to timeout seconds (then Full); with block false, raise
        Full at once."""
        with self.not_full:
            if self.is_shutdown:
                raise ShutDown
            if self.maxsize > 0:
                if block:
                    _check_timeout(timeout)
                self._await(self.not_full, lambda: self._qsize() < self.maxsize,
                            block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting for one if needed: for
        ever, or up to timeout seconds (then Empty); with block false,
        raise Empty at once."""
        with self.not_empty:
            if self.is_shutdown and not self._qsize():
                raise ShutDown
            if block:
                _check_timeout(timeout)
            self._await(self.not_empty, self._qsize, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(block=False)

    def task_done(self):
        """Mark one item taken with get() as processed (for join())."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks = left
            if left == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Wait until every item put has been marked done by task_done()."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """The number of items now (it may change at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """True if there are no items now (it may change at once)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """True if a bounded queue has no room now (it may change at once)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def shutdown(self, immediate=False):
        """Make put() raise ShutDown, and get() too once the queue is
        empty; with immediate, drop the remaining items (releasing join())."""
        with self.mutex:
            self.is_shutdown = True
            if immediate:
                while self._qsize():
                    self._get()
                    if self.unfinished_tasks > 0:
                        self.unfinished_tasks -= 1
                self.all_tasks_done.notify_all()
            self.not_empty.notify_all()
            self.not_full.notify_all()

    # The storage; subclasses override these four.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(type(list[int]))


class PriorityQueue(Queue):
    '''Queue that hands out the smallest item first (a heap); items are
    often (priority, data) tuples.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''Queue that hands out the newest item first (a stack).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class _PySimpleQueue:
    '''Unbounded FIFO queue without task tracking: a deque plus a
    semaphore counting the items.'''

    def __init__(self):
        self._queue = deque()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        '''Add item; never blocks (block and timeout are ignored).'''
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Remove and return the oldest item (see Queue.get).'''
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout if block else None):
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(type(list[int]))


try:
    from _queue import SimpleQueue
except ImportError:
    class SimpleQueue(_PySimpleQueue):
        'Simple, unbounded, reentrant FIFO queue.'
    # As CPython's C class is named in reprs and tracebacks.
    SimpleQueue.__module__ = '_queue'
