import datetime as dt
d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=1), d + dt.timedelta(days=2), d.weekday(), d.isoformat(), d.replace(year=2023))
t = dt.datetime(2024, 1, 1, 12, 30, 15)
print(t, t.strftime("%d/%m/%Y %H:%M"), t - dt.datetime(2023, 12, 31), (t - dt.datetime(2023, 12, 31)).total_seconds())
print(dt.timedelta(hours=25, minutes=61), dt.timedelta(seconds=-1), dt.date.fromisoformat("2000-12-31").toordinal())
print(dt.datetime.fromisoformat("2021-06-01T08:00:00").hour, repr(dt.date(2020, 5, 17)), dt.date(2024, 1, 1) < dt.date(2024, 1, 2))
try:
    dt.date(2023, 2, 29)
except ValueError as e:
    print(type(e).__name__)
