# A warning a filter raises: its traceback ends at the line that warned
# (warnings.warn is C code in CPython: no frames of its own).
import warnings, traceback
warnings.simplefilter("error")
def f():
    warnings.warn("inner", DeprecationWarning, stacklevel=2)
try:
    f()
except DeprecationWarning:
    traceback.print_exc()
def g():
    f()
g()
