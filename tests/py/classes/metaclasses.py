class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        ns["kw"] = kw
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.inited = True
    def hello(cls):
        return "hello from " + cls.__name__
class A(metaclass=Meta, flag=1):
    pass
print(A.created_by, A.kw, A.inited, A.hello(), type(A).__name__)
class B(A): pass
print(type(B).__name__, B.kw)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class P(metaclass=Registry): pass
class Q(P): pass
print(Registry.classes)
class PrepMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 42}
class R(metaclass=PrepMeta):
    x = injected + 1
print(R.x)
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class X3(X1, X2): pass
except TypeError as e:
    print(type(e).__name__, e)
