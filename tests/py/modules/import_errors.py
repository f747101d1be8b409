import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import helper_mod.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from helper_mod import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name, "cannot import name 'nothing_here'" in str(e))
try:
    import broken_import
except ModuleNotFoundError as e:
    print("broken:", e)
print("broken_import" in sys.modules)
try:
    from . import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
