"""importlib.util for ftpy (whose importer is native): name resolution,
the bytecode cache paths, decode_source, find_spec over sys.modules and
sys.path, and the spec functions programs load modules by hand with
(spec_from_file_location, spec_from_loader, module_from_spec; the classes
are in importlib._bootstrap)."""

import sys as _sys

from importlib._bootstrap import module_from_spec, spec_from_file_location, spec_from_loader

__all__ = ['MAGIC_NUMBER', 'cache_from_source', 'decode_source', 'find_spec',
           'module_for_loader', 'module_from_spec', 'resolve_name', 'set_loader',
           'set_package', 'source_from_cache', 'source_hash',
           'spec_from_file_location', 'spec_from_loader']

# The magic number of CPython 3.11's .pyc files (ftpy writes none).
MAGIC_NUMBER = (3495).to_bytes(2, 'little') + b'\r\n'
_RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')


def source_hash(source_bytes):
    """The 8-byte hash a hash-based .pyc records of its source (the same
    bytes as CPython's, keyed by the magic number)."""
    import _imp
    return _imp.source_hash(_RAW_MAGIC_NUMBER, source_bytes)


_OLD_DECORATOR_WARNING = ('The import system now takes care of this automatically; '
                          'this decorator is slated for removal in Python 3.12')


def _old_decorator_warning():
    import warnings
    warnings.warn(_OLD_DECORATOR_WARNING, DeprecationWarning, stacklevel=3)


def set_package(fxn):
    """Deprecated decorator of a load_module(): sets the returned module's
    __package__ when it is missing or None."""
    import functools

    @functools.wraps(fxn)
    def set_package_wrapper(*args, **kwargs):
        _old_decorator_warning()
        module = fxn(*args, **kwargs)
        if getattr(module, '__package__', None) is None:
            module.__package__ = module.__name__
            if not hasattr(module, '__path__'):
                module.__package__ = module.__package__.rpartition('.')[0]
        return module
    return set_package_wrapper


def set_loader(fxn):
    """Deprecated decorator of a load_module(): sets the returned module's
    __loader__ to the loader (self) when it is missing or None."""
    import functools

    @functools.wraps(fxn)
    def set_loader_wrapper(self, *args, **kwargs):
        _old_decorator_warning()
        module = fxn(self, *args, **kwargs)
        if getattr(module, '__loader__', None) is None:
            module.__loader__ = self
        return module
    return set_loader_wrapper


def module_for_loader(fxn):
    """Deprecated decorator of a load_module(self, fullname): the wrapped
    method gets the module to fill (the one in sys.modules, or a new one
    put there and removed again if the method fails), with __loader__ and
    __package__ set."""
    import functools
    import types

    @functools.wraps(fxn)
    def module_for_loader_wrapper(self, fullname, *args, **kwargs):
        _old_decorator_warning()
        module = _sys.modules.get(fullname)
        is_reload = module is not None
        if not is_reload:
            module = types.ModuleType(fullname)
            module.__initializing__ = True
            _sys.modules[fullname] = module
        try:
            module.__loader__ = self
            try:
                is_package = self.is_package(fullname)
            except (ImportError, AttributeError):
                pass
            else:
                module.__package__ = fullname if is_package else fullname.rpartition('.')[0]
            return fxn(self, module, *args, **kwargs)
        except BaseException:
            if not is_reload:
                _sys.modules.pop(fullname, None)
            raise
        finally:
            module.__initializing__ = False
    return module_for_loader_wrapper


def resolve_name(name, package):
    """The absolute module name of a relative `name` within `package`."""
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = parts[0]
    rest = name[level:]
    return f'{base}.{rest}' if rest else base


def _cache_tag():
    tag = getattr(getattr(_sys, 'implementation', None), 'cache_tag', None)
    if tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    return tag


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The .pyc path for a source file: <dir>/__pycache__/<name>.<tag>.pyc."""
    import os
    path = os.fspath(path)
    head, tail = os.path.split(path)
    base, sep, _ = tail.rpartition('.')
    name = base if sep else tail
    if optimization is None:
        optimization = _sys.flags.optimize or ''
    opt = '' if optimization == '' else f'.opt-{optimization}'
    return os.path.join(head, '__pycache__', f'{name}.{_cache_tag()}{opt}.pyc')


def source_from_cache(path):
    """The source path for a .pyc path made by cache_from_source."""
    import os
    path = os.fspath(path)
    head, pycache_filename = os.path.split(path)
    head, pycache = os.path.split(head)
    if pycache != '__pycache__':
        raise ValueError(f'__pycache__ not bottom-level directory in {path!r}')
    parts = pycache_filename.split('.')
    if len(parts) not in (3, 4):
        raise ValueError(f'expected only 2 or 3 dots in {pycache_filename!r}')
    return os.path.join(head, parts[0] + '.py')


def decode_source(source_bytes):
    """Source bytes as text, with universal newlines."""
    import io
    import tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    text = source_bytes.decode(encoding)
    return text.replace('\r\n', '\n').replace('\r', '\n')


def find_spec(name, package=None):
    """A spec for module `name`, or None when it cannot be found: from
    sys.modules when imported, else by looking for its file (the parent
    package of a submodule is imported first)."""
    from importlib._bootstrap import BuiltinImporter, PathFinder
    fullname = resolve_name(name, package) if name.startswith('.') else name
    module = _sys.modules.get(fullname)
    if module is not None:
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f'{fullname}.__spec__ is not set') from None
        if spec is None:
            raise ValueError(f'{fullname}.__spec__ is None')
        return spec
    parent = fullname.rpartition('.')[0]
    if parent:
        pkg = __import__(parent, fromlist=['__path__'])
        try:
            paths = pkg.__path__
        except AttributeError:
            raise ModuleNotFoundError(
                f'__path__ attribute not found on {parent!r} while trying to find {fullname!r}',
                name=fullname) from None
        return PathFinder.find_spec(fullname, paths)
    spec = BuiltinImporter.find_spec(fullname)
    if spec is not None:
        return spec
    return PathFinder.find_spec(fullname)


class _LazyModule(type(_sys)):
    """The class a lazily loaded module has until its first attribute
    access, which runs the real loader and turns it back into a plain
    module (attributes set on it meanwhile win over the module body's)."""

    def __getattribute__(self, attr):
        cls = type(_sys)
        state = cls.__getattribute__(self, '__spec__').loader_state
        cls.__setattr__(self, '__class__', cls)
        spec = self.__spec__
        before = state['__dict__']
        now = self.__dict__
        changed = {key: value for key, value in now.items()
                   if key not in before or before[key] is not value}
        spec.loader.exec_module(self)
        registered = _sys.modules.get(spec.name)
        if registered is not None and registered is not self:
            raise ValueError(f'module object for {spec.name!r} substituted in '
                             'sys.modules during a lazy load')
        self.__dict__.update(changed)
        return getattr(self, attr)

    def __delattr__(self, attr):
        self.__getattribute__(attr)
        delattr(self, attr)


class LazyLoader:
    """Wraps a loader so that the module's code runs at its first attribute
    access instead of at import (the wrapped loader needs exec_module)."""

    @staticmethod
    def _check_eager_loader(loader):
        if not hasattr(loader, 'exec_module'):
            raise TypeError('loader must define exec_module()')

    @classmethod
    def factory(cls, loader):
        """A callable making a LazyLoader around loader(*args, **kwargs)."""
        cls._check_eager_loader(loader)
        return lambda *args, **kwargs: cls(loader(*args, **kwargs))

    def __init__(self, loader):
        self._check_eager_loader(loader)
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        module.__spec__.loader_state = {'__dict__': module.__dict__.copy(),
                                        '__class__': module.__class__}
        module.__class__ = _LazyModule


def _register_loader_abc():
    # importlib.util.LazyLoader is an importlib.abc.Loader, as in CPython;
    # the ABC lives in the host's importlib/_abc.py, imported on demand.
    try:
        from importlib._abc import Loader
    except ImportError:
        return None
    Loader.register(LazyLoader)
    return Loader


Loader = _register_loader_abc()
__all__ += ['LazyLoader', 'Loader']
