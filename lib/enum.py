"""Enumerations for ftpy: Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
unique, verify, member/nonmember and the functional API.

Written from the documented behaviour.  How it is organised:

* The class body runs in an _EnumNamespace, which remembers, in order,
  the names that will become members (and resolves auto() on the spot).
* EnumType.__new__ removes those names, creates the class, then builds each
  member with _build_member().  Every class keeps three tables:
  _member_names_ (canonical names, definition order), _member_map_ (every
  name, aliases included -> member) and _value2member_map_ (value -> member).
* Calling an enum class looks a value up (Enum.__new__); calling it with
  `names` creates a new enum class (the functional API).
* Flag classes also keep _flag_mask_ (all bits of members), _singles_mask_
  (bits of single-bit members) and _all_bits_, and build composite
  "pseudo-members" on demand in Flag._missing_.
"""

import sys
import builtins as _builtins
from types import MappingProxyType, DynamicClassAttribute

__all__ = ['EnumType', 'EnumMeta', 'EnumDict', 'Enum', 'IntEnum', 'StrEnum',
           'ReprEnum', 'Flag', 'IntFlag', 'auto', 'unique', 'property',
           'verify', 'member', 'nonmember', 'FlagBoundary', 'STRICT',
           'CONFORM', 'EJECT', 'KEEP', 'EnumCheck', 'CONTINUOUS',
           'NAMED_FLAGS', 'UNIQUE', 'global_enum', 'global_enum_repr',
           'global_flag_repr', 'global_str', 'show_flag_values',
           'pickle_by_enum_name', 'pickle_by_global_name']

# The base classes, filled in as they are created; the metaclass code
# checks them for None while they do not exist yet.
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None


# ------------------------------------------------------------- helpers

class member:
    """Wrap a value so that it becomes a member even though it would not
    (e.g. a function)."""
    def __init__(self, value):
        self.value = value


class nonmember:
    """Wrap a value so that it stays a plain class attribute."""
    def __init__(self, value):
        self.value = value


class _AutoNull:
    def __repr__(self):
        return '_auto_null'

_auto_null = _AutoNull()


class auto:
    """Placeholder for a member value computed by _generate_next_value_."""
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class property(DynamicClassAttribute):
    """An attribute of members (like `name` and `value`) that, looked up
    on the class, finds the member of that name if there is one."""

    member = None

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is None:
            try:
                return instance.__dict__[self.name]
            except KeyError:
                raise AttributeError('%r member has no attribute %r'
                                     % (ownerclass, self.name)) from None
        return self.fget(instance)

    # Without a setter/deleter the message names the class that defined the
    # attribute (Color.RED.value = 1 -> "<enum 'Enum'> cannot set attribute
    # 'value'"), not DynamicClassAttribute's generic one.
    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("<enum %r> cannot set attribute %r"
                                 % (self.clsname, self.name))
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("<enum %r> cannot delete attribute %r"
                                 % (self.clsname, self.name))
        return self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


def _dunder(name):
    return (len(name) > 4 and name.startswith('__') and name.endswith('__')
            and name[2] != '_' and name[-3] != '_')


def _sunder(name):
    return (len(name) > 2 and name[0] == '_' == name[-1]
            and name[1] != '_' and name[-2] != '_')


def _private(clsname, name):
    prefix = '_%s__' % clsname
    return name.startswith(prefix) and len(name) > len(prefix) and not name.endswith('__')


def _descriptor(obj):
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _nested_class(clsname, obj):
    if not isinstance(obj, type):
        return False
    q = getattr(obj, '__qualname__', '')
    return q == '%s.%s' % (clsname, obj.__name__) or q.endswith('.%s.%s' % (clsname, obj.__name__))


def _single_bit(n):
    return n > 0 and n & (n - 1) == 0


def _bits(n):
    """The set bits of a non-negative int, lowest first."""
    while n:
        low = n & -n
        yield low
        n ^= low


def show_flag_values(value):
    return list(_bits(value))


def bin(num, max_bits=None):
    """bin() with a sign bit: '0b0 0101' for 5, '0b1 1011' for -5
    (two's complement); digits are padded to max_bits."""
    width = num.bit_length()
    if num >= 0:
        sign, digits = '0', format(num, 'b').zfill(width) if width else ''
    else:
        sign, digits = '1', format(num & ((1 << width) - 1), 'b').zfill(width) if width else ''
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign * max_bits + digits)[-max_bits:]
    return '0b%s %s' % (sign, digits)


_SUNDER_ALLOWED = frozenset([
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
    '_ignore_', '_iter_member_', '_iter_member_by_value_',
    '_iter_member_by_def_', '_add_alias_', '_add_value_alias_'])


class EnumDict(dict):
    """The namespace of an enum class body: records member names in order,
    refuses to redefine them, and turns auto() into values."""

    def __init__(self, cls_name=None):
        super().__init__()
        self._cls_name = cls_name
        self._member_names = {}      # insertion-ordered set
        self._last_values = []
        self._ignore = ()
        self._auto_used = False
        self._generate = None

    @_builtins.property
    def member_names(self):
        return list(self._member_names)

    def _is_member_candidate(self, key, value):
        if self._cls_name is not None and _private(self._cls_name, key):
            return False
        if _dunder(key) or _sunder(key) or key in self._ignore:
            return False
        if isinstance(value, nonmember) or _descriptor(value):
            return False
        return True

    def _resolve_auto(self, key, value):
        def one(a):
            if a.value is _auto_null:
                a.value = self._generate(key, 1, len(self._member_names),
                                         list(self._last_values))
                self._auto_used = True
            return a.value
        if isinstance(value, auto):
            return one(value), True
        if type(value) is tuple and any(isinstance(v, auto) for v in value):
            return tuple(one(v) if isinstance(v, auto) else v for v in value), True
        return value, False

    def __setitem__(self, key, value):
        # 3.11: a class defined in the body still becomes a member (unless
        # it is a descriptor or a dunder/sunder/private name), with this
        # warning; 3.13 stopped making it one.
        if self._cls_name is not None and _nested_class(self._cls_name, value):
            import warnings
            warnings.warn("In 3.13 classes created inside an enum will not become a member.  "
                          "Use the `member` decorator to keep the current behavior.",
                          DeprecationWarning, stacklevel=2)
        if _sunder(key) and not (self._cls_name is not None and _private(self._cls_name, key)):
            if key not in _SUNDER_ALLOWED and not key.startswith('_repr_'):
                raise ValueError('_sunder_ names, such as %r, are reserved for '
                                 'future Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_used:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._generate = value.__func__ if isinstance(value, staticmethod) else value
            elif key == '_ignore_':
                names = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
                clash = set(names) & set(self._member_names)
                if clash:
                    raise ValueError('_ignore_ cannot specify already set names: %r'
                                     % (clash,))
                self._ignore = names
            dict.__setitem__(self, key, value)
            return
        if key == '__order__':
            key = '_order_'
        if key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if isinstance(value, nonmember):
            value = value.value
        elif isinstance(value, member) or self._is_member_candidate(key, value):
            if isinstance(value, member):
                value = value.value
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            value, was_auto = self._resolve_auto(key, value)
            self._member_names[key] = None
            self._last_values.append(value)
        dict.__setitem__(self, key, value)

    def update(self, members=(), **more):
        items = members.items() if hasattr(members, 'items') else members
        for k, v in items:
            self[k] = v
        for k, v in more.items():
            self[k] = v


_EnumDict = EnumDict


# --------------------------------------------------------- the metaclass

def _enum_bases(bases):
    return [b for b in bases if isinstance(b, EnumType)]


def _data_type(clsname, bases):
    """The mixed-in data type of a new enum (object if none): the first
    non-enum class in a base's MRO that defines __new__ (or is a
    dataclass), or the data type of an enum base."""
    found = set()
    for base in bases:
        candidate = None
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                if klass._member_type_ is not object:
                    found.add(klass._member_type_)
                    break
                continue
            if '__new__' in klass.__dict__ or '__dataclass_fields__' in klass.__dict__:
                found.add(candidate or klass)
                break
            candidate = candidate or klass
    if len(found) > 1:
        raise TypeError('too many data types for %r: %r' % (clsname, found))
    return found.pop() if found else object


def _value_repr_for(bases):
    for base in bases:
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                return klass._value_repr_
            if '__repr__' in klass.__dict__:
                # A dataclass mixin shows its own repr (3.12 lists the
                # fields instead: <E.A: x=1, y=2>).
                return klass.__dict__['__repr__']
    return None


class EnumType(type):
    """Metaclass of Enum: creates members, and makes the class iterable,
    indexable by name and callable by value."""

    @classmethod
    def __prepare__(metacls, clsname, bases, **kwds):
        for base in bases:
            for klass in base.__mro__:
                if isinstance(klass, EnumType) and klass._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (clsname, klass))
        ns = EnumDict(clsname)
        enums = _enum_bases(bases)
        if bases and not enums:
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        if enums:
            ns._generate = enums[-1]._generate_next_value_
        return ns

    def __new__(metacls, clsname, bases, ns, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, clsname, bases, ns, **kwds)
        member_names = list(ns._member_names)
        for name in ('mro', ''):
            if name in member_names:
                raise ValueError('invalid enum member name(s) %r' % name)
        raw_values = [(name, dict.pop(ns, name)) for name in member_names]
        for name in list(ns._ignore) + ['_ignore_']:
            dict.pop(ns, name, None)
        order = dict.pop(ns, '_order_', None)

        enums = _enum_bases(bases)
        first_enum = enums[-1] if enums else None
        data_type = _data_type(clsname, bases) if bases else object
        custom_new = dict.get(ns, '__new__')
        if isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__

        body = dict(ns)
        body.update(_member_names_=[], _member_map_={}, _value2member_map_={},
                    _unhashable_values_=[], _member_type_=data_type,
                    _value_repr_=_value_repr_for(bases))
        cls = super().__new__(metacls, clsname, bases, body, **kwds)

        # How members are constructed: a __new__ from the class body, or a
        # saved one from an enum base, or the data type's.
        if custom_new is not None:
            maker = custom_new
        else:
            maker = None
            for e in enums:
                saved = getattr(e, '__new_member__', None)
                if saved is not None:
                    maker = saved
                    break
            if maker is None:
                maker = object.__new__ if data_type is object else data_type.__new__
        type.__setattr__(cls, '_new_member_', maker)
        type.__setattr__(cls, '_use_args_', maker is not object.__new__)
        if custom_new is not None and Enum is not None:
            type.__setattr__(cls, '__new_member__', custom_new)

        # ReprEnum: str() and format() are the data type's.
        keep = set(ns)
        if ReprEnum is not None and ReprEnum in bases:
            keep |= {'__format__', '__str__'}
            if data_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data '
                                'type (i.e. int, str, float, etc.)')
            if '__format__' not in ns:
                type.__setattr__(cls, '__format__', data_type.__format__)
            if '__str__' not in ns:
                s = data_type.__str__
                if s is object.__str__:
                    s = data_type.__repr__
                type.__setattr__(cls, '__str__', s)
        # Other mixins must not supply repr/str/format/pickling.
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if name in keep:
                    continue
                current = getattr(cls, name)
                if current in (getattr(data_type, name), getattr(object, name)):
                    type.__setattr__(cls, name, getattr(first_enum, name))
        if Flag is not None and issubclass(cls, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if name not in ns:
                    type.__setattr__(cls, name, getattr(Flag, name))
        if Enum is not None:
            type.__setattr__(cls, '__new__', Enum.__new__)

        is_flag = (Flag is not None and issubclass(cls, Flag)) or \
            (Flag is None and clsname == 'Flag')
        if is_flag:
            type.__setattr__(cls, '_boundary_', boundary or getattr(first_enum, '_boundary_', None))
            type.__setattr__(cls, '_flag_mask_', 0)
            type.__setattr__(cls, '_singles_mask_', 0)
            type.__setattr__(cls, '_all_bits_', 0)
            type.__setattr__(cls, '_inverted_', None)

        for index, (name, raw) in enumerate(raw_values):
            cls._build_member(name, raw, index, is_flag)

        if is_flag:
            values = [m._value_ for m in cls]
            if values != sorted(values):
                type.__setattr__(cls, '_iter_member_', cls._iter_member_by_def_)

        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            order = [n for n in order
                     if n not in cls._member_map_ or n in cls._member_names_]
            if order != cls._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (cls._member_names_, order))
        return cls

    def _build_member(cls, name, raw, index, is_flag):
        data_type = cls._member_type_
        if data_type is tuple:
            args = (raw,)
        else:
            args = raw if isinstance(raw, tuple) else (raw,)
        if cls._use_args_:
            new = cls._new_member_(cls, *args)
        else:
            new = cls._new_member_(cls)
        if not hasattr(new, '_value_'):
            if data_type is object:
                new._value_ = raw
            else:
                try:
                    new._value_ = data_type(*args)
                except Exception as exc:
                    raise TypeError('_value_ not set in __new__, unable to create it') from exc
        value = new._value_
        new._name_ = name
        new.__objclass__ = cls
        new.__init__(*args)
        new._sort_order_ = index

        if is_flag and isinstance(value, int):
            cls_flag = cls._flag_mask_ | value
            type.__setattr__(cls, '_flag_mask_', cls_flag)
            if _single_bit(value):
                type.__setattr__(cls, '_singles_mask_', cls._singles_mask_ | value)
            type.__setattr__(cls, '_all_bits_', (1 << cls_flag.bit_length()) - 1)

        # An earlier member with an equal value makes this name an alias.
        canonical = None
        try:
            canonical = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            new = canonical
        elif not is_flag or (isinstance(value, int) and _single_bit(value)):
            cls._member_names_.append(name)
        cls._publish(name, new)
        try:
            cls._value2member_map_.setdefault(value, new)
        except TypeError:
            cls._unhashable_values_.append(value)

    def _publish(cls, name, member):
        """Make member reachable as cls.<name>: directly in the class dict,
        or through an enum.property when a base defines a descriptor of that
        name (such as `name` or `value`)."""
        shadowed = None
        for klass in cls.__mro__[1:]:
            attr = klass.__dict__.get(name)
            if attr is not None and _descriptor(attr):
                shadowed = attr
                break
        if shadowed is None:
            type.__setattr__(cls, name, member)
        else:
            redirect = property(getattr(shadowed, 'fget', None))
            redirect.member = member
            redirect.__set_name__(cls, name)
            type.__setattr__(cls, name, redirect)
        cls._member_map_[name] = member

    # -- behaviour of the enum class itself

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        # 3.11: a value lookup, or with names the functional API (3.12's
        # *values, Planet(mass, radius) for a tuple value, is not there).
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """Functional API: a new enum class named class_name whose members
        come from names (a string or list of names, a list of (name, value)
        pairs, or a mapping)."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        ns = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (list, tuple)) and names and isinstance(names[0], str):
            pairs = []
            values = []
            for count, n in enumerate(names):
                v = ns._generate(n, start, count, list(values))
                values.append(v)
                pairs.append((n, v))
            names = pairs
        elif names is None:
            names = ()
        items = names.items() if hasattr(names, 'items') else names
        for n, v in items:
            ns[n] = v
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                module = None
        if module is not None:
            ns['__module__'] = module
        if qualname is not None:
            ns['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, ns, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        """Build enum `name` of this kind from the constants of `module`
        whose names pass `filter` (socket.py turns _socket's AF_* into
        AddressFamily this way); the module's constants are then replaced by
        the members, and the enum is stored in the module as `name`."""
        module_globals = sys.modules[module].__dict__
        if source is None:
            source = module_globals
        elif hasattr(source, '__dict__'):
            source = vars(source)
        pairs = [(k, v) for k, v in source.items() if filter(k)]
        # equal values: the alphabetically first name is the canonical member
        pairs.sort(key=lambda kv: (kv[1], kv[0]))
        new = cls(name, pairs, module=module, boundary=boundary)
        new.__reduce_ex__ = lambda self, proto: self.name
        if as_global:
            global_enum(new)
        else:
            module_globals.update(new.__members__)
        module_globals[name] = new
        return new

    def __contains__(cls, member):
        # 3.11's rule: only members are looked for (a composite Flag value
        # is not one: its name is not in _member_map_); anything that is
        # not an Enum raises TypeError after 3.12's deprecation warning.
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but will "
                "return True or\nFalse depending on whether the value is a "
                "member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtins.property
    def __members__(cls):
        """Read-only mapping of every member name (aliases too) to its
        member."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        kind = 'flag' if Flag is not None and issubclass(cls, Flag) else 'enum'
        return '<%s %r>' % (kind, cls.__name__)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, name))
        super().__delattr__(name)

    def __dir__(cls):
        # '__init_subclass__' is always listed: 3.11 compares two bound
        # methods with `is`, which never holds.
        names = {'__class__', '__contains__', '__doc__', '__getitem__',
                 '__init_subclass__', '__iter__', '__len__', '__members__',
                 '__module__', '__name__', '__qualname__'} | set(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls._member_type_ is not object:
            names |= set(dir(cls._member_type_))
        return sorted(names)


EnumMeta = EnumType


# ------------------------------------------------------------ Enum

class Enum(metaclass=EnumType):
    """Base class of enumerations: a class whose attributes are its
    members, each with a name and a value."""

    def __new__(cls, value):
        # Only used for lookups: members are made by the metaclass.
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_:
            raise TypeError('%r has no members defined' % cls)
        not_valid = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        try:
            found = cls._missing_(value)
        except Exception as exc:
            if not isinstance(exc, ValueError):
                exc.__context__ = not_valid
            raise
        if isinstance(found, cls):
            return found
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(found, int)):
            return found
        if found is None:
            raise not_valid
        exc = TypeError('error in %s._missing_: returned %r instead of None or a '
                        'valid member' % (cls.__name__, found))
        exc.__context__ = not_valid
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Value for auto(): start for the first member, then one more
        than the previous value."""
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = type(self)._value_repr_ or repr
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__'}
        if type(self)._member_type_ is not object:
            names |= set(object.__dir__(self))
        for klass in type(self).__mro__:
            for n in klass.__dict__:
                if not n.startswith('_') and n not in self._member_map_:
                    names.add(n)
        for n in getattr(self, '__dict__', ()):
            if not n.startswith('_'):
                names.add(n)
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose members print (str/format) as their data type would;
    only repr() shows the enum."""


class IntEnum(int, ReprEnum):
    """Enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are strs; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) >= 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        text = str(*values)
        obj = str.__new__(cls, text)
        obj._value_ = text
        return obj

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag does with values that have bits no member has:
    strict -> ValueError (Flag's default); conform -> drop them;
    eject -> return a plain int; keep -> keep them (IntFlag's default)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


# ------------------------------------------------------------ Flag

class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with the bitwise operators."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Value for auto(): the next power of two above every value so far."""
        if not count:
            return start if start is not None else 1
        highest = max(last_values)
        try:
            top = highest.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % highest) from None
        return 2 ** (top + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """The single-bit members in value, lowest bit first."""
        for bit in _bits(value & cls._flag_mask_):
            m = cls._value2member_map_.get(bit)
            if m is not None:
                yield m

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """The single-bit members in value, in definition order."""
        return iter(sorted(cls._iter_member_by_value_(value),
                           key=lambda m: m._sort_order_))

    @classmethod
    def _missing_(cls, value):
        """Make (and remember) the pseudo-member of a combination of bits."""
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        original = value
        out_of_range = not (~all_bits <= value <= all_bits)
        if out_of_range or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, bin(value, width), bin(flag_mask, width)))
            if boundary is CONFORM:
                value &= flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value += max(all_bits + 1, 2 ** value.bit_length())
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, boundary))
        if value < 0:
            value += all_bits + 1     # two's complement within the flag's width
        singles = value & cls._singles_mask_
        multi = value & ~cls._singles_mask_ & flag_mask
        unknown = value & ~flag_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        parts = list(cls._iter_member_(singles))
        covered = 0
        for m in parts:
            covered |= m._value_
        if multi:
            for m in cls._member_map_.values():
                v = m._value_
                if m not in parts and v and v & value == v and v & ~covered:
                    parts.append(m)
                    covered |= v
        leftover = value & ~covered
        if not covered:
            pseudo._name_ = None
        else:
            pseudo._name_ = '|'.join(m._name_ for m in parts)
            if leftover:
                if cls._boundary_ is STRICT:
                    raise ValueError('%r: no members with value %r' % (cls, leftover))
                pseudo._name_ += '|%s' % cls._numeric_repr_(leftover)
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if original != value:
            cls._value2member_map_.setdefault(original, pseudo)
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count() if self._value_ >= 0 else \
            (self._value_ & self._all_bits_).bit_count()

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        value_repr = type(self)._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (type(self).__name__, value_repr(self._value_))
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def _operand(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return type(self)(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return type(self)(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                inv = type(self)(~self._value_)
            else:
                inv = type(self)(self._singles_mask_ & ~self._value_)
            # Cached per member (or pseudo-member).
            object.__setattr__(self, '_inverted_', inv)
        return self._inverted_


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are ints; unknown bits are kept."""


# ------------------------------------------------------ decorators etc.

def unique(enumeration):
    """Class decorator: raise ValueError if any member is an alias."""
    aliases = [(n, m._name_) for n, m in enumeration.__members__.items() if n != m._name_]
    if aliases:
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, ', '.join('%s -> %s' % a for a in aliases)))
    return enumeration


class EnumCheck(StrEnum):
    """Properties verify() can check."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator checking EnumCheck properties of an enumeration."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        is_flag = issubclass(enumeration, Flag)
        kind = 'flag' if is_flag else 'enum'
        for check in self.checks:
            if check is UNIQUE:
                aliases = [(n, m._name_) for n, m in enumeration.__members__.items()
                           if n != m._name_]
                if aliases:
                    raise ValueError('aliases found in %r: %s' % (
                        enumeration, ', '.join('%s -> %s' % a for a in aliases)))
            elif check is CONTINUOUS:
                values = {m._value_ for m in enumeration}
                if len(values) < 2:
                    continue
                lo, hi = min(values), max(values)
                if is_flag:
                    missing = [2 ** i for i in range(lo.bit_length(), hi.bit_length() - 1)
                               if 2 ** i not in values]
                else:
                    missing = [i for i in range(lo + 1, hi) if i not in values]
                if missing:
                    raise ValueError(('invalid %s %r: missing values %s' % (
                        kind, enumeration.__name__, ', '.join(map(str, missing))))[:256])
            elif check is NAMED_FLAGS:
                canonical = {m._value_ for m in enumeration}
                bad_names = []
                bad_bits = 0
                for n, m in enumeration._member_map_.items():
                    if n in enumeration._member_names_ or m._value_ < 0:
                        continue
                    missed = [b for b in _bits(m._value_) if b not in canonical]
                    if missed:
                        bad_names.append(n)
                        for b in missed:
                            bad_bits |= b
                if bad_names:
                    if len(bad_names) == 1:
                        what = 'alias %s is missing' % bad_names[0]
                    else:
                        what = 'aliases %s and %s are missing' % (
                            ', '.join(bad_names[:-1]), bad_names[-1])
                    if _single_bit(bad_bits):
                        val = 'value 0x%x' % bad_bits
                    else:
                        val = 'combined values of 0x%x' % bad_bits
                    raise ValueError('invalid Flag %r: %s %s [use enum.show_flag_values'
                                     '(value) for details]' % (enumeration.__name__, what, val))
        return enumeration


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (type(self), self._name_)


def global_enum_repr(self):
    return '%s.%s' % (type(self).__module__.rpartition('.')[2], self._name_)


def global_flag_repr(self):
    module = type(self).__module__.rpartition('.')[2]
    if self._name_ is None:
        return '%s.%s(%r)' % (module, type(self).__name__, self._value_)
    return '|'.join(n if n[0].isdigit() else '%s.%s' % (module, n)
                    for n in self._name_.split('|'))


def global_str(self):
    if self._name_ is None:
        return '%s(%r)' % (type(self).__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: members print as module.NAME and are exported to the
    module's namespace."""
    cls.__repr__ = global_flag_repr if issubclass(cls, Flag) else global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Decorator for plain classes: the class body is replayed as the body of
    a new enum of type etype, so its public non-descriptor attributes become
    members and its methods (a custom __new__ included) stay methods."""
    def convert(cls):
        metacls = type(etype)
        ns = metacls.__prepare__(cls.__name__, (etype,))
        private = []
        for k, v in cls.__dict__.items():
            if k in ('__dict__', '__weakref__'):
                continue
            if k.startswith('_') and not _dunder(k) and not _sunder(k):
                private.append((k, v))  # plain helpers, never members
                continue
            ns[k] = v
        new = metacls.__new__(metacls, cls.__name__, (etype,), ns, boundary=boundary)
        for k, v in private:
            setattr(new, k, v)
        return new
    return convert
