import contextlib, io, sys, calendar, datetime, zoneinfo, os, tempfile, statistics, locale
from contextlib import ExitStack, suppress, redirect_stdout, redirect_stderr, closing, nullcontext, chdir

class Res:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise RuntimeError(f"cannot open {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.name == "swallow" and et is KeyError

with ExitStack() as stack:
    rs = [stack.enter_context(Res(n)) for n in ("a", "b", "c")]
    stack.callback(print, "callback ran", 42)
    @stack.push
    def on_exit(et, ev, tb):
        print("pushed exit sees", et)
    print("body", [r.name for r in rs])
try:
    with ExitStack() as stack:
        stack.enter_context(Res("x"))
        stack.enter_context(Res("y", fail=True))
except RuntimeError as e:
    print("caught", e)
with ExitStack() as stack:
    stack.enter_context(Res("swallow"))
    raise KeyError("gone")
print("after swallow")
with ExitStack() as outer:
    outer.enter_context(Res("kept"))
    moved = outer.pop_all()
print("outer closed")
moved.close()
with suppress(FileNotFoundError, KeyError):
    os.remove("/nonexistent/file/xyz")
print("suppressed")
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured line")
    help_text = "x"
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(buf.getvalue()), repr(err.getvalue()))
class Thing:
    def close(self): print("thing closed")
with closing(Thing()):
    print("using thing")
with nullcontext(5) as v:
    print("nullcontext", v)
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ValueError as e:
        print("tag saw", e)
    finally:
        print(f"</{name}>")
with tag("div"), tag("span") as t:
    print("inside", t)
with tag("p"):
    raise ValueError("handled in generator")
@tag("decorated")
def f():
    print("f body")
f()
@contextlib.contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RE", e)
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RE", e)
d = tempfile.mkdtemp()
with chdir(d):
    print(os.path.basename(os.getcwd()) == os.path.basename(d))
print(os.getcwd() != d)
os.rmdir(d)

print(calendar.month(2024, 2))
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2023, 12, w=3))
print(calendar.isleap(2100), calendar.leapdays(2000, 2025), calendar.weekday(2024, 7, 4), calendar.monthrange(2024, 2))
print(calendar.day_name[0], calendar.month_abbr[12], list(calendar.Calendar().iterweekdays()))
print(calendar.monthcalendar(2024, 3)[0], calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.HTMLCalendar().formatmonth(2024, 1).splitlines()[1])
try:
    calendar.month(2024, 13)
except (IndexError, calendar.IllegalMonthError) as e:
    print("IME", e)
tz = zoneinfo.ZoneInfo("Europe/Berlin")
ny = zoneinfo.ZoneInfo("America/New_York")
for dt in [datetime.datetime(2024, 3, 31, 1, 30, tzinfo=tz), datetime.datetime(2024, 3, 31, 3, 30, tzinfo=tz),
           datetime.datetime(2024, 10, 27, 2, 30, tzinfo=tz), datetime.datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=tz)]:
    print(dt, dt.tzname(), dt.utcoffset(), dt.dst(), dt.astimezone(ny), dt.astimezone(datetime.timezone.utc).isoformat())
print(repr(tz), str(ny), tz.key)
try:
    zoneinfo.ZoneInfo("Mars/Olympus")
except zoneinfo.ZoneInfoNotFoundError as e:
    print("ZNF", e)
start = datetime.datetime(2024, 1, 29, 9, 0)
meetings = [start + datetime.timedelta(weeks=w, days=d) for w in range(3) for d in (0, 2)]
for m in meetings:
    print(m.strftime("%a %d %b %Y %H:%M"), m.isocalendar(), m.strftime("%j %U %W %V %G %u %w"))
durations = [datetime.timedelta(minutes=m) for m in (45, 30, 90, 15)]
print(sum(durations, datetime.timedelta()), max(durations) - min(durations), durations[2] / durations[3], durations[0] * 1.5, -durations[1], abs(-durations[1]))
print(datetime.date(2024, 2, 29).replace(year=2025) if False else datetime.date(2024, 2, 29) + datetime.timedelta(days=365))
try:
    datetime.date(2024, 2, 29).replace(year=2025)
except ValueError as e:
    print("VE", e)
print(datetime.datetime.fromisoformat("2024-05-06T07:08:09.123+02:00"), datetime.date.fromisocalendar(2024, 1, 1), datetime.datetime.strptime("06/05/24 7PM", "%d/%m/%y %I%p"))
print(statistics.mean([1, 2, 3, 4.5]), statistics.fmean([1, 2]), statistics.geometric_mean([1, 4]), statistics.harmonic_mean([1, 2, 4]))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_grouped([1, 2, 2, 3]), statistics.mode("aabbbc"), statistics.multimode("aabbcc"))
print(round(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 6), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.variance([1, 2, 3, 4]), statistics.quantiles(range(1, 11), n=4))
print(statistics.correlation([1, 2, 3], [2, 4, 7]), statistics.linear_regression([1, 2, 3], [2, 4, 6]), statistics.covariance([1, 2, 3], [1, 2, 4]))
nd = statistics.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.inv_cdf(0.975), 4), nd + 5, nd * 2, round(nd.overlap(statistics.NormalDist(110, 15)), 6), nd.zscore(130))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("SE", e)
try:
    statistics.stdev([1])
except statistics.StatisticsError as e:
    print("SE", e)
