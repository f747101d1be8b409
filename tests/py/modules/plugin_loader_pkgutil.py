import os, sys, pkgutil, importlib, tempfile, abc

tmp = tempfile.mkdtemp()
plug = os.path.join(tmp, "plugins")
os.makedirs(os.path.join(plug, "nested"))
with open(os.path.join(plug, "__init__.py"), "w") as f:
    f.write("REGISTRY = {}\ndef register(cls):\n    REGISTRY[cls.name] = cls\n    return cls\n")
for name, body in [
    ("alpha", "from . import register\n@register\nclass Alpha:\n    name='alpha'\n    def run(self, x): return x + 1\n"),
    ("beta", "from plugins import register\n@register\nclass Beta:\n    name='beta'\n    def run(self, x): return x * 2\n"),
    ("_private", "raise RuntimeError('should not be loaded')\n"),
    ("broken", "import does_not_exist_anywhere\n"),
]:
    with open(os.path.join(plug, name + ".py"), "w") as f:
        f.write(body)
with open(os.path.join(plug, "nested", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(plug, "nested", "gamma.py"), "w") as f:
    f.write("from plugins import register\n@register\nclass Gamma:\n    name='gamma'\n    def run(self, x): return -x\n")
with open(os.path.join(plug, "notes.txt"), "w") as f:
    f.write("not a module")

sys.path.insert(0, tmp)
import plugins
mods = sorted(pkgutil.iter_modules(plugins.__path__), key=lambda m: m.name)
for m in mods:
    print(m.name, m.ispkg, type(m).__name__, type(m.module_finder).__name__)
print([m.name for m in sorted(pkgutil.iter_modules(plugins.__path__, prefix="plugins."), key=lambda m: m.name)])

errors = []
def onerror(name):
    errors.append(name)
found = sorted(pkgutil.walk_packages(plugins.__path__, "plugins.", onerror=onerror), key=lambda m: m.name)
print([(m.name, m.ispkg) for m in found])
for info in sorted(pkgutil.iter_modules(plugins.__path__), key=lambda m: m.name):
    if info.name.startswith("_"):
        continue
    full = "plugins." + info.name
    try:
        importlib.import_module(full)
        print("loaded", full)
    except ImportError as e:
        print("failed", full, type(e).__name__, e)
importlib.import_module("plugins.nested.gamma")
for k in sorted(plugins.REGISTRY):
    print(k, plugins.REGISTRY[k]().run(10))
print(pkgutil.get_data("plugins", "notes.txt"))
print(sorted(sys.modules) == sorted(sys.modules))
print("plugins.broken" in sys.modules, "plugins.alpha" in sys.modules)

# abc registry with __init_subclass__
class Plugin(abc.ABC):
    registry = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        if key is not None:
            Plugin.registry[key] = cls
    @abc.abstractmethod
    def process(self, data): ...
    @property
    @abc.abstractmethod
    def label(self): ...

class Upper(Plugin, key="upper"):
    def process(self, data): return data.upper()
    @property
    def label(self): return "UP"

class Half(Plugin, key="half"):
    def process(self, data): return data

try:
    Half()
except TypeError as e:
    print(e)
try:
    Plugin()
except TypeError as e:
    print(e)
try:
    class Bad(Plugin, key="bad", extra=1): pass
except TypeError as e:
    print("TE", e)
print(sorted(Plugin.registry), Upper().process("abc"), Upper().label)
print(Half.__abstractmethods__, Upper.__abstractmethods__)
@Plugin.register
class Virtual:
    pass
print(isinstance(Virtual(), Plugin), issubclass(Virtual, Plugin), Virtual.__mro__[-1])
print(pkgutil.resolve_name("os.path:join")("a", "b"), pkgutil.resolve_name("os.path.join") is os.path.join)
try:
    pkgutil.resolve_name("os:nope")
except AttributeError as e:
    print("AE", e)
import shutil; shutil.rmtree(tmp); sys.path.remove(tmp)
