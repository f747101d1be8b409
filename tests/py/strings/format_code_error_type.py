# "Unknown format code" names the formatted object's own type (bool, a
# subclass, an enum), not the built-in base whose __format__ ran.
import enum

class S(str): pass
class F(float): pass
class I(int): pass
class E(enum.IntEnum):
    A = 1

for v, spec in [(True, "r"), (S("a"), "d"), (F(1.5), "d"), (I(3), "s"), (E.A, "r"),
                (1, "r"), (1.0, "d"), (1j, "d"), ("s", "d"), (False, "\x01")]:
    try:
        print(format(v, spec))
    except ValueError as e:
        print(type(v).__name__, e)
