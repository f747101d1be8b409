# object.__init_subclass__ refuses keywords; the message names the class.
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Good(Base, tag='g'):
    pass
print(Good.tag)
try:
    class Bad(Base, colour='red'):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Direct(flavour=1):
        pass
except TypeError as e:
    print('TypeError:', e)
class Outer:
    pass
try:
    object.__init_subclass__.__func__(Outer, x=1) if hasattr(object.__init_subclass__, '__func__') else Outer.__init_subclass__(x=1)
except TypeError as e:
    print('TypeError:', e)
print(Outer.__init_subclass__())
