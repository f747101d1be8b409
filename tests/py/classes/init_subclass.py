class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
class Alpha(Plugin): pass
class Beta(Plugin, key="b"): pass
class Gamma(Beta): pass
print(sorted(Plugin.registry), Gamma.key)
class Strict:
    def __init_subclass__(cls, **kw):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} must define 'required'")
class Good(Strict):
    required = 1
try:
    class Bad(Strict): pass
except TypeError as e:
    print(e)
try:
    class Extra(Good, unexpected=1): pass
    print("accepted by Strict")
except TypeError as e:
    print(type(e).__name__, e)
class NoKw:
    pass
try:
    class K(NoKw, unexpected=1): pass
except TypeError as e:
    print(type(e).__name__)
