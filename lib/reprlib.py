"""Size-limited repr() and a decorator against recursive reprs (ftpy)."""

__all__ = ['Repr', 'repr', 'recursive_repr']

import builtins
from itertools import islice
try:
    from _thread import get_ident
except ImportError:  # pragma: no cover - ftpy always has _thread
    def get_ident():
        return 0


def recursive_repr(fillvalue='...'):
    """Decorator for __repr__ methods: return fillvalue for a recursive call
    on the same object in the same thread."""

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self), get_ident()
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        for name in ('__module__', '__doc__', '__name__', '__qualname__',
                     '__annotations__', '__type_params__'):
            try:
                setattr(wrapper, name, getattr(user_function, name))
            except AttributeError:
                pass
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


def _cut_middle(text, limit, fill):
    """text shortened to `limit` characters by replacing its middle with
    fill (fill is counted as three characters, like '...')."""
    if len(text) <= limit:
        return text
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return text[:head] + fill + text[len(text) - tail:]


def _sorted_if_possible(items):
    try:
        return sorted(items)
    except Exception:
        return list(items)


class Repr:
    """Size-limited repr(): containers show at most max<type> items and
    nest at most maxlevel deep; long strings, ints and other reprs are cut
    in the middle.  repr1() dispatches to a method repr_<type name> when
    there is one (subclasses add their own)."""

    _defaults = dict(maxlevel=6, maxtuple=6, maxlist=6, maxarray=5, maxdict=4,
                     maxset=6, maxfrozenset=6, maxdeque=6, maxstring=30,
                     maxlong=40, maxother=30, fillvalue='...', indent=None)

    def __init__(self, **options):
        unknown = set(options) - set(self._defaults)
        if unknown:
            raise TypeError('Repr() got an unexpected keyword argument %r'
                            % sorted(unknown)[0])
        for name, default in self._defaults.items():
            setattr(self, name, options.get(name, default))

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        name = '_'.join(type(x).__name__.split())
        method = getattr(self, 'repr_' + name, None)
        if method is not None:
            return method(x, level)
        return self.repr_instance(x, level)

    def _separator(self, level):
        indent = self.indent
        if isinstance(indent, int):
            if indent < 0:
                raise ValueError('Repr.indent cannot be negative int (was %r)' % indent)
            indent = ' ' * indent
        elif not isinstance(indent, str):
            raise TypeError('Repr.indent must be a str, int or None, not %s'
                            % type(indent))
        return indent, ',\n' + indent * (self.maxlevel - level + 1)

    def _join(self, pieces, level):
        if self.indent is None:
            return ', '.join(pieces)
        if not pieces:
            return ''
        indent, sep = self._separator(level)
        inner = sep[1:]                       # newline + indentation
        outer = '\n' + indent * (self.maxlevel - level)
        return inner + sep.join(pieces) + ',' + outer

    def _sequence(self, items, size, level, opening, closing, limit, single_comma=''):
        if size and level <= 0:
            body = self.fillvalue
        else:
            shown = [self.repr1(item, level - 1) for item in islice(items, limit)]
            if size > limit:
                shown.append(self.fillvalue)
            body = self._join(shown, level)
            if size == 1 and single_comma and self.indent is None:
                closing = single_comma + closing
        return opening + body + closing

    def repr_tuple(self, x, level):
        return self._sequence(x, len(x), level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._sequence(x, len(x), level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        return self._sequence(x, len(x), level, "array('%s', [" % x.typecode, '])',
                              self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._sequence(_sorted_if_possible(x), len(x), level, '{', '}',
                              self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._sequence(_sorted_if_possible(x), len(x), level,
                              'frozenset({', '})', self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._sequence(x, len(x), level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        shown = ['%s: %s' % (self.repr1(k, level - 1), self.repr1(x[k], level - 1))
                 for k in islice(_sorted_if_possible(x), self.maxdict)]
        if len(x) > self.maxdict:
            shown.append(self.fillvalue)
        return '{%s}' % self._join(shown, level)

    def repr_str(self, x, level):
        text = builtins.repr(x[:self.maxstring])
        if len(text) <= self.maxstring:
            return text
        head = max(0, (self.maxstring - 3) // 2)
        tail = max(0, self.maxstring - 3 - head)
        text = builtins.repr(x[:head] + x[len(x) - tail:])
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def repr_int(self, x, level):
        try:
            text = builtins.repr(x)
        except ValueError as exc:   # too many digits for str()
            return '<%s instance with roughly %d digits>' % (type(x).__name__, x.bit_length() * 3 // 10)
        return _cut_middle(text, self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return '<%s instance at %#x>' % (type(x).__name__, id(x))
        return _cut_middle(text, self.maxother, self.fillvalue)


aRepr = Repr()
repr = aRepr.repr
