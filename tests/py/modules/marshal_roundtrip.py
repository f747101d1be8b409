# marshal: round trips of the data types, bytes written by CPython 3.11
# (constants below), references, errors; and runpy.run_path, which needs it.
import marshal, io, os, tempfile

values = [None, True, False, Ellipsis, StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**100, -(3**80), 1.5, -0.0, float("inf"), 1e300, 2j, complex(1.5, -2), "", "abc", "é∞",
          "x" * 300, "\udc80", b"", b"\x00\xff", bytearray(b"ba"), (), (1, "a"), tuple(range(300)),
          [], [1, [2, [3]]], {}, {"a": 1, 2: (3, 4), None: [5]}, set(), {1, 2, 3}, frozenset({"x"}),
          frozenset()]
for v in values:
    for ver in range(5):
        got = marshal.loads(marshal.dumps(v, ver))
        ok = got == v or (v != v and got != got)
        if isinstance(v, float) and v == 0:
            ok = ok and str(got) == str(v)
        want_type = bytes if isinstance(v, bytearray) else type(v)
        if not ok or type(got) is not want_type:
            print("MISMATCH", ver, repr(v)[:40], repr(got)[:40])
print("round trips done")

shared = [1, 2]
obj = (shared, shared, "s", "s")
got = marshal.loads(marshal.dumps(obj))
print(got, got[0] is got[1])

# Written by CPython 3.11's marshal.dumps (the last: x = [7]; dumps([x, x])).
CPYTHON_REF = b'[\x02\x00\x00\x00\xdb\x01\x00\x00\x00\xe9\x07\x00\x00\x00r\x00\x00\x00\x00'
cpython = [
    b'\xe9\x05\x00\x00\x00',
    b'\xda\x03abc',
    b'\xa9\x02\xe9\x01\x00\x00\x00\xda\x01x',
    b'\xfb\xda\x01a\xe9\x01\x00\x00\x00\xda\x01b[\x02\x00\x00\x00\xe9\x02\x00\x00\x00\xe9\x03\x00\x00\x000',
    b'\xec\x03\x00\x00\x00\x00\x00\x00\x00\x10\x00',
    b'\xe7\x00\x00\x00\x00\x00\x00\xf8?',
    b'\xf5\x05\x00\x00\x00\xc3\xa9\xe2\x88\x9e',
    b'\xbc\x02\x00\x00\x00\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00',
    CPYTHON_REF,
]
for data in cpython:
    print(repr(marshal.loads(data)))

buf = io.BytesIO()
marshal.dump({"k": [1, 2.5]}, buf)
marshal.dump("second", buf)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf))
try:
    marshal.load(buf)
except EOFError as e:
    print("EOFError", e)

for bad in [b"", b"\x01", b"i\x01"]:
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [object(), [1, object()], len]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError", e)
print(marshal.version, marshal.loads(marshal.dumps(5) + b"junk"))

import runpy
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "script.py")
    with open(path, "w") as f:
        f.write("x = 6 * 7\nprint('run as', __name__)\n")
    ns = runpy.run_path(path)
    print(ns["x"], ns["__name__"])
    ns = runpy.run_path(path, run_name="__main__")
    print(ns["__name__"])
