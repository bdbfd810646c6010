# xml.dom.minidom (expatbuilder) and xml.sax (expatreader) on pyexpat: documents with a
# DOCTYPE, entities, namespaces, CDATA, comments and PIs; SAX content handlers with and
# without namespaces, incremental feeding, locators, and SAXParseException.
import io
import xml.dom.minidom as minidom
import xml.sax
import xml.sax.handler
from xml.dom import pulldom

DOC = """<?xml version="1.0"?>
<!DOCTYPE memo [
  <!ENTITY co "ACME &amp; Co.">
  <!ELEMENT memo (to, body)>
  <!ATTLIST memo prio (low|high) "low">
]>
<memo xmlns:h="urn:h">
  <to h:role="boss">Ms. &co;</to>
  <body><![CDATA[a < b]]> and <!-- hidden --> <?fmt bold?>done</body>
</memo>"""

doc = minidom.parseString(DOC)
print(doc.doctype.name, [doc.doctype.entities.item(i).nodeName for i in range(doc.doctype.entities.length)])
memo = doc.documentElement
print(memo.tagName, memo.getAttribute("prio"), memo.attributes.length)
to = memo.getElementsByTagName("to")[0]
print(to.firstChild.data, to.getAttribute("h:role"), to.getAttributeNS("urn:h", "role"))
body = memo.getElementsByTagName("body")[0]
print([(n.nodeType, n.nodeName, getattr(n, "data", None)) for n in body.childNodes])
print(doc.toxml())
print(minidom.parseString("<a><b x='1'/>text</a>").toprettyxml(indent="  "))
d2 = minidom.parse(io.BytesIO(b"<r><i>1</i><i>2</i></r>"))
print([i.firstChild.data for i in d2.getElementsByTagName("i")])
try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)

for event, node in pulldom.parseString("<r><i n='1'>x</i><j/></r>"):
    if event in (pulldom.START_ELEMENT, pulldom.END_ELEMENT):
        print(event, node.tagName)
    elif event == pulldom.CHARACTERS:
        print(event, repr(node.data))


class Handler(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.log = []

    def setDocumentLocator(self, locator):
        self.locator = locator

    def startElement(self, name, attrs):
        loc = getattr(self, "locator", None)
        where = (loc.getLineNumber(), loc.getColumnNumber()) if loc else None
        self.log.append(("start", name, sorted(attrs.items()), where))

    def endElement(self, name):
        self.log.append(("end", name))

    def startElementNS(self, name, qname, attrs):
        self.log.append(("startNS", name, qname, sorted(attrs.items(), key=repr)))

    def endElementNS(self, name, qname):
        self.log.append(("endNS", name, qname))

    def startPrefixMapping(self, prefix, uri):
        self.log.append(("prefix", prefix, uri))

    def characters(self, content):
        self.log.append(("chars", content))

    def processingInstruction(self, target, data):
        self.log.append(("pi", target, data))


h = Handler()
xml.sax.parseString(DOC.encode(), h)
for e in h.log:
    print(e)

h = Handler()
p = xml.sax.make_parser()
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.setContentHandler(h)
p.parse(io.BytesIO(b"<r xmlns='urn:d' xmlns:q='urn:q'><q:i a='1' q:b='2'>t</q:i></r>"))
for e in h.log:
    print(e)

# Incremental feeding.
h = Handler()
p = xml.sax.make_parser()
p.setContentHandler(h)
data = b"<list><item>one</item><item>two</item></list>"
for i in range(0, len(data), 5):
    p.feed(data[i:i + 5])
p.close()
print([e for e in h.log if e[0] != "chars"])
print("".join(e[1] for e in h.log if e[0] == "chars"))

try:
    xml.sax.parseString(b"<a>\n<b></a>", xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as e:
    print(type(e).__name__, e.getLineNumber(), e.getColumnNumber(), e.getMessage())
