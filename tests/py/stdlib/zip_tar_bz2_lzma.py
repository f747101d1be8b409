# zipfile (ZIP_BZIP2, ZIP_LZMA: LZMA filter properties through _lzma) and
# tarfile (bz2, xz) over the native _bz2 and _lzma.
import zipfile, tarfile, io
for comp in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression=comp) as z:
        z.writestr("a.txt", b"hello " * 1000)
        z.writestr("b.txt", b"world")
    with zipfile.ZipFile(io.BytesIO(b.getvalue())) as z:
        print(comp, [(i.filename, i.compress_type, i.file_size) for i in z.infolist()], z.read("a.txt")[:12], z.testzip())
for mode in ("w:bz2", "w:xz"):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode=mode) as t:
        data = b"payload" * 100
        info = tarfile.TarInfo("p.bin"); info.size = len(data); info.mtime = 0
        t.addfile(info, io.BytesIO(data))
    b.seek(0)
    with tarfile.open(fileobj=b, mode="r:*") as t:
        print(mode, t.getnames(), len(t.extractfile("p.bin").read()))
