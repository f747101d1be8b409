"""Parsing of time strings for time.strptime and datetime.strptime.

Written for ftpy from the documented behaviour of strptime: each directive
becomes a named regular-expression group (matched case-insensitively, with
whitespace in the format matching any run of whitespace), the whole string
must match, and the fields are then combined into a date.  Names of days and
months are the C locale's (ftpy runs in the C locale).
"""

import re as _re
import time as _time

__all__ = []

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"]


def _alternatives(names):
    # Longest first, so that "march" wins over "mar".
    return "|".join(sorted((_re.escape(n) for n in names), key=len, reverse=True))


def _zone_names():
    names = {"utc", "gmt"}
    for n in _time.tzname:
        names.add(n.lower())
    return names


# One pattern per directive; the group is named after the directive letter.
_PATTERNS = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "G": r"(?P<G>\d\d\d\d)",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    "A": "(?P<A>" + _alternatives(_DAYS) + ")",
    "a": "(?P<a>" + _alternatives(d[:3] for d in _DAYS) + ")",
    "B": "(?P<B>" + _alternatives(_MONTHS) + ")",
    "b": "(?P<b>" + _alternatives(m[:3] for m in _MONTHS) + ")",
    "p": "(?P<p>am|pm)",
    "%": "%",
}
_PATTERNS["W"] = _PATTERNS["U"].replace("<U>", "<W>")
# Composite directives, spelled as the C locale formats them.
_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S",
              "D": "%m/%d/%y", "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p",
              "F": "%Y-%m-%d", "e": "%d", "h": "%b"}

_cache = {}


def _compile(fmt):
    regex = _cache.get(fmt)
    if regex is not None:
        return regex
    out = []
    seen = set()
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%":
            if ch.isspace():
                while i < n and fmt[i].isspace():
                    i += 1
                out.append(r"\s+")
                continue
            out.append(_re.escape(ch))
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray %% in format '%s'" % fmt)
        d = fmt[i + 1]
        i += 2
        if d in _COMPOSITE:
            out.append(_compile_fragment(_COMPOSITE[d], fmt, seen))
        elif d == "Z":
            out.append(_group("Z", "(?P<Z>" + _alternatives(_zone_names()) + ")", seen))
        elif d in _PATTERNS:
            out.append(_group(d, _PATTERNS[d], seen))
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (d, fmt))
    regex = _re.compile("".join(out), _re.IGNORECASE)
    if len(_cache) > 100:
        _cache.clear()
    _cache[fmt] = regex
    return regex


def _group(d, pattern, seen):
    # A directive used twice redefines its group: re.compile rejects that.
    return pattern


def _compile_fragment(sub, fmt, seen):
    parts = []
    i = 0
    while i < len(sub):
        ch = sub[i]
        if ch == "%":
            d = sub[i + 1]
            parts.append(_group(d, _PATTERNS[d], seen))
            i += 2
        elif ch == " ":
            parts.append(r"\s+")
            i += 1
        else:
            parts.append(_re.escape(ch))
            i += 1
    return "".join(parts)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_CUM_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _days_in_month(y, m):
    if m == 2:
        return 29 if _is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _ordinal(y, m, d):
    # Days since 0001-01-01 (day 1), proleptic Gregorian.
    y1 = y - 1
    days = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    days += _CUM_DAYS[m - 1] + (1 if m > 2 and _is_leap(y) else 0)
    return days + d


def _from_ordinal(n):
    # Inverse of _ordinal: the year by estimate and correction, then month.
    y = max(1, (n * 400) // 146097)
    while _ordinal(y, 1, 1) > n:
        y -= 1
    while _ordinal(y + 1, 1, 1) <= n:
        y += 1
    doy = n - _ordinal(y, 1, 1)
    m = 1
    while m < 12 and doy >= _CUM_DAYS[m] + (1 if m >= 2 and _is_leap(y) else 0):
        m += 1
    return y, m, doy - (_CUM_DAYS[m - 1] + (1 if m > 2 and _is_leap(y) else 0)) + 1


def _weekday(y, m, d):
    return (_ordinal(y, m, d) + 6) % 7  # Monday is 0


def _parse(data_string, format):
    for index, arg in enumerate((data_string, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s" % (index, type(arg)))
    regex = _compile(format)
    found = regex.match(data_string)
    if found is None:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    g = found.groupdict()
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    zone = None
    iso_year = iso_week = None
    week_of_year = None
    week_starts_monday = True
    weekday = julian = None

    # Fields are taken in the order the directives appear, so a later one
    # wins over an earlier one of the same field (%Y ... %y).
    for key, v in found.groupdict().items():
        if key == "y":
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(v)
        elif key == "G":
            iso_year = int(v)
        elif key == "m":
            month = int(v)
        elif key == "B":
            month = _MONTHS.index(v.lower()) + 1
        elif key == "b":
            month = [m[:3] for m in _MONTHS].index(v.lower()) + 1
        elif key == "d":
            day = int(v)
        elif key == "H":
            hour = int(v)
        elif key == "I":
            hour = int(v)
            ampm = (g.get("p") or "").lower()
            if ampm == "pm":
                hour = hour if hour == 12 else hour + 12
            elif hour == 12:
                hour = 0
        elif key == "M":
            minute = int(v)
        elif key == "S":
            second = int(v)
        elif key == "f":
            fraction = int(v + "0" * (6 - len(v)))
        elif key == "A":
            weekday = _DAYS.index(v.lower())
        elif key == "a":
            weekday = [d[:3] for d in _DAYS].index(v.lower())
        elif key == "w":
            weekday = (int(v) - 1) % 7
        elif key == "u":
            weekday = int(v) - 1
        elif key == "j":
            julian = int(v)
        elif key in ("U", "W"):
            week_of_year = int(v)
            week_starts_monday = key == "W"
        elif key == "V":
            iso_week = int(v)
        elif key == "z":
            gmtoff, gmtoff_fraction = _parse_offset(v)
        elif key == "Z":
            zone = v
            low = v.lower()
            if low in ("utc", "gmt"):
                tz = 0
            elif _time.daylight and _time.tzname[0] == _time.tzname[1]:
                tz = -1
            elif low == _time.tzname[0].lower():
                tz = 0
            elif low == _time.tzname[1].lower():
                tz = 1

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' "
                             "and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive '%G' "
                             "and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. "
                         "Use the ISO year '%G' instead.")
    leap_default = False
    if year is None:
        # 1900 is not a leap year: Feb 29 without a year is parsed in 1904,
        # then the year is put back to 1900.
        if month == 2 and day == 29:
            year, leap_default = 1904, True
        else:
            year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _week_julian(year, week_of_year, weekday, week_starts_monday)
        elif iso_year is not None:
            # ISO week 1 contains January 4th; weeks start on Monday.
            jan4 = _ordinal(iso_year, 1, 4)
            week1_monday = jan4 - _weekday(iso_year, 1, 4)
            # The day of the year stays counted from the ISO year's January 1st.
            year = iso_year
            julian = week1_monday + (iso_week - 1) * 7 + weekday - _ordinal(year, 1, 1) + 1
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        if day > _days_in_month(year, month):
            raise ValueError("day is out of range for month")
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        year, month, day = _from_ordinal(_ordinal(year, 1, 1) + julian - 1)
    if weekday is None:
        weekday = _weekday(year, month, day)
    if leap_default:
        year = 1900
    return (year, month, day, hour, minute, second, weekday, julian, tz, zone, gmtoff), fraction, gmtoff_fraction


def _parse_offset(z):
    # "+HHMM[SS[.ffffff]]", the same with colons, or "Z": seconds and microseconds.
    if z == "Z":
        return 0, 0
    text = z
    if z[3:4] == ":":
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ":":
                raise ValueError("Inconsistent use of : in %s" % text)
            z = z[:5] + z[6:]
    seconds = (int(z[1:3]) * 60 + int(z[3:5])) * 60 + int(z[5:7] or 0)
    micro = z[8:]
    micros = int(micro + "0" * (6 - len(micro))) if micro else 0
    if z.startswith("-"):
        return -seconds, -micros
    return seconds, micros


def _week_julian(year, week, weekday, monday_first):
    # Day of the year for a week number counted as %U (Sunday first) or %W
    # (Monday first): week 0 holds the days before the first such weekday.
    first = _weekday(year, 1, 1)
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    first_full = (7 - first) % 7  # days before the first week starts
    if week == 0:
        return 1 + weekday - first
    return 1 + first_full + (week - 1) * 7 + weekday


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    tt = _parse(data_string, format)[0]
    return _time.struct_time(tt[:_time._STRUCT_TM_ITEMS])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    tt, fraction, gmtoff_fraction = _parse(data_string, format)
    zone, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        import datetime
        delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        tz = datetime.timezone(delta, zone) if zone else datetime.timezone(delta)
        args += (tz,)
    return cls(*args)
