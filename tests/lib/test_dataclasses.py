from harness import mine, eq, true, raises, host
dc = mine('dataclasses')



SETUP = '''
from dataclasses import *

@dataclass
class P:
    x: int
    y: float = 0.5
    tags: list = field(default_factory=list)
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'q'
'''


def test_basic():
    @dc.dataclass
    class P:
        x: int
        y: float = 0.5
        tags: list = dc.field(default_factory=list)
        n: 'ClassVar[int]' = 3
    p = P(1)
    eq(repr(p), 'test_basic.<locals>.P(x=1, y=0.5, tags=[])')
    eq(p, P(1, 0.5, []))
    true(p != P(2))
    true(P(1).tags is not P(1).tags)
    eq([f.name for f in dc.fields(P)], ['x', 'y', 'tags'])
    eq(P.__match_args__, ('x', 'y', 'tags'))
    eq(P.__doc__, host_doc())
    true(P.__hash__ is None)
    eq(P.n, 3)
    eq(P.y, 0.5)
    true('tags' not in P.__dict__)
    eq(P.__init__.__qualname__, 'test_basic.<locals>.P.__init__')
    eq(P.__init__.__annotations__, {'x': int, 'y': float, 'tags': list, 'return': None})
    with raises(TypeError, "missing 1 required positional argument: 'x'"):
        P()
    true(dc.is_dataclass(P) and dc.is_dataclass(p) and not dc.is_dataclass(1))


def host_doc():
    return host(SETUP + 'print(P.__doc__, end="")')


def test_frozen_order_hash():
    @dc.dataclass(order=True, frozen=True)
    class V:
        a: int
        b: str = 'q'
    v = V(1)
    with raises(dc.FrozenInstanceError, "cannot assign to field 'a'"):
        v.a = 2
    with raises(dc.FrozenInstanceError, "cannot delete field 'b'"):
        del v.b
    true(V(1) < V(2))
    true(V(1, 'a') < V(1, 'b'))
    true(V(2) >= V(1, 'z'))
    eq(hash(V(1)), hash((1, 'q')))
    eq(len({V(1), V(1), V(2)}), 2)
    with raises(ValueError, 'eq must be true if order is true'):
        dc.dataclass(order=True, eq=False)(type('X', (), {}))

    @dc.dataclass(unsafe_hash=True)
    class H:
        a: int
        b: int = dc.field(hash=False)
    eq(hash(H(1, 2)), hash((1,)))

    @dc.dataclass(eq=False)
    class NE:
        a: int
    true(NE(1) != NE(1))

    with raises(TypeError, 'Cannot overwrite attribute __lt__'):
        @dc.dataclass(order=True)
        class Bad:
            a: int
            def __lt__(self, o):
                return True


def test_errors():
    with raises(TypeError, "non-default argument 'b' follows default argument"):
        @dc.dataclass
        class Q:
            a: int = 1
            b: int
    with raises(ValueError, "mutable default <class 'list'> for field a is not allowed: use default_factory"):
        @dc.dataclass
        class R:
            a: list = []
    with raises(ValueError, 'cannot specify both default and default_factory'):
        dc.field(default=1, default_factory=list)
    with raises(TypeError, "'z' is a field but has no type annotation"):
        @dc.dataclass
        class S:
            z = dc.field()
    with raises(TypeError, 'must be called with a dataclass type or instance'):
        dc.fields(1)


def test_post_init_initvar_kwonly():
    @dc.dataclass
    class C:
        a: int
        scale: dc.InitVar[int] = 2
        b: int = dc.field(init=False)
        def __post_init__(self, scale):
            self.b = self.a * scale
    c = C(3)
    eq((c.a, c.b), (3, 6))
    eq(C(3, 10).b, 30)
    eq(repr(dc.InitVar[int]), 'dataclasses.InitVar[int]')
    eq([f.name for f in dc.fields(C)], ['a', 'b'])

    @dc.dataclass
    class K:
        a: int
        _: dc.KW_ONLY
        b: int = 0
        c: int
    k = K(1, c=3)
    eq((k.a, k.b, k.c), (1, 0, 3))
    eq(K.__match_args__, ('a',))
    with raises(TypeError):
        K(1, 2, 3)

    @dc.dataclass(kw_only=True)
    class KK:
        a: int
        b: int = dc.field(default=1, kw_only=False)
    eq(KK(5, a=1).b, 5)


def test_inheritance():
    @dc.dataclass
    class Base:
        x: int
        y: int = 0

    @dc.dataclass
    class Derived(Base):
        z: int = 5
        x: int = 10
    d = Derived()
    eq(repr(d).split('.')[-1], 'Derived(x=10, y=0, z=5)')

    @dc.dataclass(frozen=True)
    class F:
        a: int
    with raises(TypeError, 'cannot inherit non-frozen dataclass from a frozen one'):
        @dc.dataclass
        class G(F):
            b: int = 0


def test_helpers():
    @dc.dataclass
    class In:
        v: list

    @dc.dataclass
    class Out:
        name: str
        inner: In
        pairs: dict
    o = Out('n', In([1, 2]), {'k': In([])})
    eq(dc.asdict(o), {'name': 'n', 'inner': {'v': [1, 2]}, 'pairs': {'k': {'v': []}}})
    eq(dc.astuple(o), ('n', ([1, 2],), {'k': ([],)}))
    true(dc.asdict(o)['inner']['v'] is not o.inner.v)
    o2 = dc.replace(o, name='m')
    eq(o2.name, 'm')
    true(o2.inner is o.inner)
    with raises(TypeError, 'asdict() should be called on dataclass instances'):
        dc.asdict(1)
    import copy
    eq(copy.replace(o, name='z').name, 'z')

    @dc.dataclass
    class NI:
        a: int
        b: int = dc.field(init=False, default=0)
    with raises(ValueError, 'field b is declared with init=False'):
        dc.replace(NI(1), b=2)

    M = dc.make_dataclass('M', ['a', ('b', int), ('c', int, dc.field(default=3))])
    m = M(1, 2)
    eq(repr(m), 'M(a=1, b=2, c=3)')
    eq(M.__module__, 'ftpy_test')


def test_slots_and_repr_recursion():
    @dc.dataclass(slots=True)
    class S:
        a: int
        b: int = 2
    s = S(1)
    eq(S.__slots__, ('a', 'b'))
    with raises(AttributeError):
        s.c = 3
    eq(repr(s).split('.')[-1], 'S(a=1, b=2)')

    @dc.dataclass(slots=True, frozen=True)
    class FS:
        a: int
    with raises(dc.FrozenInstanceError):
        FS(1).a = 2
    eq(FS(1), FS(1))
    import copy
    eq(copy.deepcopy(FS(4)).a, 4)

    @dc.dataclass
    class Node:
        nxt: object = None
    n = Node()
    n.nxt = n
    true(repr(n).endswith('<locals>.Node(nxt=...)'), repr(n))


def test_field_repr_and_params():
    f = dc.field(default=1, metadata={'u': 1})
    eq(f.metadata['u'], 1)
    true(repr(f).startswith('Field(name=None,type=None,default=1,'))
    eq(repr(dc.MISSING).startswith('<dataclasses._MISSING_TYPE object at'), True)

    @dc.dataclass(frozen=True)
    class A:
        a: int
    true(A.__dataclass_params__.frozen)
