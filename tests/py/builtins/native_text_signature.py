# __text_signature__ and inspect.signature() of native functions and
# methods: CPython has a text signature only where the docstring carries one
# (Argument Clinic); methods that parse *args/**kwargs by hand, such as the
# datetime types' replace(), have none, and inspect.signature() raises
# ValueError for them. Module functions' signatures start with $module.
import collections
import datetime
import inspect
import itertools
import math
import re
import time

ADDR = re.compile(r"0x[0-9a-f]+")


def show(label, f):
    ts = getattr(f, "__text_signature__", "<no attribute>")
    try:
        sig = str(inspect.signature(f))
    except ValueError as e:
        sig = "ValueError: " + ADDR.sub("ADDR", str(e))
    print(f"{label:34} {ts!r:45} {sig}")


d = datetime.date(2020, 5, 17)
dt = datetime.datetime(2020, 5, 17, 12, 30)
tm = datetime.time(1, 2, 3)
td = datetime.timedelta(days=1)
tz = datetime.timezone.utc

cases = [
    ("date.replace", datetime.date.replace),
    ("date().replace", d.replace),
    ("datetime.replace", datetime.datetime.replace),
    ("datetime().replace", dt.replace),
    ("time.replace", datetime.time.replace),
    ("time().isoformat", tm.isoformat),
    ("date.today", datetime.date.today),
    ("date.fromisoformat", datetime.date.fromisoformat),
    ("date.fromordinal", datetime.date.fromordinal),
    ("date.strftime", datetime.date.strftime),
    ("date.__format__", datetime.date.__format__),
    ("date.isocalendar", datetime.date.isocalendar),
    ("datetime.combine", datetime.datetime.combine),
    ("datetime.astimezone", datetime.datetime.astimezone),
    ("datetime.now", datetime.datetime.now),
    ("datetime.fromtimestamp", datetime.datetime.fromtimestamp),
    ("datetime().timestamp", dt.timestamp),
    ("timedelta.total_seconds", datetime.timedelta.total_seconds),
    ("timedelta().total_seconds", td.total_seconds),
    ("timezone.utcoffset", datetime.timezone.utcoffset),
    ("timezone().tzname", tz.tzname),
    ("tzinfo.utcoffset", datetime.tzinfo.utcoffset),
    ("dict.update", dict.update),
    ("dict.get", dict.get),
    ("dict.pop", dict.pop),
    ("dict.fromkeys", dict.fromkeys),
    ("dict.__new__", dict.__new__),
    ("dict.keys", dict.keys),
    ("list.append", list.append),
    ("list.sort", list.sort),
    ("[].append", [].append),
    ("str.format", str.format),
    ("str.split", str.split),
    ("str.join", str.join),
    ("str.center", str.center),
    ("set.union", set.union),
    ("set.add", set.add),
    ("frozenset.isdisjoint", frozenset.isdisjoint),
    ("bytes.count", bytes.count),
    ("bytes.hex", bytes.hex),
    ("int.from_bytes", int.from_bytes),
    ("int.__trunc__", int.__trunc__),
    ("object.__init_subclass__", object.__init_subclass__),
    ("range.index", range.index),
    ("deque.append", collections.deque.append),
    ("deque.rotate", collections.deque.rotate),
    ("itertools.chain.from_iterable", itertools.chain.from_iterable),
    ("len", len),
    ("print", print),
    ("sorted", sorted),
    ("iter", iter),
    ("max", max),
    ("getattr", getattr),
    ("math.sqrt", math.sqrt),
    ("math.hypot", math.hypot),
    ("math.log", math.log),
    ("time.time", time.time),
    ("time.sleep", time.sleep),
    ("time.strftime", time.strftime),
]
for label, f in cases:
    show(label, f)

# A Python subclass's inherited natives keep CPython's answers.
class MyDate(datetime.date):
    pass


show("MyDate.replace", MyDate.replace)
show("MyDate().replace", MyDate(2021, 1, 2).replace)
print(ADDR.sub("ADDR", repr(d.replace)), ADDR.sub("ADDR", repr(dt.astimezone)))
print(repr([].append)[:30], repr(MyDate(2021, 1, 2).replace)[:36])
