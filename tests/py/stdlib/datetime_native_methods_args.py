# Argument-count and type messages of every method (CPython's getargs and
# METH_O/NOARGS wordings), reflected operators, rounding edge cases,
# strftime corner cases and extreme aware arithmetic.
from datetime import *
import copy
def t(s, g=globals()):
    try: r = eval(s, g)
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(s, '->', repr(r))
for s in ["date(1, 1, 1).strftime('%Y %c %x %X')", "date(2020,1,1).strftime('%')", "date(2020,1,1).strftime('a%%zb%')", "date(2020,1,1).strftime('\\ud800%Y')", "date(2020,1,1).strftime('é%Y€')",
          "format(date(2020,1,1), 1)", "date(2020,1,1).__format__(1)", "time(1).__format__(1)", "datetime(2020,1,1).__format__('%H')", "date(2020,1,1).__reduce_ex__(2)", "timedelta(1).__reduce_ex__(2)",
          "time(1).__reduce_ex__('x')", "date.fromtimestamp(-1e12)", "date.fromtimestamp(2**70)", "date.fromtimestamp(None)", "datetime.fromtimestamp(2**70)", "datetime.utcfromtimestamp(1.5, 2)",
          "datetime(2020,1,1).__hash__() == datetime(2020,1,1,0,0).__hash__()", "date(2020,1,1).__eq__(1)", "datetime(2020,1,1).__eq__(date(2020,1,1))", "date(2020,1,1).__eq__(datetime(2020,1,1))", "date(2020,1,1).__lt__(datetime(2020,1,2))",
          "timedelta(1).__radd__(timedelta(2))", "timedelta(1).__rsub__(timedelta(2))", "timedelta(1).__rmul__(2)", "timedelta(1).__rtruediv__(2)", "timedelta(1).__rfloordiv__(timedelta(2))", "timedelta(1).__rmod__(timedelta(3))",
          "timedelta(1).__rdivmod__(timedelta(3))", "timedelta(2) ** 2", "datetime(2020,1,1).__rsub__(datetime(2020,1,2))", "date(2020,1,1).__rsub__(date(2020,1,3))", "date(2020,1,1).__radd__(timedelta(1))",
          "sorted([timedelta(1), timedelta(-1), timedelta(0, 5)])", "max(date(2020,1,1), date(2019,1,1))", "{date(2020,1,1): 1}[datetime(2020,1,1).date()]", "datetime(2020,1,1) in {date(2020,1,1)}",
          "timezone.utc.__reduce_ex__(2)", "copy.deepcopy(timezone(timedelta(hours=1), 'x'))", "tzinfo.__reduce__(timezone.utc)", "timedelta(microseconds=-1).total_seconds()", "timedelta(days=-999999999).total_seconds()",
          "date.today.__doc__", "datetime.now.__doc__[:20]", "timedelta.total_seconds.__doc__", "dir(timedelta)[-6:]", "timedelta(seconds=1.4999999)", "timedelta(seconds=-0.0000005)", "timedelta(microseconds=2.5)", "timedelta(microseconds=3.5)",
          "timedelta(seconds=123456789.123456789)", "timedelta(minutes=0.1, seconds=0.1, milliseconds=0.1, microseconds=0.1)", "timedelta(hours=10**8)", "timedelta(weeks=-0.5)", "timedelta(0.5, 0.5, 0.5)",
          "timedelta(microseconds=10**18) // 7", "timedelta(999999999) * 1.0", "timedelta(999999999) * 1.0000001", "timedelta(0, 0, 1) / 3.0", "timedelta(0, 0, 5) / 2.0", "timedelta(0, 0, 7) / 2", "-timedelta.max", "timedelta.min - timedelta(1)",
          "time(12, 30).strftime('%I %p %H:%M:%S:%f')", "datetime(2020,1,1,tzinfo=timezone(timedelta(hours=5),'%s')).strftime('%Z %z')", "datetime(1900, 1, 1).strftime('%s')[:0]",
          "datetime.combine(date(2020,1,1), time(1), tzinfo=1)", "datetime.combine(time=time(1), date=date(2020,1,1))", "datetime(2020,1,1,tzinfo=timezone.utc).astimezone(timezone.utc) is not None",
          "datetime(2020,1,1,tzinfo=timezone.utc).astimezone(timezone(timedelta(0), 'Z'))", "datetime(1,1,1,tzinfo=timezone(timedelta(hours=1))).astimezone(timezone.utc)", "datetime(9999,12,31,23,tzinfo=timezone(timedelta(hours=-1))).astimezone(timezone.utc)",
          "datetime(1,1,1,tzinfo=timezone(timedelta(hours=1))) - datetime(9999,12,31,tzinfo=timezone(timedelta(hours=-1)))", "datetime(1,1,1,tzinfo=timezone(timedelta(hours=1))) < datetime(1,1,1,tzinfo=timezone.utc)",
          "hash(datetime(1,1,1,tzinfo=timezone(timedelta(hours=1)))) is not None", "datetime(1,1,1,tzinfo=timezone(timedelta(hours=1))).utctimetuple()", "time(0, tzinfo=timezone(timedelta(hours=1))) < time(0, tzinfo=timezone.utc)",
          "hash(time(0, tzinfo=timezone(timedelta(hours=1)))) == hash(time(23, tzinfo=timezone.utc))", "time(23, 59, tzinfo=timezone(timedelta(hours=-1))) > time(0, 30, tzinfo=timezone.utc)"]:
    t(s)
calls = ["date.fromtimestamp()", "date.fromtimestamp(1, 2)", "date.fromordinal()", "date.fromordinal(1, 2)", "date.fromisoformat()", "date.fromisoformat('a', 'b')", "date.fromisocalendar(1)", "date.today(1)",
 "date(2020,1,1).ctime(1)", "date(2020,1,1).strftime()", "date(2020,1,1).strftime('a', 'b')", "date(2020,1,1).strftime(fmt='x')", "date(2020,1,1).__format__()", "date(2020,1,1).timetuple(1)", "date(2020,1,1).isocalendar(1)",
 "date(2020,1,1).isoformat(1)", "date(2020,1,1).replace(1,2,3,4)", "date(2020,1,1).__reduce__(1)", "timedelta(1).total_seconds(1)", "timedelta(1).__reduce__(1)",
 "time().isoformat(1, 2)", "time().strftime()", "time().utcoffset(1)", "time().replace(1,2,3,4,None,5)", "time.fromisoformat()", "time().__reduce_ex__()", "time().__reduce__(1)",
 "datetime.now(1, 2)", "datetime.now(foo=1)", "datetime.utcnow(1)", "datetime.fromtimestamp()", "datetime.fromtimestamp(1, 2, 3)", "datetime.fromtimestamp(1, foo=2)", "datetime.utcfromtimestamp()", "datetime.strptime('a')", "datetime.strptime('a', 'b', 'c')",
 "datetime.combine(1)", "datetime.fromisoformat()", "datetime(2020,1,1).date(1)", "datetime(2020,1,1).isoformat('T', 'auto', 3)", "datetime(2020,1,1).astimezone(1, 2)", "datetime(2020,1,1).astimezone(foo=2)", "datetime(2020,1,1).__reduce_ex__()",
 "datetime(2020,1,1).replace(1,2,3,4,5,6,7,None,1)", "timezone.utc.tzname()", "timezone.utc.utcoffset(1, 2)", "timezone.utc.fromutc()", "timezone.utc.__getinitargs__(1)", "tzinfo().tzname()", "tzinfo().fromutc()", "type(tzinfo(1))", "type(tzinfo(a=1))",
 "timezone(timedelta(0), 'a', foo=1)", "timezone(offset=timedelta(0), foo=1)", "date(2020,1,1).isocalendar().__class__(1, 2)", "date(2020,1,1).isocalendar().__class__(1, 2, 3)"]
for s in calls:
    try: r = repr(eval(s))
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(s, '->', r)
