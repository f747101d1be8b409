# A property, __getattr__ or operator method that looks at its caller's line
# (warnings.warn(..., stacklevel=2), sys._getframe(1).f_lineno) sees the line
# being run, not the line of the caller's last call.
import sys
import warnings
def caller_line():
    return sys._getframe(2).f_lineno
class Spy:
    def __add__(self, o): return caller_line()
    def __lt__(self, o): return caller_line()
    def __getitem__(self, k): return caller_line()
    def __setitem__(self, k, v): print("setitem at", caller_line())
    def __contains__(self, k): return caller_line()
    def __iter__(self): print("iter at", caller_line()); return iter([1])
    def __format__(self, spec): return str(caller_line())
    def __bool__(self): print("bool at", caller_line()); return True
    def __len__(self): return caller_line()
    def __hash__(self): return caller_line()
    def __neg__(self): return caller_line()
    @property
    def prop(self): return caller_line()
    @prop.setter
    def prop(self, v): print("prop set at", caller_line())
    def __getattr__(self, name): return caller_line()
    def __enter__(self): print("enter at", caller_line()); return self
    def __exit__(self, *a): print("exit at", caller_line())
    def __eq__(self, o): return caller_line()
s = Spy()
x = 0
x = (s +
     1)
print("add", x)
print("lt",
      s < 1)
print("getitem", s[
    0])
s[0] = 1
print("contains", 1 in s)
for _ in s:
    pass
print("format", f"{s}")
if s:
    pass
print("len", len(s))
print("neg", -s)
print("prop", s.prop)
s.prop = 5
print("getattr", s.missing)
with s:
    pass
print("eq", s == 1)
def f():
    y = s.prop
    return y
print("in func", f())
fr = sys._getframe()
a = 1
print("frame", fr.f_lineno)
g = (caller_line() for _ in range(1))
print("gen", next(g))
warnings.simplefilter("always")
class Config:
    def __init__(self):
        self._v = 1
    @property
    def old_name(self):
        warnings.warn("old_name is deprecated; use value", DeprecationWarning, stacklevel=2)
        return self._v
    def __getattr__(self, name):
        warnings.warn(f"{name} is gone", FutureWarning, stacklevel=2)
        return None
c = Config()
x = 1
y = c.old_name
z = 2
w = c.nothing
print(x, y, z, w)
