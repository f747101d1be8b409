import os
path = f"/tmp/ftpy_io_enc_{os.getpid()}.txt"
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo\nwörld ☃\r\nend\rx")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
with open(path, encoding="utf-8", newline="") as f:
    print(repr(f.read()))
with open(path, encoding="latin-1") as f:
    print(repr(f.read(8)))
try:
    with open(path, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason)
with open(path, encoding="ascii", errors="replace") as f:
    print(repr(f.read(6)))
os.remove(path)
