from harness import mine, eq, true, raises
operator = mine('operator')


def test_basic_ops():
    eq(operator.add(2, 3), 5)
    eq(operator.sub(2, 3), -1)
    eq(operator.mul('a', 3), 'aaa')
    eq(operator.truediv(7, 2), 3.5)
    eq(operator.floordiv(7, 2), 3)
    eq(operator.mod(7, 3), 1)
    eq(operator.pow(2, 10), 1024)
    eq(operator.neg(5), -5)
    eq(operator.pos(-5), -5)
    eq(operator.inv(5), -6)
    eq(operator.invert(0), -1)
    eq(operator.lshift(1, 4), 16)
    eq(operator.rshift(16, 2), 4)
    eq(operator.and_(6, 3), 2)
    eq(operator.or_(6, 3), 7)
    eq(operator.xor(6, 3), 5)
    eq(operator.abs(-3), 3)
    eq(operator.not_(0), True)
    eq(operator.truth([]), False)
    true(operator.is_(None, None))
    true(operator.is_not(1, None))
    eq([operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1),
        operator.ne(1, 1), operator.ge(1, 2), operator.gt(3, 2)],
       [True, True, True, False, False, True])
    eq(operator.__add__(1, 1), 2)


def test_sequences():
    eq(operator.concat([1], [2]), [1, 2])
    with raises(TypeError, "'int' object can't be concatenated"):
        operator.concat(1, 2)
    true(operator.contains([1, 2], 2))
    eq(operator.countOf([1, 2, 1], 1), 2)
    eq(operator.indexOf('abc', 'c'), 2)
    with raises(ValueError):
        operator.indexOf([1], 5)
    d = {}
    operator.setitem(d, 'a', 1)
    eq(operator.getitem(d, 'a'), 1)
    operator.delitem(d, 'a')
    eq(d, {})


def test_index_and_length_hint():
    eq(operator.index(7), 7)
    with raises(TypeError, "'float' object cannot be interpreted as an integer"):
        operator.index(1.5)

    class H:
        def __length_hint__(self):
            return 12
    eq(operator.length_hint(H()), 12)
    eq(operator.length_hint([1, 2]), 2)
    eq(operator.length_hint(object(), 4), 4)
    eq(operator.length_hint(iter(range(5))), 5)

    class Bad:
        def __length_hint__(self):
            return -1
    with raises(ValueError):
        operator.length_hint(Bad())


def test_getters():
    class A:
        pass
    a = A()
    a.b = A()
    a.b.c = 42
    a.x = 1
    eq(operator.attrgetter('b.c')(a), 42)
    eq(operator.attrgetter('x', 'b.c')(a), (1, 42))
    eq(operator.itemgetter(1)('abc'), 'b')
    eq(operator.itemgetter(0, 2)('abc'), ('a', 'c'))
    eq(operator.itemgetter(slice(1, None))('abc'), 'bc')
    eq(operator.methodcaller('split', ',', maxsplit=1)('a,b,c'), ['a', 'b,c'])
    eq(repr(operator.attrgetter('x', 'b.c')), "operator.attrgetter('x', 'b.c')")
    eq(repr(operator.itemgetter(1)), 'operator.itemgetter(1)')
    eq(repr(operator.methodcaller('f', 1, k=2)), "operator.methodcaller('f', 1, k=2)")
    with raises(TypeError):
        operator.attrgetter(1)
    with raises(AttributeError):
        operator.attrgetter('nope')(a)
    eq(sorted([(1, 'b'), (0, 'c')], key=operator.itemgetter(1)), [(1, 'b'), (0, 'c')])


def test_inplace():
    l = [1]
    r = operator.iadd(l, [2])
    true(r is l)
    eq(l, [1, 2])
    eq(operator.iadd(1, 2), 3)
    eq(operator.isub(5, 2), 3)
    eq(operator.imul(2, 3), 6)
    eq(operator.itruediv(1, 2), 0.5)
    eq(operator.ifloordiv(7, 2), 3)
    eq(operator.imod(7, 2), 1)
    eq(operator.ipow(2, 3), 8)
    eq(operator.ilshift(1, 2), 4)
    eq(operator.irshift(4, 2), 1)
    eq(operator.iand(3, 1), 1)
    eq(operator.ior(2, 1), 3)
    eq(operator.ixor(3, 1), 2)
    s = {1}
    true(operator.ior(s, {2}) is s)
    eq(operator.iconcat([1], (2,)), [1, 2])
    eq(operator.call(len, 'abc'), 3)


def test_keyword():
    keyword = mine('keyword')
    true(keyword.iskeyword('for') and not keyword.iskeyword('match'))
    true(keyword.issoftkeyword('match') and keyword.issoftkeyword('type'))
    eq(len(keyword.kwlist), 35)
    eq(keyword.softkwlist, ['_', 'case', 'match', 'type'])
