# Exceptions ignored in __del__ and generator close, as the default
# unraisablehook prints them.
import sys


def hook(u):
    # The object's repr carries an address: name it instead, then let the
    # default hook print.
    sys.__unraisablehook__(type(u)((u.exc_type, u.exc_value, u.exc_traceback,
                                    "Exception ignored in " + type(u.object).__name__, None)))


sys.unraisablehook = hook


class D:
    def __del__(self):
        try:
            1/0
        except ZeroDivisionError:
            raise ValueError("in del") from KeyError("c")
d = D()
del d
print("after del")


# The default unraisablehook shows no chain, no notes, and "Type: " even
# for an empty message.
class Plain:
    def __del__(self):
        raise ValueError


class Noted:
    def __del__(self):
        e = KeyError("k")
        e.add_note("a note it does not show")
        raise e


def gen():
    try:
        yield 1
    finally:
        raise RuntimeError("in finally of generator")  # context: GeneratorExit


p = Plain()
del p
n = Noted()
del n
g = gen()
next(g)
del g
print("end")
