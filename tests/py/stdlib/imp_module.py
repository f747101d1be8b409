# _imp: the low-level import hooks importlib, zipimport and pkgutil use.
import _imp
import sys
import importlib.machinery
import importlib.util


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


names = ['_fix_co_filename', 'acquire_lock', 'check_hash_based_pycs', 'create_builtin',
         'create_dynamic', 'exec_builtin', 'exec_dynamic', 'extension_suffixes', 'find_frozen',
         'get_frozen_object', 'init_frozen', 'is_builtin', 'is_frozen', 'is_frozen_package',
         'lock_held', 'release_lock', 'source_hash']
print([n for n in names if not hasattr(_imp, n)])
print(_imp.__doc__)

# The import lock: re-entrant, held by this thread, released as often as taken.
print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
import json  # importing while holding it works
_imp.release_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
t(_imp.release_lock)

import threading
held = []
_imp.acquire_lock()
th = threading.Thread(target=lambda: held.append(_imp.lock_held()))
th.start(); th.join()
_imp.release_lock()
print('other thread sees it held:', held)
def other_release():
    try:
        _imp.release_lock()
    except RuntimeError as e:
        held.append(str(e))
_imp.acquire_lock()
th = threading.Thread(target=other_release)
th.start(); th.join()
_imp.release_lock()
print(held[-1])

# Built-in modules.
print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('_imp'),
      _imp.is_builtin('itertools'), _imp.is_builtin('no_such_mod'), _imp.is_builtin('json'))
t(_imp.is_builtin, 1)
spec = importlib.machinery.ModuleSpec('itertools', None)
m = _imp.create_builtin(spec)
import itertools
print(type(m).__name__, m.__name__, _imp.exec_builtin(m))
print(_imp.create_builtin(importlib.machinery.ModuleSpec('no_such_mod', None)))
t(_imp.create_builtin, 1)
print(_imp.exec_dynamic(m))

# Frozen: none here that are not frozen in CPython either.
print(_imp.is_frozen('no_such_mod'))
t(_imp.is_frozen, 1)
t(_imp.get_frozen_object, 'no_such_mod')
t(_imp.get_frozen_object, 1)
t(_imp.is_frozen_package, 'no_such_mod')
t(_imp.find_frozen, 'no_such_mod')
t(_imp.find_frozen, 1)
t(_imp.init_frozen, 'no_such_mod')
t(_imp.init_frozen, 1)
try:
    _imp.get_frozen_object('no_such_mod')
except ImportError as e:
    print(e.name)

# Hash-based pycs (PEP 552).
print(_imp.check_hash_based_pycs)
print(_imp.source_hash(3495, b'abc'))
print(_imp.source_hash(1, b''))
print(_imp.source_hash(key=-1, source=b'hello world, this is long'))
print(_imp.source_hash(7, bytearray(b'x' * 100)))
print(_imp.source_hash(7, memoryview(b'12345678')))
print(importlib.util.source_hash(b'print(1)\n') == _imp.source_hash(importlib.util._RAW_MAGIC_NUMBER, b'print(1)\n')
      if hasattr(importlib.util, '_RAW_MAGIC_NUMBER') else True)
t(_imp.source_hash, 'a', b'x')
t(_imp.source_hash, 1, 'x')
t(_imp.source_hash, 2 ** 70, b'')

# _fix_co_filename rewrites nested code objects too.
c = compile('def f():\n  def g(): pass\n  return g\n', 'old.py', 'exec')
_imp._fix_co_filename(c, 'new.py')
f_code = [k for k in c.co_consts if isinstance(k, type(c))][0]
g_code = [k for k in f_code.co_consts if isinstance(k, type(c))][0]
print(c.co_filename, f_code.co_filename, g_code.co_filename)
ns = {}
exec(c, ns)
print(ns['f']().__code__.co_filename)
t(_imp._fix_co_filename, 1, 'x')
t(_imp._fix_co_filename, c, 1)

print(type(_imp.extension_suffixes()), all(s.endswith('.so') for s in _imp.extension_suffixes()))
print(type(_imp._frozen_module_names()))

# BuiltinImporter round trip through importlib.
spec = importlib.util.find_spec('itertools')
print(spec.origin, spec.loader is importlib.machinery.BuiltinImporter)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.__name__, type(mod).__name__)
print(_imp.create_builtin(importlib.machinery.ModuleSpec('sys', None)) is sys)
