// _ctypes class layer: function pointers and callbacks (PyCFuncPtrType).
// Python source compiled into the _ctypes module when it is imported
// (ctypes_module.h explains the two layers); thread safety is described
// at the top of the source below.
#include "modules/ctypes_module.h"

namespace ftpy {

extern const char kCtypesFuncPtrPy[] = R"PY(# _ctypes class layer, part 4: function pointers (PyCFuncPtrType, CFuncPtr):
# calling C functions and making Python callables callable from C, plus the
# helpers ctypes/__init__.py reaches through PYFUNCTYPE (cast, string_at,
# wstring_at) and the module's remaining names.
#
# Thread safety: a function pointer's argtypes/restype/errcheck are plain
# attributes (each read or write atomic); a call reads each once and converts
# its arguments into locals before the foreign call, which runs detached
# (_call) unless the function uses the interpreter (PyDLL's FUNCFLAG_PYTHONAPI).
# A callback's closure is created before its address is published.

_ct_native = _native_addrs()
_memmove_addr = _ct_native['_memmove_addr']
_memset_addr = _ct_native['_memset_addr']
_cast_addr = _ct_native['_cast_addr']
_string_at_addr = _ct_native['_string_at_addr']
_wstring_at_addr = _ct_native['_wstring_at_addr']
del _ct_native


def _ct_ffi_of(t):
    # The libffi code for a value of ctypes type t as a function argument or result.
    if t is None:
        return 'v'
    if isinstance(t, PyCSimpleType):
        return t._ct_ffi
    if isinstance(t, _ct_StructMeta):
        return t._ct_ffi
    return 'P'


def _ct_raw_arg(i, a):
    # (ffi code, raw value, keep-alive) for the converted argument a.
    if isinstance(a, CArgObject):
        tag = a._tag
        if tag in 'PzZ':
            return 'P', a._value, a
        if tag in _ct_simple_info:
            return _ct_simple_info[tag][3], a._value if tag != 'c' else a._value[0], a
        return 'P', a._value, a
    if isinstance(a, _CData):
        t = type(a)
        if isinstance(a, _SimpleCData):
            code = t._ct_code
            if code == 'O':
                return 'P', _obj_word(a.value), a
            if code in 'zZP':
                return 'P', _struct.unpack('<Q', _read(a._b_addr, 8))[0], a
            if code == 'c':
                return 'b', _read(a._b_addr, 1)[0], a
            if code == 'u':
                return 'I', ord(a.value), a
            if code == '?':
                return 'B', int(a.value), a
            if code == 'g':
                return 'g', a.value, a
            return t._ct_ffi, a.value, a
        if isinstance(a, (Structure, Union)):
            return t._ct_ffi, a._b_addr, a
        if isinstance(a, Array):
            return 'P', a._b_addr, a
        return 'P', _struct.unpack('<Q', _read(a._b_addr, 8))[0], a
    if a is None:
        return 'P', 0, None
    if isinstance(a, bool) or isinstance(a, int):
        if not -(1 << 63) <= a < (1 << 64):
            raise OverflowError('int too long to convert')
        return 'i', a, None
    if isinstance(a, bytes):
        mem, addr = _ct_bytes_buffer(a)
        return 'P', addr, (mem, a)
    if isinstance(a, str):
        mem, addr = _ct_wide_buffer(a)
        return 'P', addr, (mem, a)
    p = getattr(a, '_as_parameter_', _ct_missing)
    if p is not _ct_missing:
        return _ct_raw_arg(i, p)
    raise TypeError("Don't know how to convert parameter %d" % i)


def _ct_result(restype, raw, func, args):
    # The Python value of a raw result.
    if restype is None:
        return None
    if isinstance(restype, PyCSimpleType):
        code = restype._ct_code
        if restype.__bases__[0] is _SimpleCData and getattr(restype, '_check_retval_', None) is None:
            # The common case, without making an instance: the Python value.
            if code in _ct_int_codes:
                return _ct_wrap_int(raw, code)
            if code in 'fdg':
                return raw
            if code == '?':
                return bool(raw & 0xFF)
        r = restype._ct_new()
        if code in _ct_int_codes or code in 'PzZ?c':
            size = restype._ct_size
            v = raw & ((1 << (8 * size)) - 1)
            _write(r._b_addr, v.to_bytes(size, 'little'))
        elif code in 'fd':
            _write(r._b_addr, _struct.pack('<' + code, raw))
        elif code == 'g':
            _ld_write(r._b_addr, raw)
        elif code == 'u':
            _write(r._b_addr, (raw & 0xFFFFFFFF).to_bytes(4, 'little'))
        elif code == 'O':
            raise TypeError('py_object results are not supported')
        check = getattr(restype, '_check_retval_', None)
        if check is not None:
            return check(r)
        if restype.__bases__[0] is _SimpleCData:
            return r.value
        return r
    if isinstance(restype, _ct_StructMeta):
        r = restype._ct_new()
        _write(r._b_addr, raw[:restype._ct_size])
        return r
    if isinstance(restype, _CDataType):
        r = restype._ct_new()
        _write(r._b_addr, (raw & 0xFFFFFFFFFFFFFFFF).to_bytes(8, 'little'))
        return r
    # restype is a callable: called with the int result
    return restype(raw)


_ct_special_addrs = frozenset((_cast_addr, _string_at_addr, _wstring_at_addr))


def _ct_special(addr, args):
    # The helpers __init__.py calls through PYFUNCTYPE with Python objects.
    if addr == _cast_addr:
        return _ct_cast(args[0], args[2])
    if addr == _string_at_addr:
        a = _ct_addr_param(args[0])
        n = args[1]
        if n == -1:
            n = _strlen(a)
        return _read(a, n)
    if addr == _wstring_at_addr:
        a = _ct_addr_param(args[0])
        return _ct_wide_at(a, args[1])
    return _ct_missing


class _ct_voidp(_SimpleCData):
    _type_ = 'P'


def _ct_addr_param(obj):
    try:
        p = _ct_voidp.from_param(obj)
    except TypeError:
        raise ArgumentError('argument 1: TypeError: wrong type') from None
    return _ct_raw_arg(1, p)[1]


def _ct_cast(obj, typ):
    if not (isinstance(typ, PyCPointerType) or isinstance(typ, PyCFuncPtrType) or
            (isinstance(typ, PyCSimpleType) and typ._ct_code in 'zZP')):
        raise TypeError('cast() argument 2 must be a pointer type, not %s'
                        % (typ.__name__ if isinstance(typ, type) else type(typ).__name__))
    addr = _ct_addr_param(obj)
    r = typ._ct_new()
    _write(r._b_addr, (addr & 0xFFFFFFFFFFFFFFFF).to_bytes(8, 'little'))
    if isinstance(obj, _CData):
        r._ct_keep(id(obj), obj)
        k = obj._ct_root()._b_keep
        if k:
            r._ct_keep('cast', k)
    return r


class PyCFuncPtrType(_CDataType):
    """Metaclass of function pointer types: _argtypes_/_restype_ are
    checked at creation; types are immutable afterwards."""
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._ct_size = 8
        cls._ct_align = 8
        cls._ct_ffi = 'P'
        if '_argtypes_' in ns:
            _ct_check_argtypes(ns['_argtypes_'])
        if '_restype_' in ns:
            _ct_check_restype(ns['_restype_'], '_restype_')
        return cls

    def from_param(cls, obj):
        if obj is None:
            return None
        return cls._ct_from_param_generic(obj)


def _ct_check_argtypes(v):
    if v is None:
        return None
    if not isinstance(v, (tuple, list)):
        raise TypeError('_argtypes_ must be a sequence of types')
    for i, t in enumerate(v):
        if not hasattr(t, 'from_param'):
            raise TypeError('item %d in _argtypes_ has no from_param method' % (i + 1))
    return tuple(v)


def _ct_check_restype(v, what='restype'):
    if v is None or isinstance(v, _CDataType) or callable(v):
        return v
    raise TypeError('%s must be a type, a callable, or None' % what)


class CFuncPtr(_CData, metaclass=PyCFuncPtrType):
    """A C function pointer: 8 bytes holding the address, plus the call's
    argtypes/restype/errcheck (instance attributes; each read or write is one
    atomic dict operation) and, for a callback, the Python function."""
    _ct_kind = 'func'
    _flags_ = 1
    # Defaults for instances made without __new__ (a field, from_address).
    _ct_argtypes = _ct_missing
    _ct_restype = _ct_missing
    _ct_errcheck = None
    _ct_callable = None

    def __new__(cls, *args, **kw):
        self = cls._ct_new()
        self._ct_argtypes = _ct_missing
        self._ct_restype = _ct_missing
        self._ct_errcheck = None
        self._ct_callable = None
        if not args:
            return self
        if len(args) > 1 and not isinstance(args[0], int):
            raise TypeError('argument must be callable or integer function address')
        a = args[0]
        if isinstance(a, tuple):
            if len(a) < 2:
                raise TypeError('function name must be string, bytes object or integer')
            name, dll = a[0], a[1]
            if isinstance(name, int):
                raise TypeError('function ordinal must be positive integer')
            if not isinstance(name, str):
                raise TypeError('function name must be string, bytes object or integer')
            handle = getattr(dll, '_handle', None)
            if not isinstance(handle, int):
                raise TypeError('the _handle attribute of the second argument must be an integer')
            addr = _dlsym(handle, name)
            if isinstance(addr, str):
                raise AttributeError(addr)
            _write(self._b_addr, addr.to_bytes(8, 'little'))
            self._ct_name = name
            self._ct_keep('dll', dll)
            return self
        if isinstance(a, int):
            _write(self._b_addr, (a & 0xFFFFFFFFFFFFFFFF).to_bytes(8, 'little'))
            return self
        if callable(a):
            argtypes = getattr(cls, '_argtypes_', None)
            if argtypes is None:
                argtypes = ()
            restype = getattr(cls, '_restype_', None)
            if not hasattr(cls, '_argtypes_') and cls.__bases__[0] is CFuncPtr:
                raise TypeError('cannot construct instance of this class: no argtypes')
            raw = tuple(_ct_cb_code(t) for t in argtypes)
            rc = _ct_cb_code(restype) if restype is not None else 'v'
            closure, addr = _closure(_ct_make_thunk(a, argtypes, restype), raw, rc, a)
            _write(self._b_addr, addr.to_bytes(8, 'little'))
            self._ct_callable = a
            self._ct_keep('closure', closure)
            return self
        raise TypeError('argument must be callable or integer function address')

    def __init__(self, *args, **kw):
        pass

    @property
    def argtypes(self):
        v = self._ct_argtypes
        if v is _ct_missing:
            return getattr(type(self), '_argtypes_', None)
        return v

    @argtypes.setter
    def argtypes(self, v):
        self._ct_argtypes = _ct_check_argtypes(v)

    @argtypes.deleter
    def argtypes(self):
        self._ct_argtypes = _ct_missing

    @property
    def restype(self):
        v = self._ct_restype
        if v is _ct_missing:
            return getattr(type(self), '_restype_', None)
        return v

    @restype.setter
    def restype(self, v):
        self._ct_restype = _ct_check_restype(v)

    @restype.deleter
    def restype(self):
        self._ct_restype = _ct_missing

    @property
    def errcheck(self):
        return self._ct_errcheck

    @errcheck.setter
    def errcheck(self, v):
        if v is not None and not callable(v):
            raise TypeError('the errcheck attribute must be callable')
        self._ct_errcheck = v

    def _ct_address(self):
        return int.from_bytes(_read(self._b_addr, 8), 'little')

    def __bool__(self):
        return self._ct_address() != 0

    def __repr__(self):
        cls = type(self)
        return '<%s object at %#x>' % (cls.__name__, id(self))

    def __call__(self, *args, **kw):
        if kw:
            raise TypeError('this function takes no keyword arguments')
        addr = self._ct_address()
        cb = self._ct_callable
        if cb is not None:
            return cb(*args)
        if addr in _ct_special_addrs:
            return _ct_special(addr, args)
        argtypes = self.argtypes
        restype = self.restype
        if argtypes is not None and len(args) < len(argtypes):
            n = len(argtypes)
            raise TypeError('this function takes at least %d argument%s (%d given)'
                            % (n, '' if n == 1 else 's', len(args)))
        if addr == 0:
            raise ValueError('NULL pointer access')
        codes = []
        raws = []
        keep = []
        for i, a in enumerate(args):
            try:
                if argtypes is not None and i < len(argtypes):
                    a = argtypes[i].from_param(a)
                code, raw, k = _ct_raw_arg(i + 1, a)
            except Exception as e:
                raise ArgumentError('argument %d: %s: %s' % (i + 1, type(e).__name__, e)) from None
            if code == 'i' and argtypes is None or (argtypes is not None and i >= len(argtypes) and code == 'i'):
                if not -(1 << 31) <= raw < (1 << 32):
                    code = 'q'
            codes.append(code)
            raws.append(raw)
            keep.append(k)
        rcode = _ct_ffi_of(restype) if isinstance(restype, _CDataType) or restype is None else 'i'
        raw = _call(addr, type(self)._flags_, tuple(codes), tuple(raws), rcode)
        del keep
        result = _ct_result(restype, raw, self, args)
        ec = self._ct_errcheck
        if ec is not None:
            return ec(result, self, args)
        return result


def _ct_cb_code(t):
    if t is None:
        return 'v'
    if isinstance(t, PyCSimpleType):
        return t._ct_ffi
    if isinstance(t, _ct_StructMeta):
        return t._ct_ffi
    if isinstance(t, _CDataType):
        return 'P'
    raise TypeError('invalid result type for callback function')


def _ct_make_thunk(func, argtypes, restype):
    # What the native closure calls: convert raw C values to what the user's
    # function expects, and its result back.
    conv = []
    for t in argtypes:
        if isinstance(t, PyCSimpleType) and t.__bases__[0] is _SimpleCData:
            code = t._ct_code
            if code in 'zZP':
                def c(raw, t=t):
                    r = t._ct_new()
                    _write(r._b_addr, raw.to_bytes(8, 'little'))
                    return r.value
            elif code == 'c':
                def c(raw):
                    return bytes((raw & 0xFF,))
            elif code == 'u':
                def c(raw):
                    return chr(raw)
            elif code == '?':
                def c(raw):
                    return bool(raw)
            else:
                c = None
        elif isinstance(t, _ct_StructMeta):
            def c(raw, t=t):
                r = t._ct_new()
                _memmove(r._b_addr, raw, t._ct_size)
                return r
        elif isinstance(t, _CDataType):
            def c(raw, t=t):
                r = t._ct_new()
                _write(r._b_addr, (raw & 0xFFFFFFFFFFFFFFFF).to_bytes(8, 'little'))
                return r
        else:
            c = None
        conv.append(c)
    conv = tuple(conv)

    if isinstance(restype, PyCSimpleType):
        def back(v):
            if isinstance(v, restype):
                v = v.value
            scratch = restype._ct_new()
            restype._ct_setv(scratch._b_addr, v)
            code = restype._ct_code
            if code in 'fd':
                return _struct.unpack('<' + code, _read(scratch._b_addr, restype._ct_size))[0]
            if code == 'g':
                return _ld_read(scratch._b_addr)
            return int.from_bytes(_read(scratch._b_addr, restype._ct_size), 'little')
    elif isinstance(restype, _ct_StructMeta):
        def back(v):
            if not isinstance(v, restype):
                raise TypeError('expected %s instance' % restype.__name__)
            return v._b_addr
    elif isinstance(restype, _CDataType):
        def back(v):
            return _ct_raw_arg(0, v)[1]
    else:
        back = None

    def thunk(*raw):
        # An exception is handed back as (func, exc), which the native side
        # reports as unraisable; raw results are never tuples. This frame is
        # cut from its traceback, as CPython's report shows only the user's.
        try:
            args = [r if c is None else c(r) for c, r in zip(conv, raw)]
            v = func(*args)
            if back is None:
                return None
            return back(v)
        except BaseException as e:
            tb = e.__traceback__
            if tb is not None:
                e.__traceback__ = tb.tb_next
            return (func, e)
    return thunk


def _ct_unsupported(*args):
    raise NotImplementedError('not supported by ftpy')


def PyObj_FromPtr(address):
    raise NotImplementedError('PyObj_FromPtr is not supported by ftpy')


def call_function(address, args):
    f = CFuncPtr(address)
    return f(*args)


def call_cdeclfunction(address, args):
    return call_function(address, args)
)PY";

}  // namespace ftpy
