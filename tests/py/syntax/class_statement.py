class A:
    "Doc for A."
    x = 1
    y = x + 1
    def m(self):
        return self.x
    print("class body runs", x, y)
print(A.__doc__, A.y, A().m())
def deco(cls):
    cls.decorated = True
    return cls
@deco
class B(A):
    x = 10
print(B.decorated, B().m(), B.__bases__[0].__name__)
class C:
    items = [i * 2 for i in range(3)]
print(C.items)
class D:
    v = 5
    def get(self):
        try:
            return v
        except NameError as e:
            return "NameError: " + str(e)
print(D().get())
print(type(A).__name__, A.__name__, A.__qualname__, A.__module__)
def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
class E(object, metaclass=type):
    pass
print(E.__mro__ == (E, object))
