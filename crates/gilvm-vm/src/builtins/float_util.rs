//! Exact float helpers with no interpreter state: `frexp`/`ldexp`, exact conversions between
//! floats and big ints, correctly rounded `round(x, n)`, `float.hex`/`float.fromhex` and
//! `as_integer_ratio`. All follow CPython's results bit for bit.
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, ToPrimitive, Zero};

/// Mantissa and exponent of a finite non-zero float: `x == m * 2**e` with `m` an integer
/// (53 significant bits at most), sign not included.
pub fn decode(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// C's `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (or `(x, 0)` for 0, inf and nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (m, e) = decode(x);
    let shift = m.leading_zeros() as i64 - 11; // normalise to 53 bits
    let m = m << shift;
    let e = e - shift + 53;
    let mant = f64::from_bits((m & ((1u64 << 52) - 1)) | (1022u64 << 52));
    (if x < 0.0 { -mant } else { mant }, e as i32)
}

/// C's `ldexp`: `x * 2**e`, correctly rounded (half-even) into the subnormal range, `±inf`
/// on overflow.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = decode(x);
    let r = scaled_u128_to_f64(m as u128, ex.saturating_add(e), false);
    if x < 0.0 {
        -r
    } else {
        r
    }
}

/// `m * 2**e` for a non-negative integer `m` below 2**128, correctly rounded; `sticky` says
/// that the exact value is slightly above `m * 2**e` (bits below were dropped).
fn scaled_u128_to_f64(m: u128, e: i64, sticky: bool) -> f64 {
    if m == 0 {
        return 0.0;
    }
    // Far outside the float range (also keeps the arithmetic below from overflowing).
    if e > 2000 {
        return f64::INFINITY;
    }
    if e < -1300 {
        return 0.0;
    }
    let nbits = 128 - m.leading_zeros() as i64;
    // Position of the lowest bit kept: 53 significant bits, but not below 2**-1074.
    let top = nbits + e; // the value is in [2**(top-1), 2**top)
    if top > 1024 {
        return f64::INFINITY;
    }
    let low = (top - 53).max(-1074);
    let shift = low - e;
    let (mut q, rest_half, rest_nonzero) = if shift > 0 {
        if shift > 128 {
            // Below half of the smallest subnormal.
            (0u128, false, true)
        } else if shift == 128 {
            let half = 1u128 << 127;
            (0u128, m >= half, m != half || sticky)
        } else {
            let q = m >> shift;
            let rem = m & ((1u128 << shift) - 1);
            let half = 1u128 << (shift - 1);
            (q, rem >= half, rem != half && rem != 0 || sticky)
        }
    } else {
        (m << (-shift) as u32, false, sticky)
    };
    // Round half to even (rest_half: at least half; rest_nonzero: more than exactly half).
    if shift > 0 && rest_half && (rest_nonzero || q & 1 == 1) {
        q += 1;
    }
    // q * 2**low is exact now (q <= 2**53).
    let qf = q as f64;
    let mut low = low;
    let mut r = qf;
    if low > 0 {
        while low > 1000 {
            r *= f64::from_bits((1023u64 + 1000) << 52);
            low -= 1000;
        }
        r * f64::from_bits(((1023 + low) as u64) << 52)
    } else {
        // Divide in steps that keep the intermediate normal until the last one.
        while low < -1000 {
            r *= f64::from_bits((1023u64 - 1000) << 52);
            low += 1000;
        }
        if low < -1022 {
            r *= f64::from_bits((1023u64 - 1022) << 52);
            low += 1022;
        }
        r * f64::from_bits(((1023 + low) as u64) << 52)
    }
}

/// `m * 2**e` for a big non-negative integer, correctly rounded (inf on overflow).
pub fn biguint_scaled_to_f64(m: &BigUint, e: i64) -> f64 {
    let bits = m.bits() as i64;
    if bits <= 128 {
        return scaled_u128_to_f64(m.to_u128().unwrap_or(0), e, false);
    }
    let drop = bits - 120;
    let top: BigUint = m >> drop as usize;
    let sticky = m
        .trailing_zeros()
        .map(|t| (t as i64) < drop)
        .unwrap_or(false);
    scaled_u128_to_f64(top.to_u128().unwrap_or(0), e.saturating_add(drop), sticky)
}

/// An int as a float, correctly rounded; None when it overflows.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let r = biguint_scaled_to_f64(b.magnitude(), 0);
    if r.is_infinite() {
        return None;
    }
    Some(if b.sign() == Sign::Minus { -r } else { r })
}

/// The integer part of a finite float, exactly.
pub fn f64_to_bigint(x: f64) -> BigInt {
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return BigInt::from(t as i64);
    }
    let (m, e) = decode(t);
    let mag = BigInt::from(m) << e.max(0) as usize;
    if x < 0.0 {
        -mag
    } else {
        mag
    }
}

/// `x.as_integer_ratio()` for a finite float.
pub fn as_integer_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let (m, e) = decode(x);
    let tz = m.trailing_zeros() as i64;
    let (m, e) = (m >> tz, e + tz);
    let m = if x < 0.0 {
        -BigInt::from(m)
    } else {
        BigInt::from(m)
    };
    if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    }
}

/// Rounds an int to a multiple of `10**k` (k > 0), halves to even.
pub fn round_int_to_pow10(x: &BigInt, k: u64) -> BigInt {
    // 10**k > 2|x| gives 0 without computing a huge power.
    if (k as f64) * std::f64::consts::LOG2_10 > x.bits() as f64 + 2.0 {
        return BigInt::zero();
    }
    let p: BigInt = Pow::pow(BigInt::from(10u32), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice = &r * 2u32;
    let up = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q.is_odd(),
        std::cmp::Ordering::Less => false,
    };
    let q = if up { q + 1u32 } else { q };
    q * p
}

/// `round(x, ndigits)` for a float as CPython computes it (round-half-even on the exact
/// decimal value); None when the result overflows.
pub fn round_f64(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103 and (DBL_MAX_EXP + 1) * 0.30103.
    if ndigits > 323 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0 * x);
    }
    let r = if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().unwrap_or(x)
    } else {
        let k = (-ndigits) as u64;
        let (m, e) = decode(x);
        let mag = if e >= 0 {
            round_int_to_pow10(&(BigInt::from(m) << e as usize), k)
        } else {
            // m / 2**-e rounded to a multiple of 10**k: q = round(m / (10**k * 2**-e)).
            let d: BigInt = Pow::pow(BigInt::from(10u32), k) << (-e) as usize;
            let (q, r) = BigInt::from(m).div_mod_floor(&d);
            let twice = &r * 2u32;
            let up = match twice.cmp(&d) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => q.is_odd(),
                std::cmp::Ordering::Less => false,
            };
            let q = if up { q + 1u32 } else { q };
            q * Pow::pow(BigInt::from(10u32), k)
        };
        let f = biguint_scaled_to_f64(mag.magnitude(), 0);
        if x < 0.0 {
            -f
        } else {
            f
        }
    };
    if r.is_infinite() {
        return None;
    }
    Some(r)
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    let (m, e) = frexp(x.abs());
    // shift = 1 - max(DBL_MIN_EXP - e, 0)
    let shift = 1 - (-1021 - e).max(0);
    let mut m = ldexp(m, shift as i64);
    let e = e - shift;
    let mut s = String::new();
    if x < 0.0 {
        s.push('-');
    }
    s.push_str("0x");
    let d = m as u32;
    s.push(std::char::from_digit(d, 16).unwrap_or('0'));
    m -= d as f64;
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        let d = m as u32;
        s.push(std::char::from_digit(d, 16).unwrap_or('0'));
        m -= d as f64;
    }
    s.push('p');
    if e < 0 {
        s.push('-');
    } else {
        s.push('+');
    }
    s.push_str(&e.abs().to_string());
    s
}

/// Why `float.fromhex` failed.
pub enum FromHexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, FromHexError> {
    // `Py_ISSPACE` (vertical tab included).
    let t = s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sign = |v: f64| if neg { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(sign(f64::NAN));
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        i = 2;
    }
    let mut mant = BigUint::zero();
    let mut ndigits = 0usize;
    let mut frac_digits = 0i64;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4usize) + d;
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(FromHexError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(FromHexError::Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(FromHexError::Invalid);
    }
    if mant.is_zero() {
        return Ok(sign(0.0));
    }
    let e = exp.saturating_sub(4 * frac_digits);
    let r = biguint_scaled_to_f64(&mant, e);
    if r.is_infinite() {
        return Err(FromHexError::Overflow);
    }
    Ok(sign(r))
}

/// CPython's float floor division and modulo together (`divmod` of floats, divisor non-zero).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}
