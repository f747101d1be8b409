import os, sys
print(__name__)
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import main_guard
print(main_guard.run(), main_guard.__name__)
print(sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
