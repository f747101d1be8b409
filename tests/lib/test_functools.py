from harness import mine, eq, true, raises
functools = mine('functools')
import _thread
import time


def test_reduce():
    eq(functools.reduce(lambda a, b: a + b, [1, 2, 3]), 6)
    eq(functools.reduce(lambda a, b: a + b, [], 10), 10)
    with raises(TypeError, 'reduce() of empty iterable with no initial value'):
        functools.reduce(lambda a, b: a, [])


def test_partial_pure():
    P = functools._py_partial
    def f(a, b, c=0, *, d=1):
        return (a, b, c, d)
    p = P(f, 1, d=5)
    eq(p(2), (1, 2, 0, 5))
    eq(p(2, 3, d=9), (1, 2, 3, 9))
    q = P(p, 7)
    true(q.func is f)
    eq(q.args, (1, 7))
    eq(q.keywords, {'d': 5})
    eq(q(), (1, 7, 0, 5))
    true(repr(p).startswith('functools.partial(<function '))
    true(repr(p).endswith(', 1, d=5)'))
    with raises(TypeError, 'the first argument must be callable'):
        P(1)
    ph = functools.Placeholder
    r = P(f, ph, 2)
    eq(r(1), (1, 2, 0, 1))
    eq(repr(ph), 'Placeholder')
    with raises(TypeError):
        P(f, 1, ph)
    p.attr = 3
    eq(p.__dict__, {'attr': 3})


def test_partial_default():
    p = functools.partial(int, base=2)
    eq(p('101'), 5)


def test_wraps():
    def deco(fn):
        @functools.wraps(fn)
        def inner(*a):
            return fn(*a)
        return inner

    @deco
    def hello(x: int) -> int:
        "doc"
        return x
    eq(hello.__name__, 'hello')
    eq(hello.__doc__, 'doc')
    true(hello.__wrapped__ is not None)
    eq(hello.__wrapped__(3), 3)
    eq(hello.__qualname__.endswith('hello'), True)
    eq(hello.__annotations__, {'x': int, 'return': int})
    true('__annotate__' in functools.WRAPPER_ASSIGNMENTS)


def test_total_ordering():
    @functools.total_ordering
    class V:
        def __init__(self, v):
            self.v = v
        def __eq__(self, o):
            return self.v == o.v
        def __lt__(self, o):
            return self.v < o.v
    true(V(2) > V(1))
    true(V(2) >= V(2))
    true(V(1) <= V(2))
    true(not (V(3) <= V(2)))
    with raises(ValueError, 'must define at least one ordering operation'):
        functools.total_ordering(type('X', (), {}))


def test_cmp_to_key():
    k = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
    eq(sorted([3, 1, 2], key=k), [1, 2, 3])
    eq(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), [3, 2, 1])
    with raises(TypeError):
        hash(k(1))


def test_lru_cache():
    calls = []

    @functools.lru_cache(maxsize=2)
    def sq(x):
        calls.append(x)
        return x * x
    eq([sq(1), sq(2), sq(1), sq(3), sq(2)], [1, 4, 1, 9, 4])
    eq(calls, [1, 2, 3, 2])
    eq(repr(sq.cache_info()), 'CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)')
    eq(sq.cache_info().hits, 1)
    eq(sq.cache_parameters(), {'maxsize': 2, 'typed': False})
    sq.cache_clear()
    eq(sq.cache_info(), (0, 0, 2, 0))
    eq(sq.__name__, 'sq')

    @functools.lru_cache
    def ident(x):
        return [x]
    true(ident(1) is ident(1))
    eq(ident.cache_info().maxsize, 128)

    @functools.lru_cache(typed=True)
    def t(x):
        return type(x)
    eq(t(1), int)
    eq(t(1.0), float)
    eq(t.cache_info().currsize, 2)

    @functools.cache
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    eq(fib(80), 23416728348467685)
    eq(fib.cache_info().maxsize, None)

    @functools.lru_cache(maxsize=0)
    def z(x):
        return x
    z(1); z(1)
    eq(z.cache_info(), (0, 2, 0, 0))
    with raises(TypeError, 'Expected first argument to be an integer, a callable, or None'):
        functools.lru_cache('x')

    @functools.lru_cache
    def kw(a, b=1):
        return a + b
    eq(kw(1, b=2), 3)
    eq(kw(1, b=2), 3)
    eq(kw.cache_info().hits, 1)


def test_lru_cache_threads():
    @functools.lru_cache(maxsize=16)
    def f(x):
        return x * 2
    done = []
    lock = _thread.allocate_lock()

    def worker():
        for i in range(2000):
            assert f(i % 40) == (i % 40) * 2
        with lock:
            done.append(1)
    for _ in range(4):
        _thread.start_new_thread(worker, ())
    t0 = time.time()
    while len(done) < 4 and time.time() - t0 < 30:
        time.sleep(0.01)
    eq(len(done), 4)
    info = f.cache_info()
    eq(info.hits + info.misses, 8000)
    true(info.currsize <= 16)


def test_cached_property():
    class C:
        n = 0
        @functools.cached_property
        def v(self):
            C.n += 1
            return 42
    c = C()
    eq((c.v, c.v, C.n), (42, 42, 1))
    eq(c.__dict__, {'v': 42})
    true(isinstance(C.v, functools.cached_property))

    class S:
        __slots__ = ()
        @functools.cached_property
        def v(self):
            return 1
    with raises(TypeError, "No '__dict__' attribute on 'S' instance to cache 'v' property."):
        S().v


def test_singledispatch():
    @functools.singledispatch
    def f(x):
        return 'obj'

    @f.register(int)
    def _(x):
        return 'int'

    @f.register
    def _(x: list):
        return 'list'
    eq(f(1), 'int')
    eq(f(True), 'int')
    eq(f([]), 'list')
    eq(f('s'), 'obj')
    true(f.dispatch(bool) is f.registry[int])
    import collections.abc as cabc
    f.register(cabc.Mapping, lambda x: 'mapping')
    eq(f({}), 'mapping')

    class A:
        @functools.singledispatchmethod
        def m(self, x):
            return 'base'
        @m.register
        def _(self, x: int):
            return 'int%d' % x
    eq(A().m(3), 'int3')
    eq(A().m('x'), 'base')


def test_partialmethod():
    class C:
        def f(self, a, b):
            return (self.__class__.__name__, a, b)
        g = functools.partialmethod(f, 1)
        h = functools.partialmethod(g, 2)
    eq(C().g(5), ('C', 1, 5))
    eq(C().h(), ('C', 1, 2))
