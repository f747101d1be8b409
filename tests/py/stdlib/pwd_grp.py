# pwd and grp: the records, their shape, lookups that fail, argument errors
# (CPython's uid/gid conversion rules), and the library code that uses them
# (os.path.expanduser with ~name or without $HOME, getpass.getuser).
import grp
import os
import pwd

root = pwd.getpwuid(0)
print(root)
print(type(root).__mro__, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
print(root.pw_name, root[0], len(root), root[2:4], root.pw_dir == root[5])
print(root == pwd.getpwnam("root"), hash(root) == hash(pwd.getpwnam("root")))
print(grp.getgrgid(0))
print(grp.getgrnam("root").gr_gid, type(grp.getgrnam("root").gr_mem))
print(sorted(n for n in dir(pwd) if not n.startswith("__")))
print(sorted(n for n in dir(grp) if not n.startswith("__")))
print(pwd.struct_passwd(("a", "b", 1, 2, "g", "d", "s")))

users = pwd.getpwall()
print(type(users), all(type(u) is pwd.struct_passwd for u in users), "root" in [u.pw_name for u in users])
groups = grp.getgrall()
print(type(groups), all(isinstance(g.gr_mem, list) for g in groups), 0 in [g.gr_gid for g in groups])

nul = "a\x00b"
calls = [
    lambda: pwd.getpwuid(99999), lambda: pwd.getpwnam("no such user"), lambda: pwd.getpwuid(-1),
    lambda: pwd.getpwuid("x"), lambda: pwd.getpwnam(5), lambda: pwd.getpwuid(2**40), lambda: pwd.getpwuid(-2),
    lambda: pwd.getpwuid(1.5), lambda: pwd.getpwuid(True).pw_uid, lambda: pwd.getpwnam(nul),
    lambda: pwd.getpwuid(), lambda: pwd.struct_passwd((1, 2)), lambda: pwd.getpwnam(b"root"),
    lambda: pwd.getpwuid(2**32 - 1), lambda: pwd.getpwuid(2**32), lambda: pwd.getpwuid(0, 1),
    lambda: pwd.getpwuid(uid=0), lambda: pwd.getpwnam(name="x"),
    lambda: grp.getgrgid(99999), lambda: grp.getgrnam("no such group"), lambda: grp.getgrgid("x"),
    lambda: grp.getgrgid(2**40), lambda: grp.getgrgid(-5), lambda: grp.getgrgid(2**32),
    lambda: grp.getgrgid(2**32 - 1), lambda: grp.getgrgid(2**63), lambda: grp.getgrgid(2**64),
    lambda: grp.getgrgid(-2**63 - 1), lambda: grp.getgrgid(-1), lambda: grp.getgrnam(nul),
    lambda: grp.getgrgid(id=0).gr_name, lambda: grp.getgrnam(name=5),
]
for c in calls:
    try:
        print("ok", c())
    except Exception as e:
        print(type(e).__name__, e)

for p in ["~root", "~root/a/b", "~no such user/x", b"~root/y", "x~"]:
    print(repr(p), repr(os.path.expanduser(p)))
os.environ.pop("HOME", None)
print(os.path.expanduser("~/q") == pwd.getpwuid(os.getuid()).pw_dir.rstrip("/") + "/q")
os.environ["HOME"] = "/"
print(os.path.expanduser("~"), os.path.expanduser("~/z"))

import getpass
os.environ.pop("LOGNAME", None)
os.environ.pop("USER", None)
os.environ.pop("LNAME", None)
os.environ.pop("USERNAME", None)
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
