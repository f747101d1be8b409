import functools
import operator

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(*a, **k):
    return a, k

p = functools.partial(f, 1, c=2)
q = functools.partial(p, 2, d=3)
print(q.func is f, q.args, q.keywords, q(3, c=9))
print(repr(p).replace(hex(id(f)), 'ADDR'))
show(lambda: functools.partial())
show(lambda: functools.partial(1))
show(lambda: functools.reduce(operator.add, []))
show(lambda: functools.reduce(operator.add, [], 5))
show(lambda: functools.reduce(operator.add, 1))
show(lambda: functools.reduce(operator.mul, range(1, 6)))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
show(lambda: functools.cmp_to_key(lambda a, b: a - b)(1) < 2)
print(operator.attrgetter('a.b', 'c'), operator.itemgetter(1, 'a'), operator.methodcaller('f', 1, x=2))
print(operator.itemgetter(0, 2)('abc'), operator.attrgetter('real', 'imag')(3), operator.methodcaller('upper')('x'))
show(lambda: operator.attrgetter(1))
show(lambda: operator.methodcaller())
show(lambda: operator.concat(1, 2))
show(lambda: operator.indexOf([1], 2))
print(operator.countOf([1, 1, 2], 1), operator.length_hint(iter([1, 2])), operator.length_hint(object(), 7))
print(operator.iadd([1], [2]), operator.ior({1}, {2}), operator.truth(0), operator.is_not(1, None))
