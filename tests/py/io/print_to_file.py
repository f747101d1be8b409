import io, sys, os
buf = io.StringIO()
print("a", 1, [2], sep="|", end=";", file=buf)
print("second", file=buf)
print(repr(buf.getvalue()))
path = f"/tmp/ftpy_io_print_{os.getpid()}.txt"
with open(path, "w") as f:
    for i in range(3):
        print(f"row {i}", i * i, file=f)
with open(path) as f:
    print(f.read(), end="")
os.remove(path)
sys.stdout.write("direct write\n")
print(sys.stdout.write("x") , flush=True)
sys.stderr.write("err line\n")
print("after stderr", file=sys.stdout)
