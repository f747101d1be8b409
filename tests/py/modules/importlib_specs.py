# Module specs and loaders: every imported module has a __spec__ and a
# __loader__; importlib.util's spec functions load modules by hand; runpy,
# pkgutil and importlib.reload work through them.
import importlib
import importlib.machinery as machinery
import importlib.util
import json
import os
import pkgutil
import re
import runpy
import sys
import tempfile


def norm(text):
    return re.sub(r'0x[0-9a-f]+', '0xADDR', str(text)).replace(os.path.dirname(json.__file__), 'JSONDIR')


print(norm(repr(json.__spec__)))
print(sys.__spec__, sys.__loader__)
print(norm(json.__loader__), type(json.__loader__).__qualname__)
print(json.__spec__.parent, json.__spec__.has_location)
print(json.decoder.__spec__.parent, json.__spec__.submodule_search_locations == json.__path__)
print(__spec__, __name__)
print(importlib.util.find_spec('nonexistent_zz'), importlib.util.find_spec('sys'))
print(norm(importlib.util.find_spec('json.decoder')))
print(importlib.util.find_spec('textwrap').loader.get_source('textwrap').startswith('"""'))
for bad in ('os.nothing', 'json.tool.x'):
    try:
        importlib.util.find_spec(bad)
        print('found', bad)
    except Exception as e:
        print(type(e).__name__, e)
print(machinery.ModuleSpec('x', None), machinery.ModuleSpec('p.q', None, is_package=True).parent)
print(machinery.ModuleSpec('x', None) == machinery.ModuleSpec('x', None))

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'plugin_a.py'), 'w') as f:
        f.write('"""Plugin A."""\nNAME = "a"\ndef run(x):\n    return x * 2\n')
    os.mkdir(os.path.join(d, 'plugpkg'))
    with open(os.path.join(d, 'plugpkg', '__init__.py'), 'w') as f:
        f.write('VALUE = 41\n')
    with open(os.path.join(d, 'plugpkg', 'sub.py'), 'w') as f:
        f.write('from . import VALUE\nRESULT = VALUE + 1\n')
    with open(os.path.join(d, 'data.txt'), 'w') as f:
        f.write('not a module')

    # The plugin-loader pattern.
    path = os.path.join(d, 'plugin_a.py')
    spec = importlib.util.spec_from_file_location('plugin_a', path)
    print(spec.name, spec.origin == path, spec.has_location, repr(spec.parent), spec.submodule_search_locations)
    module = importlib.util.module_from_spec(spec)
    print(sorted(k for k in vars(module) if k.startswith('__') and k != '__cached__'))
    print('plugin_a' in sys.modules, module.__file__ == path)
    spec.loader.exec_module(module)
    print(module.NAME, module.run(21), module.__doc__, module.__spec__ is spec, module.__loader__ is spec.loader)
    print(importlib.util.spec_from_file_location('data', os.path.join(d, 'data.txt')))

    # A package by hand: relative imports need it in sys.modules.
    pspec = importlib.util.spec_from_file_location('plugpkg', os.path.join(d, 'plugpkg', '__init__.py'))
    print(pspec.submodule_search_locations == [os.path.join(d, 'plugpkg')], pspec.parent)
    pkg = importlib.util.module_from_spec(pspec)
    sys.modules['plugpkg'] = pkg
    pspec.loader.exec_module(pkg)
    import plugpkg.sub
    print(plugpkg.sub.RESULT, plugpkg.sub.__spec__.parent, plugpkg.sub.__package__)

    sys.path.insert(0, d)
    try:
        print(sorted(name for _, name, _ in pkgutil.iter_modules([d])))
        print(pkgutil.get_data('plugpkg', '__init__.py'))
        ns = runpy.run_module('plugin_a', run_name='__main__')
        print(ns['__name__'], ns['run'](5), ns['__spec__'].name)
        import plugin_a
        print(plugin_a.__spec__.name, plugin_a.__loader__.get_filename() == path)
        with open(path, 'a') as f:
            f.write('EXTRA = 1\n')
        again = importlib.reload(plugin_a)
        print(again is plugin_a, again.EXTRA, again.__spec__.name)
        print(importlib.import_module('.sub', 'plugpkg').RESULT)
        old = plugin_a.__spec__.loader.load_module('plugin_a')
        print(old is plugin_a)
    finally:
        sys.path.remove(d)
        for name in ('plugin_a', 'plugpkg', 'plugpkg.sub'):
            sys.modules.pop(name, None)

# A module found through '' (the working directory) has an absolute __file__.
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'cwdmod.py'), 'w') as f:
        f.write('X = 1\n')
    old = os.getcwd()
    os.chdir(d)
    sys.path.insert(0, '')
    try:
        import cwdmod
        print(cwdmod.__file__ == os.path.join(os.getcwd(), 'cwdmod.py'), cwdmod.__spec__.origin == cwdmod.__file__)
    finally:
        sys.path.remove('')
        os.chdir(old)
        sys.modules.pop('cwdmod', None)
