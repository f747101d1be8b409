# os.PathLike is an ABC (register, isinstance) and os.supports_* exist, as
# pathlib, shutil and tempfile need.
import os

class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

class Q:
    pass

print(isinstance(P("x"), os.PathLike), isinstance(Q(), os.PathLike), issubclass(str, os.PathLike))
os.PathLike.register(Q)
print(isinstance(Q(), os.PathLike), os.fspath(P("a/b")), os.fspath("c"))
print(type(os.supports_dir_fd).__name__, type(os.supports_fd).__name__, os.stat in os.supports_follow_symlinks or True)
print(os.PathLike[str] is not None)

import pathlib, tempfile, shutil
p = pathlib.PurePosixPath("/usr/lib/python3/x.tar.gz")
print(p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parts[:3], isinstance(p, os.PathLike))
print(pathlib.PurePosixPath("a") / "b" / "c.txt", p.with_suffix(".zip"), p.relative_to("/usr"))
with tempfile.TemporaryDirectory() as d:
    base = pathlib.Path(d)
    (base / "sub").mkdir()
    f = base / "sub" / "data.txt"
    f.write_text("hello\nworld\n")
    print(f.read_text().split(), f.exists(), f.is_file(), (base / "sub").is_dir(), f.stat().st_size)
    shutil.copy(f, base / "copy.txt")
    print(sorted(x.name for x in base.iterdir()), sorted(x.name for x in base.rglob("*.txt")))
    shutil.rmtree(base / "sub")
    print(sorted(os.listdir(d)))
print(os.path.exists(d))
