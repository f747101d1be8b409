eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t"), ValueError("v2"), ExceptionGroup("inner", [KeyError("k")])])
print(str(eg), repr(eg.message), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(match.exceptions, rest.exceptions[0], type(rest.exceptions[1]).__name__)
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
print(eg.subgroup(OSError))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(type(e).__name__, e)
try:
    ExceptionGroup("x", [1])
except ValueError as e:
    print(type(e).__name__, e)
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            yield from leaves(x)
    else:
        yield e
print([repr(x) for x in leaves(eg)])
