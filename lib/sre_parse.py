"""sre_parse: the deprecated name of re._parser (CPython 3.11 keeps it for old
programs and warns on import; so does ftpy).  See that module for which of
CPython's names ftpy provides."""

import warnings as _warnings

_warnings.warn("module 'sre_parse' is deprecated", DeprecationWarning, stacklevel=2)

from re._parser import *
from re._parser import __all__
