"""decimal (ftpy): the host standard library's pure-Python implementation
(_pydecimal), adjusted where what a program prints would differ from
CPython's C implementation (_decimal), which is what `python3` runs:

- a trapped signal is raised with a list of the conditions as its argument
  (str(e) is "[<class 'decimal.DivisionByZero'>]", not an explanation);
- Context's repr lists flags and traps in libmpdec's order;
- int() and as_integer_ratio() of NaN and Infinity use _decimal's messages.
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


# A context's flags and traps are SignalDicts, as in _decimal: a mapping
# over exactly the nine signals whose values are bools, whose keys cannot
# be added or deleted, and whose repr is libmpdec's.  _pydecimal keeps
# plain dicts of 0/1, so `ctx.flags[Inexact]` printed 1 where python3
# prints True.
_SIGNALDICT_ORDER = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
                     Underflow, Subnormal, Inexact, Rounded, Clamped)
_INVALID_SIGNAL = ('valid values for signals are:\n'
                   '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                   '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                   '   Clamped]')


class SignalDictMixin:
    __slots__ = ('_values',)

    def __init__(self, values):
        self._values = values

    def __getitem__(self, key):
        try:
            return self._values[key]
        except (KeyError, TypeError):
            raise KeyError(_INVALID_SIGNAL) from None

    def __setitem__(self, key, value):
        values = self._values
        try:
            if key not in values:
                raise KeyError
        except (KeyError, TypeError):
            raise KeyError(_INVALID_SIGNAL) from None
        values[key] = bool(value)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter(_SIGNALDICT_ORDER)

    def __len__(self):
        return len(_SIGNALDICT_ORDER)

    def __repr__(self):
        return '{' + ', '.join('%s:%s' % (s, self._values[s])
                               for s in _SIGNALDICT_ORDER) + '}'

    def copy(self):
        return {s: self._values[s] for s in _SIGNALDICT_ORDER}

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'SignalDict' object")


def _make_signal_dict_type():
    from collections.abc import MutableMapping
    cls = type(MutableMapping)('SignalDict', (SignalDictMixin, MutableMapping),
                               {'__slots__': ()})
    cls.__module__ = 'abc'
    return cls


_SignalDict = _make_signal_dict_type()
del _make_signal_dict_type


def _signal_dict_from_list(signals):
    values = dict.fromkeys(_SIGNALDICT_ORDER, False)
    for s in signals:
        try:
            if s not in values:
                raise KeyError
        except (KeyError, TypeError):
            raise KeyError(_INVALID_SIGNAL) from None
        values[s] = True
    return _SignalDict(values)


def _set_signal_dict(self, name, d):
    # Assignment takes a SignalDict (copied) or a dict of all nine signals.
    if isinstance(d, SignalDictMixin):
        values = dict(d._values)
    elif isinstance(d, dict):
        if len(d) != len(_SIGNALDICT_ORDER):
            raise KeyError('invalid signal dict')
        values = {}
        for s in _SIGNALDICT_ORDER:
            if s not in d:
                raise KeyError('invalid signal dict')
            values[s] = bool(d[s])
    else:
        raise TypeError('argument must be a signal dict')
    object.__setattr__(self, name, _SignalDict(values))


Context._set_signal_dict = _set_signal_dict
_pydecimal_context_init = Context.__init__


def _context_init(self, prec=None, rounding=None, Emin=None, Emax=None,
                  capitals=None, clamp=None, flags=None, traps=None,
                  _ignored_flags=None):
    # The constructor also takes lists of the signals to set.
    _pydecimal_context_init(self, prec, rounding, Emin, Emax, capitals, clamp,
                            None, None, _ignored_flags)
    for name, value in (('traps', traps), ('flags', flags)):
        if isinstance(value, list):
            object.__setattr__(self, name, _signal_dict_from_list(value))
        elif value is not None:
            _set_signal_dict(self, name, value)


def _shallow_copy(self):
    # Shares the flags and traps: _pydecimal's internal copies raise their
    # signals into the original context.
    nc = Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                 self.clamp, None, None, self._ignored_flags)
    object.__setattr__(nc, 'flags', self.flags)
    object.__setattr__(nc, 'traps', self.traps)
    return nc


Context.__init__ = _context_init
Context._shallow_copy = _shallow_copy
for _ctx in (DefaultContext, BasicContext, ExtendedContext):
    for _name in ('flags', 'traps'):
        object.__setattr__(_ctx, _name,
                           _SignalDict({s: bool(getattr(_ctx, _name)[s])
                                        for s in _SIGNALDICT_ORDER}))
del _ctx, _name
_pydecimal_localcontext = localcontext


def localcontext(ctx=None, **kwargs):
    for key in ('flags', 'traps'):
        if isinstance(kwargs.get(key), list):
            kwargs[key] = _signal_dict_from_list(kwargs[key])
    return _pydecimal_localcontext(ctx, **kwargs)


localcontext.__doc__ = _pydecimal_localcontext.__doc__


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
    fns = [_c_style_raise_error, _pydecimal_raise_error, Decimal.__int__,
           _context_init, _pydecimal_context_init, _set_signal_dict,
           _signal_dict_from_list, Context.__setattr__, localcontext,
           _pydecimal_localcontext, SignalDictMixin.__getitem__,
           SignalDictMixin.__setitem__, SignalDictMixin.__delitem__]
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
