# A plugin system: plugins written to a temp dir and loaded with importlib
# (spec_from_file_location, module_from_spec, import_module, reload),
# discovered with pkgutil, introspected with inspect, registered through
# __init_subclass__ and entry-point-like dicts; optparse for its old CLI.
import importlib
import importlib.util
import inspect
import optparse
import os
import pkgutil
import sys
import tempfile
import textwrap

registry = {}


class PluginBase:
    name = None

    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.name = name or cls.__name__.lower()
        registry[cls.name] = cls

    def run(self, data):
        raise NotImplementedError


sys.modules["pluginbase"] = sys.modules[__name__]

with tempfile.TemporaryDirectory() as d:
    pkg = os.path.join(d, "plugins")
    os.makedirs(os.path.join(pkg, "sub"))
    files = {
        "__init__.py": "VERSION = 1\n",
        "upper.py": """
            from pluginbase import PluginBase

            class Upper(PluginBase, name="up"):
                '''Uppercase the input.'''
                def run(self, data: str) -> str:
                    return data.upper()
            """,
        "count.py": """
            from pluginbase import PluginBase
            CALLS = 0

            class Count(PluginBase):
                def run(self, data, *, sep=" "):
                    global CALLS
                    CALLS += 1
                    return len(data.split(sep))
            """,
        "broken.py": "import nonexistent_module_s19\n",
        "sub/__init__.py": "",
        "sub/deep.py": "def helper(x, y=2, *a, k, **kw):\n    'Deep helper.'\n    return x * y\n",
    }
    for rel, src in files.items():
        with open(os.path.join(pkg, rel), "w") as f:
            f.write(textwrap.dedent(src))
    sys.path.insert(0, d)
    try:
        found = sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([pkg]))
        print(found)
        print(sorted(m.name for m in pkgutil.walk_packages([pkg], prefix="plugins.", onerror=lambda n: None)))
        loaded, failed = [], []
        for name, ispkg in found:
            if ispkg:
                continue
            try:
                importlib.import_module(f"plugins.{name}")
                loaded.append(name)
            except ImportError as e:
                failed.append((name, type(e).__name__, e.name))
        print(loaded, failed, sorted(registry))
        print(registry["up"]().run("hello"), registry["count"]().run("a b c"), registry["count"]().run("a,b", sep=","))
        cmod = sys.modules["plugins.count"]
        print(cmod.CALLS, cmod.__name__, cmod.__package__, os.path.basename(cmod.__file__), cmod.__spec__.name)
        with open(os.path.join(pkg, "count.py"), "a") as f:
            f.write("EXTRA = 'reloaded'\n")
        importlib.invalidate_caches()
        cmod = importlib.reload(cmod)
        print(cmod.EXTRA, cmod.CALLS)

        spec = importlib.util.spec_from_file_location("standalone_deep", os.path.join(pkg, "sub", "deep.py"))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        print(mod.helper(3, k=1), spec.name, spec.origin.endswith("deep.py"), "standalone_deep" in sys.modules)
        sig = inspect.signature(mod.helper)
        print(sig, [(p.name, p.kind.name) for p in sig.parameters.values()], inspect.getdoc(mod.helper))
        print(inspect.getsource(mod.helper).strip().splitlines()[0], inspect.getmodule(mod.helper) is mod or inspect.getmodule(mod.helper))
        up = registry["up"]
        print(inspect.getdoc(up), inspect.signature(up.run), inspect.getsourcelines(up.run)[1], inspect.getfile(up).endswith("upper.py"))
        print(importlib.util.find_spec("plugins.sub.deep").name, importlib.util.find_spec("plugins.nothere"),
              importlib.util.resolve_name(".deep", "plugins.sub"))
        try:
            importlib.import_module("plugins.nothere")
        except ModuleNotFoundError as e:
            print("ModuleNotFoundError:", e, e.name)
        try:
            importlib.util.resolve_name("..x", "top")
        except ImportError as e:
            print("ImportError:", e)
        deep = importlib.import_module(".sub.deep", "plugins")
        print(deep.__name__, deep.helper(2, 5, k=0))
    finally:
        sys.path.remove(d)
        for k in [k for k in sys.modules if k == "plugins" or k.startswith("plugins.")]:
            del sys.modules[k]

parser = optparse.OptionParser(usage="%prog [options] PLUGIN...", prog="pluginctl", version="%prog 1.0")
parser.add_option("-v", "--verbose", action="store_true", dest="verbose", default=False, help="say more")
parser.add_option("-n", "--times", type="int", default=1, metavar="N", help="repeat N times [default: %default]")
parser.add_option("-o", "--opt", action="append", dest="opts", default=[], help="plugin option")
group = optparse.OptionGroup(parser, "Danger Zone", "Use with care.")
group.add_option("--force", action="store_const", const=2, dest="force")
parser.add_option_group(group)
opts, args = parser.parse_args(["-v", "-n", "3", "-o", "a=1", "--opt=b=2", "up", "count"])
print(opts, args, opts.times, opts.opts)
print(parser.format_help())
for bad in [["-n", "x"], ["--bogus"], ["-n"]]:
    import io, contextlib
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            parser.parse_args(bad)
        except SystemExit as e:
            print("exit", e.code, err.getvalue().strip().splitlines()[-1])
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        parser.parse_args(["--version"])
    except SystemExit as e:
        print("exit", e.code)
print(out.getvalue().strip())
