import os
path = f"/tmp/ftpy_io_state_{os.getpid()}.txt"
f = open(path, "w")
print(f.closed, f.mode, f.name == path, f.writable(), f.readable(), f.encoding.lower().replace("-", ""))
f.write("data")
f.close()
print(f.closed)
try:
    f.write("more")
except ValueError as e:
    print(type(e).__name__, e)
with open(path) as g:
    pass
print(g.closed)
try:
    open(path, "rw")
except ValueError as e:
    print(type(e).__name__, e)
with open(path, "rb") as b:
    print(b.mode, b.read(), type(b).__name__)
with open(path, "x" if not os.path.exists(path) else "r") as h:
    print(h.mode)
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__)
os.remove(path)
