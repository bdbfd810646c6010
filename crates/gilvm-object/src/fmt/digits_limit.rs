//! The integer string conversion length limit (CPython's `sys.set_int_max_str_digits`,
//! PEP-less CVE-2020-10735 fix).
//!
//! What: converting between `int` and a decimal (or any non-power-of-two base) string is
//! quadratic, so CPython refuses conversions of more than `max_str_digits` digits (4300 by
//! default, 0 meaning unlimited) with a `ValueError`. Values of at most
//! [`THRESHOLD`] (640) digits are never checked, so the limit can be set no lower.
//!
//! Why here: the conversions (`repr`, `str`, `format(i, 'd')`, `'%d'`, `int(s)`) are pure
//! functions of this crate and of the interpreter; the limit is process-wide state that
//! both read, so it lives in one atomic. gilvm runs one interpreter per process, so
//! CPython's per-interpreter value is this one.
//!
//! Invariants: the stored value is 0 or at least [`THRESHOLD`] (the setter checks);
//! the int → str check refuses a value before converting it when its bit length
//! alone proves it too long, so a refused conversion costs no quadratic work.

use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::BigInt;

/// `sys.int_info.str_digits_check_threshold`.
pub const THRESHOLD: usize = 640;
/// `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// The current limit (`sys.get_int_max_str_digits()`); 0 is unlimited.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// Sets the limit; `Err` with CPython's message when `n` is neither 0 nor at least
/// [`THRESHOLD`].
pub fn set_max_str_digits(n: i64) -> Result<(), String> {
    if n != 0 && n < THRESHOLD as i64 {
        return Err(format!(
            "maxdigits must be >= {THRESHOLD} or 0 for unlimited"
        ));
    }
    let n = usize::try_from(n)
        .unwrap_or(usize::MAX)
        .min(i32::MAX as usize);
    MAX_STR_DIGITS.store(n, Ordering::Relaxed);
    Ok(())
}

/// The message for a string → int conversion of `digits` digits over the limit.
pub fn to_int_error(limit: usize, digits: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// The message for an int → string conversion over the limit.
pub fn to_str_error(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// Checks a string → int conversion of `digits` digits in `base` (digits only: no sign,
/// spaces, prefix or underscores); power-of-two bases are linear and never limited.
pub fn check_parse(digits: usize, base: u32) -> Result<(), String> {
    if base.is_power_of_two() || digits <= THRESHOLD {
        return Ok(());
    }
    let limit = max_str_digits();
    if limit > 0 && digits > limit {
        return Err(to_int_error(limit, digits));
    }
    Ok(())
}

/// The decimal digits of `|v|`, or the limit's message when there are too many.
pub fn decimal_magnitude(v: &BigInt) -> Result<String, String> {
    let limit = max_str_digits();
    let bits = v.bits();
    if limit > 0 && bits > (THRESHOLD as u64) * 3 {
        // At least floor((bits - 1) * log10(2)) + 1 decimal digits: refuse before
        // converting when even that is over the limit.
        let min_digits = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
        if min_digits > limit as u64 + 1 {
            return Err(to_str_error(limit));
        }
    }
    let s = v.magnitude().to_string();
    if limit > 0 && s.len() > THRESHOLD && s.len() > limit {
        return Err(to_str_error(limit));
    }
    Ok(s)
}

/// `str(v)` of a big int with its sign, or the limit's message.
pub fn decimal_string(v: &BigInt) -> Result<String, String> {
    let digits = decimal_magnitude(v)?;
    if v.sign() == num_bigint::Sign::Minus {
        Ok(format!("-{digits}"))
    } else {
        Ok(digits)
    }
}
