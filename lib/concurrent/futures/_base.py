"""Future, Executor, wait() and as_completed() (ftpy).

A Future's state lives behind its own Condition.  wait() and
as_completed() register a *watcher* (a callable) on each future; the
future calls its watchers, under its condition, when it finishes or when
its cancellation is acknowledged by the executor."""

import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# Future states.
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'                           # cancel() succeeded
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'  # ... and the executor saw it
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: 'pending',
    RUNNING: 'running',
    CANCELLED: 'cancelled',
    CANCELLED_AND_NOTIFIED: 'cancelled',
    FINISHED: 'finished',
}

_SETTLED = (CANCELLED_AND_NOTIFIED, FINISHED)   # what wait() counts as done


class Error(Exception):
    """Base class of the errors of this package."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError   # the built-in, as in Python 3.11+


class InvalidStateError(Error):
    """The future is not in a state that allows the operation."""


class BrokenExecutor(RuntimeError):
    """The executor can no longer run work (e.g. a worker failed to
    start)."""


class DoneAndNotDoneFutures(tuple):
    """DoneAndNotDoneFutures(done, not_done): what wait() returns."""
    __slots__ = ()
    _fields = ('done', 'not_done')

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    done = property(lambda self: self[0], doc='the finished futures')
    not_done = property(lambda self: self[1], doc='the other futures')

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % tuple(self)


def _failed(f):
    return f._state == FINISHED and f._exception is not None


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait until the futures in fs satisfy return_when (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) or timeout seconds pass; return
    (done, not_done), two sets."""
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return condition: %r' % return_when)
    fs = set(fs)
    wake = threading.Event()
    lock = threading.Lock()

    def satisfied():
        settled = [f for f in fs if f._state in _SETTLED]
        if return_when == FIRST_COMPLETED and settled:
            return True
        if return_when == FIRST_EXCEPTION and any(_failed(f) for f in settled):
            return True
        return len(settled) == len(fs)

    def watcher(_future):
        with lock:
            if satisfied():
                wake.set()

    for f in fs:
        f._add_watcher(watcher)
    try:
        with lock:
            if satisfied():
                wake.set()
        wake.wait(timeout)
    finally:
        for f in fs:
            f._remove_watcher(watcher)
    done = {f for f in fs if f._state in _SETTLED}
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Iterate over the futures in fs as they complete (finished or
    cancelled), each once.  __next__ raises TimeoutError when timeout
    seconds have passed since the call."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    arrived = []                 # completed futures not yet yielded
    signal = threading.Condition(threading.Lock())

    def watcher(f):
        with signal:
            arrived.append(f)
            signal.notify()

    pending = set()
    ready = []
    for f in fs:
        # Register first, then look at the state: a future that finishes in
        # between is reported by its watcher (duplicates are filtered).
        f._add_watcher(watcher)
        if f._state in _SETTLED:
            ready.append(f)
        else:
            pending.add(f)
    try:
        for f in ready:
            yield f
        yielded = set(ready)
        while pending:
            with signal:
                while not arrived:
                    if deadline is None:
                        signal.wait()
                        continue
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise TimeoutError('%d (of %d) futures unfinished'
                                           % (len(pending), total))
                    signal.wait(remaining)
                batch = arrived[:]
                del arrived[:]
            for f in batch:
                if f in yielded:
                    continue
                yielded.add(f)
                pending.discard(f)
                yield f
    finally:
        for f in fs:
            f._remove_watcher(watcher)


class Future(object):
    """The eventual result (or exception) of a call run by an executor."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._watchers = []
        self._done_callbacks = []

    # -- watchers (wait/as_completed) and callbacks

    def _add_watcher(self, fn):
        with self._condition:
            self._watchers.append(fn)

    def _remove_watcher(self, fn):
        with self._condition:
            try:
                self._watchers.remove(fn)
            except ValueError:
                pass

    def _notify_watchers(self):
        # Called with self._condition held.
        for fn in list(self._watchers):
            fn(self)

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log_exception('exception calling callback for %r' % (self,))

    def __repr__(self):
        with self._condition:
            name = type(self).__name__
            desc = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        name, id(self), desc, type(self._exception).__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    name, id(self), desc, type(self._result).__name__)
            return '<%s at %#x state=%s>' % (name, id(self), desc)

    def cancel(self):
        """Cancel the call if it has not started; return True if the
        future is (now) cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        """Return True if the call is running now."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or has finished."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done (now, in this thread,
        if it already is)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log_exception('exception calling callback for %r' % (self,))

    def _outcome(self, want_exception):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()
        if want_exception:
            return self._exception
        if self._exception is not None:
            exc = self._exception
            try:
                raise exc
            finally:
                exc = None   # no reference cycle through this frame
        return self._result

    def result(self, timeout=None):
        """Wait up to timeout seconds for the call; return its result or
        raise its exception (CancelledError, TimeoutError as appropriate)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._condition.wait(timeout)
            return self._outcome(False)

    def exception(self, timeout=None):
        """Wait up to timeout seconds for the call; return the exception
        it raised, or None."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._condition.wait(timeout)
            return self._outcome(True)

    # -- for executors

    def set_running_or_notify_cancel(self):
        """Called by an executor before running the call: returns False
        (and tells waiters) if it was cancelled, else marks it running."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                self._notify_watchers()
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            self._notify_watchers()
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        """Finish the future with this result."""
        self._finish(result, None)

    def set_exception(self, exception):
        """Finish the future with this exception."""
        self._finish(None, exception)

    __class_getitem__ = classmethod(types.GenericAlias)


def _log_exception(msg):
    # CPython logs through the 'concurrent.futures' logger; ftpy has no
    # logging module of its own, so the same text goes to stderr.
    import sys
    import traceback
    sys.stderr.write(msg + '\n')
    traceback.print_exc(file=sys.stderr)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


class Executor(object):
    """Base class of executors: submit() schedules a call and returns a
    Future; map() and the context-manager protocol build on it."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); return a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1, buffersize=None):
        """Like map(fn, *iterables), with the calls run by the executor.
        Results come back in order; the iterator raises TimeoutError if a
        result is not ready timeout seconds after map() was called.  With
        buffersize, at most that many calls are scheduled ahead."""
        if buffersize is not None:
            if not isinstance(buffersize, int):
                raise TypeError('buffersize must be an integer or None')
            if buffersize < 1:
                raise ValueError('buffersize must be None or > 0')
        deadline = None if timeout is None else time.monotonic() + timeout
        argtuples = zip(*iterables)
        queued = []
        if buffersize:
            for args in argtuples:
                queued.append(self.submit(fn, *args))
                if len(queued) >= buffersize:
                    break
        else:
            queued = [self.submit(fn, *args) for args in argtuples]

        def results():
            try:
                while queued:
                    f = queued.pop(0)
                    if buffersize:
                        for args in argtuples:
                            queued.append(self.submit(fn, *args))
                            break
                    if deadline is None:
                        yield _result_or_cancel(f)
                    else:
                        yield _result_or_cancel(f, deadline - time.monotonic())
            finally:
                for f in queued:
                    f.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources; with wait, after pending calls
        finish.  Later submits raise RuntimeError."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
