# timedelta, date and time: construction, arithmetic, rounding, comparison,
# formatting and ISO parsing, with the C module's messages.
import datetime as D
from datetime import date, time, datetime, timedelta, timezone, tzinfo

def t(s, g=globals()):
    try: r = eval(s, g)
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(s, '->', repr(r))

# timedelta
for s in ["timedelta(1, 2, 3, 4, 5, 6, 7)", "timedelta(days=-1, seconds=-1, microseconds=-1)", "timedelta(seconds=0.5e-6)", "timedelta(seconds=1.5e-6)",
          "timedelta(microseconds=0.5)", "timedelta(microseconds=1.5)", "timedelta(microseconds=-0.5)", "timedelta(microseconds=-1.5)", "timedelta(days=0.1, seconds=0.2, microseconds=0.3)",
          "timedelta(weeks=1.5, hours=-2.25)", "timedelta(days=True)", "timedelta('1')", "timedelta(1, '2')", "timedelta(milliseconds=1.0000005)", "timedelta(days=1e-11)",
          "str(timedelta(-1))", "str(timedelta(2, 3, 4))", "str(timedelta(1))", "str(timedelta(0))", "str(timedelta(-2, 5))", "repr(timedelta(0, 0, 5))", "repr(-timedelta(0, 0, 5))",
          "timedelta(1) + timedelta(0, 5)", "timedelta(1) - timedelta(0, 5)", "-timedelta(1, 2, 3)", "+timedelta(1, 2, 3)", "abs(timedelta(-1, 2, 3))", "abs(timedelta(1))",
          "timedelta(1) * 3", "3 * timedelta(1)", "timedelta(0, 1) * 0.3", "0.3 * timedelta(0, 1)", "timedelta(0, 0, 3) * 0.5", "timedelta(0, 0, 5) * 0.5", "timedelta(0, 0, 1)/2", "timedelta(0, 0, 3)/2", "timedelta(0, 0, -3)/2",
          "timedelta(7) / timedelta(2)", "timedelta(7) // timedelta(2)", "timedelta(-7) // timedelta(2)", "timedelta(7) % timedelta(2)", "timedelta(-7) % timedelta(2)", "divmod(timedelta(-7), timedelta(2))",
          "timedelta(7) // 2", "timedelta(-7, 1) // 3", "timedelta(7) / 2.5", "timedelta(1) // 10**30", "timedelta(1) / 10**30", "timedelta(-1) // 10**30", "timedelta(1) * 1e-20",
          "timedelta(1).total_seconds()", "timedelta(999999999, 86399, 999999).total_seconds()", "timedelta(-5, 3, 7).total_seconds()",
          "timedelta(1) == 1", "timedelta(1) != 1", "timedelta(1) < timedelta(2)", "timedelta(1) == timedelta(hours=24)", "hash(timedelta(1)) == hash(timedelta(hours=24))",
          "bool(timedelta(0))", "bool(timedelta(0, 0, 1))", "timedelta.min, timedelta.max, timedelta.resolution", "timedelta(1).days, timedelta(-1, 5).seconds", "timedelta(1) * 2**62",
          "timedelta(1) // timedelta(0, 0, 7)", "timedelta(2) % timedelta(0, 7)", "timedelta(1) / 0.1", "timedelta(1) * float('nan')",
          "timedelta(1) < 'x'", "timedelta(1) + date(2020, 1, 1)", "timedelta(1) - date(2020, 1, 1)"]:
    t(s)

# date
for s in ["date(2020, 2, 29)", "date(2021, 2, 29)", "date(0, 1, 1)", "date(10000, 1, 1)", "date(2020, 13, 1)", "date(2020, 0, 1)", "date(2020, 1, 0)", "date(year=2020, month=5, day=6)",
          "date(2020, 1, 1, year=3)", "date(True, 1, 1)", "date(2020, 1, 1).replace(day=31, month=3)", "date(2020, 1, 31).replace(month=2)", "date(2020, 1, 1).replace(2021)", "date(2020, 1, 1).replace(1, 2, 3, 4)", "date(2020, 1, 1).replace(foo=1)",
          "date(2020, 3, 1) - date(2020, 2, 1)", "date(2020, 3, 1) + timedelta(days=-1, seconds=86399)", "date(2020, 3, 1) - timedelta(1)", "timedelta(3) + date(2020, 3, 1)", "date(2020, 3, 1) + 1", "date(2020,1,1) - 1",
          "date(2020, 1, 1) < date(2020, 1, 2)", "date(2020, 1, 1) == date(2020, 1, 1)", "date(2020, 1, 1) < 5", "date(2020, 1, 1) == 5", "date(2020,1,1) == datetime(2020,1,1)", "datetime(2020,1,1) == date(2020,1,1)", "date(2020,1,1) != datetime(2020,1,1)",
          "date(2020, 5, 17).isocalendar()", "date(2020, 12, 31).isocalendar()", "date(2021, 1, 1).isocalendar()", "date(2019, 12, 30).isocalendar()", "date(2020, 5, 17).isocalendar().week", "tuple(date(2020,1,1).isocalendar())",
          "date(2020, 5, 17).weekday(), date(2020, 5, 17).isoweekday()", "date(2020, 5, 17).toordinal()", "date.fromordinal(737563)", "date.fromordinal(1)", "date.fromordinal(3652059)",
          "date(2020, 5, 17).ctime()", "date(2002, 3, 11).isoformat()", "str(date(2002, 3, 11))", "date(1, 1, 1).isoformat()", "date(2020, 5, 17).timetuple()",
          "date(2020, 5, 17).strftime('%Y %m %d %a %j %%z=%z %%Z=%Z %f %')", "format(date(2020, 5, 17), '%d/%m')", "format(date(2020, 5, 17), '')", "'{:%Y}'.format(date(2020, 5, 17))", "date(2020, 5, 17).strftime(format='%Y')",
          "date.fromisocalendar(2020, 53, 7)", "date.fromisocalendar(2021, 1, 1)", "date.fromisocalendar(year=2021, week=1, day=1)", "date.fromisocalendar(2020, 0, 1)", "date.fromisocalendar(0, 1, 1)",
          "date.min, date.max, date.resolution", "date(2020,1,1).year, date(2020,1,1).month, date(2020,1,1).day", "date(b'\\x07\\xe4\\x01\\x02')", "date(b'\\x07\\xe4\\x0d\\x02')", "date('\\x07\\xe4\\x01\\x02')",
          "hash(date(2020, 1, 1)) == hash(date(2020, 1, 1))", "date.max + timedelta(1)", "date.min - timedelta(1)", "date.today() > date(2020, 1, 1)", "type(date.today())"]:
    t(s)

# time
for s in ["time()", "time(1)", "time(1, 2)", "time(1, 2, 3)", "time(1, 2, 3, 4)", "time(24)", "time(1, 60)", "time(1, 1, 60)", "time(1, 1, 1, 10**6)", "time(fold=2)", "time(tzinfo=1)",
          "time(1, 2, 3, 4, timezone.utc, fold=1)", "time(12, tzinfo=timezone(timedelta(hours=-5), 'EST'))", "time(1, 2, 3, 4).isoformat()", "time(1, 2, 3, 4).isoformat('hours')",
          "time(1, 2, 3, 4).isoformat('minutes')", "time(1, 2, 3, 4).isoformat('seconds')", "time(1, 2, 3, 4567).isoformat('milliseconds')", "time(1, 2, 3).isoformat('microseconds')", "time(1, 2, 3).isoformat(timespec='auto')", "time().isoformat(1)",
          "str(time(1, 2, 3, tzinfo=timezone(timedelta(hours=5, minutes=30))))", "str(time(1, tzinfo=timezone(timedelta(seconds=-1))))", "str(time(1, tzinfo=timezone(timedelta(microseconds=1))))",
          "time(1, 2).strftime('%H:%M:%S %f %z %Z %Y')", "time(1, 2, tzinfo=timezone.utc).strftime('%H %z %Z')", "format(time(1, 2), '%H')", "time(1, 2).replace(hour=5)", "time(1, 2).replace(tzinfo=timezone.utc)",
          "time(1, 2, tzinfo=timezone.utc).replace(tzinfo=None)", "time(1, 2).replace(fold=1)", "time(1, 2).replace(25)",
          "time(1, 2) < time(1, 3)", "time(1, 2) == time(1, 2, fold=1)", "time(1, tzinfo=timezone.utc) == time(1)", "time(1, tzinfo=timezone.utc) < time(1)", "time(1, tzinfo=timezone.utc) == time(2, tzinfo=timezone(timedelta(hours=1)))",
          "time(1, tzinfo=timezone.utc) < time(2, tzinfo=timezone(timedelta(hours=2)))", "time(1) < 1", "time(1) == 1",
          "hash(time(1, 2)) == hash(time(1, 2, fold=1))", "hash(time(1, tzinfo=timezone.utc)) == hash(time(2, tzinfo=timezone(timedelta(hours=1))))", "bool(time())",
          "time(1, 2, 3, 4, timezone.utc).utcoffset(), time(1).utcoffset(), time(1, tzinfo=timezone.utc).tzname(), time(1, tzinfo=timezone.utc).dst()",
          "time.fromisoformat('12:34')", "time.fromisoformat('T12:34:56.789')", "time.fromisoformat('12:34:56,789123456')", "time.fromisoformat('1234')", "time.fromisoformat('123456')", "time.fromisoformat('12')",
          "time.fromisoformat('12:34:56+05:30')", "time.fromisoformat('12:34:56Z')", "time.fromisoformat('12:34:56-0130')", "time.fromisoformat('12:34:56+00:00')", "time.fromisoformat('1')", "time.fromisoformat('')", "time.fromisoformat('T')",
          "time.fromisoformat('12:3')", "time.fromisoformat('12:34:5')", "time.fromisoformat('12:34:56.')", "time.fromisoformat('12.5')", "time.fromisoformat('12:34:56:789')", "time.fromisoformat('12:34x')", "time.fromisoformat(5)",
          "time.fromisoformat('12:34+1')", "time.fromisoformat('12:34+01:00:00.5')", "time.fromisoformat('25:00')", "time.fromisoformat('12:34Zx')", "time.fromisoformat('12:34:56.1234567')",
          "time.min, time.max, time.resolution", "time(1, 2, 3, 4, fold=1).fold, time(1).tzinfo", "time(b'\\x01\\x02\\x03\\x00\\x00\\x04')", "time(b'\\x81\\x02\\x03\\x00\\x00\\x04')", "time(b'\\x01\\x02\\x03\\x00\\x00\\x04', 5)"]:
    t(s)
