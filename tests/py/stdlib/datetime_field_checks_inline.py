# The field checks lib/datetime.py runs for every date, time and timedelta
# made (written inline with the C module's messages): each range error, wrong
# types, missing arguments, replace() through the same checks.
import datetime as D
cases = [lambda: D.date(0,1,1), lambda: D.date(10000,1,1), lambda: D.date(2024,13,1), lambda: D.date(2024,0,1),
 lambda: D.date(2023,2,29), lambda: D.date(2024,2,30), lambda: D.date(2024), lambda: D.date(2024,1),
 lambda: D.date(), lambda: D.datetime(2024,1), lambda: D.date(2024.0,1,1), lambda: D.date('x',1,1),
 lambda: D.time(24), lambda: D.time(1,60), lambda: D.time(1,1,60), lambda: D.time(1,1,1,1000000),
 lambda: D.time(1,fold=2), lambda: D.datetime(2024,1,1,-1), lambda: D.time(1.5), lambda: D.timedelta('1'),
 lambda: D.timedelta(1, hours='2'), lambda: D.timedelta(weeks=None, days=[]),
 lambda: D.timedelta(True, 2.5), lambda: D.date(2024,2,29).replace(year=2023), lambda: D.datetime(2024,1,1).replace(month=2, day=31),
 lambda: D.date(True, 1, 1), lambda: D.time(fold=-1)]
for c in cases:
    try: print(repr(c()))
    except Exception as e: print(type(e).__name__, e.args)
