"""Event scheduler with heapq and datetime; calendar rendering; time formatting."""
import heapq
import datetime as dt
from datetime import date, datetime, time, timedelta, timezone
import calendar
import itertools
import time as _time
import zoneinfo

UTC = timezone.utc
EST = timezone(timedelta(hours=-5), "EST")
IST = timezone(timedelta(hours=5, minutes=30))


class Event:
    _ids = itertools.count(1)

    def __init__(self, when, name, repeat=None, tz=UTC):
        self.id = next(self._ids)
        self.when = when
        self.name = name
        self.repeat = repeat
        self.tz = tz

    def __lt__(self, other):
        return (self.when, self.id) < (other.when, other.id)

    def __repr__(self):
        return f"Event#{self.id}({self.name!r} @ {self.when.astimezone(self.tz):%Y-%m-%d %H:%M %Z})"


class Scheduler:
    def __init__(self, start):
        self.now = start
        self.heap = []
        self.log = []

    def add(self, *a, **k):
        ev = Event(*a, **k)
        heapq.heappush(self.heap, ev)
        return ev

    def run_until(self, end):
        while self.heap and self.heap[0].when <= end:
            ev = heapq.heappop(self.heap)
            self.now = ev.when
            self.log.append(f"{self.now.isoformat()} {ev.name}")
            if ev.repeat:
                nxt = ev.when + ev.repeat
                heapq.heappush(self.heap, Event(nxt, ev.name, ev.repeat, ev.tz))
        self.now = end


start = datetime(2024, 2, 27, 9, 0, tzinfo=UTC)
s = Scheduler(start)
s.add(start + timedelta(hours=1), "standup", repeat=timedelta(days=1))
s.add(start + timedelta(minutes=90), "deploy", tz=EST)
s.add(datetime(2024, 2, 29, 12, 0, tzinfo=IST), "leap lunch", tz=IST)
s.add(start + timedelta(days=2, hours=3), "review", repeat=timedelta(hours=36))
print(sorted(s.heap))
s.run_until(start + timedelta(days=4))
print("\n".join(s.log))
print(len(s.heap), s.heap[0])

d = date(2024, 2, 29)
print(d, d.isoformat(), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.timetuple().tm_yday, d.ctime())
print(d + timedelta(days=365), d.replace(year=2025, day=28), date.fromordinal(738000), date.fromisocalendar(2024, 9, 4))
try:
    d.replace(year=2023)
except ValueError as e:
    print("ValueError", e)
td = timedelta(days=1, hours=25, minutes=-30, seconds=3661.5, microseconds=-1)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 1.5, td / 3, td // timedelta(hours=1), td % timedelta(hours=7))
print(timedelta(weeks=-1, days=3), timedelta(microseconds=1) / 3, str(timedelta(0)), timedelta.max, timedelta.min, timedelta.resolution)
print(divmod(timedelta(hours=50), timedelta(days=1)), timedelta(hours=1) * 0.1, round(timedelta(seconds=1) / 7, 9) if False else "", timedelta(days=1) == timedelta(hours=24))
n = datetime(2024, 3, 10, 1, 59, 59, 999999)
print(n, n.isoformat(timespec="milliseconds"), n.isoformat(sep=" ", timespec="seconds"), n.strftime("%A %d %B %Y %I:%M:%S %p %j %U %W %%"), n.timestamp() if n.tzinfo else "naive")
print(n.replace(tzinfo=UTC).timestamp(), datetime.fromtimestamp(1e9, UTC), datetime.utcfromtimestamp(0), datetime.fromtimestamp(86400 * 365.25, tz=EST))
print(datetime.fromisoformat("2024-01-02T03:04:05.678+05:30"), datetime.fromisoformat("2024-01-02"), time.fromisoformat("23:59:59.5"), date.fromisoformat("2024-12-31"))
print(datetime.strptime("2024-07-04 15:30", "%Y-%m-%d %H:%M"), datetime.strptime("Mon, 05 Aug 2024 10:00:00 +0200", "%a, %d %b %Y %H:%M:%S %z"))
print(datetime.strptime("31/12/99", "%d/%m/%y").year, datetime.strptime("1/2/70", "%d/%m/%y").year, datetime.strptime("12 AM", "%I %p").hour)
for bad in [("2024-02-30", "%Y-%m-%d"), ("x", "%Y"), ("2024", "%Y %m"), ("2024-01-01 extra", "%Y-%m-%d")]:
    try:
        datetime.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
a = datetime(2024, 1, 1, tzinfo=UTC)
b = datetime(2024, 1, 1, 5, tzinfo=EST)
print(b - a, a < b, b.astimezone(UTC), b.utcoffset(), b.tzname(), b.dst(), IST.tzname(None), repr(IST), str(EST), UTC)
try:
    datetime(2024, 1, 1) - a
except TypeError as e:
    print("TypeError", e)
try:
    datetime(2024, 1, 1) < a
except TypeError as e:
    print("TypeError", e)
print(datetime(2024, 1, 1) == a, datetime.combine(d, time(8, 30), tzinfo=IST), time(12, 5, 1, 30).isoformat(), time(1, 2).strftime("%H.%M"), time(0) < time(1))
ny = zoneinfo.ZoneInfo("America/New_York")
for naive in [datetime(2024, 3, 10, 1, 30), datetime(2024, 3, 10, 2, 30), datetime(2024, 11, 3, 1, 30), datetime(2024, 11, 3, 1, 30, fold=1)]:
    aware = naive.replace(tzinfo=ny)
    print(aware, aware.tzname(), aware.utcoffset(), aware.astimezone(UTC))
print(datetime(2024, 7, 1, 12, tzinfo=UTC).astimezone(ny), datetime(2024, 7, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata")).utcoffset(), str(ny), repr(ny))
print(calendar.month(2024, 2))
print(calendar.TextCalendar(firstweekday=6).formatmonth(2025, 1, w=3))
print(calendar.isleap(2100), calendar.leapdays(2000, 2025), calendar.monthrange(2024, 2), calendar.weekday(2024, 2, 29), calendar.day_name[0], calendar.month_abbr[12])
print(list(calendar.Calendar().itermonthdays2(2024, 2))[:8], calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.monthcalendar(2024, 9)[0], calendar.HTMLCalendar().formatmonthname(2024, 5))
print(_time.strftime("%Y-%m-%d %H:%M:%S", _time.gmtime(1700000000)), _time.gmtime(0)[:6], _time.mktime(_time.strptime("2000-01-01", "%Y-%m-%d")))
st = _time.strptime("2024-366", "%Y-%j")
print(st.tm_mon, st.tm_mday, st.tm_wday, st.tm_isdst, _time.asctime(_time.gmtime(0)), repr(_time.gmtime(0))[:60])
print(f"{n:%Y/%m/%d}", f"{d:%b %d}", format(td), "{:%H:%M}".format(time(7, 5)), f"{n!r}", f"{d!s:>12}")
print(sorted([date(2024, 1, 2), date(2023, 5, 1), date(2024, 1, 1)]), max(datetime(2024, 1, 1, tzinfo=UTC), datetime(2023, 1, 1, tzinfo=EST)))
print(hash(datetime(2024, 1, 1, tzinfo=UTC)) == hash(datetime(2023, 12, 31, 19, tzinfo=EST)), {date(2024, 1, 1): "ny"}[date(2024, 1, 1)])
for bad in [lambda: date(2024, 13, 1), lambda: datetime(2024, 1, 1, 24), lambda: time(0, 60), lambda: timedelta(days=10 ** 9), lambda: date.max + timedelta(1),
            lambda: timezone(timedelta(hours=24)), lambda: date(2024, 1, 1) + 1, lambda: datetime.fromisoformat("2024-13-01"), lambda: date(0, 1, 1)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
