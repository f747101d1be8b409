"""importlib.machinery for ftpy (whose importer is native): the file
suffixes the importer recognises (inspect maps modules to source files with
them), the spec and loader classes of the modules it imports (from
importlib._bootstrap), PathFinder, and FileFinder, the finder for one
directory, which pkgutil registers and walks (pkgutil, runpy and pydoc need
it to exist)."""

from importlib._bootstrap import (BuiltinImporter, ExtensionFileLoader, FrozenImporter, ModuleSpec,
                                  NamespaceLoader, PathFinder, SourceFileLoader, SourcelessFileLoader,
                                  WindowsRegistryFinder, SOURCE_SUFFIXES, EXTENSION_SUFFIXES)

__all__ = ['SOURCE_SUFFIXES', 'BYTECODE_SUFFIXES', 'DEBUG_BYTECODE_SUFFIXES',
           'OPTIMIZED_BYTECODE_SUFFIXES', 'EXTENSION_SUFFIXES', 'all_suffixes',
           'BuiltinImporter', 'ExtensionFileLoader', 'FileFinder', 'FrozenImporter',
           'ModuleSpec', 'NamespaceLoader', 'PathFinder', 'SourceFileLoader',
           'SourcelessFileLoader', 'WindowsRegistryFinder']

# ftpy reads and writes no bytecode files; the suffixes still name them.
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
# EXTENSION_SUFFIXES: native extension modules (include/ftpy/ftpy.h
# FTPY_EXT_SUFFIX, then .so).


def all_suffixes():
    """Every suffix of a file the importer may load as a module."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


class FileFinder:
    """Finds modules and packages in one directory, as CPython's FileFinder
    does. `loader_details` are (loader, suffixes) pairs; the suffixes are
    what it looks for, in order (with none it finds nothing, as in CPython).
    `find_spec(name)` for the last part of `name` looks for a package (a
    directory with an __init__ file of one of the suffixes), then a module
    file. `path` is the directory ('.' for the empty entry). The specs it
    returns say where a module is and carry a loader made as CPython makes
    it, loader(fullname, path); ftpy's native importer does the loading."""

    def __init__(self, path, *loader_details):
        self.path = path or '.'
        self._loaders = [(suffix, loader) for loader, suffixes in loader_details
                         for suffix in suffixes]

    def __repr__(self):
        return f'FileFinder({self.path!r})'

    def invalidate_caches(self):
        """Nothing to drop: every lookup reads the directory."""

    def find_spec(self, fullname, target=None):
        import os
        tail = fullname.rpartition('.')[2]
        base = os.path.join(self.path, tail)
        if os.path.isdir(base):
            for suffix, loader in self._loaders:
                init = os.path.join(base, '__init__' + suffix)
                if os.path.isfile(init):
                    spec = ModuleSpec(fullname, loader(fullname, init), origin=init, is_package=True)
                    spec.submodule_search_locations.append(base)
                    spec.has_location = True
                    return spec
        for suffix, loader in self._loaders:
            if os.path.isfile(base + suffix):
                spec = ModuleSpec(fullname, loader(fullname, base + suffix), origin=base + suffix)
                spec.has_location = True
                return spec
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        """A sys.path_hooks entry: a FileFinder for a directory, ImportError
        for anything else."""
        def path_hook_for_FileFinder(path):
            import os
            if not os.path.isdir(path or '.'):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder


def _install_path_hook():
    # CPython's sys.path_hooks ends with FileFinder's hook, which pkgutil's
    # get_importer and iter_modules use to list a directory's modules.
    # ftpy's importer is native and needs no hook, so it is installed when
    # this module is first imported (pkgutil imports it) rather than at
    # start-up. Its finders' specs carry the loaders CPython's would.
    import sys
    for hook in sys.path_hooks:
        if getattr(hook, '__qualname__', '').startswith('FileFinder.path_hook'):
            return
    sys.path_hooks.append(FileFinder.path_hook((ExtensionFileLoader, EXTENSION_SUFFIXES),
                                               (SourceFileLoader, SOURCE_SUFFIXES)))


_install_path_hook()
