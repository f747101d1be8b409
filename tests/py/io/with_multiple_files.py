import os
pid = os.getpid()
src, dst = f"/tmp/ftpy_io_src_{pid}", f"/tmp/ftpy_io_dst_{pid}"
with open(src, "w") as f:
    f.write("\n".join(f"line {i}" for i in range(5)))
with open(src) as fin, open(dst, "w") as fout:
    for n, line in enumerate(fin, 1):
        fout.write(f"{n}: {line.upper()}")
with open(dst) as f:
    print(f.read())
for p in (src, dst):
    os.remove(p)
print(any(os.path.exists(p) for p in (src, dst)))
