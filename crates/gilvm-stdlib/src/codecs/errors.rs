//! Codec error handling: the `UnicodeEncodeError`/`UnicodeDecodeError` a codec raises,
//! the handler registry (`register_error`/`lookup_error`) with CPython's built-in handlers
//! as native functions, and the two drivers every codec here runs through
//! ([`encode_chars`], [`decode_bytes`]), which apply a handler to each run of characters
//! or bytes the codec cannot take.
//!
//! `surrogateescape` and `surrogatepass` work on gilvm's stored lone surrogates
//! (gilvm-object's `surrogate.rs`): escaping turns each undecodable byte >= 0x80 into
//! U+DC80..U+DCFF and back; passing writes and reads a surrogate in the form of the UTF
//! codec at hand (three bytes `ED xx xx` for UTF-8, one code unit for UTF-16/32), found
//! from the codec's name ([`pass_form`]).
use std::sync::OnceLock;

use gilvm_object::surrogate;

use gilvm_object::ObjRef;
use gilvm_vm::modules::util::Statics;
use gilvm_vm::{Args, Interp, PyErr, PyResult, Value};

/// The registered error handlers (name → callable): an immortal dict.
static HANDLERS: OnceLock<Statics<ObjRef>> = OnceLock::new();

pub(crate) fn handlers(interp: &mut Interp) -> ObjRef {
    HANDLERS
        .get_or_init(|| {
            let d = interp.new_dict_obj();
            d.make_immortal();
            Statics(d)
        })
        .0
        .clone()
}

const BUILTIN: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// Fills the registry with the built-in handlers (once).
pub(crate) fn install_builtin(interp: &mut Interp) -> PyResult<()> {
    let d = handlers(interp);
    if interp.dict_len(&d) > 0 {
        return Ok(());
    }
    let fns: [(&'static str, gilvm_vm::NativeFn); 8] = [
        ("strict_errors", h_strict),
        ("ignore_errors", h_ignore),
        ("replace_errors", h_replace),
        ("xmlcharrefreplace_errors", h_xmlcharref),
        ("backslashreplace_errors", h_backslash),
        ("namereplace_errors", h_namereplace),
        ("surrogateescape", h_surrogateescape),
        ("surrogatepass", h_surrogatepass),
    ];
    for (name, (fname, f)) in BUILTIN.iter().zip(fns) {
        let v = interp.new_native_with(fname, f, Value::Obj(interp.intern("static")));
        gilvm_vm::builtins::publish_native(&v);
        interp.dict_set(&d, interp.new_str(*name), v)?;
    }
    Ok(())
}

/// `lookup_error(name)`.
pub(crate) fn lookup(interp: &mut Interp, name: &str) -> PyResult<Value> {
    install_builtin(interp)?;
    let d = handlers(interp);
    let key = interp.new_str(name);
    match interp.dict_get(&d, &key)? {
        Some(v) => Ok(v),
        None => Err(interp.err(
            &interp.g.exc.lookup_error.clone(),
            format!("unknown error handler name '{name}'"),
        )),
    }
}

fn esc_char(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// A new `UnicodeEncodeError` (`decode` false) or `UnicodeDecodeError`, with CPython's
/// message and the attributes handlers read (`encoding`, `object`, `start`, `end`,
/// `reason`).
pub(crate) fn unicode_error(
    interp: &mut Interp,
    decode: bool,
    encoding: &str,
    object: &Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<Value> {
    let msg = if decode {
        let b = gilvm_vm::buffer::bytes_like(interp.py, object)
            .map(|b| b.get(start).copied().unwrap_or(0))
            .unwrap_or(0);
        if end == start + 1 {
            format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
        } else {
            format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end.saturating_sub(1)
            )
        }
    } else if end == start + 1 {
        let c = object
            .as_str()
            .and_then(|s| s.chars().nth(start))
            .map(surrogate::code)
            .unwrap_or(0);
        format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
            esc_char(c)
        )
    } else {
        format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    };
    let ty = if decode {
        interp.g.exc.unicode_decode_error.clone()
    } else {
        interp.g.exc.unicode_encode_error.clone()
    };
    let m = interp.new_str(msg);
    let e = interp.call1(&Value::Obj(ty), &[m])?;
    let attrs = [
        ("encoding", interp.new_str(encoding)),
        ("object", object.clone()),
        ("start", Value::Int(start as i64)),
        ("end", Value::Int(end as i64)),
        ("reason", interp.new_str(reason)),
    ];
    for (k, v) in attrs {
        let k = interp.intern(k);
        interp.setattr(&e, &k, v)?;
    }
    Ok(e)
}

fn raise(interp: &mut Interp, e: Value) -> PyErr {
    match interp.make_raisable(&e) {
        Ok(err) => err,
        Err(err) => err,
    }
}

/// The (exception, start, end, object) a handler was called with.
fn exc_parts(
    interp: &mut Interp,
    args: &Args<'_>,
    fname: &str,
) -> PyResult<(Value, usize, usize, Value, bool)> {
    let a = args.exact(interp, fname, 1, 1)?;
    let e = a[0].clone();
    let enc_t = interp.g.exc.unicode_encode_error.clone();
    let dec_t = interp.g.exc.unicode_decode_error.clone();
    let decode = if interp.isinstance(&e, &enc_t) {
        false
    } else if interp.isinstance(&e, &dec_t) {
        true
    } else {
        return Err(interp.type_error(format!(
            "don't know how to handle {} in error callback",
            interp.type_name(&e)
        )));
    };
    let start = interp.getattr_str(&e, "start")?;
    let start = interp.index_value(&start)?.max(0) as usize;
    let end = interp.getattr_str(&e, "end")?;
    let end = interp.index_value(&end)?.max(0) as usize;
    let obj = interp.getattr_str(&e, "object")?;
    Ok((e, start, end.max(start), obj, decode))
}

fn h_strict(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "strict_errors", 1, 1)?;
    let e = a[0].clone();
    Err(raise(interp, e))
}

fn h_ignore(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, _, end, _, _) = exc_parts(interp, &args, "ignore_errors")?;
    let s = interp.new_str("");
    Ok(interp.new_tuple(vec![s, Value::Int(end as i64)]))
}

fn h_replace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, start, end, _, decode) = exc_parts(interp, &args, "replace_errors")?;
    let s = if decode {
        "\u{fffd}".to_string()
    } else {
        "?".repeat(end - start)
    };
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(end as i64)]))
}

fn chars_of(obj: &Value, start: usize, end: usize) -> Vec<char> {
    obj.as_str()
        .map(|s| s.chars().skip(start).take(end - start).collect())
        .unwrap_or_default()
}

fn h_xmlcharref(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (e, start, end, obj, decode) = exc_parts(interp, &args, "xmlcharrefreplace_errors")?;
    if decode {
        return Err(interp.type_error(format!(
            "don't know how to handle {} in error callback",
            interp.type_name(&e)
        )));
    }
    let s: String = chars_of(&obj, start, end)
        .into_iter()
        .map(|c| format!("&#{};", surrogate::code(c)))
        .collect();
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(end as i64)]))
}

fn h_backslash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, start, end, obj, decode) = exc_parts(interp, &args, "backslashreplace_errors")?;
    let s: String = if decode {
        let b = gilvm_vm::buffer::bytes_like(interp.py, &obj)
            .map(|b| b.to_vec())
            .unwrap_or_default();
        b[start.min(b.len())..end.min(b.len())]
            .iter()
            .map(|x| format!("\\x{x:02x}"))
            .collect()
    } else {
        chars_of(&obj, start, end)
            .into_iter()
            .map(|c| esc_char(surrogate::code(c)))
            .collect()
    };
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(end as i64)]))
}

pub(crate) fn name_escape(c: char) -> String {
    match rustpython_unicode::data::character_name(c) {
        Some(n) => format!("\\N{{{n}}}"),
        None => esc_char(surrogate::code(c)),
    }
}

fn h_namereplace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (e, start, end, obj, decode) = exc_parts(interp, &args, "namereplace_errors")?;
    if decode {
        return Err(interp.type_error(format!(
            "don't know how to handle {} in error callback",
            interp.type_name(&e)
        )));
    }
    let s: String = chars_of(&obj, start, end)
        .into_iter()
        .map(name_escape)
        .collect();
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(end as i64)]))
}

/// How `surrogatepass` writes a surrogate in the codec called `encoding`: the UTF-8 form
/// (width 3) or a UTF-16/32 code unit (width 2 or 4, with the byte order).
#[derive(Clone, Copy)]
pub(crate) struct PassForm {
    width: usize,
    big: bool,
}

pub(crate) fn pass_form(encoding: &str) -> Option<PassForm> {
    let (width, big) = match encoding.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => (3, false),
        "utf-16" | "utf-16-le" | "utf-16le" => (2, false),
        "utf-16-be" | "utf-16be" => (2, true),
        "utf-32" | "utf-32-le" | "utf-32le" => (4, false),
        "utf-32-be" | "utf-32be" => (4, true),
        _ => return None,
    };
    Some(PassForm { width, big })
}

impl PassForm {
    fn write(self, cp: u32, out: &mut Vec<u8>) {
        match (self.width, self.big) {
            (3, _) => out.extend([
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]),
            (2, false) => out.extend((cp as u16).to_le_bytes()),
            (2, true) => out.extend((cp as u16).to_be_bytes()),
            (_, false) => out.extend(cp.to_le_bytes()),
            (_, true) => out.extend(cp.to_be_bytes()),
        }
    }

    /// The surrogate encoded at `d[i..]`, if one is, and its length in bytes.
    fn read(self, d: &[u8], i: usize) -> Option<(u32, usize)> {
        let b = d.get(i..i + self.width)?;
        let cp = match (self.width, self.big) {
            (3, _) => {
                if b[0] != 0xED || !(0xA0..0xC0).contains(&b[1]) || b[2] & 0xC0 != 0x80 {
                    return None;
                }
                0xD000 | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
            }
            (2, false) => u16::from_le_bytes([b[0], b[1]]) as u32,
            (2, true) => u16::from_be_bytes([b[0], b[1]]) as u32,
            (_, false) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            (_, true) => u32::from_be_bytes([b[0], b[1], b[2], b[3]]),
        };
        (0xD800..0xE000).contains(&cp).then_some((cp, self.width))
    }
}

/// The replacement `surrogateescape` makes for chars `[start, end)` (bytes), or `None` when
/// one of them is not an escaped byte (U+DC80..U+DCFF).
fn escape_encode(chars: &[char]) -> Option<Vec<u8>> {
    chars
        .iter()
        .map(|&c| {
            let cp = surrogate::code(c);
            (0xDC80..0xDD00)
                .contains(&cp)
                .then_some((cp - 0xDC00) as u8)
        })
        .collect()
}

/// The replacement `surrogateescape` makes for undecodable bytes, or `None` when one of
/// them is ASCII (which is never escaped).
fn escape_decode(bytes: &[u8]) -> Option<String> {
    bytes
        .iter()
        .map(|&b| (b >= 0x80).then(|| surrogate::to_char(0xDC00 + b as u32)))
        .collect()
}

/// `surrogatepass` for chars (all must be surrogates).
fn pass_encode(form: Option<PassForm>, chars: &[char]) -> Option<Vec<u8>> {
    let form = form?;
    let mut out = Vec::new();
    for &c in chars {
        if !surrogate::is_surrogate(c) {
            return None;
        }
        form.write(surrogate::code(c), &mut out);
    }
    Some(out)
}

fn encoding_of(interp: &mut Interp, e: &Value) -> PyResult<String> {
    let v = interp.getattr_str(e, "encoding")?;
    Ok(v.as_str().unwrap_or("").to_string())
}

fn h_surrogateescape(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (e, start, end, obj, decode) = exc_parts(interp, &args, "surrogateescape")?;
    if decode {
        let b = gilvm_vm::buffer::bytes_like(interp.py, &obj)
            .map(|b| b.to_vec())
            .unwrap_or_default();
        // CPython escapes at most four bytes per call.
        let stop = end.min(start + 4).min(b.len());
        match escape_decode(&b[start.min(stop)..stop]) {
            Some(s) => {
                let s = interp.new_str(s);
                Ok(interp.new_tuple(vec![s, Value::Int(stop as i64)]))
            }
            None => Err(raise(interp, e)),
        }
    } else {
        match escape_encode(&chars_of(&obj, start, end)) {
            Some(b) => {
                let b = super::bytes_val(interp, b);
                Ok(interp.new_tuple(vec![b, Value::Int(end as i64)]))
            }
            None => Err(raise(interp, e)),
        }
    }
}

fn h_surrogatepass(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (e, start, end, obj, decode) = exc_parts(interp, &args, "surrogatepass")?;
    let form = pass_form(&encoding_of(interp, &e)?);
    if decode {
        let b = gilvm_vm::buffer::bytes_like(interp.py, &obj)
            .map(|b| b.to_vec())
            .unwrap_or_default();
        match form.and_then(|f| f.read(&b, start)) {
            Some((cp, n)) => {
                let s = interp.new_str(surrogate::to_char(cp).to_string());
                Ok(interp.new_tuple(vec![s, Value::Int((start + n) as i64)]))
            }
            None => Err(raise(interp, e)),
        }
    } else {
        match pass_encode(form, &chars_of(&obj, start, end)) {
            Some(b) => {
                let b = super::bytes_val(interp, b);
                Ok(interp.new_tuple(vec![b, Value::Int(end as i64)]))
            }
            None => Err(raise(interp, e)),
        }
    }
}

/// Calls a user handler with the error; returns (replacement, resume position).
fn call_handler(
    interp: &mut Interp,
    errors: &str,
    exc: Value,
    len: usize,
) -> PyResult<(Value, usize)> {
    let h = lookup(interp, errors)?;
    let r = interp.call1(&h, &[exc])?;
    let bad = |interp: &Interp| {
        interp.type_error("encoding error handler must return (str/bytes, int) tuple")
    };
    let items = match &r {
        Value::Obj(o) if matches!(o.payload(), gilvm_object::Payload::Tuple(_)) => {
            interp.collect(&r)?
        }
        _ => return Err(bad(interp)),
    };
    if items.len() != 2 || items[1].to_bigint().is_none() {
        return Err(bad(interp));
    }
    let mut pos = interp.index_value(&items[1])?;
    if pos < 0 {
        pos += len as i64;
    }
    if pos < 0 || pos as usize > len {
        return Err(interp.index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok((items[0].clone(), pos as usize))
}

/// Encodes the characters of `obj` (a str) with `enc`, which appends a character's bytes
/// and answers false for a character the codec cannot encode.
pub(crate) fn encode_chars(
    interp: &mut Interp,
    encoding: &str,
    obj: &Value,
    errors: &str,
    reason: &str,
    enc: &dyn Fn(char, &mut Vec<u8>) -> bool,
) -> PyResult<Vec<u8>> {
    let s = obj.as_str().unwrap_or("");
    let mut out = Vec::with_capacity(s.len());
    // Fast path: everything encodes.
    {
        let mut ok = true;
        for c in s.chars() {
            if !enc(c, &mut out) {
                ok = false;
                break;
            }
        }
        if ok {
            return Ok(out);
        }
    }
    out.clear();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if enc(chars[i], &mut out) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut scratch = Vec::new();
        while end < chars.len() && !enc(chars[end], &mut scratch) {
            end += 1;
        }
        match errors {
            "ignore" => {}
            "replace" => (start..end).for_each(|_| {
                enc('?', &mut out);
            }),
            "xmlcharrefreplace" => {
                for c in &chars[start..end] {
                    out.extend_from_slice(format!("&#{};", surrogate::code(*c)).as_bytes());
                }
            }
            "backslashreplace" => {
                for c in &chars[start..end] {
                    out.extend_from_slice(esc_char(surrogate::code(*c)).as_bytes());
                }
            }
            "namereplace" => {
                for c in &chars[start..end] {
                    out.extend_from_slice(name_escape(*c).as_bytes());
                }
            }
            "surrogateescape" | "surrogatepass" => {
                let rep = if errors == "surrogateescape" {
                    // A UTF-16/32 encoder takes only whole code units from a handler.
                    let unit = match pass_form(encoding).map(|f| f.width) {
                        Some(w @ (2 | 4)) => w,
                        _ => 1,
                    };
                    escape_encode(&chars[start..end]).filter(|b| b.len() % unit == 0)
                } else {
                    pass_encode(pass_form(encoding), &chars[start..end])
                };
                match rep {
                    Some(b) => out.extend_from_slice(&b),
                    None => {
                        let e = unicode_error(interp, false, encoding, obj, start, end, reason)?;
                        return Err(raise(interp, e));
                    }
                }
            }
            "strict" => {
                let e = unicode_error(interp, false, encoding, obj, start, end, reason)?;
                return Err(raise(interp, e));
            }
            _ => {
                let e = unicode_error(interp, false, encoding, obj, start, end, reason)?;
                let (rep, pos) = call_handler(interp, errors, e, chars.len())?;
                if let Some(r) = rep.as_str() {
                    for (k, c) in r.chars().enumerate() {
                        if !enc(c, &mut out) {
                            let e = unicode_error(
                                interp,
                                false,
                                encoding,
                                obj,
                                start + k.min(end - start - 1),
                                start + k.min(end - start - 1) + 1,
                                reason,
                            )?;
                            return Err(raise(interp, e));
                        }
                    }
                } else if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, &rep) {
                    out.extend_from_slice(&b);
                } else {
                    return Err(interp
                        .type_error("encoding error handler must return (str/bytes, int) tuple"));
                }
                i = pos;
                continue;
            }
        }
        i = end;
    }
    Ok(out)
}

/// One step of a decoder at a position.
pub(crate) enum Step {
    /// A character and the number of bytes it took.
    Char(char, usize),
    /// Several characters (or none) and the number of bytes they took.
    Many(String, usize),
    /// An invalid sequence of this many bytes, and why.
    Invalid(usize, &'static str),
    /// The data ends inside a sequence (more may come: stop here unless final).
    Incomplete(&'static str),
}

/// Decodes `data` (the bytes of `obj`) with `step`; returns the text and the number of
/// bytes consumed (less than all only when not `final` and the data ends mid-sequence).
#[allow(clippy::too_many_arguments)]
pub(crate) fn decode_bytes(
    interp: &mut Interp,
    encoding: &str,
    obj: &Value,
    data: &[u8],
    errors: &str,
    is_final: bool,
    step: &dyn Fn(&[u8], usize) -> Step,
) -> PyResult<(String, usize)> {
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let (bad, reason) = match step(data, i) {
            Step::Char(c, n) => {
                out.push(c);
                i += n;
                continue;
            }
            Step::Many(s, n) => {
                out.push_str(&s);
                i += n.max(1);
                continue;
            }
            Step::Invalid(n, r) => (n.max(1), r),
            Step::Incomplete(r) => {
                if !is_final {
                    return Ok((out, i));
                }
                (data.len() - i, r)
            }
        };
        let start = i;
        let end = (i + bad).min(data.len());
        match errors {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for x in &data[start..end] {
                    out.push_str(&format!("\\x{x:02x}"));
                }
            }
            "surrogateescape" if escape_decode(&data[start..end]).is_some() => {
                out.push_str(&escape_decode(&data[start..end]).unwrap_or_default());
            }
            "surrogatepass"
                if pass_form(encoding)
                    .and_then(|f| f.read(data, start))
                    .is_some() =>
            {
                if let Some((cp, n)) = pass_form(encoding).and_then(|f| f.read(data, start)) {
                    out.push(surrogate::to_char(cp));
                    i = start + n;
                    continue;
                }
            }
            "strict" | "surrogateescape" | "surrogatepass" | "xmlcharrefreplace"
            | "namereplace" => {
                if matches!(errors, "xmlcharrefreplace" | "namereplace") {
                    let e = unicode_error(interp, true, encoding, obj, start, end, reason)?;
                    return Err(interp.type_error(format!(
                        "don't know how to handle {} in error callback",
                        interp.type_name(&e)
                    )));
                }
                let e = unicode_error(interp, true, encoding, obj, start, end, reason)?;
                return Err(raise(interp, e));
            }
            _ => {
                let e = unicode_error(interp, true, encoding, obj, start, end, reason)?;
                let (rep, pos) = call_handler(interp, errors, e, data.len())?;
                match rep.as_str() {
                    Some(r) => out.push_str(r),
                    None => {
                        return Err(interp
                            .type_error("decoding error handler must return (str, int) tuple"))
                    }
                }
                i = pos;
                continue;
            }
        }
        i = end;
    }
    Ok((out, data.len()))
}
