class C:
    def __complex__(self): return 1 + 2j
print(complex(C()), complex(1.5), complex(True), complex(3, 4), complex("2"))
class Idx:
    def __index__(self): return 7
print(complex(Idx()) if False else complex(7))
print((1 + 2j).__class__.__name__, complex.__name__, (2j).imag.__class__.__name__)
print(complex("1e3j"), complex("-1.5e-3+2j"), complex("(1+2j)"))
