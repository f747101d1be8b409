// _ctypes class layer: pointers (PyCPointerType) and arrays (PyCArrayType).
// Python source compiled into the _ctypes module when it is imported
// (ctypes_module.h explains the two layers); thread safety is described
// at the top of the source below.
#include "modules/ctypes_module.h"

namespace ftpy {

extern const char kCtypesPointerPy[] = R"PY(# _ctypes class layer, part 3: pointers (PyCPointerType, POINTER, pointer)
# and arrays (PyCArrayType), with cast-free helpers they share.
#
# Thread safety: _pointer_type_cache and the array type cache are dicts whose
# single operations are atomic; a type built twice by racing threads is
# harmless because setdefault publishes the first and both callers return it.
# A pointer type made incomplete (POINTER('name')) gets its _type_ once
# through SetPointerType under _ct_lock.

import sys as _ct_sys

_pointer_type_cache = {}


def _ct_caller_module(depth):
    # Types made by POINTER() and `T * n` belong to the calling module, as
    # CPython names them from the caller's globals.
    try:
        return _ct_sys._getframe(depth + 1).f_globals.get('__name__', '_ctypes')
    except (AttributeError, ValueError):
        return '_ctypes'
_ct_array_cache = {}


def _ct_pointer_value(obj):
    # The address a pointer-like object stands for.
    if isinstance(obj, Array):
        return obj._b_addr
    if isinstance(obj, (_Pointer, CFuncPtr)):
        return _struct.unpack('<Q', _read(obj._b_addr, 8))[0]
    if isinstance(obj, _SimpleCData):
        v = obj.value
        return 0 if v is None else v
    raise TypeError('not a pointer')


class PyCPointerType(_CDataType):
    """Metaclass of pointer types; _type_ is set at creation or once by
    SetPointerType under _ct_lock."""
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._ct_size = 8
        cls._ct_align = 8
        cls._ct_ffi = 'P'
        if '_type_' in ns:
            t = ns['_type_']
            if not _ct_is_type(t):
                raise TypeError('_type_ must have storage info')
        return cls

    def from_param(cls, obj):
        if obj is None:
            return None
        if isinstance(obj, cls):
            return obj
        t = getattr(cls, '_type_', None)
        if isinstance(obj, Array) and t is not None and issubclass(obj._type_, t):
            return obj
        if isinstance(obj, CArgObject) and t is not None and isinstance(obj._obj, t):
            return obj
        if isinstance(obj, _Pointer) and t is not None and issubclass(getattr(type(obj), '_type_', object), t):
            return obj
        if t is not None and isinstance(obj, t):
            return CArgObject('P', obj._b_addr, obj)
        p = getattr(obj, '_as_parameter_', _ct_missing)
        if p is not _ct_missing:
            return cls.from_param(p)
        raise TypeError('expected %s instance instead of %s' % (cls.__name__, type(obj).__name__))

    def set_type(cls, typ):
        SetPointerType(cls, typ)

    def _ct_store(cls, addr, value, owner):
        if isinstance(value, cls):
            _memmove(addr, value._b_addr, 8)
            owner._ct_keep(addr, value)
            return
        t = getattr(cls, '_type_', None)
        if isinstance(value, Array) and t is not None and issubclass(value._type_, t):
            _write(addr, _struct.pack('<Q', value._b_addr))
            owner._ct_keep(addr, value)
            return
        if value is None:
            _write(addr, bytes(8))
            return
        raise TypeError('incompatible types, %s instance instead of %s instance'
                        % (type(value).__name__, cls.__name__))


def SetPointerType(pointer, cls):
    with _ct_lock:
        if '_type_' in _ct_own(pointer):
            raise AttributeError('pointer type already set')
        type.__setattr__(pointer, '_type_', cls)
    _pointer_type_cache[cls] = pointer
    _pointer_type_cache.pop(id(pointer), None)


def _ct_item_load(t, addr, base):
    return t._ct_load(addr, base)


class _Pointer(_CData, metaclass=PyCPointerType):
    """8 bytes holding an address; the pointee is kept alive in the root
    object's keep-alive dict (see _CData._ct_keep)."""
    __slots__ = ()
    _ct_kind = 'pointer'

    def __new__(cls, *args, **kw):
        if not hasattr(cls, '_type_'):
            raise TypeError('Cannot create instance: has no _type_')
        return cls._ct_new()

    def __init__(self, *args):
        if args:
            if len(args) > 1:
                raise TypeError('expected at most 1 argument')
            self.contents = args[0]

    def _ct_target(self):
        return _struct.unpack('<Q', _read(self._b_addr, 8))[0]

    @property
    def contents(self):
        a = self._ct_target()
        if a == 0:
            raise ValueError('NULL pointer access')
        t = type(self)._type_
        k = self._ct_root()._b_keep
        if k is not None:
            o = k.get(self._b_addr)
            if isinstance(o, _CData) and type(o) is t and o._b_addr == a:
                return o
        return t._ct_at(a, self, None)

    @contents.setter
    def contents(self, obj):
        t = type(self)._type_
        if not isinstance(obj, _CData):
            raise TypeError('expected %s instead of %s' % (t.__name__, type(obj).__name__))
        _write(self._b_addr, _struct.pack('<Q', obj._b_addr))
        self._ct_keep(self._b_addr, obj)

    def __bool__(self):
        return self._ct_target() != 0

    def __getitem__(self, index):
        t = type(self)._type_
        if isinstance(index, slice):
            start, stop, step = index.start, index.stop, index.step
            if step is None:
                step = 1
            if step == 0:
                raise ValueError('slice step cannot be zero')
            if start is None:
                if step < 0:
                    raise ValueError('slice start is required for step < 0')
                start = 0
            if stop is None:
                raise ValueError('slice stop is required')
            items = [self[i] for i in range(start, stop, step)]
            if _ct_is_code(t, 'c'):
                return b''.join(items)
            if _ct_is_code(t, 'u'):
                return ''.join(items)
            return items
        if not hasattr(type(index), '__index__'):
            raise TypeError('Pointer indices must be integer')
        a = self._ct_target()
        if a == 0:
            raise ValueError('NULL pointer access')
        return t._ct_load(a + index.__index__() * t._ct_size, self)

    def __setitem__(self, index, value):
        t = type(self)._type_
        if not hasattr(type(index), '__index__'):
            raise TypeError('Pointer indices must be integer')
        a = self._ct_target()
        if a == 0:
            raise ValueError('NULL pointer access')
        t._ct_store(a + index.__index__() * t._ct_size, value, self)

    def __delitem__(self, index):
        raise TypeError('Pointer does not support item deletion')


def POINTER(cls):
    try:
        return _pointer_type_cache[cls]
    except KeyError:
        pass
    except TypeError:
        raise TypeError('must be a ctypes type') from None
    if isinstance(cls, str):
        p = PyCPointerType(cls, (_Pointer,), {'__module__': _ct_caller_module(1)})
        return _pointer_type_cache.setdefault(id(p), p)
    if not isinstance(cls, type):
        raise TypeError('must be a ctypes type')
    p = PyCPointerType('LP_%s' % cls.__name__, (_Pointer,), {'_type_': cls, '__module__': _ct_caller_module(1)})
    return _pointer_type_cache.setdefault(cls, p)


def pointer(obj):
    return POINTER(type(obj))(obj)


class PyCArrayType(_CDataType):
    """Metaclass of array types: _type_ and _length_ are checked and the
    storage info stored once at creation (immutable afterwards)."""
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        if '_ct_abstract' in ns:
            return cls
        try:
            length = cls._length_
        except AttributeError:
            raise AttributeError("class must define a '_length_' attribute") from None
        if not isinstance(length, int):
            raise TypeError("The '_length_' attribute must be an integer")
        if length < 0:
            raise ValueError("The '_length_' attribute must not be negative")
        try:
            t = cls._type_
        except AttributeError:
            raise AttributeError("class must define a '_type_' attribute") from None
        if not _ct_is_type(t) or not hasattr(t, '_ct_size'):
            raise TypeError('_type_ must have storage info')
        cls._ct_size = t._ct_size * length
        cls._ct_align = t._ct_align
        cls._ct_ffi = '{' + t._ct_ffi * length + '}' if length else '{B}'
        return cls

    def from_param(cls, obj):
        return cls._ct_from_param_generic(obj)

    def _ct_load(cls, addr, base):
        t = cls._type_
        if _ct_is_code(t, 'c'):
            data = _read(addr, cls._length_)
            i = data.find(b'\0')
            return data if i < 0 else data[:i]
        if _ct_is_code(t, 'u'):
            s = _read(addr, 4 * cls._length_).decode('utf-32-le', 'surrogatepass')
            i = s.find('\0')
            return s if i < 0 else s[:i]
        return cls._ct_at(addr, base, None)

    def _ct_store(cls, addr, value, owner):
        t = cls._type_
        n = cls._length_
        if _ct_is_code(t, 'c') and isinstance(value, bytes):
            if len(value) > n:
                raise ValueError('bytes too long (%d, maximum length %d)' % (len(value), n))
            _write(addr, value + (b'\0' if len(value) < n else b''))
            return
        if _ct_is_code(t, 'u') and isinstance(value, str):
            if len(value) > n:
                raise ValueError('string too long (%d, maximum length %d)' % (len(value), n))
            _write(addr, value.encode('utf-32-le', 'surrogatepass') + (b'\0' * 4 if len(value) < n else b''))
            return
        _CDataType._ct_store(cls, addr, value, owner)


def _ct_array_type(t, length):
    if length < 0:
        raise ValueError('Array length must be >= 0, not %d' % length)
    key = (t, length)
    try:
        return _ct_array_cache[key]
    except KeyError:
        pass
    if not hasattr(t, '_ct_size'):
        raise TypeError('_type_ must have storage info')
    a = PyCArrayType('%s_Array_%d' % (t.__name__, length), (Array,),
                     {'_type_': t, '_length_': length, '__module__': _ct_caller_module(2)})
    return _ct_array_cache.setdefault(key, a)


class Array(_CData, metaclass=PyCArrayType):
    """_length_ items of _type_ in one block of memory; items are read and
    written one memory copy each."""
    __slots__ = ()
    _ct_abstract = True
    _ct_kind = 'array'

    def __new__(cls, *args, **kw):
        if not hasattr(cls, '_ct_size'):
            raise TypeError('abstract class')
        return cls._ct_new()

    def __init__(self, *args):
        if len(args) > type(self)._length_:
            raise IndexError('invalid index')
        for i, v in enumerate(args):
            self[i] = v

    def __len__(self):
        return type(self)._length_

    def _ct_index(self, index):
        n = type(self)._length_
        i = index.__index__()
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, index):
        cls = type(self)
        t = cls._type_
        if isinstance(index, slice):
            r = range(*index.indices(cls._length_))
            if _ct_is_code(t, 'c'):
                data = _read(self._b_addr, cls._length_)
                return bytes(data[i] for i in r) if r.step != 1 else data[r.start:r.stop]
            if _ct_is_code(t, 'u'):
                return ''.join(self[i] for i in r)
            return [self[i] for i in r]
        if not hasattr(type(index), '__index__'):
            raise TypeError('indices must be integers')
        i = self._ct_index(index)
        return t._ct_load(self._b_addr + i * t._ct_size, self)

    def __setitem__(self, index, value):
        cls = type(self)
        t = cls._type_
        if isinstance(index, slice):
            r = range(*index.indices(cls._length_))
            if len(value) != len(r):
                raise ValueError('Can only assign sequence of same size')
            for i, v in zip(r, value):
                self[i] = v
            return
        if not hasattr(type(index), '__index__'):
            raise TypeError('indices must be integers')
        i = self._ct_index(index)
        t._ct_store(self._b_addr + i * t._ct_size, value, self)

    def __delitem__(self, index):
        raise TypeError('Array does not support item deletion')

    def __iter__(self):
        for i in range(type(self)._length_):
            yield self[i]

    # c_char and c_wchar arrays: .value and .raw
    def __getattr__(self, name):
        t = type(self)._type_
        if name == 'value' and _ct_is_code(t, 'c'):
            data = _read(self._b_addr, type(self)._length_)
            i = data.find(b'\0')
            return data if i < 0 else data[:i]
        if name == 'raw' and _ct_is_code(t, 'c'):
            return _read(self._b_addr, type(self)._length_)
        if name == 'value' and _ct_is_code(t, 'u'):
            s = _read(self._b_addr, 4 * type(self)._length_).decode('utf-32-le', 'surrogatepass')
            i = s.find('\0')
            return s if i < 0 else s[:i]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        t = type(self)._type_
        n = type(self)._length_
        if name == 'value' and _ct_is_code(t, 'c'):
            if not isinstance(value, bytes):
                raise TypeError('bytes expected instead of %s instance' % type(value).__name__)
            if len(value) > n:
                raise ValueError('byte string too long')
            _write(self._b_addr, value + (b'\0' if len(value) < n else b''))
            return
        if name == 'raw' and _ct_is_code(t, 'c'):
            data = bytes(memoryview(value))
            if len(data) > n:
                raise ValueError('byte string too long')
            _write(self._b_addr, data)
            return
        if name == 'value' and _ct_is_code(t, 'u'):
            if not isinstance(value, str):
                raise TypeError('unicode string expected instead of %s instance' % type(value).__name__)
            if len(value) > n:
                raise ValueError('string too long')
            data = value.encode('utf-32-le', 'surrogatepass')
            _write(self._b_addr, data + (b'\0' * 4 if len(value) < n else b''))
            return
        object.__setattr__(self, name, value)
)PY";

}  // namespace ftpy
