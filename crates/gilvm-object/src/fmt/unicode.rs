//! The two Unicode facts CPython's number parsing and format-spec parsing
//! use: the decimal value of a character (`Py_UNICODE_TODECIMAL`, Unicode
//! category Nd, version 15.1) and `str.isspace()`.

/// First code point (the digit zero) of every run of ten non-ASCII decimal
/// digits (category Nd) in Unicode 15.1. Every Nd character belongs to such a
/// run.
const ND_ZEROS: [u32; 67] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950,
    0x1FBF0,
];

/// Decimal value of `c` (0..=9) if it is a decimal digit in any script,
/// like CPython's `Py_UNICODE_TODECIMAL`.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    if c.is_ascii_digit() {
        return Some(u - '0' as u32);
    }
    if u < 0x660 {
        return None;
    }
    // Last run start <= u.
    let idx = ND_ZEROS.partition_point(|&z| z <= u);
    if idx == 0 {
        return None;
    }
    let zero = ND_ZEROS[idx - 1];
    if u - zero < 10 {
        Some(u - zero)
    } else {
        None
    }
}

/// Python's `str.isspace()` for one character (`Py_UNICODE_ISSPACE`).
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{661}'), Some(1));
        assert_eq!(decimal_value('\u{1E4F9}'), Some(9));
        assert_eq!(decimal_value('\u{FF10}'), Some(0));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{B2}'), None); // superscript two is not Nd
        assert_eq!(decimal_value('\u{66A}'), None);
    }

    #[test]
    fn spaces() {
        assert!(is_py_space('\u{1f}'));
        assert!(is_py_space('\u{3000}'));
        assert!(!is_py_space('\u{200b}'));
        assert!(!is_py_space('a'));
    }
}
