# A bound method's __doc__ is its function's (the method type's own None
# shadowed it), as are classmethod/staticmethod/property docs.
import types, functools
class C:
    def m(self):
        "m doc"
    def plain(self):
        pass
    @classmethod
    def cm(cls):
        "cm doc"
    @staticmethod
    def sm():
        "sm doc"
    @property
    def p(self):
        "p doc"
def f():
    "f doc"
c = C()
print(c.m.__doc__, c.plain.__doc__, C.cm.__doc__, c.cm.__doc__, C.sm.__doc__, C.__dict__["sm"].__doc__, C.__dict__["cm"].__doc__, C.p.__doc__)
print(types.MethodType(f, c).__doc__, types.MethodType(f, c).__name__)
print([].append.__doc__ is not None, type(c.m).__doc__ is not None)
w = functools.wraps(f)(lambda: 0)
print(w.__doc__, w.__name__, functools.partial(f).__doc__ is not None)
print(property(f).__doc__, property(lambda s: 0).__doc__)
import inspect
print(inspect.getdoc(c.m), inspect.getdoc(c.plain))
