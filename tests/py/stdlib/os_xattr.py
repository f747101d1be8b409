# Extended attributes (getxattr, setxattr, listxattr, removexattr) on paths,
# fds and symlinks, with CPython's errors; needs a file system with user.*
# attributes (tmpfs and ext4 have them).
import os
import tempfile


def show(f):
    try:
        print("ok", f())
    except Exception as ex:
        print(type(ex).__name__, str(ex).replace(d, "D"), getattr(ex, "errno", ""),
              (getattr(ex, "filename", "") or "").replace(d, "D"))


d = tempfile.mkdtemp()
p = os.path.join(d, "f")
with open(p, "wb") as f:
    f.write(b"x")
fd = os.open(p, os.O_RDWR)
print(os.XATTR_CREATE, os.XATTR_REPLACE, os.XATTR_SIZE_MAX)
show(lambda: os.setxattr(p, "user.a", b"1"))
show(lambda: os.setxattr(p, "user.b", b"22", os.XATTR_CREATE))
show(lambda: os.setxattr(p, "user.b", b"22", os.XATTR_CREATE))
show(lambda: os.setxattr(p, "user.c", b"3", os.XATTR_REPLACE))
show(lambda: os.setxattr(p, "user.big", bytes(range(256)) * 4))
show(lambda: len(os.getxattr(p, "user.big")))
show(lambda: sorted(os.listxattr(p)))
show(lambda: sorted(os.listxattr(fd)))
show(lambda: sorted(os.listxattr(p.encode())))
show(lambda: os.getxattr(p, "user.b"))
show(lambda: os.getxattr(fd, b"user.a"))
show(lambda: os.getxattr(p, "user.zz"))
show(lambda: os.getxattr(p.encode(), "user.a"))
show(lambda: os.removexattr(p, "user.a"))
show(lambda: os.removexattr(p, "user.a"))
show(lambda: os.removexattr(fd, "user.big"))
show(lambda: os.listxattr(path=p, follow_symlinks=False))
show(lambda: os.getxattr(fd, "user.b", follow_symlinks=False))
show(lambda: os.getxattr(p, 5))
show(lambda: os.getxattr(5.5, "a"))
show(lambda: os.setxattr(p, "user.x", "str"))
show(lambda: os.getxattr(d + "/nope", "user.a"))
show(lambda: os.listxattr(d + "/nope"))
show(lambda: type(os.listxattr()))
os.symlink(p, d + "/lnk")
show(lambda: os.getxattr(d + "/lnk", "user.b"))
show(lambda: os.getxattr(d + "/lnk", "user.b", follow_symlinks=False))
show(lambda: os.listxattr(d + "/lnk", follow_symlinks=False))
show(lambda: os.setxattr(d + "/lnk", "user.q", b"1", follow_symlinks=False))
show(lambda: os.removexattr(d + "/lnk", "user.b", follow_symlinks=False))
os.close(fd)
import shutil
shutil.rmtree(d)
