import pathlib, os, shutil, tempfile, io, fileinput, shelve, dbm, pickle, filecmp, stat, json, sys
root = pathlib.Path(tempfile.mkdtemp(prefix="ftpytest"))
(root / "proj" / "src" / "pkg").mkdir(parents=True)
(root / "proj" / "README.md").write_text("# Project\nline2\n", encoding="utf-8")
(root / "proj" / "src" / "pkg" / "__init__.py").write_text("")
(root / "proj" / "src" / "pkg" / "core.py").write_text("def f():\n    return 1\n")
(root / "proj" / "data.bin").write_bytes(bytes(range(256)))
p = root / "proj" / "src" / "pkg" / "core.py"
print(p.name, p.stem, p.suffix, p.suffixes, p.parent.name, p.relative_to(root).as_posix(), p.with_suffix(".txt").name, p.with_stem("main").name)
print([x.relative_to(root).as_posix() for x in sorted((root / "proj").rglob("*"))])
print(sorted(x.name for x in (root / "proj").glob("**/*.py")), p.exists(), p.is_file(), p.parent.is_dir(), (root / "nope").exists())
print(pathlib.PurePosixPath("/a/b/../c/./d.txt").parts, pathlib.PurePosixPath("a/b").joinpath("c", "/abs"), pathlib.PurePath("x/y.tar.gz").suffixes)
print(pathlib.PurePosixPath("/a/b/c").match("b/*"), pathlib.PurePosixPath("a.py").match("*.PY"), pathlib.PurePosixPath("/x").is_absolute(), pathlib.PurePosixPath("a") / "b" / "c")
print(p.read_text().splitlines(), p.stat().st_size, oct(stat.S_IMODE(p.stat().st_mode))[:2], p.resolve() == p.absolute())
try:
    (root / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FNF", e.errno, e.strerror, os.path.basename(e.filename))
try:
    (root / "proj").mkdir()
except FileExistsError as e:
    print("FEE", e.strerror)
try:
    pathlib.PurePosixPath("a").relative_to("b")
except ValueError as e:
    print("VE", e)
with open(root / "log.txt", "w", newline="\n") as f:
    f.writelines(f"line {i}\n" for i in range(5))
    print("tell", f.tell())
with open(root / "log.txt", "r+") as f:
    f.seek(5); print(repr(f.read(6))); f.seek(0, io.SEEK_END); f.write("appended\n")
with open(root / "log.txt", "rb") as f:
    f.seek(-9, 2); print(f.read(), f.tell())
with fileinput.input(files=[root / "log.txt", root / "proj" / "README.md"]) as fi:
    for line in fi:
        if fi.isfirstline():
            print("first of", os.path.basename(fi.filename()), fi.lineno(), fi.filelineno())
with fileinput.input(files=[root / "log.txt"], inplace=True, backup=".bak") as fi:
    for line in fi:
        sys.stdout.write(line.upper())
print((root / "log.txt").read_text().splitlines()[:2], (root / "log.txt.bak").exists())
shutil.copytree(root / "proj", root / "copy", ignore=shutil.ignore_patterns("*.bin"))
print(sorted(x.relative_to(root / "copy").as_posix() for x in (root / "copy").rglob("*")))
cmp = filecmp.dircmp(root / "proj", root / "copy")
print(cmp.left_only, cmp.right_only, cmp.common_dirs, sorted(cmp.same_files), filecmp.cmp(root / "proj" / "README.md", root / "copy" / "README.md"))
shutil.move(root / "copy" / "README.md", root / "copy" / "README.txt")
print(sorted(os.listdir(root / "copy")), shutil.disk_usage(root).total > 0, shutil.which("sh") is not None)
with os.scandir(root / "proj") as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
for dp, dn, fn in os.walk(root / "proj", topdown=True):
    dn.sort()
    print(os.path.relpath(dp, root), sorted(fn))
db = str(root / "shelf")
with shelve.open(db) as sh:
    sh["cfg"] = {"a": [1, 2], "b": {"c": 3}}
    sh["n"] = 5
with shelve.open(db, flag="r") as sh:
    print(sorted(sh.keys()), sh["cfg"], sh.get("zz", "default"), "n" in sh)
print(dbm.whichdb(db) is not None)
with dbm.open(str(root / "raw"), "c") as d:
    d[b"k"] = b"v"; d["s"] = "t"
    print(sorted(d.keys()), d[b"s"])
data = {"t": (1, 2), "s": {3}, "f": frozenset([4]), "b": b"x", "n": None, "c": 1 + 2j, "r": range(3), "nested": [[{"x": 1.5}]]}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    assert pickle.loads(pickle.dumps(data, protocol=proto)) == data
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, len(pickle.dumps(data, 0)) > len(pickle.dumps(data, 5)))
with open(root / "d.pkl", "wb") as f:
    pickle.dump(data, f); pickle.dump("second", f)
with open(root / "d.pkl", "rb") as f:
    print(pickle.load(f) == data, pickle.load(f))
    try:
        pickle.load(f)
    except EOFError as e:
        print("EOFError", e)
try:
    pickle.dumps(lambda x: x)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
tf = tempfile.NamedTemporaryFile("w+", suffix=".json", dir=root, delete=False)
json.dump({"k": [1, 2]}, tf); tf.seek(0); print(json.load(tf), tf.name.endswith(".json")); tf.close()
with tempfile.TemporaryDirectory(dir=root) as td:
    print(os.path.isdir(td))
print(os.path.isdir(td))
sp = tempfile.SpooledTemporaryFile(max_size=10)
sp.write(b"small"); print(sp._rolled); sp.write(b"x" * 20); print(sp._rolled); sp.close()
shutil.rmtree(root)
print(root.exists())
