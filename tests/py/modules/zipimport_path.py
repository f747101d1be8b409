# zipimport: a zip archive on sys.path imports modules, packages and namespace
# portions from source; zipimporter's API and messages; sys.path_hooks and
# sys.path_importer_cache; importlib.resources, pkgutil.get_data and
# traceback source lines for modules inside the archive; a .pyc-only module
# (CPython runs its own bytecode, ftpy refuses it by name).
import sys, os, zipfile, tempfile, importlib, importlib.util, pkgutil, traceback
import zipimport

def rel(p, base):
    return p.replace(base, 'BASE') if isinstance(p, str) else p

with tempfile.TemporaryDirectory() as tmp:
    zpath = os.path.join(tmp, 'app.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('zmod.py', 'X = 42\ndef boom():\n    raise ValueError("in zip")\n')
        z.writestr('zpkg/__init__.py', 'from . import sub\nNAME = "zpkg"\n')
        z.writestr('zpkg/sub.py', 'import os\nY = os.sep\n')
        z.writestr('zpkg/data.txt', 'hello data\n')
        z.writestr('zpkg/inner/__init__.py', '')
        z.writestr('zpkg/inner/deep.py', 'Z = __name__\n')
        z.writestr('ns/', '')
        z.writestr('ns/part.py', 'P = 1\n')
        # CPython runs a .pyc of its own version from a zip; ftpy cannot
        # run CPython bytecode and refuses it with a clear ImportError.
        if sys.implementation.name == 'cpython':
            import marshal
            z.writestr('onlypyc.pyc', importlib.util.MAGIC_NUMBER + b'\0' * 12 +
                       marshal.dumps(compile('V = 7', 'onlypyc.py', 'exec')))
        else:
            z.writestr('onlypyc.pyc', importlib.util.MAGIC_NUMBER + b'\0' * 12 + b'x')
        z.writestr('badmagic.pyc', b'\0\0\0\0' + b'\0' * 12)
    sys.path.insert(0, zpath)
    import zmod
    print(zmod.X, rel(zmod.__file__, tmp), type(zmod.__loader__).__name__)
    print(rel(zmod.__spec__.origin, tmp), zmod.__spec__.name, zmod.__spec__.has_location)
    print(zmod.__package__ == '', hasattr(zmod, '__path__'))
    import zpkg
    print(zpkg.NAME, zpkg.sub.Y, rel(zpkg.__file__, tmp), [rel(p, tmp) for p in zpkg.__path__])
    from zpkg.inner import deep
    print(deep.Z, rel(deep.__file__, tmp))
    import ns.part
    print(ns.part.P, [rel(p, tmp) for p in ns.__path__])
    print(pkgutil.get_data('zpkg', 'data.txt'))
    import importlib.resources
    print(importlib.resources.files('zpkg').joinpath('data.txt').read_text())
    print(importlib.resources.read_text('zpkg', 'data.txt'))
    print(sorted(r.name for r in importlib.resources.files('zpkg').iterdir()))
    try:
        zmod.boom()
    except ValueError:
        tb = traceback.format_exc()
        print(rel(tb, tmp))
    imp = sys.path_importer_cache[zpath]
    print(type(imp).__name__, rel(repr(imp), tmp), rel(imp.archive, tmp), repr(imp.prefix))
    print(imp.is_package('zpkg'), imp.is_package('zmod'))
    print(imp.get_source('zmod').splitlines()[0])
    print(rel(imp.get_filename('zpkg'), tmp))
    print(imp.get_data(os.path.join(zpath, 'zpkg', 'data.txt')))
    print(imp.get_data('zpkg/data.txt'))
    try:
        imp.get_data('nope.txt')
    except OSError as e:
        print('OSError', e.args)
    print(type(imp.get_code('zmod')).__name__, imp.get_code('zmod').co_filename == zmod.__file__)
    del sys.modules['zmod']
    m = imp.load_module('zmod')
    print(m.X, rel(m.__file__, tmp), rel(m.__spec__.origin, tmp), sys.modules['zmod'] is m, m is not zmod)
    print(type(imp.get_resource_reader('zpkg')).__name__, imp.get_resource_reader('zmod'))
    sub = zipimport.zipimporter(os.path.join(zpath, 'zpkg'))
    print(rel(repr(sub), tmp), repr(sub.prefix), sub.find_spec('sub') is not None)
    print(rel(repr(sub.find_spec('inner')), tmp))
    try:
        import onlypyc
        result = 'V=%d' % onlypyc.V
    except ImportError as e:
        result = '%s: %s' % (type(e).__name__, e)
    if sys.implementation.name == 'cpython':
        print(result == 'V=7')
    else:
        print(result == "ZipImportError: module load failed: ftpy cannot load CPython bytecode for 'onlypyc'")
    for name in ('badmagic', 'nosuch'):
        try:
            __import__(name)
        except ImportError as e:
            print(type(e).__name__, e)
    for bad in ('', os.path.join(tmp, 'nonexistent.zip'), tmp):
        try:
            zipimport.zipimporter(bad)
        except zipimport.ZipImportError as e:
            print('ZipImportError', e)
    try:
        imp.get_source('nosuch')
    except zipimport.ZipImportError as e:
        print('ZipImportError', e)
    print(zipimport.zipimporter in sys.path_hooks, sys.path_hooks[0] is zipimport.zipimporter)
    print(importlib.util.find_spec('zmod').loader is not None)
    print([m.name for m in pkgutil.iter_modules([zpath])])
    print(rel(str(importlib.resources.files('zpkg')), tmp))
    sys.path.remove(zpath)

# A path hook of the program's, for entries no default hook takes.
class Finder:
    def __init__(self, path):
        if not path.startswith('virtual:'):
            raise ImportError('not mine')
        self.path = path

    def find_spec(self, fullname, target=None):
        if fullname != 'virtmod':
            return None
        return importlib.util.spec_from_loader(fullname, Loader())


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.V = 'from ' + module.__name__


sys.path_hooks.append(Finder)
sys.path.append('virtual:one')
import virtmod
print(virtmod.V, type(sys.path_importer_cache['virtual:one']).__name__)
print(sys.path_hooks.index(Finder) == len(sys.path_hooks) - 1)
sys.path.remove('virtual:one')

# Threads importing from one new archive at once each get their module.
import threading
with tempfile.TemporaryDirectory() as tmp:
    zpath = os.path.join(tmp, 'threads.zip')
    with zipfile.ZipFile(zpath, 'w', compression=zipfile.ZIP_DEFLATED) as z:
        for i in range(8):
            z.writestr('tmod%d.py' % i, 'N = %d\n' % (i * i))
    sys.path.append(zpath)
    results = {}

    def worker(i):
        results[i] = importlib.import_module('tmod%d' % i).N

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(results.items()))
    # A rewritten archive is read again after importlib.invalidate_caches().
    with zipfile.ZipFile(zpath, 'a') as z:
        z.writestr('later.py', 'L = "added"\n')
    importlib.invalidate_caches()
    import later
    print(later.L, zpath in sys.path_importer_cache)
    sys.path.remove(zpath)

# runpy runs an archive's __main__ and a module inside an archive.
import runpy
with tempfile.TemporaryDirectory() as tmp:
    zpath = os.path.join(tmp, 'run.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('__main__.py', 'import sys\nRESULT = (__name__, __file__, sys.path[0])\n')
        z.writestr('rmod.py', 'RESULT = (__name__, __file__)\n')
    g = runpy.run_path(zpath, run_name='__main__')
    print([rel(x, tmp) for x in g['RESULT']], type(g['__loader__']).__name__)
    sys.path.insert(0, zpath)
    g = runpy.run_module('rmod')
    print([rel(x, tmp) for x in g['RESULT']])
    sys.path.remove(zpath)
