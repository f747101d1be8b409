"""Context variables (PEP 567), written for ftpy.

Each thread has its own current Context (a new thread starts with an empty
one); a Context maps ContextVar objects to values.  Setting a variable
replaces the current context's mapping with an updated copy, so a Context
captured by copy_context() never changes underneath its holder, and no
mapping is ever mutated while another thread can see it.
"""

import _thread
from types import GenericAlias

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

class _MissingType:
    __slots__ = ()

    def __repr__(self):
        return '<Token.MISSING>'


_MISSING = _MissingType()
_state = _thread._local()


def _current():
    ctx = getattr(_state, 'context', None)
    if ctx is None:
        ctx = _state.context = Context()
    return ctx


class Context:
    """A mapping of context variables to their values."""

    __slots__ = ('_data', '_prev', '_entered')

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        """Call callable(*args, **kwargs) with this context as current."""
        if self._entered:
            raise RuntimeError('cannot enter context: %r is already entered' % self)
        self._prev = getattr(_state, 'context', None)
        self._entered = True
        _state.context = self
        try:
            return callable(*args, **kwargs)
        finally:
            _state.context = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        """A shallow copy of this context."""
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError('a ContextVar key was expected, got %r' % (var,))
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


class Token:
    """Returned by ContextVar.set(); ContextVar.reset() restores the value
    the variable had before that set()."""

    __slots__ = ('_ctx', '_var', '_old', '_used')

    MISSING = _MISSING

    def __init__(self, *args, **kwargs):
        raise RuntimeError('Tokens can only be created by ContextVars')

    @classmethod
    def _make(cls, ctx, var, old):
        self = object.__new__(cls)
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False
        return self

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        return '<Token%s var=%r at 0x%x>' % (
            ' used' if self._used else '', self._var, id(self))

    __class_getitem__ = classmethod(GenericAlias)


class ContextVar:
    """A context variable: its value depends on the current Context."""

    __slots__ = ('_name', '_default', '__weakref__')

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        """The variable's value in the current context; else the default
        given here, else the variable's default; else LookupError."""
        if len(args) > 1:
            raise TypeError('get expected at most 1 argument, got %d' % len(args))
        value = _current()._data.get(self, _MISSING)
        if value is not _MISSING:
            return value
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        """Set the variable in the current context; returns a Token."""
        ctx = _current()
        data = ctx._data
        old = data.get(self, _MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token._make(ctx, self, old)

    def reset(self, token):
        """Restore the value the variable had before token's set()."""
        if not isinstance(token, Token):
            raise TypeError('expected an instance of Token, got %r' % (token,))
        if token._used:
            raise RuntimeError('%r has already been used once' % token)
        if token._var is not self:
            raise ValueError('%r was created by a different ContextVar' % token)
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError('%r was created in a different Context' % token)
        new = dict(ctx._data)
        if token._old is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True

    def __repr__(self):
        default = ''
        if self._default is not _MISSING:
            default = ' default=%r' % (self._default,)
        return '<ContextVar name=%r%s at 0x%x>' % (self._name, default, id(self))

    def __hash__(self):
        return object.__hash__(self)

    __class_getitem__ = classmethod(GenericAlias)


def copy_context():
    """A copy of the current thread's current context."""
    return _current().copy()
