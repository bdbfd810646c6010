//! Float to decimal string conversion: a port of CPython's
//! `PyOS_double_to_string` / `format_float_short` (modes `'r'`, `e`, `f`,
//! `g` and their upper-case forms), with the digits produced by Rust's
//! correctly rounded formatting (`{:e}` for shortest round-trip, `{:.*e}` and
//! `{:.*}` for fixed precision, both round-half-even on the exact value).
//! `repr(float)` is [`float_repr`].

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign (`+` for non-negatives).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values without exponent get `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (`#`): keep the point and, for `g`,
    /// trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// `repr(x)` / `str(x)` for a Python float: shortest round-trip digits,
/// scientific notation when the decimal exponent is < -4 or >= 16.
///
/// ```text
/// 1.0  1e+16  1e-05  0.0001  inf  -inf  nan  -0.0  1.2345678901234568e+16
/// ```
pub fn float_repr(x: f64) -> String {
    float_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `r e E f F g G` (anything else is treated as `r`);
/// `precision` is ignored for `r`. Upper-case codes give `E`, `INF`, `NAN`.
/// The result is ASCII.
pub fn float_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = match code {
        'e' | 'E' => 'e',
        'f' | 'F' => 'f',
        'g' | 'G' => 'g',
        _ => 'r',
    };
    let negative = x.is_sign_negative();
    if !x.is_finite() {
        let mut out = String::with_capacity(4);
        let is_nan = x.is_nan();
        if negative && !is_nan {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (is_nan, upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    // Digits of |x| (no trailing zeros, like dtoa) and the decimal point
    // position: |x| ~= 0.DIGITS * 10**decpt.
    let precision = precision as i64;
    let (digits, mut decpt): (Vec<u8>, i64) = match code {
        'r' => shortest_digits(x.abs()),
        'e' => precision_digits(x.abs(), precision + 1),
        'g' => precision_digits(x.abs(), precision.max(1)),
        _ => fixed_digits(x.abs(), precision),
    };
    let precision = match code {
        'e' => precision + 1,
        'g' => precision.max(1),
        _ => precision,
    };
    let mut sign = negative;
    if flags.no_neg_0 && sign && digits.iter().all(|&d| d == b'0') {
        sign = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let mut p: Vec<u8> = Vec::with_capacity((vdigits_end - vdigits_start).max(0) as usize + 8);
    if sign {
        p.push(b'-');
    } else if flags.sign {
        p.push(b'+');
    }
    let zeros = |p: &mut Vec<u8>, n: i64| p.extend(std::iter::repeat_n(b'0', n.max(0) as usize));
    if decpt <= 0 {
        zeros(&mut p, decpt - vdigits_start);
        p.push(b'.');
        zeros(&mut p, -decpt);
    } else {
        zeros(&mut p, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        p.extend_from_slice(&digits[..decpt as usize]);
        p.push(b'.');
        p.extend_from_slice(&digits[decpt as usize..]);
    } else {
        p.extend_from_slice(&digits);
    }
    if digits_len < decpt {
        zeros(&mut p, decpt - digits_len);
        p.push(b'.');
        zeros(&mut p, vdigits_end - decpt);
    } else {
        zeros(&mut p, vdigits_end - digits_len);
    }
    if p.last() == Some(&b'.') && !flags.alt {
        p.pop();
    }
    let mut out = String::from_utf8(p).unwrap_or_default();
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// Splits Rust's `{:e}` output ("d.ddde-N") into digits and decpt.
fn split_exp(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, exp + 1)
}

/// dtoa mode 0: shortest digits that round-trip; among several shortest
/// candidates the closest to `a`, ties going to the even digit (Rust's
/// shortest mode rounds such ties up, so they are redone here).
fn shortest_digits(a: f64) -> (Vec<u8>, i64) {
    if a == 0.0 {
        return (vec![b'0'], 1);
    }
    let (digits, decpt) = split_exp(&format!("{:e}", a));
    if digits.len() >= 16 && may_be_decimal_tie(a) {
        let c = format!("{:.*e}", digits.len() - 1, a);
        if c.parse::<f64>() == Ok(a) {
            return split_exp(&c);
        }
    }
    (digits, decpt)
}

/// Whether the exact decimal value of `a` (> 0) has at most 18 significant
/// digits, the only case where two 16- or 17-digit candidates can be equally
/// close to it.
fn may_be_decimal_tie(a: f64) -> bool {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut m = bits & ((1u64 << 52) - 1);
    let mut e = if exp == 0 { -1074 } else { exp - 1075 };
    if exp != 0 {
        m |= 1 << 52;
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    if e >= 0 {
        // An integer: below 2**53 it has at most 16 digits and its shortest
        // repr is exact; above, no tie value is a multiple of the spacing.
        return false;
    }
    let k = -e;
    if k > 26 {
        return false;
    }
    // Exact value is m * 5**k / 10**k; its significant digits are those of
    // m * 5**k (odd, so no trailing zeros).
    (m as u128) * 5u128.pow(k as u32) < 1_000_000_000_000_000_000u128
}

/// dtoa mode 2: `ndigits` (>= 1) significant digits, trailing zeros dropped.
fn precision_digits(a: f64, ndigits: i64) -> (Vec<u8>, i64) {
    if a == 0.0 {
        return (vec![b'0'], 1);
    }
    // A double has at most 767 significant decimal digits; asking Rust for
    // more only appends zeros, which would be stripped anyway.
    let nd = ndigits.clamp(1, 800) as usize;
    split_exp(&format!("{:.*e}", nd - 1, a))
}

/// dtoa mode 3: digits up to `ndigits` places after the point, trailing
/// zeros dropped; empty (with decpt = -ndigits) when it rounds to zero.
fn fixed_digits(a: f64, ndigits: i64) -> (Vec<u8>, i64) {
    if a == 0.0 {
        return (vec![b'0'], 1);
    }
    // Past 1100 places every double's expansion has ended (the smallest
    // subnormal has 1074 fractional digits).
    let nd = ndigits.clamp(0, 1100) as usize;
    let s = format!("{:.*}", nd, a);
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut all: Vec<u8> = Vec::with_capacity(s.len());
    all.extend_from_slice(int_part.as_bytes());
    all.extend_from_slice(frac.as_bytes());
    let lz = all.iter().take_while(|&&b| b == b'0').count();
    if lz == all.len() {
        return (Vec::new(), -ndigits);
    }
    let decpt = int_part.len() as i64 - lz as i64;
    let mut digits = all.split_off(lz);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234568e16, "1.2345678901234568e+16"),
            (9999999999999998.0, "9999999999999998.0"),
            (0.1, "0.1"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for &(x, s) in cases {
            assert_eq!(float_repr(x), s);
        }
    }

    #[test]
    fn modes() {
        let f = DtoaFlags::default();
        assert_eq!(float_to_string(2.675, 'f', 2, f), "2.67");
        assert_eq!(float_to_string(0.0, 'e', 6, f), "0.000000e+00");
        assert_eq!(float_to_string(1e100, 'E', 6, f), "1.000000E+100");
        assert_eq!(float_to_string(123456789.0, 'g', 6, f), "1.23457e+08");
        assert_eq!(
            float_to_string(
                -0.0001,
                'f',
                2,
                DtoaFlags {
                    no_neg_0: true,
                    ..f
                }
            ),
            "0.00"
        );
        assert_eq!(
            float_to_string(1.0, 'g', 6, DtoaFlags { alt: true, ..f }),
            "1.00000"
        );
    }
}
