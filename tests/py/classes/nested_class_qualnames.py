# Qualified names stay qualified where CPython uses __qualname__: descriptor
# and method __qualname__, and the exception type line of a traceback.
class A:
    class B:
        __slots__ = ('s',)
        def m(self): pass
    class L(list): pass
print(A.B.s.__qualname__, A.L().append.__qualname__, A.L.append.__qualname__, A.B.m.__qualname__)
print(A.L.__init__.__qualname__, A.L().__init__.__qualname__, repr(A.B.s))
print(type(A.B().m).__qualname__)
import traceback
def f():
    class Inner(Exception): pass
    raise Inner('z')
try: f()
except Exception as e: print(traceback.format_exception_only(type(e), e))
f()
