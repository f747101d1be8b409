# fromisoformat reports a parsed field out of range as the C constructors do
# (month, day, year, hour, the UTC offset), a malformed string as invalid.
import datetime
for f, s in ((datetime.date.fromisoformat, '2020-13-01'), (datetime.date.fromisoformat, '2020-02-30'), (datetime.date.fromisoformat, '2020-W60-1'), (datetime.date.fromisoformat, '2020-W01-8'),
             (datetime.date.fromisoformat, '20201301'), (datetime.date.fromisoformat, '2020-1-01'), (datetime.datetime.fromisoformat, '2020-13-01T00:00'), (datetime.datetime.fromisoformat, '2020-01-01T25:00'),
             (datetime.datetime.fromisoformat, '2020-02-30 10:00'), (datetime.datetime.fromisoformat, '0000-01-01'), (datetime.date.fromisoformat, '0000-01-01'), (datetime.datetime.fromisoformat, '2020-01-01T10:00+25:00')):
    try: print(f(s))
    except Exception as e: print(type(e).__name__, e)
print(datetime.time.fromisoformat('10:11:12+05:30'), datetime.datetime.fromisoformat('2020-01-02T03:04:05-02:00'))
datetime.date.fromisoformat('2021-02-29')
