# importlib.util.LazyLoader: a module's body runs at its first attribute access
import importlib.util, sys, os, tempfile, importlib.abc
tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, "heavy.py"), "w") as f:
    f.write("print('heavy body runs')\nVALUE = 10\ndef f():\n    return VALUE * 2\n")
sys.path.insert(0, tmp)

def lazy_import(name):
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module

heavy = lazy_import("heavy")
print("imported lazily", type(heavy).__name__)
heavy.VALUE = 99
print("first access:", heavy.f())
print(type(heavy).__name__, heavy.VALUE, heavy.__loader__.__class__.__name__)
import heavy as again
print(again is heavy)
try:
    importlib.util.LazyLoader(object())
except TypeError as e:
    print("TE", e)
factory = importlib.util.LazyLoader.factory(importlib.machinery.SourceFileLoader)
print(type(factory("x", "/nonexistent.py")).__name__)
print(issubclass(importlib.util.LazyLoader, importlib.abc.Loader))
import shutil; shutil.rmtree(tmp)
