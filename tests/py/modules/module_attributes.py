import json, os, math
print(json.__name__, type(json).__name__, hasattr(json, "__file__"), math.__name__)
print(isinstance(os.path.sep, str), callable(json.dumps))
print(__name__, __doc__, __package__, __spec__ is None or True)
import types
m = types.ModuleType("made")
print(m.__name__, m.__doc__, sorted(k for k in vars(m)))
m.f = lambda: "f"
print(m.f(), getattr(m, "missing", "dflt"))
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
