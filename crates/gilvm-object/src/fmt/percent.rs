//! `%`-formatting (`"%5.2f %s" % args`): the format-string parser (a port of
//! CPython's `unicode_format_arg_parse`) and the per-conversion formatters
//! (`_PyUnicode_FormatLong`, `formatfloat`, `unicode_format_arg_output`).
//!
//! The interpreter drives it: for each [`PercentPiece::Spec`] it resolves `*`
//! widths/precisions from the arguments ([`PercentSpec::set_star_width`],
//! [`PercentSpec::set_star_precision`]), fetches the value (by key or
//! position), calls [`PercentSpec::check_conversion`], converts the value
//! (`int()`, `float()`, `str()`, `repr()`, `ascii()`, `%c`) and calls
//! [`percent_int`], [`percent_float`] or [`percent_str`].

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::float_repr::{float_to_string, DtoaFlags};
use super::{too_big, FmtError, MAX_OUTPUT_CHARS};

/// A width or precision in a `%` conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PercentCount {
    /// Not given.
    #[default]
    Absent,
    /// A number written in the format string (or resolved from `*`).
    Num(usize),
    /// `*`: taken from the next argument (resolve before formatting).
    Star,
}

impl PercentCount {
    fn value(self) -> Option<usize> {
        match self {
            PercentCount::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// One `%` conversion specifier.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PercentSpec {
    /// Mapping key of `%(key)s`.
    pub key: Option<String>,
    /// `-` flag: left-adjust.
    pub left_adjust: bool,
    /// `+` flag.
    pub sign_plus: bool,
    /// ` ` flag.
    pub sign_space: bool,
    /// `#` flag.
    pub alternate: bool,
    /// `0` flag.
    pub zero_pad: bool,
    /// Field width.
    pub width: PercentCount,
    /// Precision.
    pub precision: PercentCount,
    /// Conversion character (may be unsupported: see
    /// [`PercentSpec::check_conversion`]); `h`, `l`, `L` are skipped.
    pub conv: char,
    /// Index (in characters) of the conversion character in the format.
    pub index: usize,
}

impl PercentSpec {
    /// CPython's error for an unknown conversion character, raised after the
    /// argument was fetched: `unsupported format character 'y' (0x79) at
    /// index 3`.
    pub fn check_conversion(&self) -> Result<(), FmtError> {
        if "sradiuoxXeEfFgGc".contains(self.conv) {
            return Ok(());
        }
        let u = self.conv as u32;
        let shown = if (31..=126).contains(&u) {
            self.conv
        } else {
            '?'
        };
        Err(FmtError::ValueError(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            shown, u, self.index
        )))
    }

    /// Resolves a `*` width from its argument (a negative one left-adjusts).
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.left_adjust = true;
        }
        self.width = PercentCount::Num(w.unsigned_abs().min(usize::MAX as u64) as usize);
    }

    /// Resolves a `*` precision from its argument (negative means 0).
    /// `OverflowError` when it does not fit a C int, as CPython.
    pub fn set_star_precision(&mut self, p: i64) -> Result<(), FmtError> {
        if p > i32::MAX as i64 || p < i32::MIN as i64 {
            return Err(FmtError::OverflowError(
                "Python int too large to convert to C int".into(),
            ));
        }
        self.precision = PercentCount::Num(p.max(0) as usize);
        Ok(())
    }
}

/// A piece of a `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    /// A conversion to fill from the arguments.
    Spec(PercentSpec),
}

/// Parses a whole `%` format string, also checking every conversion
/// character. Errors (`incomplete format`, `incomplete format key`, `width
/// too big`, `precision too big`, `unsupported format character ...`) are
/// reported at the first offending position; CPython interleaves them with
/// argument errors, so an interpreter wanting its exact error order should
/// iterate a [`PercentParser`] instead.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FmtError> {
    let mut out = Vec::new();
    for piece in PercentParser::new(fmt) {
        let piece = piece?;
        if let PercentPiece::Spec(s) = &piece {
            s.check_conversion()?;
        }
        out.push(piece);
    }
    Ok(out)
}

/// Lazily parses a `%` format string into [`PercentPiece`]s, in order; after
/// an error it yields nothing more. Conversion characters are not checked
/// (call [`PercentSpec::check_conversion`] after fetching the argument, as
/// CPython does).
pub struct PercentParser {
    chars: Vec<char>,
    pos: usize,
    done: bool,
}

impl PercentParser {
    /// Starts parsing `fmt`.
    pub fn new(fmt: &str) -> PercentParser {
        PercentParser {
            chars: fmt.chars().collect(),
            pos: 0,
            done: false,
        }
    }

    /// Next char, advancing; `None` at the end (CPython's `--fmtcnt < 0`).
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Parses one conversion; `self.pos` is just after the `%`.
    fn parse_spec(&mut self) -> Result<PercentSpec, FmtError> {
        let mut spec = PercentSpec::default();
        let n = self.chars.len();
        let mut ch = self.chars.get(self.pos).copied().unwrap_or('\0');
        let mut exhausted = false;
        if ch == '(' {
            self.pos += 1;
            let start = self.pos;
            let mut depth = 1;
            while depth > 0 && self.pos < n {
                ch = self.chars[self.pos];
                if ch == ')' {
                    depth -= 1;
                } else if ch == '(' {
                    depth += 1;
                }
                self.pos += 1;
            }
            if depth > 0 {
                return Err(FmtError::ValueError("incomplete format key".into()));
            }
            spec.key = Some(self.chars[start..self.pos - 1].iter().collect());
        }
        loop {
            let Some(c) = self.bump() else {
                exhausted = true;
                break;
            };
            ch = c;
            match c {
                '-' => spec.left_adjust = true,
                '+' => spec.sign_plus = true,
                ' ' => spec.sign_space = true,
                '#' => spec.alternate = true,
                '0' => spec.zero_pad = true,
                _ => break,
            }
        }
        let advance = |this: &mut Self, ch: &mut char, exhausted: &mut bool| match this.bump() {
            Some(c) => *ch = c,
            None => *exhausted = true,
        };
        if ch == '*' {
            spec.width = PercentCount::Star;
            advance(self, &mut ch, &mut exhausted);
        } else if ch.is_ascii_digit() {
            let mut w = ch as usize - '0' as usize;
            loop {
                let Some(c) = self.bump() else {
                    exhausted = true;
                    break;
                };
                ch = c;
                if !c.is_ascii_digit() {
                    break;
                }
                let d = c as usize - '0' as usize;
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(FmtError::ValueError("width too big".into()));
                }
                w = w * 10 + d;
            }
            spec.width = PercentCount::Num(w);
        }
        if ch == '.' {
            spec.precision = PercentCount::Num(0);
            advance(self, &mut ch, &mut exhausted);
            if ch == '*' {
                spec.precision = PercentCount::Star;
                advance(self, &mut ch, &mut exhausted);
            } else if ch.is_ascii_digit() {
                let mut p = ch as usize - '0' as usize;
                loop {
                    let Some(c) = self.bump() else {
                        exhausted = true;
                        break;
                    };
                    ch = c;
                    if !c.is_ascii_digit() {
                        break;
                    }
                    let d = c as usize - '0' as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(FmtError::ValueError("precision too big".into()));
                    }
                    p = p * 10 + d;
                }
                spec.precision = PercentCount::Num(p);
            }
        }
        if !exhausted && matches!(ch, 'h' | 'l' | 'L') {
            advance(self, &mut ch, &mut exhausted);
        }
        if exhausted {
            return Err(FmtError::ValueError("incomplete format".into()));
        }
        spec.conv = ch;
        spec.index = self.pos - 1;
        Ok(spec)
    }
}

impl Iterator for PercentParser {
    type Item = Result<PercentPiece, FmtError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.pos >= self.chars.len() {
            return None;
        }
        let mut lit = String::new();
        loop {
            // Copy text up to the next '%'.
            while self.pos < self.chars.len() && self.chars[self.pos] != '%' {
                lit.push(self.chars[self.pos]);
                self.pos += 1;
            }
            if self.pos >= self.chars.len() {
                return Some(Ok(PercentPiece::Literal(lit)));
            }
            // At a '%': "%%" is literal text, anything else a conversion.
            if self.chars.get(self.pos + 1) == Some(&'%') {
                lit.push('%');
                self.pos += 2;
                continue;
            }
            if !lit.is_empty() {
                return Some(Ok(PercentPiece::Literal(lit)));
            }
            self.pos += 1;
            return Some(match self.parse_spec() {
                Ok(s) => Ok(PercentPiece::Spec(s)),
                Err(e) => {
                    self.done = true;
                    Err(e)
                }
            });
        }
    }
}

/// Formats an int for `%d %i %u %o %x %X` (the interpreter has already
/// applied `int()` / `operator.index()` to the argument). Any other
/// conversion is treated as `d`.
pub fn percent_int(v: &BigInt, conv: &PercentSpec) -> Result<String, FmtError> {
    let (base, prefix) = match conv.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if base == 10 {
        super::digits_limit::decimal_magnitude(v).map_err(FmtError::ValueError)?
    } else {
        v.magnitude().to_str_radix(base)
    };
    if conv.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let prec = conv.precision.value().unwrap_or(0);
    if prec > MAX_OUTPUT_CHARS {
        return Err(too_big());
    }
    let mut s = String::with_capacity(digits.len().max(prec) + 3);
    if v.sign() == num_bigint::Sign::Minus {
        s.push('-');
    }
    if conv.alternate {
        s.push_str(prefix);
    }
    s.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    s.push_str(&digits);
    output(conv, &s, true)
}

/// Formats a float for `%e %E %f %F %g %G` (after the interpreter's
/// `float()`); default precision 6, `#` keeps the point.
pub fn percent_float(v: f64, conv: &PercentSpec) -> Result<String, FmtError> {
    let prec = conv.precision.value().unwrap_or(6);
    if prec > i32::MAX as usize {
        return Err(FmtError::ValueError("precision too big".into()));
    }
    let code = if "eEfFgG".contains(conv.conv) {
        conv.conv
    } else {
        'g'
    };
    let flags = DtoaFlags {
        alt: conv.alternate,
        ..DtoaFlags::default()
    };
    output(conv, &float_to_string(v, code, prec, flags), true)
}

/// Pads an already converted string: the result of `str()` / `repr()` /
/// `ascii()` for `%s %r %a` (precision truncates), or the one character of
/// `%c` (precision ignored). Flags other than `-` have no effect.
pub fn percent_str(s: &str, conv: &PercentSpec) -> Result<String, FmtError> {
    output(conv, s, false)
}

/// The character of `%c` for an int argument: `OverflowError: %c arg not in
/// range(0x110000)` when out of range (one of the code points gilvm reserves to store
/// lone surrogates, see `surrogate.rs`, is a `ValueError`).
pub fn percent_char_from_int(v: &BigInt) -> Result<char, FmtError> {
    match v.to_i64() {
        Some(x) if (0..=0x10ffff).contains(&x) => {
            crate::surrogate::from_code(x as u32).ok_or_else(|| {
                FmtError::ValueError("a code point gilvm reserves to store lone surrogates".into())
            })
        }
        _ => Err(FmtError::OverflowError(
            "%c arg not in range(0x110000)".into(),
        )),
    }
}

/// `unicode_format_arg_output`: sign, `0x` prefix, zero or space padding.
fn output(conv: &PercentSpec, s: &str, numeric: bool) -> Result<String, FmtError> {
    let chars: Vec<char> = s.chars().collect();
    let fill = if numeric && conv.zero_pad { '0' } else { ' ' };
    let mut len = chars.len();
    let mut width = conv.width.value().unwrap_or(0);
    if width > MAX_OUTPUT_CHARS {
        return Err(too_big());
    }
    if matches!(conv.conv, 's' | 'r' | 'a') {
        if let Some(p) = conv.precision.value() {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if conv.sign_plus => sign = Some('+'),
            _ if conv.sign_space => sign = Some(' '),
            _ => {}
        }
    }
    width = width.max(len);
    let alt_prefix = numeric && conv.alternate && matches!(conv.conv, 'x' | 'X' | 'o');
    let mut out = String::with_capacity(width + 2);
    if let Some(sc) = sign {
        if fill != ' ' {
            out.push(sc);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conv.conv);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len = len.saturating_sub(2);
    }
    if width > len && !conv.left_adjust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(sc) = sign {
            out.push(sc);
        }
        if alt_prefix {
            out.push('0');
            out.push(conv.conv);
            pindex += 2;
        }
    }
    let end = (pindex + len).min(chars.len());
    out.extend(chars[pindex.min(end)..end].iter());
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(fmt: &str) -> PercentSpec {
        match parse_percent(fmt).unwrap().pop() {
            Some(PercentPiece::Spec(s)) => s,
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn parse() {
        let p = parse_percent("a%%b%(k)-+ #05.2lfc").unwrap();
        assert_eq!(p[0], PercentPiece::Literal("a%b".into()));
        let PercentPiece::Spec(s) = &p[1] else {
            panic!()
        };
        assert_eq!(s.key.as_deref(), Some("k"));
        assert!(s.left_adjust && s.sign_plus && s.sign_space && s.alternate && s.zero_pad);
        assert_eq!(
            (s.width, s.precision),
            (PercentCount::Num(5), PercentCount::Num(2))
        );
        assert_eq!((s.conv, s.index), ('f', 17));
        assert_eq!(p[2], PercentPiece::Literal("c".into()));
        let e = |f: &str| parse_percent(f).unwrap_err().message();
        assert_eq!(e("abc%"), "incomplete format");
        assert_eq!(e("ab%(x"), "incomplete format key");
        assert_eq!(
            e("abc%y"),
            "unsupported format character 'y' (0x79) at index 4"
        );
    }

    #[test]
    fn outputs() {
        assert_eq!(
            percent_int(&BigInt::from(255), &one("%+#08X")).unwrap(),
            "+0X000FF"
        );
        assert_eq!(
            percent_int(&BigInt::from(-5), &one("%5.3d")).unwrap(),
            " -005"
        );
        assert_eq!(percent_float(-2.5, &one("%05.1f")).unwrap(), "-02.5");
        assert_eq!(percent_str("abc", &one("%-5.2s")).unwrap(), "ab   ");
    }
}
