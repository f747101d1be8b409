import importlib, importlib.util, importlib.machinery, importlib.metadata
import os, sys, tempfile, textwrap, types

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "mymod.py")
with open(path, "w") as f:
    f.write(textwrap.dedent('''
        """A tiny module."""
        COUNTER = 0
        def bump():
            global COUNTER
            COUNTER += 1
            return COUNTER
        class Thing:
            def __repr__(self): return "Thing()"
    '''))

spec = importlib.util.spec_from_file_location("mymod", path)
print(type(spec).__name__, spec.name, spec.origin == path, spec.has_location)
print(type(spec.loader).__name__, spec.submodule_search_locations, spec.parent == "")
mod = importlib.util.module_from_spec(spec)
print(type(mod).__name__, mod.__name__, mod.__spec__ is spec, mod.__file__ == path)
print(hasattr(mod, "bump"))
spec.loader.exec_module(mod)
print(mod.__doc__, mod.bump(), mod.bump(), mod.Thing())
sys.modules["mymod"] = mod
sys.path.insert(0, tmp)
import mymod
print(mymod is mod)
with open(path, "a") as f:
    f.write("EXTRA = 'added'\n")
mod2 = importlib.reload(mymod)
print(mod2 is mod, mod.EXTRA, mod.COUNTER)

# package via spec with submodule_search_locations
pkgdir = os.path.join(tmp, "pkgx")
os.mkdir(pkgdir)
with open(os.path.join(pkgdir, "__init__.py"), "w") as f:
    f.write("NAME = 'pkgx'\nfrom . import sub\n")
with open(os.path.join(pkgdir, "sub.py"), "w") as f:
    f.write("VAL = 42\n")
spec = importlib.util.spec_from_file_location("pkgx", os.path.join(pkgdir, "__init__.py"),
                                              submodule_search_locations=[pkgdir])
print(spec.submodule_search_locations == [pkgdir], spec.parent)
pkg = importlib.util.module_from_spec(spec)
sys.modules["pkgx"] = pkg
spec.loader.exec_module(pkg)
print(pkg.NAME, pkg.sub.VAL, pkg.sub.__name__, pkg.__package__)
print(importlib.import_module(".sub", "pkgx").VAL)

# find_spec
print(importlib.util.find_spec("nonexistent_mod_xyz"))
s = importlib.util.find_spec("json")
print(s.name, s.parent, s.submodule_search_locations is not None)
s = importlib.util.find_spec("json.decoder")
print(s.name, s.parent)
try:
    importlib.util.find_spec("nonexistent_pkg_xyz.sub")
except ModuleNotFoundError as e:
    print("MNFE", e, e.name)
try:
    importlib.util.find_spec(".rel")
except Exception as e:
    print(type(e).__name__, e)
print(importlib.util.resolve_name(".sub", "pkgx"), importlib.util.resolve_name("..a", "p.q.r"))
try:
    importlib.util.resolve_name("..a", "p")
except ImportError as e:
    print("IE", e)

# spec_from_loader, module from source string
loader = importlib.machinery.SourceFileLoader("srcmod", path)
spec = importlib.util.spec_from_loader("srcmod", loader)
print(spec.name, spec.origin == path)
m = types.ModuleType("dyn", "doc of dyn")
exec("x = 5\ndef f(): return x * 2", m.__dict__)
print(m.f(), m.__doc__, repr(m)[:13])

# metadata
try:
    importlib.metadata.version("definitely-not-installed-pkg")
except importlib.metadata.PackageNotFoundError as e:
    print("PNF", repr(e), str(e))
print(issubclass(importlib.metadata.PackageNotFoundError, ModuleNotFoundError))

# import_module errors
for name in ["os.nope", "nope.nope", ""]:
    try:
        importlib.import_module(name)
    except Exception as e:
        print(type(e).__name__, e)
try:
    importlib.import_module(".x")
except TypeError as e:
    print("TE", e)
print(importlib.util.MAGIC_NUMBER == importlib.util.MAGIC_NUMBER)
print(importlib.machinery.SOURCE_SUFFIXES, ".py" in importlib.machinery.all_suffixes())
importlib.invalidate_caches()
print("done")
import shutil; shutil.rmtree(tmp)
