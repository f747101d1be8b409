"""Path operations for POSIX file systems (os.path).

Every function accepts str, bytes or os.PathLike and returns the same kind
(str or bytes) that it was given.
"""

import posix as _posix

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename", "dirname",
           "commonprefix", "getsize", "getmtime", "getatime", "getctime", "islink", "exists",
           "lexists", "isdir", "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    return _posix.fspath(p)


def _seps(p):
    """The separator and the other constants in the kind of p (str or bytes)."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..', b''
    return '/', '.', '..', ''


def _check_kinds(funcname, *args):
    has_str = has_bytes = False
    for a in args:
        if isinstance(a, str):
            has_str = True
        elif isinstance(a, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {type(a).__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    sep = _seps(a)[0]
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(_fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        _check_kinds('join', a, *p)
        raise
    return path


def split(p):
    p = _fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep, dot, _, empty = _seps(p)
    slash = p.rfind(sep)
    dot_i = p.rfind(dot)
    if dot_i > slash:
        # A leading run of dots in the file name is not an extension.
        start = slash + 1
        while start < dot_i:
            if p[start:start + 1] != dot:
                return p[:dot_i], p[dot_i:]
            start += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def splitroot(p):
    p = _fspath(p)
    sep, _, _, empty = _seps(p)
    if p[:1] != sep:
        return empty, empty, p
    if p[1:2] != sep or p[2:3] == sep:
        return empty, sep, p[1:]
    return empty, p[:2], p[2:]


def basename(p):
    p = _fspath(p)
    sep = _seps(p)[0]
    return p[p.rfind(sep) + 1:]


def dirname(p):
    p = _fspath(p)
    sep = _seps(p)[0]
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _stat_or_none(path, follow=True):
    try:
        return _posix.stat(path) if follow else _posix.lstat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat_or_none(path) is not None


def lexists(path):
    return _stat_or_none(path, False) is not None


def isdir(s):
    st = _stat_or_none(s)
    return st is not None and (st.st_mode & _S_IFMT) == _S_IFDIR


def isfile(path):
    st = _stat_or_none(path)
    return st is not None and (st.st_mode & _S_IFMT) == _S_IFREG


def islink(path):
    st = _stat_or_none(path, False)
    return st is not None and (st.st_mode & _S_IFMT) == _S_IFLNK


def ismount(path):
    try:
        s1 = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1.st_mode & _S_IFMT) == _S_IFLNK:
        return False
    path = _fspath(path)
    parent = join(path, _seps(path)[2])
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return _posix.stat(filename).st_size


def getmtime(filename):
    return _posix.stat(filename).st_mtime


def getatime(filename):
    return _posix.stat(filename).st_atime


def getctime(filename):
    return _posix.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(_posix.stat(f1), _posix.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(_posix.fstat(fp1), _posix.fstat(fp2))


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    is_bytes = isinstance(path, bytes)
    if i == 1:
        home = _posix.environ.get(b'HOME')
        if home is None:
            # No $HOME: the password database's entry for this user.
            try:
                import pwd
                home = pwd.getpwuid(_posix.getuid()).pw_dir
            except (ImportError, KeyError):
                return path
        elif not is_bytes:
            home = home.decode('utf-8', 'surrogateescape')
    else:
        # ~name: that user's home directory, if the database knows the name.
        name = path[1:i]
        if is_bytes:
            name = str(name, 'ASCII')
        try:
            import pwd
            home = pwd.getpwnam(name).pw_dir
        except (ImportError, KeyError):
            return path
    if is_bytes and isinstance(home, str):
        home = home.encode('utf-8', 'surrogateescape')
    elif not is_bytes and isinstance(home, bytes):
        home = home.decode('utf-8', 'surrogateescape')
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    path = _fspath(path)
    is_bytes = isinstance(path, bytes)
    dollar = b'$' if is_bytes else '$'
    if dollar not in path:
        return path
    env = _posix.environ
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i:i + 1]
        if c != dollar:
            out.append(c)
            i += 1
            continue
        j = i + 1
        braced = path[j:j + 1] == (b'{' if is_bytes else '{')
        if braced:
            k = path.find(b'}' if is_bytes else '}', j)
            if k < 0:
                out.append(path[i:])
                break
            name = path[j + 1:k]
            end = k + 1
        else:
            k = j
            while k < n and (path[k:k + 1].isalnum() or path[k:k + 1] in (b'_' if is_bytes else '_')):
                k += 1
            name = path[j:k]
            end = k
        if not name:
            out.append(path[i:end])
        else:
            key = name if is_bytes else name.encode('utf-8', 'surrogateescape')
            val = env.get(key)
            if val is None:
                out.append(path[i:end])
            else:
                out.append(val if is_bytes else val.decode('utf-8', 'surrogateescape'))
        i = end
    return path[:0].join(out)


def normpath(path):
    path = _fspath(path)
    sep, dot, dotdot, empty = _seps(path)
    if path == empty:
        return dot
    _, initial, rest = splitroot(path)
    comps = rest.split(sep)
    new = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not initial and not new) or (new and new[-1] == dotdot):
            new.append(comp)
        elif new:
            new.pop()
    path = initial + sep.join(new)
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwdb() if isinstance(path, bytes) else _posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    sep, dot, dotdot, empty = _seps(filename)
    path = abspath(filename)
    parts = [p for p in path.split(sep) if p]
    resolved = sep
    seen = 0
    while parts:
        part = parts.pop(0)
        candidate = join(resolved, part)
        try:
            st = _posix.lstat(candidate)
        except OSError:
            if strict:
                raise
            resolved = candidate
            continue
        if (st.st_mode & _S_IFMT) == _S_IFLNK:
            seen += 1
            if seen > 40:
                if strict:
                    raise OSError(40, 'Too many levels of symbolic links', candidate)
                resolved = candidate
                continue
            target = _posix.readlink(candidate)
            if target.startswith(sep):
                resolved = sep
            parts = [p for p in target.split(sep) if p] + parts
            resolved = normpath(resolved)
        elif part == dotdot:
            resolved = dirname(resolved)
        else:
            resolved = candidate
        resolved = normpath(resolved)
    return resolved


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    sep, dot, dotdot, empty = _seps(path)
    if start is None:
        start = dot
    else:
        start = _fspath(start)
    _check_kinds('relpath', path, start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonpath(paths):
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    _check_kinds('commonpath', *paths)
    sep, dot, _, empty = _seps(paths[0])
    split_paths = [p.split(sep) for p in paths]
    try:
        isabs_, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_ else empty
    return prefix + sep.join(common)
