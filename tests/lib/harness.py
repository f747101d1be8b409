"""Tiny test harness for ftpy's lib/ modules, run under the host python3.

Test files (tests/lib/test_*.py) define functions named test_*; _boot.py runs
them in a fresh `python3 -I -S` whose sys.path starts with lib/, so `import X`
gets ftpy's module, never the host's.  This module must import nothing from
the standard library beyond what the host has loaded at start-up.
"""
import sys
import posix

LIB = None  # set by _boot


class Failure(AssertionError):
    pass


def mine(name):
    """Import `name` and insist that it is ftpy's, from lib/."""
    __import__(name)
    mod = sys.modules[name]
    f = getattr(mod, '__file__', None) or ''
    if not f.startswith(LIB):
        raise Failure('%s imported from %r, not from lib/' % (name, f))
    return mod


def eq(got, expected, what=''):
    if not (got == expected):
        raise Failure('%s\n  got:      %r\n  expected: %r' % (what, got, expected))


def true(cond, what=''):
    if not cond:
        raise Failure('expected true: %s' % what)


class raises:
    """with raises(ValueError, 'message part'): ..."""

    def __init__(self, exc, msg=None):
        self.exc = exc
        self.msg = msg
        self.value = None

    def __enter__(self):
        return self

    def __exit__(self, tp, val, tb):
        if tp is None:
            raise Failure('did not raise %s' % self.exc.__name__)
        if not issubclass(tp, self.exc):
            return False
        if self.msg is not None and self.msg not in str(val):
            raise Failure('%s message %r lacks %r' % (tp.__name__, str(val), self.msg))
        self.value = val
        return True


def host(code):
    """Run `code` under the host python3 with its own stdlib; return stdout."""
    r, w = posix.pipe()
    pid = posix.fork()
    if pid == 0:
        try:
            posix.dup2(w, 1)
            posix.close(r)
            posix.execv(sys.executable, [sys.executable, '-I', '-S', '-c', code])
        finally:
            posix._exit(127)
    posix.close(w)
    chunks = []
    while True:
        b = posix.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    posix.close(r)
    posix.waitpid(pid, 0)
    return b''.join(chunks).decode('utf-8')


def host_eval(expr, setup=''):
    """repr() of `expr` evaluated by the host python3 after `setup`."""
    return host(setup + '\nprint(repr(' + expr + '), end="")\n')
