# dir_fd= on the path functions, scandir(fd), os.fwalk (top-down and
# bottom-up, bytes, follow_symlinks, onerror), the supports_* sets, and
# shutil.rmtree's descriptor-based walk that those sets switch on.
import os
import shutil
import stat
import tempfile


def show(n, f):
    try:
        print(n, "ok", f())
    except Exception as ex:
        print(n, type(ex).__name__, str(ex).replace(d, "D"))


d = tempfile.mkdtemp()
os.mkdir(d + "/sub")
with open(d + "/sub/f", "w") as f:
    f.write("x")
dfd = os.open(d, os.O_RDONLY)
show("open", lambda: os.close(os.open("sub", os.O_RDONLY, dir_fd=dfd)))
show("stat", lambda: os.stat("sub/f", dir_fd=dfd, follow_symlinks=False).st_size)
show("lstat", lambda: stat.S_ISDIR(os.lstat("sub", dir_fd=dfd).st_mode))
sfd = os.open("sub", os.O_RDONLY, dir_fd=dfd)
show("scandir", lambda: [(e.name, e.path, e.is_dir(), e.is_file()) for e in os.scandir(sfd)])
show("scandir twice", lambda: [e.name for e in os.scandir(sfd)])
show("listdir", lambda: os.listdir(sfd))
show("entry-stat", lambda: [e.stat(follow_symlinks=False).st_size for e in os.scandir(sfd)])
show("access", lambda: os.access("sub/f", os.R_OK, dir_fd=dfd))
show("access-missing", lambda: os.access("nope", os.R_OK, dir_fd=dfd))
show("chmod", lambda: os.chmod("sub/f", 0o640, dir_fd=dfd))
show("mode", lambda: oct(os.stat(d + "/sub/f").st_mode & 0o777))
show("utime", lambda: os.utime("sub/f", ns=(10**9, 2 * 10**9), dir_fd=dfd))
show("mtime", lambda: os.stat(d + "/sub/f").st_mtime_ns)
show("readlink", lambda: os.readlink("nolink", dir_fd=dfd))
show("symlink", lambda: os.symlink("sub/f", "lnk", dir_fd=dfd))
show("readlink2", lambda: os.readlink("lnk", dir_fd=dfd))
show("link", lambda: os.link("sub/f", "hl", src_dir_fd=dfd, dst_dir_fd=dfd))
show("rename", lambda: os.rename("hl", "hl2", src_dir_fd=dfd, dst_dir_fd=sfd))
show("replace", lambda: os.replace("hl2", "hl3", src_dir_fd=sfd, dst_dir_fd=sfd))
show("mkdir", lambda: os.mkdir("m", dir_fd=dfd))
show("unlink", lambda: os.unlink("hl3", dir_fd=sfd))
show("remove-missing", lambda: os.remove("hl3", dir_fd=sfd))
show("rmdir", lambda: os.rmdir("m", dir_fd=dfd))
show("mkfifo", lambda: os.mkfifo("fifo", dir_fd=dfd))
show("mknod", lambda: os.mknod("nod", dir_fd=dfd))
show("chown", lambda: os.chown("sub", os.getuid(), os.getgid(), dir_fd=dfd))
show("listing", lambda: sorted(os.listdir(d)))
show("bad dir_fd", lambda: os.stat("sub", dir_fd="x"))
show("stat fd+dir_fd", lambda: os.stat(sfd, dir_fd=dfd))
show("stat fd+nofollow", lambda: os.stat(sfd, follow_symlinks=False))
show("stat-nofollow", lambda: stat.S_ISLNK(os.stat(d + "/lnk", follow_symlinks=False).st_mode))
show("utime-nofollow", lambda: os.utime(d + "/lnk", follow_symlinks=False))
show("access-nofollow", lambda: os.access(d + "/lnk", os.R_OK, follow_symlinks=False))
show("chmod-nofollow", lambda: os.chmod(d + "/lnk", 0o755, follow_symlinks=False))
# Threads asking the same DirEntry objects for stat() at once all get equal
# results, and afterwards each entry answers from its cache. (Identity across
# the racing threads is not compared: CPython's entries can compute stat
# twice when two threads ask first, so only ftpy's critical section promises it.)
import threading
entries = list(os.scandir(d))
results = []
def stat_all():
    results.append([e.stat(follow_symlinks=False) for e in entries] +
                   [e.stat() for e in entries if e.name != "lnk"])
ts = [threading.Thread(target=stat_all) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("shared stat cache:", all(r == results[0] for r in results),
      all(e.stat(follow_symlinks=False) is e.stat(follow_symlinks=False) for e in entries), len(results))
os.close(sfd)
os.close(dfd)
for x in ("fifo", "nod", "lnk"):
    os.unlink(os.path.join(d, x))

# A tree for fwalk: a/b/c, files, a symlink to a directory and a dangling one.
os.makedirs(d + "/t/a/b/c")
for n in ("t/top.txt", "t/a/x", "t/a/b/y", "t/a/b/c/z"):
    with open(os.path.join(d, n), "w") as f:
        f.write(n)
os.symlink("a/b", d + "/t/linkdir")
os.symlink("missing", d + "/t/dangling")


def norm(rows):
    return sorted((os.path.relpath(p, d), sorted(ds), sorted(fs), isinstance(fd, int)) for p, ds, fs, fd in rows)


for topdown in (True, False):
    rows = list(os.fwalk(d + "/t", topdown=topdown))
    print("fwalk topdown=%s" % topdown)
    for r in norm(rows):
        print("  ", r)
    order = [os.path.relpath(p, d) for p, _, _, _ in rows]
    print("   parent before child:", order.index("t") < order.index("t/a") if topdown else order.index("t") > order.index("t/a"))
print("follow", norm(os.fwalk(d + "/t", follow_symlinks=True))[-1])
print("bytes", sorted((p.replace(os.fsencode(d), b"D"), sorted(ds), sorted(fs)) for p, ds, fs, _ in os.fwalk(os.fsencode(d + "/t/a"))))
# Pruning dirnames top-down.
seen = []
for p, ds, fs, fd in os.fwalk(d + "/t"):
    seen.append(os.path.relpath(p, d))
    if "b" in ds:
        ds.remove("b")
print("pruned", sorted(seen))
# The dirfd is usable while the step runs.
for p, ds, fs, fd in os.fwalk(d + "/t/a/b/c"):
    print("read via dirfd", [open(os.open(n, os.O_RDONLY, dir_fd=fd)).read() for n in fs])
# dir_fd= for the top.
tfd = os.open(d + "/t", os.O_RDONLY)
print("dir_fd top", sorted(p for p, _, _, _ in os.fwalk("a", dir_fd=tfd)))
os.close(tfd)
errs = []
show("missing top raises", lambda: list(os.fwalk(d + "/nope")))
print("file top", list(os.fwalk(d + "/t/top.txt")))
print("symlink top", list(os.fwalk(d + "/t/linkdir")))
print("fwalk in __all__", "fwalk" in os.__all__)

print("dir_fd:", sorted(f.__name__ for f in os.supports_dir_fd))
print("fd:", sorted(f.__name__ for f in os.supports_fd))
print("follow:", sorted(f.__name__ for f in os.supports_follow_symlinks))
print("effective:", sorted(f.__name__ for f in os.supports_effective_ids))
print("rmtree safe:", shutil.rmtree.avoids_symlink_attacks)
errs = []
shutil.rmtree(d + "/t/linkdir", onerror=lambda *a: errs.append((a[0].__name__, type(a[2][1]).__name__)))
print("rmtree on symlink:", errs)
shutil.rmtree(d + "/t")
print("after rmtree", os.listdir(d))
shutil.rmtree(d)
print(os.path.exists(d))
