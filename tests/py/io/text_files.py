import os
path = f"/tmp/ftpy_io_text_{os.getpid()}.txt"
with open(path, "w") as f:
    print(f.write("first line\n"), f.write("second line\n"))
    f.writelines(["third\n", "fourth"])
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print([line.rstrip("\n") for line in f])
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path, "r+") as f:
    f.seek(0)
    f.write("FIRST")
    f.seek(0)
    print(f.read(10))
print(os.path.getsize(path), os.path.exists(path))
os.remove(path)
print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == path)
