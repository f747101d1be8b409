class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Even(metaclass=Meta): pass
print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even))
print(issubclass(bool, Even), issubclass(int, Even))
print(isinstance(5, (str, int)), isinstance(5, (str, (list, int))))
print(issubclass(bool, (str, int)))
try:
    isinstance(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(5, int)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(isinstance(None, type(None)), type(None).__name__)
