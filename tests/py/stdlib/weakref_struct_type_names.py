# Messages that name a type the way CPython's tp_name does: module-qualified
# for a type written in C (sqlite3.Connection, mmap.mmap), the bare name for
# a built-in of builtins and for a class.
import collections
import mmap
import sqlite3
import struct
import weakref


class NoWeak:
    __slots__ = ()


for obj in (sqlite3.connect(":memory:"), 1, "s", NoWeak(), collections.OrderedDict()):
    try:
        weakref.ref(obj)
        print("ok", type(obj).__name__)
    except TypeError as e:
        print(e)

m = mmap.mmap(-1, 16, access=mmap.ACCESS_READ)
for buf in (m, b"abc", memoryview(b"xy")):
    try:
        struct.pack_into("b", buf, 0, 1)
    except TypeError as e:
        print(e)
m.close()
