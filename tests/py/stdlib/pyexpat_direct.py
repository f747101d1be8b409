# pyexpat used directly: handlers, attribute options, buffering, errors,
# ParseFile, external entities and threads. (A Parse called from one of the
# parser's own handlers raises RuntimeError on ftpy; CPython 3.11 re-enters
# expat, so that case is not compared here.)
import io
import threading
import pyexpat
from xml.parsers import expat

print(pyexpat.version_info >= (2, 0, 0), pyexpat.EXPAT_VERSION.startswith("expat_"))
print(pyexpat.native_encoding, type(pyexpat.features), pyexpat.features[0])
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__, pyexpat.ExpatError.__mro__[1])
print(expat.errors.XML_ERROR_SYNTAX, expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH])
print(expat.errors.messages[3], pyexpat.ErrorString(4), pyexpat.ErrorString(1000))
print(expat.model.XML_CTYPE_SEQ, expat.model.XML_CQUANT_PLUS)
print(type(pyexpat.ParserCreate()).__name__, pyexpat.XMLParserType.__name__)
for attempt in range(2):  # the failed construction must leave nothing half-built behind
    try:
        pyexpat.XMLParserType()
    except TypeError as e:
        print("TypeError", e)

doc = b"""<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<!DOCTYPE root [
  <!ELEMENT root (item+, note?)>
  <!ELEMENT item (#PCDATA)>
  <!ATTLIST item id CDATA #REQUIRED kind (a|b) "a">
  <!ENTITY greet "hello">
  <!NOTATION gif SYSTEM "image/gif">
]>
<root xmlns="urn:default" xmlns:p="urn:p">
  <!-- a comment -->
  <?target some data?>
  <item id="1" p:x="y">&greet; world</item>
  <item id="2" kind="b"><![CDATA[<raw>]]></item>
</root>"""

def trace(p):
    out = []
    names = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler",
             "ProcessingInstructionHandler", "CommentHandler", "StartNamespaceDeclHandler",
             "EndNamespaceDeclHandler", "XmlDeclHandler", "StartDoctypeDeclHandler",
             "EndDoctypeDeclHandler", "EntityDeclHandler", "NotationDeclHandler",
             "StartCdataSectionHandler", "EndCdataSectionHandler", "ElementDeclHandler",
             "AttlistDeclHandler"]
    for n in names:
        setattr(p, n, lambda *a, n=n: out.append((n[:-7],) + a))
    return out

p = pyexpat.ParserCreate(namespace_separator=" ")
out = trace(p)
print(p.Parse(doc, True))
for e in out:
    print(e)

print("--- ordered/specified attributes, prefixes")
p = pyexpat.ParserCreate(namespace_separator="}")
p.ordered_attributes = True
p.specified_attributes = True
p.namespace_prefixes = True
print(p.ordered_attributes, p.specified_attributes, p.namespace_prefixes, p.buffer_text, p.buffer_size)
out = trace(p)
p.Parse(doc, True)
print([e for e in out if e[0] == "StartElement"])

print("--- buffer_text")
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.buffer_size = 10
p.Parse("<a>abc&amp;def")
print(p.buffer_used, chunks)
p.Parse("ghijklmnopqrstuvwxyz</a>", True)
print(p.buffer_used, chunks)
for bad in (0, -5):
    try:
        p.buffer_size = bad
    except ValueError as e:
        print("ValueError", e)
try:
    p.buffer_size = "x"
except TypeError as e:
    print("TypeError", e)
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse("<a>abc&amp;def\nxyz</a>", True)
print(chunks)

p = pyexpat.ParserCreate()
chunks = []
p.buffer_text = True
p.CharacterDataHandler = chunks.append
p.Parse("<a>abc")
print(p.buffer_used, chunks)
p.buffer_text = False
print(p.buffer_used, chunks)
p.buffer_text = True
p.Parse("def")
def boom(data):
    raise ValueError("boom " + data)
p.CharacterDataHandler = boom
try:
    p.buffer_text = False
except ValueError as e:
    print("ValueError from the flush:", e)
p.CharacterDataHandler = chunks.append
p.Parse("ghi</a>", True)
print(chunks)

print("--- errors")
for text in ["<a><b></a>", "<a>", "", "<a></a><b/>", "<a x='1' x='2'/>", "<a>&nope;</a>", "\n\n  <a><</a>"]:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(text, True)
    except expat.ExpatError as e:
        print(repr(text), "->", e, "|", e.code, e.lineno, e.offset, expat.errors.messages[e.code])
        print("  ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
p = pyexpat.ParserCreate()
p.Parse("<a/>", True)
try:
    p.Parse("<b/>", True)
except expat.ExpatError as e:
    print("after final:", e)

print("--- handler exceptions propagate and stop the parse")
p = pyexpat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == "b":
        raise KeyError("stop here")
p.StartElementHandler = start
try:
    p.Parse("<a><b><c/></b></a>", True)
except KeyError as e:
    print("KeyError", e, seen)

print("--- handlers read back, None, delete")
p = pyexpat.ParserCreate()
print(p.StartElementHandler, p.DefaultHandlerExpand)
f = lambda *a: None
p.StartElementHandler = f
print(p.StartElementHandler is f)
p.StartElementHandler = None
print(p.StartElementHandler)
try:
    del p.CommentHandler
except RuntimeError as e:
    print("RuntimeError", e)
try:
    p.NoSuchHandler
except AttributeError as e:
    print("AttributeError", e)

print("--- default handlers")
for name in ["DefaultHandler", "DefaultHandlerExpand"]:
    p = pyexpat.ParserCreate()
    out = []
    setattr(p, name, out.append)
    p.Parse('<!DOCTYPE a [<!ENTITY e "ent">]><a x="1">t&e;<!--c--></a>', True)
    print(name, out)

print("--- ParseFile, positions, GetInputContext")
p = pyexpat.ParserCreate()
pos = []
def start2(name, attrs):
    pos.append((name, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.GetInputContext()[:8]))
p.StartElementHandler = start2
print(p.ParseFile(io.BytesIO(b"<a>\n  <b/>\n <c>x</c></a>")), pos)
print(p.GetInputContext())
try:
    p.ParseFile(42)
except TypeError as e:
    print("TypeError", e)
class BadRead:
    def read(self, n):
        return 12
try:
    pyexpat.ParserCreate().ParseFile(BadRead())
except TypeError as e:
    print("TypeError", e)

print("--- external entities")
p = pyexpat.ParserCreate()
p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
got = []
def ext(context, base, sysid, pubid):
    got.append((context, base, sysid, pubid))
    child = p.ExternalEntityParserCreate(context)
    child.CharacterDataHandler = lambda d: got.append(("child data", d))
    return child.Parse(b"<inner>from " + sysid.encode() + b"</inner>", True)
p.ExternalEntityRefHandler = ext
p.CharacterDataHandler = lambda d: got.append(("data", d))
p.SetBase("http://base/")
print(p.GetBase())
p.Parse(b'<!DOCTYPE a [<!ENTITY x SYSTEM "x.xml">]><a>&x;</a>', True)
for g in got:
    print(g)
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
try:
    p.Parse(b'<!DOCTYPE a [<!ENTITY x SYSTEM "x.xml">]><a>&x;</a>', True)
except expat.ExpatError as e:
    print(e)
p = pyexpat.ParserCreate()
p.UseForeignDTD(True)
p.ExternalEntityRefHandler = lambda *a: (got.append(("foreign", a)), 1)[1]
p.Parse(b"<a/>", True)
print(got[-1])
p = pyexpat.ParserCreate()
p.SkippedEntityHandler = lambda *a: print("skipped", a)
p.NotStandaloneHandler = lambda: 1
p.Parse(b'<!DOCTYPE a SYSTEM "ext.dtd"><a>&undeclared;</a>', True)

print("--- intern")
p = pyexpat.ParserCreate()
print(type(p.intern), p.intern)
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse("<a><a/><b/></a>", True)
print(names, sorted(p.intern), names[0] is names[1])
print(pyexpat.ParserCreate(intern=None).intern)
try:
    pyexpat.ParserCreate(intern=[])
except TypeError as e:
    print("TypeError", e)
try:
    pyexpat.ParserCreate(namespace_separator="ab")
except ValueError as e:
    print("ValueError", e)

print("--- threads: many parsers at once, and one parser shared")
def work(k, results):
    for i in range(30):
        q = pyexpat.ParserCreate()
        n = []
        q.StartElementHandler = lambda name, a: n.append(name)
        q.Parse("<r>" + "<e/>" * (k + 1) + "</r>", True)
        results[k] = len(n)
results = {}
ts = [threading.Thread(target=work, args=(k, results)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
shared = pyexpat.ParserCreate()
count = []
shared.StartElementHandler = lambda n, a: count.append(n)
shared.Parse("<root>")
def feed():
    for i in range(200):
        try:
            shared.Parse("<e/>")
        except RuntimeError:
            pass
ts = [threading.Thread(target=feed) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
shared.Parse("</root>", True)
print(len(count))
