# Error messages and exception reprs name a class by __name__, not by
# __qualname__, as CPython's tp_name does.
def factory():
    class Local:
        def method(self, a): return a
    class Plain:
        pass
    class LocalError(Exception):
        pass
    return Local, Plain, LocalError

class Outer:
    class Inner:
        pass
    class Problem(ValueError):
        pass

Local, Plain, LocalError = factory()
print(Local.__qualname__, Outer.Inner.__qualname__)
checks = [
    lambda: Local().missing,
    lambda: Outer.Inner().missing,
    lambda: Outer.Inner.missing,
    lambda: Local() + 1,
    lambda: 1 - Outer.Inner(),
    lambda: len(Local()),
    lambda: Local()[0],
    lambda: Local()(),
    lambda: iter(Outer.Inner()),
    lambda: Plain(1),
    lambda: Outer.Inner(x=1),
    lambda: Local() < Plain(),
    lambda: setattr(Local, '__name__', 'Renamed') or Local().gone,
]
for check in checks:
    try:
        check()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(repr(LocalError('x')), repr(Outer.Problem(1, 2)), repr(Outer.Problem()))
print(str(LocalError('msg')), type(Outer.Problem()).__qualname__)
try:
    raise Outer.Problem('bad')
except ValueError as e:
    print(repr(e))
try:
    del Outer.Inner.nothing
except AttributeError as e:
    print(e)
