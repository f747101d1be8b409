# help()/pydoc on user classes and functions (pydoc imports importlib._bootstrap_external),
# the slot wrappers' __doc__ and __text_signature__.
import pydoc


class Shape:
    """A shape with a name."""

    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        """Area of the shape (0 here)."""
        return 0.0

    @property
    def label(self):
        """Upper-case name."""
        return self.name.upper()


def scale(x, factor=2, *, clip=None):
    """Multiply x by factor."""
    return x * factor


print(pydoc.render_doc(scale, renderer=pydoc.plaintext))
print(pydoc.render_doc(Shape, renderer=pydoc.plaintext))
print(pydoc.render_doc(len, renderer=pydoc.plaintext))
help(scale)
print(pydoc.getdoc(Shape.area))
print(pydoc.describe(Shape), pydoc.describe(scale), pydoc.describe(pydoc))
import inspect
print(inspect.signature(object.__init__), inspect.signature(int.__add__), inspect.signature(object.__eq__))
print(int.__add__.__text_signature__, repr((1).__add__.__doc__), object.__repr__.__doc__)
print(inspect.isroutine(dict.__setitem__), inspect.ismethoddescriptor(list.__len__))
import py_compile, modulefinder, importlib._bootstrap_external as be
print(be.path_sep, be._path_join("a/", "b", "c"))
