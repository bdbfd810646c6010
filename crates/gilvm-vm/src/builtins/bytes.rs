//! The small part of `bytes` programs need: the constructor, `decode`, `hex`/`fromhex`,
//! `startswith`/`endswith`/`find`/`count`/`join`; and `str.encode`. Codecs: UTF-8, ASCII
//! and Latin-1 (with the `strict`, `ignore`, `replace`, `backslashreplace` and, for
//! encoding, `xmlcharrefreplace` error handlers). Other codecs CPython has raise
//! NotImplementedError; unknown names raise LookupError.
use gilvm_object::payload::Payload;
use gilvm_object::Owned;
use gilvm_object::Value;

use super::strings::{adjust_indices, as_pystr, kwparams, owned, recv, slice_index, ssize_arg};
use super::{add_classmethod, add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// Resolves an encoding name like CPython's codec registry (normalisation and aliases).
fn codec(interp: &Interp, name: &str) -> PyResult<Codec> {
    codec_lookup(interp, name)
}

/// An encoding name as CPython's `encodings.normalize_encoding` plus lower-casing makes it:
/// runs of characters other than alphanumerics and '.' become one '_' (none leading).
pub fn normalize_encoding(name: &str) -> String {
    let mut norm = String::with_capacity(name.len());
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !norm.is_empty() {
                norm.push('_');
            }
            pending = false;
            norm.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    norm
}

fn codec_lookup(interp: &Interp, name: &str) -> PyResult<Codec> {
    let norm = normalize_encoding(name);
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
        | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => {
            Ok(Codec::Latin1)
        }
        n if n.starts_with("utf")
            || n.starts_with("cp")
            || n.starts_with("iso8859")
            || n.starts_with("iso_8859")
            || matches!(
                n,
                "latin2"
                    | "latin3"
                    | "latin4"
                    | "latin5"
                    | "latin6"
                    | "latin7"
                    | "latin8"
                    | "latin9"
                    | "latin10"
            )
            || n.starts_with("windows_")
            || n.starts_with("koi8")
            || n.starts_with("mac_")
            || n.starts_with("shift_jis")
            || n.starts_with("euc_")
            || n.starts_with("gb")
            || n.starts_with("big5")
            || matches!(
                n,
                "u16"
                    | "u32"
                    | "idna"
                    | "punycode"
                    | "unicode_escape"
                    | "raw_unicode_escape"
                    | "hz"
                    | "johab"
                    | "ptcp154"
                    | "tis_620"
                    | "charmap"
            ) =>
        {
            Err(interp.not_implemented_error(format!(
                "gilvm supports only the utf-8, ascii and latin-1 codecs, not '{name}'"
            )))
        }
        _ => Err(interp.err(
            &interp.g.exc.lookup_error.clone(),
            format!("unknown encoding: {name}"),
        )),
    }
}

fn codec_name(c: Codec) -> &'static str {
    match c {
        Codec::Utf8 => "utf-8",
        Codec::Ascii => "ascii",
        Codec::Latin1 => "latin-1",
    }
}

fn bad_handler(interp: &Interp, errors: &str) -> crate::error::PyErr {
    if matches!(
        errors,
        "surrogateescape"
            | "surrogatepass"
            | "namereplace"
            | "xmlcharrefreplace"
            | "backslashreplace"
    ) {
        return interp.not_implemented_error(format!(
            "gilvm does not support the '{errors}' error handler here"
        ));
    }
    interp.err(
        &interp.g.exc.lookup_error.clone(),
        format!("unknown error handler name '{errors}'"),
    )
}

/// `str.encode` for a Rust string.
fn encode_str(interp: &Interp, s: &str, c: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let limit: u32 = match c {
        // A stored lone surrogate (surrogate.rs) is not UTF-8: the registry's codec
        // raises or applies the error handler.
        Codec::Utf8 if gilvm_object::surrogate::contains(s) => {
            return Err(interp.err(
                &interp.g.exc.unicode_encode_error.clone(),
                "'utf-8' codec can't encode a surrogate: surrogates not allowed",
            ))
        }
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let mut out = Vec::with_capacity(s.len());
    for (pos, ch) in s.chars().enumerate() {
        let u = ch as u32;
        if u < limit {
            out.push(u as u8);
            continue;
        }
        match errors {
            "strict" => {
                let msg = format!("'{}' codec can't encode character '{}' in position {pos}: ordinal not in range({})", codec_name(c), escape_char(ch), limit);
                return Err(interp.err(&interp.g.exc.unicode_encode_error.clone(), msg));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend_from_slice(escape_char(ch).as_bytes()),
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{u};").as_bytes()),
            _ => return Err(bad_handler(interp, errors)),
        }
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character.
fn escape_char(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

/// Decodes bytes with a codec and error handler.
fn decode_bytes(interp: &Interp, b: &[u8], c: Codec, errors: &str) -> PyResult<String> {
    let s = decode_bytes_inner(interp, b, c, errors)?;
    if c == Codec::Utf8 && gilvm_object::surrogate::contains(&s) {
        // Encoded code points gilvm reserves for lone surrogates (surrogate.rs): the
        // registry's UTF-8 decoder reports them or applies the error handler.
        return Err(interp.err(
            &interp.g.exc.unicode_decode_error.clone(),
            "'utf-8' codec can't decode a code point gilvm reserves",
        ));
    }
    Ok(s)
}

fn decode_bytes_inner(interp: &Interp, b: &[u8], c: Codec, errors: &str) -> PyResult<String> {
    let handler_ok = matches!(errors, "strict" | "ignore" | "replace" | "backslashreplace");
    match c {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            if b.is_ascii() {
                return Ok(String::from_utf8_lossy(b).into_owned());
            }
            if !handler_ok {
                return Err(bad_handler(interp, errors));
            }
            let mut out = String::with_capacity(b.len());
            for (pos, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        let msg = format!("'ascii' codec can't decode byte 0x{x:02x} in position {pos}: ordinal not in range(128)");
                        return Err(interp.err(&interp.g.exc.unicode_decode_error.clone(), msg));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    _ => out.push_str(&format!("\\x{x:02x}")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::new();
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        if out.is_empty() {
                            return Ok(s.to_string());
                        }
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY-free: `good` bytes were validated by from_utf8.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        match errors {
                            "strict" => {
                                let first = rest[good];
                                let reason = if e.error_len().is_none() {
                                    "unexpected end of data"
                                } else if (0x80..0xc2).contains(&first) || first >= 0xf5 {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                let start = base + good;
                                let msg = if bad == 1 {
                                    format!("'utf-8' codec can't decode byte 0x{first:02x} in position {start}: {reason}")
                                } else {
                                    format!("'utf-8' codec can't decode bytes in position {start}-{}: {reason}", start + bad - 1)
                                };
                                return Err(
                                    interp.err(&interp.g.exc.unicode_decode_error.clone(), msg)
                                );
                            }
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            "backslashreplace" => {
                                for x in &rest[good..good + bad] {
                                    out.push_str(&format!("\\x{x:02x}"));
                                }
                            }
                            _ => return Err(bad_handler(interp, errors)),
                        }
                        rest = &rest[good + bad..];
                        base += good + bad;
                    }
                }
            }
        }
    }
}

/// The (encoding, errors) arguments of encode/decode/bytes().
fn enc_args(
    interp: &Interp,
    fname: &str,
    enc: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<(Codec, String)> {
    let c = match enc {
        None => Codec::Utf8,
        Some(v) => match v.as_str() {
            Some(n) => codec(interp, n)?,
            None => {
                return Err(interp.type_error(format!(
                    "{fname}() argument 'encoding' must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    let e = match errors {
        None => "strict".to_string(),
        Some(v) => match v.as_str() {
            Some(n) => n.to_string(),
            None => {
                return Err(interp.type_error(format!(
                    "{fname}() argument 'errors' must be str, not {}",
                    interp.type_name(v)
                )))
            }
        },
    };
    Ok((c, e))
}

pub(crate) fn new_bytes(interp: &Interp, v: Vec<u8>) -> Value {
    Value::Obj(interp.new_obj(Owned::Bytes(v.into_boxed_slice())))
}

fn str_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, s) = recv(interp, &args, "encode")?;
    let mut p = [None, None];
    kwparams(interp, &args, "encode", &["encoding", "errors"], 0, &mut p)?;
    let (c, errors) = match enc_args(interp, "encode", p[0], p[1]) {
        Ok(x) => x,
        Err(e) => return registry_fallback(interp, e, &args, p, true),
    };
    match encode_str(interp, s.as_str(), c, &errors) {
        Ok(b) => Ok(new_bytes(interp, b)),
        Err(e) => registry_fallback(interp, e, &args, p, true),
    }
}

/// A codec or error handler the native path lacks: the codec registry (`_codecs`) instead
/// (see codec_registry.rs).
fn registry_fallback(
    interp: &mut Interp,
    e: crate::error::PyErr,
    args: &Args<'_>,
    p: [Option<&Value>; 2],
    encode: bool,
) -> PyResult {
    if !super::codec_registry::wants(interp, &e) {
        return Err(e);
    }
    let (Some(enc), Some(errors)) = (
        p[0].map_or(Some("utf-8"), |v| v.as_str()),
        p[1].map_or(Some("strict"), |v| v.as_str()),
    ) else {
        return Err(e);
    };
    let (enc, errors) = (enc.to_string(), errors.to_string());
    let me = args.pos()[0].clone();
    if encode {
        super::codec_registry::encode(interp, &me, &enc, &errors)
    } else {
        super::codec_registry::decode(interp, &me, &enc, &errors)
    }
}

/// The bytes payload of a method's receiver.
pub(crate) fn this<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a [u8]> {
    let Some(v) = args.pos().first() else {
        return Err(interp.type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    match bytes_arg(v) {
        Some(b) => Ok(b),
        None => Err(interp.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))),
    }
}

/// The bytes payload of a method's receiver: `this` for the slot wrappers (`__len__`, …),
/// which also need the plain bytes value (an instance of a subclass gives the bytes it
/// holds: `builtin_sub.rs`).
fn this_value<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a [u8])> {
    let b = this(interp, args, name)?;
    Ok((args.pos()[0].base_value(), b))
}

/// A bytes-like argument (bytes, or an instance of a subclass of bytes, only in gilvm).
pub(crate) fn bytes_arg(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Bytes(b) => Some(b),
            Payload::Instance(_) => match v.subclass_value()? {
                Value::Obj(p) => match p.payload() {
                    Payload::Bytes(b) => Some(b),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn bytes_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let bytes = interp.g.types.bytes.clone();
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &bytes, bytes_new)? {
        return Ok(v);
    }
    let mut p = [None, None, None];
    // `args.pos()[0]` is the class; kwparams skips it like a receiver.
    kwparams(
        interp,
        &args,
        "bytes",
        &["source", "encoding", "errors"],
        0,
        &mut p,
    )?;
    let Some(src) = p[0] else {
        if p[1].is_some() || p[2].is_some() {
            return Err(interp.type_error(if p[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(new_bytes(interp, Vec::new()));
    };
    if let Some(s) = as_pystr(src) {
        if p[1].is_none() {
            return Err(interp.type_error("string argument without an encoding"));
        }
        let (c, errors) = enc_args(interp, "bytes", p[1], p[2])?;
        let b = encode_str(interp, s.as_str(), c, &errors)?;
        return Ok(new_bytes(interp, b));
    }
    if p[1].is_some() {
        return Err(interp.type_error("encoding without a string argument"));
    }
    if p[2].is_some() {
        return Err(interp.type_error("errors without a string argument"));
    }
    // An instance with `__bytes__` (CPython looks it up before the buffer protocol).
    if matches!(src, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_))) {
        if let Some(m) = interp.lookup_special(src, "__bytes__") {
            let r = interp.call_method_value(&m, src, &[])?;
            if bytes_arg(&r).is_none() {
                return Err(interp.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    interp.type_name(&r)
                )));
            }
            return Ok(r.base_value().clone());
        }
    }
    if bytes_arg(src).is_some() {
        return Ok(src.base_value().clone());
    }
    if let Some(b) = crate::buffer::bytes_like(interp.py, src) {
        let v = b.into_owned();
        return Ok(new_bytes(interp, v));
    }
    // (An instance of a subclass of int is its int, as `__index__` gives it.)
    let src = src.base_value();
    match src {
        Value::Int(_) | Value::Bool(_) => {
            let n = ssize_arg(interp, src)?;
            if n < 0 {
                return Err(interp.value_error("negative count"));
            }
            let mut v = Vec::new();
            if v.try_reserve_exact(n as usize).is_err() {
                return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
            }
            v.resize(n as usize, 0);
            return Ok(new_bytes(interp, v));
        }
        Value::Float(_) | Value::None => {
            return Err(interp.type_error(format!(
                "cannot convert '{}' object to bytes",
                interp.type_name(src)
            )))
        }
        _ => {}
    }
    if src.to_bigint().is_some() {
        return Err(interp.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    let iter = interp.iter(src).map_err(|e| {
        super::strings::type_err_or(
            interp,
            e,
            format!("cannot convert '{}' object to bytes", interp.type_name(src)),
        )
    })?;
    let mut out = Vec::new();
    while let Some(x) = interp.next(&iter)? {
        let i = match &x {
            Value::Float(_) => {
                return Err(interp.type_error("'float' object cannot be interpreted as an integer"))
            }
            _ => interp.index_value(&x).map_err(|e| {
                if interp.matches(&e, &interp.g.exc.overflow_error.clone()) {
                    interp.value_error("bytes must be in range(0, 256)")
                } else {
                    e
                }
            })?,
        };
        if !(0..256).contains(&i) {
            return Err(interp.value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(new_bytes(interp, out))
}

fn decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "decode")?;
    let mut p = [None, None];
    kwparams(interp, &args, "decode", &["encoding", "errors"], 0, &mut p)?;
    let (c, errors) = match enc_args(interp, "decode", p[0], p[1]) {
        Ok(x) => x,
        Err(e) => return registry_fallback(interp, e, &args, p, false),
    };
    match decode_bytes(interp, b, c, &errors) {
        Ok(s) => Ok(owned(interp, s)),
        Err(e) => registry_fallback(interp, e, &args, p, false),
    }
}

/// `bytes(b).decode(...)` for `str(b, encoding, errors)` (used by `str.__new__`).
pub fn decode_value(
    interp: &Interp,
    b: &[u8],
    enc: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<String> {
    let (c, e) = enc_args(interp, "str", enc, errors)?;
    decode_bytes(interp, b, c, &e)
}

/// `str(b, encoding, errors)`: [`decode_value`], or the codec registry for a codec or
/// error handler the native path lacks (as `bytes.decode` does).
pub fn decode_value_any(
    interp: &mut Interp,
    b: &[u8],
    enc: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult {
    match decode_value(interp, b, enc, errors) {
        Ok(s) => Ok(interp.new_str(s)),
        Err(e) => {
            if !super::codec_registry::wants(interp, &e) {
                return Err(e);
            }
            let (Some(enc), Some(errors)) = (
                enc.map_or(Some("utf-8"), |v| v.as_str()),
                errors.map_or(Some("strict"), |v| v.as_str()),
            ) else {
                return Err(e);
            };
            let (enc, errors) = (enc.to_string(), errors.to_string());
            let bv = new_bytes(interp, b.to_vec());
            super::codec_registry::decode(interp, &bv, &enc, &errors)
        }
    }
}

fn hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "hex")?;
    let mut p = [None, None];
    kwparams(interp, &args, "hex", &["sep", "bytes_per_sep"], 0, &mut p)?;
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(b.len() * 3);
    let sep = match p[0] {
        None => None,
        Some(v) => {
            let s = match (v.as_str(), bytes_arg(v)) {
                (Some(s), _) => s.to_string(),
                (None, Some(x)) => String::from_utf8_lossy(x).into_owned(),
                _ => {
                    return Err(interp.type_error(format!(
                        "sep must be str or bytes, not {}",
                        interp.type_name(v)
                    )))
                }
            };
            if s.chars().count() != 1 {
                return Err(interp.value_error("sep must be length 1."));
            }
            if !s.is_ascii() {
                return Err(interp.value_error("sep must be ASCII."));
            }
            Some(s)
        }
    };
    let per = match p[1] {
        None => 1,
        Some(v) => ssize_arg(interp, v)?,
    };
    let group = per.unsigned_abs().max(1) as usize;
    for (i, &x) in b.iter().enumerate() {
        if let Some(sep) = &sep {
            if i > 0 && per != 0 {
                // Groups count from the right for a positive bytes_per_sep, from the left
                // for a negative one.
                let boundary = if per > 0 {
                    (b.len() - i) % group == 0
                } else {
                    i % group == 0
                };
                if boundary {
                    out.push_str(sep);
                }
            }
        }
        out.push(DIGITS[(x >> 4) as usize] as char);
        out.push(DIGITS[(x & 15) as usize] as char);
    }
    Ok(owned(interp, out))
}

fn fromhex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fromhex", 2, 2)?;
    let s = a[1].as_str().ok_or_else(|| {
        interp.type_error(format!(
            "fromhex() argument must be str, not {}",
            interp.type_name(&a[1])
        ))
    })?;
    let mut out = Vec::with_capacity(s.len() / 2);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) if i + 1 == chars.len() => {
                return Err(interp.value_error(
                    "fromhex() arg must contain an even number of hexadecimal digits",
                ));
            }
            (Some(_), None) => {
                let at = i + 1;
                return Err(interp.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {at}"
                )));
            }
            _ => {
                return Err(interp.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
        }
    }
    let b = new_bytes(interp, out);
    // A subclass's `fromhex` builds the subclass from the bytes (CPython: `cls(bytes)`).
    match &a[0] {
        Value::Obj(cls) if !cls.is(&interp.g.types.bytes) => interp.call(&a[0], Args::new(&[b])),
        _ => Ok(b),
    }
}

fn sub_arg<'a>(interp: &Interp, v: &'a Value, name: &str) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Some(b) = crate::buffer::bytes_like(interp.py, v) {
        return Ok(b);
    }
    if let Value::Int(i) = v {
        if (0..256).contains(i) {
            return Ok(std::borrow::Cow::Owned(vec![*i as u8]));
        }
        return Err(interp.value_error("byte must be in range(0, 256)"));
    }
    let _ = name;
    Err(interp.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        interp.type_name(v)
    )))
}

pub(crate) fn bytes_range(interp: &mut Interp, b: &[u8], a: &[Value]) -> PyResult<(usize, usize)> {
    let start = slice_index(interp, a.get(1))?;
    let end = slice_index(interp, a.get(2))?;
    let (s, e) = adjust_indices(start, end, b.len());
    Ok((s as usize, e.max(0) as usize))
}

fn bfind(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "find")?;
    let a = &args.pos()[1..];
    if a.is_empty() || a.len() > 3 {
        return Err(interp.type_error(super::strings::count_message(
            "bytes",
            "find",
            1,
            3,
            a.len(),
        )));
    }
    let sub = sub_arg(interp, &a[0], "find")?;
    let (s, e) = bytes_range(interp, b, a)?;
    if s > e || e - s < sub.len() {
        return Ok(Value::Int(-1));
    }
    let hay = &b[s..e];
    let r = if sub.is_empty() {
        Some(0)
    } else {
        memchr::memmem::find(hay, &sub)
    };
    Ok(Value::Int(r.map_or(-1, |i| (i + s) as i64)))
}

fn bcount(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = this(interp, &args, "count")?;
    let a = &args.pos()[1..];
    if a.is_empty() || a.len() > 3 {
        return Err(interp.type_error(super::strings::count_message(
            "bytes",
            "count",
            1,
            3,
            a.len(),
        )));
    }
    let sub = sub_arg(interp, &a[0], "count")?;
    let (s, e) = bytes_range(interp, b, a)?;
    if s > e {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int((e - s + 1) as i64));
    }
    // Non-overlapping occurrences, left to right (memmem's are).
    let n = memchr::memmem::find_iter(&b[s..e], &sub).count();
    Ok(Value::Int(n as i64))
}

fn bstartswith_impl(interp: &mut Interp, args: Args<'_>, name: &str, suffix: bool) -> PyResult {
    let b = this(interp, &args, name)?;
    let a = &args.pos()[1..];
    if a.is_empty() || a.len() > 3 {
        return Err(interp.type_error(super::strings::count_message("bytes", name, 1, 3, a.len())));
    }
    let (s, e) = bytes_range(interp, b, a)?;
    let check = |p: &[u8]| -> bool {
        if s > e || e - s < p.len() {
            return false;
        }
        let w = &b[s..e];
        if suffix {
            w.ends_with(p)
        } else {
            w.starts_with(p)
        }
    };
    if let Some(p) = crate::buffer::bytes_like(interp.py, &a[0]) {
        return Ok(Value::Bool(check(&p)));
    }
    if let Value::Obj(o) = &a[0] {
        if let Payload::Tuple(t) = o.payload() {
            for it in t.iter() {
                let p = crate::buffer::bytes_like(interp.py, it).ok_or_else(|| {
                    interp.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        interp.type_name(it)
                    ))
                })?;
                if check(&p) {
                    return Ok(Value::Bool(true));
                }
            }
            return Ok(Value::Bool(false));
        }
    }
    Err(interp.type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        interp.type_name(&a[0])
    )))
}

fn bstartswith(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bstartswith_impl(interp, args, "startswith", false)
}
fn bendswith(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bstartswith_impl(interp, args, "endswith", true)
}

fn bjoin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let sep = this(interp, &args, "join")?;
    let a = &args.pos()[1..];
    if a.len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(super::strings::count_message(
            "bytes",
            "join",
            1,
            1,
            a.len(),
        )));
    }
    let items = interp
        .collect(&a[0])
        .map_err(|e| super::strings::type_err_or(interp, e, "can only join an iterable"))?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = crate::buffer::bytes_like(interp.py, it) else {
            return Err(interp.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                interp.type_name(it)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_bytes(interp, out))
}

pub fn register(interp: &mut Interp) {
    let s = interp.g.types.str_.clone();
    add_method(interp, &s, "encode", str_encode);
    let t = interp.g.types.bytes.clone();
    add_static(interp, &t, "__new__", bytes_new);
    add_method(interp, &t, "decode", decode);
    add_method(interp, &t, "hex", hex);
    add_classmethod(interp, &t, "fromhex", fromhex);
    add_method(interp, &t, "find", bfind);
    add_method(interp, &t, "count", bcount);
    add_method(interp, &t, "startswith", bstartswith);
    add_method(interp, &t, "endswith", bendswith);
    add_method(interp, &t, "join", bjoin);
    super::add_repeat(interp, &t, bmul);
    for (name, f) in [
        ("__len__", blen as crate::interp::NativeFn),
        ("__getitem__", bgetitem),
        ("__iter__", biter),
        ("__contains__", bcontains),
        ("__hash__", bhash),
        ("__repr__", brepr),
        ("__bytes__", bbytes),
        ("__add__", badd),
        ("__eq__", beq),
        ("__ne__", bne),
        ("__lt__", blt),
        ("__le__", ble),
        ("__gt__", bgt),
        ("__ge__", bge),
    ] {
        add_method(interp, &t, name, f);
    }
}

// ---- the special methods, so that `bytes.__len__(b)` and instances of subclasses work
// (the interpreter's operators have their own paths for plain bytes) ----

/// The receiver (plain) and the one argument of a slot wrapper taking `n` arguments.
fn slot<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    n: usize,
) -> PyResult<(&'a Value, &'a [u8], &'a [Value])> {
    let (v, b) = this_value(interp, args, name)?;
    let rest = &args.pos()[1..];
    if args.has_kwargs() || rest.len() != n {
        return Err(interp.type_error(format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    Ok((v, b, rest))
}

fn blen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = slot(interp, &args, "__len__", 0)?;
    Ok(Value::Int(b.len() as i64))
}

fn bgetitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = slot(interp, &args, "__getitem__", 1)?;
    interp.getitem(v, &a[0])
}

fn biter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, _) = slot(interp, &args, "__iter__", 0)?;
    // An instance of a subclass is held by its iterator (it lives as long as the iteration).
    crate::builtins::containers::subclass_seq_iter(interp, &args.pos()[0])
        .map_or_else(|| interp.iter(v), Ok)
}

fn bcontains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = slot(interp, &args, "__contains__", 1)?;
    Ok(Value::Bool(bytes_contains(interp, b, &a[0])?))
}

/// `x in b` for bytes `b`: a byte value (an int in range(256)) or a bytes-like substring.
pub fn bytes_contains(interp: &mut Interp, b: &[u8], x: &Value) -> PyResult<bool> {
    if let Some(sub) = crate::buffer::bytes_like(interp.py, x) {
        return Ok(memchr::memmem::find(b, &sub).is_some());
    }
    let i = interp.index_value(x).map_err(|_| {
        interp.type_error(format!(
            "a bytes-like object is required, not '{}'",
            interp.type_name(x)
        ))
    })?;
    if !(0..256).contains(&i) {
        return Err(interp.value_error("byte must be in range(0, 256)"));
    }
    Ok(b.contains(&(i as u8)))
}

fn bhash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, _) = slot(interp, &args, "__hash__", 0)?;
    Ok(Value::Int(interp.hash(v)?))
}

fn brepr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, _) = slot(interp, &args, "__repr__", 0)?;
    Ok(interp.new_str(crate::repr::bytes_repr(b)))
}

fn bbytes(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, _) = slot(interp, &args, "__bytes__", 0)?;
    Ok(v.clone())
}

fn badd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, b, a) = slot(interp, &args, "__add__", 1)?;
    let Some(c) = crate::buffer::bytes_like(interp.py, &a[0]) else {
        return Err(interp.type_error(format!("can't concat {} to bytes", interp.type_name(&a[0]))));
    };
    let mut v = b.to_vec();
    v.extend_from_slice(&c);
    Ok(new_bytes(interp, v))
}

fn bmul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _, a) = slot(interp, &args, "__mul__", 1)?;
    let n = a[0].clone();
    interp.binary_op(gilvm_object::code::BinOp::Mul, v.clone(), n, false)
}

fn bcmp(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    op: gilvm_object::code::CmpOp,
) -> PyResult {
    let (_, b, a) = slot(interp, &args, name, 1)?;
    let Some(c) = bytes_arg(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    use gilvm_object::code::CmpOp;
    let o = b.cmp(c);
    Ok(Value::Bool(match op {
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    }))
}

fn beq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__eq__", gilvm_object::code::CmpOp::Eq)
}
fn bne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__ne__", gilvm_object::code::CmpOp::Ne)
}
fn blt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__lt__", gilvm_object::code::CmpOp::Lt)
}
fn ble(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__le__", gilvm_object::code::CmpOp::Le)
}
fn bgt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__gt__", gilvm_object::code::CmpOp::Gt)
}
fn bge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    bcmp(interp, args, "__ge__", gilvm_object::code::CmpOp::Ge)
}
