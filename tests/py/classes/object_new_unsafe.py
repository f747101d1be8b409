# object.__new__ refuses types whose native layout it cannot build.
import os
import time


def attempt(f):
    try:
        r = f()
        print("ok", type(r).__name__)
    except TypeError as e:
        print("TypeError", e)


class T(tuple):
    pass


class D(dict):
    pass


class S(str):
    pass


class I(int):
    pass


class Plain:
    pass


class WithNew:
    def __new__(cls):
        return object.__new__(cls)


class TupleWithNew(tuple):
    def __new__(cls):
        return object.__new__(cls)


for t in [time.struct_time, os.stat_result, type(time.gmtime()), tuple, int, str, dict, list, float,
          bytes, bytearray, set, frozenset, complex, T, D, S, I, Plain, WithNew]:
    attempt(lambda: object.__new__(t))
attempt(lambda: WithNew())
attempt(lambda: TupleWithNew())
attempt(lambda: tuple.__new__(T, (1, 2)))
attempt(lambda: int.__new__(I, 5))
attempt(lambda: int.__new__(str))
attempt(lambda: tuple.__new__(time.struct_time, (1,) * 9))
print(tuple.__new__(T, (1, 2)), int.__new__(I, 5))
