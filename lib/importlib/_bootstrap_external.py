"""importlib._bootstrap_external for ftpy: CPython keeps its path-based
finders and file loaders here; ftpy's importer is native, and its loader and
finder classes live in importlib._bootstrap and importlib.machinery. This
module gives the names the standard library reaches for here (pydoc,
py_compile, modulefinder, imp, zipimport): the loaders, FileFinder, the
path helpers, the suffix lists and the bytecode helpers. It imports no
other importlib submodule but _bootstrap and util: zipimport imports it,
and importlib.machinery imports zipimport.

ftpy writes no CPython bytecode files and cannot load them: a SourcelessFileLoader
exists (pydoc constructs one for a .pyc path) but loading through it raises
ImportError, and the .pyc writers raise NotImplementedError."""

import sys
import posix as _os

from importlib._bootstrap import (ExtensionFileLoader, NamespaceLoader, PathFinder,
                                  SourceFileLoader, SourcelessFileLoader, WindowsRegistryFinder,
                                  SOURCE_SUFFIXES, EXTENSION_SUFFIXES, _FileLoader,
                                  _path_split, spec_from_file_location)
from importlib.util import MAGIC_NUMBER, cache_from_source, source_from_cache, decode_source
from importlib._bootstrap import ModuleSpec

# ftpy reads and writes no CPython bytecode files; the suffixes still name them.
BYTECODE_SUFFIXES = ['.pyc']
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES

path_sep = '/'
path_separators = '/'
_pathseps_with_colon = {'/:'}
_PYCACHE = '__pycache__'
_OPT = 'opt-'
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')


def _path_join(*path_parts):
    """Join with '/', dropping empty parts and doubled separators."""
    return path_sep.join(part.rstrip(path_separators) for part in path_parts if part)


def _path_stat(path):
    return _os.stat(path)


def _path_is_mode_type(path, mode):
    try:
        st = _path_stat(path)
    except OSError:
        return False
    return (st.st_mode & 0o170000) == mode


def _path_isfile(path):
    return _path_is_mode_type(path, 0o100000)


def _path_isdir(path):
    if not path:
        path = _os.getcwd()
    return _path_is_mode_type(path, 0o040000)


def _path_isabs(path):
    return path.startswith(path_separators)


def _path_abspath(path):
    if not _path_isabs(path):
        path = _path_join(_os.getcwd(), path)
    return path


def _calc_mode(path):
    """The mode bits for a file written beside `path` (0o666 if unknown)."""
    try:
        mode = _path_stat(path).st_mode
    except OSError:
        mode = 0o666
    return mode | 0o200


def _write_atomic(path, data, mode=0o666):
    """Write `data` to `path` through a temporary file and a rename, so a
    reader never sees half a file."""
    path_tmp = '{}.{}'.format(path, id(path))
    fd = _os.open(path_tmp, _os.O_EXCL | _os.O_CREAT | _os.O_WRONLY, mode & 0o666)
    try:
        with open(fd, 'wb') as file:
            file.write(data)
        _os.replace(path_tmp, path)
    except OSError:
        try:
            _os.unlink(path_tmp)
        except OSError:
            pass
        raise


def _pack_uint32(x):
    """x as 4 little-endian bytes (a .pyc header field)."""
    return (int(x) & 0xFFFFFFFF).to_bytes(4, 'little')


def _unpack_uint32(data):
    """The little-endian unsigned int of 4 bytes (zipimport reads its
    archives' headers with these)."""
    assert len(data) == 4
    return int.from_bytes(data, 'little')


def _unpack_uint16(data):
    """The little-endian unsigned int of 2 bytes."""
    assert len(data) == 2
    return int.from_bytes(data, 'little')


def _fix_up_module(ns, name, pathname, cpathname=None):
    """Gives the namespace of a module loaded by hand (zipimporter's
    load_module) the __loader__, __spec__, __file__ and __cached__ that
    import would have set, keeping any it already has."""
    loader = ns.get('__loader__')
    spec = ns.get('__spec__')
    if not loader:
        loader = spec.loader if spec else SourceFileLoader(name, pathname)
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
    try:
        ns['__spec__'] = spec
        ns['__loader__'] = loader
        ns['__file__'] = pathname
        ns['__cached__'] = cpathname if cpathname is not None else spec.cached
    except Exception:
        # As CPython: a namespace that refuses the names is left alone.
        pass


def _code_to_timestamp_pyc(code, mtime=0, source_size=0):
    # py_compile and compileall write what this returns to
    # cache_from_source(path): ftpy's own cache format (vm/code_cache.cpp),
    # keyed by the source file's stat, so a later import loads it. The file
    # is the code's co_filename; under another display name (dfile) the
    # bytes are empty, which import ignores.
    import _ftpy_codecache
    return _ftpy_codecache.source_cache_bytes(code, code.co_filename)


def _code_to_hash_pyc(code, source_hash=b'', checked=True):
    # ftpy keys its cache by the file's stat only (see above).
    return _code_to_timestamp_pyc(code)


def _classify_pyc(data, name, exc_details):
    # ftpy cannot run CPython's bytecode: a .pyc of the right version is
    # refused by name (zipimport then uses the .py beside it, or reports
    # "module load failed: ..."), anything else by CPython's message.
    if data[:4] == MAGIC_NUMBER:
        raise ImportError(f'ftpy cannot load CPython bytecode for {name!r}', **exc_details)
    raise ImportError(f'bad magic number in {name!r}: {data[:4]!r}', **exc_details)


class _LoaderBasics:
    """The part of a loader that zipimport's zipimporter builds on."""

    def is_package(self, fullname):
        filename = _path_split(self.get_filename(fullname))[1]
        return filename.rpartition('.')[0] == '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when get_code() returns None')
        exec(code, module.__dict__)

    def load_module(self, fullname):
        import importlib._bootstrap as _bootstrap
        spec = spec_from_file_location(fullname, self.get_filename(fullname), loader=self)
        module = sys.modules.get(fullname)
        if module is None:
            module = _bootstrap.module_from_spec(spec)
            sys.modules[fullname] = module
        self.exec_module(module)
        return sys.modules[fullname]


def _find_module_shim(self, fullname):
    """The deprecated find_module() of a path entry finder, through its
    find_loader() (3.11's DeprecationWarning; a namespace portion gives
    ImportWarning and None)."""
    import _warnings
    _warnings.warn('find_module() is deprecated and slated for removal in Python 3.12; '
                   'use find_spec() instead', DeprecationWarning)
    loader, portions = self.find_loader(fullname)
    if loader is None and len(portions):
        _warnings.warn(f'Not importing directory {portions[0]}: missing __init__', ImportWarning)
    return loader


class FileLoader(_FileLoader):
    """The base of importlib.abc.FileLoader: a loader of one file, known by
    its module name and path."""

    def load_module(self, fullname=None):
        import importlib._bootstrap as _bootstrap
        return _bootstrap._load_module_shim(self, self._check_name(fullname))


class SourceLoader(_LoaderBasics):
    """The base of importlib.abc.SourceLoader: a subclass gives
    get_filename() and get_data(); the source is compiled and executed
    (ftpy writes no bytecode, so set_data is never called)."""

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {'mtime': self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Optional: write data to path (bytecode caches, unused here)."""

    def get_source(self, fullname):
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()', name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)


class FileFinder:
    """Finds modules and packages in one directory, as CPython's FileFinder
    does. `loader_details` are (loader, suffixes) pairs; the suffixes are
    what it looks for, in order (with none it finds nothing, as in CPython).
    `find_spec(name)` for the last part of `name` looks for a package (a
    directory with an __init__ file of one of the suffixes), then a module
    file. `path` is the directory ('.' for the empty entry). The specs it
    returns say where a module is and carry a loader made as CPython makes
    it, loader(fullname, path); ftpy's native importer does the loading."""

    # The native importer searches a directory itself; a FileFinder in
    # sys.path_importer_cache tells it there is nothing more to ask there.
    _ftpy_native_finder = True

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
            # posix, not os: the hook runs during imports (os may be one).
            import posix
            try:
                is_dir = (posix.stat(path or '.').st_mode & 0o170000) == 0o040000
            except (OSError, ValueError):
                is_dir = False
            if not is_dir:
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder


FileFinder.__module__ = '_frozen_importlib_external'


FileLoader.__module__ = SourceLoader.__module__ = _LoaderBasics.__module__ = '_frozen_importlib_external'

# Until this module is imported, '_frozen_importlib_external' names
# importlib._bootstrap; from here on it is this module, as in CPython, so
# importlib.abc finds FileFinder and the loader bases under that name.
sys.modules['_frozen_importlib_external'] = sys.modules[__name__]
