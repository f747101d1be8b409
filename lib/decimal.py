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
