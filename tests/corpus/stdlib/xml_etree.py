# xml.etree.ElementTree on pyexpat: fromstring/tostring, parse, iterparse and
# XMLPullParser fed in pieces, namespaces, entities, comments and PIs kept by a
# TreeBuilder, and ParseError with its code and position.
import io
import xml.etree.ElementTree as ET

DOC = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalog [
  <!ENTITY pub "Example &amp; Sons">
]>
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <!-- the books -->
  <book id="b1" x:rating="5">
    <title>Dive &amp; Swim</title>
    <author>A. &pub;</author>
    <price currency="EUR">12.50</price>
  </book>
  <book id="b2">
    <title><![CDATA[<Tags> & more]]></title>
    <x:note>caf\xc3\xa9 \xe2\x82\xac</x:note>
  </book>
</catalog>
"""

root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root))
for book in root:
    print(book.tag, sorted(book.attrib.items()))
    for child in book:
        print("  ", child.tag, repr(child.text), child.attrib)
ns = {"b": "urn:books", "x": "urn:extra"}
print([t.text for t in root.findall("b:book/b:title", ns)])
print(root.find(".//x:note", ns).text)
print(ET.tostring(root.find("b:book", ns), encoding="unicode"))

tree = ET.parse(io.BytesIO(DOC))
print(tree.getroot().tag)
out = io.BytesIO()
tree.write(out, encoding="utf-8", xml_declaration=True)
print(out.getvalue().decode()[:120])
print(ET.tostring(ET.fromstring(ET.tostring(root))) == ET.tostring(root))

# iterparse: start/end/start-ns/end-ns/comment/pi events.
events = ("start", "end", "start-ns", "end-ns", "comment", "pi")
for ev, el in ET.iterparse(io.BytesIO(b"<a xmlns:p='urn:p'><?go now?><p:b>x</p:b><!--c--><c/></a>"), events):
    if el is None or isinstance(el, tuple):
        print(ev, el)
    elif el.tag in (ET.Comment, ET.PI):
        print(ev, el.text)
    else:
        print(ev, el.tag, repr(el.text))

# XMLPullParser fed a byte at a time gives the same events as the whole.
def pull(data, step):
    p = ET.XMLPullParser(("start", "end"))
    seen = []
    for i in range(0, len(data), step):
        p.feed(data[i:i + step])
        seen.extend((ev, el.tag) for ev, el in p.read_events())
    p.close()
    seen.extend((ev, el.tag) for ev, el in p.read_events())
    return seen
whole = pull(DOC, len(DOC))
print(len(whole), all(pull(DOC, n) == whole for n in (1, 2, 3, 7)))

# A TreeBuilder that keeps comments and processing instructions.
parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True))
parser.feed("<r><!-- note --><?pi data?><s>t</s></r>")
r = parser.close()
print([(c.tag if isinstance(c.tag, str) else c.tag.__name__, c.text) for c in r])

# A custom target.
class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def close(self):
        return self.log
p = ET.XMLParser(target=Target())
p.feed("<a x='1'>hello <b>world</b>\n</a>")
print(p.close())

# Undefined entities: the parser's entity table, else ParseError.
p = ET.XMLParser()
p.entity["nbsp"] = "\u00a0"
p.feed('<!DOCTYPE html SYSTEM "about:legacy-compat"><p>a&nbsp;b</p>')
print(repr(p.close().text))
for bad in ["<a>", "<a></b>", "<a>&nope;</a>", "", "<a b='1' b='2'/>", "<a/><b/>",
            '<!DOCTYPE html SYSTEM "x"><p>&nope;</p>']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(type(e).__name__, e.code, e.position, e)

# Serialisation round trip with special characters.
e = ET.Element("e", {"q": 'a"b<c>&\n'})
e.text = "1 < 2 & 3 > 2"
s = ET.tostring(e)
print(s)
print(ET.fromstring(s).attrib, ET.fromstring(s).text)
print(ET.canonicalize("<a  b='2'   a='1'><!--x--><c/></a>"))
