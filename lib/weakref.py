"""Weak references and weak containers (ftpy).

ref, proxy and friends come from the C++ module _weakref.  The containers
here drop an entry from the weak reference's callback when its referent
dies.  ftpy runs callbacks in whichever thread frees the object, so the
containers never hold a lock while calling out, and they iterate over
snapshots: an entry that dies during iteration is simply skipped."""

from _weakref import (getweakrefcount, getweakrefs, ref, proxy,
                      ReferenceType, ProxyType)
try:
    from _weakref import CallableProxyType
except ImportError:
    CallableProxyType = type(proxy(lambda: None))

import itertools as _itertools
from _thread import allocate_lock as _allocate_lock
from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs',
           'WeakKeyDictionary', 'ReferenceType', 'ProxyType',
           'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary',
           'WeakSet', 'WeakMethod', 'finalize', 'KeyedRef']

_GenericAlias = type(list[int])


class WeakMethod(ref):
    """A weak reference to a bound method: calling it gives a new bound
    method while both the object and the function are alive, else None."""

    __slots__ = ('_func_ref', '_meth_type', '_alive', '__weakref__')

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError('argument should be a bound method, not {}'
                            .format(type(meth))) from None

        def _cb(arg):
            # Either part dying kills the method; report it once.
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers a key (WeakValueDictionary's)."""

    __slots__ = ('key',)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(_MutableMapping):
    """Mapping whose values are held weakly: an entry disappears when its
    value is garbage collected."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self_wr = ref(self)

        def remove(wr, self_wr=self_wr):
            self = self_wr()
            if self is not None:
                # Only if the entry still holds this dead reference.
                d = self.data
                if d.get(wr.key) is wr:
                    try:
                        del d[wr.key]
                    except KeyError:
                        pass
        self._remove = remove
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def __iter__(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k

    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        return iter(self)

    def values(self):
        for wr in list(self.data.values()):
            v = wr()
            if v is not None:
                yield v

    def itervaluerefs(self):
        """Iterate over the KeyedRef objects (whose referents may die)."""
        yield from list(self.data.values())

    def valuerefs(self):
        """A list of the KeyedRef objects."""
        return list(self.data.values())

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        o = self.data.pop(key)() if key in self.data else None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            items = other.items() if hasattr(other, 'items') else other
            for k, v in items:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        new = type(self)()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = type(self)()
        for k, v in self.items():
            new[deepcopy(k, memo)] = v
        return new

    def __or__(self, other):
        if isinstance(other, _MutableMapping.__mro__[1]):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __ror__(self, other):
        if isinstance(other, _MutableMapping.__mro__[1]):
            c = type(self)()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakKeyDictionary(_MutableMapping):
    """Mapping whose keys are held weakly: an entry disappears when its key
    is garbage collected.  Keys must be hashable and weakly referenceable."""

    def __init__(self, dict=None):
        self.data = {}
        self_wr = ref(self)

        def remove(k, self_wr=self_wr):
            self = self_wr()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            k = wr()
            if k is not None:
                yield k

    def items(self):
        for wr, v in list(self.data.items()):
            k = wr()
            if k is not None:
                yield k, v

    def keys(self):
        return iter(self)

    def values(self):
        for wr, v in list(self.data.items()):
            if wr() is not None:
                yield v

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, v = self.data.popitem()
            k = wr()
            if k is not None:
                return k, v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            items = dict.items() if hasattr(dict, 'items') else dict
            for k, v in items:
                self[k] = v
        if kwargs:
            self.update(kwargs)

    def copy(self):
        new = type(self)()
        for k, v in self.items():
            new[k] = v
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = type(self)()
        for k, v in self.items():
            new[k] = deepcopy(v, memo)
        return new

    def __or__(self, other):
        if isinstance(other, _MutableMapping.__mro__[1]):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __ror__(self, other):
        if isinstance(other, _MutableMapping.__mro__[1]):
            c = type(self)()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakSet(_MutableSet):
    """Set whose elements are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        self_wr = ref(self)

        def remove(item, self_wr=self_wr):
            self = self_wr()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return self.__class__, (list(self),), getattr(self, '__dict__', None)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        try:
            self.data.discard(ref(item))
        except TypeError:
            pass

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new
    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)
    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)
    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)
    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new
    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)
    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)

    __class_getitem__ = classmethod(_GenericAlias)


def _dead_ref():
    return None


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs)
    once, when obj is garbage collected, when the finalizer is called, or
    at interpreter exit (if .atexit is true) — whichever comes first."""

    _pending = {}                 # finalizers not yet run; keeps them alive
    _pending_lock = _allocate_lock()
    _order = _itertools.count()
    _exit_hooked = False
    _shutting_down = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_hooked:
            finalize._hook_exit()
        self._ref = ref(obj, self)
        self._call = (func, args, kwargs or None)
        self._atexit = True
        self._index = next(finalize._order)
        with finalize._pending_lock:
            finalize._pending[self] = None

    @classmethod
    def _hook_exit(cls):
        cls._exit_hooked = True
        try:
            import atexit
        except ImportError:
            return
        atexit.register(cls._exitfunc)

    def _claim(self):
        """Take the pending call (once): returns it, or None."""
        with finalize._pending_lock:
            if self not in finalize._pending:
                return None
            del finalize._pending[self]
            call = self._call
            self._call = None
            self._ref = _dead_ref     # let go of the weak reference too
            return call

    def __call__(self, _=None):
        """Run the call now if it has not run yet; return its result."""
        call = self._claim()
        if call is not None and not finalize._shutting_down:
            func, args, kwargs = call
            return func(*args, **(kwargs or {}))

    def detach(self):
        """Cancel the finalizer; return (obj, func, args, kwargs) if it was
        alive, else None."""
        obj = self._ref()
        if obj is not None:
            call = self._claim()
            if call is not None:
                func, args, kwargs = call
                return obj, func, args, kwargs or {}
        return None

    def peek(self):
        """(obj, func, args, kwargs) if still alive, else None."""
        obj = self._ref()
        call = self._call
        if obj is not None and call is not None and self.alive:
            func, args, kwargs = call
            return obj, func, args, kwargs or {}
        return None

    @property
    def alive(self):
        """Whether the finalizer has yet to run."""
        return self in finalize._pending

    @property
    def atexit(self):
        """Whether to run the finalizer at interpreter exit if still alive."""
        return self._atexit

    @atexit.setter
    def atexit(self, value):
        self._atexit = bool(value)

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        with cls._pending_lock:
            chosen = [f for f in cls._pending if f._atexit]
        chosen.sort(key=lambda f: f._index)
        return chosen

    @classmethod
    def _exitfunc(cls):
        # Newest first, like atexit.  Finalizers created while running
        # these are picked up by the next round.
        try:
            while True:
                batch = cls._select_for_exit()
                if not batch:
                    break
                for f in reversed(batch):
                    try:
                        f()
                    except Exception:
                        import sys
                        sys.excepthook(*sys.exc_info())
        finally:
            cls._shutting_down = True
