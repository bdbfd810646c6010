//! Unicode character properties and case mappings as CPython's str methods use them
//! (`Py_UNICODE_ISALPHA`, `_PyUnicode_ToTitleFull`, …), from the generated tables in
//! `str_unicode_data.rs` and `str_case_data.rs` (Unicode 15.1, CPython 3.13's version; not
//! Rust's `char` mappings, which follow a newer Unicode).
use super::str_case_data as cd;
use super::str_unicode_data as d;

pub use d::{
    ALPHA, CASED, CASE_IGNORABLE, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, TITLE, UPPER,
    XID_CONTINUE, XID_START,
};

/// The property flags of `c`.
#[inline]
pub fn flags(c: char) -> u16 {
    let u = c as u32;
    if u < 128 {
        return d::ASCII[u as usize];
    }
    let i = d::RUNS.partition_point(|&(s, _)| s <= u);
    d::RUNS[i - 1].1
}

#[inline]
pub fn has(c: char, f: u16) -> bool {
    flags(c) & f != 0
}

#[inline]
pub fn is_space(c: char) -> bool {
    has(c, SPACE)
}
#[inline]
pub fn is_cased(c: char) -> bool {
    has(c, CASED)
}
#[inline]
pub fn is_upper(c: char) -> bool {
    has(c, UPPER)
}
#[inline]
pub fn is_lower(c: char) -> bool {
    has(c, LOWER)
}
#[inline]
pub fn is_title(c: char) -> bool {
    has(c, TITLE)
}

/// Line boundaries of `str.splitlines` (`Py_UNICODE_ISLINEBREAK`).
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Looks `c` up in a sorted mapping table.
#[inline]
fn mapped(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// Appends the full lower-case mapping of `c` (without the final-sigma rule).
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match mapped(&cd::LOWER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full upper-case mapping of `c`.
#[inline]
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match mapped(&cd::UPPER_MAP, c) {
            Some(m) => out.push_str(m),
            None => out.push(c),
        }
    }
}

/// Appends the full title-case mapping of `c`.
pub fn push_title(c: char, out: &mut String) {
    match mapped(&cd::TITLE_DELTA, c) {
        Some(m) => out.push_str(m),
        None => push_upper(c, out),
    }
}

/// Appends the full case folding of `c`.
pub fn push_fold(c: char, out: &mut String) {
    match mapped(&cd::FOLD_DELTA, c) {
        Some(m) => out.push_str(m),
        None => push_lower(c, out),
    }
}

/// Lower-cases the character at byte `i` of `s` (which is `c`), applying the final-sigma
/// rule to U+03A3 like CPython's `lower_ucs4`.
#[inline]
pub fn push_lower_at(s: &str, i: usize, c: char, out: &mut String) {
    if c == '\u{3a3}' {
        out.push(final_sigma(s, i));
    } else {
        push_lower(c, out);
    }
}

/// CPython's `handle_capital_sigma`: 'ς' when the capital sigma at byte `i` ends a word.
fn final_sigma(s: &str, i: usize) -> char {
    let mut before = s[..i].chars().rev().skip_while(|c| has(*c, CASE_IGNORABLE));
    let mut fin = matches!(before.next(), Some(c) if is_cased(c));
    if fin {
        let mut after = s[i + 2..].chars().skip_while(|c| has(*c, CASE_IGNORABLE));
        fin = !matches!(after.next(), Some(c) if is_cased(c));
    }
    if fin {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// The decimal value of `c` (`Py_UNICODE_TODECIMAL`).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !has(c, DECIMAL) {
        return None;
    }
    // Decimal digits come in runs of ten starting at a zero, and adjacent runs form blocks
    // whose length is a multiple of ten: the distance to the block's start gives the value.
    let mut start = c as u32;
    while let Some(p) = char::from_u32(start - 1) {
        if !has(p, DECIMAL) {
            break;
        }
        start -= 1;
    }
    Some((c as u32 - start) % 10)
}
