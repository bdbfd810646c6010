//! The integer functions of `math` (`gcd`, `lcm`, `factorial`, `isqrt`, `comb`, `perm`),
//! exact for ints of any size, and `prod` and `fsum` (Shewchuk's exact summation with
//! CPython's final half-even correction).
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use gilvm_object::code::BinOp;
use gilvm_object::Value;

use gilvm_vm::args::Args;
use gilvm_vm::builtins::numbers::{self, float_of, index_big};
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

fn ints(interp: &mut Interp, args: Args<'_>, name: &str) -> PyResult<Vec<BigInt>> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let mut out = Vec::with_capacity(args.pos().len());
    for v in args.pos() {
        out.push(index_big(interp, v)?);
    }
    Ok(out)
}

fn gcd2(a: &BigInt, b: &BigInt) -> BigInt {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        let (mut x, mut y) = (x.unsigned_abs(), y.unsigned_abs());
        while y != 0 {
            (x, y) = (y, x % y);
        }
        return BigInt::from(x);
    }
    a.gcd(b)
}

pub fn gcd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = ints(interp, args, "gcd")?;
    let mut r = BigInt::zero();
    for x in &v {
        if r.is_one() {
            continue;
        }
        r = gcd2(&r, x);
    }
    Ok(interp.new_bigint(r.abs()))
}

pub fn lcm(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = ints(interp, args, "lcm")?;
    let Some(first) = v.first() else {
        return Ok(Value::Int(1));
    };
    let mut r = first.abs();
    for x in &v[1..] {
        if r.is_zero() {
            continue;
        }
        if x.is_zero() {
            r = BigInt::zero();
            continue;
        }
        let g = gcd2(&r, x);
        r = (&r / &g * x).abs();
    }
    Ok(interp.new_bigint(r))
}

/// Product of the integers in `lo..=hi` (binary splitting keeps the operands balanced).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(lo);
        let mut small: u128 = 1;
        for k in lo + 1..=hi {
            match small.checked_mul(k as u128) {
                Some(s) if s < (1u128 << 100) => small = s,
                _ => {
                    acc *= small;
                    small = k as u128;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

/// Product of `n - k + 1 ..= n` for a big `n`.
fn falling_big(n: &BigInt, k: u64) -> BigInt {
    fn rec(start: &BigInt, len: u64) -> BigInt {
        // Product of start, start+1, ..., start+len-1.
        if len == 0 {
            return BigInt::one();
        }
        if len <= 8 {
            let mut acc = start.clone();
            for i in 1..len {
                acc *= start + i;
            }
            return acc;
        }
        let half = len / 2;
        rec(start, half) * rec(&(start + half), len - half)
    }
    rec(&(n - k + 1u32), k)
}

pub fn factorial(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.factorial", 1, 1)?;
    let n = index_big(interp, &a[0])?;
    if n.is_negative() {
        return Err(interp.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(
            interp.overflow_error("factorial() argument should not exceed 9223372036854775807")
        );
    };
    Ok(interp.new_bigint(range_product(1, n)))
}

pub fn isqrt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.isqrt", 1, 1)?;
    let n = index_big(interp, &a[0])?;
    if n.is_negative() {
        return Err(interp.value_error("isqrt() argument must be nonnegative"));
    }
    if let Some(x) = n.to_u64() {
        // Float estimate, then exact correction.
        let mut r = (x as f64).sqrt() as u64;
        while (r as u128) * (r as u128) > x as u128 {
            r -= 1;
        }
        while ((r + 1) as u128) * ((r + 1) as u128) <= x as u128 {
            r += 1;
        }
        return Ok(Value::Int(r as i64));
    }
    Ok(interp.new_bigint(n.sqrt()))
}

fn nonneg(interp: &mut Interp, v: &Value, what: &str) -> PyResult<BigInt> {
    let n = index_big(interp, v)?;
    if n.is_negative() {
        return Err(interp.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(n)
}

pub fn comb(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = super::check_args(interp, args, "comb", 2, 2)?;
    let n = nonneg(interp, &a[0], "n")?;
    let k = nonneg(interp, &a[1], "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(interp.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    if k == 0 {
        return Ok(Value::Int(1));
    }
    if let Some(nn) = n.to_u64() {
        if k <= 20 {
            // Exact running product: each step's division is exact.
            let mut r = BigInt::one();
            for i in 1..=k {
                r = r * (nn - k + i) / i;
            }
            return Ok(interp.new_bigint(r));
        }
        return Ok(interp.new_bigint(range_product(nn - k + 1, nn) / range_product(1, k)));
    }
    Ok(interp.new_bigint(falling_big(&n, k) / range_product(1, k)))
}

pub fn perm(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = super::check_args(interp, args, "perm", 1, 2)?;
    let k = a.get(1).filter(|v| !v.is_none());
    if k.is_none() {
        return factorial(interp, Args::new(&a[..1]));
    }
    let n = nonneg(interp, &a[0], "n")?;
    let k = match k {
        None => n.clone(),
        Some(v) => nonneg(interp, v, "k")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(interp.overflow_error("k must not exceed 9223372036854775807"));
    };
    if let Some(nn) = n.to_u64() {
        return Ok(interp.new_bigint(range_product(nn - k + 1, nn)));
    }
    Ok(interp.new_bigint(falling_big(&n, k)))
}

pub fn prod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = numbers::bind_args(interp, args, "prod", 0, &["iterable"], 1, &["start"])?;
    let Some(it) = b[0].clone() else {
        return Err(interp.type_error("prod() missing required argument 'iterable' (pos 1)"));
    };
    let mut acc = b[1].clone().unwrap_or(Value::Int(1));
    let iter = interp.iter(&it)?;
    while let Some(x) = interp.next(&iter)? {
        acc = interp.binary_op(BinOp::Mul, acc, x, false)?;
    }
    Ok(acc)
}

/// `fsum(iterable)`: the correctly rounded sum (Shewchuk's partials).
pub fn fsum(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.fsum", 1, 1)?;
    let iter = interp.iter(&a[0])?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = interp.next(&iter)? {
        let mut x = float_of(interp, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an inf or nan summand, or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(interp.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(interp.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        // Sum from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: when the next partial has the same sign as
        // the rounding error, the exact sum is past the halfway point.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}
