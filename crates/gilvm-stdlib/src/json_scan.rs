//! The decoding half of `_json` (CPython's `Modules/_json.c`): `scanstring` and the
//! scanner type `make_scanner` (shown as `_json.Scanner`) that `json.decoder.JSONDecoder`
//! uses as its `scan_once`.
//!
//! The document is read as a slice of chars (an ASCII document as its bytes, no copy), so
//! the positions in results and errors are character indices, as in CPython. A failed
//! scan at a position raises `StopIteration(idx)` (the decoder turns it into "Expecting
//! value"); malformed input raises `json.decoder.JSONDecodeError(msg, doc, pos)` with the
//! messages of the Lib's pure-Python decoder. Hooks and `parse_float`/`parse_int`/
//! `parse_constant` are Python calls made with no lock held.
use std::collections::HashMap;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{native_obj, with_data};

/// The document: its text and, when it is not ASCII, its chars.
pub struct Doc<'a> {
    text: &'a str,
    chars: Option<Vec<char>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let chars = (!text.is_ascii()).then(|| text.chars().collect());
        Doc { text, chars }
    }
    #[inline]
    fn len(&self) -> usize {
        match &self.chars {
            None => self.text.len(),
            Some(c) => c.len(),
        }
    }
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        match &self.chars {
            None => self.text.as_bytes().get(i).map(|&b| b as char),
            Some(c) => c.get(i).copied(),
        }
    }
    /// The text of chars `a..b`.
    fn slice(&self, a: usize, b: usize) -> String {
        match &self.chars {
            None => self.text[a..b].to_string(),
            Some(c) => c[a..b].iter().collect(),
        }
    }
    fn starts_with(&self, i: usize, lit: &str) -> bool {
        lit.chars()
            .enumerate()
            .all(|(k, ch)| self.at(i + k) == Some(ch))
    }
}

/// Why a scan stopped: nothing to scan at a position (`StopIteration(idx)`), or a Python
/// exception.
pub enum Fail {
    Stop(usize),
    Err(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Err(e)
    }
}

type ScanResult<T> = Result<T, Fail>;

/// `json.decoder.JSONDecodeError(msg, doc, pos)`.
pub fn decode_error(interp: &mut Interp, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let cls = match interp.import_module("json.decoder") {
        Ok(m) => interp.getattr_str(&Value::Obj(m), "JSONDecodeError"),
        Err(e) => return e,
    };
    let cls = match cls {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = interp.new_str(msg);
    match interp.call1(&cls, &[m, doc.clone(), Value::Int(pos as i64)]) {
        Ok(Value::Obj(o)) => PyErr(o),
        Ok(_) => interp.type_error("JSONDecodeError() did not return an exception"),
        Err(e) => e,
    }
}

fn hex4(doc: &Doc<'_>, at: usize) -> Option<u32> {
    let mut v = 0u32;
    for k in 0..4 {
        let d = doc.at(at + k)?.to_digit(16)?;
        v = v * 16 + d;
    }
    Some(v)
}

/// Scans the JSON string whose body starts at `end` (after the opening quote): its text
/// and the index after the closing quote.
pub fn scan_string(
    interp: &mut Interp,
    doc: &Doc<'_>,
    docv: &Value,
    mut end: usize,
    strict: bool,
) -> PyResult<(String, usize)> {
    let begin = end.wrapping_sub(1);
    let n = doc.len();
    if end > n {
        return Err(interp.value_error("end is out of bounds"));
    }
    let mut out = String::new();
    loop {
        // A run of plain characters.
        let start = end;
        while end < n {
            let c = doc.at(end).unwrap_or('"');
            if c == '"' || c == '\\' || (c as u32) < 0x20 {
                break;
            }
            end += 1;
        }
        if end > start {
            match &doc.chars {
                None => out.push_str(&doc.text[start..end]),
                Some(cs) => out.extend(&cs[start..end]),
            }
        }
        let Some(term) = doc.at(end) else {
            return Err(decode_error(
                interp,
                "Unterminated string starting at",
                docv,
                begin,
            ));
        };
        end += 1;
        if term == '"' {
            return Ok((out, end));
        }
        if term != '\\' {
            if strict {
                return Err(decode_error(
                    interp,
                    "Invalid control character at",
                    docv,
                    end - 1,
                ));
            }
            out.push(term);
            continue;
        }
        let Some(esc) = doc.at(end) else {
            return Err(decode_error(
                interp,
                "Unterminated string starting at",
                docv,
                begin,
            ));
        };
        if esc != 'u' {
            let c = match esc {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(decode_error(interp, "Invalid \\escape", docv, end - 1)),
            };
            out.push(c);
            end += 1;
            continue;
        }
        let Some(mut uni) = hex4(doc, end + 1) else {
            return Err(decode_error(interp, "Invalid \\uXXXX escape", docv, end));
        };
        end += 5;
        if (0xd800..=0xdbff).contains(&uni)
            && doc.at(end) == Some('\\')
            && doc.at(end + 1) == Some('u')
        {
            let Some(uni2) = hex4(doc, end + 2) else {
                return Err(decode_error(
                    interp,
                    "Invalid \\uXXXX escape",
                    docv,
                    end + 1,
                ));
            };
            if (0xdc00..=0xdfff).contains(&uni2) {
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00));
                end += 6;
            }
        }
        match gilvm_object::surrogate::from_code(uni) {
            Some(c) => out.push(c),
            None => {
                return Err(interp.value_error(format!(
                    "\\u{uni:06x} is one of the code points gilvm reserves to store lone surrogates"
                )))
            }
        }
    }
}

/// `scanstring(string, end, strict=True, /)`.
pub fn scanstring(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "scanstring", 2, 3)?;
    let Some(text) = a[0].as_str() else {
        return Err(interp.type_error(format!(
            "scanstring() argument 1 must be str, not {}",
            interp.type_name(&a[0])
        )));
    };
    let end = gilvm_vm::builtins::numbers::index_int(interp, &a[1])?;
    let end = match end {
        Value::Int(i) if i >= 0 => i as usize,
        _ => return Err(interp.value_error("end is out of bounds")),
    };
    let strict = match a.get(2) {
        Some(v) => interp.truthy(v)?,
        None => true,
    };
    let text = text.to_string();
    let doc = Doc::new(&text);
    let (s, e) = scan_string(interp, &doc, &a[0], end, strict)?;
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(e as i64)]))
}

/// The scanner's settings, read from the decoder when it is made.
#[derive(Clone)]
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

/// One `scan_once` call: the settings, the document and the key memo.
struct Run<'d, 'a> {
    s: Scanner,
    doc: &'d Doc<'a>,
    docv: Value,
    memo: HashMap<String, Value>,
    depth: usize,
    float_plain: bool,
    int_plain: bool,
}

#[inline]
fn is_ws(c: Option<char>) -> bool {
    matches!(c, Some(' ' | '\t' | '\n' | '\r'))
}

impl Run<'_, '_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while is_ws(self.doc.at(i)) {
            i += 1;
        }
        i
    }

    fn key(&mut self, interp: &Interp, k: String) -> Value {
        if let Some(v) = self.memo.get(&k) {
            return v.clone();
        }
        let v = interp.new_str(k.clone());
        self.memo.insert(k, v.clone());
        v
    }

    fn scan(&mut self, interp: &mut Interp, idx: usize) -> ScanResult<(Value, usize)> {
        let Some(c) = self.doc.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => {
                let (s, end) = scan_string(interp, self.doc, &self.docv, idx + 1, self.s.strict)?;
                return Ok((interp.new_str(s), end));
            }
            '{' | '[' => {
                self.depth += 1;
                if self.depth > 900 {
                    self.depth -= 1;
                    return Err(Fail::Err(interp.recursion_error()));
                }
                let r = if c == '{' {
                    self.object(interp, idx + 1)
                } else {
                    self.array(interp, idx + 1)
                };
                self.depth -= 1;
                return r;
            }
            'n' if self.doc.starts_with(idx, "null") => return Ok((Value::None, idx + 4)),
            't' if self.doc.starts_with(idx, "true") => return Ok((Value::Bool(true), idx + 4)),
            'f' if self.doc.starts_with(idx, "false") => return Ok((Value::Bool(false), idx + 5)),
            'N' if self.doc.starts_with(idx, "NaN") => return self.constant(interp, "NaN", idx),
            'I' if self.doc.starts_with(idx, "Infinity") => {
                return self.constant(interp, "Infinity", idx)
            }
            '-' if self.doc.starts_with(idx, "-Infinity") => {
                return self.constant(interp, "-Infinity", idx)
            }
            _ => {}
        }
        self.number(interp, idx)
    }

    fn constant(
        &mut self,
        interp: &mut Interp,
        name: &str,
        idx: usize,
    ) -> ScanResult<(Value, usize)> {
        let f = self.s.parse_constant.clone();
        let n = interp.new_str(name);
        let v = interp.call1(&f, &[n])?;
        Ok((v, idx + name.chars().count()))
    }

    fn number(&mut self, interp: &mut Interp, start: usize) -> ScanResult<(Value, usize)> {
        let d = self.doc;
        let digit = |i: usize| matches!(d.at(i), Some('0'..='9'));
        let mut i = start;
        if d.at(i) == Some('-') {
            i += 1;
        }
        match d.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if d.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(d.at(i), Some('e' | 'E')) {
            let save = i;
            i += 1;
            if matches!(d.at(i), Some('-' | '+')) {
                i += 1;
            }
            if digit(i) {
                is_float = true;
                while digit(i) {
                    i += 1;
                }
            } else {
                i = save;
            }
        }
        let text = d.slice(start, i);
        let v = if is_float {
            if self.float_plain {
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                let f = self.s.parse_float.clone();
                let t = interp.new_str(text);
                interp.call1(&f, &[t])?
            }
        } else if self.int_plain && text.len() <= 18 {
            Value::Int(text.parse::<i64>().unwrap_or(0))
        } else {
            let f = self.s.parse_int.clone();
            let t = interp.new_str(text);
            interp.call1(&f, &[t])?
        };
        Ok((v, i))
    }

    fn object(&mut self, interp: &mut Interp, idx: usize) -> ScanResult<(Value, usize)> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut i = self.skip_ws(idx);
        if self.doc.at(i) != Some('}') {
            loop {
                if self.doc.at(i) != Some('"') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Expecting property name enclosed in double quotes",
                        &self.docv,
                        i,
                    )));
                }
                let (k, next) = scan_string(interp, self.doc, &self.docv, i + 1, self.s.strict)?;
                let key = self.key(interp, k);
                i = self.skip_ws(next);
                if self.doc.at(i) != Some(':') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Expecting ':' delimiter",
                        &self.docv,
                        i,
                    )));
                }
                i = self.skip_ws(i + 1);
                let (val, next) = self.scan(interp, i)?;
                pairs.push((key, val));
                i = self.skip_ws(next);
                if self.doc.at(i) == Some('}') {
                    break;
                }
                if self.doc.at(i) != Some(',') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Expecting ',' delimiter",
                        &self.docv,
                        i,
                    )));
                }
                let comma = i;
                i = self.skip_ws(i + 1);
                if self.doc.at(i) == Some('}') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Illegal trailing comma before end of object",
                        &self.docv,
                        comma,
                    )));
                }
            }
        }
        let end = i + 1;
        if !self.s.object_pairs_hook.is_none() {
            let items: Vec<Value> = pairs
                .into_iter()
                .map(|(k, v)| interp.new_tuple(vec![k, v]))
                .collect();
            let l = interp.new_list(items);
            let h = self.s.object_pairs_hook.clone();
            return Ok((interp.call1(&h, &[l])?, end));
        }
        let d = interp.new_dict_obj();
        for (k, v) in pairs {
            interp.dict_set(&d, k, v)?;
        }
        let mut r = Value::Obj(d);
        if !self.s.object_hook.is_none() {
            let h = self.s.object_hook.clone();
            r = interp.call1(&h, &[r])?;
        }
        Ok((r, end))
    }

    fn array(&mut self, interp: &mut Interp, idx: usize) -> ScanResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(idx);
        if self.doc.at(i) != Some(']') {
            loop {
                let (v, next) = self.scan(interp, i)?;
                items.push(v);
                i = self.skip_ws(next);
                if self.doc.at(i) == Some(']') {
                    break;
                }
                if self.doc.at(i) != Some(',') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Expecting ',' delimiter",
                        &self.docv,
                        i,
                    )));
                }
                let comma = i;
                i = self.skip_ws(i + 1);
                if self.doc.at(i) == Some(']') {
                    return Err(Fail::Err(decode_error(
                        interp,
                        "Illegal trailing comma before end of array",
                        &self.docv,
                        comma,
                    )));
                }
            }
        }
        Ok((interp.new_list(items), i + 1))
    }
}

/// `make_scanner(context)`: reads the decoder's settings.
pub fn scanner_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => t.clone(),
        _ => return Err(interp.type_error("Scanner.__new__(X): X is not a type object")),
    };
    let a = args.pos();
    if args.has_kwargs() && a.len() < 2 {
        let ctx = args.kw("context").cloned();
        if let Some(ctx) = ctx {
            return make(interp, &cls, &ctx);
        }
        return Err(interp.type_error("Scanner() missing required argument 'context' (pos 1)"));
    }
    if a.len() != 2 {
        return Err(interp.type_error(format!(
            "Scanner() takes exactly 1 argument ({} given)",
            a.len().saturating_sub(1)
        )));
    }
    make(interp, &cls, &a[1])
}

fn make(interp: &mut Interp, cls: &ObjRef, ctx: &Value) -> PyResult {
    let strict_v = interp.getattr_str(ctx, "strict")?;
    let strict = interp.truthy(&strict_v)?;
    let s = Scanner {
        strict,
        object_hook: interp.getattr_str(ctx, "object_hook")?,
        object_pairs_hook: interp.getattr_str(ctx, "object_pairs_hook")?,
        parse_float: interp.getattr_str(ctx, "parse_float")?,
        parse_int: interp.getattr_str(ctx, "parse_int")?,
        parse_constant: interp.getattr_str(ctx, "parse_constant")?,
    };
    Ok(native_obj(interp, cls, s))
}

/// `scanner(string, idx)`: the value at `idx` and the index after it.
pub fn scanner_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if args.has_kwargs() || pos.len() != 3 {
        return Err(interp.type_error(format!(
            "Scanner() takes exactly 2 arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let s = with_data(interp, &pos[0], |s: &mut Scanner| s.clone()).ok_or_else(|| {
        interp.type_error("descriptor '__call__' requires a '_json.Scanner' object")
    })?;
    let Some(text) = pos[1].as_str() else {
        return Err(interp.type_error(format!(
            "first argument must be a string, not {}",
            interp.type_name(&pos[1])
        )));
    };
    let idx = gilvm_vm::builtins::numbers::index_int(interp, &pos[2])?;
    let idx = match idx {
        Value::Int(i) if i >= 0 => i as usize,
        Value::Int(_) => return Err(interp.value_error("idx cannot be negative")),
        _ => return Err(interp.stop_iteration(idx)),
    };
    let text = text.to_string();
    let doc = Doc::new(&text);
    let float_plain = matches!(&s.parse_float, Value::Obj(f) if f.is(&interp.g.types.float));
    let int_plain = matches!(&s.parse_int, Value::Obj(f) if f.is(&interp.g.types.int));
    let mut run = Run {
        s,
        doc: &doc,
        docv: pos[1].clone(),
        memo: HashMap::new(),
        depth: 0,
        float_plain,
        int_plain,
    };
    match run.scan(interp, idx) {
        Ok((v, end)) => Ok(interp.new_tuple(vec![v, Value::Int(end as i64)])),
        Err(Fail::Stop(i)) => Err(interp.stop_iteration(Value::Int(i as i64))),
        Err(Fail::Err(e)) => Err(e),
    }
}

// The collector's view (branch `stdmods`): a decoder's hooks are often its own bound
// methods, and the decoder keeps its scanner (`self.scan_once`): a cycle.
impl crate::common::GcRefs for Scanner {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.object_hook);
        f(&self.object_pairs_hook);
        f(&self.parse_float);
        f(&self.parse_int);
        f(&self.parse_constant);
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        use crate::common::take_ref;
        take_ref(&mut self.object_hook, out);
        take_ref(&mut self.object_pairs_hook, out);
        take_ref(&mut self.parse_float, out);
        take_ref(&mut self.parse_int, out);
        take_ref(&mut self.parse_constant, out);
    }
}

pub fn register_gc() {
    crate::common::register_gc::<Scanner>();
}
