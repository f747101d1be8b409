# sqlite3.Blob from Connection.blobopen: read/write/seek/tell, len, indexing
# and slicing, the context manager, errors, and close() of the connection.
import os
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t(b blob)")
con.execute("insert into t values (zeroblob(16))")
con.execute("insert into t values (?)", (b"0123456789",))

with con.blobopen("t", "b", 2) as blob:
    print(type(blob).__name__, len(blob), blob.tell())
    print(blob.read(3), blob.tell(), blob.read(), blob.read())
    blob.seek(-4, os.SEEK_END)
    print(blob.read(2), blob.tell())
    blob.seek(1)
    blob.seek(2, os.SEEK_CUR)
    print(blob.tell(), blob[0], blob[-1], blob[2:5], blob[::3], blob[5:2])
    blob[0] = ord("X")
    blob[1:3] = b"YZ"
    blob[4:10:2] = b"abc"
    print(bytes(blob[:]))

blob = con.blobopen("t", "b", 1)
blob.write(b"hello")
print(blob.tell(), blob[:8])
for fn in (lambda: blob.write(b"x" * 20), lambda: blob.seek(100), lambda: blob.seek(0, 7),
           lambda: blob[16], lambda: blob["a"], lambda: blob.__setitem__(0, 256),
           lambda: blob.__setitem__(slice(0, 2), b"abc"), lambda: blob.__delitem__(0), lambda: iter(blob),
           lambda: sqlite3.Blob()):
    try:
        fn()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
blob.close()
try:
    blob.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

print(con.execute("select b from t").fetchall())

ro = con.blobopen("t", "b", 2, readonly=True)
try:
    ro.write(b"z")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
for args in (("nope", "b", 1), ("t", "nope", 1), ("t", "b", 99)):
    try:
        con.blobopen(*args)
    except sqlite3.OperationalError as e:
        print("OperationalError", e)

still_open = con.blobopen("t", "b", 1)
con.close()
try:
    still_open.read()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
