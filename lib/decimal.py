"""decimal (ftpy): the host standard library's pure-Python implementation
(_pydecimal), adjusted where what a program prints would differ from
CPython's C implementation (_decimal), which is what `python3` runs:

- a trapped signal is raised with a list of the conditions as its argument
  (str(e) is "[<class 'decimal.DivisionByZero'>]", not an explanation);
- Context's repr lists flags and traps in libmpdec's order;
- int() and as_integer_ratio() of NaN and Infinity use _decimal's messages;
- flags and traps are signal dicts holding bools in libmpdec's order.
"""

import _pydecimal
from _pydecimal import *
from _pydecimal import __doc__ as _pydoc, __version__, __libmpdec_version__
from _pydecimal import _condition_map

__all__ = _pydecimal.__all__


def _c_style_raise_error(self, condition, explanation=None, *args):
    # Same bookkeeping as _pydecimal (flags, non-trapped defaults); only the
    # raised exception's argument differs.
    try:
        return _pydecimal_raise_error(self, condition, explanation, *args)
    except DecimalException as e:
        error = _condition_map.get(condition, condition)
        if type(e) is error and e.args == (explanation,):
            e.args = ([condition],)
        raise


_pydecimal_raise_error = Context._raise_error
Context._raise_error = _c_style_raise_error

# libmpdec's order (its status bits, each signal named once).
_SIGNAL_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation,
                 Overflow, Rounded, Subnormal, Underflow)


def _context_repr(self):
    flags = ', '.join(s.__name__ for s in _SIGNAL_ORDER if self.flags.get(s))
    traps = ', '.join(s.__name__ for s in _SIGNAL_ORDER if self.traps.get(s))
    return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
            'flags=[%s], traps=[%s])' % (self.prec, self.rounding, self.Emin, self.Emax,
                                         self.capitals, self.clamp, flags, traps))


Context.__repr__ = _context_repr


# _decimal's flags and traps are signal dicts: fixed keys in libmpdec's
# table order, values kept as bools (_pydecimal stores the ints 0 and 1, so
# `ctx.flags[Inexact]` printed 1 instead of True), no deletion, and a
# context copies the mapping it is given. A dict subclass keeps the reads
# on _pydecimal's hot path (`self.traps[error]`) at dict speed.
_C_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
              Underflow, Subnormal, Inexact, Rounded, Clamped)
_C_SIGNAL_SET = frozenset(_C_SIGNALS)
_SIGNAL_KEY_MSG = ('valid values for signals are:\n'
                   '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                   '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                   '   Clamped]')


class SignalDictMixin(dict):
    __slots__ = ()

    # _pydecimal's _raise_error stores every flag it raises through here:
    # kept to a membership test and one store (names bound as defaults).
    def __setitem__(self, key, value, _store=dict.__setitem__, _signals=_C_SIGNAL_SET):
        if key not in _signals:
            raise KeyError(_SIGNAL_KEY_MSG)
        _store(self, key, True if value else False)

    def __missing__(self, key):
        raise KeyError(_SIGNAL_KEY_MSG)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def pop(self, *args):
        raise ValueError('signal keys cannot be deleted')

    def popitem(self):
        raise ValueError('signal keys cannot be deleted')

    def clear(self):
        raise ValueError('signal keys cannot be deleted')

    def setdefault(self, key, default=None):
        return self[key]

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return '{' + ', '.join('%r:%r' % kv for kv in self.items()) + '}'


def _set_signal_dict(self, name, d):
    if not isinstance(d, dict):
        raise TypeError('argument must be a signal dict')
    if len(d) != len(_C_SIGNALS) or any(s not in d for s in _C_SIGNALS):
        raise KeyError('invalid signal dict')
    return object.__setattr__(self, name,
                              SignalDictMixin((s, bool(d[s])) for s in _C_SIGNALS))


Context._set_signal_dict = _set_signal_dict
# The template contexts were made when _pydecimal was imported.
for _ctx in (DefaultContext, BasicContext, ExtendedContext):
    _ctx.flags = _ctx.flags
    _ctx.traps = _ctx.traps
del _ctx


def _c_message(method, suffix):
    def wrapper(self, *args):
        try:
            return method(self, *args)
        except (ValueError, OverflowError) as e:
            if self.is_nan():
                e.args = ('cannot convert NaN to integer' + suffix,)
            elif self.is_infinite():
                e.args = ('cannot convert Infinity to integer' + suffix,)
            raise
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    wrapper.__doc__ = method.__doc__
    return wrapper


Decimal.__int__ = _c_message(Decimal.__int__, '')
Decimal.__trunc__ = _c_message(Decimal.__trunc__, '')
Decimal.__round__ = _c_message(Decimal.__round__, '')
Decimal.__floor__ = _c_message(Decimal.__floor__, '')
Decimal.__ceil__ = _c_message(Decimal.__ceil__, '')
Decimal.as_integer_ratio = _c_message(Decimal.as_integer_ratio, ' ratio')

__doc__ = _pydoc


# The name CPython's messages give this module's C types (decimal.Decimal, decimal.Context):
# see sys._ftpy_c_type_name.
def _c_type_names():
    import sys
    if hasattr(sys, '_ftpy_c_type_name'):
        sys._ftpy_c_type_name(Decimal, 'decimal.Decimal')
        sys._ftpy_c_type_name(Context, 'decimal.Context')
_c_type_names()
del _c_type_names


# CPython's decimal is C (_decimal): an uncaught InvalidOperation or
# DivisionByZero shows only the caller's frame. Hidden: the signalling
# path and the operations programs most often get it from.
def _hide_frames():
    import sys
    if not hasattr(sys, '_ftpy_hide_frames'):
        return
    fns = [_c_style_raise_error, _pydecimal_raise_error, Decimal.__int__]
    for name in ('__new__', '__truediv__', '__rtruediv__', '__floordiv__',
                 '__rfloordiv__', '__mod__', '__rmod__', '__divmod__', '__pow__',
                 'quantize', 'sqrt', 'ln', 'log10', 'to_integral_value',
                 '_rescale', 'from_float'):
        fn = Decimal.__dict__.get(name)
        fn = getattr(fn, '__func__', fn)
        if hasattr(fn, '__code__'):
            fns.append(fn)
    fn = Context.__dict__.get('create_decimal')
    if hasattr(fn, '__code__'):
        fns.append(fn)
    # The pure methods inside the _c_message wrappers.
    for name in ('__int__', '__trunc__', '__round__', '__floor__', '__ceil__',
                 'as_integer_ratio'):
        for cell in getattr(Decimal.__dict__.get(name), '__closure__', None) or ():
            if hasattr(cell.cell_contents, '__code__'):
                fns.append(cell.cell_contents)
    sys._ftpy_hide_frames(*fns)
_hide_frames()
del _hide_frames
