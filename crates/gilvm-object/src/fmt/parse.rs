//! Parsing numbers from strings with CPython's rules: `int(s, base)`
//! ([`parse_int`]) and `float(s)` ([`parse_float`]). Non-ASCII decimal
//! digits and Unicode whitespace are accepted, as CPython does
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`).

use num_bigint::BigInt;

use super::unicode::{decimal_value, is_py_space};

/// CPython's first step: non-ASCII whitespace becomes `' '`, non-ASCII
/// decimal digits become ASCII digits; any other non-ASCII char makes the
/// string invalid (`None`).
fn to_ascii(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if is_py_space(c) {
            out.push(b' ');
        } else {
            out.push(b'0' + decimal_value(c)? as u8);
        }
    }
    Some(out)
}

/// `Py_ISSPACE` on an ASCII byte.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `int(s, base)`: `None` when CPython would raise `invalid literal for
/// int() with base N` (the caller builds that message) or when `base` is not
/// 0 or 2..=36.
///
/// Rules: surrounding whitespace, one optional sign, underscores only
/// between digits (and one right after a `0x`/`0o`/`0b` prefix), base 0
/// detects the prefix and rejects non-zero numbers with a leading `0`
/// (`010`), and a prefix is also allowed when it matches an explicit base
/// 16, 8 or 2. The interpreter applies `sys.int_info.str_digits_check_threshold`
/// (4300 digits) itself if it wants it.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_inner(s, base, false).ok()
}

/// Why [`parse_int_limited`] refused a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseIntError {
    /// Not a valid literal: CPython's `invalid literal for int() with base N`.
    Invalid,
    /// Valid, but more digits than `sys.get_int_max_str_digits()` allows: the
    /// `ValueError` message.
    TooManyDigits(String),
}

/// [`parse_int`] with the integer string conversion limit of
/// [`super::digits_limit`], checked after validation and before the (quadratic)
/// conversion, as CPython's `PyLong_FromString`.
pub fn parse_int_limited(s: &str, base: u32) -> Result<BigInt, ParseIntError> {
    parse_int_inner(s, base, true)
}

fn parse_int_inner(s: &str, base: u32, limited: bool) -> Result<BigInt, ParseIntError> {
    parse_int_steps(s, base, limited).unwrap_or(Err(ParseIntError::Invalid))
}

fn parse_int_steps(s: &str, base: u32, limited: bool) -> Option<Result<BigInt, ParseIntError>> {
    if base == 1 || base > 36 {
        return None;
    }
    let b = to_ascii(s)?;
    let mut i = 0;
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        negative = b[i] == b'-';
        i += 1;
    }
    let at = |k: usize| b.get(k).copied().unwrap_or(0).to_ascii_lowercase();
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' && matches!((base, at(i + 1)), (16, b'x') | (8, b'o') | (2, b'b')) {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    let digit = |c: u8| -> Option<u32> { (c as char).to_digit(36).filter(|&d| d < base) };
    let mut digits: Vec<u8> = Vec::with_capacity(b.len() - i);
    let mut prev_underscore = false;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if digits.is_empty() || prev_underscore {
                return None;
            }
            prev_underscore = true;
        } else if digit(c).is_some() {
            digits.push(c);
            prev_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return None;
    }
    while i < b.len() && is_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return None;
    }
    if error_if_nonzero && digits.iter().any(|&d| d != b'0') {
        return None;
    }
    if limited {
        if let Err(m) = super::digits_limit::check_parse(digits.len(), base) {
            return Some(Err(ParseIntError::TooManyDigits(m)));
        }
    }
    let v = BigInt::parse_bytes(&digits, base)?;
    Some(Ok(if negative { -v } else { v }))
}

/// `float(s)`: `None` when CPython would raise `could not convert string to
/// float` (the caller builds that message).
///
/// Accepts surrounding whitespace, a sign, `inf`, `infinity`, `nan` in any
/// case, and decimal literals (`1e5`, `.5`, `5.`, `1_000.5`; underscores only
/// between digits). The result is correctly rounded; overflow gives `inf`.
pub fn parse_float(s: &str) -> Option<f64> {
    let raw = to_ascii(s)?;
    if raw.contains(&0) {
        return None;
    }
    // Underscores: each must sit between two digits; then drop them.
    let mut b: Vec<u8> = Vec::with_capacity(raw.len());
    let mut prev = 0u8;
    for &c in &raw {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            b.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    let mut start = 0;
    let mut end = b.len();
    while start < end && is_space(b[start]) {
        start += 1;
    }
    while end > start && is_space(b[end - 1]) {
        end -= 1;
    }
    let t = &b[start..end];
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let mag = if lower == b"inf" || lower == b"infinity" {
        f64::INFINITY
    } else if lower == b"nan" {
        f64::NAN
    } else {
        if !is_decimal_literal(body) {
            return None;
        }
        std::str::from_utf8(body).ok()?.parse::<f64>().ok()?
    };
    Some(if negative { -mag } else { mag })
}

/// `digits [. [digits]] | . digits`, then an optional `e[sign]digits`.
fn is_decimal_literal(b: &[u8]) -> bool {
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        let p = |s: &str, b: u32| parse_int(s, b).map(|v| v.to_string());
        assert_eq!(p(" -12_3 ", 10).as_deref(), Some("-123"));
        assert_eq!(p("0x_1f", 0).as_deref(), Some("31"));
        assert_eq!(p("0x1f", 16).as_deref(), Some("31"));
        assert_eq!(p("010", 0), None);
        assert_eq!(p("0_0", 0).as_deref(), Some("0"));
        assert_eq!(p("1__0", 10), None);
        assert_eq!(p("12a", 10), None);
        assert_eq!(p("\u{661}\u{662}", 10).as_deref(), Some("12"));
    }

    #[test]
    fn floats() {
        assert_eq!(parse_float(" 1_000.5 "), Some(1000.5));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan").unwrap().is_nan());
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("1e"), None);
        assert_eq!(parse_float("1_e5"), None);
        assert_eq!(parse_float("0x10"), None);
    }
}
