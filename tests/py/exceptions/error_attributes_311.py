# Exception attributes and messages as CPython 3.11 fills them in.
def show(f):
    try:
        f()
    except Exception as e:
        name = getattr(e, "name", "-")
        obj = getattr(e, "obj", "-")
        print(type(e).__name__, "|", e, "|", name, "|", type(obj).__name__)


class Point:
    x = 1


# AttributeError.name/.obj for a class's missing attribute (they feed the
# traceback's "Did you mean").
show(lambda: Point.nope)
show(lambda: str.foo)
show(lambda: int.from_byte)
# Setting an attribute on a built-in instance: 3.11's plain message.
show(lambda: setattr(1, "x", 2))
show(lambda: setattr(object(), "x", 2))
show(lambda: setattr("s", "upper", 2))
# ModuleNotFoundError.name when the parent is not a package.
show(lambda: __import__("os.nopath_xyz"))
show(lambda: exec("import os.path.nope"))
# NameError.name for a free variable without a value.
show(lambda: exec("def f():\n    def g(): return y\n    g()\n    y = 1\nf()"))
show(lambda: exec("def f():\n    print(y)\n    y = 1\nf()"))
# Unknown keywords to built-in functions: 3.11's wording.
show(lambda: print(sepp=1))
show(lambda: "a".split(x=1))
show(lambda: round(1.5, ndigit=1))
show(lambda: enumerate([], star=1))
show(lambda: max([1], kee=1))
show(lambda: [].sort(kee=1))
show(lambda: int.from_bytes(b"a", byteorde="big"))
show(lambda: zip([], stric=True))
show(lambda: open("f", mod="r"))
show(lambda: str(objec=1))
# ... and to functions written in Python, unchanged.
def fn(a, *, b=1):
    pass
show(lambda: fn(1, c=2))
