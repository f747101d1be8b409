"""Higher-order functions and operations on callables (ftpy).

partial and reduce come from the C++ module _functools when it provides the
3.14 API; the pure-Python versions here are complete fallbacks.  lru_cache
keeps its state behind a _thread lock, so it is safe under free threading.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property', 'Placeholder']

from _thread import RLock as _RLock, allocate_lock as _allocate_lock
from reprlib import recursive_repr
from abc import get_cache_token

# ---------------------------------------------------------------- wrappers

# 3.11's tuple: no __type_params__ (3.12) or __annotate__ (3.14), so a
# callable object wrapped with update_wrapper gets exactly these attributes.
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy the `assigned` attributes of wrapped onto wrapper, merge the
    `updated` dicts, set wrapper.__wrapped__; return wrapper."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so that a __wrapped__ in wrapped.__dict__ does not win.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): @wraps(f) on the wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---------------------------------------------------------- total_ordering

# total_ordering derives each missing comparison from the one the class
# defines (the "root") and __eq__.  For root R and a wanted operator W,
# _DERIVE[R][W] says how: negate the root's answer, and/or combine it with
# equality ('or_eq': root or equal, 'and_ne': root and not equal).
_DERIVE = {
    '__lt__': {'__gt__': ('not', 'and_ne'), '__le__': ('', 'or_eq'), '__ge__': ('not', '')},
    '__le__': {'__ge__': ('not', 'or_eq'), '__lt__': ('', 'and_ne'), '__gt__': ('not', '')},
    '__gt__': {'__lt__': ('not', 'and_ne'), '__ge__': ('', 'or_eq'), '__le__': ('not', '')},
    '__ge__': {'__le__': ('not', 'or_eq'), '__gt__': ('', 'and_ne'), '__lt__': ('not', '')},
}


def _derived_comparison(root, wanted, negate, combine):
    def compare(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if combine == 'or_eq':
            return r or self == other
        if combine == 'and_ne':
            return r and self != other
        return r
    compare.__name__ = wanted
    compare.__qualname__ = wanted
    return compare


def total_ordering(cls):
    """Class decorator: given __eq__ and one of __lt__, __le__, __gt__,
    __ge__, add the other three."""
    defined = [op for op in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]    # preference order: __lt__, __le__, __gt__, __ge__
    for wanted, (negate, combine) in _DERIVE[root].items():
        if wanted not in defined:
            setattr(cls, wanted, _derived_comparison(root, wanted, negate, combine))
    return cls


# -------------------------------------------------------------- cmp_to_key

class _KeyWrapper:
    """What cmp_to_key returns, as CPython's C type: calling it wraps a
    value in another KeyWrapper that orders by the comparison function."""
    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=None):
        self.cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return _KeyWrapper(self.cmp, obj)

    def _other(self, other):
        if type(other) is not _KeyWrapper:
            raise TypeError('other argument must be K instance')
        return other.obj

    def __lt__(self, other):
        return self.cmp(self.obj, self._other(other)) < 0

    def __gt__(self, other):
        return self.cmp(self.obj, self._other(other)) > 0

    def __eq__(self, other):
        return self.cmp(self.obj, self._other(other)) == 0

    def __le__(self, other):
        return self.cmp(self.obj, self._other(other)) <= 0

    def __ge__(self, other):
        return self.cmp(self.obj, self._other(other)) >= 0

    __hash__ = None


_KeyWrapper.__name__ = _KeyWrapper.__qualname__ = 'KeyWrapper'


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return _KeyWrapper(mycmp)


# ------------------------------------------------------------------ reduce

_NO_INITIAL = object()


def reduce(function, iterable, /, initial=_NO_INITIAL):
    """Fold iterable with function from the left:
    reduce(f, [a, b, c], x) is f(f(f(x, a), b), c); without initial the
    first item starts the fold."""
    it = iter(iterable)
    if initial is _NO_INITIAL:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


try:
    from _functools import reduce
except ImportError:
    pass


# ----------------------------------------------------------------- partial

class _PlaceholderType:
    """The type of the Placeholder singleton, used to reserve a positional
    argument of a partial object."""
    __instance = None
    __slots__ = ()

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type '_PlaceholderType' is not an acceptable base type")

    def __new__(cls):
        if cls.__instance is None:
            cls.__instance = object.__new__(cls)
        return cls.__instance

    def __repr__(self):
        return 'Placeholder'

    def __reduce__(self):
        return 'Placeholder'


Placeholder = _PlaceholderType()


def _partial_prepare_merger(args):
    if not args:
        return 0, None
    nargs = len(args)
    order = []
    j = nargs
    for i, a in enumerate(args):
        if a is Placeholder:
            order.append(j)
            j += 1
        else:
            order.append(i)
    phcount = j - nargs
    if phcount == 0:
        return 0, None

    def merger(all_args):
        return tuple([all_args[i] for i in order])
    return phcount, merger


class partial:
    """partial(func, *args, **keywords): a callable that calls func with
    these arguments first (Placeholder marks positions left for the call)
    and these keywords (which the call may override)."""

    __slots__ = ('func', 'args', 'keywords', '_phcount', '_merger',
                 '__dict__', '__weakref__')

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if args and args[-1] is Placeholder:
            raise TypeError('trailing Placeholders are not allowed')
        for k, v in keywords.items():
            if v is Placeholder:
                raise TypeError('Placeholder cannot be passed as a keyword argument')
        if isinstance(func, _py_partial):
            pto_phcount = func._phcount
            tot_args = func.args
            if args:
                tot_args += args
                if pto_phcount:
                    nargs = len(args)
                    if nargs < pto_phcount:
                        tot_args += (Placeholder,) * (pto_phcount - nargs)
                    tot_args = func._merger(tot_args)
                    if nargs > pto_phcount:
                        tot_args += args[pto_phcount:]
                phcount, merger = _partial_prepare_merger(tot_args)
            else:
                phcount, merger = pto_phcount, func._merger
            keywords = {**func.keywords, **keywords}
            func = func.func
        else:
            tot_args = args
            phcount, merger = _partial_prepare_merger(tot_args)
        self = object.__new__(cls)
        self.func = func
        self.args = tot_args
        self.keywords = keywords
        self._phcount = phcount
        self._merger = merger
        return self

    def __call__(self, /, *args, **keywords):
        phcount = self._phcount
        if phcount:
            try:
                pto_args = self._merger(self.args + args)
                args = args[phcount:]
            except IndexError:
                raise TypeError('missing positional arguments in \'partial\' call; '
                                'expected at least %d, got %d' % (phcount, len(args)))
        else:
            pto_args = self.args
        keywords = {**self.keywords, **keywords}
        return self.func(*pto_args, *args, **keywords)

    @recursive_repr()
    def __repr__(self):
        cls = type(self)
        qualname = cls.__qualname__
        module = cls.__module__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s)' % (module, qualname, ', '.join(args))

    def __get__(self, obj, objtype=None):
        return self

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError('expected 4 items in state, got %d' % len(state))
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple)
                or (kwds is not None and not isinstance(kwds, dict))
                or (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        if args and args[-1] is Placeholder:
            raise TypeError('trailing Placeholders are not allowed')
        phcount, merger = _partial_prepare_merger(args)
        args = tuple(args)
        kwds = {} if kwds is None else (kwds if type(kwds) is dict else dict(kwds))
        namespace = {} if namespace is None else namespace
        self.__dict__.clear()
        self.__dict__.update(namespace)
        self.func = func
        self.args = args
        self.keywords = kwds
        self._phcount = phcount
        self._merger = merger

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


# The pure-Python class is kept for tests and for a core without _functools.
_py_partial = partial
try:
    from _functools import partial, Placeholder, _PlaceholderType
except ImportError:
    pass


class partialmethod(object):
    """partial() for methods: a descriptor that binds like the wrapped
    callable or descriptor, then applies the stored arguments."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if args and args[-1] is Placeholder:
            raise TypeError('trailing Placeholders are not allowed')
        if isinstance(func, partialmethod):
            # Flatten, applying our arguments after the inner ones.
            inner = _py_partial(lambda *a, **k: None, *func.args, **func.keywords)
            flat = _py_partial(inner, *args, **keywords)
            self.func = func.func
            self.args = flat.args
            self.keywords = flat.keywords
        else:
            self.func = func
            self.args = args
            self.keywords = keywords
        self._phcount, self._merger = _partial_prepare_merger(self.args)

    def __repr__(self):
        # 3.11's form always has the three parts, empty ones included:
        # functools.partialmethod(<f>, 1, ) and (<f>, , k=2).
        cls = type(self)
        args = ', '.join(map(repr, self.args))
        keywords = ', '.join('%s=%r' % (k, v) for k, v in self.keywords.items())
        return '%s.%s(%s, %s, %s)' % (cls.__module__, cls.__qualname__, self.func, args, keywords)

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            phcount = self._phcount
            if phcount:
                try:
                    pto_args = self._merger(self.args + args)
                    args = args[phcount:]
                except IndexError:
                    raise TypeError('missing positional arguments in '
                                    "'partialmethod' call; expected at least "
                                    '%d, got %d' % (phcount, len(args)))
            else:
                pto_args = self.args
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *pto_args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.__partialmethod__ = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = _py_partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


# --------------------------------------------------------------- lru_cache

class _CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize)"""
    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0], doc='Alias for field number 0')
    misses = property(lambda self: self[1], doc='Alias for field number 1')
    maxsize = property(lambda self: self[2], doc='Alias for field number 2')
    currsize = property(lambda self: self[3], doc='Alias for field number 3')

    def __repr__(self):
        return 'CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)' % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

_CacheInfo.__name__ = _CacheInfo.__qualname__ = 'CacheInfo'


class _CallKey:
    """Cache key for one call: the arguments, keyword items and (if typed)
    argument types, flattened into a tuple whose hash is computed once."""
    __slots__ = ('parts', 'hashvalue')

    def __init__(self, parts):
        self.parts = parts
        self.hashvalue = hash(parts)

    def __hash__(self):
        return self.hashvalue

    def __eq__(self, other):
        return type(other) is _CallKey and self.parts == other.parts


_KWD_MARK = object()


def _make_key(args, kwds, typed):
    if not kwds and not typed and len(args) == 1 and type(args[0]) in (int, str):
        return args[0]          # common case: the argument is its own key
    parts = args
    if kwds:
        parts += (_KWD_MARK,) + tuple(kwds.items())
    if typed:
        parts += tuple(type(a) for a in args)
        if kwds:
            parts += tuple(type(v) for v in kwds.values())
    return _CallKey(parts)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If maxsize is None, the cache grows without bound.  If typed is true,
    arguments of different types are cached separately.  The wrapped
    function gets cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict kept in recency order: a hit moves its key to the
    # end (pop and re-insert), and eviction drops the first key.  One lock
    # guards the dict and the counters; the user function runs outside it,
    # so two threads may compute the same value (the first one stored wins).
    cache = {}
    counts = {'hits': 0, 'misses': 0}
    lock = _RLock()     # re-entrant: a key's __eq__ may call the function
    missing = object()

    def wrapper(*args, **kwds):
        if maxsize == 0:
            result = user_function(*args, **kwds)
            with lock:
                counts['misses'] += 1
            return result
        key = _make_key(args, kwds, typed)
        with lock:
            result = cache.pop(key, missing)
            if result is not missing:
                cache[key] = result
                counts['hits'] += 1
                return result
            counts['misses'] += 1
        result = user_function(*args, **kwds)
        with lock:
            if key not in cache:
                cache[key] = result
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
        return result

    def cache_info():
        """CacheInfo(hits, misses, maxsize, currsize) now."""
        with lock:
            return _CacheInfo(counts['hits'], counts['misses'], maxsize, len(cache))

    def cache_clear():
        """Empty the cache and zero the counters."""
        with lock:
            cache.clear()
            counts['hits'] = counts['misses'] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'lru_cache(maxsize=None): remember every result.'
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------- singledispatch

def _c3_mro_abcs(cls, abcs):
    """The MRO of cls with those of `abcs` that cls subclasses virtually,
    inserted after the last class of the MRO that is a subclass of each."""
    mro = list(cls.__mro__)
    for abc in abcs:
        if abc in mro or not issubclass(cls, abc):
            continue
        # Insert after the last MRO entry that is a (virtual) subclass.
        pos = 0
        for i, c in enumerate(mro):
            if issubclass(c, abc):
                pos = i + 1
        mro.insert(pos, abc)
    return mro


def _find_impl(cls, registry):
    abcs = [t for t in registry if t not in cls.__mro__ and hasattr(t, '__subclasshook__')
            and isinstance(t, type) and type(t) is not type]
    mro = _c3_mro_abcs(cls, abcs) if abcs else cls.__mro__
    for t in mro:
        if t in registry:
            return registry[t]
    return None


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    try:
        import types
        if isinstance(cls, types.UnionType):
            return all(isinstance(arg, type) for arg in cls.__args__)
    except (ImportError, AttributeError):
        pass
    return False


def singledispatch(func):
    """Turn func into a generic function that picks an implementation by
    the class of its first argument (see .register and .dispatch)."""
    import types
    registry = {}
    dispatch_cache = {}
    cache_lock = _allocate_lock()
    # Once an ABC is registered, a later ABC.register() can change which
    # implementation a class gets: abc's cache token then moves on, and the
    # cached choices are dropped.
    abc_token = [None]

    def dispatch(cls):
        """Return the implementation registered for cls (or a base)."""
        if abc_token[0] is not None:
            current = get_cache_token()
            if current != abc_token[0]:
                with cache_lock:
                    dispatch_cache.clear()
                    abc_token[0] = current
        impl = dispatch_cache.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
            with cache_lock:
                dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """register(cls, func) -> func: register an implementation for cls."""
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. '
                                '%r is not a class or union type.' % (cls,))
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    'Invalid first argument to `register()`: %r. '
                    'Use either `@register(some_class)` or plain `@register` '
                    'on an annotated function.' % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if not _is_valid_dispatch_type(cls):
                raise TypeError('Invalid annotation for %r. %r is not a class.'
                                % (argname, cls))
        args = getattr(cls, '__args__', None)
        with cache_lock:
            if args is not None and not isinstance(cls, type):
                for arg in args:
                    registry[arg] = func
            else:
                registry[cls] = func
            if abc_token[0] is None and any(hasattr(c, '__abstractmethods__') for c in (args or (cls,))):
                abc_token[0] = get_cache_token()
            dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument' % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = types.MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        funcname = getattr(self.func, '__name__', 'singledispatchmethod method')

        def _method(*args, **kwargs):
            if not args:
                raise TypeError('%s requires at least 1 positional argument' % funcname)
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ----------------------------------------------------------- cached_property

_ABSENT = object()


class cached_property:
    """A property computed once per instance and then stored in the
    instance's __dict__ (no lock: two threads may both compute it)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two '
                            'different names (%r and %r).' % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = ("No '__dict__' attribute on %r instance to cache %r property."
                   % (type(instance).__name__, self.attrname))
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _ABSENT)
        if val is _ABSENT:
            val = self.func(instance)
            try:
                cache[self.attrname] = val
            except TypeError:
                msg = ("The '__dict__' attribute on %r instance does not support "
                       'item assignment for caching %r property.'
                       % (type(instance).__name__, self.attrname))
                raise TypeError(msg) from None
        return val

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


# The name CPython's messages give this module's C type (functools.partial)
# when the pure class is in use: see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name') and partial is _py_partial:
        sys._ftpy_c_type_name(partial, 'functools.partial')
_c_type_names()
del _c_type_names
