import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import helper_mod
print(helper_mod.VALUE, helper_mod.greet("ann"), helper_mod.__name__, helper_mod.__doc__)
import helper_mod as again
print(again is helper_mod, "helper_mod" in sys.modules)
from helper_mod import greet, Thing
print(greet("bob"), Thing.__module__, Thing.__qualname__)
print(os.path.basename(helper_mod.__file__))
