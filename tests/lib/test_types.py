from harness import mine, eq, true, raises
types = mine('types')
import sys


def test_type_names():
    def f():
        yield 1
    eq(types.FunctionType, type(f))
    true(isinstance(f(), types.GeneratorType))
    true(isinstance(len, types.BuiltinFunctionType))
    true(isinstance(sys, types.ModuleType))
    true(isinstance(type.__dict__, types.MappingProxyType))
    eq(types.MappingProxyType({'a': 1})['a'], 1)
    true(isinstance(list[int], types.GenericAlias))
    true(isinstance(int | str, types.UnionType))
    eq(types.NoneType, type(None))
    true(isinstance(str.join, types.MethodDescriptorType))
    m = types.MethodType(lambda self: self, 5)
    eq(m(), 5)
    eq(types.GenericAlias(list, (int,)), list[int])


def test_simple_namespace():
    ns = types.SimpleNamespace(a=1, b='x')
    eq(repr(ns), "namespace(a=1, b='x')")
    eq(ns, types.SimpleNamespace(b='x', a=1))


def test_new_class():
    C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=1))
    eq((C.__name__, C.x), ('C', 1))

    class Meta(type):
        @classmethod
        def __prepare__(m, name, bases, **kw):
            d = {'prepared': kw}
            return d
        def __new__(m, name, bases, ns, **kw):
            return super().__new__(m, name, bases, ns)
    D = types.new_class('D', (), {'metaclass': Meta, 'flag': 1})
    eq(type(D), Meta)
    eq(D.prepared, {'flag': 1})

    class Entry:
        def __mro_entries__(self, bases):
            return (int,)
    e = Entry()
    E = types.new_class('E', (e,))
    eq(E.__bases__, (int,))
    eq(E.__orig_bases__, (e,))
    eq(types.resolve_bases((int, e)), (int, int))
    eq(types.get_original_bases(E), (e,))


def test_dynamic_class_attribute():
    class A:
        @types.DynamicClassAttribute
        def name(self):
            return 'inst'
    eq(A().name, 'inst')
    with raises(AttributeError):
        A.name


def test_coroutine():
    @types.coroutine
    def gen():
        x = yield 1
        return x

    async def main():
        return await gen()
    c = main()
    eq(c.send(None), 1)
    try:
        c.send(5)
    except StopIteration as e:
        eq(e.value, 5)

    def plain():
        return (i for i in [7])
    wrapped = types.coroutine(plain)

    async def main2():
        return await wrapped()
    c = main2()
    eq(c.send(None), 7)
    with raises(TypeError, 'types.coroutine() expects a callable'):
        types.coroutine(1)
