"""Module specs and loaders for ftpy's native importer (src/vm/import.cpp).

ftpy finds and executes modules in C++; this module gives the results the
objects Python code expects to see: every imported module has a __spec__
(a ModuleSpec) and a __loader__ (BuiltinImporter for built-in modules,
SourceFileLoader for .py files, ExtensionFileLoader for native modules), and
programs can drive the loaders themselves (importlib.util's
spec_from_file_location + module_from_spec + loader.exec_module, runpy,
pkgutil.get_data).

The importer imports this module the first time it needs a spec and calls
`_spec_for(name, origin, package_dir)`. It must import nothing but built-in
modules (sys, posix), at module level or on the way to a spec: while it
loads, the importer cannot make specs yet (it gives the modules loaded
meanwhile their specs afterwards), and a file module imported from
_spec_for would need a spec itself.

The classes carry the module names CPython gives them (_frozen_importlib,
_frozen_importlib_external), so their reprs read as CPython's do.
'_frozen_importlib' is an alias of this module in sys.modules;
'_frozen_importlib_external' is importlib._bootstrap_external, which
registers itself under that name (lib/_frozen_importlib_external.py imports
it on demand; the host's zipimport.py needs its helpers).
"""

import posix as _posix
import sys

_BUILTIN = '_frozen_importlib'
_EXTERNAL = '_frozen_importlib_external'


def _cached_path(origin):
    """CPython's _get_cached: the cache file of a .py origin, a .pyc origin
    itself, else None."""
    if origin.endswith('.py'):
        try:
            from importlib.util import cache_from_source
            return cache_from_source(origin)
        except (ImportError, NotImplementedError):
            return None
    if origin.endswith('.pyc'):
        return origin
    return None


class ModuleSpec:
    """What the import system knows about a module before loading it: its
    name, loader, origin (a file, or 'built-in'), and for a package the
    directories searched for its submodules."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{type(self).__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations and
                    self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    __hash__ = None

    @property
    def cached(self):
        # A source file's bytecode cache (<dir>/__pycache__/<name>.ftpy.pyc,
        # vm/code_cache.h), named whether or not it was written, as CPython.
        if self._cached is None and self.origin is not None and self._set_fileattr:
            self._cached = _cached_path(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the package the module belongs to ('' at top level)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


ModuleSpec.__module__ = _BUILTIN


class BuiltinImporter:
    """Finder and loader of the modules compiled into the interpreter."""

    _ORIGIN = 'built-in'

    def __init__(self, *args, **kwargs):
        raise TypeError('BuiltinImporter is used as a class, not instantiated')

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or fullname not in sys.builtin_module_names:
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN)

    @staticmethod
    def create_module(spec):
        if spec.name not in sys.builtin_module_names:
            raise ImportError(f'{spec.name!r} is not a built-in module', name=spec.name)
        module = sys.modules.get(spec.name)
        return module if module is not None else __import__(spec.name)

    @staticmethod
    def exec_module(module):
        """Built-in modules are complete once created."""

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None


BuiltinImporter.__module__ = _BUILTIN


class FrozenImporter:
    """Finder of frozen modules; ftpy freezes none, so it finds nothing.
    It exists because importlib.abc registers it with MetaPathFinder and
    InspectLoader, as CPython's meta path lists it."""

    _ORIGIN = 'frozen'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        raise ImportError(f'No frozen module named {spec.name!r}', name=spec.name)

    @staticmethod
    def exec_module(module):
        raise ImportError(f'No frozen module named {module.__name__!r}', name=module.__name__)

    @classmethod
    def is_package(cls, fullname):
        raise ImportError(f'No frozen module named {fullname!r}', name=fullname)

    get_code = get_source = is_package


FrozenImporter.__module__ = _BUILTIN


def _load_module_shim(self, fullname):
    """The deprecated load_module() of importlib.abc.Loader: load through
    the loader's spec into sys.modules (3.11's DeprecationWarning)."""
    import _warnings
    _warnings.warn('the load_module() method is deprecated and slated for removal in '
                   'Python 3.12; use exec_module() instead', DeprecationWarning)
    spec = spec_from_loader(fullname, self)
    module = sys.modules.get(fullname)
    if module is None:
        module = module_from_spec(spec)
        sys.modules[fullname] = module
    else:
        _init_module_attrs(spec, module)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        if module is not sys.modules.get(fullname):
            raise
        sys.modules.pop(fullname, None)
        raise
    return sys.modules[fullname]


def _verbose_message(message, *args, verbosity=1):
    """Prints a '# '-prefixed message to stderr under -v (zipimport's
    trace of what it tries)."""
    if sys.flags.verbose >= verbosity:
        if not message.startswith(('#', 'import ')):
            message = '# ' + message
        print(message.format(*args), file=sys.stderr)


def _path_split(path):
    head, sep, tail = path.rpartition('/')
    return (head, tail) if sep else ('', path)


class _FileLoader:
    """What a loader of one file has: its module name and path, the file's
    bytes (get_data) and equality by both."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def _check_name(self, name):
        if name is None:
            return self.name
        if name != self.name:
            raise ImportError(f'loader for {self.name} cannot handle {name}', name=name)
        return name

    def get_filename(self, name=None):
        self._check_name(name)
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def is_package(self, fullname):
        filename = _path_split(self.get_filename(fullname))[1]
        return filename.rpartition('.')[0] == '__init__'

    def create_module(self, spec):
        """The default module object (import makes a plain module)."""
        return None

    def get_resource_reader(self, name=None):
        """importlib.resources' reader: the files beside the module (from
        the host's importlib.readers, as CPython's FileLoader)."""
        from importlib.readers import FileReader
        return FileReader(self)

    def load_module(self, fullname=None):
        """The old protocol: create, register and execute the module."""
        fullname = self._check_name(fullname)
        spec = spec_from_file_location(fullname, self.path, loader=self)
        module = sys.modules.get(fullname)
        if module is None:
            module = module_from_spec(spec)
            sys.modules[fullname] = module
        else:
            _init_module_attrs(spec, module)
        try:
            self.exec_module(module)
        except BaseException:
            sys.modules.pop(fullname, None)
            raise
        return sys.modules[fullname]


class SourceFileLoader(_FileLoader):
    """Loads a module from a .py file: the source is compiled and executed
    in the module's namespace."""

    def path_stats(self, path):
        import os
        st = os.stat(path)
        return {'mtime': st.st_mtime, 'size': st.st_size}

    def get_source(self, fullname):
        data = self.get_data(self.get_filename(fullname))
        import io
        import tokenize
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        text = data.decode(encoding)
        return text.replace('\r\n', '\n').replace('\r', '\n')

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when get_code() returns None')
        exec(code, module.__dict__)


SourceFileLoader.__module__ = _EXTERNAL


class ExtensionFileLoader(_FileLoader):
    """Loads a native extension module (include/ftpy/ftpy.h) from its shared
    object. The native importer does the loading: create_module imports the
    module by name from the file's directory."""

    def create_module(self, spec):
        module = sys.modules.get(spec.name)
        if module is not None:
            return module
        directory = _path_split(self.path)[0]
        leaf = spec.name.rpartition('.')[2]
        if spec.name != leaf or directory not in sys.path:
            raise ImportError(f'cannot load extension module {spec.name!r} from {self.path!r} '
                              'outside the import path', name=spec.name, path=self.path)
        return __import__(spec.name)

    def exec_module(self, module):
        """Native modules are initialised when created."""

    def is_package(self, fullname):
        return False

    def get_code(self, fullname):
        return None

    def get_source(self, fullname):
        return None


ExtensionFileLoader.__module__ = _EXTERNAL

class SourcelessFileLoader(_FileLoader):
    """Loader for a .pyc file: ftpy has no bytecode format to load."""

    def get_code(self, fullname):
        raise ImportError(f'ftpy cannot load bytecode file {self.path!r}', name=fullname,
                          path=self.path)

    def exec_module(self, module):
        self.get_code(module.__name__)

    def get_source(self, fullname):
        return None


SourcelessFileLoader.__module__ = _EXTERNAL


class NamespaceLoader:
    """The loader of a namespace package (a directory without __init__):
    there is no code to run."""

    def __init__(self, name, path, path_finder):
        self._name = name
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        pass


NamespaceLoader.__module__ = _EXTERNAL


class WindowsRegistryFinder:
    """The Windows registry finder; on other systems it finds nothing."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


WindowsRegistryFinder.__module__ = _EXTERNAL

SOURCE_SUFFIXES = ['.py']
EXTENSION_SUFFIXES = ['.ftpy-1.so', '.so']

_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the module `name` in the file `location`, with the loader
    its suffix calls for (None if no loader handles the suffix)."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _posix.fspath(location)
        if not location.startswith('/'):
            try:
                location = _posix.getcwd() + '/' + location
            except OSError:
                pass
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for cls, suffixes in ((ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES)):
            if location.endswith(tuple(suffixes)):
                loader = cls(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        is_package = getattr(loader, 'is_package', None)
        if is_package is not None:
            try:
                if is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            spec.submodule_search_locations.append(_path_split(location)[0])
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for a module a given loader loads."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _init_module_attrs(spec, module):
    # The attributes import sets on a module from its spec; one the module
    # refuses (AttributeError) is skipped and the rest are still set.
    attrs = [('__name__', spec.name), ('__loader__', spec.loader),
             ('__package__', spec.parent), ('__spec__', spec)]
    if spec.submodule_search_locations is not None:
        attrs.append(('__path__', spec.submodule_search_locations))
    if spec.has_location:
        attrs.append(('__file__', spec.origin))
        if spec.cached is not None:
            attrs.append(('__cached__', spec.cached))
    for name, value in attrs:
        try:
            setattr(module, name, value)
        except AttributeError:
            pass
    return module


def module_from_spec(spec):
    """A new module for `spec`, made by its loader's create_module (or a
    plain module), with the import attributes set; not yet executed."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = type(sys)(spec.name)
    return _init_module_attrs(spec, module)


# --- sys.path_hooks -------------------------------------------------------------
# The native importer searches directories itself. A path entry where that
# search finds nothing is handed to the path entry finder of
# sys.path_importer_cache, made by sys.path_hooks when first met (CPython's
# PathFinder._path_importer_cache): so zip archives (zipimport's
# zipimporter, CPython's first hook) and the program's own hooks work. A
# directory's finder is the default hook's FileFinder, which marks itself
# _ftpy_native_finder: for it (and for None) the native search was the
# whole answer.

def _install_path_hooks():
    # CPython's sys.path_hooks start as [zipimporter, FileFinder's hook];
    # ftpy's start empty and get them when importlib.machinery is first
    # imported (it installs them; pkgutil, runpy and importlib.abc import
    # it) or at the first path entry that is not a directory, whichever
    # comes first: zipimport is Python code here, too costly to import at
    # every start-up.
    import importlib.machinery  # noqa: F401  (installs them)


# Thread safety: the first thread to need the hooks installs them holding
# _path_hooks_lock; the others wait for it. The imports the installation
# makes come back here in the installing thread (_path_hooks_installer), and
# are answered "no finder" without touching the cache: those modules are
# found by the native search.
import _thread
_path_hooks_lock = _thread.RLock()
_path_hooks_ready = False
_path_hooks_installer = None


def _path_importer(path):
    """The path entry finder of `path` from sys.path_importer_cache, made
    by the first of sys.path_hooks that takes it (None if none does) and
    cached, as CPython's PathFinder._path_importer_cache. '' means the
    current directory."""
    global _path_hooks_ready, _path_hooks_installer
    if not _path_hooks_ready:
        with _path_hooks_lock:
            if _path_hooks_installer == _thread.get_ident():
                return None
            if not _path_hooks_ready:
                _path_hooks_installer = _thread.get_ident()
                try:
                    _install_path_hooks()
                finally:
                    _path_hooks_installer = None
                _path_hooks_ready = True
    if path == '':
        try:
            path = _posix.getcwd()
        except FileNotFoundError:
            return None
    cache = sys.path_importer_cache
    try:
        return cache[path]
    except KeyError:
        pass
    # A hook that imports (CPython's are frozen and import nothing) would
    # come back here for the same entry: that nested search passes it over.
    key = (_thread.get_ident(), path)
    if key in _hooks_running:
        return None
    hooks = sys.path_hooks
    if hooks is not None and not hooks:
        import _warnings
        _warnings.warn('sys.path_hooks is empty', ImportWarning)
    finder = None
    _hooks_running.add(key)
    try:
        for hook in hooks or ():
            try:
                finder = hook(path)
                break
            except ImportError:
                continue
    finally:
        _hooks_running.discard(key)
    cache[path] = finder
    return finder


# (thread id, path entry) pairs whose hooks are running.
_hooks_running = set()


def _finder_spec(finder, fullname, target=None):
    # A path entry finder's spec: find_spec, or the deprecated find_loader
    # and find_module (3.11's ImportWarning), as CPython's _legacy_get_spec.
    if hasattr(finder, 'find_spec'):
        return finder.find_spec(fullname, target)
    import _warnings
    if hasattr(finder, 'find_loader'):
        _warnings.warn(f'{_object_name(finder)}.find_spec() not found; falling back to '
                       'find_loader()', ImportWarning)
        loader, portions = finder.find_loader(fullname)
    else:
        _warnings.warn(f'{_object_name(finder)}.find_spec() not found; falling back to '
                       'find_module()', ImportWarning)
        loader, portions = finder.find_module(fullname), []
    if loader is not None:
        return spec_from_loader(fullname, loader)
    spec = ModuleSpec(fullname, None)
    spec.submodule_search_locations = portions
    return spec


def _path_entry_spec(entry, fullname):
    """Called by the native importer for a path entry where its own search
    found nothing: the spec of the entry's finder (None if it has none, or
    it is a directory's FileFinder, or it finds nothing). A spec without a
    loader is a namespace package portion."""
    finder = _path_importer(entry)
    if finder is None or getattr(finder, '_ftpy_native_finder', False):
        return None
    spec = _finder_spec(finder, fullname)
    if spec is None or (spec.loader is None and not spec.submodule_search_locations):
        return None
    return spec


class PathFinder:
    """Finds top-level modules on sys.path and submodules on a package's
    __path__, as the native importer does."""

    @classmethod
    def invalidate_caches(cls):
        """Drops the cached finders of relative entries and of entries no
        hook took, and has the others drop their caches (zipimporter
        re-reads its archive), as CPython's."""
        cache = sys.path_importer_cache
        for name, finder in list(cache.items()):
            if finder is None or not name.startswith('/'):
                del cache[name]
            elif hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        import os
        if path is None:
            path = sys.path
        leaf = fullname.rpartition('.')[2]
        for entry in path:
            if not isinstance(entry, str):
                continue
            if not os.path.isdir(entry or '.'):
                spec = _path_entry_spec(entry, fullname)
                if spec is not None and spec.loader is not None:
                    return spec
                continue
            base = os.path.join(entry or '.', leaf)
            if os.path.isdir(base):
                init = os.path.join(base, '__init__.py')
                if os.path.isfile(init):
                    return spec_from_file_location(fullname, os.path.abspath(init),
                                                   submodule_search_locations=[os.path.abspath(base)])
            for suffix in EXTENSION_SUFFIXES + SOURCE_SUFFIXES:
                if os.path.isfile(base + suffix):
                    return spec_from_file_location(fullname, os.path.abspath(base + suffix))
        return None


PathFinder.__module__ = _EXTERNAL


# --- sys.meta_path ------------------------------------------------------------
# The default finders stand for ftpy's native search (src/vm/import.cpp):
# while sys.meta_path holds only them the importer never calls them. When a
# program adds its own finders, the importer calls _meta_path_find.
BuiltinImporter._ftpy_native_finder = True
FrozenImporter._ftpy_native_finder = True
PathFinder._ftpy_native_finder = True


def _meta_path_find(name, path, start, native_done):
    """Walks sys.meta_path from index `start` for module `name` (`path` is
    the parent package's __path__, None at top level). Returns a finder's
    spec, the index of a default finder (where the native search takes its
    turn; `native_done` once it has found nothing, so later defaults are
    passed over), or None when no finder has the module."""
    meta_path = sys.meta_path
    if not isinstance(meta_path, list):
        raise ImportError('sys.meta_path must be a list of import hooks', name=name)
    for index in range(start, len(meta_path)):
        finder = meta_path[index]
        if getattr(finder, '_ftpy_native_finder', False):
            if native_done:
                continue
            return index
        find_spec = getattr(finder, 'find_spec', None)
        if find_spec is None:
            find_module = getattr(finder, 'find_module', None)
            if find_module is None:
                continue
            import _warnings
            _warnings.warn(f'{_object_name(finder)}.find_spec() not found; falling back to '
                           'find_module()', ImportWarning)
            loader = find_module(name, path)
            if loader is None:
                continue
            return spec_from_loader(name, loader)
        spec = find_spec(name, path, None)
        if spec is not None:
            return spec
    return None


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


def _load_legacy(spec):
    """Loads through a loader without exec_module (the old load_module
    protocol, with 3.11's ImportWarning)."""
    import _warnings
    if spec.loader is None:
        if spec.submodule_search_locations is None:
            raise ImportError('missing loader', name=spec.name)
        module = module_from_spec(spec)
        sys.modules[spec.name] = module
        return module
    _warnings.warn(f'{_object_name(spec.loader)}.exec_module() not found; falling back to '
                   'load_module()', ImportWarning)
    spec.loader.load_module(spec.name)
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    if getattr(module, '__loader__', None) is None:
        try:
            module.__loader__ = spec.loader
        except AttributeError:
            pass
    if getattr(module, '__spec__', None) is None:
        try:
            module.__spec__ = spec
        except AttributeError:
            pass
    return module


# --- what imp.py takes from here ---------------------------------------------------

_ERR_MSG_PREFIX = 'No module named '
_ERR_MSG = _ERR_MSG_PREFIX + '{!r}'


def _exec(spec, module):
    """Executes `spec`'s module again in the existing `module` (which must
    be the one in sys.modules), as reload does; returns the module that
    ends up in sys.modules."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name!r} not in sys.modules', name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
            _init_module_attrs(spec, module)
        else:
            _init_module_attrs(spec, module)
            if not hasattr(spec.loader, 'exec_module'):
                import _warnings
                _warnings.warn(f'{_object_name(spec.loader)}.exec_module() not found; '
                               'falling back to load_module()', ImportWarning)
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        # The module may have replaced itself in sys.modules.
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def _load(spec):
    """Loads `spec`'s module into sys.modules and returns it (the module
    removed again if its code fails), as CPython's _load_unlocked."""
    if spec.loader is not None and not hasattr(spec.loader, 'exec_module'):
        return _load_legacy(spec)
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError('missing loader', name=spec.name)
        else:
            spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    return module


def _builtin_from_name(name):
    """The built-in module `name` (imported if need be)."""
    spec = BuiltinImporter.find_spec(name)
    if spec is None:
        raise ImportError('no built-in module named ' + name)
    module = sys.modules.get(name)
    return module if module is not None else __import__(name)


def _install_meta_path():
    # CPython's sys.meta_path starts as these three; ftpy's starts empty and
    # gets them when this module first loads (at the first import of a
    # module file, or when a program's finder is first seen), after any
    # finder the program already put there.
    if not any(getattr(f, '_ftpy_native_finder', False) for f in sys.meta_path):
        sys.meta_path.extend([BuiltinImporter, FrozenImporter, PathFinder])


_install_meta_path()


def _spec_for(name, origin, package_dir):
    """The spec the native importer attaches to a module it loads: `origin`
    is the file ('' for a built-in module), `package_dir` the package's
    directory ('' for a plain module)."""
    if not origin:
        return ModuleSpec(name, BuiltinImporter, origin='built-in')
    search = [package_dir] if package_dir else None
    return spec_from_file_location(name, origin, submodule_search_locations=search)


sys.modules.setdefault(_BUILTIN, sys.modules[__name__])
