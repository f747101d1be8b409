# Two locals loaded in a row run as one step (LOAD_FAST__LOAD_FAST), and
# `a.x op= v` on a local `a` loads it twice instead of copying it. Neither
# may change what a program sees: unbound locals raise at the right line,
# the target of an augmented assignment is the object `a` named before the
# value was computed, and a line tracer still sees every line.
import sys
import traceback


def squares(a, b):
    return a * a + b * b


def second_unbound(flag):
    if flag:
        z = 1
    return flag + z


def first_unbound(flag):
    if flag:
        z = 1
    return z + flag


class Box:
    def __init__(self, v):
        self.v = v


def bump(box, other):
    box.v += (box := other).v     # the store goes to the first box
    return box


def many(a, b, c, d):
    t = (a, b, c, d, a, b)
    return t, a.bit_length() + b


for _ in range(3):   # specialised and quickened runs too
    print(squares(3, 4), squares(1.5, 2.5), squares("a", 2) if False else None)
    print(many(1, 2, 3, 4))
    for fn in (second_unbound, first_unbound):
        try:
            fn(0)
        except UnboundLocalError as e:
            tb = traceback.extract_tb(e.__traceback__)[-1]
            print(fn.__name__, "line", tb.lineno, "-", e)
    print(fn(1))
    b1, b2 = Box(10), Box(5)
    r = bump(b1, b2)
    print(b1.v, b2.v, r is b2)
    f1 = Box(1.5)
    for i in range(4):
        f1.v += 0.25
        f1.v *= f1.v
    print(f1.v)

lines = []


def tracer(frame, event, arg):
    if frame.f_code is squares.__code__ or frame.f_code is pair_lines.__code__:
        lines.append((event, frame.f_lineno - pair_lines.__code__.co_firstlineno))
    return tracer


def pair_lines(x, y):
    u = x
    w = y
    s = (u,
         w)
    return s


sys.settrace(tracer)
pair_lines(1, 2)
squares(2, 3)
sys.settrace(None)
print(lines)
