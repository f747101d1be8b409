"""Standard operators as functions (ftpy: written in Python; hot paths may
move to C++ later under the same names)."""

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains',
           'countOf', 'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt',
           'iadd', 'iand', 'iconcat', 'ifloordiv', 'ilshift', 'imatmul',
           'imod', 'imul', 'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow',
           'irshift', 'is_', 'is_not', 'isub', 'itemgetter', 'itruediv',
           'ixor', 'le', 'length_hint', 'lshift', 'lt', 'matmul',
           'methodcaller', 'mod', 'mul', 'ne', 'neg', 'not_', 'or_', 'pos',
           'pow', 'rshift', 'setitem', 'sub', 'truediv', 'truth', 'xor']

import builtins as _b


# Comparisons
def lt(a, b):
    "Return a < b."
    return a < b

def le(a, b):
    "Return a <= b."
    return a <= b

def eq(a, b):
    "Return a == b."
    return a == b

def ne(a, b):
    "Return a != b."
    return a != b

def ge(a, b):
    "Return a >= b."
    return a >= b

def gt(a, b):
    "Return a > b."
    return a > b


# Logical
def not_(a):
    "Return not a."
    return not a

def truth(a):
    "Return True if a is true, False otherwise."
    return True if a else False

def is_(a, b):
    "Return a is b."
    return a is b

def is_not(a, b):
    "Return a is not b."
    return a is not b


# Arithmetic and bitwise
def abs(a):
    "Return abs(a)."
    return _b.abs(a)

def add(a, b):
    "Return a + b."
    return a + b

def and_(a, b):
    "Return a & b."
    return a & b

def floordiv(a, b):
    "Return a // b."
    return a // b

def index(a):
    "Return a.__index__()."
    tp = type(a)
    try:
        meth = tp.__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % tp.__name__) from None
    r = meth(a)
    if type(r) is not int and not isinstance(r, int):
        raise TypeError('__index__ returned non-int (type %s)' % type(r).__name__)
    return r

def inv(a):
    "Return ~a."
    return ~a
invert = inv

def lshift(a, b):
    "Return a << b."
    return a << b

def mod(a, b):
    "Return a % b."
    return a % b

def mul(a, b):
    "Return a * b."
    return a * b

def matmul(a, b):
    "Return a @ b."
    return a @ b

def neg(a):
    "Return -a."
    return -a

def or_(a, b):
    "Return a | b."
    return a | b

def pos(a):
    "Return +a."
    return +a

def pow(a, b):
    "Return a ** b."
    return a ** b

def rshift(a, b):
    "Return a >> b."
    return a >> b

def sub(a, b):
    "Return a - b."
    return a - b

def truediv(a, b):
    "Return a / b."
    return a / b

def xor(a, b):
    "Return a ^ b."
    return a ^ b


# Sequences
def _check_seq(a):
    if not hasattr(a, '__getitem__'):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)

def concat(a, b):
    "Return a + b, for a and b sequences."
    _check_seq(a)
    return a + b

def contains(a, b):
    "Return b in a (note reversed operands)."
    return b in a

def countOf(a, b):
    "Return the number of items in a which are, or which equal, b."
    n = 0
    for x in a:
        if x is b or x == b:
            n += 1
    return n

def delitem(a, b):
    "Return del a[b]."
    del a[b]

def getitem(a, b):
    "Return a[b]."
    return a[b]

def indexOf(a, b):
    "Return the first index of b in a."
    for i, x in enumerate(a):
        if x is b or x == b:
            return i
    raise ValueError('sequence.index(x): x not in sequence')

def setitem(a, b, c):
    "Return a[b] = c."
    a[b] = c

def length_hint(obj, default=0):
    """Return an estimate of the number of items in obj.

    Uses len(obj) if possible, then obj.__length_hint__(), then default."""
    if type(default) is not int and not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(default).__name__)
    try:
        return len(obj)
    except TypeError:
        pass
    try:
        hint = type(obj).__length_hint__
    except AttributeError:
        return default
    try:
        val = hint(obj)
    except TypeError:
        return default
    if val is NotImplemented:
        return default
    if not isinstance(val, int):
        raise TypeError('__length_hint__ must be integer, not %s' % type(val).__name__)
    if val < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return val


def call(obj, /, *args, **kwargs):
    "Return obj(*args, **kwargs)."
    return obj(*args, **kwargs)


# Generalised lookup objects
class attrgetter:
    """Return a callable object that fetches the given attribute(s) from its operand.
    After f = attrgetter('name'), the call f(r) returns r.name.
    After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).
    After h = attrgetter('name.first', 'name.last'), the call h(r) returns
    (r.name.first, r.name.last)."""
    __slots__ = ('_attrs', '_paths')

    def __init__(self, *names):
        if not names:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for n in names:
            if not isinstance(n, str):
                raise TypeError('attribute name must be a string')
        self._attrs = names
        self._paths = tuple(tuple(n.split('.')) for n in names)

    @staticmethod
    def _get(obj, path):
        for part in path:
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj, /):
        paths = self._paths
        if len(paths) == 1:
            return self._get(obj, paths[0])
        return tuple([self._get(obj, p) for p in paths])

    def __repr__(self):
        return '%s.%s(%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                              ', '.join(map(repr, self._attrs)))

    def __reduce__(self):
        return self.__class__, self._attrs


class itemgetter:
    """Return a callable object that fetches the given item(s) from its operand.
    After f = itemgetter(2), the call f(r) returns r[2].
    After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"""
    __slots__ = ('_items',)

    def __init__(self, *items):
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, obj, /):
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple([obj[i] for i in items])

    def __repr__(self):
        return '%s.%s(%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                              ', '.join(map(repr, self._items)))

    def __reduce__(self):
        return self.__class__, self._items


class methodcaller:
    """Return a callable object that calls the given method on its operand.
    After f = methodcaller('name'), the call f(r) returns r.name().
    After g = methodcaller('name', 'date', foo=1), the call g(r) returns
    r.name('date', foo=1)."""
    __slots__ = ('_name', '_args', '_kwargs')

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError('methodcaller needs at least one argument, the method name')
        name, *args = args
        args = tuple(args)
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, obj, /):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(map(repr, self._args))
        parts.extend('%s=%r' % kv for kv in self._kwargs.items())
        return '%s.%s(%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                              ', '.join(parts))

    def __reduce__(self):
        if not self._kwargs:
            return self.__class__, (self._name,) + self._args
        from functools import partial
        return partial(self.__class__, self._name, **self._kwargs), self._args


# In-place operations
def iadd(a, b):
    "Return a += b."
    a += b
    return a

def iand(a, b):
    "Return a &= b."
    a &= b
    return a

def iconcat(a, b):
    "Return a += b, for a and b sequences."
    _check_seq(a)
    a += b
    return a

def ifloordiv(a, b):
    "Return a //= b."
    a //= b
    return a

def ilshift(a, b):
    "Return a <<= b."
    a <<= b
    return a

def imod(a, b):
    "Return a %= b."
    a %= b
    return a

def imul(a, b):
    "Return a *= b."
    a *= b
    return a

def imatmul(a, b):
    "Return a @= b."
    a @= b
    return a

def ior(a, b):
    "Return a |= b."
    a |= b
    return a

def ipow(a, b):
    "Return a **= b."
    a **= b
    return a

def irshift(a, b):
    "Return a >>= b."
    a >>= b
    return a

def isub(a, b):
    "Return a -= b."
    a -= b
    return a

def itruediv(a, b):
    "Return a /= b."
    a /= b
    return a

def ixor(a, b):
    "Return a ^= b."
    a ^= b
    return a


# The C++ _operator module's functions and classes replace the ones above
# when it is there, as CPython's C _operator does: they are faster, and an
# error inside them shows no frame of this file in a traceback.
_py_classes = (attrgetter, itemgetter, methodcaller)
try:
    from _operator import *
except ImportError:
    pass

# Dunder aliases
__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__call__ = call
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor


# Without _operator, the pure classes take the names CPython's messages give
# the C types (operator.attrgetter, ...): see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name') and attrgetter is _py_classes[0]:
        sys._ftpy_c_type_name(attrgetter, 'operator.attrgetter')
        sys._ftpy_c_type_name(itemgetter, 'operator.itemgetter')
        sys._ftpy_c_type_name(methodcaller, 'operator.methodcaller')
_c_type_names()
del _c_type_names, _py_classes
