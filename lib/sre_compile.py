"""sre_compile: the deprecated name of re._compiler (CPython 3.11 keeps it for old
programs and warns on import; so does ftpy).  See that module for which of
CPython's names ftpy provides."""

import warnings as _warnings

_warnings.warn("module 'sre_compile' is deprecated", DeprecationWarning, stacklevel=2)

from re._compiler import *
from re._compiler import __all__
