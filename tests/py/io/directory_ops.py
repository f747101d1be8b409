import os
base = f"/tmp/ftpy_io_dir_{os.getpid()}"
os.makedirs(os.path.join(base, "sub", "deeper"))
for name in ["b.txt", "a.txt", "sub/c.txt"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name)
print(sorted(os.listdir(base)), os.path.isdir(os.path.join(base, "sub")))
walked = []
for root, dirs, files in os.walk(base):
    dirs.sort()
    walked.append((os.path.relpath(root, base), sorted(files)))
print(walked)
os.rename(os.path.join(base, "a.txt"), os.path.join(base, "renamed.txt"))
print(sorted(os.listdir(base)))
with os.scandir(base) as it:
    print(sorted((e.name, e.is_dir()) for e in it))
for root, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(root, f))
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.rmdir(base)
print(os.path.exists(base))
try:
    os.rmdir(base)
except FileNotFoundError as e:
    print(type(e).__name__)
