class A:
    "A doc"
    pass
class B(A):
    pass
print(A.__name__, A.__doc__, B.__doc__, A.__module__)
print(B.__base__ is A, A.__base__ is object, object.__base__)
print([c.__name__ for c in B.__mro__], B.__bases__ == (A,))
print(sorted(c.__name__ for c in A.__subclasses__()))
print(A.__dict__["__doc__"], "__module__" in A.__dict__)
print(type(A.__dict__["__dict__"]).__name__, type(A.__dict__["__weakref__"]).__name__)
print(int.__name__, int.__qualname__, int.__module__, len.__module__)
