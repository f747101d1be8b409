from harness import mine, eq, true, raises
contextlib = mine('contextlib')
import sys
import io


def test_contextmanager():
    log = []

    @contextlib.contextmanager
    def cm(x):
        log.append('enter')
        try:
            yield x * 2
        except KeyError:
            log.append('caught')
        finally:
            log.append('exit')
    with cm(2) as v:
        eq(v, 4)
    with cm(1):
        raise KeyError
    eq(log, ['enter', 'exit', 'enter', 'caught', 'exit'])
    with raises(ValueError):
        with cm(1):
            raise ValueError
    eq(cm.__name__, 'cm')

    @contextlib.contextmanager
    def noyield():
        if False:
            yield
    with raises(RuntimeError, "generator didn't yield"):
        with noyield():
            pass

    @contextlib.contextmanager
    def twice():
        yield
        yield
    with raises(RuntimeError, "generator didn't stop"):
        with twice():
            pass

    @contextlib.contextmanager
    def plain():
        yield
    with raises(StopIteration):
        with plain():
            raise StopIteration('x')

    calls = []

    @cm(5)
    def decorated():
        calls.append(1)
    decorated()
    decorated()
    eq(calls, [1, 1])


def test_closing_suppress_null():
    class Thing:
        closed = False
        def close(self):
            self.closed = True
    t = Thing()
    with contextlib.closing(t) as x:
        true(x is t)
    true(t.closed)
    with contextlib.suppress(KeyError, IndexError):
        [][1]
    with raises(ValueError):
        with contextlib.suppress(KeyError):
            raise ValueError
    with contextlib.suppress(ValueError):
        raise ExceptionGroup('g', [ValueError(1)])
    with raises(ExceptionGroup) as r:
        with contextlib.suppress(ValueError):
            raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    eq(len(r.value.exceptions), 1)
    with contextlib.nullcontext(5) as v:
        eq(v, 5)


def test_redirect():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print('hi')
    eq(buf.getvalue(), 'hi\n')
    true(sys.stdout is not buf)
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        sys.stderr.write('e')
    eq(buf.getvalue(), 'e')


def test_exitstack():
    log = []
    with contextlib.ExitStack() as st:
        st.callback(log.append, 1)

        @st.push
        def ex(*a):
            log.append(('exit', a[0]))
        st.callback(log.append, 3)
    eq(log, [3, ('exit', None), 1])

    log = []

    @contextlib.contextmanager
    def res(n):
        log.append('open%d' % n)
        yield n
        log.append('close%d' % n)
    with contextlib.ExitStack() as st:
        vals = [st.enter_context(res(i)) for i in range(3)]
    eq(vals, [0, 1, 2])
    eq(log, ['open0', 'open1', 'open2', 'close2', 'close1', 'close0'])

    with contextlib.ExitStack() as st:
        st.push(lambda *e: True)
        raise ValueError   # suppressed
    with raises(TypeError, "'builtins.int' object does not support the context manager protocol"):
        contextlib.ExitStack().enter_context(1)

    def raiser():
        raise KeyError('inner')
    try:
        with contextlib.ExitStack() as st:
            st.callback(raiser)
            raise ValueError('outer')
    except KeyError as e:
        true(isinstance(e.__context__, ValueError))
    else:
        raise AssertionError('no KeyError')

    st = contextlib.ExitStack()
    st.callback(log.append, 'x')
    st2 = st.pop_all()
    st.close()
    true(log[-1] != 'x')
    st2.close()
    eq(log[-1], 'x')


def test_async():
    log = []

    @contextlib.asynccontextmanager
    async def acm():
        log.append('in')
        yield 7
        log.append('out')

    async def main():
        async with acm() as v:
            log.append(v)
        async with contextlib.AsyncExitStack() as st:
            v = await st.enter_async_context(acm())
            st.callback(log.append, 'cb')

            async def acb():
                log.append('acb')
            st.push_async_callback(acb)
        async with contextlib.nullcontext(3) as n:
            log.append(n)
    coro = main()
    try:
        coro.send(None)
    except StopIteration:
        pass
    eq(log, ['in', 7, 'out', 'in', 'acb', 'cb', 'out', 3])


def test_chdir_abc():
    import posix
    old = posix.getcwd()
    with contextlib.chdir('/'):
        eq(posix.getcwd(), '/')
    eq(posix.getcwd(), old)

    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            pass
    true(issubclass(CM, contextlib.AbstractContextManager))
    true(not issubclass(int, contextlib.AbstractContextManager))
