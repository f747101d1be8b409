class K:
    count = 0
    @classmethod
    def make(cls, n):
        obj = cls()
        cls.count += n
        return obj
    @staticmethod
    def helper(a, b):
        return a * b
class Sub(K): pass
K.make(1)
s = Sub.make(5)
print(type(s).__name__, K.count, Sub.count)
print(K.helper(3, 4), K().helper(2, 2))
print(type(K.__dict__["make"]).__name__, type(K.__dict__["helper"]).__name__)
print(K.__dict__["helper"].__func__(5, 5))
sm = staticmethod(len)
print(sm.__func__([1, 2, 3]))
print(K.make.__self__ is K, Sub.make.__self__ is Sub)
