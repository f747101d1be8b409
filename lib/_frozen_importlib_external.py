"""CPython's name for importlib._bootstrap_external, which the host's
zipimport.py and others import directly. importlib._bootstrap_external
registers itself under this name when it runs; importing this name first
runs it, and the import then yields that module (sys.modules holds it)."""

import importlib._bootstrap_external  # noqa: F401  (registers itself)
