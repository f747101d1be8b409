# The GIL warning goes through the warnings machinery: as an error it makes
# the import fail (the GIL is on by then, as in CPython).
import sys
import warnings

with warnings.catch_warnings():
    warnings.simplefilter('error', RuntimeWarning)
    try:
        import gil_demo
    except RuntimeWarning as e:
        print('RuntimeWarning:', e)
print('gil_demo' in sys.modules, sys._is_gil_enabled())
