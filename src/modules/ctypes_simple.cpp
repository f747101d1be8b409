// _ctypes class layer: the common CData machinery and the simple types (PyCSimpleType).
// Python source compiled into the _ctypes module when it is imported
// (ctypes_module.h explains the two layers); thread safety is described
// at the top of the source below.
#include "modules/ctypes_module.h"

namespace ftpy {

extern const char kCtypesSimplePy[] = R"PY(# _ctypes class layer, part 1: the common CData machinery and simple types.
# Runs in the _ctypes module's namespace after the native functions are
# added (_alloc, _pin, _read, _write, _call, _closure, ...).
#
# Thread safety: a type's storage info (_ct_size, _ct_align, _ct_ffi, _ct_code)
# is written once while its metaclass creates it, before the type object is
# reachable by another thread, and never changes. Instances are raw memory:
# concurrent reads and writes of one instance race on its bytes only (no
# atomicity promised, as in CPython); the interpreter's own objects they touch
# (the keep-alive dict, the instance's slots) are individually atomic.
import _struct
import _thread

_ct_lock = _thread.allocate_lock()  # serialises _fields_ finalisation
_ct_missing = object()


class ArgumentError(Exception):
    pass
ArgumentError.__module__ = 'ctypes'


# A class's own namespace. Not cls.__dict__: a metaclass with a plain Python
# base (ctypes._endian's _swapped_meta) gives its instances a '__dict__'
# descriptor that shadows type's.
_ct_own = type.__dict__['__dict__'].__get__


def _ct_is_code(t, code):
    # True for a simple type with the given _type_ code (c_char: 'c', c_wchar: 'u').
    return getattr(t, '_ct_code', None) == code


def _ct_is_type(t):
    return isinstance(t, _CDataType)


def _ct_sizeof_type(t):
    if '_ct_abstract' in _ct_own(t):
        raise TypeError('this type has no size')
    try:
        return _ct_own(t)['_ct_size'] if '_ct_size' in _ct_own(t) else t._ct_size
    except AttributeError:
        raise TypeError('this type has no size') from None


class _CDataType(type):
    """The behaviour every ctypes metaclass shares."""

    def from_address(cls, address):
        if not isinstance(address, int):
            raise TypeError('integer expected')
        return cls._ct_at(address, None, None)

    def from_buffer(cls, obj, offset=0):
        size = _ct_sizeof_type(cls)
        if offset < 0:
            raise ValueError('offset cannot be negative')
        if isinstance(obj, _CData):
            have = obj._ct_nbytes()
            if have < size + offset:
                raise ValueError('Buffer size too small (%d instead of at least %d bytes)' % (have, size + offset))
            return cls._ct_at(obj._b_addr + offset, obj, None)
        try:
            mem, addr, have = _pin(obj, True)
        except BufferError:
            raise TypeError('underlying buffer is not writable') from None
        if have < size + offset:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)' % (have, size + offset))
        r = cls._ct_at(addr + offset, None, mem)
        r._b_keep = {'buffer': obj}
        return r

    def from_buffer_copy(cls, obj, offset=0):
        size = _ct_sizeof_type(cls)
        if offset < 0:
            raise ValueError('offset cannot be negative')
        if isinstance(obj, _CData):
            data = _read(obj._b_addr, obj._ct_nbytes())
        else:
            data = bytes(memoryview(obj))
        if len(data) < size + offset:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)' % (len(data), size + offset))
        r = cls._ct_new()
        _write(r._b_addr, data[offset:offset + size])
        return r

    def in_dll(cls, dll, name):
        handle = getattr(dll, '_handle', dll)
        addr = _dlsym(handle, name)
        if isinstance(addr, str):
            raise ValueError(addr)
        return cls.from_address(addr)

    def __mul__(cls, length):
        if not isinstance(length, int):
            return NotImplemented
        return _ct_array_type(cls, length)

    __rmul__ = __mul__

    # Storage helpers used by the other parts.
    def _ct_new(cls):
        r = object.__new__(cls)
        r._b_mem, r._b_addr = _alloc(_ct_sizeof_type(cls))
        r._b_base_ = None
        r._b_keep = None
        return r

    def _ct_at(cls, addr, base, mem):
        r = object.__new__(cls)
        r._b_addr = addr
        r._b_mem = mem
        r._b_base_ = base
        r._b_keep = None
        return r

    # How a value of this type is read from / written to memory. Simple types
    # with a direct _SimpleCData base read as Python values; everything else
    # is an instance sharing the memory (kept alive through `base`).
    def _ct_load(cls, addr, base):
        return cls._ct_at(addr, base, None)

    def _ct_store(cls, addr, value, owner):
        if isinstance(value, tuple) and cls._ct_kind in ('struct', 'union', 'array'):
            value = cls(*value)
        if not isinstance(value, cls):
            raise TypeError('expected %s instance, got %s' % (cls.__name__, type(value).__name__))
        _memmove(addr, value._b_addr, _ct_sizeof_type(cls))
        keep = value._ct_keepalive()
        if keep is not None:
            owner._ct_keep(addr, keep)

    def _ct_from_param_generic(cls, obj):
        if isinstance(obj, cls):
            return obj
        if isinstance(obj, CArgObject) and isinstance(obj._obj, cls):
            return obj
        p = getattr(obj, '_as_parameter_', _ct_missing)
        if p is not _ct_missing:
            return cls.from_param(p)
        raise TypeError('expected %s instance instead of %s' % (cls.__name__, type(obj).__name__))


class _CData:
    """Base of every ctypes instance: _b_addr is where its bytes are, _b_mem
    owns them (or None), _b_base_ is the object whose memory it shares and
    _b_keep the objects its memory refers to (kept alive)."""
    __slots__ = ('_b_addr', '_b_mem', '_b_base_', '_b_keep', '_b_size', '__weakref__')
    _ct_kind = 'abstract'

    def _ct_nbytes(self):
        try:
            return self._b_size
        except AttributeError:
            return _ct_sizeof_type(type(self))

    def _ct_root(self):
        r = self
        while r._b_base_ is not None:
            r = r._b_base_
        return r

    def _ct_keep(self, key, obj):
        # The root object's keep-alive dict, made once under _ct_lock so two
        # threads storing into one object cannot each make one and lose the other.
        r = self._ct_root()
        k = r._b_keep
        if k is None:
            with _ct_lock:
                k = r._b_keep
                if k is None:
                    k = r._b_keep = {}
        k[key] = obj

    def _ct_keepalive(self):
        if self._b_base_ is not None:
            return self._b_base_._ct_root()
        return self._b_keep

    @property
    def _objects(self):
        return self._ct_root()._b_keep

    @property
    def _b_needsfree_(self):
        return 1 if self._b_mem is not None and self._b_base_ is None else 0

    def __ctypes_from_outparam__(self):
        return self

    def __bytes__(self):
        return _read(self._b_addr, self._ct_nbytes())

    def __reduce__(self):
        raise ValueError('ctypes objects containing pointers cannot be pickled')

    def __hash__(self):
        raise TypeError('unhashable type')


class CArgObject:
    """What byref() and from_param() return: a tagged argument. Immutable
    after construction."""
    __slots__ = ('_tag', '_value', '_obj', '_keep')

    def __init__(self, tag, value, obj=None, keep=None):
        self._tag = tag
        self._value = value
        self._obj = obj
        self._keep = keep

    @property
    def _obj_(self):
        return self._obj

    def __repr__(self):
        if self._tag == 'P':
            return "<cparam 'P' (%#x)>" % self._value
        if self._tag in 'fdg':
            return "<cparam '%s' (%r)>" % (self._tag, float(self._value))
        if self._tag == 'c':
            return "<cparam 'c' (%r)>" % (self._value,)
        if self._tag in 'zZ':
            return "<cparam '%s' (%#x)>" % (self._tag, self._value)
        return "<cparam '%s' (%r)>" % (self._tag, self._value)
CArgObject.__name__ = CArgObject.__qualname__ = 'CArgObject'


# ---- simple types ----------------------------------------------------------

_ct_simple_chars = 'cbBhHiIlLdfuzZqQPXOv?g'
# code -> (struct format, size, alignment, ffi code)
_ct_simple_info = {
    'c': ('c', 1, 1, 'b'), 'b': ('b', 1, 1, 'b'), 'B': ('B', 1, 1, 'B'),
    'h': ('h', 2, 2, 'h'), 'H': ('H', 2, 2, 'H'), 'i': ('i', 4, 4, 'i'),
    'I': ('I', 4, 4, 'I'), 'l': ('q', 8, 8, 'l'), 'L': ('Q', 8, 8, 'L'),
    'q': ('q', 8, 8, 'q'), 'Q': ('Q', 8, 8, 'Q'), 'f': ('f', 4, 4, 'f'),
    'd': ('d', 8, 8, 'd'), 'g': (None, 16, 16, 'g'), '?': ('?', 1, 1, 'B'),
    'u': ('I', 4, 4, 'I'), 'z': ('Q', 8, 8, 'P'), 'Z': ('Q', 8, 8, 'P'),
    'P': ('Q', 8, 8, 'P'), 'O': ('Q', 8, 8, 'P'),
}
_ct_int_codes = 'bBhHiIlLqQ'
_ct_swappable = 'hHiIlLqQfd'


def _ct_int_value(v):
    if isinstance(v, float) or not hasattr(type(v), '__index__'):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return v.__index__()


def _ct_wrap_int(v, code):
    bits = _ct_simple_info[code][1] * 8
    v &= (1 << bits) - 1
    if code in 'bhilq' and v >> (bits - 1):
        v -= 1 << bits
    return v


def _ct_float_value(v):
    if isinstance(v, (int, float)):
        return float(v)
    f = getattr(type(v), '__float__', None)
    if f is None:
        i = getattr(type(v), '__index__', None)
        if i is None:
            raise TypeError('must be real number, not %s' % type(v).__name__)
        return float(i(v))
    return f(v)


def _ct_bytes_buffer(b):
    # NUL-terminated bytes the C side can point to: (mem, address). An exact
    # bytes object is pointed to in place (its data always ends in a NUL),
    # as CPython does, so a pointer into it stays valid while it lives.
    if type(b) is bytes:
        mem, addr, n = _pin(b, False)
        return mem, addr
    mem, addr = _alloc(len(b) + 1)
    _write(addr, b)
    return mem, addr


def _ct_wide_buffer(s):
    data = s.encode('utf-32-le', 'surrogatepass')
    mem, addr = _alloc(len(data) + 4)
    _write(addr, data)
    return mem, addr


def _ct_wide_at(addr, n=-1):
    if n < 0:
        n = _wcslen(addr)
    return _read(addr, 4 * n).decode('utf-32-le', 'surrogatepass')


def _ct_address_of(v, what):
    # The address an object passed as a pointer stands for.
    if v is None:
        return 0
    if isinstance(v, int):
        return v & 0xFFFFFFFFFFFFFFFF
    raise TypeError(what)


class PyCSimpleType(_CDataType):
    """Metaclass of the simple types: checks _type_ and stores the storage
    info once, before the new type is returned (immutable afterwards)."""
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        if '_type_' not in ns and any(getattr(b, '_ct_code', None) for b in bases):
            return cls  # a subclass of a concrete simple type
        if '_ct_abstract' in ns:
            return cls
        try:
            code = cls._type_
        except AttributeError:
            raise AttributeError("class must define a '_type_' attribute") from None
        if not isinstance(code, str):
            raise TypeError("class must define a '_type_' string attribute")
        if len(code) != 1 or code not in _ct_simple_chars or code not in _ct_simple_info:
            raise AttributeError("class must define a '_type_' attribute which must be\n"
                             "a single character string containing one of '%s'." % _ct_simple_chars)
        fmt, size, align, ffi = _ct_simple_info[code]
        swapped = ns.get('_ct_swapped', False)
        cls._ct_code = code
        cls._ct_size = size
        cls._ct_align = align
        cls._ct_ffi = ffi
        cls._ct_fmt = ('>' if swapped else '<') + fmt if fmt else None
        if code in _ct_swappable and not swapped:
            ns2 = dict(ns)
            ns2['_ct_swapped'] = True
            other = mcls(name + '_be', bases, ns2)
            cls.__ctype_le__ = cls
            cls.__ctype_be__ = other
            other.__ctype_le__ = cls
            other.__ctype_be__ = other
        return cls

    def _ct_direct(cls):
        return cls.__bases__[0] is _SimpleCData

    def _ct_getv(cls, addr):
        code = cls._ct_code
        if code == 'g':
            return _ld_read(addr)
        v = _struct.unpack(cls._ct_fmt, _read(addr, cls._ct_size))[0]
        if code == 'u':
            return chr(v)
        if code == 'z':
            return None if v == 0 else _read(v, _strlen(v))
        if code == 'Z':
            return None if v == 0 else _ct_wide_at(v)
        if code == 'P':
            return None if v == 0 else v
        return v

    def _ct_setv(cls, addr, value):
        # Write value; returns what the memory now points to (to keep alive).
        code = cls._ct_code
        keep = None
        if code in _ct_int_codes:
            v = _ct_wrap_int(_ct_int_value(value), code)
        elif code in 'fd':
            v = _ct_float_value(value)
        elif code == 'g':
            _ld_write(addr, _ct_float_value(value))
            return None
        elif code == '?':
            v = bool(value)
        elif code == 'c':
            if isinstance(value, (bytes, bytearray)) and len(value) == 1:
                v = bytes(value)
            elif isinstance(value, int) and 0 <= value < 256:
                v = bytes((value,))
            else:
                raise TypeError('one character bytes, bytearray or integer expected')
        elif code == 'u':
            if not isinstance(value, str):
                raise TypeError('unicode string expected instead of %s instance' % type(value).__name__)
            if len(value) != 1:
                raise TypeError('one character unicode string expected')
            v = ord(value)
        elif code == 'z':
            if value is None or isinstance(value, int):
                v = _ct_address_of(value, '')
            elif isinstance(value, bytes):
                keep, v = _ct_bytes_buffer(value)
                keep = (keep, value)
            else:
                raise TypeError('bytes or integer address expected instead of %s instance' % type(value).__name__)
        elif code == 'Z':
            if value is None or isinstance(value, int):
                v = _ct_address_of(value, '')
            elif isinstance(value, str):
                keep, v = _ct_wide_buffer(value)
                keep = (keep, value)
            else:
                raise TypeError('unicode string or integer address expected instead of %s instance'
                                % type(value).__name__)
        elif code == 'P':
            if value is None or isinstance(value, int):
                v = _ct_address_of(value, '')
            else:
                raise TypeError('cannot be converted to pointer')
        elif code == 'O':
            keep = value
            v = _obj_word(value)
        else:
            raise TypeError('unsupported type code %r' % code)
        _write(addr, _struct.pack(cls._ct_fmt, v))
        return keep

    def _ct_load(cls, addr, base):
        if cls._ct_direct():
            if cls._ct_code == 'O':
                r = base._ct_root()._b_keep if base is not None else None
                if r and addr in r:
                    return r[addr]
                raise ValueError('PyObject is NULL')
            return cls._ct_getv(addr)
        return cls._ct_at(addr, base, None)

    def _ct_store(cls, addr, value, owner):
        if isinstance(value, _SimpleCData):
            if isinstance(value, cls):
                _memmove(addr, value._b_addr, cls._ct_size)
                k = value._ct_keepalive()
                if k is not None:
                    owner._ct_keep(addr, k)
                return
            if cls._ct_code not in 'zZP' or value._ct_code not in 'zZP':
                raise TypeError('incompatible types, %s instance instead of %s instance'
                                % (type(value).__name__, cls.__name__))
            value = value.value
        elif isinstance(value, _CData) and cls._ct_code in 'zZP':
            if isinstance(value, (_Pointer, Array, CFuncPtr)):
                owner._ct_keep(addr, value)
                value = _ct_pointer_value(value)
        keep = cls._ct_setv(addr, value)
        if keep is not None:
            owner._ct_keep(addr, keep)

    def from_param(cls, obj):
        code = cls._ct_code
        if isinstance(obj, cls):
            return obj
        # Fast paths for the common exact int and float arguments.
        if type(obj) is int and code in _ct_int_codes:
            return CArgObject(code, _ct_wrap_int(obj, code), obj)
        if (type(obj) is float or type(obj) is int) and code in 'fd':
            return CArgObject(code, float(obj), obj)
        if code == 'z':
            if obj is None:
                return None
            if isinstance(obj, bytes):
                mem, addr = _ct_bytes_buffer(obj)
                return CArgObject('z', addr, obj, mem)
            if isinstance(obj, (Array, _Pointer)) and _ct_is_code(obj._type_, 'c'):
                return obj
            if isinstance(obj, CArgObject) and obj._tag == 'z':
                return obj
        elif code == 'Z':
            if obj is None:
                return None
            if isinstance(obj, str):
                mem, addr = _ct_wide_buffer(obj)
                return CArgObject('Z', addr, obj, mem)
            if isinstance(obj, (Array, _Pointer)) and _ct_is_code(obj._type_, 'u'):
                return obj
            if isinstance(obj, CArgObject) and obj._tag == 'Z':
                return obj
        elif code == 'P':
            if obj is None:
                return None
            if isinstance(obj, int):
                return CArgObject('P', obj & 0xFFFFFFFFFFFFFFFF, None)
            if isinstance(obj, bytes):
                mem, addr = _ct_bytes_buffer(obj)
                return CArgObject('z', addr, obj, mem)
            if isinstance(obj, str):
                mem, addr = _ct_wide_buffer(obj)
                return CArgObject('Z', addr, obj, mem)
            if isinstance(obj, (_Pointer, Array, CFuncPtr)):
                return obj
            if isinstance(obj, _SimpleCData) and obj._ct_code in 'zZP':
                return obj
            if isinstance(obj, CArgObject) and obj._tag in 'PzZ':
                return obj
        else:
            if isinstance(obj, CArgObject) and obj._tag == code:
                return obj
            try:
                scratch = cls._ct_new()
                keep = cls._ct_setv(scratch._b_addr, obj)
            except (TypeError, ValueError, OverflowError):
                pass
            else:
                return CArgObject(code, cls._ct_getv(scratch._b_addr), obj, keep)
        p = getattr(obj, '_as_parameter_', _ct_missing)
        if p is not _ct_missing:
            return cls.from_param(p)
        raise TypeError('wrong type')


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    """One C scalar in memory. Its value is read and written with one
    memory copy each; concurrent writers race on the bytes only."""
    __slots__ = ()
    _ct_abstract = True
    _ct_kind = 'simple'

    def __new__(cls, *args, **kw):
        if not hasattr(cls, '_ct_code'):
            raise TypeError('abstract class')
        return cls._ct_new()

    def __init__(self, *args, **kw):
        # CPython ignores keyword arguments here.
        if len(args) > 1:
            raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
        if args:
            self.value = args[0]

    @property
    def value(self):
        cls = type(self)
        if cls._ct_code == 'O':
            k = self._ct_root()._b_keep
            if k and self._b_addr in k:
                return k[self._b_addr]
            raise ValueError('PyObject is NULL')
        return cls._ct_getv(self._b_addr)

    @value.setter
    def value(self, v):
        keep = type(self)._ct_setv(self._b_addr, v)
        if keep is not None:
            self._ct_keep(self._b_addr, keep)

    def __repr__(self):
        cls = type(self)
        if cls.__bases__[0] is not _SimpleCData:
            return '<%s object at %#x>' % (cls.__name__, id(self))
        return '%s(%r)' % (cls.__name__, self.value)

    def __bool__(self):
        return bool(type(self)._ct_getv(self._b_addr)) if type(self)._ct_code != 'O' else True

    def __ctypes_from_outparam__(self):
        if type(self).__bases__[0] is _SimpleCData:
            return self.value
        return self


def sizeof(obj):
    if isinstance(obj, type):
        if isinstance(obj, _CDataType):
            return _ct_sizeof_type(obj)
        raise TypeError('this type has no size')
    if isinstance(obj, _CData):
        return obj._ct_nbytes()
    raise TypeError('this type has no size')


def alignment(obj):
    t = obj if isinstance(obj, type) else type(obj)
    if isinstance(t, _CDataType) and '_ct_abstract' not in _ct_own(t):
        try:
            return t._ct_align
        except AttributeError:
            pass
    raise TypeError('no alignment info')


def addressof(obj):
    if not isinstance(obj, _CData):
        raise TypeError('invalid type')
    return obj._b_addr


def byref(obj, offset=0):
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'" % type(obj).__name__)
    return CArgObject('P', obj._b_addr + offset, obj)


def resize(obj, size):
    if not isinstance(obj, _CData):
        raise TypeError('excepted ctypes instance')  # sic: CPython 3.11's message
    minimum = _ct_sizeof_type(type(obj))
    if size < minimum:
        raise ValueError('minimum size is %d' % minimum)
    if obj._b_mem is None or obj._b_base_ is not None:
        raise ValueError("Memory cannot be resized because this object doesn't own it")
    old = obj._ct_nbytes()
    mem, addr = _alloc(size)
    _memmove(addr, obj._b_addr, min(old, size))
    obj._b_mem, obj._b_addr = mem, addr
    obj._b_size = size
)PY";

}  // namespace ftpy
