def top(): pass
class A:
    def meth(self): pass
    class Inner:
        def deep(self): pass
    @staticmethod
    def st(): pass
def factory():
    def made(): pass
    return made
print(top.__name__, top.__qualname__)
print(A.meth.__name__, A.meth.__qualname__)
print(A.Inner.deep.__qualname__, A.Inner.__qualname__)
print(A.st.__qualname__)
print(factory().__qualname__)
print((lambda: 0).__name__)
print(top.__module__)
top.__name__ = "renamed"
print(top.__name__, top.__qualname__)
try:
    top.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(A().meth.__name__, A().meth.__func__ is A.meth)
print(type(top).__name__, type(A().meth).__name__)
