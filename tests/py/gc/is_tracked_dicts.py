# gc.is_tracked: atomic objects and dicts holding only atomic keys and values
# are untracked, as CPython reports; containers that may form cycles are.
import gc
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(set()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1, 2: "b"}), gc.is_tracked({"a": None}))
print(gc.is_tracked({"a": []}), gc.is_tracked({"a": {}}), gc.is_tracked({1: object()}))
class C: pass
print(gc.is_tracked(C()), gc.is_tracked({"c": C()}))
