//! The `math` module: constants, the libm wrappers with CPython's error rules
//! (`math_1`/`math_2`: a NaN from non-NaN input is "math domain error", an infinity from
//! finite input is "math range error" or a domain error), logarithms of ints of any size,
//! rounding to ints, `hypot`/`dist` (CPython's accurate vector norm), and `frexp`/`ldexp`.
//! The integer functions, `fsum` and `prod` are in `int`; gamma and friends in `special`;
//! `cmath` (a module of its own) shares the libm bindings and argument checks.
use num_traits::{Signed, ToPrimitive};

use gilvm_object::{ObjRef, Payload, Value};

use gilvm_vm::args::Args;
use gilvm_vm::builtins::float_util;
use gilvm_vm::builtins::numbers::{self, float_of, int_ref, IntRef};
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

pub mod cmath;
mod int;
mod special;

macro_rules! libm_fns {
    ($($name:ident $alias:literal ($($arg:ident),*);)*) => {
        /// The C library's math functions (the same ones CPython calls, so results match bit
        /// for bit). With glibc they are bound through their `…f64` aliases: the plain names
        /// can resolve to the Rust runtime's own copies of some of them (its `cbrt` rounds
        /// differently from glibc's).
        pub(crate) mod libm {
            #[cfg_attr(unix, link(name = "m"))]
            unsafe extern "C" {
                $(
                    #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = $alias)]
                    pub safe fn $name($($arg: f64),*) -> f64;
                )*
            }
        }
    };
}

libm_fns! {
    sin "sinf64" (x);
    cos "cosf64" (x);
    tan "tanf64" (x);
    asin "asinf64" (x);
    acos "acosf64" (x);
    atan "atanf64" (x);
    atan2 "atan2f64" (y, x);
    sinh "sinhf64" (x);
    cosh "coshf64" (x);
    tanh "tanhf64" (x);
    asinh "asinhf64" (x);
    acosh "acoshf64" (x);
    atanh "atanhf64" (x);
    exp "expf64" (x);
    exp2 "exp2f64" (x);
    expm1 "expm1f64" (x);
    log "logf64" (x);
    log2 "log2f64" (x);
    log10 "log10f64" (x);
    log1p "log1pf64" (x);
    cbrt "cbrtf64" (x);
    erf "erff64" (x);
    erfc "erfcf64" (x);
    fmod "fmodf64" (x, y);
    pow "powf64" (x, y);
    remainder "remainderf64" (x, y);
    nextafter "nextafterf64" (x, y);
    hypot "hypotf64" (x, y);
}

/// CPython's `_PyArg_CheckPositional` for the functions that take a fixed number of
/// positional arguments.
pub fn check_args<'a>(
    interp: &Interp,
    args: Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos().len();
    if n < min || n > max {
        let (what, k) = if n < min {
            (if min == max { "" } else { "at least " }, min)
        } else {
            (if min == max { "" } else { "at most " }, max)
        };
        return Err(interp.type_error(format!(
            "{name} expected {what}{k} argument{}, got {n}",
            if k == 1 { "" } else { "s" }
        )));
    }
    Ok(args.pos())
}

fn domain(interp: &Interp) -> gilvm_vm::error::PyErr {
    interp.value_error("math domain error")
}

fn range(interp: &Interp) -> gilvm_vm::error::PyErr {
    interp.overflow_error("math range error")
}

/// CPython 3.14's domain error of a one-argument function: its own message (`{}` is the
/// argument's repr), or "math domain error" when it has none.
fn domain_msg(interp: &Interp, msg: &str, x: f64) -> gilvm_vm::error::PyErr {
    if msg.is_empty() {
        return domain(interp);
    }
    interp.value_error(msg.replace("{}", &gilvm_object::fmt::float_repr(x)))
}

/// `math_1`: one float argument, libm function, CPython's error rules (`msg`: the
/// function's domain error message, see [`domain_msg`]).
fn math_1(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    f: impl Fn(f64) -> f64,
    can_overflow: bool,
    msg: &str,
) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    let x = float_of(interp, &a[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_msg(interp, msg, x));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range(interp)
        } else {
            domain_msg(interp, msg, x)
        });
    }
    Ok(Value::Float(r))
}

/// `math_2`: two float arguments.
fn math_2(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    f: impl Fn(f64, f64) -> f64,
) -> PyResult {
    let a = check_args(interp, args, name, 2, 2)?;
    let x = float_of(interp, &a[0])?;
    let y = float_of(interp, &a[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(interp));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(interp));
    }
    Ok(Value::Float(r))
}

macro_rules! func1 {
    ($($f:ident $name:literal $libm:expr, $ovf:expr, $msg:expr;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            math_1(interp, args, concat!("math.", $name), |x| $libm(x), $ovf, $msg)
        })*
        fn register_func1(interp: &mut Interp, m: &ObjRef) {
            $(interp.add_function(m, $name, $f);)*
        }
    };
}

fn m_log1p(x: f64) -> f64 {
    // log1p(-0.0) is -0.0 on every platform CPython supports; libm agrees.
    libm::log1p(x)
}

fn m_fabs(x: f64) -> f64 {
    x.abs()
}

fn m_sqrt(x: f64) -> f64 {
    x.sqrt()
}

func1! {
    m_acos "acos" libm::acos, false, "expected a number in range from -1 up to 1, got {}";
    m_acosh "acosh" libm::acosh, false, "expected argument value not less than 1, got {}";
    m_asin "asin" libm::asin, false, "expected a number in range from -1 up to 1, got {}";
    m_asinh "asinh" libm::asinh, false, "";
    m_atan "atan" libm::atan, false, "";
    m_atanh "atanh" libm::atanh, false, "expected a number between -1 and 1, got {}";
    m_cbrt "cbrt" libm::cbrt, false, "";
    m_cos "cos" libm::cos, false, "expected a finite input, got {}";
    m_cosh "cosh" libm::cosh, true, "";
    m_exp "exp" libm::exp, true, "";
    m_exp2 "exp2" libm::exp2, true, "";
    m_expm1 "expm1" libm::expm1, true, "";
    m_fabs_fn "fabs" m_fabs, false, "";
    m_log1p_fn "log1p" m_log1p, false, "expected argument value > -1, got {}";
    m_sin "sin" libm::sin, false, "expected a finite input, got {}";
    m_sinh "sinh" libm::sinh, true, "";
    m_sqrt_fn "sqrt" m_sqrt, false, "expected a nonnegative input, got {}";
    m_tan "tan" libm::tan, false, "expected a finite input, got {}";
    m_tanh "tanh" libm::tanh, false, "";
}

fn m_erf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.erf", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    Ok(Value::Float(libm::erf(x)))
}

fn m_erfc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.erfc", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    Ok(Value::Float(libm::erfc(x)))
}

fn m_atan2(interp: &mut Interp, args: Args<'_>) -> PyResult {
    math_2(interp, args, "atan2", |y, x| libm::atan2(y, x))
}

fn m_copysign(interp: &mut Interp, args: Args<'_>) -> PyResult {
    math_2(interp, args, "copysign", f64::copysign)
}

fn m_remainder(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "remainder", 2, 2)?;
    let x = float_of(interp, &a[0])?;
    let y = float_of(interp, &a[1])?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(interp));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    Ok(Value::Float(libm::remainder(x, y)))
}

fn m_fmod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "fmod", 2, 2)?;
    let x = float_of(interp, &a[0])?;
    let y = float_of(interp, &a[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(interp));
    }
    Ok(Value::Float(r))
}

fn m_pow(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "pow", 2, 2)?;
    let x = float_of(interp, &a[0])?;
    let y = float_of(interp, &a[1])?;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
    } else {
        r = libm::pow(x, y);
        if r.is_nan() {
            return Err(domain(interp));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                domain(interp)
            } else {
                range(interp)
            });
        }
    }
    Ok(Value::Float(r))
}

/// `loghelper`: logs of ints of any size (via frexp when they overflow a float).
fn log_helper(interp: &mut Interp, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_ref(v) {
        let positive = match &i {
            IntRef::Small(n) => *n > 0,
            IntRef::Big(b) => b.is_positive(),
        };
        if !positive {
            return Err(interp.value_error("expected a positive input"));
        }
        if let IntRef::Big(b) = &i {
            if float_util::bigint_to_f64(b).is_none() {
                // x ~= m * 2**e with 0.5 <= m < 1.
                let bits = b.bits() as i64;
                let shift = bits - 64;
                let top = b.magnitude() >> shift as usize;
                let sticky = b
                    .magnitude()
                    .trailing_zeros()
                    .is_some_and(|t| (t as i64) < shift);
                let m = top.to_u64().unwrap_or(u64::MAX) | sticky as u64;
                let (mut x, mut e) = (m as f64 / 18446744073709551616.0, bits);
                if x == 1.0 {
                    x = 0.5;
                    e += 1;
                }
                return Ok(f(x) + f(2.0) * e as f64);
            }
        }
        let x = numbers::int_to_f64(interp, &i)?;
        return Ok(f(x));
    }
    let x = float_of(interp, v)?;
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain_msg(interp, "expected a positive input, got {}", x));
    }
    Ok(r)
}

/// `m_log`, `m_log2`, `m_log10`: NaN for negative input, -inf for zero.
fn safe_log(x: f64, f: impl Fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn ln(x: f64) -> f64 {
    safe_log(x, |v| libm::log(v))
}
fn lg2(x: f64) -> f64 {
    safe_log(x, |v| libm::log2(v))
}
fn lg10(x: f64) -> f64 {
    safe_log(x, |v| libm::log10(v))
}

fn m_log(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "log", 1, 2)?;
    let num = log_helper(interp, &a[0], ln)?;
    match a.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_helper(interp, b, ln)?;
            if den == 0.0 {
                return Err(interp.zero_division("division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn m_log2(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.log2", 1, 1)?;
    Ok(Value::Float(log_helper(interp, &a[0], lg2)?))
}

fn m_log10(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.log10", 1, 1)?;
    Ok(Value::Float(log_helper(interp, &a[0], lg10)?))
}

/// `floor`, `ceil`, `trunc`: the special method if the type has one, else via float.
fn to_integral(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    let v = &a[0];
    if let Value::Float(x) = v {
        return numbers::f64_to_int(interp, f(*x));
    }
    if let Some(m) = interp.lookup_special(v, dunder) {
        return interp.call_method_value(&m, v, &[]);
    }
    if dunder == "__trunc__" {
        return Err(interp.type_error(format!(
            "type {} doesn't define __trunc__ method",
            interp.type_name(v)
        )));
    }
    let x = float_of(interp, v)?;
    numbers::f64_to_int(interp, f(x))
}

fn m_floor(interp: &mut Interp, args: Args<'_>) -> PyResult {
    to_integral(interp, args, "math.floor", "__floor__", f64::floor)
}
fn m_ceil(interp: &mut Interp, args: Args<'_>) -> PyResult {
    to_integral(interp, args, "math.ceil", "__ceil__", f64::ceil)
}
fn m_trunc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    to_integral(interp, args, "math.trunc", "__trunc__", f64::trunc)
}

fn m_degrees(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.degrees", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.radians", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.isfinite", 1, 1)?;
    Ok(Value::Bool(float_of(interp, &a[0])?.is_finite()))
}
fn m_isinf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.isinf", 1, 1)?;
    Ok(Value::Bool(float_of(interp, &a[0])?.is_infinite()))
}
fn m_isnan(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.isnan", 1, 1)?;
    Ok(Value::Bool(float_of(interp, &a[0])?.is_nan()))
}

fn m_isclose(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = numbers::bind_args(
        interp,
        args,
        "isclose",
        0,
        &["a", "b"],
        2,
        &["rel_tol", "abs_tol"],
    )?;
    let (Some(av), Some(bv)) = (b[0].clone(), b[1].clone()) else {
        let which = if b[0].is_none() {
            "'a' (pos 1)"
        } else {
            "'b' (pos 2)"
        };
        return Err(interp.type_error(format!("isclose() missing required argument {which}")));
    };
    let x = float_of(interp, &av)?;
    let y = float_of(interp, &bv)?;
    let (rel_tol, abs_tol) = isclose_tolerances(interp, &b[2], &b[3])?;
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

fn m_modf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.modf", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(interp.new_tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_frexp(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.frexp", 1, 1)?;
    let x = float_of(interp, &a[0])?;
    let (m, e) = float_util::frexp(x);
    Ok(interp.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "ldexp", 2, 2)?;
    let x = float_of(interp, &a[0])?;
    let e = match int_ref(&a[1]) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(b)) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        None => return Err(interp.type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = float_util::ldexp(x, e);
    if r.is_infinite() {
        return Err(range(interp));
    }
    Ok(Value::Float(r))
}

fn m_nextafter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = numbers::bind_args(interp, args, "nextafter", 0, &["x", "y"], 2, &["steps"])?;
    let (Some(xv), Some(yv)) = (b[0].clone(), b[1].clone()) else {
        return Err(interp.type_error(format!(
            "nextafter expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    let x = float_of(interp, &xv)?;
    let y = float_of(interp, &yv)?;
    let steps = match b[2].clone().filter(|v| !v.is_none()) {
        None => return Ok(Value::Float(libm::nextafter(x, y))),
        Some(s) => numbers::index_big(interp, &s)?,
    };
    if steps.is_negative() {
        return Err(interp.value_error("steps must be a non-negative integer"));
    }
    let n = steps.to_u64().unwrap_or(u64::MAX);
    Ok(Value::Float(next_after_steps(x, y, n)))
}

/// `nextafter(x, y, steps=n)`: n steps towards y, counting in the ordered bit patterns.
fn next_after_steps(x: f64, y: f64, n: u64) -> f64 {
    if n == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    let sign = 1u64 << 63;
    let (ax, ay) = (ux & !sign, uy & !sign);
    if (ux ^ uy) & sign != 0 {
        if ax + ay <= n {
            y
        } else if ax < n {
            f64::from_bits((uy & sign) | (n - ax))
        } else {
            f64::from_bits(ux - n)
        }
    } else if ax > ay {
        if ax - ay >= n {
            f64::from_bits(ux - n)
        } else {
            y
        }
    } else if ay - ax >= n {
        f64::from_bits(ux + n)
    } else {
        y
    }
}

fn m_ulp(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "math.ulp", 1, 1)?;
    let x = float_of(interp, &a[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = libm::nextafter(x, -f64::INFINITY);
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

// ---- hypot and dist: CPython's vector_norm ----

/// Error-free product: `x * y == hi + lo` exactly.
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// Error-free sum for `|a| >= |b|`.
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// The Euclidean norm of non-negative finite values (`max` is their maximum), accurate to
/// within one ulp and identical to CPython's.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = float_util::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: scale subnormals up first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = float_util::ldexp(1.0, -(max_e as i64));
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, slo) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, slo) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("hypot() takes no keyword arguments"));
    }
    let mut coords = Vec::with_capacity(args.pos().len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args.pos() {
        let x = float_of(interp, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

fn m_dist(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = check_args(interp, args, "dist", 2, 2)?;
    let seq = |interp: &mut Interp, v: &Value| -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            if let Payload::Tuple(t) = o.payload() {
                return Ok(t.to_vec());
            }
        }
        interp.collect(v)
    };
    let p = seq(interp, &a[0])?;
    let q = seq(interp, &a[1])?;
    if p.len() != q.len() {
        return Err(interp.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (pv, qv) in p.iter().zip(q.iter()) {
        let px = float_of(interp, pv)?;
        let qx = float_of(interp, qv)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, found_nan)))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_value(m, "pi", Value::Float(std::f64::consts::PI));
    interp.add_value(m, "e", Value::Float(std::f64::consts::E));
    interp.add_value(m, "tau", Value::Float(std::f64::consts::TAU));
    interp.add_value(m, "inf", Value::Float(f64::INFINITY));
    interp.add_value(m, "nan", Value::Float(f64::NAN));
    register_func1(interp, m);
    let fns: [(&'static str, gilvm_vm::interp::NativeFn); 30] = [
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("atan2", m_atan2),
        ("copysign", m_copysign),
        ("remainder", m_remainder),
        ("fmod", m_fmod),
        ("pow", m_pow),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("gcd", int::gcd),
        ("lcm", int::lcm),
        ("factorial", int::factorial),
        ("isqrt", int::isqrt),
    ];
    for (name, f) in fns {
        interp.add_function(m, name, f);
    }
    interp.add_function(m, "comb", int::comb);
    interp.add_function(m, "perm", int::perm);
    interp.add_function(m, "prod", int::prod);
    interp.add_function(m, "fsum", int::fsum);
    // Issue 19 (branch `data`).
    special::init(interp, m);
    Ok(())
}

/// `isclose()`'s `rel_tol` (default 1e-9) and `abs_tol` (default 0.0), checked as CPython
/// does; shared by `math.isclose` and `cmath.isclose`.
pub(crate) fn isclose_tolerances(
    interp: &mut Interp,
    rel: &Option<Value>,
    abs: &Option<Value>,
) -> PyResult<(f64, f64)> {
    let rel_tol = match rel {
        Some(v) => float_of(interp, v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => float_of(interp, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(interp.value_error("tolerances must be non-negative"));
    }
    Ok((rel_tol, abs_tol))
}
