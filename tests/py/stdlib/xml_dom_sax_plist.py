# xml.dom.minidom, xml.sax, plistlib and xmlrpc over the native pyexpat.
import io
import plistlib
import datetime
import xml.sax
import xml.sax.handler
from xml.dom import minidom
from xml.dom import pulldom
import xmlrpc.client

print("--- minidom")
# No processing instruction in the minidom document: ftpy rejects
# ProcessingInstruction.ownerDocument = ... (a __slots__ class whose base
# has a __dict__; an interpreter bug outside pyexpat).
doc = minidom.parseString(b'<?xml version="1.0"?><!DOCTYPE r><r xmlns:p="urn:p" a="1"><p:c>t &amp; u</p:c><!--note--><e/></r>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute("a"), doc.doctype.name)
c = doc.getElementsByTagName("p:c")[0]
print(c.namespaceURI, c.localName, c.prefix, c.firstChild.data)
print(doc.toxml())
print(doc.toprettyxml(indent="  "))
d2 = minidom.parse(io.StringIO("<a><b>1</b><b>2</b></a>"))
print([b.firstChild.data for b in d2.getElementsByTagName("b")])
try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)

print("--- pulldom")
for ev, node in pulldom.parseString("<a><b>x</b></a>"):
    print(ev, getattr(node, "tagName", None) or getattr(node, "data", None))

print("--- sax")
class H(xml.sax.handler.ContentHandler):
    def startDocument(self): print("startDocument")
    def endDocument(self): print("endDocument")
    def startElement(self, name, attrs): print("start", name, sorted(attrs.items()))
    def endElement(self, name): print("end", name)
    def characters(self, content):
        if content.strip(): print("chars", repr(content))
    def processingInstruction(self, target, data): print("pi", target, data)
    def startPrefixMapping(self, prefix, uri): print("prefix", prefix, uri)
    def startElementNS(self, name, qname, attrs): print("startNS", name, qname, sorted(attrs.items()))
    def endElementNS(self, name, qname): print("endNS", name, qname)
xml.sax.parseString(b"<root a='1'><?go now?><item>one</item><item>two &lt;3</item></root>", H())
p = xml.sax.make_parser()
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.setContentHandler(H())
p.parse(io.BytesIO(b"<r xmlns='urn:d' xmlns:q='urn:q'><q:x q:k='v'>y</q:x></r>"))
class Err(xml.sax.handler.ErrorHandler):
    pass
try:
    xml.sax.parseString(b"<a>\n<b></a>", H())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e, e.getLineNumber(), e.getColumnNumber())

print("--- plistlib")
data = {"name": "ftpy", "n": 42, "f": 2.5, "ok": True, "no": False, "list": [1, "two", {"x": None or 3}],
        "blob": b"\x00\xffdata", "when": datetime.datetime(2024, 1, 2, 3, 4, 5), "empty": {}}
xml_bytes = plistlib.dumps(data, sort_keys=True)
print(xml_bytes.decode())
back = plistlib.loads(xml_bytes)
print(back == data, sorted(back))
print(plistlib.loads(plistlib.dumps([1, 2, 3], fmt=plistlib.FMT_BINARY)))
try:
    plistlib.loads(b"<?xml version='1.0'?><plist><dict><key>a</key></plist>", fmt=plistlib.FMT_XML)
except Exception as e:
    print(type(e).__name__, e)

print("--- xmlrpc")
s = xmlrpc.client.dumps((1, "two", [3.0, True], {"k": "v"}), methodname="m")
print(s)
print(xmlrpc.client.loads(s))
resp = xmlrpc.client.dumps(({"result": [1, 2]},), methodresponse=True)
print(xmlrpc.client.loads(resp))
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, "bad"), methodresponse=True)
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print("Fault", f.faultCode, f.faultString)
