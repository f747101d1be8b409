import os, sys, importlib
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import helper_mod
helper_mod.VALUE = "changed"
importlib.reload(helper_mod)
print(helper_mod.VALUE)
