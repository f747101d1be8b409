"""Shallow and deep copy operations (ftpy).

Both follow the documented protocol: a class's __copy__ / __deepcopy__
first, then copyreg.dispatch_table, then the pickle reduction
(__reduce_ex__(4), or __reduce__), whose result is rebuilt by _rebuild()."""

__all__ = ['Error', 'copy', 'deepcopy', 'replace']

import copyreg as _copyreg


class Error(Exception):
    pass

error = Error

_FunctionType = type(lambda: None)
_CodeType = type((lambda: None).__code__)
_MethodType = type((lambda: None).__get__(1))
try:
    from _weakref import ref as _weakref_type
except ImportError:
    _weakref_type = None

# Values that are their own copy, shallow and deep.
_IMMUTABLE = {type(None), int, float, bool, complex, str, bytes, type, range,
              _FunctionType, type(len), type(Ellipsis), type(NotImplemented),
              property, _CodeType}
if _weakref_type is not None:
    _IMMUTABLE.add(_weakref_type)
# For a shallow copy, immutable containers are their own copy too.
_SHALLOW_SELF = _IMMUTABLE | {tuple, frozenset, slice}
_SHALLOW_METHOD = {list: list.copy, dict: dict.copy, set: set.copy,
                   bytearray: bytearray.copy}


def _reduction(x, cls, what):
    """The pickle reduction of x: a string (x is a global: copy is x) or a
    tuple (callable, args[, state[, listitems[, dictitems]]])."""
    reducer = _copyreg.dispatch_table.get(cls)
    if reducer is not None:
        return reducer(x)
    method = getattr(x, '__reduce_ex__', None)
    if method is not None:
        return method(4)
    method = getattr(x, '__reduce__', None)
    if method:
        return method()
    raise Error('un(%s)copyable object of type %s' % (what, cls))


def copy(x):
    """Shallow copy of x: a new container holding the same items, or x
    itself for immutable values."""
    cls = type(x)
    if cls in _SHALLOW_SELF or issubclass(cls, type):
        return x
    method = _SHALLOW_METHOD.get(cls)
    if method is not None:
        return method(x)
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return hook(x)
    rv = _reduction(x, cls, 'shallow')
    if isinstance(rv, str):
        return x
    return _rebuild(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x: containers and instances are copied recursively;
    `memo` maps id(original) -> copy, so shared and cyclic structure is
    preserved."""
    cls = type(x)
    if cls in _IMMUTABLE:
        return x
    if memo is None:
        memo = {}
    else:
        done = memo.get(id(x), _nil)
        if done is not _nil:
            return done
    if cls is list:
        y = _deep_list(x, memo)
    elif cls is dict:
        y = _deep_dict(x, memo)
    elif cls is tuple:
        y = _deep_tuple(x, memo)
    elif cls is _MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    elif issubclass(cls, type):
        y = x
    else:
        hook = getattr(x, '__deepcopy__', None)
        if hook is not None:
            y = hook(memo)
        else:
            rv = _reduction(x, cls, 'deep')
            y = x if isinstance(rv, str) else _rebuild(x, memo, *rv)
    if y is not x:
        memo[id(x)] = y
        # The memo is keyed by id(): keep every original alive as long as
        # the memo, so that no id is reused during the copy.
        memo.setdefault(id(memo), []).append(x)
    return y


def _deep_list(x, memo):
    y = []
    memo[id(x)] = y            # before the items: they may refer back to x
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deep_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # Copying an item may have copied this tuple already (a cycle through
    # a mutable item): use that copy.
    already = memo.get(id(x))
    if already is not None:
        return already
    if all(a is b for a, b in zip(items, x)):
        return x               # nothing inside needed copying
    return tuple(items)


def _rebuild(x, memo, func, args, state=None, listiter=None, dictiter=None):
    """Rebuild an object from its reduction; deep if memo is not None."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                y.__dict__.update(state)
            if slots:
                for name, value in slots.items():
                    setattr(y, name, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    return y


def replace(obj, /, **changes):
    """A new object like obj with some fields changed, for classes with a
    __replace__ method (named tuples, dataclasses, ...)."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        # Dataclasses and named tuples have no __replace__ in 3.11 (dir()
        # shows what python3 shows); replace() still takes them.
        if hasattr(cls, '__dataclass_fields__'):
            import dataclasses
            return dataclasses.replace(obj, **changes)
        if isinstance(obj, tuple) and hasattr(cls, '_fields') and hasattr(cls, '_replace'):
            return obj._replace(**changes)
        raise TypeError('replace() does not support %s objects' % cls.__name__)
    return func(obj, **changes)
