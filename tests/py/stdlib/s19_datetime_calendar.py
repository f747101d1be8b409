# Scheduling code: datetime arithmetic, timezones, calendar, strftime/strptime,
# zoneinfo (if available), time formatting of fixed timestamps.
import calendar
import time
from datetime import date, datetime, time as dtime, timedelta, timezone

start = datetime(2024, 1, 31, 9, 30)
print(start + timedelta(days=1), start + timedelta(weeks=4, hours=-10), start - datetime(2023, 12, 25))
print(timedelta(days=1, seconds=3661, microseconds=5), timedelta(hours=-1), timedelta(0.5), abs(timedelta(-3)))
print(timedelta(days=400).total_seconds(), timedelta(hours=25) // timedelta(hours=1), timedelta(hours=3) / 2,
      divmod(timedelta(hours=25), timedelta(days=1)), repr(timedelta(minutes=90)))


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))


print([add_months(date(2024, 1, 31), k).isoformat() for k in range(-2, 14, 3)])
print(date(2024, 2, 29).isocalendar(), date(2024, 12, 30).isocalendar().week, date(2021, 1, 3).isoweekday())
print(date.fromisoformat("2024-03-05"), date.fromordinal(738000), date(2024, 1, 1).toordinal(), date.fromisocalendar(2024, 10, 3))
print(datetime.fromisoformat("2024-03-05T10:20:30.123456+05:30"), datetime.fromisoformat("2024-03-05 10:20"))
print(datetime(2024, 3, 5, 10, 20, 30, 1500).isoformat(timespec="milliseconds"), dtime(7, 5).isoformat("seconds"))

utc = timezone.utc
ist = timezone(timedelta(hours=5, minutes=30), "IST")
minus = timezone(-timedelta(hours=3, minutes=15))
t = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(t, t.astimezone(ist), t.astimezone(minus), t.astimezone(ist).tzname(), minus.tzname(None), repr(ist))
print(t.timestamp(), datetime.fromtimestamp(1_700_000_000, utc), datetime.utcfromtimestamp(0))
print(t == t.astimezone(ist), t.astimezone(ist).utcoffset(), datetime(2024, 1, 1).tzinfo, t.dst())
try:
    datetime(2024, 1, 1) < t
except TypeError as e:
    print("TypeError:", e)
try:
    datetime(2024, 1, 1) - t
except TypeError as e:
    print("TypeError:", e)

fmt_tests = ["%Y-%m-%d %H:%M:%S", "%a %b %d %I:%M %p", "%A %B %j %U %W %w", "%y %e %C %G-W%V-%u",
             "%%literal %Z|%z", "%x %X", "%c", "%D %T %R %F"]
for f in fmt_tests:
    print(repr(f), "->", datetime(2024, 7, 4, 15, 7, 9).strftime(f), "|", t.strftime(f))
print(datetime.strptime("2024-07-04 15:07", "%Y-%m-%d %H:%M"), datetime.strptime("04/Jul/2024:15:07:09 +0200", "%d/%b/%Y:%H:%M:%S %z"))
print(datetime.strptime("Thursday 4 July 24", "%A %d %B %y").date(), datetime.strptime("3pm", "%I%p").time())
for bad in [("2024-13-01", "%Y-%m-%d"), ("2024-02-30", "%Y-%m-%d"), ("x", "%Y"), ("2024-01-01 junk", "%Y-%m-%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError:", e)
for args in [(2024, 2, 30), (2024, 0, 1), (10000, 1, 1)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)

ts = 1_700_000_000
st = time.gmtime(ts)
print(st, time.strftime("%Y-%m-%dT%H:%M:%SZ", st), time.asctime(st), calendar.timegm(st))
print(time.strptime("2024-02-29", "%Y-%m-%d")[:7], time.mktime(time.localtime(ts)) == ts, time.ctime(0))

print(calendar.month(2024, 2))
print(calendar.calendar(2023, w=2, l=1, c=3, m=4)[:300])
print(calendar.isleap(2100), calendar.leapdays(2000, 2100), calendar.weekday(2024, 7, 4), calendar.monthrange(2023, 2))
print(list(calendar.day_name), list(calendar.month_abbr)[:4])
cal = calendar.Calendar(firstweekday=calendar.SUNDAY)
print([d for d in cal.itermonthdates(2024, 3)][:8])
print(cal.monthdayscalendar(2024, 2)[0], list(cal.iterweekdays()))
print(calendar.TextCalendar(calendar.MONDAY).formatmonth(2024, 9, w=3))
html = calendar.HTMLCalendar().formatmonth(2024, 1)
print(html.splitlines()[1])

try:
    import zoneinfo
    try:
        ny = zoneinfo.ZoneInfo("America/New_York")
    except zoneinfo.ZoneInfoNotFoundError:
        ny = None
    if ny is not None:
        for m in (1, 3, 7, 11):
            dt = datetime(2024, m, 10, 12, tzinfo=ny)
            print(dt, dt.tzname(), dt.utcoffset(), dt.dst(), dt.astimezone(utc))
        amb = datetime(2024, 11, 3, 1, 30, tzinfo=ny)
        print(amb.utcoffset(), amb.replace(fold=1).utcoffset(), repr(ny), str(ny))
        gap = datetime(2024, 3, 10, 2, 30, tzinfo=ny)
        print(gap.astimezone(utc), (gap + timedelta(hours=1)).tzname())
    else:
        print("no tzdata")
    try:
        zoneinfo.ZoneInfo("Not/AZone")
    except zoneinfo.ZoneInfoNotFoundError as e:
        print("ZoneInfoNotFoundError", e)
except ImportError:
    print("no zoneinfo")
