# requires: 3.14
# Growing a shared anonymous map: Linux's mremap grows the mapping but not
# the shared memory behind it, so CPython before 3.14 "succeeds" and the next
# read of a new page dies with SIGBUS.  3.14 refuses with ValueError; a
# shrink, a private map and a file-backed map still resize.
import mmap
import os
import tempfile

PAGE = mmap.PAGESIZE
m = mmap.mmap(-1, 2 * PAGE)
m[PAGE] = 7
try:
    m.resize(3 * PAGE)
except ValueError as e:
    print("grow shared:", e)
print(len(m), m[PAGE])
m.resize(PAGE)                      # shrinking is fine
print("shrunk to", len(m) // PAGE, "page")
try:
    m.resize(PAGE + 1)
except ValueError as e:
    print("grow again:", e)
m.resize(PAGE)                      # same size: not a growth
m.close()

p = mmap.mmap(-1, PAGE, flags=mmap.MAP_PRIVATE)
p[PAGE - 1] = 9
p.resize(4 * PAGE)
p[3 * PAGE] = 5
print("private:", len(p) // PAGE, "pages", p[PAGE - 1], p[3 * PAGE], p[2 * PAGE])
p.close()

fd, path = tempfile.mkstemp()
try:
    os.write(fd, b"x" * PAGE)
    f = mmap.mmap(fd, PAGE)
    f.resize(2 * PAGE)
    f[PAGE] = 65
    print("file:", len(f) // PAGE, "pages", os.fstat(fd).st_size // PAGE, "pages on disk",
          f[:1], f[PAGE:PAGE + 1])
    f.close()
finally:
    os.close(fd)
    os.unlink(path)
