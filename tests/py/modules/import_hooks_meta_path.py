# sys.meta_path import hooks: a finder/loader serving modules and a package from a dict, a blocking finder, an appended finder that the path finder goes before
import sys, importlib, importlib.abc, importlib.util, importlib.machinery, types

SOURCES = {
    "virtual_pkg": ("PKG = True\n", True),
    "virtual_pkg.mod": ("from . import helper\nVALUE = helper.twice(21)\n", False),
    "virtual_pkg.helper": ("def twice(x):\n    return 2 * x\n", False),
    "vmod": ("import math\nROOT = math.isqrt(49)\nprint('executing vmod', __name__, __spec__.origin)\n", False),
    "vbroken": ("raise ValueError('boom in vbroken')\n", False),
}

class DictFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self):
        self.log = []
    def find_spec(self, fullname, path, target=None):
        if fullname not in SOURCES:
            return None
        self.log.append(("find", fullname, path is None))
        src, is_pkg = SOURCES[fullname]
        spec = importlib.util.spec_from_loader(fullname, self, origin="dict:" + fullname, is_package=is_pkg)
        return spec
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        self.log.append(("exec", module.__name__))
        src, _ = SOURCES[module.__name__]
        exec(compile(src, module.__spec__.origin, "exec"), module.__dict__)

finder = DictFinder()
sys.meta_path.insert(0, finder)
import vmod
print(vmod.ROOT, vmod.__loader__ is finder, vmod.__spec__.name, vmod.__file__ if hasattr(vmod, "__file__") else "no file")
import vmod as again
print(again is vmod, finder.log)
from virtual_pkg import mod
print(mod.VALUE, mod.__package__, sys.modules["virtual_pkg"].__path__, "virtual_pkg.helper" in sys.modules)
import virtual_pkg.helper as h
print(h.twice(4), virtual_pkg_attr if False else hasattr(sys.modules["virtual_pkg"], "mod"))
try:
    import vbroken
except ValueError as e:
    print("ValueError", e, "vbroken" in sys.modules)
try:
    import not_anywhere_xyz
except ModuleNotFoundError as e:
    print("MNFE", e)
print(finder.log)

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname == "csv":
            raise ImportError(f"{fullname} is blocked", name=fullname)
        return None
sys.meta_path.insert(0, Blocker())
sys.modules.pop("csv", None)
try:
    import csv
except ImportError as e:
    print("blocked:", e, e.name)
sys.meta_path.pop(0)
import csv
print(csv.__name__)

class Watcher:
    seen = []
    @classmethod
    def find_spec(cls, fullname, path, target=None):
        cls.seen.append(fullname)
        return None
sys.meta_path.append(Watcher)
import json.tool
import colorsys
print("json.tool" in Watcher.seen, "colorsys" in Watcher.seen, Watcher.seen)
sys.meta_path.remove(Watcher)
sys.meta_path.remove(finder)
print(all(type(f).__name__ != "DictFinder" for f in sys.meta_path))
