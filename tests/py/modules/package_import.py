import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
import mypkg
print(mypkg.add(3, 4), mypkg.PKG_CONST, mypkg.util.helper_name(), mypkg.__name__, mypkg.__package__)
import mypkg.core
print(mypkg.core.add is mypkg.add, sorted(k for k in sys.modules if k.startswith("mypkg")))
from mypkg.sub.deep import deep_value
print(deep_value())
import mypkg.sub
print(mypkg.sub.__name__, hasattr(mypkg.sub, "deep"), os.path.basename(os.path.dirname(mypkg.__file__)))
