//! The Unicode codecs of `_codecs`: UTF-8, UTF-16 and UTF-32 (plain with a BOM, `_le`,
//! `_be`, and the `_ex_` decoders that report the byte order they found), Latin-1 and
//! ASCII. Each returns `(result, consumed)` as CPython's.
use gilvm_object::surrogate;
use gilvm_vm::{Args, Interp, NativeFn, PyResult, Value};

use super::errors::{decode_bytes, encode_chars, Step};
use super::{bool_arg, bytes_val, data_arg, errors_arg, pair, pos_args, str_arg};

fn utf8_step(d: &[u8], i: usize) -> Step {
    let rest = &d[i..];
    let n = rest.len().min(4);
    let first = |s: &str| {
        let c = s.chars().next().unwrap_or('\u{fffd}');
        if surrogate::is_surrogate(c) {
            return Step::Invalid(4, RESERVED);
        }
        Step::Char(c, c.len_utf8())
    };
    match std::str::from_utf8(&rest[..n]) {
        Ok(s) => first(s),
        Err(e) if e.valid_up_to() > 0 => {
            first(std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("\u{fffd}"))
        }
        Err(e) => {
            let b = rest[0];
            if (0x80..=0xC1).contains(&b) || b >= 0xF5 {
                return Step::Invalid(1, "invalid start byte");
            }
            match e.error_len() {
                Some(len) => Step::Invalid(len, "invalid continuation byte"),
                None => Step::Incomplete("unexpected end of data"),
            }
        }
    }
}

/// Why a decoder refuses U+10F000..U+10F7FF, where gilvm stores lone surrogates.
const RESERVED: &str = "code point reserved by gilvm to store lone surrogates";

/// Decodes UTF-8 with `errors`; (text, consumed).
pub(crate) fn decode_utf8(
    interp: &mut Interp,
    obj: &Value,
    data: &[u8],
    errors: &str,
    is_final: bool,
) -> PyResult<(String, usize)> {
    if let Ok(s) = std::str::from_utf8(data) {
        if !surrogate::contains(s) {
            return Ok((s.to_string(), data.len()));
        }
    }
    decode_bytes(interp, "utf-8", obj, data, errors, is_final, &utf8_step)
}

fn utf_8_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "utf_8_encode", 1, 2)?;
    let s = str_arg(interp, "utf_8_encode", &a[0])?;
    let errors = errors_arg(interp, "utf_8_encode", a.get(1))?;
    let n = s.chars().count();
    if !surrogate::contains(&s) {
        return Ok(pair(interp, bytes_val(interp, s.as_bytes().to_vec()), n));
    }
    let out = encode_chars(
        interp,
        "utf-8",
        &a[0],
        &errors,
        "surrogates not allowed",
        &|c, out| {
            if surrogate::is_surrogate(c) {
                return false;
            }
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            true
        },
    )?;
    Ok(pair(interp, bytes_val(interp, out), n))
}

fn utf_8_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "utf_8_decode", 1, 3)?;
    let d = data_arg(interp, &a[0])?.into_owned();
    let errors = errors_arg(interp, "utf_8_decode", a.get(1))?;
    let fin = bool_arg(interp, a.get(2), false)?;
    let (s, n) = decode_utf8(interp, &a[0], &d, &errors, fin)?;
    Ok(pair(interp, interp.new_str(s), n))
}

fn single_byte(
    interp: &mut Interp,
    args: Args<'_>,
    fname: &str,
    encoding: &str,
    limit: u32,
    encode: bool,
) -> PyResult {
    let a = pos_args(interp, &args, fname, 1, 2)?;
    let errors = errors_arg(interp, fname, a.get(1))?;
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    if encode {
        let s = str_arg(interp, fname, &a[0])?;
        let n = s.chars().count();
        let out = encode_chars(interp, encoding, &a[0], &errors, reason, &|c, out| {
            if (c as u32) < limit {
                out.push(c as u32 as u8);
                true
            } else {
                false
            }
        })?;
        Ok(pair(interp, bytes_val(interp, out), n))
    } else {
        let d = data_arg(interp, &a[0])?.into_owned();
        let (s, n) = decode_bytes(interp, encoding, &a[0], &d, &errors, true, &|d, i| {
            let b = d[i];
            if (b as u32) < limit {
                Step::Char(b as char, 1)
            } else {
                Step::Invalid(1, reason)
            }
        })?;
        Ok(pair(interp, interp.new_str(s), n))
    }
}

fn latin_1_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    single_byte(interp, args, "latin_1_encode", "latin-1", 0x100, true)
}
fn latin_1_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    single_byte(interp, args, "latin_1_decode", "latin-1", 0x100, false)
}
fn ascii_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    single_byte(interp, args, "ascii_encode", "ascii", 0x80, true)
}
fn ascii_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    single_byte(interp, args, "ascii_decode", "ascii", 0x80, false)
}

// ---- UTF-16 / UTF-32 ----

/// byteorder: -1 little, 1 big, 0 little with a BOM (encoding) or detect (decoding).
fn utf_n_encode(
    interp: &mut Interp,
    args: Args<'_>,
    fname: &str,
    width: usize,
    fixed: Option<i64>,
) -> PyResult {
    let max = if fixed.is_some() { 2 } else { 3 };
    let a = pos_args(interp, &args, fname, 1, max)?;
    let s = str_arg(interp, fname, &a[0])?;
    let errors = errors_arg(interp, fname, a.get(1))?;
    let bo = match fixed {
        Some(b) => b,
        None => match a.get(2) {
            Some(v) => interp.index_value(v)?,
            None => 0,
        },
    };
    let big = bo > 0;
    let mut out = Vec::with_capacity(s.len() * width + width);
    let put = |u: u32, out: &mut Vec<u8>| {
        if width == 2 {
            let b = (u as u16).to_le_bytes();
            if big {
                out.extend([b[1], b[0]]);
            } else {
                out.extend(b);
            }
        } else if big {
            out.extend(u.to_be_bytes());
        } else {
            out.extend(u.to_le_bytes());
        }
    };
    if bo == 0 {
        put(0xFEFF, &mut out);
    }
    let one = |c: char, out: &mut Vec<u8>| {
        if surrogate::is_surrogate(c) {
            return false;
        }
        if width == 2 {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                put(*u as u32, out);
            }
        } else {
            put(c as u32, out);
        }
        true
    };
    let n = s.chars().count();
    if surrogate::contains(&s) {
        // "utf_16_le_encode" → "utf-16-le" (CPython's name in the error).
        let encoding = fname.trim_end_matches("_encode").replace('_', "-");
        let encoding = encoding.as_str();
        let body = encode_chars(
            interp,
            encoding,
            &a[0],
            &errors,
            "surrogates not allowed",
            &one,
        )?;
        out.extend_from_slice(&body);
    } else {
        for c in s.chars() {
            one(c, &mut out);
        }
    }
    Ok(pair(interp, bytes_val(interp, out), n))
}

fn unit(d: &[u8], i: usize, width: usize, big: bool) -> u32 {
    if width == 2 {
        let (a, b) = (d[i] as u32, d[i + 1] as u32);
        if big {
            (a << 8) | b
        } else {
            (b << 8) | a
        }
    } else {
        let x = [d[i], d[i + 1], d[i + 2], d[i + 3]];
        if big {
            u32::from_be_bytes(x)
        } else {
            u32::from_le_bytes(x)
        }
    }
}

fn utf16_step(big: bool) -> impl Fn(&[u8], usize) -> Step {
    move |d, i| {
        if d.len() - i < 2 {
            return Step::Incomplete("truncated data");
        }
        let u = unit(d, i, 2, big);
        if !(0xD800..0xE000).contains(&u) {
            return Step::Char(char::from_u32(u).unwrap_or('\u{fffd}'), 2);
        }
        if u >= 0xDC00 {
            return Step::Invalid(2, "illegal encoding");
        }
        if d.len() - i < 4 {
            return Step::Incomplete("unexpected end of data");
        }
        let v = unit(d, i + 2, 2, big);
        if !(0xDC00..0xE000).contains(&v) {
            return Step::Invalid(2, "illegal UTF-16 surrogate");
        }
        let c = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
        if surrogate::is_reserved(c) {
            return Step::Invalid(4, RESERVED);
        }
        Step::Char(char::from_u32(c).unwrap_or('\u{fffd}'), 4)
    }
}

fn utf32_step(big: bool) -> impl Fn(&[u8], usize) -> Step {
    move |d, i| {
        if d.len() - i < 4 {
            return Step::Incomplete("truncated data");
        }
        let u = unit(d, i, 4, big);
        if (0xD800..0xE000).contains(&u) {
            return Step::Invalid(4, "code point in surrogate range");
        }
        if surrogate::is_reserved(u) {
            return Step::Invalid(4, RESERVED);
        }
        match char::from_u32(u) {
            Some(c) => Step::Char(c, 4),
            None => Step::Invalid(4, "code point not in range(0x110000)"),
        }
    }
}

/// Decodes UTF-16/32: `fixed` is the byte order of the `_le`/`_be` forms; otherwise a BOM
/// is looked for. Returns the text, the bytes consumed and the byte order found.
fn utf_n_decode_impl(
    interp: &mut Interp,
    obj: &Value,
    d: &[u8],
    errors: &str,
    width: usize,
    mut bo: i64,
    is_final: bool,
) -> PyResult<(String, usize, i64)> {
    let encoding = match (width, bo) {
        (2, -1) => "utf-16-le",
        (2, 1) => "utf-16-be",
        (2, _) => "utf-16",
        (_, -1) => "utf-32-le",
        (_, 1) => "utf-32-be",
        _ => "utf-32",
    };
    let mut skip = 0;
    if bo == 0 && d.len() >= width {
        let le = unit(d, 0, width, false);
        if le == 0xFEFF {
            bo = -1;
            skip = width;
        } else if (width == 2 && le == 0xFFFE) || (width == 4 && le == 0xFFFE0000) {
            bo = 1;
            skip = width;
        }
    }
    let big = bo > 0;
    // Positions in errors count from the start of the whole input: decode the rest with
    // the BOM's bytes still in front.
    let step = |dd: &[u8], i: usize| {
        if width == 2 {
            utf16_step(big)(dd, i)
        } else {
            utf32_step(big)(dd, i)
        }
    };
    let (s, n) = if skip > 0 {
        let stepper = |dd: &[u8], i: usize| {
            if i < skip {
                Step::Char('\u{feff}', skip - i)
            } else {
                step(dd, i)
            }
        };
        let (mut s, n) = decode_bytes(interp, encoding, obj, d, errors, is_final, &stepper)?;
        if s.starts_with('\u{feff}') {
            s.drain(..'\u{feff}'.len_utf8());
        }
        (s, n)
    } else {
        decode_bytes(interp, encoding, obj, d, errors, is_final, &step)?
    };
    Ok((s, n, bo))
}

fn utf_n_decode(
    interp: &mut Interp,
    args: Args<'_>,
    fname: &str,
    width: usize,
    fixed: Option<i64>,
) -> PyResult {
    let a = pos_args(interp, &args, fname, 1, 3)?;
    let d = data_arg(interp, &a[0])?.into_owned();
    let errors = errors_arg(interp, fname, a.get(1))?;
    let fin = bool_arg(interp, a.get(2), false)?;
    let (s, n, _) = utf_n_decode_impl(interp, &a[0], &d, &errors, width, fixed.unwrap_or(0), fin)?;
    Ok(pair(interp, interp.new_str(s), n))
}

fn utf_n_ex_decode(interp: &mut Interp, args: Args<'_>, fname: &str, width: usize) -> PyResult {
    let a = pos_args(interp, &args, fname, 1, 4)?;
    let d = data_arg(interp, &a[0])?.into_owned();
    let errors = errors_arg(interp, fname, a.get(1))?;
    let bo = match a.get(2) {
        Some(v) => interp.index_value(v)?,
        None => 0,
    };
    let fin = bool_arg(interp, a.get(3), false)?;
    let (s, n, bo) = utf_n_decode_impl(interp, &a[0], &d, &errors, width, bo, fin)?;
    let s = interp.new_str(s);
    Ok(interp.new_tuple(vec![s, Value::Int(n as i64), Value::Int(bo)]))
}

fn utf_16_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_16_encode", 2, None)
}
fn utf_16_le_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_16_le_encode", 2, Some(-1))
}
fn utf_16_be_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_16_be_encode", 2, Some(1))
}
fn utf_32_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_32_encode", 4, None)
}
fn utf_32_le_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_32_le_encode", 4, Some(-1))
}
fn utf_32_be_encode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_encode(i, a, "utf_32_be_encode", 4, Some(1))
}
fn utf_16_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_16_decode", 2, None)
}
fn utf_16_le_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_16_le_decode", 2, Some(-1))
}
fn utf_16_be_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_16_be_decode", 2, Some(1))
}
fn utf_32_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_32_decode", 4, None)
}
fn utf_32_le_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_32_le_decode", 4, Some(-1))
}
fn utf_32_be_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_decode(i, a, "utf_32_be_decode", 4, Some(1))
}
fn utf_16_ex_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_ex_decode(i, a, "utf_16_ex_decode", 2)
}
fn utf_32_ex_decode(i: &mut Interp, a: Args<'_>) -> PyResult {
    utf_n_ex_decode(i, a, "utf_32_ex_decode", 4)
}

pub(super) const FUNCS: &[(&str, NativeFn)] = &[
    ("utf_8_encode", utf_8_encode),
    ("utf_8_decode", utf_8_decode),
    ("latin_1_encode", latin_1_encode),
    ("latin_1_decode", latin_1_decode),
    ("ascii_encode", ascii_encode),
    ("ascii_decode", ascii_decode),
    ("utf_16_encode", utf_16_encode),
    ("utf_16_le_encode", utf_16_le_encode),
    ("utf_16_be_encode", utf_16_be_encode),
    ("utf_16_decode", utf_16_decode),
    ("utf_16_le_decode", utf_16_le_decode),
    ("utf_16_be_decode", utf_16_be_decode),
    ("utf_16_ex_decode", utf_16_ex_decode),
    ("utf_32_encode", utf_32_encode),
    ("utf_32_le_encode", utf_32_le_encode),
    ("utf_32_be_encode", utf_32_be_encode),
    ("utf_32_decode", utf_32_decode),
    ("utf_32_le_decode", utf_32_le_decode),
    ("utf_32_be_decode", utf_32_be_decode),
    ("utf_32_ex_decode", utf_32_ex_decode),
];
