//! The standard format specifier (`[[fill]align][sign]["z"]["#"]["0"][width]
//! [grouping]["." precision][type]`): parsing it exactly as CPython's
//! `parse_internal_render_format_spec`, resolving the per-type defaults, and
//! the padding / sign / digit-grouping layout shared by all number formatters
//! (`calc_number_widths` + `fill_number`).

use super::unicode::decimal_value;
use super::{code_repr, too_big, FmtError, MAX_OUTPUT_CHARS};

/// Alignment of the formatted value inside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign/prefix and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: sign for positive numbers too.
    Plus,
    /// `-`: sign only for negatives (the default behaviour, but written).
    Minus,
    /// ` `: a space for positive numbers.
    Space,
}

/// Thousands-separator option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

/// A parsed format specifier, as written (type-independent defaults are not
/// applied yet: `align`/`ty` stay `None` when omitted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Fill character given together with an alignment (`*<`), if any.
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Explicit sign option.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// A `0` right before the width (only recorded when no fill was given).
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Option<Grouping>,
    /// Precision (`.N`).
    pub precision: Option<usize>,
    /// Presentation type; `None` when omitted.
    pub ty: Option<char>,
}

/// Parses a format specifier (the part after `:` in `{x:spec}`).
///
/// Errors: `Format specifier missing precision`, `Too many decimal digits in
/// format string`, `Cannot specify both ',' and '_'.` and
/// [`FmtError::InvalidFormatSpec`] (whose type name is left empty: set it
/// with [`FmtError::with_type_name`]). The checks that depend on the type
/// (e.g. `Cannot specify ',' with 's'.`) happen in the `format_*` functions.
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FmtError> {
    let c: Vec<char> = spec.chars().collect();
    let end = c.len();
    let mut pos = 0usize;
    let mut out = FormatSpec::default();
    let is_align = |ch: char| match ch {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    };
    if end >= 2 && is_align(c[1]).is_some() {
        out.align = is_align(c[1]);
        out.fill = Some(c[0]);
        pos = 2;
    } else if end >= 1 && is_align(c[0]).is_some() {
        out.align = is_align(c[0]);
        pos = 1;
    }
    if pos < end {
        out.sign = match c[pos] {
            '+' => Some(Sign::Plus),
            '-' => Some(Sign::Minus),
            ' ' => Some(Sign::Space),
            _ => None,
        };
        if out.sign.is_some() {
            pos += 1;
        }
    }
    if pos < end && c[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && c[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && c[pos] == '0' {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = get_integer(&c, &mut pos)?;
    if pos < end && c[pos] == ',' {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if pos < end && c[pos] == '_' {
        if out.grouping.is_some() {
            return Err(both_separators());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if pos < end && c[pos] == ',' && out.grouping == Some(Grouping::Underscore) {
        return Err(both_separators());
    }
    if pos < end && c[pos] == '.' {
        pos += 1;
        match get_integer(&c, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => {
                return Err(FmtError::ValueError(
                    "Format specifier missing precision".into(),
                ))
            }
        }
    }
    if end - pos > 1 {
        return Err(FmtError::InvalidFormatSpec {
            spec: spec.to_string(),
            type_name: String::new(),
        });
    }
    if end - pos == 1 {
        out.ty = Some(c[pos]);
    }
    Ok(out)
}

fn both_separators() -> FmtError {
    FmtError::ValueError("Cannot specify both ',' and '_'.".into())
}

/// Reads decimal digits (any script) at `pos`; `None` when there are none.
fn get_integer(c: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let mut acc: usize = 0;
    let mut n = 0;
    while *pos < c.len() {
        let Some(d) = decimal_value(c[*pos]) else {
            break;
        };
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(FmtError::ValueError(
                "Too many decimal digits in format string".into(),
            ));
        }
        acc = acc * 10 + d;
        n += 1;
        *pos += 1;
    }
    Ok(if n == 0 { None } else { Some(acc) })
}

/// Digit grouping actually applied to the integer part of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Locale {
    /// No separators.
    None,
    /// Groups of 3 separated by `,`.
    Comma,
    /// Groups of 3 separated by `_`.
    Underscore,
    /// Groups of 4 separated by `_` (b/o/x/X).
    UnderFour,
}

/// A spec with CPython's per-type defaults applied.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub fill: char,
    pub align: Align,
    pub sign: Option<Sign>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub locale: Locale,
    pub precision: Option<usize>,
    /// Presentation type, `None` meaning "no type" (floats only).
    pub ty: Option<char>,
}

impl FormatSpec {
    /// Applies the defaults of the formatted type (`default_type`: `'d'` for
    /// int, `'s'` for str, `None` for float; `default_align`: `Left` for str,
    /// `Right` for numbers) and validates the thousands separator against the
    /// type, as the tail of CPython's parser does.
    pub(crate) fn resolve(
        &self,
        default_type: Option<char>,
        default_align: Align,
    ) -> Result<Resolved, FmtError> {
        let mut fill = self.fill.unwrap_or(' ');
        let mut align = self.align.unwrap_or(default_align);
        if self.zero_pad {
            fill = '0';
            if self.align.is_none() && default_align == Align::Right {
                align = Align::AfterSign;
            }
        }
        let ty = self.ty.or(default_type);
        let mut locale = match self.grouping {
            None => Locale::None,
            Some(Grouping::Comma) => Locale::Comma,
            Some(Grouping::Underscore) => Locale::Underscore,
        };
        if let Some(g) = self.grouping {
            match ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if g == Grouping::Underscore => {
                    locale = Locale::UnderFour;
                }
                Some(t) => {
                    let s = if g == Grouping::Comma { ',' } else { '_' };
                    return Err(FmtError::ValueError(format!(
                        "Cannot specify '{}' with '{}'.",
                        s,
                        code_repr(t)
                    )));
                }
            }
        }
        Ok(Resolved {
            fill,
            align,
            sign: self.sign,
            no_neg_zero: self.no_neg_zero,
            alternate: self.alternate,
            width: self.width,
            locale,
            precision: self.precision,
            ty,
        })
    }
}

/// Pads `s` (of `nchars` characters) to the spec's width (string formatting
/// and other non-number layouts; `=` behaves like `<`).
pub(crate) fn pad(s: &str, nchars: usize, r: &Resolved) -> Result<String, FmtError> {
    let total = r.width.map_or(nchars, |w| w.max(nchars));
    if total > MAX_OUTPUT_CHARS {
        return Err(too_big());
    }
    let left = match r.align {
        Align::Right => total - nchars,
        Align::Center => (total - nchars) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let right = total - nchars - left;
    let mut out = String::with_capacity(s.len() + (left + right) * r.fill.len_utf8());
    out.extend(std::iter::repeat_n(r.fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(r.fill, right));
    Ok(out)
}

/// The pieces of a formatted number, as `fill_number` sees them.
pub(crate) struct NumberParts<'a> {
    /// True when the number itself is negative (a `-` is to be written).
    pub negative: bool,
    /// Radix prefix (`0x`, `0X`, ...), already in the right case.
    pub prefix: &'a str,
    /// Integer-part digits (ASCII), subject to grouping.
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub decimal: bool,
    /// Everything after the decimal point (or after the digits when there is
    /// no point): fraction, exponent, `%`, `inf`, a `c` character...
    pub remainder: &'a str,
}

/// Lays a number out in its field: sign, prefix, padding and grouping,
/// exactly as CPython's `calc_number_widths` / `fill_number`.
pub(crate) fn layout_number(p: &NumberParts<'_>, r: &Resolved) -> Result<String, FmtError> {
    let sign = match r.sign {
        Some(Sign::Plus) => Some(if p.negative { '-' } else { '+' }),
        Some(Sign::Space) => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let n_sign = sign.is_some() as usize;
    let n_prefix = p.prefix.chars().count();
    let n_remainder = p.remainder.chars().count();
    let n_non_digit = n_sign + n_prefix + p.decimal as usize + n_remainder;
    let width = match r.width {
        Some(w) if w > MAX_OUTPUT_CHARS => return Err(too_big()),
        Some(w) => w as isize,
        None => -1,
    };
    let min_width = if r.fill == '0' && r.align == Align::AfterSign {
        width - n_non_digit as isize
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits.as_bytes(), min_width, r.locale)
    };
    let n_grouped = grouped.len(); // ASCII
    let n_padding = width - (n_non_digit + n_grouped) as isize;
    let (mut lpad, mut spad, mut rpad) = (0usize, 0usize, 0usize);
    if n_padding > 0 {
        let n = n_padding as usize;
        match r.align {
            Align::Left => rpad = n,
            Align::Center => {
                lpad = n / 2;
                rpad = n - lpad;
            }
            Align::AfterSign => spad = n,
            Align::Right => lpad = n,
        }
    }
    let fill_len = r.fill.len_utf8();
    let mut out = String::with_capacity(
        (lpad + spad + rpad) * fill_len
            + n_non_digit
            + n_grouped
            + p.prefix.len()
            + p.remainder.len(),
    );
    out.extend(std::iter::repeat_n(r.fill, lpad));
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    out.extend(std::iter::repeat_n(r.fill, spad));
    out.push_str(&grouped);
    if p.decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    out.extend(std::iter::repeat_n(r.fill, rpad));
    Ok(out)
}

/// `_PyUnicode_InsertThousandsGrouping`: inserts separators into `digits`,
/// zero-extending them on the left up to `min_width` characters (which is
/// how `0=` padding of grouped numbers gets separators in the padding).
fn group_digits(digits: &[u8], min_width: isize, locale: Locale) -> String {
    let (group, sep): (isize, u8) = match locale {
        Locale::None => (0, 0),
        Locale::Comma => (3, b','),
        Locale::Underscore => (3, b'_'),
        Locale::UnderFour => (4, b'_'),
    };
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    let mut rev: Vec<u8> = Vec::with_capacity(digits.len() * 2 + min_width as usize);
    let mut dpos = digits.len();
    let mut use_sep = false;
    let emit =
        |rev: &mut Vec<u8>, len: isize, remaining: isize, use_sep: bool, dpos: &mut usize| {
            let n_zeros = (len - remaining).max(0) as usize;
            let n_chars = remaining.min(len).max(0) as usize;
            if use_sep {
                rev.push(sep);
            }
            for _ in 0..n_chars {
                *dpos -= 1;
                rev.push(digits[*dpos]);
            }
            rev.extend(std::iter::repeat_n(b'0', n_zeros));
            n_chars as isize
        };
    let mut broken = false;
    if group > 0 {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let used = emit(&mut rev, len, remaining, use_sep, &mut dpos);
            use_sep = true;
            remaining -= used;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        emit(&mut rev, len, remaining, use_sep, &mut dpos);
    }
    rev.reverse();
    // Only ASCII bytes were pushed.
    String::from_utf8(rev).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_basic() {
        let s = parse_format_spec("*^+z#012,.3f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some(Align::Center));
        assert_eq!(s.sign, Some(Sign::Plus));
        assert!(s.no_neg_zero && s.alternate);
        assert!(!s.zero_pad); // fill given, so "012" is the width
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(Grouping::Comma));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        assert_eq!(parse_format_spec("").unwrap(), FormatSpec::default());
    }

    #[test]
    fn grouping_with_zero_width() {
        assert_eq!(group_digits(b"1234", 8, Locale::Comma), "0,001,234");
        assert_eq!(group_digits(b"1234", 0, Locale::Comma), "1,234");
        assert_eq!(group_digits(b"1", 5, Locale::None), "00001");
        assert_eq!(group_digits(b"ffff", 0, Locale::UnderFour), "ffff");
        assert_eq!(group_digits(b"fffff", 0, Locale::UnderFour), "f_ffff");
    }
}
