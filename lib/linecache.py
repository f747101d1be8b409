"""Source lines of Python files, read once and cached (ftpy).

Used by traceback and warnings to show source lines.  Encoding is detected
from a UTF-8 BOM or a PEP 263 coding cookie in the first two lines."""

import sys

__all__ = ['getline', 'clearcache', 'checkcache', 'lazycache']

# filename -> (size, mtime, lines, fullname), or a 1-tuple (get_lines,) for
# lazily loaded module sources.
cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line lineno (1-based, with its newline) of the file, or '' if
    there is no such file or line.  module_globals lets a module's loader
    supply the source."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(path):
    import posix
    st = posix.stat(path)
    return st.st_size, st.st_mtime, st.st_mode


def checkcache(filename=None):
    """Drop cached files that changed on disk (all files, or just
    filename)."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for filename in filenames:
        entry = cache.get(filename)
        if entry is None or len(entry) == 1:
            continue   # lazy entries stay
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue   # no file: entry was registered by hand
        try:
            st_size, st_mtime, _ = _stat(fullname)
        except (OSError, ValueError):
            cache.pop(filename, None)
            continue
        if size != st_size or mtime != st_mtime:
            cache.pop(filename, None)


def _decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8', 'replace')
    encoding = 'utf-8'
    for line in data.split(b'\n', 2)[:2]:
        s = line.lstrip()
        if s.startswith(b'#'):
            i = s.find(b'coding')
            if i >= 0 and s[i + 6:i + 7] in (b':', b'='):
                rest = s[i + 7:].lstrip()
                name = b''
                for ch in rest:
                    c = bytes((ch,))
                    if c.isalnum() or c in b'-_.':
                        name += c
                    else:
                        break
                if name:
                    encoding = name.decode('ascii')
                break
        elif s:
            break   # a coding cookie must precede any code
    try:
        return data.decode(encoding, 'replace')
    except LookupError:
        return data.decode('utf-8', 'replace')


def _read(fullname):
    with open(fullname, 'rb') as fp:
        data = fp.read()
    text = _decode(data)
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def updatecache(filename, module_globals=None):
    """(Re)read filename into the cache; return its lines."""
    if filename in cache:
        if len(cache[filename]) != 1:
            cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []

    fullname = filename
    try:
        stat = _stat(fullname)
    except OSError:
        basename = filename
        # A module imported through a loader with get_source (zip, ...).
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                lines = data.splitlines(True)
                if lines and not lines[-1].endswith('\n'):
                    lines[-1] += '\n'
                cache[filename] = (len(data), None, lines, fullname)
                return lines
        # Relative names: try each sys.path entry.
        if basename.startswith('/'):
            return []
        for dirname in sys.path:
            try:
                fullname = (dirname.rstrip('/') + '/' + basename) if dirname else basename
            except (TypeError, AttributeError):
                continue
            try:
                stat = _stat(fullname)
                break
            except (OSError, ValueError):
                pass
        else:
            return []
    size, mtime, mode = stat
    if (mode & 0o170000) == 0o040000:   # a directory
        return []
    try:
        lines = _read(fullname)
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    cache[filename] = size, mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Remember how to get filename's source from its module's loader
    (module_globals), to be fetched when first needed.  True if a lazy
    entry exists now."""
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return False
    if module_globals and '__name__' in module_globals:
        spec = module_globals.get('__spec__')
        name = getattr(spec, 'name', None) or module_globals['__name__']
        loader = getattr(spec, 'loader', None)
        if loader is None:
            loader = module_globals.get('__loader__')
        get_source = getattr(loader, 'get_source', None)
        if name and get_source:
            def get_lines(name=name, *args, **kwargs):
                return get_source(name, *args, **kwargs)
            cache[filename] = (get_lines,)
            return True
    return False


def _register_code(code, string, name):
    """Register source text for a code object compiled from a string, so
    that tracebacks can show its lines (used by the REPL)."""
    cache[code] = (len(string), None, [line + '\n' for line in string.splitlines()], name)
