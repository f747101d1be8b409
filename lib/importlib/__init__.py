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
    # Submodules ftpy does not provide itself (resources, readers, simple,
    # metadata) come from the host standard library's importlib package:
    # the first importlib directory on sys.path with a resources package
    # (ftpy's own has none). posix, not os: this runs at every start-up, and
    # importing os here costs about a third of an empty program's time.
    import posix
    for d in _sys.path:
        cand = (d or '.').rstrip('/') + '/importlib'
        try:
            posix.stat(cand + '/resources/__init__.py')
        except OSError:
            continue
        __path__.append(cand)
        return


_add_host_submodules()
del _add_host_submodules
