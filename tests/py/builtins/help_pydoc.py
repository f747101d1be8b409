# help(obj) prints pydoc's text, as site's help does; copyright, credits and
# license are site's printers.
def area(width, height=2, *, scale=1.0):
    """Return the scaled area.

    Second paragraph."""
    return width * height * scale


class Shape:
    """A shape with a name."""

    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self, verbose=False):
        """Describe the shape."""
        return self.name

    @property
    def label(self):
        """The label."""
        return self.name.upper()


help(area)
help(Shape)
help(len)
print(type(help).__name__, repr(help)[:40])
print(type(copyright).__name__, type(credits).__name__, type(license).__name__)
print(repr(license))
