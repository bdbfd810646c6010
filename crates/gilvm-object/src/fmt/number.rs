//! `format(int, spec)` and `format(float, spec)` (CPython's
//! `format_long_internal` / `format_float_internal`), plus `hex()`, `oct()`,
//! `bin()` via [`int_to_radix`].

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::float_repr::{float_to_string, DtoaFlags};
use super::spec::{layout_number, Align, FormatSpec, Locale, NumberParts, Resolved};
use super::FmtError;

/// An integer argument, small or big.
#[derive(Clone, Copy)]
enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntArg::Small(v) => v < 0,
            IntArg::Big(v) => v.sign() == BigSign::Minus,
        }
    }

    /// Digits of |v| in `base` (lower case); a decimal conversion obeys
    /// `sys.get_int_max_str_digits()`.
    fn magnitude_digits(self, base: u32) -> Result<String, FmtError> {
        Ok(match self {
            IntArg::Small(v) => {
                let m = v.unsigned_abs();
                match base {
                    2 => format!("{:b}", m),
                    8 => format!("{:o}", m),
                    16 => format!("{:x}", m),
                    _ => m.to_string(),
                }
            }
            IntArg::Big(v) if base == 10 => {
                super::digits_limit::decimal_magnitude(v).map_err(FmtError::ValueError)?
            }
            IntArg::Big(v) => v.magnitude().to_str_radix(base),
        })
    }

    fn to_f64(self) -> Result<f64, FmtError> {
        let f = match self {
            IntArg::Small(v) => v as f64,
            IntArg::Big(v) => v.to_f64().unwrap_or(f64::INFINITY),
        };
        if f.is_finite() {
            Ok(f)
        } else {
            Err(FmtError::OverflowError(
                "int too large to convert to float".into(),
            ))
        }
    }
}

/// `format(v, spec)` for a Python int (`int.__format__`).
///
/// Types `b c d o x X n` and none format the integer; `e E f F g G %`
/// convert it to float first (`OverflowError: int too large to convert to
/// float` when impossible). `n` uses the C locale (no grouping).
/// CPython formats `format(obj, "")` as `str(obj)`: for a `bool` or an int
/// subclass with its own `__str__` the caller must handle the empty spec.
/// [`FmtError::UnknownFormatCode`] errors name type `int`.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, FmtError> {
    format_int_arg(IntArg::Big(v), spec)
}

/// Same as [`format_int`] for a value that fits in an `i64`, without
/// allocating a `BigInt`.
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, FmtError> {
    if spec.width.is_none()
        && spec.sign.is_none()
        && spec.grouping.is_none()
        && spec.precision.is_none()
        && !spec.no_neg_zero
        && !spec.alternate
        && matches!(spec.ty, None | Some('d'))
    {
        return Ok(v.to_string());
    }
    format_int_arg(IntArg::Small(v), spec)
}

fn format_int_arg(v: IntArg<'_>, spec: &FormatSpec) -> Result<String, FmtError> {
    let r = spec.resolve(Some('d'), Align::Right)?;
    match r.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long_internal(v, &r),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_internal(v.to_f64()?, &r),
        other => Err(FmtError::UnknownFormatCode {
            code: other.unwrap_or('\0'),
            type_name: "int".into(),
        }),
    }
}

fn format_long_internal(v: IntArg<'_>, r: &Resolved) -> Result<String, FmtError> {
    if r.precision.is_some() {
        return Err(FmtError::ValueError(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if r.no_neg_zero {
        return Err(FmtError::ValueError(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    let ty = r.ty.unwrap_or('d');
    if ty == 'c' {
        if r.sign.is_some() {
            return Err(FmtError::ValueError(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if r.alternate {
            return Err(FmtError::ValueError(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let x = match v {
            IntArg::Small(x) => x,
            IntArg::Big(b) => b.to_i64().ok_or_else(|| {
                FmtError::OverflowError("Python int too large to convert to C long".into())
            })?,
        };
        if !(0..=0x10ffff).contains(&x) {
            return Err(FmtError::OverflowError(
                "%c arg not in range(0x110000)".into(),
            ));
        }
        let ch = crate::surrogate::from_code(x as u32).ok_or_else(|| {
            FmtError::ValueError("a code point gilvm reserves to store lone surrogates".into())
        })?;
        let s = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            decimal: false,
            remainder: &s,
        };
        return layout_number(&parts, r);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(base)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let locale = if ty == 'n' { Locale::None } else { r.locale };
    let r2 = Resolved {
        locale,
        ..r.clone()
    };
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if r.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    layout_number(&parts, &r2)
}

/// `format(v, spec)` for a Python float (`float.__format__`).
///
/// Types `e E f F g G n %` and none (like `g` with at least one digit after
/// the point, and `repr` when there is no precision). `n` uses the C locale.
/// Errors: `precision too big`, [`FmtError::UnknownFormatCode`] naming type
/// `float`, plus the spec/grouping errors.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, FmtError> {
    let r = spec.resolve(None, Align::Right)?;
    match r.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(v, &r),
        Some(c) => Err(FmtError::UnknownFormatCode {
            code: c,
            type_name: "float".into(),
        }),
    }
}

fn format_float_internal(mut val: f64, r: &Resolved) -> Result<String, FmtError> {
    if r.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::ValueError("precision too big".into()));
    }
    let mut flags = DtoaFlags {
        alt: r.alternate,
        no_neg_0: r.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut ty = match r.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(c) => c,
    };
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match r.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut s = float_to_string(val, ty, precision, flags);
    if add_pct {
        s.push('%');
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    // parse_number: leading digits, optional '.', then the remainder.
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let decimal = body.as_bytes().get(n_int) == Some(&b'.');
    let rem_start = n_int + decimal as usize;
    let locale = if r.ty == Some('n') {
        Locale::None
    } else {
        r.locale
    };
    let r2 = Resolved {
        locale,
        ..r.clone()
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits: &body[..n_int],
        decimal,
        remainder: &body[rem_start..],
    };
    layout_number(&parts, &r2)
}

/// `hex()`, `oct()`, `bin()` (radix 16, 8, 2 with `prefix`) and plain
/// `radix` conversion (2..=36, lower-case digits): `-0x1f`, `0b0`, `0o17`.
/// Prefixes exist only for radix 2, 8 and 16; an out-of-range radix is
/// treated as 10.
pub fn int_to_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let mut out = String::new();
    if v.is_negative() && !v.is_zero() {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    out.push_str(&v.magnitude().to_str_radix(radix));
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse_format_spec;
    use super::*;

    fn fi(v: i64, s: &str) -> String {
        format_int(&BigInt::from(v), &parse_format_spec(s).unwrap()).unwrap()
    }

    fn ff(v: f64, s: &str) -> String {
        format_float(v, &parse_format_spec(s).unwrap()).unwrap()
    }

    #[test]
    fn ints() {
        assert_eq!(fi(255, "#010b"), "0b11111111");
        assert_eq!(fi(-42, "=+8d"), "-     42");
        assert_eq!(fi(0x12345, "_x"), "1_2345");
        assert_eq!(fi(1234567, ","), "1,234,567");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(65, "c"), "A");
        assert_eq!(
            format_i64(-5, &parse_format_spec("05").unwrap()).unwrap(),
            "-0005"
        );
        assert_eq!(int_to_radix(&BigInt::from(-31), 16, true), "-0x1f");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(2.675, ".2f"), "2.67");
        assert_eq!(ff(-1234567.891, ","), "-1,234,567.891");
        assert_eq!(ff(0.125, ".3%"), "12.500%");
        assert_eq!(ff(1e-5, "g"), "1e-05");
        assert_eq!(ff(123456789.0, "g"), "1.23457e+08");
        assert_eq!(ff(0.0, "e"), "0.000000e+00");
        assert_eq!(ff(12345.0, ".0e"), "1e+04");
        assert_eq!(ff(-0.0, "z"), "0.0");
    }
}
