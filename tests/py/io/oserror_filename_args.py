# OSError keeps (errno, strerror) in args when it has a filename, and the
# os functions name an os.PathLike by its path.
import os, pathlib, pickle, tempfile, shutil
e = OSError(2, 'No such file', 'f.txt')
print(e.args, e.filename, e.filename2, e, repr(e))
e = OSError(2, 'x', 'f', None, 'g')
print(e.args, e, e.filename2)
print(OSError(2, 'x', None).args, OSError(1, 2, 3, 4, 5, 6).args, OSError(1, 2, 3, 4).args, OSError('msg').args)
for exc in [FileNotFoundError(2, 'No such file or directory', 'a'), OSError(2, 'x', 'f', None, 'g'), OSError(5, 'x')]:
    r = pickle.loads(pickle.dumps(exc))
    print(type(r).__name__, r.args, r.filename, r.filename2, r)
d = tempfile.mkdtemp()
os.chdir(d)
P = pathlib.Path
ops = [lambda: open(P('nope')), lambda: os.stat(P('nope')), lambda: os.listdir(P('nope')),
       lambda: os.rename(P('nope'), P('b')), lambda: open(b'nope'), lambda: os.stat(b'nope'),
       lambda: P('nope').read_text(), lambda: P('nope').unlink(), lambda: P('.').mkdir(),
       lambda: os.remove(P('nope')), lambda: os.rmdir(P('nope')), lambda: os.chdir(P('nope')),
       lambda: os.mkdir(P('x/y/z')), lambda: P('nope').open('rb'), lambda: open(P(d))]
for op in ops:
    try:
        op()
    except OSError as e:
        print(type(e).__name__, str(e).replace(d, 'D'), repr(e.filename).replace(d, 'D'), e.args)
os.chdir('/')
shutil.rmtree(d)
