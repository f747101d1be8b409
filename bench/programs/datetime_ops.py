# datetime: what a log processor or a scheduler does with timestamps --
# build dates, datetimes and timedeltas, add/subtract/compare them, format
# (isoformat, strftime), parse back (fromisoformat), convert to and from
# POSIX timestamps, and count events per day with dates as dict keys.
# Scale: rounds over 2,000 timestamps. Checked: the round trips give the
# values back and the per-day counts add up.
import datetime

import benchlib

BENCH = {"kind": "single", "scale": 3, "quick": 1,
         "about": "datetime arithmetic, isoformat/strftime/fromisoformat, "
                  "timestamps and date dict keys over 2,000 values"}

N = 2000
UTC = datetime.timezone.utc
EST = datetime.timezone(datetime.timedelta(hours=-5), "EST")


def one_round(base, step):
    dt = base
    per_day = {}
    text_len = 0
    later = 0
    total = datetime.timedelta(0)
    for i in range(N):
        dt = dt + step
        prev = dt - step
        if dt > prev and not (dt == prev):
            later += 1
        total += dt - base
        text = dt.isoformat()
        back = datetime.datetime.fromisoformat(text)
        if back != dt:
            benchlib.fail("fromisoformat(isoformat()) at %d" % i)
        text_len += len(text) + len(dt.strftime("%Y-%m-%d %H:%M:%S"))
        day = dt.date()
        per_day[day] = per_day.get(day, 0) + 1
        aware = datetime.datetime(dt.year, dt.month, dt.day, dt.hour,
                                  dt.minute, dt.second, tzinfo=UTC)
        ts = aware.timestamp()
        if datetime.datetime.fromtimestamp(ts, UTC) != aware:
            benchlib.fail("fromtimestamp(timestamp()) at %d" % i)
        if aware.astimezone(EST).hour != (dt.hour - 5) % 24:
            benchlib.fail("astimezone at %d" % i)
    return per_day, text_len, later, total


def main():
    rounds = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    base = datetime.datetime(2024, 2, 27, 23, 30, 15, 250000)
    step = datetime.timedelta(hours=1, minutes=7, seconds=3, microseconds=125)
    start = benchlib.clock()
    for _ in range(rounds):
        per_day, text_len, later, total = one_round(base, step)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(sum(per_day.values()), N, "per-day counts")
    benchlib.check_equal(len(per_day), 94, "days seen")
    benchlib.check_equal(later, N, "later than previous")
    benchlib.check_equal(text_len, 90000, "text length")
    benchlib.check_equal(str(total), "93171 days, 13:34:10.125000", "total")
    benchlib.check_equal(repr(min(per_day)), "datetime.date(2024, 2, 28)",
                         "first day")
    benchlib.report(elapsed, ops=rounds * N)


main()
