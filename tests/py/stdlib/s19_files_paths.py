# A file-organiser script: pathlib, tempfile, shutil, os.walk, glob, fnmatch.
# Only paths relative to the temporary root are printed.
import os
import glob
import fnmatch
import shutil
import tempfile
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

with tempfile.TemporaryDirectory(prefix="s19_") as tmp:
    root = Path(tmp)
    layout = {
        "src/app.py": "print('app')\n",
        "src/util/helpers.py": "def h():\n    return 1\n",
        "src/util/__init__.py": "",
        "docs/readme.md": "# Title\n\nText.\n",
        "docs/img/logo.png": "PNG",
        "data/a.csv": "x,y\n1,2\n",
        "data/b.CSV": "x,y\n",
        ".hidden/secret.txt": "s",
    }
    for rel, content in layout.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content)

    def rel(p):
        return Path(p).relative_to(root).as_posix()

    print(sorted(rel(p) for p in root.rglob("*.py")))
    print(sorted(rel(p) for p in root.glob("*/*")))
    print(sorted(rel(p) for p in root.glob("**/")))
    print(sorted(rel(p) for p in (root / "data").iterdir()))
    print(sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, "**", "*.md"), recursive=True)))
    print(sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, "*"))))
    print(sorted(os.path.relpath(p, tmp) for p in glob.glob(os.path.join(tmp, ".*"))))
    print(sorted(glob.glob("*.csv", root_dir=root / "data")), glob.escape("a[b]*?.txt"))
    names = ["a.csv", "b.CSV", "c.txt", "d.py", "x1.py", "x10.py"]
    print(fnmatch.filter(names, "*.csv"), fnmatch.fnmatch("b.CSV", "*.csv"), fnmatch.fnmatchcase("b.CSV", "*.csv"))
    print(fnmatch.filter(names, "x?.py"), fnmatch.filter(names, "[a-c].*"), fnmatch.filter(names, "[!a-c]*"))
    print(fnmatch.translate("*.py[co]"))

    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        print(rel(dirpath) or ".", dirnames, sorted(filenames))
    for dirpath, dirnames, filenames in os.walk(root / "src", topdown=False):
        print("bottom-up", rel(dirpath), sorted(dirnames), sorted(filenames))

    # sizes, stat, suffixes
    p = root / "docs" / "readme.md"
    print(p.stat().st_size, p.suffix, p.stem, p.name, rel(p.parent), p.exists(), p.is_file(), p.is_dir())
    print(p.with_suffix(".txt").name, p.with_name("x.md").name, p.with_stem("new").name)
    print(p.read_text().splitlines(), p.read_bytes()[:7])
    os.chmod(p, 0o640)
    print(oct(stat.S_IMODE(p.stat().st_mode)), stat.filemode(p.stat().st_mode))

    # copy, move, archive
    shutil.copytree(root / "src", root / "backup" / "src", ignore=shutil.ignore_patterns("__init__.py"))
    print(sorted(rel(x) for x in (root / "backup").rglob("*")))
    shutil.copy2(p, root / "backup")
    shutil.move(str(root / "backup" / "readme.md"), str(root / "backup" / "README"))
    print(sorted(x.name for x in (root / "backup").iterdir()))
    arch = shutil.make_archive(str(root / "bk"), "zip", root_dir=root / "backup")
    print(rel(arch), Path(arch).stat().st_size > 0)
    shutil.unpack_archive(arch, root / "restored")
    print(sorted(rel(x) for x in (root / "restored").rglob("*")))
    shutil.rmtree(root / "backup")
    print((root / "backup").exists())
    try:
        shutil.rmtree(root / "nope")
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.strerror)
    try:
        (root / "data").rmdir()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        (root / "missing.txt").read_text()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.strerror, rel(e.filename))
    (root / "data" / "a.csv").rename(root / "data" / "a2.csv")
    (root / "data" / "b.CSV").unlink()
    (root / "link").symlink_to("data")
    print(sorted(x.name for x in (root / "link").iterdir()), (root / "link").is_symlink(), os.readlink(root / "link"))
    print((root / "link").resolve() == (root / "data").resolve())
    print(sum(1 for _ in root.rglob("*")), shutil.disk_usage(tmp).total > 0)

    with tempfile.NamedTemporaryFile("w+", dir=tmp, suffix=".log", delete=False) as f:
        f.write("line1\nline2\n")
        f.seek(0)
        print(f.readlines(), Path(f.name).suffix, Path(f.name).parent == root)
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
        sp.write("short")
        print(sp._rolled)
        sp.write("x" * 20)
        print(sp._rolled)
    fd, name = tempfile.mkstemp(dir=tmp, text=True)
    os.write(fd, b"abc")
    os.close(fd)
    print(Path(name).read_text(), Path(tempfile.mkdtemp(dir=tmp)).is_dir())
print(os.path.exists(tmp))

pp = PurePosixPath("/usr/local/lib/python3.11/site.py")
print(pp.parts, pp.parents[1], pp.anchor, pp.suffixes, pp.relative_to("/usr"), pp.match("lib/*/*.py"))
print(PurePosixPath("a/b/../c"), PurePosixPath("a") / "b" / "/c", PurePosixPath("x.tar.gz").suffixes)
w = PureWindowsPath(r"C:\Users\Ann\file.TXT")
print(w.drive, w.root, w.parts, w.as_posix(), w.suffix, w == PureWindowsPath("c:/users/ann/FILE.txt"))
try:
    PurePosixPath("/a/b").relative_to("/c")
except ValueError as e:
    print("ValueError", e)
try:
    PurePosixPath("a").with_suffix("bad")
except ValueError as e:
    print("ValueError", e)
print(os.path.splitext("archive.tar.gz"), os.path.normpath("/a//b/./c/../d"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
print(os.path.join("a", "", "b", "/c", "d"), os.path.basename("/x/y/"), os.path.split("/x/y"), os.path.isabs("x"))
