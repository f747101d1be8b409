"""sre_constants: the deprecated name of re._constants (CPython 3.11 keeps it for old
programs and warns on import; so does ftpy).  See that module for which of
CPython's names ftpy provides."""

import warnings as _warnings

_warnings.warn("module 'sre_constants' is deprecated", DeprecationWarning, stacklevel=2)

from re._constants import *
from re._constants import __all__
