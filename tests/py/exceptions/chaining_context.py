try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("explicit") from ke
except RuntimeError as e:
    print(repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)
try:
    try:
        raise OSError("os")
    except OSError:
        raise TypeError("no context") from None
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError("x")
e.__cause__ = KeyError("k")
print(e.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as err:
    print(type(err).__name__, err)
def chain_depth(exc):
    n = 0
    while exc is not None:
        n += 1
        exc = exc.__context__
    return n
try:
    try:
        try:
            raise A
        except NameError:
            raise B
    except NameError:
        raise C
except NameError as e:
    print(chain_depth(e), e)
