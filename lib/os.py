"""OS routines for POSIX: re-exports posix, plus environ, path handling
helpers and the directory walkers written in Python.
"""

import abc as _abc
import sys
import posix as _posix
from posix import *  # noqa: F401,F403
from posix import _exit  # not exported by *, as in CPython's os
import posixpath as path

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath", "name", "path",
           "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode", "fsdecode",
           "get_exec_path", "fdopen", "extsep", "environ", "environb", "getenv", "getenvb",
           "putenv", "unsetenv", "makedirs", "removedirs", "renames", "walk", "fspath",
           "scandir", "stat_result", "error", "_exit", "supports_bytes_environ"]

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
curdir = path.curdir
pardir = path.pardir
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
error = OSError

supports_bytes_environ = True

# Which functions honour dir_fd=, an fd in place of a path, effective_ids=
# and follow_symlinks=False (shutil.rmtree's fd-based walk, tempfile and
# fwalk consult these); the same sets as CPython's on Linux.
supports_dir_fd = {access, chmod, chown, link, mkdir, mkfifo, mknod, open, readlink, rename, rmdir,
                   stat, symlink, unlink, utime}
supports_fd = {chdir, chmod, chown, execve, listdir, pathconf, scandir, stat, statvfs, truncate, utime}
supports_effective_ids = {access}
supports_follow_symlinks = {access, chown, link, stat, utime}


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    __slots__ = ()

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for klass in subclass.__mro__:
                if '__fspath__' in klass.__dict__:
                    return klass.__dict__['__fspath__'] is not None
        return NotImplemented

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _Environ:
    """A mapping over the process environment: reads come from a snapshot
    taken at start-up, writes go through putenv/unsetenv as well."""

    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self._data = data
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            return self.encodekey(key) in self._data
        except TypeError:
            return False

    def keys(self):
        return list(iter(self))

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def clear(self):
        for k in list(self):
            del self[k]

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other.copy()
        return self.copy() == other

    def __repr__(self):
        body = ', '.join(f'{self.encodekey(k)!r}: {self._data[self.encodekey(k)]!r}' for k in self)
        return f'environ({{{body}}})'

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


def _get_exports_list(module):
    # The public names of a module (its __all__, else its non-underscore
    # names); the host's socket.py extends its __all__ with _socket's.
    try:
        return list(module.__all__)
    except AttributeError:
        return [n for n in dir(module) if n[0] != '_']


def _str_check(kind):
    def check(value):
        if not isinstance(value, kind):
            raise TypeError(f"{kind.__name__} expected, not {type(value).__name__}")
        return value
    return check


def _encode_str(value):
    if not isinstance(value, str):
        raise TypeError(f"str expected, not {type(value).__name__}")
    return value.encode('utf-8', 'surrogateescape')


def _decode_bytes(value):
    return value.decode('utf-8', 'surrogateescape')


environ = _Environ(_posix.environ, _encode_str, _decode_bytes, _encode_str, _decode_bytes)
environb = _Environ(_posix.environ, _str_check(bytes), lambda v: v, _str_check(bytes), lambda v: v)


def getenv(key, default=None):
    return environ.get(key, default)


def getenvb(key, default=None):
    return environb.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # another thread or process created it meanwhile
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ascii')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames)."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):  # a (dirpath, dirnames, filenames) to yield bottom-up
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        walk_into = not entry.is_symlink()
                    except OSError:
                        walk_into = False
                if walk_into:
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Directory tree generator like walk(), yielding (dirpath, dirnames,
    filenames, dirfd): dirfd is an open descriptor of dirpath, valid until
    the next step of the generator. Each directory is opened relative to its
    parent's descriptor, so a directory renamed or replaced by a symlink
    while the walk runs is not followed out of the tree (unless
    follow_symlinks is true)."""
    sys.audit("os.fwalk", top, topdown, onerror, follow_symlinks, dir_fd)
    if not isinstance(top, int) or not hasattr(top, "__index__"):
        top = fspath(top)
    if not follow_symlinks:
        top_st = stat(top, follow_symlinks=False, dir_fd=dir_fd)
    topfd = open(top, O_RDONLY | O_NONBLOCK, dir_fd=dir_fd)
    try:
        # Without follow_symlinks the top must be a real directory, and the
        # one we opened (not something swapped in after the stat).
        if follow_symlinks or (_stat_is_dir(top_st) and path.samestat(top_st, stat(topfd))):
            yield from _fwalk_fd(topfd, top, isinstance(top, bytes), topdown, onerror, follow_symlinks)
    finally:
        close(topfd)


def _stat_is_dir(st):
    return (st.st_mode & 0o170000) == 0o040000


def _fwalk_fd(topfd, toppath, as_bytes, topdown, onerror, follow_symlinks):
    dirs = []
    nondirs = []
    # Bottom-up without following links, the entries' own lstat results
    # (cached by scandir) say whether a subdirectory is the one we open.
    sub_entries = None if topdown or follow_symlinks else []
    for entry in scandir(topfd):
        name = fsencode(entry.name) if as_bytes else entry.name
        try:
            if entry.is_dir():
                dirs.append(name)
                if sub_entries is not None:
                    sub_entries.append(entry)
            else:
                nondirs.append(name)
        except OSError:
            try:
                if entry.is_symlink():  # a dangling link counts as a file
                    nondirs.append(name)
            except OSError:
                pass
    if topdown:
        yield toppath, dirs, nondirs, topfd
    todo = dirs if sub_entries is None else list(zip(dirs, sub_entries))
    for item in todo:
        try:
            if sub_entries is None:
                name = item
                if not follow_symlinks:
                    sub_st = stat(name, dir_fd=topfd, follow_symlinks=False)
            else:
                name, entry = item
                sub_st = entry.stat(follow_symlinks=False)
            subfd = open(name, O_RDONLY | O_NONBLOCK, dir_fd=topfd)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        try:
            if follow_symlinks or path.samestat(sub_st, stat(subfd)):
                yield from _fwalk_fd(subfd, path.join(toppath, name), as_bytes, topdown, onerror,
                                     follow_symlinks)
        finally:
            close(subfd)
    if not topdown:
        yield toppath, dirs, nondirs, topfd


def device_encoding(fd):
    """Return a string describing the encoding of a terminal: None when fd
    is not a terminal, else the locale's (UTF-8 mode's 'utf-8')."""
    if not isatty(fd):
        return None
    if sys.flags.utf8_mode:
        return 'utf-8'
    import _locale
    return _locale.nl_langinfo(_locale.CODESET)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def popen(cmd, mode="r", buffering=-1):
    """Run cmd in a shell; return a file reading its output ("r") or
    writing its input ("w"), whose close() returns the exit status (None
    for success, else the wait status as os.waitpid encodes it)."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True, stdout=subprocess.PIPE, bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True, stdin=subprocess.PIPE, bufsize=buffering)
    return _wrap_close(proc.stdin, proc)


class _wrap_close:
    """The file popen() returns: the pipe's stream, whose close() also
    waits for the command."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8  # a wait status, as CPython's os.popen reports

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


# The exec family over execv/execve: the l forms take the arguments as
# parameters, the e forms take an environment last, the p forms search
# PATH for a file name without a directory part.
def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    _execvpe(file, args)


def execvpe(file, args, env):
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is not None:
        run = lambda f: execve(f, args, env)
    else:
        run = lambda f: execv(f, args)
        env = environ
    if isinstance(file, PathLike):
        file = fspath(file)
    if path.dirname(file):
        run(file)
        return
    first_error = None
    last_error = None
    dirs = get_exec_path(env)
    if isinstance(file, bytes):
        dirs = [fsencode(d) for d in dirs]
    for d in dirs:
        try:
            run(path.join(d, file))
        except (FileNotFoundError, NotADirectoryError) as e:
            last_error = e
        except OSError as e:
            # Keep the first other error (a permission problem, say): it
            # says more than a later "not found".
            last_error = e
            if first_error is None:
                first_error = e
    if first_error is not None:
        raise first_error
    raise last_error


# The spawn family: fork, run one of the exec functions in the child (exit
# status 127 if it fails), and in the parent either return the child's pid
# (P_NOWAIT) or wait for it and return its exit code, negative for a signal
# (P_WAIT).
P_WAIT = 0
P_NOWAIT = P_NOWAITO = 1


def _spawn(mode, file, args, env, exec_fn):
    if not isinstance(args, (tuple, list)):
        raise TypeError('argv must be a tuple or a list')
    if not args or not args[0]:
        raise ValueError('argv first element cannot be empty')
    pid = fork()
    if pid == 0:
        try:
            if env is None:
                exec_fn(file, args)
            else:
                exec_fn(file, args, env)
        finally:
            _exit(127)
    if mode == P_NOWAIT:
        return pid
    while True:
        _, status = waitpid(pid, 0)
        if not WIFSTOPPED(status):
            return waitstatus_to_exitcode(status)


def spawnv(mode, file, args):
    return _spawn(mode, file, args, None, execv)


def spawnve(mode, file, args, env):
    return _spawn(mode, file, args, env, execve)


def spawnvp(mode, file, args):
    return _spawn(mode, file, args, None, execvp)


def spawnvpe(mode, file, args, env):
    return _spawn(mode, file, args, env, execvpe)


def spawnl(mode, file, *args):
    return spawnv(mode, file, args)


def spawnle(mode, file, *args):
    return spawnve(mode, file, args[:-1], args[-1])


def spawnlp(mode, file, *args):
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args):
    return spawnvpe(mode, file, args[:-1], args[-1])


# As in CPython, `from os import *` also brings every public name of posix.
__all__.extend(["execl", "execle", "execlp", "execlpe", "execvp", "execvpe", "popen",
                "P_WAIT", "P_NOWAIT", "P_NOWAITO", "spawnv", "spawnve", "spawnvp", "spawnvpe",
                "spawnl", "spawnle", "spawnlp", "spawnlpe"])
if "fwalk" in globals():
    __all__.append("fwalk")
__all__.extend(n for n in _get_exports_list(_posix) if n not in __all__)
