# datetime and tzinfo: construction, arithmetic, naive/aware rules, fold, formatting.
from datetime import date, time, datetime, timedelta, timezone, tzinfo

def t(s, g=globals()):
    try: r = eval(s, g)
    except Exception as e: r = '%s: %s' % (type(e).__name__, e)
    print(s, '->', repr(r))

class Fixed(tzinfo):
    def __init__(self, minutes, name='F'):
        self.off = timedelta(minutes=minutes); self.name = name
    def utcoffset(self, dt): return self.off
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return self.name
    def __repr__(self): return 'Fixed(%d)' % (self.off.total_seconds() // 60)

class Bad(tzinfo):
    def __init__(self, v): self.v = v
    def utcoffset(self, dt): return self.v
    def dst(self, dt): return self.v
    def tzname(self, dt): return self.v

class Recorder(tzinfo):
    def utcoffset(self, dt): print('  utcoffset arg', type(dt).__name__, dt if dt is None else (dt.hour, dt.fold)); return timedelta(hours=1)
    def dst(self, dt): print('  dst arg', type(dt).__name__); return None
    def tzname(self, dt): print('  tzname arg', type(dt).__name__); return 'REC'

# A zone with a fold: clocks go back at 2:00 -> 1:00 on 2020-11-01 (UTC-4 -> UTC-5).
class Eastern(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=-4) + self.dst(dt)
    def dst(self, dt):
        if dt is None: return timedelta(0)
        start = datetime(2020, 3, 8, 2); end = datetime(2020, 11, 1, 1)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end: return timedelta(0)
        if end <= naive < end + timedelta(hours=1): return timedelta(hours=-1) if dt.fold else timedelta(0)
        return timedelta(hours=-1)
    def tzname(self, dt): return 'EDT' if self.dst(dt) == timedelta(0) else 'EST'
    def __repr__(self): return 'E'
E = Eastern()

F = Fixed(90); G = Fixed(-300, 'G'); R = Recorder()
for s in ["datetime(2020, 1, 2, 3, 4, 5, 6)", "datetime(2020, 1, 2)", "datetime(2020, 1, 2, 3, 4)", "datetime(2020, 1, 2, 3, 4, 5)", "datetime(2020, 1, 2, tzinfo=F)", "datetime(2020, 1, 2, fold=1)",
          "datetime(2020, 2, 30)", "datetime(2020, 1, 1, 24)", "datetime(2020, 1, 1, tzinfo='x')", "datetime(2020, 1, 1, 1, 1, 1, 1, F, 1)", "datetime(2020, 1, 1, fold=1, tzinfo=timezone.utc)",
          "datetime(b'\\x07\\xe4\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x06')", "datetime(b'\\x07\\xe4\\x81\\x02\\x03\\x04\\x05\\x00\\x00\\x06', timezone.utc)", "datetime(b'\\x07\\xe4\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x06', 1)",
          "str(datetime(2020, 1, 2, 3, 4, 5, 6))", "datetime(2020, 1, 2, 3, 4, 5, 6).isoformat()", "datetime(2020, 1, 2, 3, 4, 5, 6, F).isoformat(' ')", "datetime(2020, 1, 2, 3, 4, tzinfo=G).isoformat(timespec='minutes')",
          "datetime(2020, 1, 2, 3, 4, 5, 6).isoformat(sep='x', timespec='milliseconds')", "datetime(2020, 1, 2).isoformat('\\u00e9')", "datetime(2020, 1, 2).isoformat(timespec=3)", "datetime(2020, 1, 2).isoformat(foo=3)",
          "datetime(2020, 1, 2, 3, 4, 5).ctime()", "datetime(2020, 1, 2, 3, 4, 5, tzinfo=F).timetuple()", "datetime(2020, 1, 2, 3, 4, 5, tzinfo=F).utctimetuple()", "datetime(2020, 1, 2, 3, 4, 5).utctimetuple()",
          "datetime(2020, 1, 2, 3, 4, 5, 6).date(), datetime(2020, 1, 2, 3, 4, 5, 6, F, fold=1).time(), datetime(2020, 1, 2, 3, 4, 5, 6, F, fold=1).timetz()",
          "datetime(2020, 1, 2, 3, 4, 5, 6).strftime('%Y-%m-%dT%H:%M:%S.%f %z %Z %j %%f')", "datetime(2020, 1, 2, 3, 4, 5, 6, F).strftime('%z|%Z')", "datetime(2020, 1, 2, tzinfo=Fixed(0, 'a%b')).strftime('%Z')",
          "datetime(2020, 1, 2, tzinfo=timezone(timedelta(seconds=-3661, microseconds=5))).strftime('%z')", "format(datetime(2020, 1, 2), '%d')", "format(datetime(2020, 1, 2), '')",
          "datetime(2020, 1, 31) + timedelta(1)", "timedelta(hours=25) + datetime(2020, 12, 31, 1)", "datetime(2020, 1, 1) - timedelta(microseconds=1)", "datetime(2020, 3, 1) - datetime(2020, 2, 1, 12)",
          "datetime(2020, 1, 1, tzinfo=F) - datetime(2020, 1, 1, tzinfo=G)", "datetime(2020, 1, 1, tzinfo=F) - datetime(2020, 1, 1)", "datetime(2020, 1, 1, tzinfo=F) + timedelta(1)", "datetime(2020,1,1) + date(2020,1,1)",
          "datetime(2020,1,1) - date(2020,1,1)", "date(2020,1,1) - datetime(2020,1,1)", "datetime.max + timedelta(1)", "datetime.min - timedelta(microseconds=1)",
          "datetime(2020, 1, 1, tzinfo=F) == datetime(2019, 12, 31, 22, 30, tzinfo=timezone.utc)", "datetime(2020, 1, 1, tzinfo=F) < datetime(2020, 1, 1, tzinfo=G)", "datetime(2020, 1, 1, tzinfo=F) == datetime(2020, 1, 1)",
          "datetime(2020, 1, 1, tzinfo=F) < datetime(2020, 1, 1)", "datetime(2020, 1, 1) < date(2020, 1, 2)", "datetime(2020, 1, 1) < 'x'", "datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1)",
          "hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1))", "hash(datetime(2020, 1, 1, tzinfo=F)) == hash(datetime(2019, 12, 31, 22, 30, tzinfo=timezone.utc))",
          "datetime(2020, 11, 1, 1, 30, tzinfo=E).utcoffset(), datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=E).utcoffset()",
          "datetime(2020, 11, 1, 1, 30, tzinfo=E) == datetime(2020, 11, 1, 5, 30, tzinfo=timezone.utc)", "datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=E) == datetime(2020, 11, 1, 6, 30, tzinfo=timezone.utc)",
          "datetime(2020, 11, 1, 1, 30, tzinfo=E) == datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=E)", "datetime(2020, 11, 1, 1, 30, tzinfo=E) - datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=E)",
          "datetime(2020, 11, 1, 5, 30, tzinfo=timezone.utc).astimezone(E)", "datetime(2020, 11, 1, 6, 30, tzinfo=timezone.utc).astimezone(E)", "datetime(2020, 7, 1, 12, tzinfo=E).astimezone(timezone.utc)",
          "datetime(2020, 7, 1, 12, tzinfo=E).astimezone(E)", "datetime(2020, 7, 1, 12, tzinfo=F).astimezone(G)", "datetime(2020, 1, 1).astimezone(1)", "datetime(2020, 1, 1, tzinfo=F).timestamp()",
          "datetime(2020, 1, 1, tzinfo=F).replace(tzinfo=None)", "datetime(2020, 1, 1).replace(year=2021, fold=1, tzinfo=G)", "datetime(2020, 1, 31).replace(month=2)", "datetime(2020, 1, 1).replace(2, 3, 4, 5, 6, 7, 8, None, 1)",
          "datetime.combine(date(2020, 1, 2), time(3, 4, tzinfo=F))", "datetime.combine(date(2020, 1, 2), time(3, 4, tzinfo=F), None)", "datetime.combine(date(2020, 1, 2), time(3, 4, fold=1), tzinfo=G)", "datetime.combine(datetime(2020, 1, 2, 5), time(3))",
          "datetime(2020, 1, 1, tzinfo=Bad(1)).utcoffset()", "datetime(2020, 1, 1, tzinfo=Bad(timedelta(1))).utcoffset()", "datetime(2020, 1, 1, tzinfo=Bad(timedelta(-1))).dst()", "datetime(2020, 1, 1, tzinfo=Bad(1)).tzname()",
          "datetime(2020, 1, 1, tzinfo=Bad(None)).utcoffset()", "datetime(2020, 1, 1, tzinfo=Bad(timedelta(microseconds=-1))).utcoffset()", "datetime(2020, 1, 1, tzinfo=Bad(timedelta(0, -86399, -999999))).utcoffset()",
          "time(1, tzinfo=Bad(2)).utcoffset()", "time(1, tzinfo=Bad('x')).tzname()", "datetime(2020, 1, 1, tzinfo=Bad(1)) == datetime(2020, 1, 1, tzinfo=F)",
          "datetime.min, datetime.max, datetime.resolution", "datetime(2020,1,1,2,3,4,5,F,fold=1).hour, datetime(2020,1,1,2,3,4,5,F,fold=1).tzinfo, datetime(2020,1,1,2,3,4,5,F,fold=1).fold",
          "datetime.utcfromtimestamp(0)", "datetime.utcfromtimestamp(1.5)", "datetime.utcfromtimestamp(-1.5)", "datetime.utcfromtimestamp(0.0000005)", "datetime.utcfromtimestamp(0.0000015)", "datetime.utcfromtimestamp(1e-7)",
          "datetime.utcfromtimestamp(1234567890.1234565)", "datetime.utcfromtimestamp(-0.0000005)", "datetime.fromtimestamp(0, timezone.utc)", "datetime.fromtimestamp(86400.5, tz=F)", "datetime.fromtimestamp(0, 1)", "datetime.fromtimestamp(timestamp=0, tz=G)",
          "datetime.utcfromtimestamp(True)", "datetime.now(timezone.utc).tzinfo", "datetime.now(tz=F).tzinfo", "datetime.now(1)", "type(datetime.utcnow())", "type(datetime.today())", "datetime.today().tzinfo",
          "datetime.strptime('2020-01-02 03:04', '%Y-%m-%d %H:%M')", "datetime.strptime('2020 +0130', '%Y %z')", "datetime.strptime('x', '%Y')", "datetime.strptime(1, '%Y')", "datetime.strptime('1', 2)",
          "date.fromordinal.__self__ is date", "datetime.fromordinal(737791)", "datetime.fromisocalendar(2020, 1, 1)", "datetime(2020, 5, 17, 3).isocalendar()", "datetime(2020, 5, 17, 3).toordinal()",
          "timezone(timedelta(hours=5, minutes=30))", "timezone(timedelta(hours=-5), 'EST')", "timezone(timedelta(0)) is timezone.utc", "timezone(timedelta(0), 'UTC') is timezone.utc", "timezone(timedelta(hours=-24))",
          "timezone(timedelta(hours=-23, minutes=-59, microseconds=-999999))", "timezone(timedelta(seconds=90, microseconds=5)).tzname(None)", "timezone(timedelta(hours=-3)).tzname(None)", "str(timezone(timedelta(hours=3), 'X'))",
          "timezone(timedelta(hours=3)) == timezone(timedelta(hours=3), 'Y')", "timezone(timedelta(hours=3)) == 3", "timezone(timedelta(hours=3)) < timezone(timedelta(hours=4))", "hash(timezone(timedelta(hours=3))) == hash(timedelta(hours=3))",
          "timezone.min, timezone.max, timezone.utc", "timezone(timedelta(hours=1)).fromutc(datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=1))))", "timezone.utc.utcoffset(None), timezone.utc.dst(None)",
          "timezone(offset=timedelta(1, -1), name='n')", "timezone()", "timezone(timedelta(0), 'a', 'b')", "F.fromutc(datetime(2020, 1, 1, tzinfo=F))", "F.fromutc(datetime(2020, 1, 1))", "E.fromutc(datetime(2020, 11, 1, 6, 30, tzinfo=E))",
          "Bad(None).fromutc(datetime(2020, 1, 1, tzinfo=Bad(None)))", "tzinfo().tzname(1)", "type(timezone.utc).__mro__", "isinstance(timezone.utc, tzinfo)",
          "datetime(2020, 1, 1, tzinfo=R).isoformat()", "time(1, 2, tzinfo=R).isoformat()", "datetime(2020, 1, 1, tzinfo=R).strftime('%z %Z')", "time(1, 2, tzinfo=R).strftime('%z %Z')", "datetime(2020,1,1,tzinfo=R).timetuple().tm_isdst"]:
    t(s)

# fromisoformat forms
for s in ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2020-W53-7', '2021-W53', '2020-01-02T03', '2020-01-02T0304', '2020-01-02T03:04', '2020-01-02 03:04:05',
          '2020-01-02T03:04:05.1', '2020-01-02T03:04:05,123456789', '2020-01-02T03:04:05Z', '2020-01-02T03:04:05+01', '2020-01-02T03:04:05+0130', '2020-01-02T03:04:05-01:30:15', '2020-01-02T03:04:05+01:30:15.5',
          '2020-01-02T03:04:05+00:00:00.5', '2020-01-02x03:04', '2020-01-02\u00e903:04', '2020-01-02\ud80003:04', '2020-W01-2T03', '2020-W01T03:04', '2020W0103', '2020W01303', '20200102T030405', '2020-01-02T',
          '2020-01-0', '2020-1-02', '2020-01', '202001', '2020', '2020-01-02T3', '2020-01-02T03:04:05+', '2020-01-02T03:04:05+1', '2020-01-02T03:04:05+123', '2020-01-02T03:04:05Zx', '2020-13-02', '2020-02-30T01',
          '2020-01-02T24:00', '2020-01-02T03:04:05+24:00', '2020-01-02T03:04:05-23:59:59.999999', '2020-01-02T03:04:05.', '2020-01-02T03:04:05.abc', '2020-01-02T03:04:05:06', '\uff12020-01-02', '2020-01-02T03:04:05.1234567+01:00',
          '2020-01-02T03-04', '0000-01-01', '9999-12-31T23:59:59.999999', '2020-W00', '2020-W01-0', '2020-W01-8', '9999-W52-6', '2020-01-02T03:04:05 ', ' 2020-01-02']:
    for f in (date.fromisoformat, datetime.fromisoformat, time.fromisoformat):
        try: r = repr(f(s))
        except Exception as e: r = '%s: %s' % (type(e).__name__, e)
        print(f.__qualname__, repr(s), '->', r)
t("date.fromisoformat(1)"); t("datetime.fromisoformat(b'2020-01-01')")
