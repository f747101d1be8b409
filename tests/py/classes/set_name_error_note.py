# requires: 3.12
# An exception from __set_name__ propagates unchanged with a note naming the
# attribute and the class (3.11 wrapped it in a RuntimeError instead).
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError(f'cannot bind {name}')
class Quiet:
    def __set_name__(self, owner, name):
        raise KeyError(name)
for make in (lambda: type('H', (), {'attr': Bad()}), lambda: type('Q', (), {'k': Quiet()})):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e, e.__notes__, e.__cause__)
try:
    class Body:
        ok = 1
        field = Bad()
except ValueError as e:
    print(repr(e), e.__notes__)
