"""Data classes (PEP 557) for ftpy.

The generated methods (__init__, __repr__, __eq__, ordering, __hash__,
__setattr__/__delattr__ for frozen classes) are made by exec() of source
text, so that their signatures, defaults and tracebacks are those of plain
functions.  Each function's globals are a private namespace that holds the
field defaults, factories and helpers under reserved names."""

import sys
import copy
import types
import itertools
from reprlib import recursive_repr

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'

_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass

MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass

KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = types.MappingProxyType({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else types.MappingProxyType(metadata))
        self.kw_only = kw_only
        self._field_type = None

    @recursive_repr()
    def __repr__(self):
        return ('Field('
                'name=%r,type=%r,default=%r,default_factory=%r,init=%r,'
                'repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,'
                '_field_type=%r)' % (
                    self.name, self.type, self.default, self.default_factory,
                    self.init, self.repr, self.hash, self.compare,
                    self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)

    __class_getitem__ = classmethod(types.GenericAlias)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen',
                 'match_args', 'kw_only', 'slots', 'weakref_slot')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen,
                 match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    # 3.11 stores and shows only the first six; the other four (3.12's)
    # are kept for the code here, but left out of the repr python3 prints.
    def __repr__(self):
        return ('_DataclassParams(' + ','.join(
            '%s=%r' % (n, getattr(self, n)) for n in self.__slots__[:6]) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Per-field options for a dataclass attribute (default or
    default_factory, init, repr, hash, compare, metadata, kw_only)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def fields(class_or_instance):
    """The Field objects of a dataclass or instance (ClassVar and
    InitVar pseudo-fields excluded), in definition order."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass and for instances of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


# ------------------------------------------------------------ annotations

def _own_annotations(cls):
    ann = cls.__dict__.get('__annotations__')
    if ann is None:
        annotate = cls.__dict__.get('__annotate__')
        if annotate is not None:
            try:
                ann = annotate(1)
            except NameError:
                ann = annotate(3)   # Format.STRING: unresolved names as text
        else:
            ann = {}
    return ann


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is not None:
        if a_type is typing.ClassVar or (
                type(a_type) is getattr(typing, '_GenericAlias', None)
                and getattr(a_type, '__origin__', None) is typing.ClassVar):
            return True
    if isinstance(a_type, str):
        s = a_type.strip()
        return (s == 'ClassVar' or s.startswith('ClassVar[')
                or s == 'typing.ClassVar' or s.startswith('typing.ClassVar['))
    return False


def _is_initvar(a_type):
    if a_type is InitVar or type(a_type) is InitVar:
        return True
    if isinstance(a_type, str):
        s = a_type.strip()
        return (s == 'InitVar' or s.startswith('InitVar[')
                or s.startswith('dataclasses.InitVar'))
    return False


def _is_kw_only(a_type):
    if a_type is KW_ONLY:
        return True
    if isinstance(a_type, str):
        return a_type.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            default = MISSING   # a slot, not a default
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)

    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: '
                         'use default_factory' % (type(f.default), f.name))
    return f


# ------------------------------------------------------- code generation

def _type_text(t):
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return '%s.%s' % (t.__module__, t.__qualname__)
    if isinstance(t, str):
        return repr(t)
    return repr(t).replace('typing.', '')


class _FuncBuilder:
    """Collects method source text and the names it refers to, then execs
    everything in one private namespace."""

    def __init__(self, cls):
        self.cls = cls
        self.ns = {'__builtins__': __builtins__, '__dataclass_object__': object,
                   '__dataclass_cls__': cls,
                   '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
                   '__dataclass_MISSING__': MISSING,
                   'FrozenInstanceError': FrozenInstanceError}
        self.srcs = []
        self.names = []

    def add(self, name, src):
        self.srcs.append(src)
        self.names.append(name)

    def build(self):
        if not self.srcs:
            return {}
        code = '\n'.join(self.srcs)
        exec(code, self.ns)
        out = {}
        for name in self.names:
            fn = self.ns[name]
            fn.__qualname__ = '%s.%s' % (self.cls.__qualname__, fn.__name__)
            fn.__module__ = self.cls.__module__
            out[name] = fn
        return out


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return '__dataclass_object__.__setattr__(%s, %r, %s)' % (self_name, name, value)
    return '%s.%s = %s' % (self_name, name, value)


def _init_src(b, fields, std_fields, kw_only_fields, frozen, has_post_init,
              self_name):
    seen_default = None
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = f
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument'
                                % f.name)

    ns = b.ns

    def param(f):
        ns['__dataclass_type_%s__' % f.name] = f.type
        ann = ': __dataclass_type_%s__' % f.name
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name + ann
        if f.default_factory is not MISSING:
            return '%s%s = __dataclass_HAS_DEFAULT_FACTORY__' % (f.name, ann)
        ns['__dataclass_dflt_%s__' % f.name] = f.default
        return '%s%s = __dataclass_dflt_%s__' % (f.name, ann, f.name)

    body = []
    for f in fields:
        if f._field_type is not _FIELD and f._field_type is not _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            ns['__dataclass_dflt_%s__' % f.name] = f.default_factory
            if f.init:
                value = ('__dataclass_dflt_%s__() if %s is __dataclass_HAS_DEFAULT_FACTORY__ '
                         'else %s' % (f.name, f.name, f.name))
            else:
                value = '__dataclass_dflt_%s__()' % f.name
        else:
            if f.init:
                if f.default is not MISSING:
                    ns['__dataclass_dflt_%s__' % f.name] = f.default
                value = f.name
            elif f.default is not MISSING:
                ns['__dataclass_dflt_%s__' % f.name] = f.default
                value = '__dataclass_dflt_%s__' % f.name
            else:
                continue
        if f._field_type is _FIELD:
            body.append(_field_assign(frozen, f.name, value, self_name))
    if has_post_init:
        params = ', '.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append('%s.%s(%s)' % (self_name, _POST_INIT_NAME, params))
    if not body:
        body = ['pass']
    params = [param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(param(f) for f in kw_only_fields)
    sig = ', '.join([self_name] + params)
    src = 'def __init__(%s) -> None:\n    %s\n' % (sig, '\n    '.join(body))
    b.add('__init__', src)


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _hash_fields(fields):
    return [f for f in fields if (f.compare if f.hash is None else f.hash)]


def _tuple_text(obj, flds):
    if not flds:
        return '()'
    return '(' + ''.join('%s.%s,' % (obj, f.name) for f in flds) + ')'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}
    if cls.__module__ in sys.modules:
        globals_ = sys.modules[cls.__module__].__dict__
    else:
        globals_ = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash,
                                           frozen, match_args, kw_only, slots,
                                           weakref_slot))

    any_frozen_base = False
    all_frozen_bases = None
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(b, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen

    cls_annotations = _own_annotations(cls)
    cls_fields = []
    KW_ONLY_seen = False
    for name, type_ in cls_annotations.items():
        if _is_kw_only(type_):
            if KW_ONLY_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type_, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not all_frozen_bases and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    b = _FuncBuilder(cls)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _init_src(b, all_init_fields, std_init_fields, kw_only_init_fields,
                  frozen, has_post_init, self_name)

    if repr:
        flds = [f for f in field_list if f.repr]
        parts = ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in flds)
        b.add('__repr__', 'def __repr__(self):\n'
                          '    return f"{self.__class__.__qualname__}(%s)"\n'
              % parts.replace('"', '\\"'))

    if eq:
        cmp_fields = [f for f in field_list if f.compare]
        terms = ' and '.join('self.%s == other.%s' % (f.name, f.name)
                             for f in cmp_fields) or 'True'
        b.add('__eq__', 'def __eq__(self, other):\n'
                        '    if self is other:\n'
                        '        return True\n'
                        '    if other.__class__ is self.__class__:\n'
                        '        return %s\n'
                        '    return NotImplemented\n' % terms)

    if order:
        cmp_fields = [f for f in field_list if f.compare]
        st = _tuple_text('self', cmp_fields)
        ot = _tuple_text('other', cmp_fields)
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'),
                         ('__ge__', '>=')):
            b.add(name, 'def %s(self, other):\n'
                        '    if other.__class__ is self.__class__:\n'
                        '        return %s %s %s\n'
                        '    return NotImplemented\n' % (name, st, op, ot))

    if frozen:
        if field_list:
            names = '(' + ''.join('%r,' % f.name for f in field_list) + ')'
            cond = 'type(self) is __dataclass_cls__ or name in %s' % names
        else:
            cond = 'type(self) is __dataclass_cls__'
        b.add('__setattr__', 'def __setattr__(self, name, value):\n'
                             '    if %s:\n'
                             '        raise FrozenInstanceError(f"cannot assign to field {name!r}")\n'
                             '    super(__dataclass_cls__, self).__setattr__(name, value)\n'
              % cond)
        b.add('__delattr__', 'def __delattr__(self, name):\n'
                             '    if %s:\n'
                             '        raise FrozenInstanceError(f"cannot delete field {name!r}")\n'
                             '    super(__dataclass_cls__, self).__delattr__(name)\n'
              % cond)

    hash_action = None
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s'
                            % cls.__name__)
        hash_action = 'add'
    elif eq and frozen:
        hash_action = None if has_explicit_hash else 'add'
    elif eq:
        hash_action = None if has_explicit_hash else 'none'
    if hash_action == 'add':
        b.add('__hash__', 'def __hash__(self):\n    return hash(%s)\n'
              % _tuple_text('self', _hash_fields(field_list)))

    funcs = b.build()
    if '__init__' in funcs:
        _set_new_attribute(cls, '__init__', funcs['__init__'])
    if '__repr__' in funcs:
        _set_new_attribute(cls, '__repr__', recursive_repr()(funcs['__repr__']))
    if '__eq__' in funcs:
        _set_new_attribute(cls, '__eq__', funcs['__eq__'])
    for name in ('__lt__', '__le__', '__gt__', '__ge__'):
        if name in funcs and _set_new_attribute(cls, name, funcs[name]):
            raise TypeError('Cannot overwrite attribute %s in class %s. Consider '
                            'using functools.total_ordering' % (name, cls.__name__))
    for name in ('__setattr__', '__delattr__'):
        if name in funcs and _set_new_attribute(cls, name, funcs[name]):
            raise TypeError('Cannot overwrite attribute %s in class %s'
                            % (name, cls.__name__))
    if hash_action == 'add':
        cls.__hash__ = funcs['__hash__']
    elif hash_action == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + _signature_text(std_init_fields,
                                                         kw_only_init_fields)
        except Exception:
            cls.__doc__ = ''

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc = sys.modules.get('abc')
    if abc is not None and hasattr(cls, '__abstractmethods__'):
        abc.update_abstractmethods(cls)
    return cls


def _signature_text(std, kw):
    def one(f):
        s = f.name + ': ' + _type_text(f.type)
        if f.default_factory is not MISSING:
            s += ' = <factory>'
        elif f.default is not MISSING:
            s += ' = ' + builtins_repr(f.default)
        return s
    parts = [one(f) for f in std]
    if kw:
        parts.append('*')
        parts.extend(one(f) for f in kw)
    return '(' + ', '.join(parts) + ')'


import builtins as _builtins
builtins_repr = _builtins.repr


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _add_slots(cls, is_frozen, weakref_slot):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set()
    for base in cls.__mro__[1:-1]:
        s = base.__dict__.get('__slots__', ())
        inherited_slots.update((s,) if isinstance(s, str) else s)
    cls_dict['__slots__'] = tuple(itertools.filterfalse(
        inherited_slots.__contains__,
        itertools.chain(field_names, ('__weakref__',) if weakref_slot else ())))
    for field_name in field_names:
        cls_dict.pop(field_name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    newcls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        newcls.__qualname__ = qualname
    # Methods that captured the old class (frozen __setattr__, ...) must
    # see the new one.
    for name in ('__setattr__', '__delattr__', '__init__', '__repr__', '__eq__',
                 '__hash__', '__lt__', '__le__', '__gt__', '__ge__'):
        fn = newcls.__dict__.get(name)
        fn = getattr(fn, '__wrapped__', fn)
        g = getattr(fn, '__globals__', None)
        if g is not None and g.get('__dataclass_cls__') is cls:
            g['__dataclass_cls__'] = newcls
    if is_frozen:
        if '__getstate__' not in cls_dict:
            newcls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            newcls.__setstate__ = _dataclass_setstate
    return newcls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Class decorator generating __init__, __repr__, __eq__ and, on
    request, ordering, hashing, frozenness, slots ... from the annotated
    fields of the class."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots, weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------- helpers

def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict (via dict_factory, from
    a list of (name, value) pairs), converting nested dataclasses, lists,
    tuples and dicts recursively and deep-copying other values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _walk(obj, lambda o, conv: dict_factory(
        [(f.name, conv(getattr(o, f.name))) for f in fields(o)]))


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple (via
    tuple_factory), converted recursively like asdict()."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _walk(obj, lambda o, conv: tuple_factory(
        [conv(getattr(o, f.name)) for f in fields(o)]))


_ATOMIC_TYPES = frozenset({type(None), bool, int, float, str, complex, bytes,
                           type(Ellipsis), type(NotImplemented), types.CodeType,
                           types.BuiltinFunctionType, types.FunctionType, type,
                           range, property})


def _walk(obj, convert_dataclass):
    """Copy obj recursively, turning dataclass instances into what
    convert_dataclass(instance, recurse) returns."""
    def conv(o):
        t = type(o)
        if t in _ATOMIC_TYPES:
            return o
        if _is_dataclass_instance(o):
            return convert_dataclass(o, conv)
        if isinstance(o, tuple):
            if hasattr(o, '_fields'):          # named tuple: positional args
                return t(*[conv(v) for v in o])
            return t(conv(v) for v in o)
        if isinstance(o, list):
            return t(conv(v) for v in o)
        if isinstance(o, dict):
            pairs = [(conv(k), conv(v)) for k, v in o.items()]
            if hasattr(t, 'default_factory'):  # defaultdict-like
                new = t(o.default_factory)
                for k, v in pairs:
                    new[k] = v
                return new
            return t(pairs)
        return copy.deepcopy(o)
    return conv(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None, decorator=dataclass):
    """Create a dataclass named cls_name; fields are names, (name, type)
    or (name, type, Field) items."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        import keyword
        if keyword.iskeyword(name):
            raise TypeError('Field names must not be keywords: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        cls.__module__ = module
    return decorator(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with some fields changed
    (through __init__, so __post_init__ runs)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot '
                                'be specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()' % f.name)
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)
