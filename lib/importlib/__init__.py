"""importlib for ftpy: import_module(), reload() and invalidate_caches().

ftpy's import system is built into the interpreter (src/vm/import.cpp);
this package exposes it through importlib's public functions.
"""

import sys as _sys

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

from builtins import __import__


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


_RELOADING = {}


def _find_spec(name, path, target=None):
    # The first spec a finder on sys.meta_path gives (path: the parent
    # package's __path__, None at top level).
    for finder in _sys.meta_path:
        find_spec = getattr(finder, 'find_spec', None)
        if find_spec is not None:
            spec = find_spec(name, path, target)
            if spec is not None:
                return spec
    return None


def reload(module):
    """Finds the module's spec again (through sys.meta_path, so on its
    parent's __path__ or sys.path), executes its code in the existing
    module's namespace and returns the module in sys.modules afterwards
    (which the code may have replaced). A reload of a module already being
    reloaded returns it as it is."""
    from importlib import _bootstrap
    spec = getattr(module, '__spec__', None)
    name = getattr(spec, 'name', None) if spec is not None else None
    if name is None:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError('reload() argument must be a module') from None
    if _sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        path = None
        parent = name.rpartition('.')[0]
        if parent:
            if parent not in _sys.modules:
                raise ImportError(f'parent {parent!r} not in sys.modules', name=parent)
            path = _sys.modules[parent].__path__
        found = _find_spec(name, path, module)
        if found is None:
            raise ModuleNotFoundError(f'spec not found for the module {name!r}', name=name)
        module.__spec__ = found
        _bootstrap._exec(found, module)
        return _sys.modules[name]
    finally:
        _RELOADING.pop(name, None)


def invalidate_caches():
    """Calls invalidate_caches() of every finder on sys.meta_path that has
    one (PathFinder's passes it on to the path entry finders, so a
    zipimporter re-reads its archive)."""
    for finder in _sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def find_loader(name, path=None):
    """Deprecated: the loader of module `name` (None if it cannot be found),
    from its spec; an imported module's own __loader__."""
    import warnings
    warnings.warn('Deprecated since Python 3.4 and slated for removal in Python 3.12; use '
                  'importlib.util.find_spec() instead', DeprecationWarning, stacklevel=2)
    module = _sys.modules.get(name)
    if module is not None:
        try:
            loader = module.__loader__
        except AttributeError:
            raise ValueError(f'{name}.__loader__ is not set') from None
        if loader is None:
            raise ValueError(f'{name}.__loader__ is None')
        return loader
    import importlib._bootstrap  # noqa: F401  (puts the default finders on sys.meta_path)
    spec = _find_spec(name, path)
    if spec is None:
        return None
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError(f'spec for {name} missing loader', name=name)
        raise ImportError('namespace packages do not have loaders', name=name)
    return spec.loader


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
