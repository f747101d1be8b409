# imp (deprecated, the host's imp.py over ftpy's importlib): its warning,
# find_module/load_module/load_source/load_package/reload/new_module,
# get_suffixes, the import lock and the cache path helpers.
import imp
import os, sys, tempfile
print(imp.new_module('m'), imp.get_magic() == __import__('importlib.util').util.MAGIC_NUMBER)
print([s for s in imp.get_suffixes() if s[2] != imp.C_EXTENSION])
print(imp.PY_SOURCE, imp.PKG_DIRECTORY, imp.C_BUILTIN, imp.is_builtin('sys'))
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'impmod.py'), 'w') as f:
        f.write('V = 5\n')
    os.mkdir(os.path.join(d, 'imppkg'))
    with open(os.path.join(d, 'imppkg', '__init__.py'), 'w') as f:
        f.write('P = "pkg"\n')
    f, path, desc = imp.find_module('impmod', [d])
    print(type(f).__name__, path.replace(d, 'D'), desc)
    m = imp.load_module('impmod', f, path, desc)
    f.close()
    print(m.V, m.__name__, m.__file__.replace(d, 'D'), type(m.__loader__).__name__)
    print(imp.find_module('imppkg', [d])[1:] == (os.path.join(d, 'imppkg'), ('', '', imp.PKG_DIRECTORY)))
    p = imp.load_package('imppkg', os.path.join(d, 'imppkg'))
    print(p.P, [x.replace(d, 'D') for x in p.__path__])
    m2 = imp.load_source('impsrc', os.path.join(d, 'impmod.py'))
    print(m2.V, m2.__name__, sys.modules['impsrc'] is m2)
    with open(os.path.join(d, 'impmod.py'), 'w') as f:
        f.write('V = 6\n')
    sys.path.insert(0, d)
    print(imp.reload(m).V)
    sys.path.remove(d)
    try:
        imp.find_module('no_such_mod_x', [d])
    except ImportError as e:
        print('ImportError', e, e.name)
    print(imp.init_builtin('errno').__name__)
    print(imp.lock_held())
    imp.acquire_lock(); print(imp.lock_held()); imp.release_lock()
    print(imp.cache_from_source('/a/b.py').startswith('/a/__pycache__/b.'))
    print(imp.source_from_cache(imp.cache_from_source('/a/b.py')))
    print(imp.find_module('json')[2], imp.find_module('sys'))

# importlib's names that imp and older programs use.
import importlib, importlib.util, importlib.machinery, warnings
print(importlib.__all__)
print(importlib.util.source_hash(b'abc'), importlib.util._RAW_MAGIC_NUMBER)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(type(importlib.find_loader('json')).__name__, importlib.find_loader('no_such_mod_q'))

    class L:
        def is_package(self, name):
            return False

        @importlib.util.module_for_loader
        def load_module(self, module):
            module.X = 1
            return module

        @importlib.util.set_loader
        @importlib.util.set_package
        def plain(self, name):
            return type(sys)(name)

    m = L().load_module('a.b.mfl')
    print(m.X, m.__package__, type(m.__loader__).__name__, 'a.b.mfl' in sys.modules)
    m = L().plain('p.q')
    print(m.__package__, type(m.__loader__).__name__)
    print(sorted({str(x.message) for x in w}))
    print(sorted({x.category.__name__ for x in w}))
for name in ('SOURCE_SUFFIXES', 'BYTECODE_SUFFIXES', 'DEBUG_BYTECODE_SUFFIXES',
             'OPTIMIZED_BYTECODE_SUFFIXES', 'all_suffixes', 'NamespaceLoader', 'FileFinder',
             'PathFinder', 'WindowsRegistryFinder', 'SourcelessFileLoader'):
    print(name, hasattr(importlib.machinery, name))
