"""Utilities for with-statement contexts (ftpy)."""

import abc
import sys
from collections import deque
from functools import wraps

__all__ = ['asynccontextmanager', 'contextmanager', 'closing', 'nullcontext',
           'AbstractContextManager', 'AbstractAsyncContextManager',
           'AsyncExitStack', 'ContextDecorator', 'ExitStack',
           'redirect_stdout', 'redirect_stderr', 'suppress', 'aclosing',
           'chdir']

GenericAlias = type(list[int])


def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(abc.ABC):
    """ABC of objects usable in a with statement (__enter__/__exit__)."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    def __enter__(self):
        """The default __enter__ returns the manager itself."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Returning None lets any exception propagate."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _check_methods(C, '__enter__', '__exit__')
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """ABC of objects usable in async with (__aenter__/__aexit__)."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    async def __aenter__(self):
        """The default __enter__ returns the manager itself."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Returning None lets any exception propagate."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _check_methods(C, '__aenter__', '__aexit__')
        return NotImplemented


class ContextDecorator(object):
    """Mixin: an instance used as a decorator wraps each call of the
    function in `with self._recreate_cm():`."""

    def _recreate_cm(self):
        """The manager to use for one call (self, unless one-shot)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """Mixin: like ContextDecorator, for async functions and async with."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorCM:
    """What @contextmanager / @asynccontextmanager return: drives a
    generator that yields exactly once.  One-shot; when used as a decorator
    a fresh one is made per call (_recreate_cm)."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        self.__doc__ = getattr(func, '__doc__', None) or type(self).__doc__

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    def _forget_recipe(self):
        # Once entered the manager cannot be recreated: drop the references.
        # (In CPython's order: reusing a spent manager fails on .args.)
        del self.args, self.kwds, self.func

    @staticmethod
    def _outcome(raised, sent, tb, stop_types):
        """Decide __exit__'s result after throwing `sent` into the generator
        made it raise `raised`: True suppresses `sent`, False re-raises it;
        any other exception propagates."""
        if isinstance(raised, stop_types):
            # The generator finished: suppress unless what came out is
            # the very exception that went in.
            return raised is not sent
        if raised is sent:
            raised.__traceback__ = tb
            return False
        # PEP 479: a StopIteration thrown in comes back as RuntimeError
        # whose cause is the original.
        if (isinstance(raised, RuntimeError) and isinstance(sent, stop_types + (StopIteration,))
                and raised.__cause__ is sent):
            sent.__traceback__ = tb
            return False
        raise raised


class _GeneratorContextManager(_GeneratorCM, AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._forget_recipe()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            try:
                next(gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                gen.close()
        if value is None:
            value = typ()
        try:
            gen.throw(value)
        except BaseException as raised:
            return self._outcome(raised, value, traceback, (StopIteration,))
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            gen.close()


class _AsyncGeneratorContextManager(_GeneratorCM, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._forget_recipe()
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            try:
                await anext(gen)
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await gen.aclose()
        if value is None:
            value = typ()
        try:
            await gen.athrow(value)
        except BaseException as raised:
            return self._outcome(raised, value, traceback, (StopAsyncIteration,))
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await gen.aclose()


def contextmanager(func):
    """Turn a generator function that yields once into a factory of
    context managers: code before the yield is __enter__, the yielded
    value is bound by `as`, code after it is __exit__."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """Like contextmanager, for async generator functions and async with."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """with closing(x) as y: binds x to y and calls x.close() at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """async with aclosing(x): awaits x.aclose() at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so that one instance can be entered recursively.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Point sys.stdout at another file for the duration of the block."""
    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    """Point sys.stderr at another file for the duration of the block."""
    _stream = 'stderr'


class suppress(AbstractContextManager):
    """Swallow the given exception types raised in the block; from an
    exception group, only the matching leaves are dropped."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


def _protocol_error(cm, what):
    cls = type(cm)
    return TypeError("'%s.%s' object does not support the %s protocol"
                     % (cls.__module__, cls.__qualname__, what))


class _BaseExitStack:
    """The callback stack shared by ExitStack and AsyncExitStack.  Each
    entry is (is_sync, fn) where fn(exc_type, exc, tb) returns true to
    suppress the exception."""

    def __init__(self):
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move all callbacks to a new stack of the same type, and return it."""
        new = type(self)()
        new._exit_callbacks, self._exit_callbacks = self._exit_callbacks, deque()
        return new

    def push(self, exit):
        """Register an __exit__-style callback, or an object with an
        __exit__ method; it may suppress exceptions.  Returns exit."""
        method = getattr(type(exit), '__exit__', None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, _bind_exit(exit, method)))
        return exit

    def enter_context(self, cm):
        """Enter cm and push its __exit__; return what __enter__ returned."""
        cls = type(cm)
        try:
            enter, exit = cls.__enter__, cls.__exit__
        except AttributeError:
            raise _protocol_error(cm, 'context manager') from None
        result = enter(cm)
        self._exit_callbacks.append((True, _bind_exit(cm, exit)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) to run at exit (it cannot
        suppress exceptions).  Returns callback."""
        def run(exc_type, exc, tb):
            callback(*args, **kwds)
        run.__wrapped__ = callback
        self._exit_callbacks.append((True, run))
        return callback


def _bind_exit(cm, method):
    def bound(exc_type, exc, tb):
        return method(cm, exc_type, exc, tb)
    bound.__self__ = cm
    return bound


def _relink_context(new_exc, old_exc, outer_exc):
    """new_exc was raised by an exit callback while old_exc was pending:
    make old_exc its __context__, at the end of new_exc's own chain (but
    not beyond the exception that was being handled around the stack)."""
    while True:
        ctx = new_exc.__context__
        if ctx is None or ctx is old_exc:
            return
        if ctx is outer_exc:
            break
        new_exc = ctx
    new_exc.__context__ = old_exc


def _reraise(exc):
    # Keep the context _relink_context chose: `raise` would replace it.
    ctx = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = ctx
        raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding a stack of exit callbacks, run last-in
    first-out when the with block ends (or on close()), e.g.

        with ExitStack() as stack:
            files = [stack.enter_context(open(name)) for name in names]
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        exc = exc_details[1]
        had_exc = exc is not None
        outer = sys.exc_info()[1]
        suppressed = False
        failed = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            details = (None, None, None) if exc is None else (type(exc), exc, exc.__traceback__)
            try:
                if cb(*details):
                    suppressed, failed, exc = True, False, None
            except BaseException as new_exc:
                _relink_context(new_exc, exc, outer)
                failed, exc = True, new_exc
        if failed:
            _reraise(exc)
        return had_exc and suppressed

    def close(self):
        """Run the callbacks now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for async with: holds both plain and async callbacks."""

    async def enter_async_context(self, cm):
        """Enter the async context manager cm and push its __aexit__."""
        cls = type(cm)
        try:
            aenter, aexit = cls.__aenter__, cls.__aexit__
        except AttributeError:
            raise _protocol_error(cm, 'asynchronous context manager') from None
        result = await aenter(cm)
        self._exit_callbacks.append((False, _bind_exit(cm, aexit)))
        return result

    def push_async_exit(self, exit):
        """Register an __aexit__-style coroutine function, or an object
        with an __aexit__ method.  Returns exit."""
        method = getattr(type(exit), '__aexit__', None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, _bind_exit(exit, method)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register the coroutine function callback(*args, **kwds)."""
        async def run(exc_type, exc, tb):
            await callback(*args, **kwds)
        run.__wrapped__ = callback
        self._exit_callbacks.append((False, run))
        return callback

    async def aclose(self):
        """Run the callbacks now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        exc = exc_details[1]
        had_exc = exc is not None
        outer = sys.exc_info()[1]
        suppressed = False
        failed = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            details = (None, None, None) if exc is None else (type(exc), exc, exc.__traceback__)
            try:
                result = cb(*details)
                if not is_sync:
                    result = await result
                if result:
                    suppressed, failed, exc = True, False, None
            except BaseException as new_exc:
                _relink_context(new_exc, exc, outer)
                failed, exc = True, new_exc
        if failed:
            _reraise(exc)
        return had_exc and suppressed


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A stand-in manager that does nothing: `with nullcontext(x) as y`
    binds y to x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Change the working directory for the block and restore it after.
    The working directory belongs to the process: not thread-safe."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import posix
        self._old_cwd.append(posix.getcwd())
        posix.chdir(self.path)

    def __exit__(self, *excinfo):
        import posix
        posix.chdir(self._old_cwd.pop())
