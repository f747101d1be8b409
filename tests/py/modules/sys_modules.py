import sys
import math
print(sys.modules["math"] is math, "sys" in sys.modules, type(sys.modules).__name__)
import types
fake = types.ModuleType("fake_mod", "doc of fake")
fake.answer = 7
sys.modules["fake_mod"] = fake
import fake_mod
print(fake_mod.answer, fake_mod.__doc__, fake_mod.__name__, repr(fake_mod).startswith("<module 'fake_mod'"))
del sys.modules["fake_mod"]
try:
    import fake_mod as again
except ModuleNotFoundError:
    print("gone after removal from sys.modules")
sys.modules["none_mod"] = None
try:
    import none_mod
except ImportError as e:
    print(type(e).__name__, e)
m = __import__("json")
print(m.__name__, __import__("os.path").__name__)
import importlib
print(importlib.import_module("collections.abc").__name__)
