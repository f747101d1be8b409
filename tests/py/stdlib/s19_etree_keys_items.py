# Element.keys() and items() return lists, as python3's C ElementTree does;
# the module-level names are the same objects through _elementtree.
import _elementtree
import xml.etree.ElementTree as ET

e = ET.fromstring('<item id="7" kind="book" lang="en"><sub a="1"/></item>')
print(e.keys(), e.items())
print(type(e.keys()).__name__, type(e.items()).__name__)
k = e.keys()
e.set("extra", "x")
print(k, e.keys(), sorted(e.items()))
print(e.find("sub").items(), ET.Element("empty").keys(), ET.Element("empty").items())
print([n for n in ("Element", "SubElement", "ParseError", "TreeBuilder", "XMLParser")
       if getattr(_elementtree, n) is getattr(ET, n)])
print(ET.Element.items.__qualname__)
