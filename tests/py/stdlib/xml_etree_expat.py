# xml.etree.ElementTree over the native pyexpat: parse, fromstring, iterparse,
# XMLPullParser, tostring round trips with namespaces and entities, errors.
import io
import xml.etree.ElementTree as ET

src = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalog [<!ENTITY co "ACME &amp; Co">]>
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <!-- first -->
  <book id="b1" x:rating="5"><title>Dune &#233;</title><by>&co;</by></book>
  <book id="b2"><title><![CDATA[<Neuromancer>]]></title><x:note>tail</x:note> after</book>
</catalog>"""

root = ET.fromstring(src)
print(root.tag, len(root), root.attrib)
for book in root:
    print(book.tag, sorted(book.attrib.items()), [(c.tag, c.text, c.tail) for c in book])
ns = {"b": "urn:books", "x": "urn:extra"}
print([t.text for t in root.findall("b:book/b:title", ns)])
print(root.find("b:book/x:note", ns).text, root.find(".//b:by", ns).text)
print(ET.tostring(root, encoding="unicode"))
ET.register_namespace("bk", "urn:books")
print(ET.tostring(root).decode())
print(ET.tostring(ET.fromstring(ET.tostring(root))) == ET.tostring(root))

tree = ET.parse(io.BytesIO(src.encode()))
print(tree.getroot().tag, tree.getroot()[0].get("id"))
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue()[:60])

print("--- iterparse")
for event, elem in ET.iterparse(io.BytesIO(src.encode()), events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if event in ("start-ns", "end-ns"):
        print(event, elem)
    elif event == "comment":
        print(event, elem.text)
    else:
        print(event, elem.tag)

print("--- XMLPullParser")
pp = ET.XMLPullParser(events=("start", "end"))
for piece in ["<r><a>1", "</a><b x='y'", "/>", "</r>"]:
    pp.feed(piece)
    print([(e, el.tag) for e, el in pp.read_events()])
pp.close()

print("--- TreeBuilder with comments and pis")
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!--c--><?p d?><a/></r>")
r = parser.close()
print([str(c.tag) [:20] for c in r], ET.tostring(r))

print("--- errors")
for bad in ["<a><b></a>", "<a>", "", "<a>&undefined;</a>", "<a/>junk", "<a x='1' x='2'/>", "<a>\n\n <b>\n</c></a>", "<x:a/>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), "->", e, e.code, e.position)

print("--- canonical / indent")
e = ET.fromstring("<a><b><c>t</c></b><d/></a>")
ET.indent(e)
print(ET.tostring(e).decode())
print(ET.canonicalize("<a  z='1'   b='2'><c/></a>"))
