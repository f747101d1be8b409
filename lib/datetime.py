"""datetime for ftpy: the host standard library's pure-Python datetime,
with the error messages of CPython's C _datetime module (which is what
python3 runs, and which ftpy does not have).

The pure-Python module raises ValueError('day must be in 1..29', 30) where
the C module says 'day is out of range for month'; programs print these
messages, so the field checks are wrapped to say what CPython says.
"""

import os as _os
import sys as _sys


def _host_source():
    here = _os.path.dirname(_os.path.abspath(__file__))
    for d in _sys.path:
        d = _os.path.abspath(d or '.')
        if d == here:
            continue
        p = _os.path.join(d, 'datetime.py')
        if _os.path.isfile(p):
            return p
    raise ImportError('the standard library datetime.py was not found',
                      name='datetime')


_path = _host_source()
with open(_path, encoding='utf-8') as _f:
    exec(compile(_f.read(), _path, 'exec'), globals())
del _f, _path, _host_source

_py_check_date_fields = _check_date_fields
_py_check_time_fields = _check_time_fields


def _check_date_fields(year, month, day):
    try:
        return _py_check_date_fields(year, month, day)
    except ValueError as e:
        if len(e.args) != 2:
            raise
        msg = e.args[0]
    if msg.startswith('year'):
        msg = 'year %i is out of range' % year
    elif msg.startswith('day'):
        msg = 'day is out of range for month'
    raise ValueError(msg)


def _check_time_fields(hour, minute, second, microsecond, fold):
    try:
        return _py_check_time_fields(hour, minute, second, microsecond, fold)
    except ValueError as e:
        if len(e.args) != 2:
            raise
        msg = e.args[0]
    raise ValueError(msg)


# The C type's name is 'datetime.IsoCalendarDate', and its repr uses it.
def _iso_calendar_date_repr(self):
    return ('datetime.IsoCalendarDate(year=%s, week=%s, weekday=%s)'
            % (self[0], self[1], self[2]))


_IsoCalendarDate.__repr__ = _iso_calendar_date_repr
