# io objects, built-in functions and bound built-in methods take weak references.
import gc
import io
import os
import tempfile
import weakref

events = []


def check(name, make):
    obj = make()
    r = weakref.ref(obj, lambda w: events.append(name))
    print(name, type(obj).__name__, r() is obj)
    fin = weakref.finalize(obj, events.append, name + ":finalized")
    print("  alive", fin.alive)
    del obj
    gc.collect()
    print("  dead", r() is None, fin.alive)


d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")
with open(path, "w") as f:
    f.write("hello\n")

check("BytesIO", lambda: io.BytesIO(b"abc"))
check("StringIO", lambda: io.StringIO("abc"))
check("FileIO", lambda: io.FileIO(path))
check("BufferedReader", lambda: open(path, "rb"))
check("BufferedWriter", lambda: open(os.path.join(d, "w.bin"), "wb"))
check("BufferedRandom", lambda: open(path, "r+b"))
check("TextIOWrapper", lambda: open(path))
check("BufferedRWPair", lambda: io.BufferedRWPair(io.BytesIO(b"x"), io.BytesIO()))
print(events)

# A WeakSet of open files, and a WeakValueDictionary of them.
files = [open(path) for _ in range(3)]
ws = weakref.WeakSet(files)
wd = weakref.WeakValueDictionary((i, f) for i, f in enumerate(files))
print(len(ws), sorted(wd.keys()))
files[1].close()
del files[1]
gc.collect()
print(len(ws), sorted(wd.keys()))
for f in files:
    f.close()
del files, f
gc.collect()
print(len(ws), len(wd))

# Subclasses (in Python) of the io classes keep weak reference support.
class MyBytes(io.BytesIO):
    pass


class MyRaw(io.RawIOBase):
    def readable(self):
        return True


for cls in (MyBytes, MyRaw, io.StringIO, io.BytesIO):
    o = cls()
    r = weakref.ref(o)
    print(cls.__name__, r() is o)
    del o
    print("  gone", r() is None)

# The standard streams and their binary layers too.
import sys
for o in (sys.stdin, sys.stdout, sys.stderr, sys.stdout.buffer):
    print("std stream", weakref.ref(o)() is o)

# weakref.proxy to a file
b = io.BytesIO(b"data")
p = weakref.proxy(b)
print(p.read())
del b
try:
    p.read()
except ReferenceError as e:
    print("ReferenceError", e)

# Built-in functions and bound built-in methods.
r = weakref.ref(len)
print(r() is len, r()("abc"))
import math
print(weakref.ref(math.sqrt)() is math.sqrt)
lst = [1, 2]
m = lst.append
rm = weakref.ref(m, lambda w: print("bound method collected"))
print(rm() is m)
rm()(3)
print(lst)
del m
gc.collect()
print(rm())
wv = weakref.WeakValueDictionary()
wv["len"] = len
wv["print"] = print
print(sorted(wv))
# Unbound method descriptors and slot wrappers still refuse, as in CPython.
for obj in (list.append, int.__add__, (1).__add__):
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print("TypeError", e)

for name in os.listdir(d):
    os.unlink(os.path.join(d, name))
os.rmdir(d)
