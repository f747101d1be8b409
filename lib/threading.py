"""Thread module emulating a subset of Java's threading model (ftpy).

Built on the C++ module _thread.  ftpy runs Python threads in parallel,
so every piece of shared state here is guarded by a lock; nothing relies on
a global interpreter lock.

Each Thread owns a `_done` lock that is acquired before the OS thread starts
and released by that thread as the last thing it does in Python, and a
_thread._ThreadHandle that the C++ side marks done only after the thread has
left the interpreter (its last frame unwound, its thread state gone). join()
and the exit-time _shutdown() wait on the handle: a thread that is still
unwinding after releasing `_done` may still free objects (and through them
library state, e.g. OpenSSL's) that the joiner's next step, such as the
process's exit handlers, tears down."""

import sys as _sys
import _thread
import posix as _posix
from time import monotonic as _time
from itertools import count as _count
from collections import deque as _deque

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'get_native_id', 'getprofile', 'gettrace', 'setprofile_all_threads',
           'settrace_all_threads']

_start_new_thread = _thread.start_new_thread
_start_joinable_thread = _thread.start_joinable_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
try:
    get_native_id = _thread.get_native_id
    _HAVE_THREAD_NATIVE_ID = True
except AttributeError:  # pragma: no cover
    _HAVE_THREAD_NATIVE_ID = False
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
local = _thread._local
Lock = _thread.allocate_lock
_daemon_threads_allowed = getattr(_thread, 'daemon_threads_allowed', lambda: True)

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Install func (sys.setprofile style) in threads started later."""
    global _profile_hook
    _profile_hook = func


def setprofile_all_threads(func):
    """setprofile(), and sys.setprofile() in the calling thread too."""
    setprofile(func)
    _sys.setprofile(func)


def getprofile():
    """What setprofile() installed, or None."""
    return _profile_hook


def settrace(func):
    """Install func (sys.settrace style) in threads started later."""
    global _trace_hook
    _trace_hook = func


def settrace_all_threads(func):
    """settrace(), and sys.settrace() in the calling thread too."""
    settrace(func)
    _sys.settrace(func)


def gettrace():
    """What settrace() installed, or None."""
    return _trace_hook


# ------------------------------------------------------------------ RLock

class _PyRLock:
    """A reentrant lock: a thread that holds it may acquire it again; it
    must release it once for each acquisition."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return '<%s %s.%s object owner=%r count=%d at %s>' % (
            'locked' if self._block.locked() else 'unlocked',
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def locked(self):
        return self._block.locked()

    # Internal methods used by Condition.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0


try:
    _CRLock = _thread.RLock
except AttributeError:
    _CRLock = None


def RLock(*args, **kwargs):
    """A new reentrant lock (the C++ one when _thread provides it)."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


# -------------------------------------------------------------- Condition

class Condition:
    """Condition variable over a lock (an RLock by default).  Each waiter
    blocks on a private lock of its own; notify() releases the oldest
    waiters' locks."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # A lock may provide its own save/restore/ownership test (RLock
        # does); otherwise the plain-lock versions below are used.
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = _deque()

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, %d)>' % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # Works for plain locks: if we can take it, nobody (we) held it.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, block until notify() picks this thread or
        timeout seconds pass, re-acquire the lock.  False on timeout."""
        if not self._is_owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)
                else:
                    gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """wait() until predicate() is true (or timeout seconds have passed
        in total); returns predicate()'s last result."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n waiting threads (the longest-waiting first)."""
        if not self._is_owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # A waiter that timed out may have released itself already.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake up every waiting thread."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead',
                      DeprecationWarning, stacklevel=2)
        self.notify_all()


# -------------------------------------------------------------- Semaphore

class Semaphore:
    """A counter of release() calls minus acquire() calls, plus an initial
    value; acquire() blocks while it would go negative."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return ('<%s.%s at %#x: value=%d>'
                % (cls.__module__, cls.__qualname__, id(self), self._value))

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def acquire(self, blocking=True, timeout=None):
        """Take one unit: wait (up to timeout) while the count is zero.
        Returns True if a unit was taken."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Give back n units and wake that many waiters."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose release() may not raise the value above its
    initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return ('<%s.%s at %#x: value=%d/%d>'
                % (cls.__module__, cls.__qualname__, id(self), self._value,
                   self._initial_value))

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError('Semaphore released too many times')
            self._value += n
            self._cond.notify(n)


# ------------------------------------------------------------------ Event

class Event:
    """A flag that threads can set, clear and wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return '<%s.%s at %#x: %s>' % (cls.__module__, cls.__qualname__, id(self), status)

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Whether the event is set."""
        return self._flag

    def isSet(self):
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead',
                      DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        """Set the event: every waiter wakes up, later waits return at once."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Unset the event."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Wait until the event is set or timeout seconds pass.
        Returns the flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---------------------------------------------------------------- Barrier

class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Block `parties` threads in wait() until all of them have arrived;
    then optionally run `action` in one of them and release them all.

    The whole state is two ints, as in CPython (multiprocessing's Barrier
    subclass keeps them in shared memory through properties): `_count`, the
    threads inside wait(), and `_state`: 0 filling, 1 draining (tripped;
    the waiters are leaving), -1 resetting (reset() broke a round that
    still has waiters inside), -2 broken. A new round starts filling only
    once the previous one has drained, so a fast thread cannot join the
    round it just left."""

    _FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be >= 1')
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return '<%s.%s at %#x: broken>' % (cls.__module__, cls.__qualname__, id(self))
        return ('<%s.%s at %#x: waiters=%d/%d>'
                % (cls.__module__, cls.__qualname__, id(self), self.n_waiting,
                   self.parties))

    def wait(self, timeout=None):
        """Wait until all parties have called wait(); return this thread's
        arrival index (0 .. parties-1).  Raises BrokenBarrierError if the
        barrier is or becomes broken (by abort(), reset(), a timeout or a
        failing action)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # Let the previous round drain (or a reset finish) first.
            self._cond.wait_for(lambda: self._state not in (self._DRAINING, self._RESETTING))
            if self._state == self._BROKEN:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if self._count == self._parties:
                    try:
                        if self._action:
                            self._action()
                    except BaseException:
                        self._break()
                        raise
                    self._state = self._DRAINING
                    self._cond.notify_all()
                else:
                    if not self._cond.wait_for(lambda: self._state != self._FILLING, timeout):
                        self._break()    # timing out breaks the barrier
                    if self._state < 0:
                        raise BrokenBarrierError
                return index
            finally:
                self._count -= 1
                # The last one out of a drained or reset round opens the next.
                if self._count == 0 and self._state in (self._DRAINING, self._RESETTING):
                    self._state = self._FILLING
                    self._cond.notify_all()

    def _break(self):
        self._state = self._BROKEN
        self._cond.notify_all()

    def reset(self):
        """Return the barrier to its initial state; threads waiting in it
        get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == self._FILLING:
                    self._state = self._RESETTING
                elif self._state == self._BROKEN:
                    self._state = self._RESETTING
                # (draining: the round ends by itself; the next one is fresh)
            else:
                self._state = self._FILLING
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future wait() calls raise
        BrokenBarrierError until reset()."""
        with self._cond:
            self._break()

    @property
    def parties(self):
        """The number of threads needed to trip the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting now."""
        return self._count if self._state == self._FILLING else 0

    @property
    def broken(self):
        """True if the barrier is broken."""
        return self._state == self._BROKEN


# ----------------------------------------------------------------- Thread

_counter = _count(1).__next__


def _newname(name_template='Thread-%d'):
    return name_template % _counter()


_active_limbo_lock = RLock()
_active = {}     # ident -> Thread, for running threads
_limbo = {}      # Thread -> Thread, started but not yet running
_dangling = set()
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()   # _done locks of non-daemon threads


class Thread:
    """A thread of control: pass a callable as target, or override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs=None, *, daemon=None, context=None):
        assert group is None, 'group argument must be None for now'
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname('Thread-%d')
            if target is not None:
                try:
                    target_name = target.__name__
                    name += ' (%s)' % target_name
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _daemon_threads_allowed():
                raise RuntimeError('daemon threads are disabled in this (sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._context = context
        self._ident = None
        self._native_id = None
        self._done = _allocate_lock()   # held while the thread runs
        self._handle = None             # its _ThreadHandle once started
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def _reset_internal_locks(self, is_alive):
        self._started._at_fork_reinit()

    def __repr__(self):
        assert self._initialized, 'Thread.__init__() was not called'
        status = 'initial'
        if self._started.is_set():
            status = 'started'
        if self._is_stopped:
            status = 'stopped'
        if self._daemonic:
            status += ' daemon'
        if self._ident is not None:
            status += ' %s' % self._ident
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._name, status)

    def start(self):
        """Run self.run() in a new OS thread (once per Thread object)."""
        if not self._initialized:
            raise RuntimeError('thread.__init__() not called')
        if self._started.is_set():
            raise RuntimeError('threads can only be started once')
        self._done.acquire()
        if not self._daemonic:
            with _shutdown_locks_lock:
                _shutdown_locks.add(self._done)
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            self._handle = _start_joinable_thread(self._bootstrap, daemon=self._daemonic)
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            self._done.release()
            with _shutdown_locks_lock:
                _shutdown_locks.discard(self._done)
            raise
        self._started.wait()

    def run(self):
        """What the thread does: call target(*args, **kwargs).  Override in
        subclasses."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Avoid a refcycle if the thread is running a function with an
            # argument that has a member that points to the thread.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            if _trace_hook:
                _sys.settrace(_trace_hook)
            if _profile_hook:
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _delete(self):
        """Remove the thread from _active and mark it stopped; release
        _done last, so that join() returns only when the thread is gone
        from threading's tables."""
        with _active_limbo_lock:
            _active.pop(get_ident(), None)
        self._is_stopped = True
        with _shutdown_locks_lock:
            _shutdown_locks.discard(self._done)
        self._done.release()

    def join(self, timeout=None):
        """Block until the thread has finished, or timeout seconds pass
        (check is_alive() afterwards to tell which)."""
        if not self._initialized:
            raise RuntimeError('Thread.__init__() not called')
        if not self._started.is_set():
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')
        handle = self._handle
        if handle is not None:
            handle.join(timeout)
            return
        # The main thread, or one that a fork() left behind in its parent.
        if self._is_stopped:
            return
        if timeout is None:
            if self._done.acquire():
                self._done.release()
        else:
            if timeout < 0:
                timeout = 0
            if self._done.acquire(True, timeout):
                self._done.release()

    @property
    def name(self):
        """The thread's name (only used to identify it)."""
        assert self._initialized, 'Thread.__init__() not called'
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, 'Thread.__init__() not called'
        self._name = str(name)

    @property
    def ident(self):
        """get_ident() of the thread once started, else None."""
        assert self._initialized, 'Thread.__init__() not called'
        return self._ident

    @property
    def native_id(self):
        """The OS thread id once started, else None."""
        assert self._initialized, 'Thread.__init__() not called'
        return self._native_id

    def is_alive(self):
        """True from when start() returns until run() has finished."""
        assert self._initialized, 'Thread.__init__() not called'
        return self._started.is_set() and not self._is_stopped

    @property
    def daemon(self):
        """Daemon threads are not waited for at interpreter exit."""
        assert self._initialized, 'Thread.__init__() not called'
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError('Thread.__init__() not called')
        if daemonic and not _daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started.is_set():
            raise RuntimeError('cannot set daemon status of active thread')
        self._daemonic = daemonic

    def isDaemon(self):
        import warnings
        warnings.warn('isDaemon() is deprecated, get the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic):
        import warnings
        warnings.warn('setDaemon() is deprecated, set the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self):
        import warnings
        warnings.warn('getName() is deprecated, get the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name):
        import warnings
        warnings.warn('setName() is deprecated, set the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.name = name


# -------------------------------------------------------------- excepthook

class ExceptHookArgs(tuple):
    """ExceptHookArgs(exc_type, exc_value, exc_traceback, thread)"""
    __slots__ = ()
    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError('_thread._ExceptHookArgs() takes a 4-sequence '
                            '(%d-sequence given)' % len(args))
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])

    def __repr__(self):
        return ('_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, '
                'exc_traceback=%r, thread=%r)' % tuple(self))


def excepthook(args, /):
    """Handle an exception raised by Thread.run(): print
    'Exception in thread NAME:' and the traceback to sys.stderr."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print('Exception in thread %s:' % name, file=stderr, flush=True)
    # CPython's C hook prints as the interpreter does for an uncaught
    # exception (with its "Did you mean" suggestions, which the traceback
    # module of 3.11 does not add): use sys.__excepthook__ when it writes
    # to the same stream.
    display = getattr(_sys, '__excepthook__', None) if _sys is not None else None
    if display is not None and stderr is _sys.stderr and args.exc_value is not None:
        display(args.exc_type, args.exc_value, args.exc_traceback)
    else:
        from traceback import print_exception
        print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                        file=stderr)
    stderr.flush()


__excepthook__ = excepthook


def _make_invoke_excepthook():
    """Return the function a thread calls when run() raised: it passes
    ExceptHookArgs to threading.excepthook, and if that hook itself fails,
    reports the failure through sys.excepthook.  Captures what it needs
    now, because module globals may be gone at interpreter shutdown."""
    fallback_hook = excepthook
    fallback_sys_hook = _sys.excepthook
    if fallback_hook is None:
        raise RuntimeError('threading.excepthook is None')
    if fallback_sys_hook is None:
        raise RuntimeError('sys.excepthook is None')
    sys_module = _sys
    exc_info = _sys.exc_info
    say = print

    def invoke_excepthook(thread):
        hook = globals().get('excepthook') or fallback_hook
        try:
            hook(ExceptHookArgs([*exc_info(), thread]))
        except Exception as failure:
            failure.__suppress_context__ = True
            del failure
            stream = getattr(sys_module, 'stderr', None) or thread._stderr
            say('Exception in threading.excepthook:', file=stream, flush=True)
            sys_hook = getattr(sys_module, 'excepthook', None) or fallback_sys_hook
            sys_hook(*exc_info())
    return invoke_excepthook


# ----------------------------------------------------------------- Timer

class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval`
    seconds, unless cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Do not call the function (if it has not been called yet)."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ------------------------------------------------- special thread objects

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name='MainThread', daemon=False)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        self._done.acquire()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread not started by threading (e.g. by _thread directly).
    Always alive and daemonic; cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname('Dummy-%d'), daemon=_daemon_threads_allowed())
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        return not self._is_stopped and self._started.is_set()

    def join(self, timeout=None):
        raise RuntimeError('cannot join a dummy thread')


def current_thread():
    """The Thread object of the calling thread (a _DummyThread for threads
    not started through threading)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    import warnings
    warnings.warn('currentThread() is deprecated, use current_thread() instead',
                  DeprecationWarning, stacklevel=2)
    return current_thread()


def active_count():
    """len(enumerate())"""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    import warnings
    warnings.warn('activeCount() is deprecated, use active_count() instead',
                  DeprecationWarning, stacklevel=2)
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """The Thread objects that are alive (started and not finished), the
    main thread and dummy threads included."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Register a callable to be called when all non-daemon threads are
    about to be joined at interpreter exit (before atexit handlers)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


_main_thread = _MainThread()


def _shutdown():
    """Interpreter exit hook (main thread): run _register_atexit callbacks,
    mark the main thread finished, then join every non-daemon thread,
    including ones started meanwhile."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return   # already called (e.g. after fork)
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        _main_thread._is_stopped = True
        with _active_limbo_lock:
            _active.pop(_main_thread._ident, None)
        _main_thread._done.release()
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()
    # Then until each has left the interpreter (see the module docstring).
    _thread._shutdown()


def main_thread():
    """The Thread object of the thread that started the interpreter."""
    return _main_thread


def _after_fork():
    """Registered with os.register_at_fork: runs in the child of fork(),
    where only the forking thread survives. It becomes the main thread; the
    others are marked stopped, and every lock threading may have been
    holding in them is made anew."""
    global _active_limbo_lock, _main_thread, _shutdown_locks_lock, _shutdown_locks
    _active_limbo_lock = RLock()
    _shutdown_locks_lock = _allocate_lock()
    _shutdown_locks = set()
    current = _active.get(get_ident())
    if current is None:
        # fork() was called from a thread threading did not start.
        current = _MainThread()
    _main_thread = current
    with _active_limbo_lock:
        for thread in list(_active.values()) + list(_limbo.values()):
            thread._reset_internal_locks(thread is current)
            if thread is current:
                thread._ident = get_ident()
                thread._native_id = get_native_id()
            else:
                thread._is_stopped = True
                thread._handle = None
        _limbo.clear()
        _active.clear()
        _active[get_ident()] = current


_posix.register_at_fork(after_in_child=_after_fork)
