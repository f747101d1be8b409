"""Python part of the warnings subsystem (ftpy: all of it is here; there
is no C _warnings module).

Filters are (action, message, category, module, lineno) tuples.  Message and
module patterns are regular expressions when `re` is importable; without it
they match literally (message: case-insensitive prefix; module: exact).
The default filters, as in CPython, show DeprecationWarning only for code
in __main__ and ignore PendingDeprecationWarning, ImportWarning and
ResourceWarning; every other warning is shown once per location."""

import sys

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning',
           'filterwarnings', 'simplefilter', 'resetwarnings',
           'catch_warnings', 'deprecated']


# ------------------------------------------------------------ patterns

class _Exact:
    """A module pattern that matches one name exactly (CPython's C filters
    store such patterns as plain strings)."""
    __slots__ = ('s',)

    def __init__(self, s):
        self.s = s

    def match(self, text):
        return text == self.s

    def __eq__(self, other):
        if isinstance(other, str):
            return other == self.s
        if isinstance(other, _Exact):
            return other.s == self.s
        return NotImplemented

    def __hash__(self):
        return hash(self.s)

    def __repr__(self):
        return repr(self.s)


class _Literal:
    """Fallback for a regular expression when `re` is unavailable."""
    __slots__ = ('pattern', 'ignorecase', 'whole')

    def __init__(self, pattern, ignorecase, whole):
        self.pattern = pattern
        self.ignorecase = ignorecase
        self.whole = whole

    def match(self, text):
        p, t = self.pattern, text
        if self.ignorecase:
            p, t = p.lower(), t.lower()
        return t == p if self.whole else t.startswith(p)

    def __eq__(self, other):
        if isinstance(other, _Literal):
            return (self.pattern, self.ignorecase) == (other.pattern, other.ignorecase)
        return NotImplemented

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return 're.compile(%r%s)' % (self.pattern, ', re.IGNORECASE' if self.ignorecase else '')


def _compile(pattern, ignorecase):
    try:
        import re
    except ImportError:
        whole = pattern.endswith('\\Z')
        if whole:
            pattern = pattern[:-2]
        return _Literal(pattern.replace('\\', ''), ignorecase, whole)
    return re.compile(pattern, re.I if ignorecase else 0)


# ---------------------------------------------------------- formatting

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to file (default sys.stderr).  Programs may replace
    this function; warn() then calls the replacement."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """'file:line: Category: message' plus the source line, indented."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


def _showwarnmsg_impl(msg):
    stream = msg.file if msg.file is not None else sys.stderr
    if stream is None:
        return                      # no stderr at all: nowhere to report
    try:
        stream.write(_formatwarnmsg(msg))
    except OSError:
        pass                        # a broken stream loses the warning


def _formatwarnmsg_impl(msg):
    text = '%s:%s: %s: %s\n' % (msg.filename, msg.lineno, msg.category.__name__,
                                msg.message)
    source = msg.line
    if source is None:
        try:
            import linecache
            source = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            source = None
    if source:
        text += '  %s\n' % source.strip()
    if msg.source is not None:
        # The object the warning is about (an unclosed file, a coroutine
        # never awaited): where tracemalloc saw it allocated, or the hint to
        # turn tracemalloc on when it is not tracing.
        try:
            import tracemalloc
        except Exception:
            tracing = True          # no tracemalloc: no hint either
            tb = None
        else:
            tracing = tracemalloc.is_tracing()
            try:
                tb = tracemalloc.get_object_traceback(msg.source)
            except Exception:
                tb = None
        if tb is not None:
            text += 'Object allocated at (most recent call last):\n'
            for frame in tb:
                text += '  File "%s", lineno %s\n' % (frame.filename, frame.lineno)
                try:
                    import linecache
                    line = linecache.getline(frame.filename, frame.lineno)
                except Exception:
                    line = None
                if line:
                    text += '    %s\n' % line.strip()
        elif not tracing:
            text += ('%s: Enable tracemalloc to get the object allocation '
                     'traceback\n' % msg.category.__name__)
    return text


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    # Honour a user-installed warnings.showwarning.
    hook = globals().get('showwarning')
    if hook is not None and hook is not _showwarning_orig:
        if not callable(hook):
            raise TypeError('warnings.showwarning() must be set to a '
                            'function or method')
        hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
    else:
        _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    # Honour a user-installed warnings.formatwarning.
    hook = globals().get('formatwarning')
    if hook is not None and hook is not _formatwarning_orig:
        return hook(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# ------------------------------------------------------------- filters

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')


def filterwarnings(action, message='', category=Warning, module='', lineno=0,
                   append=False):
    """Add a filter (to the front, or the end with append): warnings
    whose message starts with `message` (a regex, case-insensitive), of
    `category`, from a module matching `module`, at `lineno` (0 = any),
    get `action` (error, ignore, always, default, module, once)."""
    # 3.11 checks its arguments with assert statements (AssertionError, and
    # no checks under -O); 'all' became an alias of 'always' only in 3.13.
    assert action in _ACTIONS, 'invalid action: %r' % (action,)
    assert isinstance(message, str), 'message must be a string'
    assert isinstance(category, type), 'category must be a class'
    assert issubclass(category, Warning), 'category must be a Warning subclass'
    assert isinstance(module, str), 'module must be a string'
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    message = _compile(message, True) if message else None
    module = _compile(module, False) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the
    front): it matches every message and module."""
    assert action in _ACTIONS, 'invalid action: %r' % (action,)
    assert isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0'
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    with _lock:
        if not append:
            try:
                filters.remove(item)
            except ValueError:
                pass
            filters.insert(0, item)
        else:
            if item not in filters:
                filters.append(item)
        _filters_mutated_lock_held()


def resetwarnings():
    """Remove every filter."""
    with _lock:
        filters[:] = []
        _filters_mutated_lock_held()


class _OptionError(Exception):
    """Exception used by option processing helpers."""
    pass


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print('Invalid -W option ignored:', msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError('too many fields (max 5): %r' % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message or module:
        message = _escape(message)
    if module:
        module = _escape(module) + '\\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError('invalid lineno %r' % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _escape(s):
    out = []
    for c in s:
        if not (c.isalnum() or c == '_'):
            out.append('\\')
        out.append(c)
    return ''.join(out)


def _getaction(action):
    if not action:
        return 'default'
    if action == 'all':
        return 'always'     # -W all: an alias since 3.11
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError('invalid action: %r' % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError('invalid module name: %r' % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError('unknown warning category: %r' % (category,)) from None
    if not isinstance(cat, type) or not issubclass(cat, Warning):
        raise _OptionError('invalid warning category: %r' % (category,))
    return cat


# ---------------------------------------------------------------- warn

def _is_internal_filename(filename):
    # Frames of the import machinery are not where warnings come from.
    return 'importlib' in filename and '_bootstrap' in filename


def _warning_frame(stacklevel, skip_prefixes):
    """The frame `stacklevel` levels above warn()'s caller (1 = the
    caller), not counting import-machinery frames and frames whose file
    starts with one of skip_prefixes.  None if the stack is not that deep."""
    try:
        frame = sys._getframe(2)
    except ValueError:
        return None
    if stacklevel <= 1 or _is_internal_filename(frame.f_code.co_filename):
        # Plain counting, as when no frame needs skipping.
        for _ in range(stacklevel - 1):
            frame = frame.f_back
            if frame is None:
                return None
        return frame
    for _ in range(stacklevel - 1):
        frame = frame.f_back
        while frame is not None:
            name = frame.f_code.co_filename
            if not (_is_internal_filename(name)
                    or any(name.startswith(p) for p in skip_prefixes)):
                break
            frame = frame.f_back
        if frame is None:
            return None
    return frame


def warn(message, category=None, stacklevel=1, source=None, *,
         skip_file_prefixes=()):
    """Issue a warning (or ignore it, or raise it, as the filters say).
    The location reported is the caller's, or `stacklevel` levels up."""
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '%s'" % type(category).__name__)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError('skip_file_prefixes must be a tuple of strs')
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    frame = _warning_frame(stacklevel, skip_file_prefixes)
    if frame is None:
        module_globals = sys.__dict__
        filename, lineno = 'sys', 1
    else:
        module_globals = frame.f_globals
        filename, lineno = frame.f_code.co_filename, frame.f_lineno
    module = module_globals.get('__name__', '<string>')
    registry = module_globals.setdefault('__warningregistry__', {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  module_globals, source)


def _matching_action(text, category, module, lineno):
    for entry in filters:
        action, msg, cat, mod, ln = entry
        if msg is not None and not msg.match(text):
            continue
        if not issubclass(category, cat):
            continue
        if mod is not None and not mod.match(module):
            continue
        if ln and ln != lineno:
            continue
        return action, entry
    return defaultaction, None


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Issue a warning for an explicit location (filename, lineno, module
    name), remembering in `registry` which warnings were already shown."""
    lineno = int(lineno)
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    if registry is None:
        registry = {}
    # A registry filled under other filters is stale.
    if registry.get('version', 0) != _filters_version[0]:
        registry.clear()
        registry['version'] = _filters_version[0]
    if isinstance(message, Warning):
        text = str(message)
        category = type(message)
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    with _lock:
        if registry.get(key):
            return
        action, entry = _matching_action(text, category, module, lineno)
        if action == 'ignore':
            return
        if action == 'error':
            raise message
        if action == 'once':
            registry[key] = 1
            if onceregistry.get((text, category)):
                return
            onceregistry[(text, category)] = 1
        elif action == 'module':
            registry[key] = 1
            if registry.get((text, category, 0)):
                return
            registry[(text, category, 0)] = 1
        elif action == 'default':
            registry[key] = 1
        elif action not in ('always', 'all'):
            raise RuntimeError('Unrecognized action (%r) in warnings.filters:\n %s'
                               % (action, entry))
    # Let linecache find the source through the module's loader if needed.
    try:
        import linecache
        linecache.getlines(filename, module_globals)
    except Exception:
        pass
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


# CPython's warn and warn_explicit are C functions: a warning a filter raises
# shows the caller's line last in its traceback, not these two frames.
if hasattr(sys, '_ftpy_hide_frames'):
    sys._ftpy_hide_frames(warn, warn_explicit)


class WarningMessage(object):

    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file',
                        'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, '
                'line : %r}' % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings(object):
    """Save the warning filters and showwarning on entry and restore
    them on exit; record=True collects WarningMessage objects in the list
    __enter__ returns instead of printing them; action=... applies
    simplefilter(action, category, lineno, append) inside.  Filters are
    process-wide, so this is not thread-safe (as in CPython)."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        if self._module is not sys.modules['warnings']:
            args.append('module=%r' % self._module)
        name = type(self).__name__
        return '%s(%s)' % (name, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        with _lock:
            self._filters = self._module.filters
            self._module.filters = self._filters[:]
            self._showwarning = self._module.showwarning
            self._showwarnmsg_impl = self._module._showwarnmsg_impl
            self._module._filters_mutated_lock_held()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            # Reset showwarning() to the default implementation to make sure
            # that _showwarnmsg() calls _showwarnmsg_impl()
            self._module.showwarning = self._module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        with _lock:
            self._module.filters = self._filters
            self._module._filters_mutated_lock_held()
            self._module.showwarning = self._showwarning
            self._module._showwarnmsg_impl = self._showwarnmsg_impl


class deprecated:
    """Indicate that a class, function or overload is deprecated: using it
    emits `category` (DeprecationWarning) with the given message."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError('Expected an object of type str for \'message\', not %r'
                            % type(message).__name__)
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        msg = self.message
        category = self.category
        stacklevel = self.stacklevel
        if category is None:
            arg.__deprecated__ = msg
            return arg
        elif isinstance(arg, type):
            import functools
            original_new = arg.__new__

            @functools.wraps(original_new)
            def __new__(cls, *args, **kwargs):
                if cls is arg:
                    warn(msg, category=category, stacklevel=stacklevel + 1)
                if original_new is not object.__new__:
                    return original_new(cls, *args, **kwargs)
                elif cls.__init__ is object.__init__ and (args or kwargs):
                    raise TypeError('%s() takes no arguments' % cls.__name__)
                return original_new(cls)
            arg.__new__ = staticmethod(__new__)
            arg.__deprecated__ = __new__.__deprecated__ = msg
            return arg
        elif callable(arg):
            import functools

            @functools.wraps(arg)
            def wrapper(*args, **kwargs):
                warn(msg, category=category, stacklevel=stacklevel + 1)
                return arg(*args, **kwargs)
            arg.__deprecated__ = wrapper.__deprecated__ = msg
            return wrapper
        raise TypeError('@deprecated decorator with non-None category must be '
                        'applied to a class or callable, not %r' % (arg,))


_DEPRECATED_MSG = '{name!r} is deprecated and slated for removal in Python {remove}'


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warn that *name* is deprecated or should be removed (stdlib helper)."""
    remove_formatted = '%s.%s' % (remove[0], remove[1])
    # CPython raises RuntimeError here once its version passes `remove`, to
    # make its own developers delete the module. ftpy reports 3.14 but runs
    # the host's 3.11 library, whose aifc, cgi, telnetlib, ... still exist:
    # importing one only warns, as under the host's python3.
    msg = message.format(name=name, remove=remove_formatted)
    warn(msg, DeprecationWarning, stacklevel=3)


# ------------------------------------------------------------ state

try:
    from _thread import RLock as _RLock
except ImportError:  # pragma: no cover
    class _RLock:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            pass

_lock = _RLock()
_filters_version = [1]


def _filters_mutated_lock_held():
    _filters_version[0] += 1


def _filters_mutated():
    with _lock:
        _filters_mutated_lock_held()


filters = []
defaultaction = 'default'
onceregistry = {}

filters.append(('default', None, DeprecationWarning, _Exact('__main__'), 0))
filters.append(('ignore', None, DeprecationWarning, None, 0))
filters.append(('ignore', None, PendingDeprecationWarning, None, 0))
filters.append(('ignore', None, ImportWarning, None, 0))
filters.append(('ignore', None, ResourceWarning, None, 0))

_warnings_defaults = True

if sys.warnoptions:
    _processoptions(sys.warnoptions)
