//! The `math` functions the Lib needs that `math.rs` lacked (issue 19, branch `data`):
//! `gamma` and `lgamma` (CPython's own Lanczos approximation, so that the results are
//! CPython's bit for bit rather than the C library's), `fma`, and `sumprod` (exact
//! integer accumulation, compensated float accumulation, Python arithmetic for the rest).
use gilvm_object::code::BinOp;
use gilvm_object::{ObjRef, Value};

use gilvm_vm::args::Args;
use gilvm_vm::builtins::numbers::float_of;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

// Both are exact binary fractions (CPython writes them in full).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum of the approximation (Horner's rule in `x` or `1/x`).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)` with exact zeros at the integers.
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i64;
    let r = match n {
        0 => (std::f64::consts::PI * y).sin(),
        1 => (std::f64::consts::PI * (y - 0.5)).cos(),
        2 => (std::f64::consts::PI * (1.0 - y)).sin(),
        3 => -(std::f64::consts::PI * (y - 1.5)).cos(),
        _ => (std::f64::consts::PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

enum MathErr {
    Domain,
    Range,
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(MathErr::Domain)
        };
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            let mut r = 1.0;
            for k in 2..(x as i64) {
                r *= k as f64;
            }
            return Ok(r);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sinpi(x))
        } else {
            Err(MathErr::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathErr::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = std::f64::consts::PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn gamma_like(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    f: fn(f64) -> Result<f64, MathErr>,
) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    let x = float_of(interp, &a[0])?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(MathErr::Range) => Err(interp.overflow_error("math range error")),
        Err(MathErr::Domain) => {
            let shown = interp.repr(&Value::Float(x))?;
            Err(interp.value_error(format!(
                "expected a noninteger or positive integer, got {shown}"
            )))
        }
    }
}

fn m_gamma(interp: &mut Interp, args: Args<'_>) -> PyResult {
    gamma_like(interp, args, "gamma", tgamma)
}

fn m_lgamma(interp: &mut Interp, args: Args<'_>) -> PyResult {
    gamma_like(interp, args, "lgamma", lgamma)
}

/// `fma(x, y, z)`: `x*y + z` with one rounding.
fn m_fma(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "fma", 3, 3)?;
    let x = float_of(interp, &a[0])?;
    let y = float_of(interp, &a[1])?;
    let z = float_of(interp, &a[2])?;
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(interp.value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(interp.overflow_error("overflow in fma"));
        }
    }
    Ok(Value::Float(r))
}

/// A value for the float path of `sumprod`: a float, or an int exactly a float.
fn exact_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(*i as f64),
        _ => None,
    }
}

/// An exact int (not a bool, not an instance of a subclass).
fn exact_int(v: &Value) -> bool {
    match v {
        Value::Int(_) => true,
        Value::Obj(o) => matches!(o.payload(), gilvm_object::Payload::Int(_)),
        _ => false,
    }
}

/// `sumprod(p, q)`: ints (exact int pairs) are summed exactly, float pairs with a
/// compensated sum (TwoProduct by `fma`, TwoSum), anything else with Python's `*` and
/// `+`; the partial sums join the Python total whenever the kind of pair changes.
fn m_sumprod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sumprod", 2, 2)?;
    let p = interp.collect(&a[0])?;
    let q = interp.collect(&a[1])?;
    if p.len() != q.len() {
        return Err(interp.value_error("Inputs are not the same length"));
    }
    let mut total = Value::Int(0);
    let mut int_total: Option<num_bigint::BigInt> = None;
    let mut flt: Option<(f64, f64)> = None;
    let flush_int =
        |interp: &mut Interp, total: Value, it: &mut Option<num_bigint::BigInt>| match it.take() {
            Some(b) => {
                let v = interp.new_bigint(b);
                interp.binary_op(BinOp::Add, total, v, false)
            }
            None => Ok(total),
        };
    let flush_flt = |interp: &mut Interp, total: Value, f: &mut Option<(f64, f64)>| match f.take() {
        Some((s, c)) => {
            // An overflow makes the compensation NaN: the plain sum (an infinity) stands.
            let r = if (s + c).is_finite() { s + c } else { s };
            interp.binary_op(BinOp::Add, total, Value::Float(r), false)
        }
        None => Ok(total),
    };
    for (x, y) in p.iter().zip(q.iter()) {
        let ints = exact_int(x) && exact_int(y);
        if ints {
            total = flush_flt(interp, total, &mut flt)?;
            let (bx, by) = (
                x.to_bigint().unwrap_or_default(),
                y.to_bigint().unwrap_or_default(),
            );
            let acc = int_total.take().unwrap_or_default();
            int_total = Some(acc + bx * by);
            continue;
        }
        let floats = (matches!(x, Value::Float(_)) || matches!(y, Value::Float(_)))
            && exact_float(x).is_some()
            && exact_float(y).is_some();
        if floats {
            total = flush_int(interp, total, &mut int_total)?;
            let (fx, fy) = (exact_float(x).unwrap_or(0.0), exact_float(y).unwrap_or(0.0));
            let prod = fx * fy;
            let err = fx.mul_add(fy, -prod);
            let (s, c) = flt.unwrap_or((0.0, 0.0));
            let sum = s + prod;
            let bp = sum - s;
            let e2 = (s - (sum - bp)) + (prod - bp);
            flt = Some((sum, c + err + e2));
            continue;
        }
        total = flush_int(interp, total, &mut int_total)?;
        total = flush_flt(interp, total, &mut flt)?;
        let term = interp.binary_op(BinOp::Mul, x.clone(), y.clone(), false)?;
        total = interp.binary_op(BinOp::Add, total, term, false)?;
    }
    total = flush_int(interp, total, &mut int_total)?;
    flush_flt(interp, total, &mut flt)
}

/// Adds these functions to the `math` module.
pub fn init(interp: &mut Interp, m: &ObjRef) {
    interp.add_function(m, "gamma", m_gamma);
    interp.add_function(m, "lgamma", m_lgamma);
    interp.add_function(m, "fma", m_fma);
    interp.add_function(m, "sumprod", m_sumprod);
}
