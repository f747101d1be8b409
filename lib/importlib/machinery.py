"""importlib.machinery for ftpy (whose importer is native): the file
suffixes the importer recognises (inspect maps modules to source files with
them), the spec and loader classes of the modules it imports (from
importlib._bootstrap), PathFinder, and FileFinder, the finder for one
directory (from importlib._bootstrap_external), which pkgutil registers and
walks (pkgutil, runpy and pydoc need it to exist). Importing this module
installs sys.path_hooks."""

from importlib._bootstrap import (BuiltinImporter, ExtensionFileLoader, FrozenImporter, ModuleSpec,
                                  NamespaceLoader, PathFinder, SourceFileLoader, SourcelessFileLoader,
                                  WindowsRegistryFinder, SOURCE_SUFFIXES, EXTENSION_SUFFIXES)
from importlib._bootstrap_external import (FileFinder, BYTECODE_SUFFIXES, DEBUG_BYTECODE_SUFFIXES,
                                           OPTIMIZED_BYTECODE_SUFFIXES)

__all__ = ['SOURCE_SUFFIXES', 'BYTECODE_SUFFIXES', 'DEBUG_BYTECODE_SUFFIXES',
           'OPTIMIZED_BYTECODE_SUFFIXES', 'EXTENSION_SUFFIXES', 'all_suffixes',
           'BuiltinImporter', 'ExtensionFileLoader', 'FileFinder', 'FrozenImporter',
           'ModuleSpec', 'NamespaceLoader', 'PathFinder', 'SourceFileLoader',
           'SourcelessFileLoader', 'WindowsRegistryFinder']

# EXTENSION_SUFFIXES: native extension modules (include/ftpy/ftpy.h
# FTPY_EXT_SUFFIX, then .so).


def all_suffixes():
    """Every suffix of a file the importer may load as a module."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


def _install_path_hooks():
    # CPython's sys.path_hooks are [zipimporter, FileFinder's hook], which
    # pkgutil's get_importer and iter_modules use to list a directory's or
    # an archive's modules. ftpy's importer searches directories natively
    # and needs the hooks only for other path entries, so they are
    # installed when this module is first imported (pkgutil imports it), or
    # by the importer at the first entry that is not a directory
    # (importlib._bootstrap._install_path_hooks), rather than at start-up.
    # Hooks the program added keep their order after these. FileFinder's
    # specs carry the loaders CPython's would.
    import sys
    hooks = sys.path_hooks
    if not any(getattr(hook, '__qualname__', '').startswith('FileFinder.path_hook') for hook in hooks):
        hooks.append(FileFinder.path_hook((ExtensionFileLoader, EXTENSION_SUFFIXES),
                                          (SourceFileLoader, SOURCE_SUFFIXES)))
    try:
        import zipimport
    except ImportError:
        return  # no host standard library: directories only
    zipimporter = getattr(zipimport, 'zipimporter', None)  # None while zipimport runs
    if zipimporter is not None and zipimporter not in hooks:
        hooks.insert(0, zipimporter)


_install_path_hooks()
