# A module's namespace holds only CPython's dunders while its body runs (no
# bookkeeping keys of the importer), and a failed import leaves none behind.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import globals_during_import as g

print(g.SEEN_WHILE_RUNNING)
print(g.DIR_WHILE_RUNNING)
print(sorted(k for k in vars(g) if k.startswith("__") and k != "__cached__"))
try:
    import broken_import
except Exception as e:
    print(type(e).__name__)
m = sys.modules.get("broken_import")
print(m)
