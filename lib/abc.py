"""Abstract Base Classes (PEP 3119), in pure Python for ftpy.

ABCMeta computes `__abstractmethods__` (a frozenset of names) for every class
it creates.  Refusing to instantiate such a class is the job of the core:
object.__new__ must raise TypeError when type(cls).__abstractmethods__ is a
non-empty set (see docs/library.md).  Registries hold weak references, and
the caches are invalidated by a global counter, bumped on every register()."""

from _thread import allocate_lock as _allocate_lock
from _weakref import ref as _ref


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated: use
    classmethod stacked on abstractmethod)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""
    __isabstractmethod__ = True


class _WeakRefSet:
    """Just enough of a weak set for the ABC registries and caches."""
    __slots__ = ('data', '_remove', '__weakref__')

    def __init__(self):
        data = self.data = set()
        selfref = _ref(self)

        def _remove(item, selfref=selfref, data=data):
            data.discard(item)
        self._remove = _remove

    def add(self, item):
        self.data.add(_ref(item, self._remove))

    def discard(self, item):
        try:
            self.data.discard(_ref(item))
        except TypeError:
            pass

    def __contains__(self, item):
        try:
            wr = _ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for _ in self)

    def clear(self):
        self.data.clear()

    def copy(self):
        new = _WeakRefSet()
        for item in self:
            new.add(item)
        return new


_counter_lock = _allocate_lock()
_abc_invalidation_counter = [0]


def get_cache_token():
    """Return the current ABC cache token: it changes whenever any ABC's
    registry changes."""
    return _abc_invalidation_counter[0]


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items()
                 if getattr(value, '__isabstractmethod__', False)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = _WeakRefSet()
        cls._abc_cache = _WeakRefSet()
        cls._abc_negative_cache = _WeakRefSet()
        cls._abc_negative_cache_version = _abc_invalidation_counter[0]
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.  Returns the subclass, so
        that it can be used as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.add(subclass)
        with _counter_lock:
            _abc_invalidation_counter[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls): by the instance's __class__, and by
        type(instance) when that differs (proxies)."""
        klass = instance.__class__
        if cls.__subclasscheck__(klass):
            return True
        real = type(instance)
        return real is not klass and cls.__subclasscheck__(real)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), answered in this order: the caches,
        cls.__subclasshook__, real inheritance, registered classes (and
        their subclasses), then the subclasses of cls, recursively."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        token = _abc_invalidation_counter[0]
        if cls._abc_negative_cache_version != token:
            # Some register() happened since the negatives were recorded.
            cls._abc_negative_cache = _WeakRefSet()
            cls._abc_negative_cache_version = token
        elif subclass in cls._abc_negative_cache:
            return False
        answer = cls._decide_subclass(subclass)
        (cls._abc_cache if answer else cls._abc_negative_cache).add(subclass)
        return answer

    def _decide_subclass(cls, subclass):
        hook = getattr(cls, '__subclasshook__', None)
        verdict = NotImplemented if hook is None else hook(subclass)
        if verdict is not NotImplemented:
            if not isinstance(verdict, bool):
                raise AssertionError('__subclasshook__ must return either '
                                     'False, True, or NotImplemented')
            return verdict
        if cls in getattr(subclass, '__mro__', ()):
            return True
        if any(issubclass(subclass, r) for r in cls._abc_registry):
            return True
        return any(issubclass(subclass, s) for s in type.__subclasses__(cls))

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        import sys
        file = sys.stdout if file is None else file
        print('Class: %s.%s' % (cls.__module__, cls.__qualname__), file=file)
        print('Inv. counter: %s' % get_cache_token(), file=file)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache'):
            print('%s: %r' % (name, set(getattr(cls, name))), file=file)
        print('_abc_negative_cache_version: %r' % cls._abc_negative_cache_version,
              file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class, after
    methods were added to it after creation.  Returns cls."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, '__isabstractmethod__', False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
