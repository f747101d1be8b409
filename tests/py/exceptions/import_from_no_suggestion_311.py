# 3.11 has no "Did you mean" for `from m import nmae` (3.12 added it, with
# ImportError.name_from), in uncaught tracebacks or traceback.format_exc().
import sys
import traceback
import types

helpers = types.ModuleType("inventory_helpers")
helpers.compute_total = lambda items: sum(items)
sys.modules["inventory_helpers"] = helpers
try:
    from inventory_helpers import compute_totl
except ImportError as e:
    print(e, e.name, hasattr(e, "name_from"))
    print(traceback.format_exc().splitlines()[-1])
try:
    ImportError("x", name_from="y")
except TypeError as e:
    print("TypeError:", e)
try:
    helpers.compute_totl
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
from inventory_helpers import compute_totals
