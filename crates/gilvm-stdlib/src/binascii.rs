//! The `binascii` module (CPython's `Modules/binascii.c`): base64 (with `strict_mode` and
//! `newline`), hex (with `sep`/`bytes_per_sep`), `crc32`, `crc_hqx`, uuencode, and the
//! exceptions `Error` (a `ValueError`) and `Incomplete`.
//!
//! The `a2b_*` functions take bytes-like objects or ASCII-only strings, as CPython's do.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::{PyErr, PyResult};
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{self, Statics};

use crate::common::{buffer_arg, error_class, new_bytes};

struct Types {
    error: ObjRef,
    incomplete: ObjRef,
}
static TYPES: OnceLock<Statics<Types>> = OnceLock::new();

fn error(interp: &Interp, msg: impl Into<String>) -> PyErr {
    interp.err(&TYPES.get().expect("binascii initialized").0.error, msg)
}

/// A bytes-like argument, or an ASCII str (the `a2b_*` functions).
fn ascii_arg(interp: &Interp, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(interp.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = gilvm_vm::buffer::bytes_like(interp.py, v) {
        return Ok(b.into_owned());
    }
    Err(interp.type_error(format!(
        "argument should be bytes, buffer or ASCII string, not '{}'",
        interp.type_name(v)
    )))
}

/// A keyword-only boolean option (truth value).
fn flag(interp: &mut Interp, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => interp.truthy(v),
    }
}

/// Binds one positional-only parameter then keyword-only ones.
fn bind_kwonly(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
    npos: usize,
    kwonly: &[&str],
) -> PyResult<(Vec<Value>, Vec<Option<Value>>)> {
    let p = args.pos();
    if p.len() != npos {
        return Err(interp.type_error(if p.len() < npos {
            format!("{fname}() missing required argument 'data' (pos 1)")
        } else {
            format!(
                "{fname}() takes exactly {npos} positional argument{} ({} given)",
                if npos == 1 { "" } else { "s" },
                p.len()
            )
        }));
    }
    let mut kw = vec![None; kwonly.len()];
    for (k, v) in args.kwargs() {
        match kwonly.iter().position(|n| *n == k) {
            Some(i) => kw[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    Ok((p.to_vec(), kw))
}

// ---- base64 ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Encodes `data` as base64 (with `=` padding).
pub fn b64encode(data: &[u8], out: &mut Vec<u8>) {
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
}

/// Decodes base64 as CPython 3.14's `a2b_base64`. Not `strict`: characters outside the
/// alphabet are skipped, and so are pad characters (decoding goes on after them; they only
/// count for the final padding check). `strict`: only alphabet characters, then the
/// padding that completes the last quad, then nothing.
fn b64decode(interp: &Interp, data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let mut quad = 0u8;
    let mut left: u32 = 0;
    let mut pads = 0usize;
    let mut padding_started = false;
    let one_more = |out: &Vec<u8>| {
        format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )
    };
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict {
                if quad == 0 {
                    return Err(error(
                        interp,
                        if i == 0 {
                            "Leading padding not allowed"
                        } else {
                            "Excess padding not allowed"
                        },
                    ));
                }
                if quad == 1 {
                    return Err(error(interp, one_more(&out)));
                }
                pads += 1;
                if quad as usize + pads >= 4 {
                    return match data.get(i + 1) {
                        None => Ok(out),
                        Some(b'=') => Err(error(interp, "Excess padding not allowed")),
                        Some(_) => Err(error(interp, "Excess data after padding")),
                    };
                }
            } else if quad >= 2 {
                pads += 1;
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error(interp, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(interp, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v as u32;
            }
            1 => {
                quad = 2;
                out.push(((left << 2) | (v as u32 >> 4)) as u8);
                left = v as u32 & 0x0f;
            }
            2 => {
                quad = 3;
                out.push(((left << 4) | (v as u32 >> 2)) as u8);
                left = v as u32 & 0x03;
            }
            _ => {
                quad = 0;
                out.push(((left << 6) | v as u32) as u8);
                left = 0;
            }
        }
    }
    if quad == 1 {
        return Err(error(interp, one_more(&out)));
    }
    if quad != 0 && quad as usize + pads < 4 {
        return Err(error(interp, "Incorrect padding"));
    }
    Ok(out)
}

fn a2b_base64(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (p, kw) = bind_kwonly(interp, &args, "a2b_base64", 1, &["strict_mode"])?;
    let strict = flag(interp, &kw[0])?;
    let data = ascii_arg(interp, &p[0])?;
    let out = b64decode(interp, &data, strict)?;
    Ok(new_bytes(interp, out))
}

fn b2a_base64(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (p, kw) = bind_kwonly(interp, &args, "b2a_base64", 1, &["newline"])?;
    let newline = match &kw[0] {
        None => true,
        Some(v) => interp.truthy(v)?,
    };
    let data = buffer_arg(interp, &p[0])?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    b64encode(&data, &mut out);
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(interp, out))
}

// ---- hex ----

/// `data` as hex digits with `sep` every `per` bytes (from the right when `per` > 0, as
/// `bytes.hex`).
pub fn hex_with_sep(data: &[u8], sep: Option<u8>, per: i64) -> Vec<u8> {
    const D: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let (Some(s), true) = (sep, group > 0 && i > 0) {
            let boundary = if per > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(D[(b >> 4) as usize]);
        out.push(D[(b & 15) as usize]);
    }
    out
}

fn hexlify_impl(interp: &mut Interp, args: Args<'_>, fname: &str) -> PyResult {
    let a = util::bind(interp, &args, fname, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = buffer_arg(interp, a[0].as_ref().unwrap_or(&Value::None))?.into_owned();
    let sep = match &a[1] {
        None => None,
        Some(v) => {
            let s: Vec<u8> = if let Some(s) = v.as_str() {
                if !s.is_ascii() {
                    return Err(interp.value_error("sep must be ASCII."));
                }
                s.as_bytes().to_vec()
            } else {
                buffer_arg(interp, v)?.into_owned()
            };
            if s.len() != 1 {
                return Err(interp.value_error("sep must be length 1."));
            }
            Some(s[0])
        }
    };
    let per = match &a[2] {
        None => 1,
        Some(v) => interp.index_value(v)?,
    };
    Ok(new_bytes(interp, hex_with_sep(&data, sep, per)))
}

fn hexlify(interp: &mut Interp, args: Args<'_>) -> PyResult {
    hexlify_impl(interp, args, "hexlify")
}

fn b2a_hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    hexlify_impl(interp, args, "b2a_hex")
}

fn unhexlify_impl(interp: &mut Interp, args: Args<'_>, fname: &str) -> PyResult {
    let p = args.exact(interp, fname, 1, 1)?;
    let data = ascii_arg(interp, &p[0])?;
    if data.len() % 2 != 0 {
        return Err(error(interp, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let h = (pair[0] as char).to_digit(16);
        let l = (pair[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(interp, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(interp, out))
}

fn unhexlify(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unhexlify_impl(interp, args, "unhexlify")
}

fn a2b_hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unhexlify_impl(interp, args, "a2b_hex")
}

// ---- checksums ----

/// The CRC-32 of `data` continuing from `crc` (zlib's polynomial), as `zlib.crc32`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    static TABLE: OnceLock<[u32; 256]> = OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    let mut c = !crc;
    for b in data {
        c = t[((c ^ *b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// An unsigned 32-bit start value (any int, reduced modulo 2**32 as CPython does).
pub fn u32_start(interp: &mut Interp, v: Option<&Value>) -> PyResult<u32> {
    let Some(v) = v else { return Ok(0) };
    match crate::common::int_arg(interp, v)? {
        Some(b) => {
            let m: num_bigint::BigInt = num_bigint::BigInt::from(1u64 << 32);
            let r = ((b % &m) + &m) % &m;
            Ok(r.to_u32_digits().1.first().copied().unwrap_or(0))
        }
        None => Err(interp.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            interp.type_name(v)
        ))),
    }
}

fn crc32_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "crc32", 1, 2)?;
    let start = u32_start(interp, p.get(1))?;
    let data = buffer_arg(interp, &p[0])?;
    Ok(Value::Int(crc32(&data, start) as i64))
}

fn crc_hqx(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "crc_hqx", 2, 2)?;
    let start = u32_start(interp, p.get(1))? & 0xffff;
    let data = buffer_arg(interp, &p[0])?;
    let mut crc = start as u16;
    for b in data.iter() {
        crc ^= (*b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(Value::Int(crc as i64))
}

// ---- uuencode ----

fn a2b_uu(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let p = args.exact(interp, "a2b_uu", 1, 1)?;
    let data = ascii_arg(interp, &p[0])?;
    let Some((&first, line)) = data.split_first() else {
        return Err(error(interp, "Missing length byte"));
    };
    let n = (first.wrapping_sub(b' ') & 0x3f) as usize;
    let mut out = Vec::with_capacity(n);
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut i = 0;
    // Characters past the end of the line, and line ends, count as zero bits (spaces
    // eaten at the end of a line).
    while out.len() < n {
        let c = line.get(i).copied();
        i += 1;
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) if !(b' '..=b' ' + 64).contains(&c) => {
                return Err(error(interp, "Illegal char"));
            }
            Some(c) => ((c - b' ') & 0x3f) as u32,
        };
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    // The rest of the line may only be padding.
    for &c in line.iter().skip(i) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(interp, "Trailing garbage"));
        }
    }
    Ok(new_bytes(interp, out))
}

fn b2a_uu(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (p, kw) = bind_kwonly(interp, &args, "b2a_uu", 1, &["backtick"])?;
    let backtick = flag(interp, &kw[0])?;
    let data = buffer_arg(interp, &p[0])?;
    if data.len() > 45 {
        return Err(error(interp, "At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![enc(data.len() as u32)];
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for s in [18, 12, 6, 0] {
            out.push(enc((n >> s) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(interp, out))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    if TYPES.get().is_none() {
        let error = error_class(interp, m, "Error", "ValueError", "binascii")?;
        let incomplete = error_class(interp, m, "Incomplete", "Exception", "binascii")?;
        let _ = TYPES.set(Statics(Types { error, incomplete }));
    }
    let t = &TYPES.get().expect("set above").0;
    interp.add_value(m, "Error", Value::Obj(t.error.clone()));
    interp.add_value(m, "Incomplete", Value::Obj(t.incomplete.clone()));
    interp.add_function(m, "a2b_base64", a2b_base64);
    interp.add_function(m, "b2a_base64", b2a_base64);
    interp.add_function(m, "hexlify", hexlify);
    interp.add_function(m, "b2a_hex", b2a_hex);
    interp.add_function(m, "unhexlify", unhexlify);
    interp.add_function(m, "a2b_hex", a2b_hex);
    interp.add_function(m, "crc32", crc32_fn);
    interp.add_function(m, "crc_hqx", crc_hqx);
    interp.add_function(m, "a2b_uu", a2b_uu);
    interp.add_function(m, "b2a_uu", b2a_uu);
    Ok(())
}
