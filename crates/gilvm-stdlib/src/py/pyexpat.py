# The Python half of gilvm's `pyexpat` (see crates/gilvm-stdlib/src/pyexpat/mod.rs): the
# parser object and its handlers. The scanner (`_Scanner`, native) turns the input into
# event tuples `(kind, line, column, byte index, ...)`; `xmlparser._dispatch` calls the
# handler set for each kind, or the default handler with the event's markup text.
# Messages, names and defaults follow CPython 3.14's Modules/pyexpat.c and expat 2.7.

EXPAT_VERSION = "expat_2.7.1"
version_info = (2, 7, 1)
native_encoding = "UTF-8"
features = [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0),
            ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2


class ExpatError(Exception):
    pass


ExpatError.__module__ = "xml.parsers.expat"
error = ExpatError

_ERRORS = (
    ("NO_MEMORY", "out of memory"),
    ("SYNTAX", "syntax error"),
    ("NO_ELEMENTS", "no element found"),
    ("INVALID_TOKEN", "not well-formed (invalid token)"),
    ("UNCLOSED_TOKEN", "unclosed token"),
    ("PARTIAL_CHAR", "partial character"),
    ("TAG_MISMATCH", "mismatched tag"),
    ("DUPLICATE_ATTRIBUTE", "duplicate attribute"),
    ("JUNK_AFTER_DOC_ELEMENT", "junk after document element"),
    ("PARAM_ENTITY_REF", "illegal parameter entity reference"),
    ("UNDEFINED_ENTITY", "undefined entity"),
    ("RECURSIVE_ENTITY_REF", "recursive entity reference"),
    ("ASYNC_ENTITY", "asynchronous entity"),
    ("BAD_CHAR_REF", "reference to invalid character number"),
    ("BINARY_ENTITY_REF", "reference to binary entity"),
    ("ATTRIBUTE_EXTERNAL_ENTITY_REF", "reference to external entity in attribute"),
    ("MISPLACED_XML_PI", "XML or text declaration not at start of entity"),
    ("UNKNOWN_ENCODING", "unknown encoding"),
    ("INCORRECT_ENCODING", "encoding specified in XML declaration is incorrect"),
    ("UNCLOSED_CDATA_SECTION", "unclosed CDATA section"),
    ("EXTERNAL_ENTITY_HANDLING", "error in processing external entity reference"),
    ("NOT_STANDALONE", "document is not standalone"),
    ("UNEXPECTED_STATE", "unexpected parser state - please send a bug report"),
    ("ENTITY_DECLARED_IN_PE", "entity declared in parameter entity"),
    ("FEATURE_REQUIRES_XML_DTD", "requested feature requires XML_DTD support in Expat"),
    ("CANT_CHANGE_FEATURE_ONCE_PARSING", "cannot change setting once parsing has begun"),
    ("UNBOUND_PREFIX", "unbound prefix"),
    ("UNDECLARING_PREFIX", "must not undeclare prefix"),
    ("INCOMPLETE_PE", "incomplete markup in parameter entity"),
    ("XML_DECL", "XML declaration not well-formed"),
    ("TEXT_DECL", "text declaration not well-formed"),
    ("PUBLICID", "illegal character(s) in public id"),
    ("SUSPENDED", "parser suspended"),
    ("NOT_SUSPENDED", "parser not suspended"),
    ("ABORTED", "parsing aborted"),
    ("FINISHED", "parsing finished"),
    ("SUSPEND_PE", "cannot suspend in external parameter entity"),
    ("RESERVED_PREFIX_XML",
     "reserved prefix (xml) must not be undeclared or bound to another namespace name"),
    ("RESERVED_PREFIX_XMLNS", "reserved prefix (xmlns) must not be declared or undeclared"),
    ("RESERVED_NAMESPACE_URI",
     "prefix must not be bound to one of the reserved namespace names"),
    ("INVALID_ARGUMENT", "invalid argument"),
    ("NO_BUFFER", "a successful prior call to function XML_GetBuffer is required"),
    ("AMPLIFICATION_LIMIT_BREACH",
     "limit on input amplification factor (from DTD and entities) breached"),
    ("NOT_STARTED", "parser not started"),
)


def _submodule(name, doc):
    import sys
    m = type(sys)(name)
    m.__doc__ = doc
    return m


errors = _submodule("pyexpat.errors", "Constants used to describe error conditions.")
errors.codes = {}
errors.messages = {}
for _code, (_name, _msg) in enumerate(_ERRORS, 1):
    setattr(errors, "XML_ERROR_" + _name, _msg)
    errors.codes[_msg] = _code
    errors.messages[_code] = _msg

model = _submodule("pyexpat.model", "Constants used to interpret content model information.")
model.XML_CTYPE_EMPTY = 1
model.XML_CTYPE_ANY = 2
model.XML_CTYPE_MIXED = 3
model.XML_CTYPE_NAME = 4
model.XML_CTYPE_CHOICE = 5
model.XML_CTYPE_SEQ = 6
model.XML_CQUANT_NONE = 0
model.XML_CQUANT_OPT = 1
model.XML_CQUANT_REP = 2
model.XML_CQUANT_PLUS = 3
del _code, _name, _msg


def ErrorString(code):
    """Returns string error for given number."""
    return errors.messages.get(code)


_HANDLERS = (
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
    "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
    "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
    "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
)

_NEW_TOKEN = object()


def _table_for(encoding):
    """The characters of single-byte `encoding` for the scanner (LookupError for an
    encoding Python does not know, as CPython's unknown-encoding handler)."""
    import codecs
    codecs.lookup(encoding)
    chars = []
    for b in range(256):
        try:
            c = bytes((b,)).decode(encoding)
        except UnicodeDecodeError:
            c = "\uffff"
        chars.append(c if len(c) == 1 else "\uffff")
    return "".join(chars)


class xmlparser:
    """XML parser"""

    __slots__ = _HANDLERS + (
        "_sc", "_pos", "_buffer_text", "_buffer_size", "_ordered", "_specified",
        "_ns_prefixes", "intern", "_base", "_encoding", "_started", "_error",
        "_reparse", "_sep", "_foreign_dtd",
    )

    def __new__(cls, *args, **kwargs):
        if not args or args[0] is not _NEW_TOKEN:
            raise TypeError("cannot create 'pyexpat.xmlparser' instances")
        return object.__new__(cls)

    def __init__(self, token, encoding, sep, intern):
        for h in _HANDLERS:
            object.__setattr__(self, h, None)
        self._encoding = encoding
        self._sep = sep
        known = encoding is None or _known_encoding(encoding)
        self._sc = _Scanner(sep, encoding if known else None)
        if not known:
            self._sc.set_table(_table_for(encoding))
        self._pos = None
        self._buffer_text = False
        self._buffer_size = 8192
        self._ordered = False
        self._specified = False
        self._ns_prefixes = False
        self.intern = intern
        self._base = None
        self._started = False
        self._error = None
        self._reparse = True
        self._foreign_dtd = False

    # -- settings --
    @property
    def buffer_text(self):
        return self._buffer_text

    @buffer_text.setter
    def buffer_text(self, v):
        self._buffer_text = bool(v)

    @property
    def buffer_size(self):
        return self._buffer_size

    @buffer_size.setter
    def buffer_size(self, v):
        if not isinstance(v, int):
            raise TypeError("buffer_size must be an integer")
        if v <= 0:
            raise ValueError("buffer_size must be greater than zero")
        self._buffer_size = v

    @property
    def buffer_used(self):
        return 0

    @property
    def ordered_attributes(self):
        return self._ordered

    @ordered_attributes.setter
    def ordered_attributes(self, v):
        self._ordered = bool(v)

    @property
    def specified_attributes(self):
        return self._specified

    @specified_attributes.setter
    def specified_attributes(self, v):
        self._specified = bool(v)

    @property
    def namespace_prefixes(self):
        return self._ns_prefixes

    @namespace_prefixes.setter
    def namespace_prefixes(self, v):
        self._ns_prefixes = bool(v)

    # -- positions: during a handler call, where its event starts; after an error, where
    # the error is; otherwise after the input consumed --
    def _where(self):
        # `_pos` is the event being dispatched (kind, line, column, byte index, ...) or the
        # error's position.
        pos = self._pos
        if pos is not None:
            return pos[1:4]
        return self._sc.position()

    @property
    def ErrorCode(self):
        return self._error or 0

    @property
    def ErrorLineNumber(self):
        return self._where()[0]

    @property
    def ErrorColumnNumber(self):
        return self._where()[1]

    @property
    def ErrorByteIndex(self):
        return self._where()[2] if self._started else -1

    @property
    def CurrentLineNumber(self):
        return self._where()[0]

    @property
    def CurrentColumnNumber(self):
        return self._where()[1]

    @property
    def CurrentByteIndex(self):
        return self._where()[2] if self._started else -1

    # -- methods --
    def SetBase(self, base):
        """Set the base URL for the parser."""
        self._base = base

    def GetBase(self):
        """Return base URL string for the parser."""
        return self._base

    def GetInputContext(self):
        """Return the untranslated text of the input that caused the current event."""
        return None

    def SetParamEntityParsing(self, flag):
        """Controls parsing of parameter entities (including the external DTD subset)."""
        return 1

    def UseForeignDTD(self, flag=True):
        """Allows the application to provide an artificial external subset."""
        self._foreign_dtd = bool(flag)

    def GetReparseDeferralEnabled(self):
        """Retrieve reparse deferral enabled status; always returns false with Expat <2.6.0."""
        return self._reparse

    def SetReparseDeferralEnabled(self, enabled):
        """Enable/Disable reparse deferral; enabled by default with Expat >=2.6.0."""
        self._reparse = bool(enabled)

    def ExternalEntityParserCreate(self, context, encoding=None):
        """Create a parser for parsing an external entity based on the information
        passed to the ExternalEntityRefHandler."""
        p = XMLParserType(_NEW_TOKEN, encoding, self._sep, self.intern)
        for h in _HANDLERS:
            object.__setattr__(p, h, getattr(self, h))
        p._buffer_text = self._buffer_text
        p._ordered = self._ordered
        p._specified = self._specified
        p._ns_prefixes = self._ns_prefixes
        p._base = self._base
        return p

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        'isfinal' should be true at end of input."""
        if isinstance(data, str):
            if not self._started and self._encoding is None:
                self._sc = _Scanner(self._sep, "utf-8")
            data = data.encode("utf-8", "surrogatepass")
        self._started = True
        return self._feed(data, bool(isfinal))

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        read = file.read
        while True:
            buf = read(2048)
            if not isinstance(buf, (bytes, bytearray)):
                raise TypeError("read() did not return a bytes object (type=%s)"
                                % type(buf).__name__)
            if not buf:
                break
            self._started = True
            self._feed(buf, False)
        self._started = True
        return self._feed(b"", True)

    def _flags(self):
        default = self.DefaultHandler
        flags = 0
        if default is None:
            flags |= 1
            default = self.DefaultHandlerExpand
        if default is not None:
            flags |= 2
        if self._specified:
            flags |= 4
        if self._ns_prefixes:
            flags |= 8
        if self._buffer_text:
            flags |= 16
        if self._ordered:
            flags |= 32
        return flags, default

    def _feed(self, data, isfinal):
        flags, default = self._flags()
        events = self._sc.feed(data, isfinal, flags, self._buffer_size)
        while events and events[-1][0] == 1:
            # The XML declaration names an encoding the scanner needs a table for.
            self._dispatch(events[:-1], default)
            self._sc.set_table(_table_for(events[-1][4]))
            events = self._sc.feed(b"", isfinal, flags, self._buffer_size)
        self._dispatch(events, default)
        return 1

    def _fail(self, code, pos):
        self._error = code
        self._pos = (0,) + tuple(pos)
        err = ExpatError("%s: line %d, column %d" % (ErrorString(code), pos[0], pos[1]))
        err.code = code
        err.lineno = pos[0]
        err.offset = pos[1]
        raise err

    def _dispatch(self, events, default):
        try:
            for ev in events:
                k = ev[0]
                self._pos = ev
                if k == 7:
                    h = self.CharacterDataHandler
                    if h is not None:
                        h(ev[4])
                    elif default is not None and ev[5] is not None:
                        default(ev[5])
                elif k == 5:
                    h = self.StartElementHandler
                    if h is not None:
                        h(ev[4], ev[5])
                    elif default is not None:
                        default(ev[6])
                elif k == 6:
                    h = self.EndElementHandler
                    if h is not None:
                        h(ev[4])
                    elif default is not None and ev[5]:
                        default(ev[5])
                elif k == 3:
                    h = self.StartNamespaceDeclHandler
                    if h is not None:
                        h(ev[4], ev[5])
                elif k == 4:
                    h = self.EndNamespaceDeclHandler
                    if h is not None:
                        h(ev[4])
                elif k == 0:
                    self._fail(ev[4], ev[1:4])
                elif k == 12:
                    # Looked up now: a handler may have set one (minidom's subset reader).
                    d = self.DefaultHandler
                    if d is None:
                        d = self.DefaultHandlerExpand
                    if d is not None:
                        d(ev[4])
                elif k == 8:
                    h = self.CommentHandler
                    if h is not None:
                        h(ev[4])
                    elif default is not None:
                        default(ev[5])
                elif k == 9:
                    h = self.ProcessingInstructionHandler
                    if h is not None:
                        h(ev[4], ev[5])
                    elif default is not None:
                        default(ev[6])
                elif k == 10:
                    h = self.StartCdataSectionHandler
                    if h is not None:
                        h()
                    elif default is not None:
                        default("<![CDATA[")
                elif k == 11:
                    h = self.EndCdataSectionHandler
                    if h is not None:
                        h()
                    elif default is not None:
                        default("]]>")
                elif k == 2:
                    h = self.XmlDeclHandler
                    if h is not None:
                        h(ev[4], ev[5], ev[6])
                    elif default is not None:
                        default(ev[7])
                else:
                    self._dispatch_dtd(k, ev, default)
        finally:
            if self._error is None:
                self._pos = None

    def _dispatch_dtd(self, k, ev, default):
        # Declarations: the handler, or the declaration's tokens to the default handler
        # (looked up now: a handler of the DOCTYPE may have set one).
        default = self.DefaultHandler
        if default is None:
            default = self.DefaultHandlerExpand
        h = None
        if k == 13:
            h = self.StartDoctypeDeclHandler
            if h is not None:
                h(ev[4], ev[5], ev[6], int(ev[7]))
        elif k == 14:
            h = self.EndDoctypeDeclHandler
            if h is not None:
                h()
        elif k == 15:
            h = self.UnparsedEntityDeclHandler
            if h is not None and ev[9] is not None:
                h(ev[4], self._base, ev[7], ev[8], ev[9])
            else:
                h = self.EntityDeclHandler
                if h is not None:
                    h(ev[4], int(ev[5]), ev[6], self._base, ev[7], ev[8], ev[9])
        elif k == 16:
            h = self.NotationDeclHandler
            if h is not None:
                h(ev[4], self._base, ev[5], ev[6])
        elif k == 17:
            h = self.ElementDeclHandler
            if h is not None:
                h(ev[4], ev[5])
        elif k == 18:
            h = self.AttlistDeclHandler
            if h is not None:
                h(ev[4], ev[5], ev[6], ev[7], int(ev[8]))
        elif k == 19:
            h = self.SkippedEntityHandler
            if h is not None:
                h(ev[4], int(ev[5]))
            elif default is not None:
                default(("%" if ev[5] else "&") + ev[4] + ";")
            return
        elif k == 20:
            h = self.ExternalEntityRefHandler
            if h is not None:
                if not h(ev[4], self._base, ev[5], ev[6]):
                    self._fail(21, ev[1:4])
            elif default is not None:
                default("&" + ev[4] + ";")
            return
        elif k == 21:
            h = self.NotStandaloneHandler
            if h is not None and not h():
                self._fail(22, ev[1:4])
            return
        if h is None and default is not None:
            for piece in ev[-1]:
                default(piece)


xmlparser.__module__ = "pyexpat"
XMLParserType = xmlparser
del xmlparser

_UNSET = object()


def ParserCreate(encoding=None, namespace_separator=None, intern=_UNSET):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str "
                            "or None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError("namespace_separator must be at most one character, "
                             "omitted, or None")
    if intern is _UNSET:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError("intern must be a dictionary")
    return XMLParserType(_NEW_TOKEN, encoding, namespace_separator, intern)
