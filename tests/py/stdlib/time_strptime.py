# time.strptime / datetime.strptime: directives, defaults, week numbers, ISO
# weeks, time zones, errors; struct_time construction; strftime round trips.
import time, datetime

def show(s, f):
    try:
        t = time.strptime(s, f)
        print(repr(s), repr(f), tuple(t), t.tm_zone, t.tm_gmtoff)
    except (ValueError, TypeError) as e:
        print(repr(s), repr(f), type(e).__name__, e)

show("2020-01-02", "%Y-%m-%d")
show("31/12/99", "%d/%m/%y")
show("1/1/68", "%d/%m/%y")
show("1/1/69", "%d/%m/%y")
show("Mon Jan  5 13:04:05 2015", "%a %b %d %H:%M:%S %Y")
show("Thu Nov 14 22:13:20 2023", "%c")
show("tuesday MARCH 3 2020", "%A %B %d %Y")
show("12:30:15 AM", "%I:%M:%S %p")
show("12:30:15 pm", "%I:%M:%S %p")
show("01:00 PM", "%I:%M %p")
show("366 2020", "%j %Y")
show("60", "%j")
show("2021 10 3", "%Y %U %w")
show("2021 10 3", "%Y %W %w")
show("2021 0 0", "%Y %U %w")
show("2021 0 1", "%Y %W %w")
show("2024 53 6", "%Y %W %w")
show("2020 1 1", "%G %V %u")
show("2021 52 7", "%G %V %u")
show("2019 1 Mon", "%G %V %a")
show("Feb 29", "%b %d")
show("2023-02-29", "%Y-%m-%d")
show("2024-02-29", "%Y-%m-%d")
show("10:20:30.5", "%H:%M:%S.%f")
show("+0530", "%z")
show("-08:00", "%z")
show("Z", "%z")
show("UTC", "%Z")
show("gmt", "%Z")
show("100%", "%d%%")
show("  2020   5", "%Y %m")
show("2020-1-2 extra", "%Y-%m-%d")
show("2020/01/02", "%Y-%m-%d")
show("2020", "%Q")
show("2020", "%Y%")
show("61", "%S")
show("62", "%S")
show("24", "%H")
show("12/31/98", "%x")
show("23:59:59", "%X")

show("2020 1 1", "%G %V %j")
show("1 1", "%V %u")
show(5, "%Y")
show("2020", 5)
print(time.strptime("Jan 01 2000 00:00:00") if False else time.strptime("Sat Jan  1 00:00:00 2000"))

d = datetime.datetime.strptime("2024-03-04 05:06:07.000089", "%Y-%m-%d %H:%M:%S.%f")
print(repr(d), d.weekday())
d = datetime.datetime.strptime("2024-03-04T05:06+0200", "%Y-%m-%dT%H:%M%z")
print(repr(d), d.utcoffset())
d = datetime.datetime.strptime("2024-03-04 -01:30:15.5 UTC", "%Y-%m-%d %z %Z")
print(repr(d), d.tzname())
print(repr(datetime.date.fromisoformat("2021-05-06")), datetime.datetime.strptime("5", "%m").month)

for ts in (0, 86399, 951782400, 1709164800, 2147483647, 4102444800):
    g = time.gmtime(ts)
    s = time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %p %I %%", g)
    back = time.strptime(s, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %p %I %%")
    print(s, tuple(back) == tuple(g)[:8] + (-1,), time.mktime(g) - ts, time.asctime(g))
    print(time.strftime("%G-W%V-%u %C %e %D %T %R %F %h", g))

st = time.struct_time((2024, 2, 29, 12, 0, 0, 3, 60, 0))
print(st, st.tm_zone, st.tm_gmtoff, time.strftime("%Y %m %d", st), time.mktime(st))
st = time.struct_time((2024, 2, 29, 12, 0, 0, 3, 60, 0, "XYZ", 7200))
print(st.tm_zone, st.tm_gmtoff, st[:], len(st), st.n_fields, st.n_sequence_fields)
print(time.struct_time([1] * 9, {"tm_zone": "Q"}).tm_zone)
for bad in [(1, 2), list(range(12)), 3, "abcdefghi"]:
    try:
        print(time.struct_time(bad))
    except TypeError as e:
        print("TypeError", e)
g = time.gmtime(1234567890)
print(g == (2009, 2, 13, 23, 31, 30, 4, 44, 0), g[-1], g[1:3], hash(g) == hash(tuple(g)))
try:
    g.tm_year = 5
except AttributeError as e:
    print("AttributeError", e)
print(time.localtime(0), time.localtime(0).tm_zone)
print(time.gmtime(-86400), time.gmtime(1.99).tm_sec, time.gmtime(-1.5).tm_sec)
for args in [("%Y",), ("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0, 0))]:
    try:
        print(len(time.strftime(*args)) >= 0)
    except TypeError as e:
        print("TypeError", e)
print(time.strftime("%Y-%m-%d", (2020, 2, 30, 0, 0, 0, 0, 1, -5)))
for bad in [(2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0),
            (2020, 1, 1, 0, 0, 0, -1, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError", e)
