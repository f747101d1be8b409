"""datetime for ftpy: the host standard library's pure-Python datetime,
with the error messages of CPython's C _datetime module (which is what
python3 runs, and which ftpy does not have).

The pure-Python module raises ValueError('day must be in 1..29', 30) where
the C module says 'day is out of range for month'; programs print these
messages, so the field checks are wrapped to say what CPython says.
"""

import sys as _sys

import _ftpy_hostlib


# Messages the pure-Python module words differently from the C module,
# corrected in its source text before it is compiled.  A pair that does not
# match (another host version) leaves that message as it was.
_C_MESSAGES = (
    ('"cannot mix naive and timezone-aware time"',
     '"can\'t subtract offset-naive and offset-aware datetimes"'),
    ('"cannot compare naive and aware datetimes"',
     '"can\'t compare offset-naive and offset-aware datetimes"'),
    ('"cannot compare naive and aware times"',
     '"can\'t compare offset-naive and offset-aware times"'),
    # The C module first converts days to a C int.
    ('"timedelta # of days is too large: %d" % d',
     '"days=%d; must have magnitude <= 999999999" % d if -2**31 <= d < 2**31 '
     'else "Python int too large to convert to C int"'),
    ('OverflowError("result out of range")',
     'OverflowError("date value out of range")'),
    ('f"Invalid weekday: {day} (range is [1, 7])"',
     'f"Invalid day: {day} (range is [1, 7])"'),
    # The C parser raises no chained exception.
    ("raise ValueError(f'Invalid isoformat string: {date_string!r}')\n",
     "raise ValueError(f'Invalid isoformat string: {date_string!r}') from None\n"),
    ("raise ValueError(f'Invalid isoformat string: {time_string!r}')\n",
     "raise ValueError(f'Invalid isoformat string: {time_string!r}') from None\n"),
    ('"timedelta(hours=24).")',
     '"timedelta(hours=24), not %r." % (offset,))'),
    ('raise TypeError("offset must be a timedelta")',
     'raise TypeError("timezone() argument 1 must be datetime.timedelta, '
     'not %s" % type(offset).__name__)'),
    ('raise TypeError("tz argument must be an instance of tzinfo")',
     '_check_tzinfo_arg(tz)'),
    # The C constructors require year, month and day ('function missing
    # required argument 'day' (pos 3)'); the pure-Python ones default them to
    # None for their pickle forms, so a sentinel tells "missing" from None.
    ('def __new__(cls, year, month=None, day=None):',
     'def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING):'),
    ('        if (month is None and\n',
     '        if (month is _MISSING and\n'),
    ('def __new__(cls, year, month=None, day=None, hour=0,',
     'def __new__(cls, year=_MISSING, month=_MISSING, day=_MISSING, hour=0,'),
    ('self.__setstate(year, month)',
     'self.__setstate(year, None if month is _MISSING else month)'),
    # The C parsers report a parsed field out of range as the constructors do
    # ('month must be in 1..12', the timezone offset's message), not as an
    # invalid string: the parse keeps a UTC offset as a timedelta (wrapped)
    # and the object is built outside the try.
    ('            tzi = timezone(tzsign * td)\n',
     '            tzi = _IsoOffset(tzsign * td)\n'),
    ('        return cls(*(date_components + time_components))\n',
     '        return cls(*_iso_fields(date_components + time_components))\n'),
    # (after the edit above that adds 'from None')
    ('            return cls(*_parse_isoformat_date(date_string))\n'
     '        except Exception:\n'
     "            raise ValueError(f'Invalid isoformat string: {date_string!r}')"
     ' from None\n',
     '            fields = _parse_isoformat_date(date_string)\n'
     '        except Exception:\n'
     "            raise ValueError(f'Invalid isoformat string: {date_string!r}')"
     ' from None\n'
     '        return cls(*fields)\n'),
    # The C timedelta accepts only ints and floats, checked in this order.
    # Inline and cheap when all are (as good as always): every datetime
    # arithmetic result is built through this constructor.
    ("        d = s = us = 0\n",
     "        d = s = us = 0\n"
     "        for _v in (microseconds, milliseconds, seconds, minutes, hours,"
     " days, weeks):\n"
     "            if not isinstance(_v, _NUMBER_TYPES):\n"
     "                _check_timedelta_args(microseconds, milliseconds, seconds, "
     "minutes, hours, days, weeks)\n"),
)

class _IsoOffset(tuple):
    """A UTC offset parsed from an ISO string, made a timezone later."""
    def __new__(cls, td):
        return tuple.__new__(cls, (td,))


def _iso_fields(fields):
    return [timezone(f[0]) if isinstance(f, _IsoOffset) else f
            for f in fields]


_MISSING = type('_MissingType', (), {'__repr__': lambda self: '<required>'})()


_NUMBER_TYPES = (int, float)


def _check_timedelta_args(*values):
    for name, v in zip(('microseconds', 'milliseconds', 'seconds', 'minutes',
                        'hours', 'days', 'weeks'), values):
        if not isinstance(v, (int, float)):
            raise TypeError('unsupported type for timedelta %s component: %s'
                            % (name, type(v).__name__))


_ftpy_hostlib.exec_host_source('datetime.py', globals(), _C_MESSAGES)


# The field checks of the pure-Python module with the C module's messages
# ('day is out of range for month', no second argument) written directly:
# they run for every date and time made, so they do not wrap the host's
# checks in a second call and a try.
def _check_date_fields(year, month, day):
    if year is _MISSING or month is _MISSING or day is _MISSING:
        for pos, (name, v) in enumerate((('year', year), ('month', month),
                                         ('day', day)), 1):
            if v is _MISSING:
                raise TypeError("function missing required argument '%s' "
                                "(pos %d)" % (name, pos))
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %i is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


# The C type's name is 'datetime.IsoCalendarDate', and its repr uses it.
def _iso_calendar_date_repr(self):
    return ('datetime.IsoCalendarDate(year=%s, week=%s, weekday=%s)'
            % (self[0], self[1], self[2]))


_IsoCalendarDate.__repr__ = _iso_calendar_date_repr


# CPython's messages name the C types with their module ('datetime.date');
# sys._ftpy_c_type_name gives the classes that name for messages only.
def _c_name(tp):
    if tp.__module__ == 'datetime' and tp.__name__ in _C_TYPE_NAMES:
        return 'datetime.' + tp.__name__
    return tp.__name__


_C_TYPE_NAMES = ('date', 'datetime', 'time', 'timedelta', 'tzinfo', 'timezone')
if hasattr(_sys, '_ftpy_c_type_name'):
    for _name in _C_TYPE_NAMES:
        _sys._ftpy_c_type_name(globals()[_name], 'datetime.' + _name)
    del _name


def _cmperror(x, y):
    raise TypeError("can't compare %s to %s"
                    % (_c_name(type(x)), _c_name(type(y))))


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % _c_name(type(tz)))


# Hashes as the C types compute them, so that sets and dicts of dates
# iterate in CPython's order: a naive value hashes its pickled state bytes;
# an aware time hashes its UTC time of day as a timedelta.
def _date_hash(self):
    if self._hashcode == -1:
        self._hashcode = hash(self._getstate()[0])
    return self._hashcode


def _time_hash(self):
    if self._hashcode == -1:
        t = self.replace(fold=0) if self.fold else self
        offset = t.utcoffset()
        if offset is None:
            self._hashcode = hash(t._getstate()[0])
        else:
            seconds = self.hour * 3600 + self.minute * 60 + self.second
            self._hashcode = hash(timedelta(0, seconds, self.microsecond)
                                  - offset)
    return self._hashcode


date.__hash__ = _date_hash
time.__hash__ = _time_hash


# Argument checks the C methods make before doing anything.
def _strftime_checked(fn):
    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError('strftime() argument 1 must be str, not %s'
                            % type(format).__name__)
        return fn(self, format)
    strftime.__doc__ = fn.__doc__
    return strftime


date.strftime = _strftime_checked(date.strftime)
time.strftime = _strftime_checked(time.strftime)
_py_strptime = datetime.strptime.__func__
_py_fromordinal = date.fromordinal.__func__


def _strptime_checked(cls, date_string, format):
    for i, arg in enumerate((date_string, format), 1):
        if not isinstance(arg, str):
            raise TypeError('strptime() argument %d must be str, not %s'
                            % (i, type(arg).__name__))
    return _py_strptime(cls, date_string, format)


def _fromordinal_checked(cls, n):
    if isinstance(n, int) and n < 1:
        raise ValueError('ordinal must be >= 1')
    return _py_fromordinal(cls, n)


def _time_fromisoformat(cls, time_string):
    # The C parser reports a field out of range as the constructor does
    # ('hour must be in 0..23'), not as an invalid string.
    if not isinstance(time_string, str):
        raise TypeError('fromisoformat: argument must be str')
    text = time_string.removeprefix('T')
    try:
        fields = _parse_isoformat_time(text)
    except Exception:
        raise ValueError(f'Invalid isoformat string: {text!r}') from None
    return cls(*_iso_fields(fields))


_strptime_checked.__doc__ = _py_strptime.__doc__
_fromordinal_checked.__doc__ = _py_fromordinal.__doc__
_time_fromisoformat.__doc__ = time.fromisoformat.__doc__
datetime.strptime = classmethod(_strptime_checked)
date.fromordinal = classmethod(_fromordinal_checked)
time.fromisoformat = classmethod(_time_fromisoformat)


# The C module's functions leave no frames in tracebacks: an uncaught
# 'day is out of range for month' shows only the caller's line.  Hidden:
# the constructors, field checks, arithmetic and comparisons that raise
# for bad input (user tzinfo methods they call still show).
def _hide_frames():
    if not hasattr(_sys, '_ftpy_hide_frames'):
        return
    fns = [_check_date_fields, _check_time_fields,
           _check_timedelta_args, _iso_fields,
           _check_tzinfo_arg, _cmperror,
           _strptime_checked, _fromordinal_checked, _time_fromisoformat]
    for cls, names in ((date, ('__new__', '__add__', '__sub__', 'replace',
                               'fromisoformat')),
                       (datetime, ('__new__', '__add__', '__sub__', 'replace',
                                   'fromisoformat', '_cmp', '__lt__', '__le__',
                                   '__gt__', '__ge__', 'combine')),
                       (time, ('__new__', 'replace', '_cmp', '__lt__')),
                       (timedelta, ('__new__',)),
                       (timezone, ('__new__',))):
        for name in names:
            fn = cls.__dict__.get(name)
            fn = getattr(fn, '__func__', fn)
            if hasattr(fn, '__code__'):
                fns.append(fn)
    _sys._ftpy_hide_frames(*fns)


_hide_frames()
del _hide_frames
