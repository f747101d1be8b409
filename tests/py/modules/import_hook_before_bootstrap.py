# A meta path finder installed before any module file was imported (before ftpy loads importlib._bootstrap)
import sys
class Early:
    @staticmethod
    def find_spec(name, path, target=None):
        if name == "early_virtual":
            from importlib.machinery import ModuleSpec
            class L:
                def create_module(self, spec): return None
                def exec_module(self, m): m.x = 1
            return ModuleSpec(name, L())
        return None
sys.meta_path.insert(0, Early)
import early_virtual
print(early_virtual.x, early_virtual.__spec__.name)
print([getattr(f, "__name__", f) for f in sys.meta_path][:1])
import json
print(json.dumps([1]))
