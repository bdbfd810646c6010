//! The `complex` payload and the arithmetic CPython 3.14 does on it.
//!
//! A complex number is a heap object holding two `f64` after the header (16 bytes of
//! payload, nothing else: no lock, it is immutable). The arithmetic here is the pure part
//! (`_Py_c_*` in CPython): sums, products with the C11 Annex G recovery of infinities,
//! Smith's division with the same recovery, integer and general powers, `abs`. The
//! mixed-mode rules of CPython 3.14 (a real operand is not widened to `complex(x, 0)`,
//! so `complex(1, -0.0) + 0.0` keeps its negative zero) are the `*_real` functions.
//! Errors are reported as [`CErr`]; the VM turns them into exceptions.
use crate::payload::Payload;
use crate::value::Value;

/// The payload of a `complex` object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

/// Why a complex operation failed (CPython's `errno` after `_Py_c_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CErr {
    /// `EDOM`: division by zero, zero to a negative or complex power.
    Domain,
    /// `ERANGE`: the result overflowed.
    Range,
}

impl PyComplex {
    pub const fn new(re: f64, im: f64) -> PyComplex {
        PyComplex { re, im }
    }
}

/// The complex value of a plain `complex` object (not of a subclass instance).
#[inline]
pub fn as_complex(v: &Value) -> Option<PyComplex> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Complex(c) => Some(*c),
            _ => None,
        },
        _ => None,
    }
}

pub fn sum(a: PyComplex, b: PyComplex) -> PyComplex {
    PyComplex::new(a.re + b.re, a.im + b.im)
}

pub fn diff(a: PyComplex, b: PyComplex) -> PyComplex {
    PyComplex::new(a.re - b.re, a.im - b.im)
}

fn boxed(x: f64) -> f64 {
    (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x)
}

fn nan_to_zero(x: f64) -> f64 {
    if x.is_nan() {
        0.0f64.copysign(x)
    } else {
        x
    }
}

/// `a * b`, recovering the infinities that the plain formula computes as `nan+nanj`.
pub fn prod(z: PyComplex, w: PyComplex) -> PyComplex {
    let (mut a, mut b, mut c, mut d) = (z.re, z.im, w.re, w.im);
    let (ac, bd, ad, bc) = (a * c, b * d, a * d, b * c);
    let r = PyComplex::new(ac - bd, ad + bc);
    if !(r.re.is_nan() && r.im.is_nan()) {
        return r;
    }
    let mut recalc = false;
    if a.is_infinite() || b.is_infinite() {
        a = boxed(a);
        b = boxed(b);
        c = nan_to_zero(c);
        d = nan_to_zero(d);
        recalc = true;
    }
    if c.is_infinite() || d.is_infinite() {
        c = boxed(c);
        d = boxed(d);
        a = nan_to_zero(a);
        b = nan_to_zero(b);
        recalc = true;
    }
    if !recalc && (ac.is_infinite() || bd.is_infinite() || ad.is_infinite() || bc.is_infinite()) {
        a = nan_to_zero(a);
        b = nan_to_zero(b);
        c = nan_to_zero(c);
        d = nan_to_zero(d);
        recalc = true;
    }
    if recalc {
        PyComplex::new(
            f64::INFINITY * (a * c - b * d),
            f64::INFINITY * (a * d + b * c),
        )
    } else {
        r
    }
}

/// `a / b` (Smith's algorithm, then the recovery of infinities and zeros).
pub fn quot(a: PyComplex, b: PyComplex) -> Result<PyComplex, CErr> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    let mut r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(CErr::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        PyComplex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        PyComplex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        PyComplex::new(f64::NAN, f64::NAN)
    };
    if r.re.is_nan() && r.im.is_nan() {
        if (a.re.is_infinite() || a.im.is_infinite()) && b.re.is_finite() && b.im.is_finite() {
            let (x, y) = (boxed(a.re), boxed(a.im));
            r = PyComplex::new(
                f64::INFINITY * (x * b.re + y * b.im),
                f64::INFINITY * (y * b.re - x * b.im),
            );
        } else if (abs_br.is_infinite() || abs_bi.is_infinite())
            && a.re.is_finite()
            && a.im.is_finite()
        {
            let (x, y) = (boxed(b.re), boxed(b.im));
            r = PyComplex::new(0.0 * (a.re * x + a.im * y), 0.0 * (a.im * x - a.re * y));
        }
    }
    Ok(r)
}

/// `complex + real` (CPython 3.14's `_Py_cr_sum`).
pub fn sum_real(a: PyComplex, b: f64) -> PyComplex {
    PyComplex::new(a.re + b, a.im)
}

/// `complex - real`.
pub fn diff_real(a: PyComplex, b: f64) -> PyComplex {
    PyComplex::new(a.re - b, a.im)
}

/// `real - complex`.
pub fn real_diff(a: f64, b: PyComplex) -> PyComplex {
    PyComplex::new(a - b.re, -b.im)
}

/// `complex * real` (and `real * complex`).
pub fn prod_real(a: PyComplex, b: f64) -> PyComplex {
    PyComplex::new(a.re * b, a.im * b)
}

/// `complex / real`.
pub fn quot_real(a: PyComplex, b: f64) -> Result<PyComplex, CErr> {
    if b == 0.0 {
        return Err(CErr::Domain);
    }
    Ok(PyComplex::new(a.re / b, a.im / b))
}

/// `real / complex` (Smith's algorithm with a real numerator).
pub fn real_quot(a: f64, b: PyComplex) -> Result<PyComplex, CErr> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    let mut r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(CErr::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        PyComplex::new(a / denom, (-a * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        PyComplex::new((a * ratio) / denom, (-a) / denom)
    } else {
        PyComplex::new(f64::NAN, f64::NAN)
    };
    if r.re.is_nan() && r.im.is_nan() {
        if a.is_infinite() && b.re.is_finite() && b.im.is_finite() {
            let x = boxed(a);
            r = PyComplex::new(f64::INFINITY * (x * b.re), f64::INFINITY * (-x * b.im));
        } else if (abs_br.is_infinite() || abs_bi.is_infinite()) && a.is_finite() {
            let (x, y) = (boxed(b.re), boxed(b.im));
            r = PyComplex::new(0.0 * (a * x), 0.0 * (-a * y));
        }
    }
    Ok(r)
}

/// `abs(z)`: C99's rule for infinities (an infinite part wins over a NaN one), else
/// `hypot`; `Range` when a finite number overflows.
pub fn abs(z: PyComplex) -> Result<f64, CErr> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return Ok(z.re.abs());
        }
        if z.im.is_infinite() {
            return Ok(z.im.abs());
        }
        return Ok(f64::NAN);
    }
    let r = libm_hypot(z.re, z.im);
    if r.is_finite() {
        Ok(r)
    } else {
        Err(CErr::Range)
    }
}

/// The C library's `hypot` (what CPython calls), for results equal to the last bit.
pub fn libm_hypot(x: f64, y: f64) -> f64 {
    x.hypot(y)
}

fn c_powu(x: PyComplex, n: i64) -> PyComplex {
    let mut r = PyComplex::new(1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn c_powi(x: PyComplex, n: i64) -> Result<PyComplex, CErr> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        quot(PyComplex::new(1.0, 0.0), c_powu(x, -n))
    }
}

/// The general power `a ** b` through polar form (`_Py_c_pow`).
fn c_pow(a: PyComplex, b: PyComplex) -> Result<PyComplex, CErr> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(PyComplex::new(1.0, 0.0));
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(CErr::Domain);
        }
        return Ok(PyComplex::new(0.0, 0.0));
    }
    let vabs = libm_hypot(a.re, a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(PyComplex::new(len * phase.cos(), len * phase.sin()))
}

/// `a ** b` as `complex.__pow__` computes it: small integral exponents by repeated
/// multiplication, others through polar form; `Range` when a part of the result is
/// infinite.
pub fn pow(a: PyComplex, b: PyComplex) -> Result<PyComplex, CErr> {
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        // (A zero divisor in 1/x**n is "zero to a negative power", as in CPython.)
        c_powi(a, b.re as i64)?
    } else {
        c_pow(a, b)?
    };
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(CErr::Range);
    }
    Ok(p)
}

/// `complex == n` for an int or float `n` (`complex_richcompare`: an int is compared
/// exactly with the real part when the imaginary part is zero).
pub fn eq_num(a: PyComplex, n: &crate::keys::Num<'_>) -> bool {
    use crate::keys::Num;
    if a.im != 0.0 {
        return false;
    }
    match n {
        Num::Float(f) => a.re == *f,
        Num::Int(i) => {
            crate::keys::num_cmp(&Num::Float(a.re), &Num::Int(*i))
                == Some(std::cmp::Ordering::Equal)
        }
        Num::Big(b) => crate::keys::cmp_int_float(b, a.re) == Some(std::cmp::Ordering::Equal),
    }
}

/// `a == b` when one of them is a plain complex and the other a plain complex, int or
/// float; None otherwise.
pub fn builtin_eq(a: &Value, b: &Value) -> Option<bool> {
    match (as_complex(a), as_complex(b)) {
        (Some(x), Some(y)) => Some(x.re == y.re && x.im == y.im),
        (Some(x), None) => Some(eq_num(x, &crate::keys::as_num(b)?)),
        (None, Some(y)) => Some(eq_num(y, &crate::keys::as_num(a)?)),
        (None, None) => None,
    }
}
