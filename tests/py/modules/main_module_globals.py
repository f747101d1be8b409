# __main__'s globals as CPython 3.11 starts a script: __annotations__ (an
# empty dict made at start-up, which top-level annotations then fill) and
# __cached__ = None, in CPython's key order.
print([k for k in globals()])
print(__annotations__, __cached__)
x: int = 1
print(__annotations__, __annotations__ is globals()["__annotations__"])
import sys
print(sys.modules["__main__"].__annotations__ is __annotations__)
