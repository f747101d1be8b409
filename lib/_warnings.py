"""CPython's C accelerator of warnings, which some standard library modules
(zipimport, importlib's bootstrap) import by this name. ftpy's warnings
module is all Python (lib/warnings.py); this gives its functions and state
under the C module's names. The functions are the same objects, so the
stacklevel a caller passes counts the same frames."""

from warnings import (warn, warn_explicit, filters, _filters_mutated,
                      defaultaction as _defaultaction, onceregistry as _onceregistry)

__all__ = []
