//! The `cmath` module: the complex elementary functions with CPython's formulas (the
//! scaling that avoids spurious overflow and underflow, the branch cuts continuous from
//! the side CPython's are, signed zeros), and its error rule: a result the C library
//! would flag with `EDOM` is `ValueError: math domain error`, an overflow
//! `OverflowError: math range error`.
//!
//! Arguments convert as CPython's `Py_complex` converter does: a complex (or subclass),
//! `__complex__`, then `__float__`/`__index__`. Infinite and NaN parts follow C99
//! Annex G for the common cases (`sqrt`, `exp`, `log`, the hyperbolic functions: an
//! infinite input gives the matching infinity, NaN propagates); they are not CPython's
//! full special-value tables.
use gilvm_object::complex::PyComplex;
use gilvm_object::{ObjRef, Value};

use super::libm;
use gilvm_vm::args::Args;
use gilvm_vm::builtins::complex::{complex_of, new_complex};
use gilvm_vm::builtins::numbers::{bind_args, float_of};
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const LOG_LARGE_DOUBLE: f64 = 708.3964185322641; // log(DBL_MAX / 4)
const LN2: f64 = std::f64::consts::LN_2;
const PI: f64 = std::f64::consts::PI;
const E: f64 = std::f64::consts::E;
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;
const MANT_DIG: i32 = 53;

/// What the C library would set `errno` to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

type R = (PyComplex, Errno);

fn c(re: f64, im: f64) -> PyComplex {
    PyComplex::new(re, im)
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn finite(z: PyComplex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

fn hypot(x: f64, y: f64) -> f64 {
    libm::hypot(x, y)
}

fn atan2(y: f64, x: f64) -> f64 {
    libm::atan2(y, x)
}

fn c_sqrt(z: PyComplex) -> R {
    if !finite(z) {
        if z.im.is_infinite() {
            return (c(f64::INFINITY, z.im), Errno::Ok);
        }
        if z.re == f64::NEG_INFINITY {
            let im = if z.im.is_nan() {
                f64::NAN
            } else {
                f64::INFINITY.copysign(z.im)
            };
            let re = if z.im.is_nan() { f64::INFINITY } else { 0.0 };
            // sqrt(-inf + iy) = 0 + inf*i; with a NaN y the parts swap roles (nan + inf i).
            return if z.im.is_nan() {
                (c(f64::NAN, re), Errno::Ok)
            } else {
                (c(re, im), Errno::Ok)
            };
        }
        if z.re == f64::INFINITY {
            let im = if z.im.is_nan() {
                f64::NAN
            } else {
                0.0f64.copysign(z.im)
            };
            return (c(f64::INFINITY, im), Errno::Ok);
        }
        return (c(f64::NAN, f64::NAN), Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

fn overflow_check(r: PyComplex) -> R {
    let e = if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

fn c_exp(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() {
            let r = if z.re > 0.0 {
                if z.im == 0.0 {
                    c(f64::INFINITY, z.im)
                } else {
                    c(
                        f64::INFINITY.copysign(libm::cos(z.im)),
                        f64::INFINITY.copysign(libm::sin(z.im)),
                    )
                }
            } else {
                c(
                    0.0f64.copysign(libm::cos(z.im)),
                    0.0f64.copysign(libm::sin(z.im)),
                )
            };
            return (r, Errno::Ok);
        }
        if z.re == f64::NEG_INFINITY {
            return (c(0.0, 0.0), Errno::Ok);
        }
        if z.re == f64::INFINITY {
            let e = if z.im.is_infinite() {
                Errno::Dom
            } else {
                Errno::Ok
            };
            return (c(f64::INFINITY, f64::NAN), e);
        }
        if z.re.is_nan() && z.im == 0.0 {
            return (c(f64::NAN, z.im), Errno::Ok);
        }
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (c(f64::NAN, f64::NAN), e);
    }
    let r = if z.re > LOG_LARGE_DOUBLE {
        let l = libm::exp(z.re - 1.0);
        c(l * libm::cos(z.im) * E, l * libm::sin(z.im) * E)
    } else {
        let l = libm::exp(z.re);
        c(l * libm::cos(z.im), l * libm::sin(z.im))
    };
    overflow_check(r)
}

fn c_log(z: PyComplex) -> R {
    if !finite(z) {
        let re = if z.re.is_infinite() || z.im.is_infinite() {
            f64::INFINITY
        } else {
            f64::NAN
        };
        let im = if z.re.is_nan() || z.im.is_nan() {
            f64::NAN
        } else {
            atan2(z.im, z.re)
        };
        return (c(re, im), Errno::Ok);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        libm::log(hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::log(hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG))) - MANT_DIG as f64 * LN2
        } else {
            return (c(f64::NEG_INFINITY, atan2(z.im, z.re)), Errno::Dom);
        }
    } else {
        let h = hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            libm::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            libm::log(h)
        }
    };
    (c(re, atan2(z.im, z.re)), Errno::Ok)
}

fn c_cosh(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let r = c(
                f64::INFINITY.copysign(libm::cos(z.im)),
                (f64::INFINITY.copysign(libm::sin(z.im))) * z.re.signum(),
            );
            return (r, Errno::Ok);
        }
        if z.re.is_infinite() && z.im == 0.0 {
            return (
                c(f64::INFINITY, 0.0f64.copysign(z.re) * z.im.signum()),
                Errno::Ok,
            );
        }
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        let re = if z.re.is_infinite() {
            f64::INFINITY
        } else {
            f64::NAN
        };
        let im = if z.re == 0.0 { 0.0 } else { f64::NAN };
        return (c(re, im), e);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        let x = z.re - 1f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::cosh(x) * E,
            libm::sin(z.im) * libm::sinh(x) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::cosh(z.re),
            libm::sin(z.im) * libm::sinh(z.re),
        )
    };
    overflow_check(r)
}

fn c_sinh(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let r = c(
                f64::INFINITY.copysign(libm::cos(z.im)) * z.re.signum(),
                f64::INFINITY.copysign(libm::sin(z.im)),
            );
            return (r, Errno::Ok);
        }
        if z.re.is_infinite() && z.im == 0.0 {
            return (c(z.re, z.im), Errno::Ok);
        }
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        let re = if z.re.is_infinite() {
            z.re
        } else if z.re == 0.0 {
            z.re
        } else {
            f64::NAN
        };
        return (c(re, f64::NAN), e);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        let x = z.re - 1f64.copysign(z.re);
        c(
            libm::cos(z.im) * libm::sinh(x) * E,
            libm::sin(z.im) * libm::cosh(x) * E,
        )
    } else {
        c(
            libm::cos(z.im) * libm::sinh(z.re),
            libm::sin(z.im) * libm::cosh(z.re),
        )
    };
    overflow_check(r)
}

fn c_tanh(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_infinite() && z.im.is_finite() {
            let s = libm::sin(2.0 * z.im);
            return (c(1f64.copysign(z.re), 0.0f64.copysign(s)), Errno::Ok);
        }
        if z.re.is_infinite() {
            return (c(1f64.copysign(z.re), 0.0), Errno::Ok);
        }
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        let im = if z.im == 0.0 { z.im } else { f64::NAN };
        return (c(f64::NAN, im), e);
    }
    let r = if z.re.abs() > LOG_LARGE_DOUBLE {
        c(
            1f64.copysign(z.re),
            4.0 * libm::sin(z.im) * libm::cos(z.im) * libm::exp(-2.0 * z.re.abs()),
        )
    } else {
        let tx = libm::tanh(z.re);
        let ty = libm::tan(z.im);
        let cx = 1.0 / libm::cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_asinh(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_nan() || z.im.is_nan() {
            let re = if z.re.is_infinite() || z.im.is_infinite() {
                f64::INFINITY.copysign(z.re)
            } else {
                f64::NAN
            };
            let im = if z.im == 0.0 { z.im } else { f64::NAN };
            return (c(re, im), Errno::Ok);
        }
        let re = f64::INFINITY.copysign(z.re);
        let im = if z.re.is_infinite() && z.im.is_infinite() {
            (PI / 4.0).copysign(z.im)
        } else if z.im.is_infinite() {
            (PI / 2.0).copysign(z.im)
        } else {
            0.0f64.copysign(z.im)
        };
        return (c(re, im), Errno::Ok);
    }
    if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = libm::log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        return (c(re, atan2(z.im, z.re.abs())), Errno::Ok);
    }
    let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
    let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
    let r = c(
        libm::asinh(s1.re * s2.im - s2.re * s1.im),
        atan2(z.im, s1.re * s2.re - s1.im * s2.im),
    );
    (r, Errno::Ok)
}

fn c_acos(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_nan() || z.im.is_nan() {
            let im = if z.re.is_infinite() || z.im.is_infinite() {
                -f64::INFINITY.copysign(z.im)
            } else {
                f64::NAN
            };
            let im = if im.is_nan() {
                f64::NAN
            } else {
                im.abs() * if z.im.is_nan() { 1.0 } else { -z.im.signum() }
            };
            return (c(f64::NAN, im), Errno::Ok);
        }
        let re = if z.re.is_infinite() && z.im.is_infinite() {
            if z.re > 0.0 {
                PI / 4.0
            } else {
                3.0 * PI / 4.0
            }
        } else if z.re.is_infinite() {
            if z.re > 0.0 {
                0.0
            } else {
                PI
            }
        } else {
            PI / 2.0
        };
        return (c(re, -f64::INFINITY.copysign(z.im)), Errno::Ok);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = atan2(z.im.abs(), z.re);
        let l = libm::log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        c(re, im)
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * atan2(s1.re, s2.re),
            libm::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: PyComplex) -> R {
    if !finite(z) {
        let (r, e) = c_acos(z);
        // acosh(z) = ±i·acos(z) on the special values: an infinite real part, NaN kept.
        let re = if r.im.is_nan() { r.im } else { r.im.abs() };
        let im = if r.re.is_nan() {
            f64::NAN
        } else {
            r.re.copysign(z.im)
        };
        return (c(re, im), e);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(
            libm::log(hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0,
            atan2(z.im, z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            libm::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * atan2(s1.im, s2.re),
        )
    };
    (r, Errno::Ok)
}

fn c_atanh(z: PyComplex) -> R {
    if !finite(z) {
        if z.re.is_nan() || z.im.is_nan() {
            let re = if z.re.is_infinite() || z.im.is_infinite() {
                0.0f64.copysign(z.re)
            } else {
                f64::NAN
            };
            let im = if z.im.is_infinite() {
                (PI / 2.0).copysign(z.im)
            } else {
                f64::NAN
            };
            return (c(re, im), Errno::Ok);
        }
        return (
            c(0.0f64.copysign(z.re), (PI / 2.0).copysign(z.im)),
            Errno::Ok,
        );
    }
    if z.re < 0.0 {
        let (r, e) = c_atanh(c(-z.re, -z.im));
        return (c(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    let sqrt_large = LARGE_DOUBLE.sqrt();
    if z.re > sqrt_large || ay > sqrt_large {
        let h = hypot(z.re / 2.0, z.im / 2.0);
        return (
            c(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)),
            Errno::Ok,
        );
    }
    if z.re == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return (c(f64::INFINITY, z.im), Errno::Dom);
        }
        return (
            c(
                -libm::log(ay.sqrt() / hypot(ay, 2.0).sqrt()),
                (atan2(2.0, -ay) / 2.0).copysign(z.im),
            ),
            Errno::Ok,
        );
    }
    let re = libm::log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), Errno::Ok)
}

/// `f(i·z)` rotated back by `-i` (`asin` from `asinh`, `atan` from `atanh`, `sin` from
/// `sinh`, `tan` from `tanh`).
fn rotated(z: PyComplex, f: fn(PyComplex) -> R) -> R {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_asin(z: PyComplex) -> R {
    rotated(z, c_asinh)
}
fn c_atan(z: PyComplex) -> R {
    rotated(z, c_atanh)
}
fn c_sin(z: PyComplex) -> R {
    rotated(z, c_sinh)
}
fn c_tan(z: PyComplex) -> R {
    rotated(z, c_tanh)
}
fn c_cos(z: PyComplex) -> R {
    c_cosh(c(-z.im, z.re))
}

fn c_log10(z: PyComplex) -> R {
    let (r, e) = c_log(z);
    let ln10 = std::f64::consts::LN_10;
    (c(r.re / ln10, r.im / ln10), e)
}

/// `atan2` of a complex's parts with C99's rules for infinities and zeros.
fn c_atan2(z: PyComplex) -> f64 {
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            return if z.re.is_sign_positive() {
                (0.25 * PI).copysign(z.im)
            } else {
                (0.75 * PI).copysign(z.im)
            };
        }
        return (0.5 * PI).copysign(z.im);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        return if z.re.is_sign_positive() {
            0.0f64.copysign(z.im)
        } else {
            PI.copysign(z.im)
        };
    }
    atan2(z.im, z.re)
}

/// The argument as a complex (CPython's `Py_complex` converter).
fn arg(interp: &mut Interp, v: &Value) -> PyResult<PyComplex> {
    if let Some(z) = complex_of(v) {
        if gilvm_object::complex::as_complex(v).is_some() {
            return Ok(z);
        }
    }
    if let Some(m) =
        interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__complex__"))
    {
        let r = interp.call_method_value(&m, v, &[])?;
        return complex_of(&r).ok_or_else(|| {
            interp.type_error(format!(
                "__complex__ returned non-complex (type {})",
                interp.type_name(&r)
            ))
        });
    }
    if let Some(z) = complex_of(v) {
        return Ok(z);
    }
    Ok(c(float_of(interp, v)?, 0.0))
}

fn math_error(interp: &Interp, e: Errno) -> gilvm_vm::error::PyErr {
    match e {
        Errno::Range => interp.overflow_error("math range error"),
        _ => interp.value_error("math domain error"),
    }
}

fn one_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    match args.pos() {
        [v] => Ok(v),
        a => Err(interp.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.len()
        ))),
    }
}

fn apply(interp: &mut Interp, args: Args<'_>, name: &str, f: fn(PyComplex) -> R) -> PyResult {
    let v = one_arg(interp, &args, name)?;
    let z = arg(interp, v)?;
    let (r, e) = f(z);
    if e != Errno::Ok {
        return Err(math_error(interp, e));
    }
    Ok(new_complex(interp, r))
}

macro_rules! cfuncs {
    ($($f:ident $name:literal $imp:ident;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            apply(interp, args, $name, $imp)
        })*
        fn register_funcs(interp: &mut Interp, m: &ObjRef) {
            $(interp.add_function(m, $name, $f);)*
        }
    };
}

cfuncs! {
    m_sqrt "sqrt" c_sqrt;
    m_exp "exp" c_exp;
    m_log10 "log10" c_log10;
    m_sin "sin" c_sin;
    m_cos "cos" c_cos;
    m_tan "tan" c_tan;
    m_asin "asin" c_asin;
    m_acos "acos" c_acos;
    m_atan "atan" c_atan;
    m_sinh "sinh" c_sinh;
    m_cosh "cosh" c_cosh;
    m_tanh "tanh" c_tanh;
    m_asinh "asinh" c_asinh;
    m_acosh "acosh" c_acosh;
    m_atanh "atanh" c_atanh;
}

fn m_log(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = super::check_args(interp, args, "log", 1, 2)?;
    let z = arg(interp, &a[0])?;
    let (mut r, mut e) = c_log(z);
    if let Some(b) = a.get(1) {
        let base = arg(interp, b)?;
        let (lb, eb) = c_log(base);
        if eb != Errno::Ok {
            e = eb;
        }
        match gilvm_object::complex::quot(r, lb) {
            Ok(q) => r = q,
            Err(_) => e = Errno::Dom,
        }
    }
    if e != Errno::Ok {
        return Err(math_error(interp, e));
    }
    Ok(new_complex(interp, r))
}

fn m_phase(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = one_arg(interp, &args, "phase")?;
    let z = arg(interp, v)?;
    Ok(Value::Float(c_atan2(z)))
}

fn m_polar(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = one_arg(interp, &args, "polar")?;
    let z = arg(interp, v)?;
    let phi = c_atan2(z);
    let r = gilvm_object::complex::abs(z).map_err(|_| math_error(interp, Errno::Range))?;
    Ok(interp.new_tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn m_rect(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = super::check_args(interp, args, "rect", 2, 2)?;
    let r = float_of(interp, &a[0])?;
    let phi = float_of(interp, &a[1])?;
    let z = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            c(
                s * f64::INFINITY.copysign(libm::cos(phi)),
                s * f64::INFINITY.copysign(libm::sin(phi)),
            )
        } else if r.is_infinite() && phi == 0.0 {
            c(r, if r > 0.0 { phi } else { -phi })
        } else if r.is_infinite() || (r != 0.0 && phi.is_infinite()) {
            c(f64::INFINITY.copysign(r) * 0.0 + f64::NAN, f64::NAN)
        } else if r == 0.0 && !phi.is_nan() {
            c(0.0, 0.0)
        } else {
            c(f64::NAN, f64::NAN)
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return Err(math_error(interp, Errno::Dom));
        }
        z
    } else if phi == 0.0 {
        c(r, r * phi)
    } else {
        c(r * libm::cos(phi), r * libm::sin(phi))
    };
    Ok(new_complex(interp, z))
}

fn pred(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    f: fn(f64) -> bool,
    any: bool,
) -> PyResult {
    let v = one_arg(interp, &args, name)?;
    let z = arg(interp, v)?;
    Ok(Value::Bool(if any {
        f(z.re) || f(z.im)
    } else {
        f(z.re) && f(z.im)
    }))
}

fn m_isfinite(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pred(interp, args, "isfinite", f64::is_finite, false)
}
fn m_isinf(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pred(interp, args, "isinf", f64::is_infinite, true)
}
fn m_isnan(interp: &mut Interp, args: Args<'_>) -> PyResult {
    pred(interp, args, "isnan", f64::is_nan, true)
}

fn m_isclose(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 2 {
        return Err(interp.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos().len()
        )));
    }
    let b = bind_args(
        interp,
        args,
        "isclose",
        0,
        &["a", "b"],
        2,
        &["rel_tol", "abs_tol"],
    )?;
    let (Some(x), Some(y)) = (b[0].clone(), b[1].clone()) else {
        let n = b[..2].iter().filter(|v| v.is_some()).count();
        return Err(interp.type_error(format!(
            "isclose() missing required argument '{}' (pos {})",
            if n == 0 { "a" } else { "b" },
            n + 1
        )));
    };
    let x = arg(interp, &x)?;
    let y = arg(interp, &y)?;
    let (rel, abs_tol) = super::isclose_tolerances(interp, &b[2], &b[3])?;
    if x.re == y.re && x.im == y.im {
        return Ok(Value::Bool(true));
    }
    if [x.re, x.im, y.re, y.im].iter().any(|v| v.is_infinite()) {
        return Ok(Value::Bool(false));
    }
    let cabs = |z: PyComplex| gilvm_object::complex::abs(z).unwrap_or(f64::INFINITY);
    let diff = cabs(gilvm_object::complex::diff(x, y));
    Ok(Value::Bool(
        diff <= rel * cabs(y) || diff <= rel * cabs(x) || diff <= abs_tol,
    ))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_value(m, "pi", Value::Float(PI));
    interp.add_value(m, "e", Value::Float(E));
    interp.add_value(m, "tau", Value::Float(std::f64::consts::TAU));
    interp.add_value(m, "inf", Value::Float(f64::INFINITY));
    interp.add_value(m, "nan", Value::Float(f64::NAN));
    let infj = new_complex(interp, c(0.0, f64::INFINITY));
    interp.add_value(m, "infj", infj);
    let nanj = new_complex(interp, c(0.0, f64::NAN));
    interp.add_value(m, "nanj", nanj);
    register_funcs(interp, m);
    let fns: [(&'static str, gilvm_vm::interp::NativeFn); 8] = [
        ("log", m_log),
        ("phase", m_phase),
        ("polar", m_polar),
        ("rect", m_rect),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
    ];
    for (name, f) in fns {
        interp.add_function(m, name, f);
    }
    Ok(())
}
