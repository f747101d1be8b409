import os.path as p
print(p.join("a", "b", "c.txt"), p.join("/root", "/abs"), p.join("a", ""), p.basename("/x/y/z.tar.gz"), p.dirname("/x/y/z"))
print(p.split("/a/b/c"), p.splitext("file.tar.gz"), p.splitext(".bashrc"), p.splitext("noext"), p.isabs("/x"), p.isabs("x"))
print(p.normpath("/a/./b/../c//d/"), p.normpath("a/../../b"), p.commonprefix(["/usr/lib", "/usr/local"]), p.commonpath(["/usr/lib", "/usr/local"]))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.exists("/"), p.isdir("/"), p.isfile("/definitely/not/here"))
print(p.sep, p.extsep, p.expanduser("~x/y") , p.splitdrive("/a/b"))
import os
print(os.sep, os.curdir, os.pardir, type(os.getpid()).__name__, os.path is p)
