import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from star_all import *
print(public_a, _exported_private)
try:
    public_b
except NameError as e:
    print(type(e).__name__, e)
from star_noall import *
print(visible)
try:
    _hidden
except NameError as e:
    print(type(e).__name__, e)
