//! The document type declaration: `<!DOCTYPE name ExternalID? [internal subset]>`, scanned
//! as one token (scan.rs), with the declarations of its internal subset: ENTITY (general
//! and parameter, internal and external, unparsed with NDATA), ELEMENT (content models as
//! expat's `(type, quantifier, name, children)` trees), ATTLIST (defaults, which start tags
//! then add), NOTATION, comments, processing instructions and parameter-entity references
//! (an internal one is read in place; an external one is skipped, as with expat's default
//! `XML_PARAM_ENTITY_PARSING_NEVER`).
//!
//! Declarations go straight into the scanner's tables; if the declaration turns out to be
//! cut by the end of the input, the tables are restored and nothing is reported, so that
//! the next chunk scans it again from its start.
use super::scan::{
    char_ref, code, is_ws, scan_name, skip_ws, AttDef, Entity, Ev, Flags, Model, Scanner, Stop, R,
};

struct Ctx<'a> {
    s: &'a str,
    base: usize,
    /// Inside a parameter entity's text: every offset is the reference's.
    pe_at: Option<usize>,
    final_: bool,
}

impl Ctx<'_> {
    fn at(&self, p: usize) -> usize {
        self.pe_at.unwrap_or(self.base + p)
    }
    fn eof(&self, start: usize) -> Stop {
        if self.final_ || self.pe_at.is_some() {
            Stop::Err(code::UNCLOSED_TOKEN, self.at(start))
        } else {
            Stop::Incomplete
        }
    }
    fn syntax(&self, p: usize) -> Stop {
        Stop::Err(code::SYNTAX, self.at(p))
    }
    fn name(&self, p: usize, start: usize) -> R<usize> {
        scan_name(self.s, p, false, 0).map_err(|e| match e {
            Stop::Incomplete => self.eof(start),
            Stop::Err(..) => self.syntax(p),
        })
    }
    /// White space that must be there.
    fn ws(&self, p: usize, start: usize) -> R<usize> {
        let q = skip_ws(self.s, p);
        if q == self.s.len() {
            return Err(self.eof(start));
        }
        if q == p {
            return Err(self.syntax(p));
        }
        Ok(q)
    }
    /// A quoted literal at `p`: its text and end.
    fn literal(&self, p: usize, start: usize) -> R<(&str, usize)> {
        let q = match self.s.as_bytes().get(p) {
            None => return Err(self.eof(start)),
            Some(&q @ (b'"' | b'\'')) => q as char,
            Some(_) => return Err(self.syntax(p)),
        };
        match self.s[p + 1..].find(q) {
            Some(e) => Ok((&self.s[p + 1..p + 1 + e], p + 2 + e)),
            None => Err(self.eof(start)),
        }
    }
    fn peek(&self, p: usize, word: &str, start: usize) -> R<bool> {
        let rest = &self.s[p.min(self.s.len())..];
        if rest.len() < word.len() && word.starts_with(rest) {
            return Err(self.eof(start));
        }
        Ok(rest.starts_with(word))
    }
    fn close(&self, p: usize, start: usize) -> R<usize> {
        let q = skip_ws(self.s, p);
        match self.s.as_bytes().get(q) {
            None => Err(self.eof(start)),
            Some(b'>') => Ok(q + 1),
            Some(_) => Err(self.syntax(q)),
        }
    }
    /// `SYSTEM "sys"` or `PUBLIC "pub" "sys"` (the system literal optional when
    /// `sys_optional`, for NOTATION); (pubid, sysid, end), or None when neither keyword.
    #[allow(clippy::type_complexity)]
    fn external_id(
        &self,
        p: usize,
        start: usize,
        sys_optional: bool,
    ) -> R<Option<(Option<String>, Option<String>, usize)>> {
        if self.peek(p, "SYSTEM", start)? {
            let q = self.ws(p + 6, start)?;
            let (sys, e) = self.literal(q, start)?;
            return Ok(Some((None, Some(sys.to_string()), e)));
        }
        if self.peek(p, "PUBLIC", start)? {
            let q = self.ws(p + 6, start)?;
            let (pubid, e) = self.literal(q, start)?;
            if pubid.chars().any(|c| !is_pubid_char(c)) {
                return Err(Stop::Err(32, self.at(q)));
            }
            let pubid = Some(normalize_pubid(pubid));
            let q = skip_ws(self.s, e);
            if q == self.s.len() {
                return Err(self.eof(start));
            }
            if matches!(self.s.as_bytes()[q], b'"' | b'\'') && q > e {
                let (sys, e2) = self.literal(q, start)?;
                return Ok(Some((pubid, Some(sys.to_string()), e2)));
            }
            if !sys_optional {
                return Err(self.syntax(q));
            }
            return Ok(Some((pubid, None, e)));
        }
        Ok(None)
    }
}

fn is_pubid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || " \r\n-'()+,./:=?;!*#@$_%".contains(c)
}

fn normalize_pubid(p: &str) -> String {
    p.split(is_ws)
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scans `<!DOCTYPE ...>` at `i` (the scanner checked the keyword).
pub fn doctype(
    sc: &mut Scanner,
    s: &str,
    i: usize,
    final_: bool,
    base: usize,
    fl: Flags,
    out: &mut Vec<(usize, Ev)>,
) -> R<usize> {
    let saved = (
        sc.entities.clone(),
        sc.pentities.clone(),
        sc.attlists.clone(),
        sc.dtd_incomplete,
    );
    let mut evs = Vec::new();
    let r = doctype_inner(sc, s, i, final_, base, fl, &mut evs);
    match r {
        Ok(end) => {
            out.append(&mut evs);
            Ok(end)
        }
        Err(e) => {
            (sc.entities, sc.pentities, sc.attlists, sc.dtd_incomplete) = saved;
            Err(e)
        }
    }
}

fn doctype_inner(
    sc: &mut Scanner,
    s: &str,
    i: usize,
    final_: bool,
    base: usize,
    fl: Flags,
    out: &mut Vec<(usize, Ev)>,
) -> R<usize> {
    let cx = Ctx {
        s,
        base,
        pe_at: None,
        final_,
    };
    let p = cx.ws(i + 9, i)?;
    let ne = cx.name(p, i)?;
    let name = s[p..ne].to_string();
    let mut q = skip_ws(s, ne);
    if q == s.len() {
        return Err(cx.eof(i));
    }
    let mut pubid = None;
    let mut sysid = None;
    if q > ne {
        if let Some((pb, sy, e)) = cx.external_id(q, i, false)? {
            pubid = pb;
            sysid = sy;
            q = skip_ws(s, e);
        }
    }
    if q == s.len() {
        return Err(cx.eof(i));
    }
    let internal = s.as_bytes().get(q) == Some(&b'[');
    out.push((
        base + i,
        Ev::StartDoctype {
            name,
            sysid: sysid.clone(),
            pubid,
            internal,
            raw: decl_pieces(&s[i..if internal { q + 1 } else { q }]),
        },
    ));
    if sysid.is_some() {
        sc.dtd_incomplete = true;
    }
    let mut tail = q;
    if internal {
        let e = subset(sc, &cx, q + 1, i, fl, out)?;
        // `e` is at the `]`.
        tail = e;
        q = e + 1;
    }
    let e = cx.close(q, i)?;
    let end_raw = decl_pieces(&s[tail..e]);
    if sc.dtd_incomplete && sc.standalone != 1 {
        out.push((base + i, Ev::NotStandalone));
    }
    out.push((base + e - 1, Ev::EndDoctype { raw: end_raw }));
    Ok(e)
}

/// The declarations from `p` to the closing `]` (or the end of a parameter entity's
/// text); returns the position of the `]` (or the end).
fn subset(
    sc: &mut Scanner,
    cx: &Ctx,
    mut p: usize,
    start: usize,
    fl: Flags,
    out: &mut Vec<(usize, Ev)>,
) -> R<usize> {
    let s = cx.s;
    loop {
        // White space between declarations goes to a default handler (minidom's
        // InternalSubsetExtractor rebuilds the subset's text from it).
        let q = skip_ws(s, p);
        if q > p {
            out.push((cx.at(p), Ev::Default(s[p..q].to_string())));
        }
        p = q;
        if p >= s.len() {
            if cx.pe_at.is_some() {
                return Ok(p);
            }
            return Err(cx.eof(start));
        }
        let b = s.as_bytes();
        match b[p] {
            b']' if cx.pe_at.is_none() => return Ok(p),
            b'%' => {
                let ne = cx.name(p + 1, start)?;
                match b.get(ne) {
                    None => return Err(cx.eof(start)),
                    Some(b';') => {}
                    Some(_) => return Err(cx.syntax(ne)),
                }
                let name = &s[p + 1..ne];
                match sc.pentities.get(name).cloned() {
                    Some(Entity {
                        value: Some(text), ..
                    }) => {
                        let inner = Ctx {
                            s: &text,
                            base: 0,
                            pe_at: Some(cx.at(p)),
                            final_: true,
                        };
                        subset(sc, &inner, 0, 0, fl, out)?;
                    }
                    _ => {
                        sc.dtd_incomplete = true;
                        out.push((
                            cx.at(p),
                            Ev::Skipped {
                                name: name.to_string(),
                                is_pe: true,
                            },
                        ));
                    }
                }
                p = ne + 1;
            }
            b'<' => {
                if cx.peek(p, "<!--", start)? {
                    let Some(k) = s[p + 4..].find("--") else {
                        return Err(cx.eof(start));
                    };
                    let d = p + 4 + k;
                    match b.get(d + 2) {
                        None => return Err(cx.eof(start)),
                        Some(b'>') => {}
                        Some(_) => return Err(Stop::Err(code::INVALID_TOKEN, cx.at(d + 2))),
                    }
                    out.push((
                        cx.at(p),
                        Ev::Comment {
                            text: super::scan::norm_newlines(&s[p + 4..d]),
                            raw: s[p..d + 3].to_string(),
                        },
                    ));
                    p = d + 3;
                } else if cx.peek(p, "<?", start)? {
                    let te = cx.name(p + 2, start)?;
                    let Some(k) = s[te..].find("?>") else {
                        return Err(cx.eof(start));
                    };
                    let close = te + k;
                    let data = s[skip_ws(s, te).min(close)..close].to_string();
                    out.push((
                        cx.at(p),
                        Ev::Pi {
                            target: s[p + 2..te].to_string(),
                            data: super::scan::norm_newlines(&data),
                            raw: s[p..close + 2].to_string(),
                        },
                    ));
                    p = close + 2;
                } else if cx.peek(p, "<!ENTITY", start)? {
                    p = entity_decl(sc, cx, p, fl, out)?;
                } else if cx.peek(p, "<!ELEMENT", start)? {
                    p = element_decl(cx, p, out)?;
                } else if cx.peek(p, "<!ATTLIST", start)? {
                    p = attlist_decl(sc, cx, p, out)?;
                } else if cx.peek(p, "<!NOTATION", start)? {
                    p = notation_decl(cx, p, out)?;
                } else {
                    return Err(cx.syntax(p));
                }
            }
            _ => return Err(cx.syntax(p)),
        }
    }
}

fn entity_decl(
    sc: &mut Scanner,
    cx: &Ctx,
    start: usize,
    _fl: Flags,
    out: &mut Vec<(usize, Ev)>,
) -> R<usize> {
    let s = cx.s;
    let mut p = cx.ws(start + 8, start)?;
    let is_pe = s.as_bytes()[p] == b'%';
    if is_pe {
        p = cx.ws(p + 1, start)?;
    }
    let ne = cx.name(p, start)?;
    let name = s[p..ne].to_string();
    let q = cx.ws(ne, start)?;
    let mut ent = Entity {
        value: None,
        sysid: None,
        pubid: None,
        notation: None,
    };
    let end;
    if let Some((pubid, sysid, e)) = cx.external_id(q, start, false)? {
        ent.pubid = pubid;
        ent.sysid = sysid;
        let k = skip_ws(s, e);
        if !is_pe && k > e && cx.peek(k, "NDATA", start)? {
            let n0 = cx.ws(k + 5, start)?;
            let n1 = cx.name(n0, start)?;
            ent.notation = Some(s[n0..n1].to_string());
            end = cx.close(n1, start)?;
        } else {
            end = cx.close(e, start)?;
        }
    } else {
        let (lit, e) = cx.literal(q, start)?;
        ent.value = Some(entity_value(cx, lit, q + 1)?);
        end = cx.close(e, start)?;
    }
    out.push((
        cx.at(start),
        Ev::EntityDecl {
            name: name.clone(),
            is_pe,
            value: ent.value.clone(),
            sysid: ent.sysid.clone(),
            pubid: ent.pubid.clone(),
            notation: ent.notation.clone(),
            raw: decl_pieces(&s[start..end]),
        },
    ));
    // The first declaration of a name is binding.
    let table = if is_pe {
        &mut sc.pentities
    } else {
        &mut sc.entities
    };
    table.entry(name).or_insert(ent);
    Ok(end)
}

/// The replacement text of an entity value literal: character references replaced,
/// general entity references kept, parameter entity references refused (internal subset).
fn entity_value(cx: &Ctx, lit: &str, at: usize) -> R<String> {
    let mut v = String::with_capacity(lit.len());
    let mut k = 0;
    while k < lit.len() {
        let c = super::scan::char_at(lit, k).unwrap_or(' ');
        match c {
            '%' => return Err(Stop::Err(code::PARAM_ENTITY_REF, cx.at(at + k))),
            '&' => {
                let Some(semi) = lit[k..].find(';') else {
                    return Err(Stop::Err(code::INVALID_TOKEN, cx.at(at + k)));
                };
                let body = &lit[k + 1..k + semi];
                if body.starts_with('#') {
                    v.push(char_ref(body).map_err(|c| Stop::Err(c, cx.at(at + k)))?);
                } else {
                    if scan_name(body, 0, true, 0).ok() != Some(body.len()) {
                        return Err(Stop::Err(code::INVALID_TOKEN, cx.at(at + k)));
                    }
                    v.push_str(&lit[k..k + semi + 1]);
                }
                k += semi + 1;
            }
            _ => {
                v.push(c);
                k += c.len_utf8();
            }
        }
    }
    Ok(v)
}

fn element_decl(cx: &Ctx, start: usize, out: &mut Vec<(usize, Ev)>) -> R<usize> {
    let s = cx.s;
    let p = cx.ws(start + 9, start)?;
    let ne = cx.name(p, start)?;
    let name = s[p..ne].to_string();
    let q = cx.ws(ne, start)?;
    let (model, e) = content_spec(cx, q, start)?;
    let end = cx.close(e, start)?;
    out.push((
        cx.at(start),
        Ev::ElementDecl {
            name,
            model,
            raw: decl_pieces(&s[start..end]),
        },
    ));
    Ok(end)
}

fn leaf(ctype: u8, quant: u8, name: Option<String>) -> Model {
    Model {
        ctype,
        quant,
        name,
        children: Vec::new(),
    }
}

/// The quantifier at `p`, or the end of the input (which may yet bring one).
fn quant(cx: &Ctx, p: usize, start: usize) -> R<(u8, usize)> {
    if p >= cx.s.len() && !(cx.final_ || cx.pe_at.is_some()) {
        return Err(cx.eof(start));
    }
    Ok(match cx.s.as_bytes().get(p) {
        Some(b'?') => (1, p + 1),
        Some(b'*') => (2, p + 1),
        Some(b'+') => (3, p + 1),
        _ => (0, p),
    })
}

fn content_spec(cx: &Ctx, p: usize, start: usize) -> R<(Model, usize)> {
    let s = cx.s;
    if cx.peek(p, "EMPTY", start)? {
        return Ok((leaf(1, 0, None), p + 5));
    }
    if cx.peek(p, "ANY", start)? {
        return Ok((leaf(2, 0, None), p + 3));
    }
    if s.as_bytes().get(p) != Some(&b'(') {
        return Err(cx.syntax(p));
    }
    let q = skip_ws(s, p + 1);
    if cx.peek(q, "#PCDATA", start)? {
        let mut names = Vec::new();
        let mut k = skip_ws(s, q + 7);
        loop {
            match s.as_bytes().get(k) {
                None => return Err(cx.eof(start)),
                Some(b')') => break,
                Some(b'|') => {
                    let n0 = skip_ws(s, k + 1);
                    let n1 = cx.name(n0, start)?;
                    names.push(leaf(4, 0, Some(s[n0..n1].to_string())));
                    k = skip_ws(s, n1);
                }
                Some(_) => return Err(cx.syntax(k)),
            }
        }
        let (qn, e) = quant(cx, k + 1, start)?;
        if !names.is_empty() && qn != 2 {
            return Err(cx.syntax(k + 1));
        }
        let mut m = leaf(3, qn, None);
        m.children = names;
        return Ok((m, e));
    }
    group(cx, p, start)
}

/// `( cp (sep cp)* )quant` at `p` (the parenthesis).
fn group(cx: &Ctx, p: usize, start: usize) -> R<(Model, usize)> {
    let s = cx.s;
    let mut children = Vec::new();
    let mut sep: Option<u8> = None;
    let mut k = skip_ws(s, p + 1);
    loop {
        let (m, e) = match s.as_bytes().get(k) {
            None => return Err(cx.eof(start)),
            Some(b'(') => group(cx, k, start)?,
            Some(_) => {
                let ne = cx.name(k, start)?;
                let (qn, e) = quant(cx, ne, start)?;
                (leaf(4, qn, Some(s[k..ne].to_string())), e)
            }
        };
        children.push(m);
        k = skip_ws(s, e);
        match s.as_bytes().get(k) {
            None => return Err(cx.eof(start)),
            Some(b')') => break,
            Some(&c @ (b'|' | b',')) => {
                if sep.is_some_and(|x| x != c) {
                    return Err(cx.syntax(k));
                }
                sep = Some(c);
                k = skip_ws(s, k + 1);
            }
            Some(_) => return Err(cx.syntax(k)),
        }
    }
    let (qn, e) = quant(cx, k + 1, start)?;
    let ctype = if sep == Some(b'|') { 5 } else { 6 };
    Ok((
        Model {
            ctype,
            quant: qn,
            name: None,
            children,
        },
        e,
    ))
}

fn attlist_decl(sc: &mut Scanner, cx: &Ctx, start: usize, out: &mut Vec<(usize, Ev)>) -> R<usize> {
    let s = cx.s;
    let p = cx.ws(start + 9, start)?;
    let ne = cx.name(p, start)?;
    let elname = s[p..ne].to_string();
    let mut k = ne;
    let first = out.len();
    loop {
        let q = skip_ws(s, k);
        match s.as_bytes().get(q) {
            None => return Err(cx.eof(start)),
            Some(b'>') => {
                if let Some((_, Ev::AttlistDecl { raw, .. })) = out.get_mut(first) {
                    *raw = decl_pieces(&s[start..q + 1]);
                }
                return Ok(q + 1);
            }
            _ => {}
        }
        if q == k {
            return Err(cx.syntax(q));
        }
        let an = cx.name(q, start)?;
        let attname = s[q..an].to_string();
        let t0 = cx.ws(an, start)?;
        let (atype, te) = att_type(cx, t0, start)?;
        let d0 = cx.ws(te, start)?;
        let (default, required, de) = if cx.peek(d0, "#REQUIRED", start)? {
            (None, true, d0 + 9)
        } else if cx.peek(d0, "#IMPLIED", start)? {
            (None, false, d0 + 8)
        } else {
            let (fixed, v0) = if cx.peek(d0, "#FIXED", start)? {
                (true, cx.ws(d0 + 6, start)?)
            } else {
                (false, d0)
            };
            let (lit, le) = cx.literal(v0, start)?;
            let mut v = String::new();
            let src_at = cx.at(v0 + 1);
            sc.default_value(lit, src_at, &mut v)?;
            (Some(v), fixed, le)
        };
        out.push((
            cx.at(start),
            Ev::AttlistDecl {
                elname: elname.clone(),
                attname: attname.clone(),
                atype: atype.clone(),
                default: default.clone(),
                required,
                raw: Vec::new(),
            },
        ));
        let defs = sc.attlists.entry(elname.clone()).or_default();
        if !defs.iter().any(|d| d.name == attname) {
            defs.push(AttDef {
                name: attname,
                cdata: atype == "CDATA",
                default,
            });
        }
        k = de;
    }
}

/// An attribute type: a keyword, `NOTATION (a|b)` or an enumeration `(a|b)`, given as
/// expat gives it (`NOTATION(a|b)`, `(a|b)`).
fn att_type(cx: &Ctx, p: usize, start: usize) -> R<(String, usize)> {
    let s = cx.s;
    for kw in [
        "CDATA", "IDREFS", "IDREF", "ID", "ENTITY", "ENTITIES", "NMTOKENS", "NMTOKEN",
    ] {
        if cx.peek(p, kw, start)? {
            // ENTITY is a prefix of ENTITIES: the longer keyword is tried first where
            // needed.
            if kw == "ENTITY" && cx.peek(p, "ENTITIES", start)? {
                return Ok(("ENTITIES".into(), p + 8));
            }
            return Ok((kw.to_string(), p + kw.len()));
        }
    }
    let (prefix, q) = if cx.peek(p, "NOTATION", start)? {
        ("NOTATION", cx.ws(p + 8, start)?)
    } else {
        ("", p)
    };
    if s.as_bytes().get(q) != Some(&b'(') {
        return Err(cx.syntax(q));
    }
    let mut items = Vec::new();
    let mut k = q + 1;
    loop {
        let n0 = skip_ws(s, k);
        let mut n1 = n0;
        while let Some(c) = super::scan::char_at(s, n1) {
            if !super::scan::is_name_char(c) {
                break;
            }
            n1 += c.len_utf8();
        }
        if n1 == n0 {
            return Err(if n0 >= s.len() {
                cx.eof(start)
            } else {
                cx.syntax(n0)
            });
        }
        items.push(&s[n0..n1]);
        let e = skip_ws(s, n1);
        match s.as_bytes().get(e) {
            None => return Err(cx.eof(start)),
            Some(b'|') => k = e + 1,
            Some(b')') => {
                return Ok((format!("{prefix}({})", items.join("|")), e + 1));
            }
            Some(_) => return Err(cx.syntax(e)),
        }
    }
}

fn notation_decl(cx: &Ctx, start: usize, out: &mut Vec<(usize, Ev)>) -> R<usize> {
    let s = cx.s;
    let p = cx.ws(start + 10, start)?;
    let ne = cx.name(p, start)?;
    let name = s[p..ne].to_string();
    let q = cx.ws(ne, start)?;
    let Some((pubid, sysid, e)) = cx.external_id(q, start, true)? else {
        return Err(cx.syntax(q));
    };
    let end = cx.close(e, start)?;
    out.push((
        cx.at(start),
        Ev::NotationDecl {
            name,
            sysid,
            pubid,
            raw: decl_pieces(&s[start..end]),
        },
    ));
    Ok(end)
}

/// The markup of a declaration cut as expat's tokens, for a default handler: white space
/// runs, literals, `<!KEYWORD`, names (and `#PCDATA`-like keywords), `)` with its
/// quantifier, single punctuation.
fn decl_pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = super::scan::char_at(text, i).unwrap_or(' ');
        let start = i;
        if is_ws(c) {
            i = skip_ws(text, i);
        } else if c == '"' || c == '\'' {
            i = text[i + 1..].find(c).map_or(text.len(), |e| i + 2 + e);
        } else if text[i..].starts_with("<!") || c == '#' || super::scan::is_name_char(c) {
            i += if c == '<' { 2 } else { c.len_utf8() };
            while let Some(d) = super::scan::char_at(text, i) {
                if !super::scan::is_name_char(d) {
                    break;
                }
                i += d.len_utf8();
            }
        } else if c == ')' && matches!(b.get(i + 1), Some(b'?' | b'*' | b'+')) {
            i += 2;
        } else {
            i += c.len_utf8();
        }
        out.push(text[start..i].to_string());
    }
    out
}
