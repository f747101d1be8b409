# Media/document formats a converter script handles: wave audio written and
# read back, colorsys conversions for a palette, xml.dom.minidom and xml.sax
# documents, mailbox mbox round trip, html.entities, zipapp, compileall.
import colorsys
import compileall
import html.entities
import io
import mailbox
import math
import os
import struct
import subprocess
import sys
import tempfile
import wave
import xml.dom.minidom
import xml.sax
import xml.sax.saxutils
import zipapp
from email.message import EmailMessage

buf = io.BytesIO()
with wave.open(buf, "wb") as w:
    w.setnchannels(2)
    w.setsampwidth(2)
    w.setframerate(8000)
    frames = b"".join(struct.pack("<hh", int(3000 * math.sin(2 * math.pi * 440 * i / 8000)), 0) for i in range(800))
    w.writeframes(frames)
data = buf.getvalue()
print(len(data), data[:4], data[8:16])
with wave.open(io.BytesIO(data)) as r:
    print(r.getnchannels(), r.getsampwidth(), r.getframerate(), r.getnframes(), r.getcomptype(), r.getcompname())
    print(r.getparams())
    first = r.readframes(3)
    print(first.hex(), r.tell())
try:
    wave.open(io.BytesIO(b"RIFF\x00\x00\x00\x00WAVX"))
except wave.Error as e:
    print("wave.Error:", e)

for rgb in [(1, 0, 0), (0.2, 0.4, 0.6), (1, 1, 1), (0, 0, 0), (0.5, 0.5, 0)]:
    h = colorsys.rgb_to_hsv(*rgb)
    l = colorsys.rgb_to_hls(*rgb)
    y = colorsys.rgb_to_yiq(*rgb)
    print(rgb, [round(x, 4) for x in h], [round(x, 4) for x in l], [round(x, 4) for x in y],
          [round(x, 4) for x in colorsys.hsv_to_rgb(*h)], [round(x, 4) for x in colorsys.hls_to_rgb(*l)])
palette = ["#%02x%02x%02x" % tuple(round(c * 255) for c in colorsys.hsv_to_rgb(i / 6, 0.8, 0.9)) for i in range(6)]
print(palette)

doc = xml.dom.minidom.parseString('<?xml version="1.0"?><root a="1"><item id="x">text &amp; more</item><!-- c --><empty/></root>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute("a"), [n.nodeType for n in doc.documentElement.childNodes])
item = doc.getElementsByTagName("item")[0]
print(item.firstChild.data, item.getAttribute("id"), item.hasAttribute("nope"), item.parentNode.nodeName)
new = doc.createElement("added")
new.setAttribute("k", "v<>\"")
new.appendChild(doc.createTextNode("a < b"))
doc.documentElement.appendChild(new)
print(doc.toxml())
print(doc.toprettyxml(indent="  "))
print(doc.documentElement.toxml(encoding="utf-8")[:30])
try:
    xml.dom.minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)


class Collector(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []

    def startElement(self, name, attrs):
        self.events.append(("start", name, dict(attrs)))

    def endElement(self, name):
        self.events.append(("end", name))

    def characters(self, content):
        if content.strip():
            self.events.append(("text", content))


h = Collector()
xml.sax.parseString(b"<catalog><book isbn='1'>Dune</book><book isbn='2'>Emma</book></catalog>", h)
print(h.events)
try:
    xml.sax.parseString(b"<a><b></a>", Collector())
except xml.sax.SAXParseException as e:
    print("SAXParseException:", e.getMessage(), e.getLineNumber(), e.getColumnNumber())
print(xml.sax.saxutils.escape("<a & b>"), xml.sax.saxutils.quoteattr('say "hi" & \'bye\''),
      xml.sax.saxutils.unescape("&lt;x&gt; &amp;"))
out = io.StringIO()
g = xml.sax.saxutils.XMLGenerator(out, encoding="utf-8")
g.startDocument()
g.startElement("r", {"x": "1"})
g.characters("é & <")
g.endElement("r")
g.endDocument()
print(out.getvalue())

print(html.entities.name2codepoint["eacute"], html.entities.codepoint2name[169], html.entities.html5["amp;"],
      len(html.entities.entitydefs) > 200)

with tempfile.TemporaryDirectory() as d:
    mpath = os.path.join(d, "box.mbox")
    box = mailbox.mbox(mpath)
    for i in range(3):
        m = EmailMessage()
        m["From"] = f"user{i}@example.com"
        m["Subject"] = f"Message {i}"
        m.set_content(f"Body {i}\nFrom the start of a line\n")
        box.add(m)
    box.flush()
    box.close()
    box = mailbox.mbox(mpath)
    print(len(box), [msg["subject"] for msg in box], sorted(box.keys()))
    first = box[0]
    print(first.get_from().split()[0] if first.get_from() else None, first.get_payload().splitlines())
    box.remove(1)
    box.flush()
    print(len(box), [m["subject"] for m in box.values()])
    box.close()
    raw = open(mpath).read()
    print(raw.count("\nFrom "), ">From the start" in raw)

    app = os.path.join(d, "app")
    os.mkdir(app)
    with open(os.path.join(app, "__main__.py"), "w") as f:
        f.write("import sys\nprint('zipapp says', sys.argv[1:])\n")
    with open(os.path.join(app, "helper.py"), "w") as f:
        f.write("def f(:\n")
    target = os.path.join(d, "app.pyz")
    zipapp.create_archive(app, target, interpreter="/usr/bin/env python3")
    print(open(target, "rb").read(2), zipapp.get_interpreter(target))
    r = subprocess.run([sys.executable, target, "x"], capture_output=True, text=True)
    print(r.returncode, r.stdout.strip())
    out = io.StringIO()
    import contextlib
    with contextlib.redirect_stdout(out):
        ok = compileall.compile_dir(app, quiet=1)
    print(ok, "SyntaxError" in out.getvalue() or out.getvalue())
