import zipfile, tarfile, io, os, tempfile, shutil, glob, fnmatch, shlex, stat, time
from urllib.parse import (urlparse, urlsplit, urlunparse, urljoin, urlencode, parse_qs, parse_qsl, quote, unquote,
                          quote_plus, unquote_plus, urldefrag, SplitResult, ParseResult)

tmp = tempfile.mkdtemp()
src = os.path.join(tmp, "src")
os.makedirs(os.path.join(src, "sub", "deep"))
files = {"a.txt": "alpha\n", "b.py": "print('b')\n", "sub/c.txt": "gamma\n" * 50, "sub/deep/d.bin": "\x00\x01" * 10,
         "sub/e.py": "# e\n", ".hidden": "h"}
for rel, data in files.items():
    with open(os.path.join(src, rel), "w") as f:
        f.write(data)
print(sorted(os.path.relpath(p, src) for p in glob.glob(os.path.join(src, "**", "*"), recursive=True)))
print(sorted(os.path.relpath(p, src) for p in glob.glob(os.path.join(src, "**", "*.py"), recursive=True)))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(src, "*"))), sorted(glob.glob("*.nothing")))
print(sorted(os.path.basename(p) for p in glob.glob(os.path.join(src, ".*"))), glob.escape("a[b]*?.txt"))
print(sorted(os.path.relpath(p, src) for p in glob.iglob(os.path.join(src, "sub", "[cd]*"))))
print(fnmatch.fnmatch("Report.TXT", "*.txt"), fnmatch.fnmatchcase("Report.TXT", "*.txt"), fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"))
print(fnmatch.translate("*.[ch]"), fnmatch.fnmatch("x[1]", "x[[]1]"), fnmatch.fnmatch("file5", "file[!0-4]"))

zpath = os.path.join(tmp, "out.zip")
with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as zf:
    for rel in sorted(files):
        zi = zipfile.ZipInfo(rel, date_time=(2024, 1, 2, 3, 4, 6))
        zi.compress_type = zipfile.ZIP_DEFLATED if rel.endswith(".txt") else zipfile.ZIP_STORED
        zf.writestr(zi, files[rel])
    zf.writestr(zipfile.ZipInfo("notes/readme.md", (2024, 5, 6, 7, 8, 10)), "# readme", compress_type=zipfile.ZIP_STORED)
    zf.comment = b"archive comment"
with zipfile.ZipFile(zpath) as zf:
    print(zf.namelist(), zf.comment)
    for info in zf.infolist():
        print(info.filename, info.file_size, info.compress_type, info.date_time, info.is_dir(), info.CRC == zipfile.crc32(files.get(info.filename, "# readme").encode()) if hasattr(zipfile, "crc32") else "")
    print(zf.read("sub/c.txt")[:12], zf.testzip())
    with zf.open("a.txt") as fh:
        print(fh.read(), fh.name if hasattr(fh, "name") else "")
    try:
        zf.read("missing")
    except KeyError as e:
        print("KeyError", e)
    zf.extractall(os.path.join(tmp, "unz"))
    p = zipfile.Path(zf)
    print(sorted(x.name for x in p.iterdir()), (p / "sub" / "c.txt").read_text()[:6], (p / "sub").is_dir())
print(sorted(os.path.relpath(os.path.join(dp, f), os.path.join(tmp, "unz")) for dp, dn, fn in os.walk(os.path.join(tmp, "unz")) for f in fn))
print(zipfile.is_zipfile(zpath), zipfile.is_zipfile(os.path.join(src, "a.txt")))
try:
    zipfile.ZipFile(os.path.join(src, "a.txt"))
except zipfile.BadZipFile as e:
    print("BadZipFile", e)
with zipfile.ZipFile(zpath, "a") as zf:
    zf.writestr("added.txt", "late")
with zipfile.ZipFile(zpath) as zf:
    print(zf.namelist()[-1], len(zf.namelist()))
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as zf:
    zf.writestr("x", b"1" * 1000)
print(len(buf.getvalue()) > 1000, zipfile.ZipFile(io.BytesIO(buf.getvalue())).read("x")[:3])

tpath = os.path.join(tmp, "out.tar.gz")
with tarfile.open(tpath, "w:gz") as tf:
    tf.add(src, arcname="src", filter=lambda ti: None if ti.name.endswith(".bin") else ti)
    data = b"generated content\n"
    ti = tarfile.TarInfo("gen/info.txt")
    ti.size = len(data); ti.mtime = 1700000000; ti.mode = 0o640; ti.uname = "bob"
    tf.addfile(ti, io.BytesIO(data))
with tarfile.open(tpath) as tf:
    names = sorted(tf.getnames())
    print(names)
    m = tf.getmember("gen/info.txt")
    print(m.size, m.mtime, oct(m.mode), m.uname, m.isfile(), m.isdir(), tf.getmember("src/sub").isdir())
    print(tf.extractfile("gen/info.txt").read(), tf.extractfile("src/sub") is None)
    try:
        tf.getmember("nope")
    except KeyError as e:
        print("KeyError", e)
    tf.extractall(os.path.join(tmp, "untar"), filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(os.path.join(tmp, "untar"))
print(sorted(os.listdir(os.path.join(tmp, "untar", "src"))))
print(tarfile.is_tarfile(tpath), tarfile.is_tarfile(zpath))
shutil.make_archive(os.path.join(tmp, "made"), "zip", src)
print(sorted(zipfile.ZipFile(os.path.join(tmp, "made.zip")).namelist()))
print(sorted(n for n, d in shutil.get_archive_formats()))

for s in ['ls -la "my dir" \'x y\' a\\ b', "echo $HOME # comment", 'a "unterminated']:
    try:
        print(shlex.split(s), shlex.split(s, comments=True))
    except ValueError as e:
        print("ValueError", e)
print(shlex.quote("it's here"), shlex.quote("safe-name_1.txt"), shlex.quote(""), shlex.join(["cp", "a b", "c"]))
lx = shlex.shlex("x = 'y' + z(1,2)", punctuation_chars=True)
print(list(lx))
lx2 = shlex.shlex("a && b || c; d", posix=True, punctuation_chars=True)
lx2.whitespace_split = True
print(list(lx2))

urls = ["https://user:pw@Example.COM:8443/a/b;p?q=1&r=x%20y#frag", "http://[::1]:80/", "file:///etc/hosts",
        "mailto:someone@example.com", "//host/path", "relative/path?x=1", "HTTP://h.com:abc/"]
for u in urls:
    try:
        r = urlparse(u)
        print(r.scheme, r.netloc, r.path, r.params, r.query, r.fragment, r.hostname, r.port, r.username, r.password)
    except ValueError as e:
        print("ValueError", e)
print(urlsplit(urls[0]), urlsplit(urls[0])._replace(fragment="").geturl())
print(urlunparse(("https", "h.com", "/p", "", "a=1", "f")), urljoin("http://a/b/c/d;p?q", "../g"), urljoin("http://a/b/", "//other/x"))
for rel in ["g", "./g", "g/", "/g", "?y", "#s", "../../../g", "g?y/./x", ""]:
    print(repr(rel), urljoin("http://a/b/c/d;p?q", rel))
q = {"name": "Ann Lee", "tags": ["a&b", "c"], "n": 3, "uni": "é"}
enc = urlencode(q, doseq=True)
print(enc, urlencode({"k": "v w"}, quote_via=quote))
print(parse_qs(enc), parse_qsl("a=1&a=2&b=&c", keep_blank_values=True))
print(parse_qs("a=1;b=2", separator=";"), parse_qsl("x=%E2%9C%93"))
try:
    parse_qsl("a=1&b", strict_parsing=True)
except ValueError as e:
    print("ValueError", e)
print(quote("a b/c?d=é"), quote("a b/c", safe=""), quote_plus("a b&c"), unquote("%E2%9C%93%zz"), unquote_plus("a+b%20c"))
print(quote(b"\xff\x00"), unquote("%ff", errors="replace"), urldefrag("http://x/y#z"))
print(ParseResult("http", "h", "/", "", "", "")._fields, SplitResult("a", "b", "c", "d", "e").geturl())
shutil.rmtree(tmp)
print(os.path.exists(tmp))
