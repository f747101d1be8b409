"""_elementtree (ftpy): python3's ElementTree accelerator is C; ftpy runs the
host's pure-Python xml.etree.ElementTree, and this module only evens out what
a program sees differently from C's Element: keys() and items() return lists
(the Python class returns dict views, so `print(elem.keys())` printed
"dict_keys([...])").

xml.etree.ElementTree imports this module at its end (`from _elementtree
import *`), when all its classes exist; imported on its own, this module
imports xml.etree.ElementTree first.
"""

import sys as _sys


def _set_factories(comment_factory, pi_factory):
    # The C module keeps the two factories for its TreeBuilder; the Python
    # TreeBuilder already uses the module's own Comment and PI.
    pass


_ET = _sys.modules.get('xml.etree.ElementTree')
if _ET is None or not hasattr(_ET, 'XMLParser'):
    import xml.etree.ElementTree as _ET

Element = _ET.Element
SubElement = _ET.SubElement
ParseError = _ET.ParseError
TreeBuilder = _ET.TreeBuilder
XMLParser = _ET.XMLParser
__all__ = ['Element', 'SubElement', 'ParseError', 'TreeBuilder', 'XMLParser']


def keys(self):
    """Gets a list of attribute names."""
    return list(self.attrib)


def items(self):
    """Gets a list of (name, value) attribute pairs."""
    return list(self.attrib.items())


keys.__qualname__ = 'Element.keys'
items.__qualname__ = 'Element.items'
Element.keys = keys
Element.items = items
del keys, items
