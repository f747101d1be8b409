"""Container datatypes (ftpy): namedtuple, OrderedDict, Counter, ChainMap,
UserDict, UserList, UserString, plus deque and defaultdict from the C++
module _collections.

OrderedDict and Counter are written in Python.  Each OrderedDict mutation
holds a per-instance lock, so that threads sharing one cannot tear its
order list (ftpy runs threads in parallel)."""

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

import sys as _sys
from collections import abc as _abc   # noqa: F401  (also sets collections.abc)
from collections.abc import (Mapping as _Mapping, MutableMapping as _MutableMapping,
                             Sequence as _Sequence, MutableSequence as _MutableSequence,
                             KeysView as _KeysView, ItemsView as _ItemsView,
                             ValuesView as _ValuesView, Set as _Set)
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter, eq as _eq
from reprlib import recursive_repr as _recursive_repr
from _thread import RLock as _RLock
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap

from _collections import deque, defaultdict

try:
    from _collections import _tuplegetter
except ImportError:
    def _tuplegetter(index, doc):
        return property(_itemgetter(index), doc=doc)

GenericAlias = type(list[int])

_sentinel = object()


# ---------------------------------------------------------------- OrderedDict

class _Link:
    __slots__ = 'prev', 'next', 'key', '__weakref__'


class _OrderedDictKeysView(_KeysView):
    def __reversed__(self):
        yield from reversed(self._mapping)


# The item and value views read values with dict.__getitem__, as CPython's
# do: a subclass's __getitem__ (an LRU cache that calls move_to_end there,
# say) is not called by iteration, repr() or list(od.items()).

class _OrderedDictItemsView(_ItemsView):
    def __iter__(self):
        od = self._mapping
        for key in od:
            yield (key, _dict_getitem(od, key))

    def __reversed__(self):
        od = self._mapping
        for key in reversed(od):
            yield (key, _dict_getitem(od, key))


class _OrderedDictValuesView(_ValuesView):
    def __iter__(self):
        od = self._mapping
        for key in od:
            yield _dict_getitem(od, key)

    def __reversed__(self):
        od = self._mapping
        for key in reversed(od):
            yield _dict_getitem(od, key)


# CPython's C OrderedDict views are the builtins odict_keys, odict_items and
# odict_values, shown as odict_keys(['a', 'b']).
def _odict_view_repr(self):
    return '%s(%r)' % (type(self).__name__, list(self))


for _cls, _name in ((_OrderedDictKeysView, 'odict_keys'), (_OrderedDictItemsView, 'odict_items'),
                    (_OrderedDictValuesView, 'odict_values')):
    _cls.__repr__ = _odict_view_repr
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = 'builtins'
del _cls, _name


_dict_getitem = dict.__getitem__


class OrderedDict(dict):
    """Dictionary that remembers insertion order, with move_to_end() and
    order-sensitive equality between OrderedDicts."""

    # The order lives in a circular doubly linked list of _Link objects
    # (self.__root is its sentinel) with self.__map mapping key -> link.
    # self.__state counts changes to that list (under self.__lock); an
    # iterator that sees it change, or the size change, raises RuntimeError
    # at its next step, as CPython's does, instead of wandering the list.

    def __new__(cls, /, *args, **kwds):
        self = dict.__new__(cls)
        root = _Link()
        root.prev = root.next = root
        self.__root = root
        self.__map = {}
        self.__lock = _RLock()
        self.__state = 0
        return self

    def __init__(self, other=(), /, **kwds):
        self.__update(other, **kwds)

    def __setitem__(self, key, value):
        with self.__lock:
            if key not in self:
                link = _Link()
                self.__map[key] = link
                root = self.__root
                last = root.prev
                link.prev, link.next, link.key = last, root, key
                last.next = link
                root.prev = link
                self.__state += 1
            dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        with self.__lock:
            dict.__delitem__(self, key)
            link = self.__map.pop(key)
            link.prev.next = link.next
            link.next.prev = link.prev
            link.prev = link.next = None
            self.__state += 1

    def __iter__(self):
        root = self.__root
        state = self.__state
        size = len(self.__map)
        curr = root.next
        while curr is not root:
            nxt = curr.next
            yield curr.key
            if self.__state != state:
                raise RuntimeError('OrderedDict mutated during iteration')
            if len(self.__map) != size:
                raise RuntimeError('OrderedDict changed size during iteration')
            curr = nxt

    def __reversed__(self):
        root = self.__root
        state = self.__state
        size = len(self.__map)
        curr = root.prev
        while curr is not root:
            prv = curr.prev
            yield curr.key
            if self.__state != state:
                raise RuntimeError('OrderedDict mutated during iteration')
            if len(self.__map) != size:
                raise RuntimeError('OrderedDict changed size during iteration')
            curr = prv

    def clear(self):
        """Remove every item."""
        with self.__lock:
            root = self.__root
            root.prev = root.next = root
            self.__map.clear()
            dict.clear(self)
            self.__state += 1

    def popitem(self, last=True):
        """Remove and return the newest (key, value) pair, or the oldest
        with last=False.  KeyError if empty."""
        with self.__lock:
            if not self:
                raise KeyError('dictionary is empty')
            root = self.__root
            link = root.prev if last else root.next
            key = link.key
            value = dict.pop(self, key)
            link.prev.next = link.next
            link.next.prev = link.prev
            link.prev = link.next = None
            del self.__map[key]
            self.__state += 1
            return key, value

    def move_to_end(self, key, last=True):
        """Move key to the newest end, or the oldest with last=False.
        KeyError if key is absent."""
        with self.__lock:
            link = self.__map[key]
            root = self.__root
            if link is (root.prev if last else root.next):
                return
            self.__state += 1
            link.prev.next = link.next
            link.next.prev = link.prev
            root = self.__root
            if last:
                prev = root.prev
                link.prev, link.next = prev, root
                prev.next = root.prev = link
            else:
                first = root.next
                link.prev, link.next = root, first
                first.prev = root.next = link

    def __sizeof__(self):
        return dict.__sizeof__(self) + _sys.getsizeof(self.__map) * 2

    def __update(self, other=(), /, **kwds):
        if isinstance(other, _Mapping) or hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    update = __update

    def keys(self):
        """A set-like view of the keys, in order."""
        return _OrderedDictKeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs, in order."""
        return _OrderedDictItemsView(self)

    def values(self):
        """A view of the values, in order."""
        return _OrderedDictValuesView(self)

    __marker = object()

    def pop(self, key, default=__marker):
        """Remove key and return its value; default (if given) when key is
        absent, else KeyError."""
        with self.__lock:
            if key in self:
                result = dict.__getitem__(self, key)
                del self[key]
                return result
            if default is self.__marker:
                raise KeyError(key)
            return default

    def setdefault(self, key, default=None):
        """self[key] if present, else set it to default and return default."""
        with self.__lock:
            if key in self:
                return self[key]
            self[key] = default
            return default

    @_recursive_repr()
    def __repr__(self):
        'od.__repr__() <==> repr(od)'
        if not self:
            return '%s()' % (self.__class__.__name__,)
        # 3.11 writes the items as a list of pairs (the dict form is 3.12's).
        return '%s(%r)' % (self.__class__.__name__, list(self.items()))

    def __reduce__(self):
        """Pickle as (class, (), state, None, items)."""
        state = self.__getstate__() if hasattr(self, '__getstate__') else None
        if isinstance(state, dict):
            state = {k: v for k, v in state.items()
                     if not k.startswith('_OrderedDict__')} or None
        return self.__class__, (), state, None, iter(self.items())

    def copy(self):
        """A shallow copy, of the same class."""
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new OrderedDict with these keys, each mapped to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        """Order matters between OrderedDicts, not against other mappings."""
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(map(_eq, self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    __class_getitem__ = classmethod(GenericAlias)


# ---------------------------------------------------------------- namedtuple

# The methods of a namedtuple class.  They are defined afresh for every
# class (nested functions make new function objects) so that each class's
# copies can carry its own __qualname__ and __doc__.

def _nt_methods(typename):
    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError('Expected %d arguments, got %d' % (len(cls._fields), len(result)))
        return result

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, old) for name, old in zip(self._fields, self)]
        if kwds:
            raise ValueError('Got unexpected field names: %r' % list(kwds))
        return self._make(values)

    def __repr__(self):
        return '%s(%s)' % (type(self).__name__, ', '.join(
            '%s=%r' % pair for pair in zip(self._fields, self)))

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename
    _replace.__doc__ = ('Return a new %s object replacing specified fields '
                        'with new values' % typename)
    __repr__.__doc__ = 'Return a nicely formatted representation string'
    _asdict.__doc__ = 'Return a new dict which maps field names to their values.'
    __getnewargs__.__doc__ = 'Return self as a plain tuple.  Used by copy and pickle.'
    methods = {'_make': _make, '_replace': _replace, '__repr__': __repr__,
               '_asdict': _asdict, '__getnewargs__': __getnewargs__}
    for name, fn in methods.items():
        fn.__qualname__ = '%s.%s' % (typename, name)
    return methods


def _valid_field_name(name):
    return name.isidentifier() and not _iskeyword(name) and not name.startswith('_')


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        names = field_names.replace(',', ' ').split()
    else:
        names = [str(n) for n in field_names]
    typename = _sys.intern(str(typename))
    if rename:
        used = set()
        for i, name in enumerate(names):
            if not _valid_field_name(name) or name in used:
                names[i] = '_%d' % i
            used.add(name)
    for name in [typename] + names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % name)
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % name)
    used = set()
    for name in names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in used:
            raise ValueError('Encountered duplicate field name: %r' % name)
        used.add(name)
    fields = tuple(_sys.intern(n) for n in names)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more defaults than field names')
        if defaults:
            field_defaults = dict(zip(fields[-len(defaults):], defaults))

    # __new__ is compiled from text so that it has a real signature:
    # argument names, defaults and the usual TypeErrors for wrong calls.
    params = ', '.join(fields)
    packed = params + (',' if len(fields) == 1 else '')
    src = 'lambda _cls%s: _tuple_new(_cls, (%s))' % (
        (', ' + params) if fields else '', packed)
    __new__ = eval(src, {'_tuple_new': tuple.__new__, '__builtins__': {},
                         '__name__': 'namedtuple_%s' % typename})
    __new__.__name__ = '__new__'
    __new__.__qualname__ = '%s.__new__' % typename
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, params)
    if defaults is not None:
        __new__.__defaults__ = defaults

    methods = _nt_methods(typename)
    namespace = {
        '__doc__': '%s(%s)' % (typename, params),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(methods['_make']),
        '_replace': methods['_replace'],
        '__repr__': methods['__repr__'],
        '_asdict': methods['_asdict'],
        '__getnewargs__': methods['__getnewargs__'],
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = _tuplegetter(index, _sys.intern('Alias for field number %d' % index))
    result = type(typename, (tuple,), namespace)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


# ------------------------------------------------------------------- Counter

def _count_elements(mapping, iterable):
    'Tally elements from the iterable.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1

try:
    from _collections import _count_elements
except ImportError:
    pass


class Counter(dict):
    """A dict from elements to counts (a multiset).  Missing elements count
    zero; counts may be zero or negative.

    >>> Counter('abracadabra').most_common(2)
    [('a', 5), ('b', 2)]
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common (element, count) pairs, most common first (all
        of them if n is None); equal counts keep insertion order."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each element repeated as many times as its count (elements with
        counts below one are left out)."""
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of counts, or one per element of an
        iterable, or from keyword arguments."""
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = self.get(elem, 0) + count
                else:
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts, like update() adds them (results may go below
        zero)."""
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        # Deleting a missing element is not an error.
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % type(self).__name__
        try:
            shown = dict(self.most_common())
        except TypeError:       # counts that do not compare
            shown = dict(self)
        return '%s(%r)' % (type(self).__name__, shown)

    # Comparisons treat missing elements as zero counts.
    def _all_pairs(self, other, test):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(test(self[e], other[e]) for e in _chain(self, other))

    def __eq__(self, other):
        return self._all_pairs(other, lambda a, b: a == b)

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __le__(self, other):
        return self._all_pairs(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._all_pairs(other, lambda a, b: a >= b)

    def __lt__(self, other):
        r = self.__le__(other)
        return r if r is NotImplemented else (r and self != other)

    def __gt__(self, other):
        r = self.__ge__(other)
        return r if r is NotImplemented else (r and self != other)

    # Binary operators keep only positive results, in the order: elements
    # of self, then elements only in other.
    def _combine(self, other, op):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem in _chain(self, (e for e in other if e not in self)):
            count = op(self[elem], other[elem])
            if count > 0:
                result[elem] = count
        return result

    def __add__(self, other):
        'Sum of counts (positive results only).'
        return self._combine(other, lambda a, b: a + b)

    def __sub__(self, other):
        'Difference of counts (positive results only).'
        return self._combine(other, lambda a, b: a - b)

    def __or__(self, other):
        'Maximum of counts (positive results only).'
        return self._combine(other, max)

    def __and__(self, other):
        'Minimum of counts (positive results only).'
        return self._combine(other, min)

    def __pos__(self):
        'The positive counts only.'
        return Counter({e: c for e, c in self.items() if c > 0})

    def __neg__(self):
        'Negated counts, positive results only.'
        return Counter({e: -c for e, c in self.items() if c < 0})

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self.items()):
            if other[elem] < count:
                self[elem] = other[elem]
        return self._keep_positive()


# ------------------------------------------------------------------ ChainMap

class ChainMap(_MutableMapping):
    """A ChainMap groups multiple dicts (or other mappings) together to
    create a single, updateable view.  Lookups search the mappings in order;
    writes, updates and deletions go to the first one only."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr()
    def __repr__(self):
        return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        'Create a new ChainMap with keys from iterable and values set to value.'
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        '''New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.'''
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError if maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# ------------------------------------------------------------------ UserDict

class UserDict(_MutableMapping):
    """A dict wrapper (the dict is self.data) meant to be subclassed."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


# ------------------------------------------------------------------ UserList

class UserList(_MutableSequence):
    """A list wrapper (the list is self.data) meant to be subclassed."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        elif isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


# ---------------------------------------------------------------- UserString

def _wrap_str_result(name):
    method = getattr(str, name)

    def delegate(self, *args, **kwargs):
        args = [a.data if isinstance(a, UserString) else a for a in args]
        return self.__class__(method(self.data, *args, **kwargs))
    delegate.__name__ = name
    delegate.__qualname__ = 'UserString.' + name
    delegate.__doc__ = method.__doc__
    return delegate


def _pass_str_result(name):
    method = getattr(str, name)

    def delegate(self, *args, **kwargs):
        args = [a.data if isinstance(a, UserString) else a for a in args]
        return method(self.data, *args, **kwargs)
    delegate.__name__ = name
    delegate.__qualname__ = 'UserString.' + name
    delegate.__doc__ = method.__doc__
    return delegate


class UserString(_Sequence):
    """A str wrapper (the str is self.data) meant to be subclassed.
    Methods returning strings return instances of the subclass."""

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def _other(self, other):
        return other.data if isinstance(other, UserString) else other

    def __eq__(self, other):
        return self.data == self._other(other)

    def __lt__(self, other):
        return self.data < self._other(other)

    def __le__(self, other):
        return self.data <= self._other(other)

    def __gt__(self, other):
        return self.data > self._other(other)

    def __ge__(self, other):
        return self.data >= self._other(other)

    def __contains__(self, char):
        return self._other(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        other = self._other(other)
        return self.__class__(self.data + (other if isinstance(other, str) else str(other)))

    def __radd__(self, other):
        return self.__class__((other if isinstance(other, str) else str(other)) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    maketrans = str.maketrans



for _name in ('capitalize', 'casefold', 'center', 'expandtabs', 'ljust',
              'lower', 'lstrip', 'removeprefix', 'removesuffix', 'replace',
              'rjust', 'rstrip', 'strip', 'swapcase', 'title', 'translate',
              'upper', 'zfill'):
    setattr(UserString, _name, _wrap_str_result(_name))
for _name in ('count', 'endswith', 'find', 'index', 'isalpha', 'isalnum',
              'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower',
              'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper',
              'join', 'partition', 'rfind', 'rindex', 'rpartition', 'rsplit',
              'split', 'splitlines', 'startswith'):
    setattr(UserString, _name, _pass_str_result(_name))
del _name


# The name CPython's messages give this module's C type (collections.OrderedDict):
# see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name'):
        sys._ftpy_c_type_name(OrderedDict, 'collections.OrderedDict')
_c_type_names()
del _c_type_names


# CPython's OrderedDict is C: the methods that raise for a missing key or
# an empty dict leave no frames in tracebacks.
def _hide_frames():
    if hasattr(_sys, '_ftpy_hide_frames'):
        _sys._ftpy_hide_frames(OrderedDict.__delitem__, OrderedDict.popitem,
                               OrderedDict.move_to_end, OrderedDict.pop)
_hide_frames()
del _hide_frames
