from harness import mine, eq, true, raises
abc = mine('abc')


def test_abstract():
    class A(abc.ABC):
        @abc.abstractmethod
        def f(self):
            pass

        @property
        @abc.abstractmethod
        def p(self):
            pass
    eq(A.__abstractmethods__, frozenset({'f', 'p'}))
    with raises(TypeError, "Can't instantiate abstract class A"):
        A()

    class B(A):
        def f(self):
            return 1
    eq(B.__abstractmethods__, frozenset({'p'}))

    class C(B):
        p = 3
    eq(C.__abstractmethods__, frozenset())
    eq(C().f(), 1)
    eq(type(A), abc.ABCMeta)

    class D(metaclass=abc.ABCMeta):
        @abc.abstractclassmethod
        def cm(cls):
            pass

        @abc.abstractstaticmethod
        def sm():
            pass
    eq(D.__abstractmethods__, frozenset({'cm', 'sm'}))


def test_register():
    class Shape(abc.ABC):
        pass

    class Sq:
        pass
    true(not issubclass(Sq, Shape))
    tok = abc.get_cache_token()
    eq(Shape.register(Sq), Sq)
    true(abc.get_cache_token() != tok)
    true(issubclass(Sq, Shape))
    true(isinstance(Sq(), Shape))

    class Sub(Sq):
        pass
    true(issubclass(Sub, Shape))
    with raises(TypeError, 'Can only register classes'):
        Shape.register(1)
    with raises(RuntimeError, 'Refusing to create an inheritance cycle'):
        Sq.register = None
        class Base(abc.ABC):
            pass
        class Derived(Base):
            pass
        Derived.register(Base)
    with raises(TypeError, 'issubclass() arg 1 must be a class'):
        issubclass(1, Shape)

    @Shape.register
    class Deco:
        pass
    true(isinstance(Deco(), Shape))


def test_subclasshook():
    class Sized(abc.ABC):
        @classmethod
        def __subclasshook__(cls, C):
            if cls is Sized:
                return any('__len__' in B.__dict__ for B in C.__mro__)
            return NotImplemented
    true(issubclass(list, Sized))
    true(not issubclass(int, Sized))
    true(isinstance('x', Sized))


def test_update_abstractmethods():
    class A(abc.ABC):
        @abc.abstractmethod
        def f(self):
            pass

    class B(A):
        pass
    B.f = lambda self: 1
    abc.update_abstractmethods(B)
    eq(B.__abstractmethods__, frozenset())
    eq(B().f(), 1)
