import sys
import os
import tempfile
import shutil
import io
import json
import csv
from pathlib import Path

print("argv:", sys.argv[1:], len(sys.argv))

with tempfile.TemporaryDirectory(prefix="s19") as tmp:
    root = Path(tmp)
    (root / "data").mkdir()
    notes = root / "data" / "notes.txt"
    notes.write_text("line one\nline two\n\nlast line, no newline", encoding="utf-8")
    print(notes.name, notes.suffix, notes.stem, notes.parent.name, notes.exists(), notes.is_file())
    with notes.open() as f:
        for i, line in enumerate(f, 1):
            print(f"{i:>3}: {line.rstrip()!r}")
    with open(notes, "a") as f:
        f.write("\nappended\n")
        print(f.tell() > 0, f.mode, f.closed)
    print(notes.read_text().splitlines()[-2:], f.closed)
    print(len(notes.read_bytes()), notes.stat().st_size)

    rows = [{"name": "ann", "score": 91.5}, {"name": "bob, jr", "score": 78}, {"name": 'q"uote', "score": 0}]
    csv_path = root / "scores.csv"
    with open(csv_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["name", "score"])
        w.writeheader()
        w.writerows(rows)
    print(repr(csv_path.read_text()))
    with open(csv_path, newline="") as f:
        back = list(csv.DictReader(f))
    print(back)

    js = root / "data" / "cfg.json"
    js.write_text(json.dumps({"a": [1, 2, {"b": None}], "c": "ü"}, indent=2, sort_keys=True))
    print(js.read_text())
    print(json.loads(js.read_text())["a"][2])

    bin_path = root / "blob.bin"
    with open(bin_path, "wb") as f:
        f.write(bytes(range(256)))
    with open(bin_path, "rb") as f:
        f.seek(250)
        print(f.read(), f.tell())
        f.seek(-3, os.SEEK_END)
        print(f.read(2), f.seek(0, os.SEEK_CUR))

    for name in ["b.txt", "a.py", "c.md"]:
        (root / "data" / name).touch()
    print(sorted(p.name for p in (root / "data").iterdir()))
    print(sorted(p.name for p in root.rglob("*.txt")))
    print(sorted(p.relative_to(root).as_posix() for p in root.glob("**/*") if p.is_file()))
    walked = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        walked.append((os.path.relpath(dirpath, root), sorted(filenames)))
    print(walked)
    shutil.copy(notes, root / "copy.txt")
    os.rename(root / "copy.txt", root / "moved.txt")
    print((root / "moved.txt").read_text() == notes.read_text(), os.path.exists(root / "copy.txt"))
    (root / "moved.txt").unlink()
    try:
        (root / "moved.txt").unlink()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.strerror, Path(e.filename).name)
    try:
        open(root / "data")
    except IsADirectoryError as e:
        print("IsADirectoryError", e.errno)
    with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=tmp, delete=False) as tf:
        tf.write("temp contents")
        tf.seek(0)
        print(tf.read(), tf.name.endswith(".log"))
    print(os.path.getsize(tf.name))
    shutil.rmtree(root / "data")
    print(sorted(os.listdir(tmp)) == sorted([Path(tf.name).name, "blob.bin", "scores.csv"]))

print(os.path.exists(tmp))
buf = io.StringIO()
print("to buffer", 1, 2, sep="-", end="!\n", file=buf)
buf.write("more")
print(repr(buf.getvalue()))
bb = io.BytesIO(b"abc\ndef\n")
print(bb.readline(), bb.readlines(), bb.read())
sys.stdout.write("written directly\n")
sys.stderr.write("to stderr\n")
print(os.path.join("a", "b", "..", "c"), os.path.normpath("a/b/../c/./d"), os.path.splitext("x.tar.gz"), os.path.basename("/x/y/"), os.path.dirname("/x/y/z"))


def main(argv):
    if len(argv) < 2:
        print("usage: prog NAME [COUNT]", file=sys.stderr)
        return 2
    count = int(argv[2]) if len(argv) > 2 else 1
    for _ in range(count):
        print("hello", argv[1])
    if argv[1] == "fail":
        sys.exit("fatal: asked to fail")
    return 0


print("main ->", main(["prog"]))
print("main ->", main(["prog", "you", "2"]))
try:
    main(["prog", "fail"])
except SystemExit as e:
    print("exit code:", repr(e.code))
sys.stdout.flush()
sys.exit(main(sys.argv) or 4)
