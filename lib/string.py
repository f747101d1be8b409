"""String constants, capwords, Formatter and Template (ftpy).

Written without `re`: Template scans for its delimiter by hand, and
Formatter parses format strings with _string (lib/_string.py here).
A Template subclass may change `delimiter`, `idpattern`'s character classes
are fixed to ASCII identifiers ([_a-zA-Z][_a-zA-Z0-9]*, or case-sensitive
when `flags` is 0); a custom `pattern` regular expression is honoured only
when the `re` module is importable."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s with str.split(sep), capitalize each word, join with sep
    (a single space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ------------------------------------------------------------------ Template

_IDSTART = frozenset('_' + ascii_letters)
_IDCHAR = frozenset('_' + ascii_letters + digits)
_sentinel_dict = {}


class _TemplateFlags:
    IGNORECASE = 2


class _LazyPattern:
    """Template.pattern: the compiled regular expression CPython builds when
    each Template class is created (from its delimiter, idpattern,
    braceidpattern and flags), built here on first read so that
    `import string` does not import re; the scanner below does not need it,
    but callers such as logging's '$' style validation read it. Each class
    caches its own; two threads racing to build it store equal patterns."""

    def __get__(self, obj, cls):
        built = cls.__dict__.get('_built_pattern')
        if built is None:
            import re
            delim = re.escape(cls.delimiter)
            ident = cls.idpattern
            bident = cls.braceidpattern or ident
            source = ('\n' + delim + '(?:\n'
                      '  (?P<escaped>' + delim + ') |\n'
                      '  (?P<named>' + ident + ') |\n'
                      '  {(?P<braced>' + bident + ')} |\n'
                      '  (?P<invalid>)\n'
                      ')')
            built = re.compile(source, cls.flags | re.VERBOSE)
            type.__setattr__(cls, '_built_pattern', built)
        return built


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = _TemplateFlags.IGNORECASE
    pattern = _LazyPattern()

    def __init_subclass__(cls):
        super().__init_subclass__()
        if 'pattern' in cls.__dict__ and cls.__dict__['pattern'] is not None:
            try:
                import re
            except ImportError:
                raise NotImplementedError(
                    'Template.pattern needs the re module') from None
            pat = cls.__dict__['pattern']
            cls._compiled = re.compile(pat, re.VERBOSE) if isinstance(pat, str) else pat
            cls.pattern = cls._compiled

    def __init__(self, template):
        self.template = template

    # Scanner: yields (start, end, kind, name) for each placeholder;
    # kind is 'escaped', 'named', 'braced' or 'invalid'.
    def _scan(self):
        compiled = getattr(type(self), '_compiled', None)
        if compiled is not None:
            for mo in compiled.finditer(self.template):
                g = mo.groupdict()
                if g.get('escaped') is not None:
                    yield mo.start(), mo.end(), 'escaped', None
                elif g.get('named') is not None:
                    yield mo.start(), mo.end(), 'named', g['named']
                elif g.get('braced') is not None:
                    yield mo.start(), mo.end(), 'braced', g['braced']
                else:
                    yield mo.start(), mo.end(), 'invalid', None
            return
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        if not dl:
            return
        n = len(t)
        i = 0
        ci = self.flags & _TemplateFlags.IGNORECASE
        start_ok = _IDSTART if ci else frozenset('_' + ascii_lowercase)
        char_ok = _IDCHAR if ci else frozenset('_' + ascii_lowercase + digits)
        while True:
            i = t.find(delim, i)
            if i < 0:
                return
            j = i + dl
            if t.startswith(delim, j):
                yield i, j + dl, 'escaped', None
                i = j + dl
                continue
            if j < n and t[j] in start_ok:
                k = j + 1
                while k < n and t[k] in char_ok:
                    k += 1
                yield i, k, 'named', t[j:k]
                i = k
                continue
            if j < n and t[j] == '{':
                k = j + 1
                if k < n and t[k] in start_ok:
                    m = k + 1
                    while m < n and t[m] in char_ok:
                        m += 1
                    if m < n and t[m] == '}':
                        yield i, m + 1, 'braced', t[k:m]
                        i = m + 1
                        continue
            yield i, j, 'invalid', None
            i = j

    def _invalid(self, i):
        before = self.template[:i]
        lineno = before.count('\n') + 1
        colno = i - (before.rfind('\n') + 1) + 1
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainDict(kws, mapping)
        out = []
        pos = 0
        t = self.template
        for s, e, kind, name in self._scan():
            out.append(t[pos:s])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(s)
            else:
                out.append('%s' % (mapping[name],))
            pos = e
        out.append(t[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainDict(kws, mapping)
        out = []
        pos = 0
        t = self.template
        for s, e, kind, name in self._scan():
            out.append(t[pos:s])
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                out.append(t[s:e])
            else:
                try:
                    out.append('%s' % (mapping[name],))
                except KeyError:
                    out.append(t[s:e])
            pos = e
        out.append(t[pos:])
        return ''.join(out)

    def is_valid(self):
        for s, e, kind, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for s, e, kind, name in self._scan():
            if kind in ('named', 'braced') and name not in ids:
                ids.append(name)
            elif kind == 'invalid':
                self._invalid(s)
        return ids


class _ChainDict:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


# ----------------------------------------------------------------- Formatter

import _string


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        # CPython 3.11's message, the same both ways round.
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        # An iterator: a malformed string raises only when iteration reaches
        # the bad part (lib/_string.py).
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
