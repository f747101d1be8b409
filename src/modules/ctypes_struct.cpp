// _ctypes class layer: Structure and Union (PyCStructType, UnionType) and CField.
// Python source compiled into the _ctypes module when it is imported
// (ctypes_module.h explains the two layers); thread safety is described
// at the top of the source below.
#include "modules/ctypes_module.h"

namespace ftpy {

extern const char kCtypesStructPy[] = R"PY(# _ctypes class layer, part 2: Structure and Union (PyCStructType, UnionType)
# and their field descriptors (CField).
#
# Thread safety: a structure type's layout is computed once, under _ct_lock,
# when _fields_ is first set (in the class body or later, for self-referring
# types); a second assignment raises "_fields_ is final", so the layout and
# the CField descriptors are immutable once published.


class CField:
    """A structure member: where it lives in the structure's memory.
    Immutable after the layout that makes it."""
    __slots__ = ('_type', '_offset', '_size', '_bits', '_bitofs', '_name', '_fmt')

    def __init__(self, name, typ, offset, size, bits=0, bitofs=0):
        self._name = name
        self._type = typ
        self._offset = offset
        self._size = size
        self._bits = bits
        self._bitofs = bitofs
        # struct format of a field read as a plain int or float, else None
        code = getattr(typ, '_ct_code', None)
        if (code is not None and code in 'bBhHiIlLqQfd' and not bits and
                typ.__bases__[0] is _SimpleCData):
            self._fmt = typ._ct_fmt
        else:
            self._fmt = None

    @property
    def offset(self):
        return self._offset

    @property
    def size(self):
        if self._bits:
            return (self._bits << 16) | self._bitofs
        return self._size

    def __repr__(self):
        name = self._type.__name__
        if self._bits:
            return '<Field type=%s, ofs=%d:%d, bits=%d>' % (name, self._offset, self._bitofs, self._bits)
        return '<Field type=%s, ofs=%d, size=%d>' % (name, self._offset, self._size)

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        addr = obj._b_addr + self._offset
        if self._bits:
            return _ct_bits_get(self, addr)
        t = self._type
        fmt = self._fmt
        if fmt is not None:
            # A plain number field: one read, one unpack.
            return _struct.unpack(fmt, _read(addr, self._size))[0]
        return t._ct_load(addr, obj)

    def __set__(self, obj, value):
        addr = obj._b_addr + self._offset
        fmt = self._fmt
        if fmt is not None and type(value) is int and fmt[1] not in 'fd':
            # A plain int field given an exact int: truncate, pack, write.
            _write(addr, _struct.pack(fmt, _ct_wrap_int(value, self._type._ct_code)))
            return
        if self._bits:
            _ct_bits_set(self, addr, value)
            return
        self._type._ct_store(addr, value, obj)

    def __delete__(self, obj):
        raise TypeError("can't delete attribute")
CField.__module__ = '_ctypes'


def _ct_bits_get(f, addr):
    t = f._type
    size = t._ct_size
    u = int.from_bytes(_read(addr, size), 'big' if getattr(t, '_ct_swapped', False) else 'little')
    v = (u >> f._bitofs) & ((1 << f._bits) - 1)
    if t._ct_code in 'bhilq' and v >> (f._bits - 1):
        v -= 1 << f._bits
    if t._ct_code == '?':
        return bool(v)
    return v


def _ct_bits_set(f, addr, value):
    t = f._type
    order = 'big' if getattr(t, '_ct_swapped', False) else 'little'
    size = t._ct_size
    v = _ct_int_value(value) if t._ct_code != '?' else int(bool(value))
    mask = ((1 << f._bits) - 1) << f._bitofs
    u = int.from_bytes(_read(addr, size), order)
    u = (u & ~mask) | ((v << f._bitofs) & mask)
    _write(addr, u.to_bytes(size, order))


def _ct_field_ffi(t):
    return t._ct_ffi


class _ct_StructMeta(_CDataType):
    """Metaclass of Structure and Union: the layout is computed once, under
    _ct_lock, when _fields_ is first set; then it is final (immutable)."""
    _ct_union = False

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        if '_ct_abstract' in ns:
            return cls
        base = bases[0] if bases else None
        if '_fields_' in ns:
            setattr(cls, '_fields_', ns['_fields_'])
        else:
            # No fields yet: the size is the base's (0 for a bare Structure).
            type.__setattr__(cls, '_ct_size', getattr(base, '_ct_size', 0))
            # CPython reports alignment 0 until _fields_ is set.
            type.__setattr__(cls, '_ct_align', _ct_own(base).get('_ct_align', 0) if base is not Structure
                             and base is not Union else 0)
            type.__setattr__(cls, '_ct_ffi', getattr(base, '_ct_ffi', '{}'))
            type.__setattr__(cls, '_ct_names', getattr(base, '_ct_names', ()))
        return cls

    def __setattr__(cls, name, value):
        if name == '_fields_':
            with _ct_lock:
                if _ct_own(cls).get('_ct_final'):
                    raise AttributeError('_fields_ is final')
                cls._ct_layout(value)
                type.__setattr__(cls, '_ct_final', True)
                type.__setattr__(cls, '_fields_', value)
            return
        type.__setattr__(cls, name, value)

    def _ct_layout(cls, fields):
        if not isinstance(fields, (list, tuple)):
            raise TypeError("'_fields_' must be a sequence of pairs")
        union = cls._ct_kind == 'union'
        base = cls.__bases__[0]
        if isinstance(base, _ct_StructMeta) and not union:
            offset = _ct_own(base).get('_ct_size', getattr(base, '_ct_size', 0))
            total_align = max(getattr(base, '_ct_align', 1), 1)
            ffi = getattr(base, '_ct_ffi', '{}')[1:-1]
            names = list(getattr(base, '_ct_names', ()))
        else:
            offset, total_align, ffi, names = 0, 1, '', []
        pack = _ct_own(cls).get('_pack_', getattr(cls, '_pack_', 0))
        if not isinstance(pack, int) or pack < 0:
            raise ValueError('_pack_ must be a non-negative integer')
        swapped = hasattr(cls, '_swappedbytes_')
        bitpos = offset * 8
        size = offset
        descs = []
        bitunits = set()
        for item in fields:
            if not isinstance(item, tuple) or len(item) not in (2, 3):
                raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
            fname, ftype = item[0], item[1]
            if not isinstance(fname, str):
                raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
            if not _ct_is_type(ftype) or not hasattr(ftype, '_ct_size'):
                raise TypeError('second item in _fields_ tuple (index %d) must be a C type' % len(descs))
            fsize = ftype._ct_size
            falign = ftype._ct_align
            if pack:
                falign = min(falign, pack)
            if len(item) == 3:
                bits = item[2]
                code = getattr(ftype, '_ct_code', None)
                if code is None or code not in 'bBhHiIlLqQ?':
                    raise TypeError('bit fields not allowed for type %s' % ftype.__name__)
                if not isinstance(bits, int) or bits <= 0 or bits > fsize * 8:
                    raise ValueError('number of bits invalid for bit field')
                if union:
                    d = CField(fname, ftype, 0, fsize, bits, 0)
                    size = max(size, fsize)
                else:
                    unit = fsize * 8
                    if bitpos // unit != (bitpos + bits - 1) // unit:
                        bitpos = (bitpos + unit - 1) // unit * unit
                    fofs = bitpos // unit * fsize
                    d = CField(fname, ftype, fofs, fsize, bits, bitpos - fofs * 8)
                    bitpos += bits
                    size = max(size, (bitpos + 7) // 8)
                total_align = max(total_align, falign)
                descs.append(d)
                if union or d._offset not in bitunits:
                    bitunits.add(d._offset)
                    ffi += ftype._ct_ffi
                continue
            if union:
                fofs = 0
                size = max(size, fsize)
            else:
                start = (bitpos + 7) // 8
                fofs = (start + falign - 1) // falign * falign
                size = fofs + fsize
                bitpos = size * 8
            total_align = max(total_align, falign)
            descs.append(CField(fname, ftype, fofs, fsize))
            ffi += ftype._ct_ffi
        size = (size + total_align - 1) // total_align * total_align
        for d in descs:
            type.__setattr__(cls, d._name, d)
            names.append(d._name)
        anon = _ct_own(cls).get('_anonymous_', ())
        for aname in anon:
            d = _ct_own(cls).get(aname)
            if not isinstance(d, CField):
                raise AttributeError("'%s' is specified in _anonymous_ but not in _fields_" % aname)
            for sub in getattr(d._type, '_ct_names', ()):
                sd = _ct_own(d._type).get(sub) or getattr(d._type, sub)
                nd = CField(sub, sd._type, d._offset + sd._offset, sd._size, sd._bits, sd._bitofs)
                type.__setattr__(cls, sub, nd)
        type.__setattr__(cls, '_ct_size', size)
        type.__setattr__(cls, '_ct_align', total_align)
        type.__setattr__(cls, '_ct_ffi', '{' + (ffi if not union else _ct_union_ffi(descs, size, total_align)) + '}')
        type.__setattr__(cls, '_ct_names', tuple(names))

    def from_param(cls, obj):
        return cls._ct_from_param_generic(obj)


def _ct_union_ffi(descs, size, align):
    # libffi has no unions: describe one as its largest, most aligned member
    # padded with bytes up to the union's size.
    best = None
    for d in descs:
        if best is None or (d._type._ct_align, d._size) > (best._type._ct_align, best._size):
            best = d
    if best is None:
        return ''
    return best._type._ct_ffi + 'B' * (size - best._size)


class PyCStructType(_ct_StructMeta):
    pass


class UnionType(_ct_StructMeta):
    pass


class _ct_StructBase(_CData):
    """Structure/Union instances: raw memory read and written through the
    CField descriptors (no atomicity promised across fields, as in CPython)."""
    __slots__ = ()

    def __new__(cls, *args, **kw):
        if '_ct_abstract' in _ct_own(cls):
            raise TypeError('abstract class')
        return cls._ct_new()

    def __init__(self, *args, **kw):
        names = type(self)._ct_names
        if len(args) > len(names):
            raise TypeError('too many initializers')
        for n, v in zip(names, args):
            setattr(self, n, v)
        for k, v in kw.items():
            if k in names[:len(args)]:
                raise TypeError('duplicate values for field %r' % k)
            setattr(self, k, v)


class Structure(_ct_StructBase, metaclass=PyCStructType):
    __slots__ = ()
    _ct_abstract = True
    _ct_kind = 'struct'
    _ct_size = 0
    _ct_align = 1
    _ct_ffi = '{}'
    _ct_names = ()


class Union(_ct_StructBase, metaclass=UnionType):
    __slots__ = ()
    _ct_abstract = True
    _ct_kind = 'union'
    _ct_size = 0
    _ct_align = 1
    _ct_ffi = '{}'
    _ct_names = ()
)PY";

}  // namespace ftpy
