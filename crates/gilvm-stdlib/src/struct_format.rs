//! `_struct`'s format strings and the conversion of one value to and from its bytes.
//!
//! A format (`"<hi4s"`) is parsed once into a [`Layout`]: its byte order and size mode,
//! the items with their offsets (native mode aligns each item to its size, as a C
//! compiler lays out a struct), the total size and the number of values it packs.
//! Parsing and the byte conversions run no Python code; the argument conversions that
//! may (`__index__`, `__float__`, `__bool__`) are done by the caller (`struct_mod.rs`)
//! before the bytes are written.
use num_bigint::BigInt;

/// The byte order and size mode of a format (its first character).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// `@` (or nothing): native order, native sizes, native alignment.
    Native,
    /// `=`: native order, standard sizes, no alignment.
    NativeStd,
    /// `<`.
    Little,
    /// `>` and `!`.
    Big,
}

impl Mode {
    pub fn little(self) -> bool {
        match self {
            Mode::Native | Mode::NativeStd => cfg!(target_endian = "little"),
            Mode::Little => true,
            Mode::Big => false,
        }
    }
}

/// One item of a layout: a code that packs one value (`s` and `p` pack one value of
/// `len` bytes).
#[derive(Clone, Debug)]
pub struct Item {
    pub code: u8,
    pub offset: usize,
    /// Bytes the item takes.
    pub size: usize,
}

/// A parsed format.
#[derive(Debug)]
pub struct Layout {
    pub format: String,
    pub mode: Mode,
    pub items: Vec<Item>,
    pub size: usize,
}

/// Why a format is invalid (`struct.error`'s message).
pub type FormatError = &'static str;

/// The size of `code` in mode `mode` (None: not a format character of that mode).
fn code_size(code: u8, mode: Mode) -> Option<usize> {
    let native = mode == Mode::Native;
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                std::mem::size_of::<std::ffi::c_long>()
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => std::mem::size_of::<usize>(),
        _ => return None,
    })
}

/// Parses `fmt` (CPython's rules: an optional byte-order character, then codes each with
/// an optional repeat count; whitespace between codes is ignored).
pub fn parse(fmt: &str) -> Result<Layout, FormatError> {
    let bytes = fmt.as_bytes();
    if bytes.contains(&0) {
        return Err("embedded null character");
    }
    let (mode, rest) = match bytes.first() {
        Some(b'@') => (Mode::Native, &bytes[1..]),
        Some(b'=') => (Mode::NativeStd, &bytes[1..]),
        Some(b'<') => (Mode::Little, &bytes[1..]),
        Some(b'>') | Some(b'!') => (Mode::Big, &bytes[1..]),
        _ => (Mode::Native, bytes),
    };
    let mut items = Vec::new();
    let mut off: usize = 0;
    let mut i = 0;
    const TOO_LONG: FormatError = "total struct size too long";
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: usize = 1;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < rest.len() && rest[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((rest[i] - b'0') as usize))
                    .ok_or(TOO_LONG)?;
                i += 1;
            }
            if i >= rest.len() {
                return Err("repeat count given without format specifier");
            }
            count = n;
        }
        let code = rest[i];
        i += 1;
        let size = code_size(code, mode).ok_or("bad char in struct format")?;
        if mode == Mode::Native && !matches!(code, b's' | b'p' | b'x' | b'c') {
            // Align to the item's size.
            off = off.checked_add(size - 1).ok_or(TOO_LONG)? / size * size;
        }
        match code {
            b'x' => off = off.checked_add(count).ok_or(TOO_LONG)?,
            b's' | b'p' => {
                items.push(Item {
                    code,
                    offset: off,
                    size: count,
                });
                off = off.checked_add(count).ok_or(TOO_LONG)?;
            }
            _ => {
                let total = size.checked_mul(count).ok_or(TOO_LONG)?;
                off.checked_add(total).ok_or(TOO_LONG)?;
                for k in 0..count {
                    items.push(Item {
                        code,
                        offset: off + k * size,
                        size,
                    });
                }
                off += total;
            }
        }
        if off > isize::MAX as usize {
            return Err(TOO_LONG);
        }
    }
    Ok(Layout {
        format: fmt.to_string(),
        mode,
        items,
        size: off,
    })
}

/// A value converted for packing (the Python-side conversions already done).
pub enum Arg {
    Int(BigInt),
    Float(f64),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// Why a value cannot be packed: the exception kind and message.
pub enum PackError {
    Struct(String),
    Overflow(String),
}

fn int_range(code: u8, size: usize) -> (BigInt, BigInt) {
    let bits = size * 8;
    if code.is_ascii_uppercase() || code == b'P' {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    } else {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    }
}

fn put_uint(out: &mut [u8], v: u64, little: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if little { k } else { n - 1 - k } * 8;
        *b = (v >> shift) as u8;
    }
}

fn get_uint(b: &[u8], little: bool) -> u64 {
    let mut v: u64 = 0;
    let n = b.len();
    for k in 0..n {
        let byte = if little { b[n - 1 - k] } else { b[k] };
        v = (v << 8) | byte as u64;
    }
    v
}

/// Writes one value at `item.offset` of `out` (which is at least `layout.size` long).
pub fn pack_item(mode: Mode, item: &Item, arg: Arg, out: &mut [u8]) -> Result<(), PackError> {
    let little = mode.little();
    let dst = &mut out[item.offset..item.offset + item.size];
    match (item.code, arg) {
        (b'c', Arg::Bytes(b)) => dst[0] = b[0],
        (b's', Arg::Bytes(b)) => {
            let n = b.len().min(dst.len());
            dst[..n].copy_from_slice(&b[..n]);
        }
        (b'p', Arg::Bytes(b)) => {
            if !dst.is_empty() {
                let n = b.len().min(dst.len() - 1);
                dst[1..1 + n].copy_from_slice(&b[..n]);
                dst[0] = n.min(255) as u8;
            }
        }
        (b'?', Arg::Bool(t)) => dst[0] = t as u8,
        (b'e', Arg::Float(f)) => {
            let h = f64_to_half(f).ok_or_else(|| {
                PackError::Overflow("float too large to pack with e format".into())
            })?;
            put_uint(dst, h as u64, little);
        }
        (b'f', Arg::Float(f)) => {
            let y = f as f32;
            if y.is_infinite() && !f.is_infinite() {
                return Err(PackError::Overflow(
                    "float too large to pack with f format".into(),
                ));
            }
            put_uint(dst, y.to_bits() as u64, little);
        }
        (b'd', Arg::Float(f)) => put_uint(dst, f.to_bits(), little),
        (code, Arg::Int(v)) => {
            let (lo, hi) = int_range(code, item.size);
            let v = if code == b'P' {
                // A pointer: any int that fits a signed or unsigned word.
                if v < BigInt::from(0) && v >= -(BigInt::from(1) << (item.size * 8 - 1)) {
                    v + (BigInt::from(1) << (item.size * 8))
                } else {
                    v
                }
            } else {
                v
            };
            if v < lo || v > hi {
                return Err(PackError::Struct(format!(
                    "'{}' format requires {lo} <= number <= {hi}",
                    code as char
                )));
            }
            let v: BigInt = if v < BigInt::from(0) {
                v + (BigInt::from(1) << 64)
            } else {
                v
            };
            let u: u64 = v.to_u64_digits().1.first().copied().unwrap_or(0);
            put_uint(dst, u, little);
        }
        _ => return Err(PackError::Struct("internal: bad argument kind".into())),
    }
    Ok(())
}

/// What unpacking one item gives.
pub enum Unpacked {
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// Reads one value at `item.offset` of `data`.
pub fn unpack_item(mode: Mode, item: &Item, data: &[u8]) -> Unpacked {
    let little = mode.little();
    let src = &data[item.offset..item.offset + item.size];
    match item.code {
        b'c' => Unpacked::Bytes(src.to_vec()),
        b's' => Unpacked::Bytes(src.to_vec()),
        b'p' => {
            if src.is_empty() {
                return Unpacked::Bytes(Vec::new());
            }
            let n = (src[0] as usize).min(src.len() - 1);
            Unpacked::Bytes(src[1..1 + n].to_vec())
        }
        b'?' => Unpacked::Bool(src[0] != 0),
        b'e' => Unpacked::Float(half_to_f64(get_uint(src, little) as u16)),
        b'f' => Unpacked::Float(f32::from_bits(get_uint(src, little) as u32) as f64),
        b'd' => Unpacked::Float(f64::from_bits(get_uint(src, little))),
        code => {
            let u = get_uint(src, little);
            if code.is_ascii_uppercase() || code == b'P' {
                Unpacked::UInt(u)
            } else {
                let shift = 64 - item.size * 8;
                Unpacked::Int(((u << shift) as i64) >> shift)
            }
        }
    }
}

/// An IEEE 754 half-precision value.
pub fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let mag = match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1024.0 + f) * 2f64.powi(e - 25),
    };
    sign * mag
}

/// `x` as a half-precision value, rounded half to even; None when it is too large.
pub fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // a = m * 2^e with 1 <= m < 2.
    let e = a.log2().floor() as i32;
    let e = if a < 2f64.powi(e) {
        e - 1
    } else if a >= 2f64.powi(e + 1) {
        e + 1
    } else {
        e
    };
    if e < -14 {
        // Subnormal: units of 2^-24 (n == 1024 is the smallest normal, encoded the same).
        let n = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Some(sign | n);
    }
    let mut n = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    let mut e = e;
    if n == 2048 {
        n = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (n - 1024) as u16)
}
