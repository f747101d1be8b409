import math
import os.path
import collections.abc as cabc
from math import sqrt, pi as PI
from os import path as p
from string import (
    ascii_lowercase,
    digits,
)
print(sqrt(16), round(PI, 3))
print(os.path.join("a", "b"), p.basename("/x/y.txt"))
print(ascii_lowercase[:5], digits)
print(cabc.Sequence.__name__)
def local_import():
    import json as j
    return j.dumps([1])
print(local_import())
print("j" in globals())
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
