//! The XML scanner under `pyexpat`: an incremental, non-validating XML 1.0 parser with
//! namespaces, producing the events that expat reports to its handlers.
//!
//! What: `Scanner::feed(bytes, final)` appends input and scans as many complete tokens as
//! the input holds; a token cut by the end of a chunk (anywhere: inside a tag name, an
//! attribute value, a multi-byte character, a `\r\n` pair) is kept and scanned again when
//! more input arrives, as expat does. Character data is reported as far as it goes (a
//! trailing `\r` or `]` is held back until the next chunk shows what follows). The DOCTYPE
//! declaration with its internal subset is one token (see dtd.rs).
//!
//! Why here and not in Python: the scanner is the hot loop of `xml.etree`, `minidom` and
//! `xml.sax`; the handler calls are made by the binding (mod.rs).
//!
//! Invariants: events come out in document order with non-decreasing offsets; an offset is
//! a byte offset into the decoded (UTF-8) text from the start of the document, turned into
//! expat's line / column / byte index by `Cursor` before the text is dropped. Events made
//! by an entity's replacement text carry the offset of the reference. Nothing is reported
//! for a token until it is complete, so a token scanned twice reports once.
use std::collections::HashMap;

use super::dtd;

/// expat's error codes (pyexpat.errors).
pub mod code {
    pub const SYNTAX: u32 = 2;
    pub const NO_ELEMENTS: u32 = 3;
    pub const INVALID_TOKEN: u32 = 4;
    pub const UNCLOSED_TOKEN: u32 = 5;
    pub const TAG_MISMATCH: u32 = 7;
    pub const DUPLICATE_ATTRIBUTE: u32 = 8;
    pub const JUNK_AFTER_DOC_ELEMENT: u32 = 9;
    pub const PARAM_ENTITY_REF: u32 = 10;
    pub const UNDEFINED_ENTITY: u32 = 11;
    pub const RECURSIVE_ENTITY_REF: u32 = 12;
    pub const ASYNC_ENTITY: u32 = 13;
    pub const BAD_CHAR_REF: u32 = 14;
    pub const BINARY_ENTITY_REF: u32 = 15;
    pub const ATTRIBUTE_EXTERNAL_ENTITY_REF: u32 = 16;
    pub const MISPLACED_XML_PI: u32 = 17;
    pub const UNCLOSED_CDATA_SECTION: u32 = 20;
    pub const UNBOUND_PREFIX: u32 = 27;
    pub const UNDECLARING_PREFIX: u32 = 28;
    pub const XML_DECL: u32 = 30;
    pub const FINISHED: u32 = 36;
    pub const RESERVED_PREFIX_XML: u32 = 38;
    pub const RESERVED_PREFIX_XMLNS: u32 = 39;
    pub const RESERVED_NAMESPACE_URI: u32 = 40;
}

pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Flags of one `feed` call: what the handlers set on the parser ask of the scanner.
#[derive(Clone, Copy, Default)]
pub struct Flags {
    /// Internal entities are expanded (no `DefaultHandler`, which receives references).
    pub expand: bool,
    /// A default handler is set: events carry their markup text.
    pub raw: bool,
    /// Only the attributes given in the tag (`specified_attributes`), no ATTLIST defaults.
    pub specified_only: bool,
    /// `namespace_prefixes`: expanded names end with the separator and the prefix.
    pub ns_prefixes: bool,
    /// `buffer_text`: adjacent character data joined, up to `buffer_size` characters.
    pub buffer_text: bool,
    pub buffer_size: usize,
}

/// A content model of an `<!ELEMENT>` declaration: (type, quantifier, name, children).
#[derive(Clone, Debug)]
pub struct Model {
    pub ctype: u8,
    pub quant: u8,
    pub name: Option<String>,
    pub children: Vec<Model>,
}

/// One event; `raw` is the markup text for a default handler (when `Flags::raw`).
#[derive(Debug)]
pub enum Ev {
    XmlDecl {
        version: Option<String>,
        encoding: Option<String>,
        standalone: i32,
        raw: String,
    },
    StartNs {
        prefix: Option<String>,
        uri: Option<String>,
    },
    EndNs {
        prefix: Option<String>,
    },
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        raw: String,
    },
    End {
        name: String,
        raw: String,
    },
    Data {
        text: String,
        raw: Option<String>,
    },
    Comment {
        text: String,
        raw: String,
    },
    Pi {
        target: String,
        data: String,
        raw: String,
    },
    StartCdata,
    EndCdata,
    /// Whitespace or other markup only a default handler sees.
    Default(String),
    StartDoctype {
        name: String,
        sysid: Option<String>,
        pubid: Option<String>,
        internal: bool,
        raw: Vec<String>,
    },
    EndDoctype {
        raw: Vec<String>,
    },
    EntityDecl {
        name: String,
        is_pe: bool,
        value: Option<String>,
        sysid: Option<String>,
        pubid: Option<String>,
        notation: Option<String>,
        raw: Vec<String>,
    },
    NotationDecl {
        name: String,
        sysid: Option<String>,
        pubid: Option<String>,
        raw: Vec<String>,
    },
    ElementDecl {
        name: String,
        model: Model,
        raw: Vec<String>,
    },
    /// One attribute of an ATTLIST; the declaration's markup is on the first one.
    AttlistDecl {
        elname: String,
        attname: String,
        atype: String,
        default: Option<String>,
        required: bool,
        raw: Vec<String>,
    },
    /// An undeclared entity skipped (the DTD has parts not read).
    Skipped {
        name: String,
        is_pe: bool,
    },
    ExternalRef {
        name: String,
        sysid: Option<String>,
        pubid: Option<String>,
    },
    /// The document has an external subset and is not standalone.
    NotStandalone,
}

/// A declared general entity.
#[derive(Clone, Debug)]
pub struct Entity {
    pub value: Option<String>,
    pub sysid: Option<String>,
    pub pubid: Option<String>,
    pub notation: Option<String>,
}

/// A declared attribute of an ATTLIST: its type is CDATA (no normalisation)?, its default.
#[derive(Clone, Debug)]
pub struct AttDef {
    pub name: String,
    pub cdata: bool,
    pub default: Option<String>,
}

/// Why scanning stopped before the end of a token.
pub enum Stop {
    /// The token continues past the input given so far.
    Incomplete,
    /// An error: code and absolute offset.
    Err(u32, usize),
}
pub type R<T> = Result<T, Stop>;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Enc {
    Unknown,
    Utf8,
    Latin1,
    Ascii,
    Utf16Le,
    Utf16Be,
    Table,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Prolog,
    Content,
    Epilog,
}

struct Open {
    qname: String,
    name: String,
    ns_count: usize,
}

/// Line, column and source-byte position of the scanned text (expat's counters).
struct Cursor {
    off: usize,
    line: usize,
    col: usize,
    byte: usize,
    after_cr: bool,
}

pub struct Scanner {
    pub ns_sep: Option<String>,
    pub enc: Enc,
    table: Vec<char>,
    raw: Vec<u8>,
    /// Decoded, not yet consumed text; `text[0]` is at absolute offset `base`.
    text: String,
    base: usize,
    cur: Cursor,
    /// The next bytes of `raw` are not valid in the encoding: an error once scanning
    /// reaches the end of `text`.
    invalid: bool,
    state: State,
    at_start: bool,
    stack: Vec<Open>,
    ns: Vec<(Option<String>, Option<String>)>,
    pub(super) entities: HashMap<String, Entity>,
    pub(super) pentities: HashMap<String, Entity>,
    pub(super) attlists: HashMap<String, Vec<AttDef>>,
    /// The DTD has parts not read (an external subset or parameter entity): undeclared
    /// entities are skipped, not errors, unless the document is standalone.
    pub(super) dtd_incomplete: bool,
    pub(super) standalone: i32,
    pub(super) seen_doctype: bool,
    expanding: Vec<String>,
    /// Depth of the element stack when the innermost entity expansion began.
    floor: usize,
    pub finished: bool,
    /// An encoding named in the XML declaration that the binding must give a table for.
    pub need_encoding: Option<String>,
    pub error: Option<(u32, usize, usize, usize)>,
}

pub fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

pub fn is_name_start(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '_' | ':')
        || matches!(c as u32,
            0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
            | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF
            | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

pub fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9')
        || matches!(c as u32, 0xB7 | 0x300..=0x36F | 0x203F..=0x2040)
}

/// A character allowed in an XML document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// `\r\n` and `\r` become `\n`.
pub fn norm_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// Scans a Name at `i`: its end, `Incomplete` when the input ends inside it (unless
/// `final`), an invalid-token error at `i` when no name starts there.
pub fn scan_name(s: &str, i: usize, final_: bool, abs: usize) -> R<usize> {
    match char_at(s, i) {
        None => {
            return Err(if final_ {
                Stop::Err(code::UNCLOSED_TOKEN, abs)
            } else {
                Stop::Incomplete
            })
        }
        Some(c) if !is_name_start(c) => return Err(Stop::Err(code::INVALID_TOKEN, abs + i)),
        _ => {}
    }
    let mut j = i;
    for c in s[i..].chars() {
        if !is_name_char(c) {
            return Ok(j);
        }
        j += c.len_utf8();
    }
    if final_ {
        Ok(j)
    } else {
        Err(Stop::Incomplete)
    }
}

pub fn skip_ws(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The value of a character reference body (`#65` / `#x41`, without `&` and `;`).
pub fn char_ref(body: &str) -> Result<char, u32> {
    let n = if let Some(h) = body.strip_prefix("#x") {
        if h.is_empty() || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(code::INVALID_TOKEN);
        }
        u32::from_str_radix(h, 16).unwrap_or(u32::MAX)
    } else if let Some(d) = body.strip_prefix('#') {
        if d.is_empty() || !d.bytes().all(|b| b.is_ascii_digit()) {
            return Err(code::INVALID_TOKEN);
        }
        d.parse::<u32>().unwrap_or(u32::MAX)
    } else {
        return Err(code::INVALID_TOKEN);
    };
    match char::from_u32(n) {
        Some(c) if is_xml_char(c) => Ok(c),
        _ => Err(code::BAD_CHAR_REF),
    }
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

/// Where a run of tokens comes from: the document (offsets are `base + i`) or an entity's
/// replacement text (every offset is the reference's).
#[derive(Clone, Copy)]
struct Src {
    base: usize,
    entity: Option<usize>,
}
impl Src {
    fn at(self, i: usize) -> usize {
        self.entity.unwrap_or(self.base + i)
    }
}

impl Scanner {
    pub fn new(ns_sep: Option<String>, enc: Enc) -> Scanner {
        Scanner {
            ns_sep,
            enc,
            table: Vec::new(),
            raw: Vec::new(),
            text: String::new(),
            base: 0,
            cur: Cursor {
                off: 0,
                line: 1,
                col: 0,
                byte: 0,
                after_cr: false,
            },
            invalid: false,
            state: State::Prolog,
            at_start: true,
            stack: Vec::new(),
            ns: Vec::new(),
            entities: HashMap::new(),
            pentities: HashMap::new(),
            attlists: HashMap::new(),
            dtd_incomplete: false,
            standalone: -1,
            seen_doctype: false,
            expanding: Vec::new(),
            floor: 0,
            finished: false,
            need_encoding: None,
            error: None,
        }
    }

    /// Gives the table of a single-byte encoding asked for by `need_encoding`.
    pub fn set_table(&mut self, table: Vec<char>) {
        self.table = table;
        self.enc = Enc::Table;
        self.need_encoding = None;
    }

    fn src_len(&self, c: char) -> usize {
        match self.enc {
            Enc::Utf8 | Enc::Unknown => c.len_utf8(),
            Enc::Utf16Le | Enc::Utf16Be => c.len_utf16() * 2,
            _ => 1,
        }
    }

    /// Advances the cursor to absolute offset `off` (never backwards) and returns expat's
    /// (line, column, byte index) there.
    pub fn position(&mut self, off: usize) -> (usize, usize, usize) {
        if off > self.cur.off && self.cur.off >= self.base {
            let from = self.cur.off - self.base;
            let to = (off - self.base).min(self.text.len());
            let piece = &self.text[from..to];
            let mut c = std::mem::replace(
                &mut self.cur,
                Cursor {
                    off: 0,
                    line: 0,
                    col: 0,
                    byte: 0,
                    after_cr: false,
                },
            );
            for ch in piece.chars() {
                c.byte += self.src_len(ch);
                match ch {
                    '\n' if c.after_cr => c.after_cr = false,
                    '\n' => {
                        c.line += 1;
                        c.col = 0;
                    }
                    '\r' => {
                        c.line += 1;
                        c.col = 0;
                        c.after_cr = true;
                    }
                    _ => {
                        c.col += 1;
                        c.after_cr = false;
                    }
                }
            }
            c.off = self.base + to;
            self.cur = c;
        }
        (self.cur.line, self.cur.col, self.cur.byte)
    }

    /// Adds input. Returns the events of the complete tokens, each with expat's (line,
    /// column, byte index) of where it starts; an error is left in `error`.
    #[allow(clippy::type_complexity)]
    pub fn feed(
        &mut self,
        data: &[u8],
        final_: bool,
        flags: Flags,
    ) -> Vec<((usize, usize, usize), Ev)> {
        let mut out = Vec::new();
        if self.finished || self.error.is_some() {
            let p = self.position(self.base + self.text.len());
            self.error = Some((code::FINISHED, p.0, p.1, p.2));
            return Vec::new();
        }
        self.raw.extend_from_slice(data);
        if let Err(e) = self.decode(final_) {
            self.fail(e);
            return Vec::new();
        }
        if self.need_encoding.is_some() {
            return Vec::new();
        }
        let text = std::mem::take(&mut self.text);
        let r = self.scan_doc(&text, final_, flags, &mut out);
        self.text = text;
        if flags.buffer_text {
            join_data(&mut out, flags.buffer_size.max(1));
        }
        let res = out
            .into_iter()
            .map(|(off, ev)| (self.position(off), ev))
            .collect();
        match r {
            Ok(consumed) => {
                let end = self.base + consumed;
                self.position(end);
                self.text.drain(..consumed);
                self.base = end;
                if final_ {
                    self.finished = true;
                }
            }
            Err(e) => self.fail(e),
        }
        res
    }

    /// (line, column, byte index) after the input consumed so far.
    pub fn current(&self) -> (usize, usize, usize) {
        (self.cur.line, self.cur.col, self.cur.byte)
    }

    fn fail(&mut self, e: Stop) {
        let (code, off) = match e {
            Stop::Err(c, o) => (c, o),
            Stop::Incomplete => (code::UNCLOSED_TOKEN, self.base),
        };
        let p = self.position(off);
        self.error = Some((code, p.0, p.1, p.2));
    }

    /// Decodes as much of `raw` as forms whole characters.
    fn decode(&mut self, final_: bool) -> Result<(), Stop> {
        if self.enc == Enc::Unknown {
            match self.detect(final_) {
                Some(e) => self.enc = e,
                None => return Ok(()),
            }
            if self.need_encoding.is_some() {
                return Ok(());
            }
        }
        let raw = std::mem::take(&mut self.raw);
        let mut used = 0;
        match self.enc {
            Enc::Utf8 | Enc::Unknown => match std::str::from_utf8(&raw) {
                Ok(s) => {
                    self.text.push_str(s);
                    used = raw.len();
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // The prefix from_utf8 vouched for.
                    self.text
                        .push_str(std::str::from_utf8(&raw[..good]).unwrap_or_default());
                    used = good;
                    if e.error_len().is_some() || final_ {
                        self.invalid = true;
                    }
                }
            },
            Enc::Latin1 => {
                self.text.extend(raw.iter().map(|&b| b as char));
                used = raw.len();
            }
            Enc::Ascii => {
                for &b in &raw {
                    if b >= 0x80 {
                        self.invalid = true;
                        break;
                    }
                    self.text.push(b as char);
                    used += 1;
                }
            }
            Enc::Table => {
                for &b in &raw {
                    let c = self.table.get(b as usize).copied().unwrap_or('\u{FFFF}');
                    if c == '\u{FFFF}' {
                        self.invalid = true;
                        break;
                    }
                    self.text.push(c);
                    used += 1;
                }
            }
            Enc::Utf16Le | Enc::Utf16Be => {
                let le = self.enc == Enc::Utf16Le;
                let units: Vec<u16> = raw
                    .chunks_exact(2)
                    .map(|p| {
                        if le {
                            u16::from_le_bytes([p[0], p[1]])
                        } else {
                            u16::from_be_bytes([p[0], p[1]])
                        }
                    })
                    .collect();
                let mut k = 0;
                while k < units.len() {
                    let u = units[k];
                    if (0xD800..0xDC00).contains(&u) {
                        if k + 1 >= units.len() {
                            if final_ {
                                self.invalid = true;
                            }
                            break;
                        }
                        let l = units[k + 1];
                        if !(0xDC00..0xE000).contains(&l) {
                            self.invalid = true;
                            break;
                        }
                        let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((l as u32) - 0xDC00);
                        self.text.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        k += 2;
                    } else if (0xDC00..0xE000).contains(&u) {
                        self.invalid = true;
                        break;
                    } else {
                        self.text
                            .push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
                        k += 1;
                    }
                }
                used = k * 2;
            }
        }
        self.raw = raw[used..].to_vec();
        if final_ && !self.raw.is_empty() && !self.invalid {
            self.invalid = true;
        }
        Ok(())
    }

    /// The encoding from a byte-order mark or the XML declaration; None while the start of
    /// the input is too short to tell.
    fn detect(&mut self, final_: bool) -> Option<Enc> {
        let r = &self.raw;
        if r.len() < 4 && !final_ {
            if !r.is_empty()
                && !b"<?xml".starts_with(&r[..r.len().min(5)])
                && !matches!(r[0], 0xEF | 0xFE | 0xFF | 0)
            {
                return Some(Enc::Utf8);
            }
            return None;
        }
        if r.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.raw.drain(..3);
            self.cur.byte = 3;
            return Some(Enc::Utf8);
        }
        if r.starts_with(&[0xFF, 0xFE]) {
            self.raw.drain(..2);
            self.cur.byte = 2;
            return Some(Enc::Utf16Le);
        }
        if r.starts_with(&[0xFE, 0xFF]) {
            self.raw.drain(..2);
            self.cur.byte = 2;
            return Some(Enc::Utf16Be);
        }
        if r.starts_with(&[b'<', 0, b'?', 0]) {
            return Some(Enc::Utf16Le);
        }
        if r.starts_with(&[0, b'<', 0, b'?']) {
            return Some(Enc::Utf16Be);
        }
        if r.starts_with(b"<?xml") {
            let end = r.windows(2).position(|w| w == b"?>");
            let Some(end) = end else {
                if final_ || r.len() > 1024 {
                    return Some(Enc::Utf8);
                }
                return None;
            };
            let decl = String::from_utf8_lossy(&r[..end]).to_string();
            if let Some(name) = pseudo_attr(&decl, "encoding") {
                return Some(match name.to_ascii_lowercase().as_str() {
                    "utf-8" | "utf8" => Enc::Utf8,
                    "iso-8859-1" | "latin-1" | "latin1" | "iso8859-1" | "l1" => Enc::Latin1,
                    "us-ascii" | "ascii" => Enc::Ascii,
                    // An ASCII-compatible declaration of UTF-16: expat reads on as UTF-8.
                    "utf-16" | "utf16" => Enc::Utf8,
                    _ => {
                        self.need_encoding = Some(name);
                        Enc::Unknown
                    }
                });
            }
        }
        Some(Enc::Utf8)
    }

    /// Scans the document text from its start; returns how much was consumed.
    fn scan_doc(
        &mut self,
        s: &str,
        final_: bool,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let src = Src {
            base: self.base,
            entity: None,
        };
        let mut i = 0;
        loop {
            if i >= s.len() {
                if self.invalid {
                    return Err(Stop::Err(code::INVALID_TOKEN, src.at(i)));
                }
                if final_ {
                    if self.state != State::Epilog {
                        return Err(Stop::Err(code::NO_ELEMENTS, src.at(i)));
                    }
                }
                return Ok(i);
            }
            let r = match self.state {
                State::Content => self.content_token(s, i, final_, src, fl, out),
                _ => self.misc_token(s, i, final_, src, fl, out),
            };
            match r {
                Ok(j) => {
                    i = j;
                    self.at_start = false;
                }
                Err(Stop::Incomplete) => {
                    if self.invalid {
                        return Err(Stop::Err(code::INVALID_TOKEN, src.at(s.len())));
                    }
                    if final_ {
                        return Err(Stop::Err(code::UNCLOSED_TOKEN, src.at(i)));
                    }
                    return Ok(i);
                }
                // A token cut short by bytes the encoding refuses: those bytes are the error.
                Err(Stop::Err(code::UNCLOSED_TOKEN | code::UNCLOSED_CDATA_SECTION, _))
                    if self.invalid =>
                {
                    return Err(Stop::Err(code::INVALID_TOKEN, src.at(s.len())));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A token of the prolog or the epilog (outside the root element).
    fn misc_token(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let epilog = self.state == State::Epilog;
        let junk = if epilog {
            code::JUNK_AFTER_DOC_ELEMENT
        } else {
            code::SYNTAX
        };
        let b = s.as_bytes();
        if is_ws(b[i] as char) {
            let j = skip_ws(s, i);
            // Always reported: a handler may set a default handler meanwhile.
            out.push((src.at(i), Ev::Default(norm_newlines(&s[i..j]))));
            return Ok(j);
        }
        if b[i] != b'<' {
            return Err(Stop::Err(junk, src.at(i)));
        }
        let rest = &s[i..];
        if rest.len() < 2 {
            return if final_ {
                Err(Stop::Err(code::UNCLOSED_TOKEN, src.at(i)))
            } else {
                Err(Stop::Incomplete)
            };
        }
        match b[i + 1] {
            b'?' if epilog
                && rest.len() >= 5
                && rest.as_bytes()[2..5].eq_ignore_ascii_case(b"xml") =>
            {
                Err(Stop::Err(junk, src.at(i)))
            }
            b'?' => {
                if self.at_start && src.at(i) == 0 && is_xml_decl_start(rest, final_)? {
                    return self.xml_decl(s, i, final_, src, fl, out);
                }
                self.pi(s, i, final_, src, out)
            }
            b'!' => {
                let rb = rest.as_bytes();
                if b"<!--".starts_with(&rb[..rb.len().min(4)]) {
                    if rest.len() < 4 {
                        return Err(Stop::Incomplete);
                    }
                    return self.comment(s, i, final_, src, out);
                }
                if b"<!DOCTYPE".starts_with(&rb[..rb.len().min(9)]) {
                    if rest.len() < 9 {
                        return Err(Stop::Incomplete);
                    }
                    if epilog || self.seen_doctype {
                        return Err(Stop::Err(junk, src.at(i)));
                    }
                    let j = dtd::doctype(self, s, i, final_, src.base, fl, out)?;
                    self.seen_doctype = true;
                    return Ok(j);
                }
                Err(Stop::Err(junk, src.at(i)))
            }
            _ if epilog => Err(Stop::Err(junk, src.at(i))),
            b'/' => Err(Stop::Err(code::SYNTAX, src.at(i))),
            _ => {
                let j = self.start_tag(s, i, final_, src, fl, out)?;
                Ok(j)
            }
        }
    }

    /// One token of element content: character data, a reference or markup.
    fn content_token(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let b = s.as_bytes();
        match b[i] {
            b'<' => {
                let rest = &s[i..];
                if rest.len() < 2 {
                    return Err(Stop::Incomplete);
                }
                match b[i + 1] {
                    b'/' => self.end_tag(s, i, final_, src, fl, out),
                    b'?' => self.pi(s, i, final_, src, out),
                    b'!' => {
                        if rest.len() < 4 && "<!--".starts_with(rest) {
                            return Err(Stop::Incomplete);
                        }
                        if rest.starts_with("<!--") {
                            return self.comment(s, i, final_, src, out);
                        }
                        if rest.len() < 9 && "<![CDATA[".starts_with(rest) {
                            return Err(Stop::Incomplete);
                        }
                        if rest.starts_with("<![CDATA[") {
                            return self.cdata(s, i, final_, src, fl, out);
                        }
                        Err(Stop::Err(code::INVALID_TOKEN, src.at(i + 1)))
                    }
                    _ => self.start_tag(s, i, final_, src, fl, out),
                }
            }
            b'&' => self.reference(s, i, final_, src, fl, out),
            _ => self.text(s, i, final_, src, fl, out),
        }
    }

    /// Character data up to the next `<` or `&`, one event per line (expat's pieces).
    fn text(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let b = s.as_bytes();
        let mut j = i;
        while j < b.len() && b[j] != b'<' && b[j] != b'&' {
            if b[j] == b']' && s[j..].starts_with("]]>") {
                return Err(Stop::Err(code::INVALID_TOKEN, src.at(j + 2)));
            }
            j += 1;
        }
        let mut end = j;
        if j == b.len() && !final_ {
            // Hold back what the next chunk may complete: `\r` of `\r\n`, `]` of `]]>`.
            while end > i && matches!(b[end - 1], b'\r' | b']') {
                end -= 1;
            }
            if end == i {
                return Err(Stop::Incomplete);
            }
        }
        let piece = &s[i..end];
        if let Some(bad) = piece.chars().position(|c| !is_xml_char(c)) {
            let off = piece.char_indices().nth(bad).map(|x| x.0).unwrap_or(0);
            return Err(Stop::Err(code::INVALID_TOKEN, src.at(i + off)));
        }
        emit_lines(piece, i, src, fl, out);
        Ok(end)
    }

    fn comment(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let body = i + 4;
        let Some(k) = s[body..].find("--") else {
            return Err(incomplete(final_, src.at(i)));
        };
        let dash = body + k;
        match s.as_bytes().get(dash + 2) {
            None => return Err(incomplete(final_, src.at(i))),
            Some(b'>') => {}
            Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, src.at(dash + 2))),
        }
        let text = norm_newlines(&s[body..dash]);
        out.push((
            src.at(i),
            Ev::Comment {
                text,
                raw: norm_newlines(&s[i..dash + 3]),
            },
        ));
        Ok(dash + 3)
    }

    fn cdata(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let body = i + 9;
        let Some(k) = s[body..].find("]]>") else {
            return Err(if final_ {
                Stop::Err(code::UNCLOSED_CDATA_SECTION, src.at(s.len()))
            } else {
                Stop::Incomplete
            });
        };
        out.push((src.at(i), Ev::StartCdata));
        let piece = &s[body..body + k];
        emit_lines(piece, body, src, fl, out);
        out.push((src.at(body + k), Ev::EndCdata));
        Ok(body + k + 3)
    }

    fn pi(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let t = i + 2;
        let te = scan_name(s, t, false, src.base).map_err(|e| match e {
            Stop::Incomplete => incomplete(final_, src.at(i)),
            Stop::Err(c, _) => Stop::Err(c, src.at(t)),
        })?;
        let target = &s[t..te];
        if target.eq_ignore_ascii_case("xml") {
            return Err(Stop::Err(code::MISPLACED_XML_PI, src.at(i)));
        }
        let Some(k) = s[te..].find("?>") else {
            return Err(incomplete(final_, src.at(i)));
        };
        let close = te + k;
        if close > te && !is_ws(char_at(s, te).unwrap_or(' ')) {
            return Err(Stop::Err(code::INVALID_TOKEN, src.at(te)));
        }
        let data = norm_newlines(&s[skip_ws(s, te).min(close)..close]);
        out.push((
            src.at(i),
            Ev::Pi {
                target: target.to_string(),
                data,
                raw: norm_newlines(&s[i..close + 2]),
            },
        ));
        Ok(close + 2)
    }

    fn xml_decl(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        _fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let Some(k) = s[i..].find("?>") else {
            return Err(incomplete(final_, src.at(i)));
        };
        let close = i + k;
        let body = &s[i + 5..close];
        let mut version = None;
        let mut encoding = None;
        let mut standalone = -1;
        let mut j = 0;
        let bb = body.as_bytes();
        let mut order = 0;
        loop {
            let ws = skip_ws(body, j);
            if ws == body.len() {
                break;
            }
            if ws == j {
                return Err(Stop::Err(code::XML_DECL, src.at(i + 5 + j)));
            }
            j = ws;
            let ne = body[j..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(body.len(), |n| j + n);
            let name = &body[j..ne];
            let bad = Stop::Err(code::XML_DECL, src.at(i + 5 + j));
            let mut p = skip_ws(body, ne);
            if bb.get(p) != Some(&b'=') {
                return Err(bad);
            }
            p = skip_ws(body, p + 1);
            let q = match bb.get(p) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return Err(bad),
            };
            let Some(e) = body[p + 1..].find(q as char) else {
                return Err(bad);
            };
            let val = body[p + 1..p + 1 + e].to_string();
            j = p + 2 + e;
            match (name, order) {
                ("version", 0) => {
                    version = Some(val);
                    order = 1;
                }
                ("encoding", 1) => {
                    encoding = Some(val);
                    order = 2;
                }
                ("standalone", 1 | 2) => {
                    standalone = match val.as_str() {
                        "yes" => 1,
                        "no" => 0,
                        _ => return Err(bad),
                    };
                    order = 3;
                }
                _ => return Err(bad),
            }
        }
        if version.is_none() {
            return Err(Stop::Err(code::XML_DECL, src.at(i + 5)));
        }
        self.standalone = standalone;
        out.push((
            src.at(i),
            Ev::XmlDecl {
                version,
                encoding,
                standalone,
                raw: s[i..close + 2].to_string(),
            },
        ));
        Ok(close + 2)
    }

    /// An attribute value literal at `p` (the quote): its normalised value and end.
    fn attr_value(
        &mut self,
        s: &str,
        p: usize,
        final_: bool,
        src: Src,
        tag: usize,
    ) -> R<(String, usize)> {
        let b = s.as_bytes();
        let q = match b.get(p) {
            None => return Err(incomplete(final_, src.at(tag))),
            Some(&q @ (b'"' | b'\'')) => q,
            Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, src.at(p))),
        };
        let Some(e) = s[p + 1..].find(q as char) else {
            if let Some(lt) = s[p + 1..].find('<') {
                return Err(Stop::Err(code::INVALID_TOKEN, src.at(p + 1 + lt)));
            }
            return Err(incomplete(final_, src.at(tag)));
        };
        let lit = &s[p + 1..p + 1 + e];
        let mut v = String::with_capacity(lit.len());
        self.attr_text(lit, p + 1, src, &mut v, 0)?;
        Ok((v, p + 2 + e))
    }

    /// Appends the normalised value of attribute text `lit` (at `at` in its source).
    /// An ATTLIST default value (dtd.rs), normalised as an attribute value.
    pub(super) fn default_value(&mut self, lit: &str, at: usize, v: &mut String) -> R<()> {
        self.attr_text(
            lit,
            0,
            Src {
                base: 0,
                entity: Some(at),
            },
            v,
            0,
        )
    }

    fn attr_text(&mut self, lit: &str, at: usize, src: Src, v: &mut String, depth: usize) -> R<()> {
        let lb = lit.as_bytes();
        let mut k = 0;
        while k < lit.len() {
            match lb[k] {
                b'<' => return Err(Stop::Err(code::INVALID_TOKEN, src.at(at + k))),
                b'&' => {
                    let Some(semi) = lit[k..].find(';') else {
                        return Err(Stop::Err(code::INVALID_TOKEN, src.at(at + k)));
                    };
                    let body = &lit[k + 1..k + semi];
                    let here = src.at(at + k);
                    if body.starts_with('#') {
                        v.push(char_ref(body).map_err(|c| Stop::Err(c, here))?);
                    } else if let Some(t) = predefined(body) {
                        v.push_str(t);
                    } else {
                        if scan_name(body, 0, true, 0).ok() != Some(body.len()) {
                            return Err(Stop::Err(code::INVALID_TOKEN, here));
                        }
                        match self.entities.get(body).cloned() {
                            Some(Entity {
                                value: Some(text), ..
                            }) => {
                                if self.expanding.iter().any(|n| n == body) || depth > 40 {
                                    return Err(Stop::Err(code::RECURSIVE_ENTITY_REF, here));
                                }
                                self.expanding.push(body.to_string());
                                let r = self.attr_text(
                                    &text,
                                    0,
                                    Src {
                                        base: 0,
                                        entity: Some(here),
                                    },
                                    v,
                                    depth + 1,
                                );
                                self.expanding.pop();
                                r?;
                            }
                            Some(_) => {
                                return Err(Stop::Err(code::ATTRIBUTE_EXTERNAL_ENTITY_REF, here))
                            }
                            None => return Err(Stop::Err(code::UNDEFINED_ENTITY, here)),
                        }
                    }
                    k += semi + 1;
                }
                b'\r' => {
                    v.push(' ');
                    k += if lb.get(k + 1) == Some(&b'\n') { 2 } else { 1 };
                }
                b'\n' | b'\t' => {
                    v.push(' ');
                    k += 1;
                }
                _ => {
                    let c = char_at(lit, k).unwrap_or(' ');
                    if !is_xml_char(c) {
                        return Err(Stop::Err(code::INVALID_TOKEN, src.at(at + k)));
                    }
                    v.push(c);
                    k += c.len_utf8();
                }
            }
        }
        Ok(())
    }

    fn start_tag(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let b = s.as_bytes();
        let ne = scan_name(s, i + 1, false, src.base).map_err(|e| match e {
            Stop::Incomplete => incomplete(final_, src.at(i)),
            Stop::Err(c, _) => Stop::Err(c, src.at(i + 1)),
        })?;
        let qname = s[i + 1..ne].to_string();
        let mut attrs: Vec<(String, String, usize)> = Vec::new();
        let mut p = ne;
        let empty;
        loop {
            let q = skip_ws(s, p);
            match b.get(q) {
                None => return Err(incomplete(final_, src.at(i))),
                Some(b'>') => {
                    empty = false;
                    p = q + 1;
                    break;
                }
                Some(b'/') => match b.get(q + 1) {
                    None => return Err(incomplete(final_, src.at(i))),
                    Some(b'>') => {
                        empty = true;
                        p = q + 2;
                        break;
                    }
                    Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, src.at(q + 1))),
                },
                Some(_) => {}
            }
            if q == p {
                return Err(Stop::Err(code::INVALID_TOKEN, src.at(q)));
            }
            let an = scan_name(s, q, false, src.base).map_err(|e| match e {
                Stop::Incomplete => incomplete(final_, src.at(i)),
                Stop::Err(c, _) => Stop::Err(c, src.at(q)),
            })?;
            let mut e = skip_ws(s, an);
            match b.get(e) {
                None => return Err(incomplete(final_, src.at(i))),
                Some(b'=') => {}
                Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, src.at(e))),
            }
            e = skip_ws(s, e + 1);
            let (v, after) = self.attr_value(s, e, final_, src, i)?;
            let name = s[q..an].to_string();
            if attrs.iter().any(|a| a.0 == name) {
                return Err(Stop::Err(code::DUPLICATE_ATTRIBUTE, src.at(q)));
            }
            attrs.push((name, v, q));
            p = after;
        }
        // The tag is complete: defaults of the DTD, namespaces, then the events.
        if let Some(defs) = self.attlists.get(&qname) {
            for d in defs {
                if let Some(a) = attrs.iter_mut().find(|a| a.0 == d.name) {
                    if !d.cdata {
                        a.1 =
                            a.1.split(' ')
                                .filter(|x| !x.is_empty())
                                .collect::<Vec<_>>()
                                .join(" ");
                    }
                } else if let (Some(dv), false) = (&d.default, fl.specified_only) {
                    attrs.push((d.name.clone(), dv.clone(), usize::MAX));
                }
            }
        }
        let at = src.at(i);
        let raw = if fl.raw {
            norm_newlines(&s[i..p])
        } else {
            String::new()
        };
        let (name, attrs, ns_count) = if self.ns_sep.is_some() {
            self.namespaces(&qname, attrs, at, src, fl, out)?
        } else {
            (
                qname.clone(),
                attrs.into_iter().map(|a| (a.0, a.1)).collect(),
                0,
            )
        };
        if self.state == State::Prolog {
            self.state = State::Content;
        }
        out.push((
            at,
            Ev::Start {
                name: name.clone(),
                attrs,
                raw,
            },
        ));
        if empty {
            let after = src.at(p);
            out.push((
                after,
                Ev::End {
                    name,
                    raw: String::new(),
                },
            ));
            self.end_ns(ns_count, after, out);
            if self.stack.is_empty() {
                self.state = State::Epilog;
            }
        } else {
            self.stack.push(Open {
                qname,
                name,
                ns_count,
            });
        }
        Ok(p)
    }

    /// Namespace processing of a start tag: declarations, expanded names.
    #[allow(clippy::type_complexity)]
    fn namespaces(
        &mut self,
        qname: &str,
        attrs: Vec<(String, String, usize)>,
        at: usize,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<(String, Vec<(String, String)>, usize)> {
        let mut count = 0;
        let mut rest = Vec::with_capacity(attrs.len());
        for (n, v, off) in attrs {
            let here = if off == usize::MAX { at } else { src.at(off) };
            // Errors of the declarations are reported at the tag.
            let decl_err = at;
            let prefix = if n == "xmlns" {
                None
            } else if let Some(p) = n.strip_prefix("xmlns:") {
                Some(p.to_string())
            } else {
                rest.push((n, v, here));
                continue;
            };
            match prefix.as_deref() {
                Some("xmlns") => return Err(Stop::Err(code::RESERVED_PREFIX_XMLNS, decl_err)),
                Some("xml") if v != XML_NS => {
                    return Err(Stop::Err(code::RESERVED_PREFIX_XML, decl_err))
                }
                Some(p) if p != "xml" && (v == XML_NS || v == XMLNS_NS) => {
                    return Err(Stop::Err(code::RESERVED_NAMESPACE_URI, decl_err))
                }
                None if v == XML_NS || v == XMLNS_NS => {
                    return Err(Stop::Err(code::RESERVED_NAMESPACE_URI, decl_err))
                }
                Some(_) if v.is_empty() => {
                    return Err(Stop::Err(code::UNDECLARING_PREFIX, decl_err))
                }
                _ => {}
            }
            let uri = if v.is_empty() { None } else { Some(v) };
            out.push((
                at,
                Ev::StartNs {
                    prefix: prefix.clone(),
                    uri: uri.clone(),
                },
            ));
            self.ns.push((prefix, uri));
            count += 1;
        }
        let name = self
            .expand(qname, true, fl)
            .ok_or(Stop::Err(code::UNBOUND_PREFIX, at))?;
        let mut out_attrs: Vec<(String, String)> = Vec::with_capacity(rest.len());
        for (n, v, here) in rest {
            let en = self
                .expand(&n, false, fl)
                .ok_or(Stop::Err(code::UNBOUND_PREFIX, at))?;
            if n.contains(':') && out_attrs.iter().any(|a| a.0 == en) {
                return Err(Stop::Err(code::DUPLICATE_ATTRIBUTE, here));
            }
            out_attrs.push((en, v));
        }
        Ok((name, out_attrs, count))
    }

    /// `uri<sep>local` for a prefixed name (or an element in a default namespace); None
    /// for an unbound prefix.
    fn expand(&self, qname: &str, element: bool, fl: Flags) -> Option<String> {
        let sep = self.ns_sep.as_deref().unwrap_or("");
        let (prefix, local) = match qname.split_once(':') {
            Some((p, l)) if !p.is_empty() && !l.is_empty() => (Some(p), l),
            _ => (None, qname),
        };
        let uri = match prefix {
            Some("xml") => Some(XML_NS.to_string()),
            Some(p) => Some(
                self.ns
                    .iter()
                    .rev()
                    .find(|b| b.0.as_deref() == Some(p))?
                    .1
                    .clone()?,
            ),
            None if element => self
                .ns
                .iter()
                .rev()
                .find(|b| b.0.is_none())
                .and_then(|b| b.1.clone()),
            None => None,
        };
        Some(match uri {
            None => local.to_string(),
            Some(u) => match prefix {
                Some(p) if fl.ns_prefixes => format!("{u}{sep}{local}{sep}{p}"),
                _ => format!("{u}{sep}{local}"),
            },
        })
    }

    fn end_ns(&mut self, count: usize, at: usize, out: &mut Vec<(usize, Ev)>) {
        for _ in 0..count {
            if let Some((prefix, _)) = self.ns.pop() {
                out.push((at, Ev::EndNs { prefix }));
            }
        }
    }

    fn end_tag(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let ne = scan_name(s, i + 2, false, src.base).map_err(|e| match e {
            Stop::Incomplete => incomplete(final_, src.at(i)),
            Stop::Err(c, _) => Stop::Err(c, src.at(i + 2)),
        })?;
        let q = skip_ws(s, ne);
        match s.as_bytes().get(q) {
            None => return Err(incomplete(final_, src.at(i))),
            Some(b'>') => {}
            Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, src.at(q))),
        }
        let name = &s[i + 2..ne];
        if self.stack.len() <= self.floor && src.entity.is_some() {
            return Err(Stop::Err(code::ASYNC_ENTITY, src.at(i)));
        }
        match self.stack.last() {
            Some(o) if o.qname == name => {}
            _ => return Err(Stop::Err(code::TAG_MISMATCH, src.at(i + 2))),
        }
        let Some(o) = self.stack.pop() else {
            return Err(Stop::Err(code::TAG_MISMATCH, src.at(i + 2)));
        };
        let at = src.at(i);
        out.push((
            at,
            Ev::End {
                name: o.name,
                raw: if fl.raw {
                    s[i..q + 1].to_string()
                } else {
                    String::new()
                },
            },
        ));
        self.end_ns(o.ns_count, at, out);
        if self.stack.is_empty() {
            self.state = State::Epilog;
        }
        Ok(q + 1)
    }

    /// `&...;` in content.
    fn reference(
        &mut self,
        s: &str,
        i: usize,
        final_: bool,
        src: Src,
        fl: Flags,
        out: &mut Vec<(usize, Ev)>,
    ) -> R<usize> {
        let here = src.at(i);
        let b = s.as_bytes();
        let mut j = i + 1;
        while j < b.len() && b[j] != b';' {
            let c = b[j];
            if j - i > 256 {
                return Err(Stop::Err(code::INVALID_TOKEN, here));
            }
            if !(c.is_ascii_alphanumeric()
                || c == b'#'
                || c == b'_'
                || c == b':'
                || c == b'-'
                || c == b'.'
                || c >= 0x80)
            {
                return Err(Stop::Err(code::INVALID_TOKEN, src.at(j)));
            }
            j += 1;
        }
        if j >= b.len() {
            return Err(incomplete(final_, here));
        }
        let body = &s[i + 1..j];
        let raw = &s[i..j + 1];
        if body.starts_with('#') {
            let c = char_ref(body).map_err(|c| Stop::Err(c, here))?;
            out.push((
                here,
                Ev::Data {
                    text: c.to_string(),
                    raw: fl.raw.then(|| raw.to_string()),
                },
            ));
            return Ok(j + 1);
        }
        if scan_name(body, 0, true, 0).ok() != Some(body.len()) {
            return Err(Stop::Err(code::INVALID_TOKEN, src.at(i + 1)));
        }
        if let Some(t) = predefined(body) {
            out.push((
                here,
                Ev::Data {
                    text: t.to_string(),
                    raw: fl.raw.then(|| raw.to_string()),
                },
            ));
            return Ok(j + 1);
        }
        let Some(ent) = self.entities.get(body).cloned() else {
            if self.dtd_incomplete && self.standalone != 1 {
                out.push((
                    here,
                    Ev::Skipped {
                        name: body.to_string(),
                        is_pe: false,
                    },
                ));
                return Ok(j + 1);
            }
            return Err(Stop::Err(code::UNDEFINED_ENTITY, here));
        };
        if ent.notation.is_some() {
            return Err(Stop::Err(code::BINARY_ENTITY_REF, here));
        }
        let Some(text) = ent.value else {
            out.push((
                here,
                Ev::ExternalRef {
                    name: body.to_string(),
                    sysid: ent.sysid,
                    pubid: ent.pubid,
                },
            ));
            return Ok(j + 1);
        };
        if !fl.expand {
            out.push((here, Ev::Default(raw.to_string())));
            return Ok(j + 1);
        }
        if self.expanding.iter().any(|n| n == body) {
            return Err(Stop::Err(code::RECURSIVE_ENTITY_REF, here));
        }
        self.expanding.push(body.to_string());
        let floor = std::mem::replace(&mut self.floor, self.stack.len());
        let depth = self.stack.len();
        let esrc = Src {
            base: 0,
            entity: Some(here),
        };
        let mut k = 0;
        let mut r = Ok(());
        while k < text.len() {
            match self.content_token(&text, k, true, esrc, fl, out) {
                Ok(n) => k = n,
                Err(Stop::Incomplete) => {
                    r = Err(Stop::Err(code::INVALID_TOKEN, here));
                    break;
                }
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.floor = floor;
        self.expanding.pop();
        r?;
        if self.stack.len() != depth {
            return Err(Stop::Err(code::ASYNC_ENTITY, here));
        }
        Ok(j + 1)
    }
}

/// Is `rest` (starting `<?`) the XML declaration `<?xml` followed by white space?
fn is_xml_decl_start(rest: &str, final_: bool) -> R<bool> {
    if rest.len() < 6 {
        if "<?xml ".starts_with(rest) && !final_ {
            return Err(Stop::Incomplete);
        }
        return Ok(false);
    }
    Ok(rest.starts_with("<?xml") && is_ws(rest.as_bytes()[5] as char))
}

fn incomplete(final_: bool, at: usize) -> Stop {
    if final_ {
        Stop::Err(code::UNCLOSED_TOKEN, at)
    } else {
        Stop::Incomplete
    }
}

/// The value of pseudo-attribute `name` in an XML declaration.
pub fn pseudo_attr(decl: &str, name: &str) -> Option<String> {
    let k = decl.find(name)?;
    let rest = decl[k + name.len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let q = rest.chars().next()?;
    if q != '"' && q != '\'' {
        return None;
    }
    let e = rest[1..].find(q)?;
    Some(rest[1..1 + e].to_string())
}

/// Character data events, one per line as expat gives them (a newline is a piece of its
/// own), newlines normalised.
fn emit_lines(piece: &str, at: usize, src: Src, fl: Flags, out: &mut Vec<(usize, Ev)>) {
    let b = piece.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let start = k;
        if b[k] == b'\n' || b[k] == b'\r' {
            k += if b[k] == b'\r' && b.get(k + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            out.push((
                src.at(at + start),
                Ev::Data {
                    text: "\n".to_string(),
                    raw: fl.raw.then(|| "\n".to_string()),
                },
            ));
            continue;
        }
        while k < b.len() && b[k] != b'\n' && b[k] != b'\r' {
            k += 1;
        }
        let t = &piece[start..k];
        out.push((
            src.at(at + start),
            Ev::Data {
                text: t.to_string(),
                raw: fl.raw.then(|| t.to_string()),
            },
        ));
    }
}

/// `buffer_text`: joins runs of character data events (up to `size` characters each).
fn join_data(out: &mut Vec<(usize, Ev)>, size: usize) {
    let mut joined: Vec<(usize, Ev)> = Vec::with_capacity(out.len());
    // Characters in the last joined piece, when it is character data.
    let mut count = 0usize;
    for (off, ev) in out.drain(..) {
        if let Ev::Data { text, raw } = &ev {
            let n = text.chars().count();
            if let Some((
                _,
                Ev::Data {
                    text: prev,
                    raw: praw,
                },
            )) = joined.last_mut()
            {
                if count + n <= size {
                    prev.push_str(text);
                    if let (Some(p), Some(r)) = (praw.as_mut(), raw) {
                        p.push_str(r);
                    }
                    count += n;
                    continue;
                }
            }
            count = n;
        }
        joined.push((off, ev));
    }
    *out = joined;
}
