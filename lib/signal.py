"""Set handlers for asynchronous events (ftpy).

A thin layer over the _signal module: signal numbers come back as members of
the Signals enum and SIG_DFL / SIG_IGN as members of Handlers, as in CPython.
Python handlers always run in the main thread, between bytecodes or when a
blocking call (sleep, lock acquire, join) notices the signal.
"""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum

Signals = _IntEnum('Signals', {name: value for name, value in vars(_signal).items()
                               if name.isupper() and name.startswith('SIG')
                               and not name.startswith('SIG_')})
Handlers = _IntEnum('Handlers', {'SIG_DFL': _signal.SIG_DFL, 'SIG_IGN': _signal.SIG_IGN})
Sigmasks = _IntEnum('Sigmasks', {'SIG_BLOCK': _signal.SIG_BLOCK, 'SIG_UNBLOCK': _signal.SIG_UNBLOCK,
                                 'SIG_SETMASK': _signal.SIG_SETMASK})

# Module constants are the enum members themselves (signal.SIGINT is Signals.SIGINT).
globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)


def _as_enum(value, enum):
    if not isinstance(value, int):
        return value
    try:
        return enum(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    return _as_enum(_signal.signal(signalnum, handler), Handlers)


def getsignal(signalnum):
    return _as_enum(_signal.getsignal(signalnum), Handlers)


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def pthread_sigmask(how, mask):
    return {_as_enum(n, Signals) for n in _signal.pthread_sigmask(how, mask)}


def sigpending():
    return {_as_enum(n, Signals) for n in _signal.sigpending()}


pthread_sigmask.__doc__ = _signal.pthread_sigmask.__doc__
sigpending.__doc__ = _signal.sigpending.__doc__


def valid_signals():
    return {_as_enum(n, Signals) for n in range(1, NSIG)}


signal.__doc__ = _signal.signal.__doc__
getsignal.__doc__ = _signal.getsignal.__doc__
