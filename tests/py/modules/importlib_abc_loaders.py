# importlib.abc and importlib.metadata import, and loaders built on the ABCs work
import importlib.abc, importlib.machinery, importlib.util, importlib.metadata, sys

print(importlib.machinery.FrozenImporter.find_spec("no_such_frozen_mod"))
for cls in (importlib.machinery.BuiltinImporter, importlib.machinery.FrozenImporter,
            importlib.machinery.PathFinder):
    print(cls.__name__, issubclass(cls, importlib.abc.MetaPathFinder))
print(issubclass(importlib.machinery.FileFinder, importlib.abc.PathEntryFinder))
print(issubclass(importlib.machinery.SourceFileLoader, importlib.abc.SourceLoader),
      issubclass(importlib.machinery.SourceFileLoader, importlib.abc.FileLoader),
      issubclass(importlib.machinery.ExtensionFileLoader, importlib.abc.ExecutionLoader))
print(isinstance(sys.modules["json"].__loader__ if "json" in sys.modules else None, type(None)))

SOURCES = {"greet": "def hello(n):\n    return 'hello ' + n\nWHO = __name__\n",
           "bad": "x = 1 +\n"}

class DictLoader(importlib.abc.SourceLoader):
    def __init__(self, sources):
        self.sources = sources
    def get_filename(self, fullname):
        return "<dict>/" + fullname + ".py"
    def get_data(self, path):
        name = path.rsplit("/", 1)[1][:-3]
        try:
            return self.sources[name].encode()
        except KeyError:
            raise OSError(path) from None

loader = DictLoader(SOURCES)
spec = importlib.util.spec_from_loader("greet", loader)
print(spec.name, spec.origin, spec.has_location)
m = importlib.util.module_from_spec(spec)
loader.exec_module(m)
print(m.hello("world"), m.WHO, m.__file__)
print(loader.get_source("greet").splitlines()[0])
print(loader.is_package("greet"))
try:
    loader.exec_module(importlib.util.module_from_spec(importlib.util.spec_from_loader("bad", loader)))
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    loader.get_source("missing")
except ImportError as e:
    print("ImportError", e, e.name, type(e.__cause__).__name__)

class MyFinder(importlib.abc.MetaPathFinder):
    pass
print(hasattr(MyFinder(), "find_spec"), MyFinder().invalidate_caches())

class MyLoader(importlib.abc.Loader):
    def exec_module(self, module):
        module.value = 99
print(MyLoader().create_module(None))
m = importlib.util.module_from_spec(importlib.util.spec_from_loader("mine", MyLoader()))
MyLoader().exec_module(m)
print(m.__name__, m.value, m.__loader__.__class__.__name__)

try:
    importlib.metadata.version("no-such-distribution-here")
except importlib.metadata.PackageNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ModuleNotFoundError))
print(importlib.machinery.SourcelessFileLoader.__name__, importlib.machinery.NamespaceLoader.__name__)
