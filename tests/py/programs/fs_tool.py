"""pathlib/tempfile/shutil/glob/fnmatch/zipfile file manipulation."""
import os
import pathlib
import shutil
import tempfile
import fnmatch
import glob
import zipfile
import filecmp
import hashlib
import stat
import io

root = pathlib.Path(tempfile.mkdtemp(prefix="fs_tool_"))
try:
    proj = root / "proj"
    (proj / "src" / "pkg").mkdir(parents=True)
    (proj / "docs").mkdir()
    files = {
        "src/pkg/__init__.py": "",
        "src/pkg/core.py": "def f():\n    return 1\n",
        "src/pkg/util.py": "X = 2\n" * 3,
        "docs/index.md": "# Title\n\nText é\n",
        "docs/notes.txt": "line1\r\nline2\r\n",
        "README": "readme",
        ".hidden": "h",
    }
    for rel, text in files.items():
        p = proj / rel
        p.write_text(text, encoding="utf-8", newline="")
    def rel(p):
        return p.relative_to(root).as_posix()
    print(sorted(rel(p) for p in proj.rglob("*")))
    print(sorted(rel(p) for p in proj.glob("**/*.py")))
    print(sorted(rel(p) for p in proj.glob("*")))
    print(sorted(os.path.relpath(p, root) for p in glob.glob(str(proj / "**" / "*.md"), recursive=True)))
    print(sorted(os.path.basename(p) for p in glob.glob(str(proj / "*"))), glob.escape("a[b]*?"))
    print(fnmatch.filter(["a.py", "b.PY", "c.txt", "d.pyc"], "*.py"), fnmatch.fnmatch("X.TXT", "*.txt"),
          fnmatch.fnmatchcase("X.TXT", "*.txt"), fnmatch.translate("[!a-c]*.?"))
    core = proj / "src/pkg/core.py"
    print(core.name, core.stem, core.suffix, core.suffixes, core.parent.name, rel(core.parents[1]))
    print(core.with_suffix(".pyc").name, core.with_name("x.py").name, core.with_stem("kern").name)
    print(pathlib.PurePosixPath("/a/b/../c.tar.gz").suffixes, pathlib.PurePosixPath("a//b/./c").parts)
    print(pathlib.PurePosixPath("/a/b").is_relative_to("/a"), pathlib.PurePosixPath("/a/b").match("*/b"))
    print(pathlib.PurePosixPath("/x") / "y" / "/z", pathlib.PurePath("a", "b").joinpath("c"), repr(pathlib.PurePosixPath("q")))
    print(pathlib.PureWindowsPath(r"C:\Users\me\file.TXT").parts, pathlib.PureWindowsPath("c:/a") == pathlib.PureWindowsPath("C:\\A"))
    try:
        core.relative_to(proj / "docs")
    except ValueError as e:
        print("ValueError:", str(e).replace(str(root), "ROOT"))
    try:
        pathlib.PurePosixPath("a").with_suffix("bad")
    except ValueError as e:
        print("ValueError:", e)
    print(core.read_text(), core.stat().st_size, core.exists(), core.is_file(), core.is_dir(), (proj / "nope").exists())
    print(repr((proj / "docs/notes.txt").read_bytes()), repr((proj / "docs/notes.txt").read_text()))
    with open(proj / "docs/notes.txt", newline="") as fh:
        print(repr(fh.read()))
    with open(proj / "docs/notes.txt") as fh:
        print(fh.readlines(), fh.newlines)
    with (proj / "docs/index.md").open("rb") as fh:
        fh.seek(2)
        print(fh.read(5), fh.tell(), fh.seek(-3, os.SEEK_END), fh.read())
    with (proj / "log.txt").open("a+") as fh:
        fh.write("one\n")
        fh.seek(0)
        print(repr(fh.read()), fh.mode, fh.encoding)
    backup = root / "backup"
    shutil.copytree(proj, backup, ignore=shutil.ignore_patterns("*.md", ".*"))
    print(sorted(rel(p) for p in backup.rglob("*")))
    cmp = filecmp.dircmp(proj, backup)
    print(sorted(cmp.left_only), sorted(cmp.right_only), sorted(cmp.common_dirs), sorted(cmp.same_files))
    shutil.move(str(backup / "README"), str(backup / "README.txt"))
    shutil.copy2(core, backup / "core_copy.py")
    print(filecmp.cmp(core, backup / "core_copy.py", shallow=False), sorted(os.listdir(backup)))
    os.chmod(backup / "core_copy.py", 0o640)
    print(oct(stat.S_IMODE((backup / "core_copy.py").stat().st_mode)), stat.filemode((backup / "core_copy.py").stat().st_mode))
    arch = shutil.make_archive(str(root / "bundle"), "zip", root_dir=proj)
    with zipfile.ZipFile(arch) as zf:
        print(sorted(zf.namelist()))
        print(zf.read("src/pkg/core.py").decode(), zf.getinfo("README").file_size)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "hello " * 100)
        zf.writestr(zipfile.ZipInfo("dir/", date_time=(2020, 1, 1, 0, 0, 0)), "")
    with zipfile.ZipFile(buf) as zf:
        for info in zf.infolist():
            print(info.filename, info.file_size, info.compress_size < info.file_size or info.is_dir(), info.is_dir())
        print(zf.testzip())
    try:
        zipfile.ZipFile(io.BytesIO(b"not a zip"))
    except zipfile.BadZipFile as e:
        print("BadZipFile:", e)
    h = hashlib.sha256()
    for p in sorted(proj.rglob("*.py")):
        h.update(p.read_bytes())
    print(h.hexdigest()[:16])
    for dirpath, dirnames, filenames in os.walk(proj):
        dirnames.sort()
        print(os.path.relpath(dirpath, root), sorted(filenames))
    with os.scandir(proj) as it:
        print(sorted((e.name, e.is_dir()) for e in it))
    tmp = tempfile.NamedTemporaryFile("w+", suffix=".tmp", dir=root, delete=False)
    tmp.write("temp data")
    tmp.close()
    print(pathlib.Path(tmp.name).suffix, pathlib.Path(tmp.name).read_text())
    os.unlink(tmp.name)
    with tempfile.TemporaryDirectory(dir=root) as d:
        print(os.path.isdir(d))
    print(os.path.isdir(d))
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sf:
        sf.write("tiny")
        print(sf._rolled)
        sf.write("x" * 20)
        print(sf._rolled)
    try:
        (proj / "docs").rmdir()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        open(root / "missing" / "f.txt")
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror, e.filename.replace(str(root), "ROOT"))
    try:
        (proj / "README").mkdir()
    except FileExistsError as e:
        print("FileExistsError:", str(e).replace(str(root), "ROOT"))
    (proj / "link").symlink_to(proj / "README")
    print((proj / "link").is_symlink(), (proj / "link").resolve() == (proj / "README").resolve(), os.readlink(proj / "link") == str(proj / "README"))
    (proj / "README").rename(proj / "README.old")
    print((proj / "link").exists(), (proj / "link").is_symlink())
    (proj / "link").unlink()
    (proj / "x.txt").touch()
    (proj / "x.txt").unlink(missing_ok=True)
    (proj / "x.txt").unlink(missing_ok=True)
    print(shutil.disk_usage(root).total > 0, shutil.which("sh") is not None, shutil.which("no-such-prog-xyz"))
finally:
    shutil.rmtree(root)
print(root.exists())
