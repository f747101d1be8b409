# Web-ish data handling: xml.etree (build, parse, XPath subset, namespaces),
# html.parser, html.escape, urllib.parse, email.message, uuid.
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
import html
import urllib.parse as up
from email.message import EmailMessage
from email import policy
from email.parser import BytesParser
import uuid

root = ET.Element("library", attrib={"city": "Oslo"})
for i, (title, year, tags) in enumerate([("Dune", 1965, ["sf"]), ("Emma", 1815, ["classic", "romance"]),
                                          ("Neuromancer", 1984, ["sf", "cyber"])]):
    b = ET.SubElement(root, "book", id=str(i), year=str(year))
    ET.SubElement(b, "title").text = title
    for t in tags:
        ET.SubElement(b, "tag").text = t
ET.indent(root)
s = ET.tostring(root, encoding="unicode")
print(s)
tree = ET.ElementTree(ET.fromstring(s))
r = tree.getroot()
print(r.tag, r.attrib, len(r), [b.get("year") for b in r.iter("book")])
print([t.text for t in r.findall(".//book[tag='sf']/title")], r.find("book[@id='1']/title").text)
print(r.findtext("book/title"), r.findtext("nope", default="-"), [e.tag for e in r.find("book")])
print([b.get("id") for b in r.findall("book[2]")], [b.get("id") for b in r.findall("book[last()]")])
for b in r.findall("book"):
    if int(b.get("year")) < 1900:
        r.remove(b)
r.set("count", str(len(r)))
print(ET.tostring(r, short_empty_elements=False)[:80])
print(sorted(r.attrib.items()), r.get("missing", "dflt"), r.keys())

ns_xml = """<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <entry><title>One</title><dc:creator>ann</dc:creator></entry>
  <entry><title>Two &amp; more</title><dc:creator>bob</dc:creator></entry>
</feed>"""
nsroot = ET.fromstring(ns_xml)
ns = {"a": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}
print(nsroot.tag, [e.findtext("a:title", namespaces=ns) for e in nsroot.findall("a:entry", ns)])
print([e.text for e in nsroot.iterfind(".//dc:creator", ns)], [e.text for e in nsroot.iter("{%s}title" % ns["a"])])
print("".join(nsroot.itertext()).split())
for bad in ["<a><b></a>", "<a>", "", "<a x='1' x='2'/>", "<a>&bogus;</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print("ParseError:", e, e.position, e.code)
events = [(ev, el.tag) for ev, el in ET.iterparse(__import__("io").StringIO("<r><x/><y>t</y></r>"), events=("start", "end"))]
print(events)
p = ET.XMLPullParser(["start", "end"])
p.feed("<r><a>1</a>")
print([(e, el.tag) for e, el in p.read_events()])
print(ET.tostring(ET.fromstring('<a b="&lt;&quot;">x &gt; y</a>')), ET.tostring(ET.Element("e", a="\n\t\"<")))
c = ET.Comment("note")
print(ET.tostring(c), ET.tostring(ET.ProcessingInstruction("xml-stylesheet", "href='s.xsl'")))


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.text = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and "script" not in self.stack:
            self.text.append(data.strip())

    def handle_comment(self, data):
        self.text.append(f"<!--{data}-->")

    def handle_startendtag(self, tag, attrs):
        self.text.append(f"[{tag} {attrs}]")


page = """<!DOCTYPE html><html><head><title>T &amp; C</title><script>if (a < b) x();</script></head>
<body><p class=intro>Hello <b>world</b> &copy; 2024 &#x41;&#66;</p><!-- c -->
<a href="/x?a=1&amp;b=2">X</a> <a HREF='http://e.com'>E</a><br/><img src=i.png alt="i"/>
<p>unclosed <i>it</body></html>"""
lc = LinkCollector()
lc.feed(page)
lc.close()
print(lc.links)
print(lc.text)
print(html.escape("<a href='x'>&\"</a>"), html.escape("<>", quote=False), html.unescape("&lt;&#39;&eacute;&notanentity;&amp"))

url = "https://user:pw@Example.COM:8443/path/to;params/page.html?q=caf%C3%A9&x=1&x=2&empty=#frag"
u = up.urlparse(url)
print(u)
print(u.hostname, u.port, u.username, u.password, u.netloc, u.geturl() == url)
print(up.parse_qs(u.query, keep_blank_values=True), up.parse_qsl(u.query))
print(up.urlsplit("//host/p?q"), up.urlunparse(("http", "h", "/p", "", "a=1", "")), up.urldefrag(url)[1])
print(up.urljoin("http://a/b/c/d;p?q", "../g"), up.urljoin("http://a/b/c/", "/x"), up.urljoin("http://a/b", "//c/d"))
print(up.quote("a b/c?d=é"), up.quote_plus("a b&c"), up.quote("/x y", safe=""), up.unquote("caf%C3%A9+x"), up.unquote_plus("a+b%20c"))
print(up.urlencode({"q": "a b", "n": [1, 2], "e": "é"}, doseq=True), up.urlencode([("a", 1), ("a", "&")]))
try:
    up.urlparse("http://[::1").hostname
except ValueError as e:
    print("ValueError:", e)
try:
    up.urlparse("http://h:99999/").port
except ValueError as e:
    print("ValueError:", e)

msg = EmailMessage()
msg["From"] = "Ann <ann@example.com>"
msg["To"] = "bob@example.com, Cy <cy@example.org>"
msg["Subject"] = "Quarterly report — café"
msg["Date"] = "Mon, 01 Jan 2024 10:00:00 +0000"
msg["Message-ID"] = "<1@example.com>"
msg.set_content("Hello Bob,\n\nSee attached.\n")
msg.add_attachment(b"col1,col2\n1,2\n", maintype="text", subtype="csv", filename="r.csv")
raw = msg.as_bytes(policy=policy.SMTP)
text = raw.decode()
import re
text = re.sub(r"=+\d{19}==", "BOUNDARY", re.sub(r'boundary="[^"]+"', 'boundary="B"', text))
print(text)
back = BytesParser(policy=policy.default).parsebytes(raw)
print(back["subject"], back["to"].addresses[1].display_name, back.is_multipart(), back.get_content_type())
for part in back.iter_attachments():
    print(part.get_filename(), part.get_content_type(), part.get_content())
print(back.get_body(preferencelist=("plain",)).get_content())

for name in ["example.com", "python.org"]:
    print(uuid.uuid5(uuid.NAMESPACE_DNS, name), uuid.uuid3(uuid.NAMESPACE_DNS, name))
u5 = uuid.uuid5(uuid.NAMESPACE_URL, "https://x")
print(u5.version, u5.variant, u5.hex, u5.int % 1000, u5.urn, u5.bytes[:4], uuid.UUID(str(u5)) == u5)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}"), uuid.UUID(int=1), uuid.UUID(bytes=b"\x00" * 16), repr(uuid.UUID(int=2**128 - 1)))
print(uuid.UUID(fields=(1, 2, 3, 4, 5, 6)).fields, uuid.uuid4().version, len(str(uuid.uuid1())))
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print("ValueError:", e)
