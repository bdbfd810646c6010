//! Lone surrogates in `str`.
//!
//! # What
//! A Python `str` is a sequence of code points, and U+D800..U+DFFF (the surrogates) are code
//! points like any other: `chr(0xDC80)`, `b'\xff'.decode('utf-8', 'surrogateescape')`,
//! `'\ud83d'` and `json.loads('"\\ud800"')` all make strings holding one. The standard library
//! relies on this: `os.fsdecode` round-trips undecodable file names through
//! `surrogateescape`, `test.support` builds such names at import, pickle and marshal pass
//! them with `surrogatepass`.
//!
//! gilvm stores text as Rust `str` (UTF-8), which cannot hold a surrogate. Rather than a
//! second storage form that every string operation would have to handle, a lone surrogate
//! U+D800+k is stored as the code point U+10F000+k (k < 0x800), the last part of
//! Supplementary Private Use Area-B below U+10F800. Everything that treats a string as a
//! sequence of code points then works unchanged: length, indexing, slicing, concatenation,
//! search, split/join, hashing, equality, dict and set keys. Only the places where a code
//! point crosses the boundary convert: `ord`/`chr`, `repr`/`ascii`, `%c`, the codecs and
//! their error handlers, `unicodedata`, the regular-expression engine, JSON, marshal, and the
//! conversion of file names and environment strings to bytes.
//!
//! # Invariants and the cost
//! - [`to_char`] and [`code`] are inverse on U+D800..U+DFFF and the identity elsewhere,
//!   except that the 2,048 code points U+10F000..U+10F7FF themselves cannot be stored:
//!   [`from_code`] refuses them, `chr()` raises `ValueError` for them and the UTF-8 decoder
//!   reports their encoded form as undecodable. They are private-use code points without an
//!   assigned meaning; CPython accepts them, gilvm does not (README, known limitations).
//! - Ordering compares the stored code points, so a surrogate sorts after U+FFFF here where
//!   CPython sorts it before U+E000.
//! - Encoding a stored surrogate with a codec in strict mode fails exactly as CPython's does
//!   (`surrogates not allowed`), because the UTF-8 encoders check [`is_surrogate`] before
//!   writing a character's bytes: a stored surrogate never leaks out as the bytes of
//!   U+10Fxxx.

/// Where surrogate U+D800 is stored.
pub const BASE: u32 = 0x10F000;
const FIRST: u32 = 0xD800;
const COUNT: u32 = 0x800;

/// The stored character of surrogate code point `cp` (U+D800..U+DFFF).
#[inline]
pub fn to_char(cp: u32) -> char {
    debug_assert!((FIRST..FIRST + COUNT).contains(&cp));
    // BASE + (cp - FIRST) is in U+10F000..U+10F7FF, a valid scalar value.
    char::from_u32(BASE + (cp - FIRST)).unwrap_or('\u{fffd}')
}

/// Whether stored character `c` stands for a lone surrogate.
#[inline(always)]
pub fn is_surrogate(c: char) -> bool {
    (c as u32).wrapping_sub(BASE) < COUNT
}

/// The Python code point of stored character `c`.
#[inline(always)]
pub fn code(c: char) -> u32 {
    let v = c as u32;
    if v.wrapping_sub(BASE) < COUNT {
        v - BASE + FIRST
    } else {
        v
    }
}

/// The stored character of Python code point `cp`, or `None` when `cp` is out of range
/// (> 0x10FFFF) or one of the code points gilvm reserves (U+10F000..U+10F7FF).
#[inline]
pub fn from_code(cp: u32) -> Option<char> {
    if (FIRST..FIRST + COUNT).contains(&cp) {
        Some(to_char(cp))
    } else if cp.wrapping_sub(BASE) < COUNT {
        None
    } else {
        char::from_u32(cp)
    }
}

/// Whether `cp` is one of the code points gilvm cannot store (see the module essay).
#[inline]
pub fn is_reserved(cp: u32) -> bool {
    cp.wrapping_sub(BASE) < COUNT
}

/// Whether the text holds a stored surrogate (a scan of its bytes for the UTF-8 lead
/// `F4 8F 80..9F`; ASCII text answers at once).
#[inline]
pub fn contains(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_ascii() {
        return false;
    }
    b.windows(3)
        .any(|w| w[0] == 0xF4 && w[1] == 0x8F && (0x80..0xA0).contains(&w[2]))
}

/// The text with every stored surrogate written as CPython's UTF-8 `surrogatepass` form
/// (three bytes `ED A0..BF 80..BF`); other characters as UTF-8.
pub fn encode_utf8_pass(s: &str) -> Vec<u8> {
    if !contains(s) {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if is_surrogate(c) {
            let cp = code(c);
            out.push(0xE0 | (cp >> 12) as u8);
            out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            out.push(0x80 | (cp & 0x3F) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// UTF-8 bytes that may hold surrogates in CPython's `surrogatepass` form (`ED A0..BF xx`)
/// as text; `None` when the bytes are not UTF-8 in that extended sense, or hold a code point
/// gilvm cannot store.
pub fn decode_utf8_pass(b: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(b) {
        return if contains(s) {
            None
        } else {
            Some(s.to_owned())
        };
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == 0xED && i + 2 < b.len() && (0xA0..0xC0).contains(&b[i + 1]) {
            let c2 = b[i + 2];
            if c2 & 0xC0 != 0x80 {
                return None;
            }
            let cp = 0xD000 | ((b[i + 1] as u32 & 0x3F) << 6) | (c2 as u32 & 0x3F);
            out.push(to_char(cp));
            i += 3;
            continue;
        }
        let n = match b[i] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let s = std::str::from_utf8(b.get(i..i + n)?).ok()?;
        if contains(s) {
            return None;
        }
        out.push_str(s);
        i += n;
    }
    Some(out)
}

/// Bytes (a file name, an environment string, a command-line argument) as text the way
/// CPython's file-system decoding does on Linux: UTF-8, each undecodable byte (>= 0x80)
/// becoming the surrogate U+DC00+byte (`surrogateescape`).
pub fn decode_fs(b: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(b) {
        if !contains(s) {
            return s.to_owned();
        }
    }
    let mut out = String::with_capacity(b.len() + 8);
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                push_checked(&mut out, s);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // SAFETY-free: `good` is valid UTF-8 by `valid_up_to`.
                push_checked(&mut out, std::str::from_utf8(good).unwrap_or(""));
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for &x in &bad[..n] {
                    out.push(to_char(0xDC00 + x as u32));
                }
                rest = &bad[n..];
            }
        }
    }
    out
}

/// Appends valid UTF-8 text, escaping the bytes of any reserved code point (which gilvm
/// cannot store) as `surrogateescape` does for undecodable bytes.
fn push_checked(out: &mut String, s: &str) {
    if !contains(s) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        if is_surrogate(c) {
            let mut buf = [0u8; 4];
            for &x in c.encode_utf8(&mut buf).as_bytes() {
                out.push(to_char(0xDC00 + x as u32));
            }
        } else {
            out.push(c);
        }
    }
}

/// Text as bytes the way CPython's file-system encoding does on Linux (UTF-8 with
/// `surrogateescape`): U+DC80..U+DCFF become the byte they escape; `Err(index)` names the
/// first character (in code points) that cannot be encoded (any other surrogate).
pub fn encode_fs(s: &str) -> Result<std::borrow::Cow<'_, [u8]>, usize> {
    if !contains(s) {
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if is_surrogate(c) {
            let cp = code(c);
            if (0xDC80..0xDD00).contains(&cp) {
                out.push((cp - 0xDC00) as u8);
            } else {
                return Err(i);
            }
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// The text with each stored surrogate written `\udXXX` (what `backslashreplace` makes):
/// for the interpreter's own messages written to stderr without a codec.
pub fn escaped(s: &str) -> std::borrow::Cow<'_, str> {
    if !contains(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_surrogate(c) {
            out.push_str(&format!("\\u{:04x}", code(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for cp in [0xD800, 0xDBFF, 0xDC00, 0xDC80, 0xDFFF] {
            let c = to_char(cp);
            assert!(is_surrogate(c));
            assert_eq!(code(c), cp);
            assert_eq!(from_code(cp), Some(c));
        }
        assert_eq!(from_code(0x10F000), None);
        assert_eq!(from_code(0x10F800), Some('\u{10F800}'));
        assert_eq!(code('a'), 'a' as u32);
        assert!(!is_surrogate('\u{10F800}'));
    }

    #[test]
    fn fs_round_trip() {
        let raw = b"a\xffb\xc3\xa9\xed\xa0\x80";
        let s = decode_fs(raw);
        assert_eq!(s.chars().count(), 3 + 1 + 3);
        assert_eq!(encode_fs(&s).unwrap().as_ref(), raw);
        let lone = to_char(0xD800).to_string();
        assert_eq!(encode_fs(&lone), Err(0));
    }

    #[test]
    fn utf8_pass() {
        let s = format!("x{}y", to_char(0xDC01));
        let b = encode_utf8_pass(&s);
        assert_eq!(b, b"x\xed\xb0\x81y");
        assert_eq!(decode_utf8_pass(&b).as_deref(), Some(s.as_str()));
        assert_eq!(decode_utf8_pass(b"\xff"), None);
    }
}
