# An exception from __set_name__ is wrapped, as in CPython 3.11, in a
# RuntimeError naming the attribute and the class, with the original as
# __cause__ (3.12 instead re-raises the original with a note).
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
        print(type(e).__name__, e, repr(e.__cause__), e.__context__ is e.__cause__,
              e.__suppress_context__, hasattr(e, '__notes__'))
try:
    class Body:
        ok = 1
        field = Bad()
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))


class Model:
    name = Quiet()
