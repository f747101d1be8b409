# Pickles (bytes compared with python3's at every protocol), copy, subclassing
# and which operations keep the subclass, local time under a fixed TZ.
import copy, os, pickle, pickletools, time as _time
from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR, UTC
import datetime as D

class Fixed(tzinfo):
    def __init__(self, minutes=0, name='F'):
        self.off = timedelta(minutes=minutes); self.name = name
    def utcoffset(self, dt): return self.off
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return self.name
    def __repr__(self): return 'Fixed(%r)' % self.name

class NoInit(tzinfo):
    def __getinitargs__(self): return (1, 2)
    def __init__(self, *a): self.a = a

objs = [timedelta(1, 2, 3), timedelta(-5), date(2020, 1, 2), time(1, 2, 3, 4), time(1, 2, fold=1), time(5, tzinfo=timezone.utc),
        datetime(2020, 1, 2, 3, 4, 5, 6), datetime(2020, 1, 2, fold=1), datetime(2020, 1, 2, tzinfo=timezone(timedelta(hours=2), 'X')),
        timezone.utc, timezone(timedelta(minutes=-90)), datetime(2020, 1, 2, tzinfo=Fixed(30)), date(2020, 5, 17).isocalendar()]
for o in objs:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.dumps(o, proto)
        back = pickle.loads(b)
        print(proto, repr(o), b, repr(back) == repr(o), type(back).__name__)
for o in objs:
    print(repr(copy.copy(o)), repr(copy.deepcopy(o)), copy.copy(o) == o)
print(NoInit().__reduce__(), Fixed(5).__reduce__()[0:2])
print(pickle.loads(pickle.dumps(datetime(2020, 1, 2, fold=1), 4)).fold, pickle.loads(pickle.dumps(datetime(2020, 1, 2, fold=1), 2)).fold)
print(pickle.loads(b'cdatetime\ndate\n(S\'\\x07\\xe4\\x01\\x02\'\ntR.', encoding='latin1'))

# Subclasses
class MyDate(date):
    def __new__(cls, *a, **k):
        print('  MyDate.__new__', a, k); return super().__new__(cls, *a, **k)
class MyDT(datetime):
    extra = 1
    def __new__(cls, *a, **k):
        print('  MyDT.__new__', a, k); return super().__new__(cls, *a, **k)
class MyTime(time): pass
class Quiet(datetime): pass
class MyTD(timedelta): pass
d = MyDate(2020, 1, 2); dt = MyDT(2020, 1, 2, 3, tzinfo=timezone.utc); tm = MyTime(1, 2); td = MyTD(1, 2)
for s in ["d", "d + timedelta(1)", "timedelta(1) + d", "d - timedelta(1)", "d - date(2020, 1, 1)", "d.replace(day=5)", "MyDate.today().__class__", "MyDate.fromordinal(5)", "MyDate.fromisoformat('2020-01-05')",
          "MyDate.fromisocalendar(2020, 1, 1)", "MyDate.fromtimestamp(0).__class__", "copy.copy(d)", "pickle.loads(pickle.dumps(d))",
          "dt", "dt + timedelta(1)", "dt - timedelta(1)", "dt - datetime(2020, 1, 1, tzinfo=timezone.utc)", "dt.replace(hour=5)", "dt.replace(fold=1)", "dt.astimezone(timezone(timedelta(hours=1)))",
          "MyDT.combine(date(2020, 1, 1), time(1, fold=1))", "MyDT.fromisoformat('2020-01-02T03:04')", "MyDT.utcfromtimestamp(0)", "MyDT.fromtimestamp(0, timezone.utc)", "MyDT.strptime('2020', '%Y')",
          "MyDT.fromordinal(3)", "dt.date()", "dt.timetz()", "timezone.utc.fromutc(dt)", "Quiet.now(timezone.utc).__class__", "Quiet.utcnow().__class__", "Quiet.today().__class__",
          "tm", "tm.replace(hour=3)", "MyTime.fromisoformat('01:02')", "pickle.loads(pickle.dumps(tm))",
          "td", "td + td", "-td", "+td", "abs(td)", "td * 2", "td / 2", "td // 2", "td % timedelta(0, 7)", "pickle.loads(pickle.dumps(td))", "MyTD(1) == timedelta(1)", "hash(MyTD(1)) == hash(timedelta(1))",
          "d.__dict__", "dt.extra"]:
    try: r = repr(eval(s))
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(s, '->', r)
for C in (date, time, datetime, timedelta, timezone, tzinfo):
    try: C.foo = 1
    except Exception as e: print(type(e).__name__, e)
    try: C.__new__(C).bar = 1
    except Exception as e: print(type(e).__name__, e)
try:
    class T(timezone): pass
except TypeError as e: print(e)
print(MINYEAR, MAXYEAR, UTC is timezone.utc, D.__all__, sorted(n for n in dir(D) if not n.startswith('__') and n != 'datetime_CAPI'))
print(date.__module__, datetime.__name__, datetime.__qualname__, type(date(2020,1,1).isocalendar()).__name__, datetime.__mro__, repr(date.today)[:40])
print(isinstance(datetime(2020,1,1), date), issubclass(timezone, tzinfo), date.__doc__, timedelta.__doc__[:30])

# Local time, with a fixed and a DST zone.
for tz in ('UTC0', 'EST+05EDT,M3.2.0,M11.1.0', 'IST-05:30'):
    os.environ['TZ'] = tz; _time.tzset()
    for s in ["datetime.fromtimestamp(0)", "datetime.fromtimestamp(1604208600)", "datetime.fromtimestamp(1604212200)", "datetime.fromtimestamp(1604212200).fold", "date.fromtimestamp(86400 * 365.7)",
              "datetime(2020, 11, 1, 1, 30).timestamp()", "datetime(2020, 11, 1, 1, 30, fold=1).timestamp()", "datetime(2020, 3, 8, 2, 30).timestamp()", "datetime(2020, 3, 8, 2, 30, fold=1).timestamp()",
              "datetime(2020, 7, 1, 12).astimezone()", "datetime(2020, 7, 1, 12).astimezone(timezone.utc)", "datetime(2020, 7, 1, 12, tzinfo=timezone.utc).astimezone()", "datetime(2020, 11, 1, 1, 30, fold=1).astimezone()",
              "datetime(2020, 1, 1, 12).astimezone().tzname()", "datetime(1, 1, 1).timestamp()", "datetime.fromtimestamp(-62135596800)", "datetime.fromtimestamp(253402318800)", "datetime(2020, 1, 1).timetuple()",
              "datetime.fromtimestamp(1e11)", "datetime.utcfromtimestamp(-62135596801)"]:
        try: r = repr(eval(s))
        except Exception as e: r = '%s: %s' % (type(e).__name__, e)
        print(tz, s, '->', r)
