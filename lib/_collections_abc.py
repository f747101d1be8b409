"""Alias of collections.abc, for code that imports CPython's private name."""
from collections.abc import *                      # noqa: F401,F403
from collections.abc import __all__, _check_methods  # noqa: F401
