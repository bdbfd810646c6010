//! The escape codecs of `_codecs`: `unicode_escape` and `raw_unicode_escape` (str ↔ bytes
//! with Python's backslash escapes), `escape_encode`/`escape_decode` (bytes ↔ bytes, the
//! escapes of a bytes literal) and `readbuffer_encode`.
use gilvm_vm::{Args, Interp, NativeFn, PyResult};

use super::errors::{decode_bytes, Step};
use super::{bool_arg, bytes_val, data_arg, errors_arg, pair, pos_args, str_arg};

fn push_escaped(out: &mut Vec<u8>, c: u32) {
    let s = if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

fn unicode_escape_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "unicode_escape_encode", 1, 2)?;
    let s = str_arg(interp, "unicode_escape_encode", &a[0])?;
    errors_arg(interp, "unicode_escape_encode", a.get(1))?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            c if (c as u32) < 0x20 || (c as u32) >= 0x7f => {
                push_escaped(&mut out, gilvm_object::surrogate::code(c))
            }
            c => out.push(c as u8),
        }
    }
    Ok(pair(interp, bytes_val(interp, out), n))
}

fn raw_unicode_escape_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "raw_unicode_escape_encode", 1, 2)?;
    let s = str_arg(interp, "raw_unicode_escape_encode", &a[0])?;
    errors_arg(interp, "raw_unicode_escape_encode", a.get(1))?;
    let mut out = Vec::with_capacity(s.len());
    let mut n = 0;
    for c in s.chars() {
        n += 1;
        if (c as u32) < 0x100 {
            out.push(c as u32 as u8);
        } else {
            push_escaped(&mut out, gilvm_object::surrogate::code(c));
        }
    }
    Ok(pair(interp, bytes_val(interp, out), n))
}

fn hex_value(d: &[u8], i: usize, n: usize) -> Option<u32> {
    if i + n > d.len() {
        return None;
    }
    let mut v = 0u32;
    for &b in &d[i..i + n] {
        v = v * 16 + (b as char).to_digit(16)?;
    }
    Some(v)
}

/// One step of the `unicode_escape` decoder (`raw`: only `\u` and `\U` are escapes).
fn escape_step(d: &[u8], i: usize, raw: bool) -> Step {
    let b = d[i];
    if b != b'\\' {
        return Step::Char(b as char, 1);
    }
    if raw {
        // In raw mode a backslash escapes only when it is not itself escaped: count the
        // run of backslashes that ends here.
        let mut k = i;
        while k > 0 && d[k - 1] == b'\\' {
            k -= 1;
        }
        if (i - k) % 2 == 1 {
            return Step::Char('\\', 1);
        }
        let kind = d.get(i + 1).copied();
        let n = match kind {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => return Step::Char('\\', 1),
        };
        return match hex_value(d, i + 2, n) {
            Some(v) => match gilvm_object::surrogate::from_code(v) {
                Some(c) => Step::Char(c, 2 + n),
                None => Step::Invalid(2 + n, "\\Uxxxxxxxx out of range"),
            },
            None => {
                let mut j = i + 2;
                while j < d.len() && j < i + 2 + n && (d[j] as char).is_ascii_hexdigit() {
                    j += 1;
                }
                Step::Invalid(
                    j - i,
                    if n == 4 {
                        "truncated \\uXXXX escape"
                    } else {
                        "truncated \\UXXXXXXXX escape"
                    },
                )
            }
        };
    }
    let Some(&c) = d.get(i + 1) else {
        return Step::Invalid(1, "\\ at end of string");
    };
    let simple = match c {
        b'\n' => return Step::Many(String::new(), 2),
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'b' => Some('\u{8}'),
        b'f' => Some('\u{c}'),
        b't' => Some('\t'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b'v' => Some('\u{b}'),
        b'a' => Some('\u{7}'),
        _ => None,
    };
    if let Some(ch) = simple {
        return Step::Char(ch, 2);
    }
    if (b'0'..=b'7').contains(&c) {
        let mut v = 0u32;
        let mut j = i + 1;
        while j < d.len() && j < i + 4 && (b'0'..=b'7').contains(&d[j]) {
            v = v * 8 + (d[j] - b'0') as u32;
            j += 1;
        }
        return Step::Char(char::from_u32(v).unwrap_or('\u{fffd}'), j - i);
    }
    let (n, msg) = match c {
        b'x' => (2, "truncated \\xXX escape"),
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        b'N' => {
            // \N{NAME}
            if d.get(i + 2) == Some(&b'{') {
                if let Some(close) = d[i + 3..].iter().position(|&x| x == b'}') {
                    let name = &d[i + 3..i + 3 + close];
                    let name = String::from_utf8_lossy(name);
                    if !name.is_empty() {
                        return match rustpython_unicode::data::lookup_character(&name) {
                            Some(ch) => Step::Char(ch, close + 4),
                            None => Step::Invalid(close + 4, "unknown Unicode character name"),
                        };
                    }
                }
            }
            return Step::Invalid((d.len() - i).min(2), "malformed \\N character escape");
        }
        other => return Step::Many(format!("\\{}", other as char), 2),
    };
    match hex_value(d, i + 2, n) {
        Some(v) => match gilvm_object::surrogate::from_code(v) {
            Some(ch) => Step::Char(ch, 2 + n),
            None => Step::Invalid(2 + n, "illegal Unicode character"),
        },
        None => {
            let mut j = i + 2;
            while j < d.len() && j < i + 2 + n && (d[j] as char).is_ascii_hexdigit() {
                j += 1;
            }
            Step::Invalid(j - i, msg)
        }
    }
}

fn escape_decoder(interp: &mut Interp, args: Args<'_>, fname: &str, raw: bool) -> PyResult {
    let a = pos_args(interp, &args, fname, 1, 3)?;
    let d: Vec<u8> = match a[0].as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(interp, &a[0])?.into_owned(),
    };
    let errors = errors_arg(interp, fname, a.get(1))?;
    let fin = bool_arg(interp, a.get(2), true)?;
    let encoding = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let (s, n) = decode_bytes(interp, encoding, &a[0], &d, &errors, fin, &|d, i| {
        let st = escape_step(d, i, raw);
        // Not final: an escape cut by the end of the data waits for more.
        if !fin {
            if let Step::Invalid(len, r) = &st {
                if i + len >= d.len() {
                    return Step::Incomplete(r);
                }
            }
        }
        st
    })?;
    Ok(pair(interp, interp.new_str(s), n))
}

fn unicode_escape_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    escape_decoder(interp, args, "unicode_escape_decode", false)
}

fn raw_unicode_escape_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    escape_decoder(interp, args, "raw_unicode_escape_decode", true)
}

fn escape_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "escape_encode", 1, 2)?;
    let Some(d) = gilvm_vm::buffer::Exporter::of(&a[0])
        .filter(|e| matches!(e, gilvm_vm::buffer::Exporter::Bytes(_)))
        .map(|e| e.read(interp.py, |b| b.to_vec()))
    else {
        return Err(interp.type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            interp.type_name(&a[0])
        )));
    };
    errors_arg(interp, "escape_encode", a.get(1))?;
    let mut out = Vec::with_capacity(d.len());
    for &b in &d {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    Ok(pair(interp, bytes_val(interp, out), d.len()))
}

fn escape_decode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "escape_decode", 1, 2)?;
    let d: Vec<u8> = match a[0].as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(interp, &a[0])?.into_owned(),
    };
    let errors = errors_arg(interp, "escape_decode", a.get(1))?;
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        let b = d[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&c) = d.get(i + 1) else {
            return Err(interp.value_error("Trailing \\ in string"));
        };
        i += 2;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < d.len() && (b'0'..=b'7').contains(&d[i]) {
                    v = v * 8 + (d[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v as u8);
            }
            b'x' => match hex_value(&d, i, 2) {
                Some(v) => {
                    out.push(v as u8);
                    i += 2;
                }
                None => match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push(b'?'),
                    "strict" => {
                        return Err(
                            interp.value_error(format!("invalid \\x escape at position {}", i - 2))
                        )
                    }
                    e => {
                        return Err(interp.value_error(format!(
                            "decoding error; unknown error handling code: {e}"
                        )))
                    }
                },
            },
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(pair(interp, bytes_val(interp, out), d.len()))
}

fn readbuffer_encode(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = pos_args(interp, &args, "readbuffer_encode", 1, 2)?;
    let d: Vec<u8> = match a[0].as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => data_arg(interp, &a[0])?.into_owned(),
    };
    errors_arg(interp, "readbuffer_encode", a.get(1))?;
    let n = d.len();
    Ok(pair(interp, bytes_val(interp, d), n))
}

pub(super) const FUNCS: &[(&str, NativeFn)] = &[
    ("unicode_escape_encode", unicode_escape_encode),
    ("unicode_escape_decode", unicode_escape_decode),
    ("raw_unicode_escape_encode", raw_unicode_escape_encode),
    ("raw_unicode_escape_decode", raw_unicode_escape_decode),
    ("escape_encode", escape_encode),
    ("escape_decode", escape_decode),
    ("readbuffer_encode", readbuffer_encode),
];
