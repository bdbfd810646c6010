# pyexpat: handlers and their arguments, incremental parsing with the input cut at every
# offset, buffer_text, ordered/specified attributes, namespaces, the DOCTYPE's
# declarations, entities, and errors with expat's codes, messages and positions.
import io
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors, model

print(expat.ParserCreate is pyexpat.ParserCreate, expat.error is expat.ExpatError)
print(expat.ExpatError.__module__, type(expat.ParserCreate()).__name__)
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_SYNTAX], errors.messages[4])
print(model.XML_CTYPE_CHOICE, model.XML_CQUANT_PLUS, expat.ErrorString(7))

HANDLERS = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler",
            "ProcessingInstructionHandler", "CommentHandler", "StartCdataSectionHandler",
            "EndCdataSectionHandler", "XmlDeclHandler", "StartDoctypeDeclHandler",
            "EndDoctypeDeclHandler", "EntityDeclHandler", "NotationDeclHandler",
            "ElementDeclHandler", "AttlistDeclHandler", "StartNamespaceDeclHandler",
            "EndNamespaceDeclHandler", "UnparsedEntityDeclHandler", "SkippedEntityHandler"]


def recorder(p, log, where=False):
    for h in HANDLERS:
        def f(*args, h=h):
            if where:
                log.append((h[:-7], args, p.CurrentLineNumber, p.CurrentColumnNumber))
            else:
                log.append((h[:-7], args))
        setattr(p, h, f)


def events(data, chunks=None, **kw):
    opts = {k: kw.pop(k) for k in ("buffer_text", "ordered_attributes", "specified_attributes") if k in kw}
    p = expat.ParserCreate(**kw)
    for k, v in opts.items():
        setattr(p, k, v)
    log = []
    recorder(p, log)
    if chunks is None:
        p.Parse(data, True)
    else:
        for i in range(0, len(data), chunks):
            p.Parse(data[i:i + chunks], False)
        p.Parse(b"", True)
    return log


DOC = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE doc [
  <!ELEMENT doc (head?, (p | q)*, foot+)>
  <!ELEMENT p (#PCDATA | b)*>
  <!ELEMENT b EMPTY>
  <!ATTLIST p kind (x|y) "x" id ID #IMPLIED lang CDATA #FIXED 'en'>
  <!ENTITY who "World &amp; all">
  <!ENTITY sig '<b/>-signed'>
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY logo SYSTEM "logo.gif" NDATA gif>
  <!-- a comment in the DTD -->
]>
<!-- before -->
<doc>
  <p kind = 'y'  id="p1">Hello, &who;! &#65;&#x42;&lt;&gt;&quot;&apos;</p>
  <p>&sig; caf\u00e9 \u20ac \U0001F600</p>
  <?target some data ?>
  <![CDATA[<not a tag> & ]]>
  <q a="1&#10;2&#9;3 &amp; four
five"/>
</doc>
<!-- after -->
"""
whole = events(DOC.encode())
for e in whole:
    print(e)

# Cut anywhere: the same events (character data joined, as it is split where a chunk ends).
def joined(log):
    out = []
    for e in log:
        if e[0] == "CharacterData" and out and out[-1][0] == "CharacterData":
            out[-1] = ("CharacterData", (out[-1][1][0] + e[1][0],))
        else:
            out.append(e)
    return out

data = DOC.encode()
ref = joined(whole)
bad = [n for n in (1, 2, 3, 5, 7, 11, 64) if joined(events(data, n)) != ref]
print("chunked differences:", bad)
print(joined(events(data, 1, buffer_text=True)) == ref)
print(events("<a>x\ny&amp;z\r\nw</a>"))
print(events("<a>x\ny&amp;z\r\nw</a>", buffer_text=True))

# Attributes: dict, ordered list, with and without the DTD's defaults.
SRC = '<!DOCTYPE a [<!ATTLIST a d CDATA "dflt" t NMTOKENS #IMPLIED>]><a z="1" t="  u   v " y="2"/>'
def start_of(log):
    return [e for e in log if e[0] == "StartElement"]
print(start_of(events(SRC)))
print(start_of(events(SRC, ordered_attributes=True)))
print(start_of(events(SRC, specified_attributes=True)))

# Namespaces.
NS = ('<r xmlns="urn:d" xmlns:p="urn:p"><p:e p:a="1" b="2" xml:lang="en"/>'
      '<e xmlns=""><f/></e></r>')
for e in events(NS, namespace_separator="!"):
    print(e)
p = expat.ParserCreate(namespace_separator=" ")
p.namespace_prefixes = True
log = []
recorder(p, log)
p.Parse(NS, True)
print(log[3])

# Positions seen from handlers.
p = expat.ParserCreate()
log = []
recorder(p, log, where=True)
p.Parse("<a>\n  <b x='1'>text</b>\r\n  <c/>\n</a>", True)
for e in log:
    print(e)
print(p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)

# Default handlers see the markup no other handler takes.
for attr in ("DefaultHandler", "DefaultHandlerExpand"):
    p = expat.ParserCreate()
    out = []
    setattr(p, attr, out.append)
    p.StartElementHandler = lambda n, a: out.append(("start", n))
    p.Parse('<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "r.dtd" [<!ENTITY e "ee">\n'
            '<!ELEMENT r (#PCDATA|x)*><!ATTLIST r a CDATA #IMPLIED>] >'
            '<r>&e;<!--c--><?pi x?><![CDATA[y]]></r>\n', True)
    print(attr, out)

# Undeclared entities: an error, or skipped when the DTD is external.
p = expat.ParserCreate()
out = []
p.SkippedEntityHandler = lambda *a: out.append(a)
p.CharacterDataHandler = out.append
p.Parse('<!DOCTYPE r SYSTEM "r.dtd"><r>a&undeclared;b</r>', True)
print(out)

# Encodings.
for data in ['<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode("latin-1"),
             '<a>\xe9\u20ac</a>'.encode("utf-16"),
             b'\xef\xbb\xbf<a>\xc3\xa9</a>',
             '<?xml version="1.0" encoding="cp1252"?><a>\u20ac</a>'.encode("cp1252")]:
    print(events(data))
print(events(b"<a>\xe9</a>", encoding="latin-1"))
p = expat.ParserCreate()
p.ParseFile(io.BytesIO(b"<a>" + b"<b>x</b>" * 1000 + b"</a>"))
print(p.CurrentLineNumber, p.CurrentColumnNumber)

# Errors.
CASES = [b"", b"   ", b"abc", b"<a>", b"<a></b>", b"<a/>junk", b"<a/><b/>",
         b"<a b='1' b='2'/>", b"<a>&foo;</a>", b"<a b='<'/>", b"<a>\n  <b>\n</a>",
         b"<a><!-- x -- y --></a>", b"<a><![CDATA[x</a>", b"<a>&#0;</a>", b"<a>&#xD800;</a>",
         b"<p:a/>", b"<a xmlns:p='u'><p:b q:c='1'/></a>",
         b"<?xml version='1.0'?><?xml version='1.0'?><a/>", b"<?xml versio='1.0'?><a/>",
         b"<a>]]></a>", b"<a b=1/>", b"<a\xff/>", b"<a>\xc3</a>",
         b"<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>",
         b"<!DOCTYPE a [<!ENTITY e '<b>'>]><a>&e;</a>", b"<a></a >x", b"<a><b></a></b>",
         b"<1a/>", b"<a>text", b"<a b='x", b"<!--", b"\n\n  <a></b>",
         "<a>\u00e9</b>".encode(), b"<a xmlns:p=''/>", b"<a>x & y</a>"]
for c in CASES:
    p = expat.ParserCreate(namespace_separator="}")
    try:
        p.Parse(c, True)
        print(c, "ok")
    except expat.ExpatError as e:
        print(c, e.code, e, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber,
              p.ErrorColumnNumber, p.ErrorByteIndex)
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"", True)
except expat.ExpatError as e:
    print(e.code, e)
try:
    expat.ParserCreate(encoding="no-such-codec").Parse(b"<a/>", True)
except LookupError as e:
    print("LookupError:", e)
for bad in [dict(namespace_separator="ab"), dict(namespace_separator=1), dict(intern=1)]:
    try:
        expat.ParserCreate(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
print(p.buffer_size, p.buffer_text, p.ordered_attributes, p.specified_attributes, p.intern,
      p.CurrentByteIndex, p.ErrorCode, p.GetBase())
try:
    p.buffer_size = 0
except ValueError as e:
    print("ValueError:", e)
try:
    type(p)()
except TypeError as e:
    print("TypeError:", e)

# A handler's exception stops the parse and propagates.
p = expat.ParserCreate()
def boom(name, attrs):
    if name == "b":
        raise KeyError(name)
p.StartElementHandler = boom
try:
    p.Parse("<a><b/></a>", True)
except KeyError as e:
    print("KeyError:", e)
