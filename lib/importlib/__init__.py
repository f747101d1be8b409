"""importlib for ftpy: import_module(), reload() and invalidate_caches().

ftpy's import system is built into the interpreter (src/vm/import.cpp);
this package exposes it through importlib's public functions.
"""

import sys as _sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    # The absolute name of a relative import of `name` from `package`.
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '%s.%s' % (base, name) if name else base


def import_module(name, package=None):
    """Import a module and return it (the leaf module for a dotted name).

    A relative name (leading dots) is resolved against `package`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            "relative import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return _sys.modules[name]


def reload(module):
    """Re-execute a module's source in its existing namespace and return
    the module (the object in sys.modules, which the code may replace)."""
    if type(module).__name__ != 'module' and not isinstance(module, type(_sys)):
        raise TypeError('reload() argument must be a module')
    name = module.__name__
    if _sys.modules.get(name) is not module:
        raise ImportError('module %s not in sys.modules' % name, name=name)
    if '.' in name:
        parent = name.rpartition('.')[0]
        if parent not in _sys.modules:
            raise ImportError('parent %r not in sys.modules' % parent, name=parent)
    filename = getattr(module, '__file__', None)
    if filename is None:
        # Built-in modules have no source to run again.
        return module
    with open(filename, encoding='utf-8') as f:
        source = f.read()
    code = compile(source, filename, 'exec')
    exec(code, module.__dict__)
    return _sys.modules[name]


def invalidate_caches():
    """ftpy's finder keeps no caches; present for compatibility."""


def _add_host_submodules():
    # Submodules ftpy does not provide itself (resources, metadata, abc,
    # readers, simple) come from the host standard library's importlib
    # package, found after ftpy's own files.
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    for d in _sys.path:
        cand = os.path.join(os.path.abspath(d or '.'), 'importlib')
        if cand != here and os.path.isfile(os.path.join(cand, 'resources', '__init__.py')):
            __path__.append(cand)
            return


_add_host_submodules()
del _add_host_submodules
