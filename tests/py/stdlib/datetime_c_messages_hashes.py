# datetime as CPython's C module behaves: the messages of mixing naive and
# aware values, comparing unlike types, overflowing, bad arguments; the
# type names in operator errors ('datetime.timedelta'); and hashes equal to
# the C types' so that sets of dates iterate in CPython's order.
from datetime import date, datetime, time, timedelta, timezone

utc = timezone.utc
naive = datetime(2020, 1, 1)
aware = datetime(2020, 1, 1, tzinfo=utc)
cases = [
    ("naive - aware", lambda: naive - aware),
    ("naive < aware", lambda: naive < aware),
    ("naive == aware", lambda: naive == aware),
    ("time < aware time", lambda: time(1) < time(1, tzinfo=utc)),
    ("datetime < date", lambda: naive < date(2020, 1, 1)),
    ("date < int", lambda: date(2020, 1, 1) < 5),
    ("timedelta(days=10**9)", lambda: timedelta(days=10 ** 9)),
    ("timedelta.max + 1 day", lambda: timedelta.max + timedelta(1)),
    ("date.max + 1 day", lambda: date.max + timedelta(1)),
    ("datetime.min - 1 day", lambda: datetime.min - timedelta(1)),
    ("date.fromisoformat bad", lambda: date.fromisoformat("2020-1-1")),
    ("datetime.fromisoformat bad", lambda: datetime.fromisoformat("garbage")),
    ("time.fromisoformat 25:00", lambda: time.fromisoformat("25:00")),
    ("timedelta + int", lambda: timedelta(1) + 1),
    ("int + timedelta", lambda: 1 + timedelta(1)),
    ("datetime - int", lambda: naive - 1),
    ("date * int", lambda: date(2020, 1, 1) * 2),
    ("timedelta % int", lambda: timedelta(1) % 0),
    ("abs(datetime)", lambda: abs(naive)),
    ("timezone(25h)", lambda: timezone(timedelta(hours=25))),
    ("timezone(5)", lambda: timezone(5)),
    ("tzinfo=5", lambda: datetime(2020, 1, 1, tzinfo=5)),
    ("astimezone(5)", lambda: naive.astimezone(5)),
    ("fromordinal(0)", lambda: date.fromordinal(0)),
    ("strftime(5)", lambda: naive.strftime(5)),
    ("time strftime(b'')", lambda: time(1).strftime(b"%H")),
    ("strptime(x, 5)", lambda: datetime.strptime("2020", 5)),
    ("fromisocalendar day 8", lambda: date.fromisocalendar(2020, 1, 8)),
    ("day 30 of Feb", lambda: date(2023, 2, 30)),
]
for label, fn in cases:
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        chained = e.__context__ is not None and not e.__suppress_context__
        print(label, "->", type(e).__name__, e, "(chained)" if chained else "")

print(type(timedelta(1)).__name__, timedelta.__qualname__, repr(timedelta), date.__name__)
print({date(2020, 1, d) for d in range(1, 9)})
print({datetime(2021, 5, 1, h) for h in range(6)})
print({time(h, 30) for h in range(5)})
print({time(h, tzinfo=timezone(timedelta(hours=h))) for h in range(3)})
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), hash(aware) == hash(naive.replace(tzinfo=utc)))
print(time.fromisoformat("T10:20"), time.fromisoformat("10:20:30.5"))
