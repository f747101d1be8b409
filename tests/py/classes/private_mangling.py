class A:
    def __init__(self):
        self.__secret = "A secret"
        self._prot = "protected"
    def reveal(self): return self.__secret
    def __private(self): return "private method"
    def call(self): return self.__private()
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "B secret"
    def reveal_b(self): return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), b.call())
print(sorted(vars(b)))
try:
    b.__secret
except AttributeError as e:
    print(type(e).__name__)
print(b._A__secret, hasattr(A, "_A__private"))
class __Dunder__:
    def __m(self): return "m"
print(hasattr(__Dunder__, "_Dunder____m") or [k for k in vars(__Dunder__) if "m" in k and not k.startswith("__") or k.endswith("__m")])
class _Under:
    def __x(self): return 1
print([k for k in vars(_Under) if k.endswith("__x")])
