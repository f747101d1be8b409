"""pickle for ftpy: the host standard library's pure-Python pickle, made to
behave as CPython's C accelerator (_pickle, which python3 runs) where
programs can see the difference. Pickler, dump, dumps, Unpickler, load,
loads and PickleBuffer come from ftpy's native _pickle (as CPython's own
pickle.py takes them from its _pickle); the pure _Pickler and _Unpickler
stay available, with the fixes below.

- Damaged data: an input that ends where an opcode is expected raises
  EOFError('Ran out of input'); one that ends inside an opcode's argument
  raises UnpicklingError('pickle data was truncated'); an unknown opcode
  raises UnpicklingError("invalid load key, 'x'.").  (The pure module lets
  KeyError, struct.error, IndexError or ValueError escape.)
- Objects that cannot be found by name: "Can't pickle local object ..."
  (AttributeError), "attribute lookup ... failed", "import of module ...
  failed", and "Can't get attribute ..." when loading.
- Messages and tracebacks: the exception classes belong to _pickle, and
  dump/dumps/load/loads leave this module's frames out of tracebacks, as
  C functions have none.
"""

import sys as _sys

import _ftpy_hostlib


# Edits to the host's source text before it is compiled; a pair that does
# not match (another host version) leaves that behaviour as it was.
_C_BEHAVIOUR = (
    # The opcode is read unchecked (the end of the input there is EOFError);
    # every argument read is checked for truncation.
    ("        read = self.read\n        dispatch = self.dispatch\n",
     "        read = self.read\n        opcode_read = self._unframer.read\n"
     "        dispatch = self.dispatch\n"),
    ("                key = read(1)\n                if not key:\n"
     "                    raise EOFError\n",
     "                key = opcode_read(1)\n                if not key:\n"
     "                    raise EOFError('Ran out of input')\n"),
    ("self.read = self._unframer.read\n",
     "self.read = self._unframer.read_checked\n"),
    ("self.readline = self._unframer.readline\n",
     "self.readline = self._unframer.readline_checked\n"),
    ("        self.current_frame = io.BytesIO(self.file_read(frame_size))\n",
     "        self.current_frame = io.BytesIO(\n"
     "            _read_exactly(self.file_read, frame_size))\n"),
    ('raise TypeError("Can\'t load pickle from unicode string")',
     'raise TypeError("a bytes-like object is required, not \'str\'")'),
    ("            return getattr(sys.modules[module], name)\n",
     "            return _find_plain(sys.modules[module], name)\n"),
)


_path = _ftpy_hostlib.exec_host_source('pickle.py', globals(), _C_BEHAVIOUR)

try:
    import _pickle
except ImportError:
    _pickle = None

if _pickle is not None:
    # The native pickler and unpickler (src/modules/pickle_pickler.cpp,
    # pickle_unpickler.cpp) and the exception classes they raise.
    PickleError = _pickle.PickleError
    PicklingError = _pickle.PicklingError
    UnpicklingError = _pickle.UnpicklingError
    Pickler = _pickle.Pickler
    dump = _pickle.dump
    dumps = _pickle.dumps
    Unpickler = _pickle.Unpickler
    load = _pickle.load
    loads = _pickle.loads
else:
    for _cls in (PickleError, PicklingError, UnpicklingError):
        _cls.__module__ = '_pickle'
    del _cls

_TRUNCATED = 'pickle data was truncated'


def _read_checked(self, n):
    data = self.read(n)
    if len(data) < n:
        raise UnpicklingError(_TRUNCATED)
    return data


def _readline_checked(self):
    data = self.readline()
    if not data.endswith(b'\n'):
        raise UnpicklingError(_TRUNCATED)
    return data


def _read_exactly(read, n):
    data = read(n)
    if len(data) < n:
        raise UnpicklingError(_TRUNCATED)
    return data


_Unframer.read_checked = _read_checked
_Unframer.readline_checked = _readline_checked


def _find_plain(module, name):
    # Protocols 0-3 name a module attribute, not a dotted path.
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError("Can't get attribute %r on %r"
                             % (name, module)) from None


def _invalid_key(code):
    if 0x20 <= code <= 0x7e and code not in (0x27, 0x5c):
        shown = chr(code)
    else:
        shown = '\\x%02x' % code

    def invalid_load_key(self):
        raise UnpicklingError("invalid load key, '%s'." % shown)
    return invalid_load_key


# Every byte has an entry, so an unknown opcode costs the loop nothing.
for _code in range(256):
    if _code not in _Unpickler.dispatch:
        _Unpickler.dispatch[_code] = _invalid_key(_code)
del _code

_py_load = _Unpickler.load


def _load_checked(self):
    # A pop from (or an index into) the pure unpickler's empty stack is C
    # _pickle's stack underflow: "unexpected MARK found" when a MARK fenced
    # off the stack.
    try:
        return _py_load(self)
    except IndexError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        if (tb.tb_frame.f_code.co_filename != _path or
                e.args not in (('pop from empty list',), ('list index out of range',))):
            raise
        raise UnpicklingError('unexpected MARK found' if self.metastack
                              else 'unpickling stack underflow') from None


_load_checked.__doc__ = _py_load.__doc__
_Unpickler.load = _load_checked

_py_save_global = _Pickler.save_global


def _save_global_checked(self, obj, name=None):
    if name is None:
        name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
    if '<locals>' in name.split('.'):
        raise AttributeError("Can't pickle local object %r" % name)
    module_name = whichmodule(obj, name)
    try:
        __import__(module_name, level=0)
        module = sys.modules[module_name]
    except (ImportError, KeyError):
        raise PicklingError("Can't pickle %r: import of module %r failed"
                            % (obj, module_name)) from None
    try:
        _getattribute(module, name)
    except AttributeError:
        raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                            % (obj, name, module_name)) from None
    return _py_save_global(self, obj, name)


_save_global_checked.__doc__ = _py_save_global.__doc__
_Pickler.save_global = _save_global_checked
for _key, _fn in list(_Pickler.dispatch.items()):
    if _fn is _py_save_global:
        _Pickler.dispatch[_key] = _save_global_checked
del _key, _fn


_OWN_FILES = (_path, __file__)


def _without_module_frames(exc):
    # Unlink this module's frames (the host's code and the functions above)
    # from the traceback; frames of user code the pickler called into stay.
    kept = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename not in _OWN_FILES:
            kept.append(tb)
        tb = tb.tb_next
    for outer, inner in zip(kept, kept[1:]):
        outer.tb_next = inner
    if kept:
        kept[-1].tb_next = None
    exc.__traceback__ = kept[0] if kept else None


def _as_c_function(fn):
    def c_function(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BaseException as e:
            _without_module_frames(e)
            raise
    c_function.__name__ = c_function.__qualname__ = fn.__name__.lstrip('_')
    c_function.__doc__ = fn.__doc__
    return c_function


if Pickler is _Pickler:
    dump = _as_c_function(_dump)
    dumps = _as_c_function(_dumps)
if Unpickler is _Unpickler:
    load = _as_c_function(_load)
    loads = _as_c_function(_loads)
    if hasattr(_sys, '_ftpy_hide_frames'):
        _sys._ftpy_hide_frames(dump)  # the one code object of all four
if hasattr(_sys, '_ftpy_hide_frames'):
    _sys._ftpy_hide_frames(_load_checked)
