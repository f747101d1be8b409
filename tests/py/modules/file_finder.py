# importlib.machinery.FileFinder: the finder for one directory, which
# pkgutil registers at import (so `import pkgutil` needs it) and which
# sys.path_hooks entries make. Looks for packages, then modules, with the
# suffixes of the (loader, suffixes) pairs it was given.
import importlib.machinery as machinery
import os
import pkgutil
import tempfile


class FakeLoader:
    def __init__(self, name, path):
        self.name, self.path = name, path


with tempfile.TemporaryDirectory() as d:
    for name, text in (("mod_a.py", "A = 1\n"), ("pkg/__init__.py", ""),
                       ("pkg/sub.py", ""), ("data.txt", "x"), ("both.py", ""),
                       ("both/__init__.py", "")):
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    bare = machinery.FileFinder(d)
    print("no loaders:", bare.find_spec("mod_a"))

    f = machinery.FileFinder(d, (FakeLoader, machinery.SOURCE_SUFFIXES))
    print(f.path == d)
    spec = f.find_spec("mod_a")
    print(spec.name, os.path.relpath(spec.origin, d), type(spec.loader).__name__,
          spec.loader.name, spec.loader.path == spec.origin, spec.submodule_search_locations)
    spec = f.find_spec("pkg")
    print(spec.name, os.path.relpath(spec.origin, d),
          [os.path.relpath(p, d) for p in spec.submodule_search_locations])
    # A package wins over a module of the same name.
    print(os.path.relpath(f.find_spec("both").origin, d))
    print(f.find_spec("outer.mod_a").name, f.find_spec("data"), f.find_spec("missing"))
    f.invalidate_caches()

    hook = machinery.FileFinder.path_hook((FakeLoader, [".py"]))
    finder = hook(d)
    print(type(finder).__name__, finder.path == d)
    try:
        hook(os.path.join(d, "mod_a.py"))
    except ImportError as e:
        print("ImportError:", e)

    print(pkgutil.ModuleInfo.__name__, callable(pkgutil.iter_modules))

    # pkgutil finds a directory's modules through sys.path_hooks.
    print(type(pkgutil.get_importer(d)).__name__)
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([d])))
    print(sorted(m.name for m in pkgutil.iter_modules([os.path.join(d, "pkg")], "pkg.")))
