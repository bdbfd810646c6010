//! `random`'s real-valued distributions (and `binomialvariate`), following CPython 3.13's
//! `Lib/random.py` draw for draw. Each rejection loop runs inside one critical section on
//! the generator (pure arithmetic); the parameters are combined with Python's arithmetic
//! afterwards, so int and float parameters give CPython's results.
use num_traits::ToPrimitive;

use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::Value;

use super::random::{bind, binop, next_float, plain_f64, to_float, with_rng, RandomState, Sig};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

const NV_MAGICCONST: f64 = 1.715_527_769_921_413_5; // 4 * exp(-0.5) / sqrt(2.0)
const TWOPI: f64 = std::f64::consts::TAU;
const LOG4: f64 = 1.386_294_361_119_890_6; // log(4.0)
const SG_MAGICCONST: f64 = 2.504_077_396_776_274; // 1.0 + log(4.5)
const E: f64 = std::f64::consts::E;
const PI: f64 = std::f64::consts::PI;

const DOMAIN: &str = "math domain error";

/// `v <= 0.0` with Python's comparison.
fn le_zero(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    if let Some(f) = plain_f64(v) {
        return Ok(f <= 0.0);
    }
    let r = interp.compare(CmpOp::Le, v, &Value::Float(0.0))?;
    interp.truthy(&r)
}

/// `x * v` with Python's arithmetic (x a float).
fn mul(interp: &mut Interp, x: f64, v: &Value) -> PyResult {
    match plain_f64(v) {
        Some(f) => Ok(Value::Float(x * f)),
        None => binop(interp, BinOp::Mul, &Value::Float(x), v),
    }
}

/// `mu + z * sigma` with Python's arithmetic.
fn lin(interp: &mut Interp, mu: &Value, z: f64, sigma: &Value) -> PyResult {
    if let (Some(m), Some(s)) = (plain_f64(mu), plain_f64(sigma)) {
        return Ok(Value::Float(m + z * s));
    }
    let zs = mul(interp, z, sigma)?;
    binop(interp, BinOp::Add, mu, &zs)
}

/// `x / v` with Python's arithmetic (x a float).
fn div(interp: &mut Interp, x: f64, v: &Value) -> PyResult {
    binop(interp, BinOp::TrueDiv, &Value::Float(x), v)
}

fn arg(a: &[Option<Value>], i: usize, default: Value) -> Value {
    a[i].clone().unwrap_or(default)
}

// ---- uniform, triangular ----

pub fn uniform(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.uniform",
            pos: &["self", "a", "b"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let (me, lo, hi) = (
        arg(&a, 0, Value::None),
        arg(&a, 1, Value::None),
        arg(&a, 2, Value::None),
    );
    // a + (b - a) * self.random()
    // Machine arithmetic is Python's when one side is a float or both ints are small enough
    // for `b - a` to be exact in a double.
    let small = |v: &Value| !matches!(v, Value::Int(i) if i.unsigned_abs() >= 1 << 52);
    if let (Some(l), Some(h)) = (plain_f64(&lo), plain_f64(&hi)) {
        if matches!(lo, Value::Float(_))
            || matches!(hi, Value::Float(_))
            || (small(&lo) && small(&hi))
        {
            let r = next_float(interp, &me)?;
            return Ok(Value::Float(l + (h - l) * r));
        }
    }
    let width = binop(interp, BinOp::Sub, &hi, &lo)?;
    let r = next_float(interp, &me)?;
    let scaled = binop(interp, BinOp::Mul, &width, &Value::Float(r))?;
    binop(interp, BinOp::Add, &lo, &scaled)
}

pub fn triangular(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.triangular",
            pos: &["self", "low", "high", "mode"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let (mut low, mut high) = (arg(&a, 1, Value::Float(0.0)), arg(&a, 2, Value::Float(1.0)));
    let mode = arg(&a, 3, Value::None);
    let mut u = next_float(interp, &me)?;
    let mut c = if mode.is_none() {
        Value::Float(0.5)
    } else {
        let num = binop(interp, BinOp::Sub, &mode, &low);
        let den = binop(interp, BinOp::Sub, &high, &low);
        let q = match (num, den) {
            (Ok(n), Ok(d)) => binop(interp, BinOp::TrueDiv, &n, &d),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        match q {
            Ok(q) => q,
            Err(e) if interp.matches(&e, &interp.g.exc.zero_division_error.clone()) => {
                return Ok(low)
            }
            Err(e) => return Err(e),
        }
    };
    let above = match plain_f64(&c) {
        Some(cf) => u > cf,
        None => {
            let r = interp.compare(CmpOp::Gt, &Value::Float(u), &c)?;
            interp.truthy(&r)?
        }
    };
    if above {
        u = 1.0 - u;
        c = binop(interp, BinOp::Sub, &Value::Float(1.0), &c)?;
        std::mem::swap(&mut low, &mut high);
    }
    let uc = mul(interp, u, &c)?;
    let uc = to_float(interp, &uc)?;
    if uc < 0.0 {
        return Err(interp.value_error(DOMAIN));
    }
    let width = binop(interp, BinOp::Sub, &high, &low)?;
    let scaled = binop(interp, BinOp::Mul, &width, &Value::Float(uc.sqrt()))?;
    binop(interp, BinOp::Add, &low, &scaled)
}

// ---- normal, lognormal, gauss ----

fn normal_z(s: &mut RandomState) -> f64 {
    loop {
        let u1 = s.core.random();
        let u2 = 1.0 - s.core.random();
        let z = NV_MAGICCONST * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return z;
        }
    }
}

const SIG_NORMAL: Sig = Sig {
    name: "Random.normalvariate",
    pos: &["self", "mu", "sigma"],
    required: 1,
    kwonly: &[],
};

pub fn normalvariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_NORMAL)?;
    let me = arg(&a, 0, Value::None);
    let z = with_rng(interp, &me, "normalvariate", normal_z)?;
    lin(
        interp,
        &arg(&a, 1, Value::Float(0.0)),
        z,
        &arg(&a, 2, Value::Float(1.0)),
    )
}

pub fn lognormvariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.lognormvariate",
            pos: &["self", "mu", "sigma"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let z = with_rng(interp, &me, "lognormvariate", normal_z)?;
    let v = lin(
        interp,
        &arg(&a, 1, Value::None),
        z,
        &arg(&a, 2, Value::None),
    )?;
    let x = to_float(interp, &v)?;
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(interp.overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

const SIG_GAUSS: Sig = Sig {
    name: "Random.gauss",
    pos: &["self", "mu", "sigma"],
    required: 1,
    kwonly: &[],
};

pub fn gauss(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(interp, args, &SIG_GAUSS)?;
    let me = arg(&a, 0, Value::None);
    let z = with_rng(interp, &me, "gauss", |s| match s.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = s.core.random() * TWOPI;
            let g2rad = (-2.0 * (1.0 - s.core.random()).ln()).sqrt();
            s.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    })?;
    lin(
        interp,
        &arg(&a, 1, Value::Float(0.0)),
        z,
        &arg(&a, 2, Value::Float(1.0)),
    )
}

// ---- exponential, von Mises ----

pub fn expovariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.expovariate",
            pos: &["self", "lambd"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let lambd = arg(&a, 1, Value::Float(1.0));
    let r = next_float(interp, &me)?;
    // -log(1.0 - random()) / lambd
    div(interp, -(1.0 - r).ln(), &lambd)
}

pub fn vonmisesvariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.vonmisesvariate",
            pos: &["self", "mu", "kappa"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let (mu, kappa) = (arg(&a, 1, Value::None), arg(&a, 2, Value::None));
    let small = match plain_f64(&kappa) {
        Some(k) => k <= 1e-6,
        None => {
            let r = interp.compare(CmpOp::Le, &kappa, &Value::Float(1e-6))?;
            interp.truthy(&r)?
        }
    };
    if small {
        return Ok(Value::Float(TWOPI * next_float(interp, &me)?));
    }
    let kappa = to_float(interp, &kappa)?;
    let s = 0.5 / kappa;
    let r = s + (1.0 + s * s).sqrt();
    let (z, u3) = with_rng(interp, &me, "vonmisesvariate", |st| {
        let z = loop {
            let u1 = st.core.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = st.core.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        (z, st.core.random())
    })?;
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let mu = to_float(interp, &mu)?;
    let ac = f.acos();
    if ac.is_nan() && !f.is_nan() {
        return Err(interp.value_error(DOMAIN));
    }
    let theta = if u3 > 0.5 {
        crate::ops::float_mod(mu + ac, TWOPI)
    } else {
        crate::ops::float_mod(mu - ac, TWOPI)
    };
    Ok(Value::Float(theta))
}

// ---- gamma, beta ----

/// Why a draw failed the way CPython's float arithmetic does.
enum DrawErr {
    ZeroNegPow,
    Domain,
    ZeroDiv,
}

fn raise(interp: &Interp, e: DrawErr) -> crate::error::PyErr {
    match e {
        DrawErr::ZeroNegPow => interp.zero_division("0.0 cannot be raised to a negative power"),
        DrawErr::Domain => interp.value_error(DOMAIN),
        DrawErr::ZeroDiv => interp.zero_division("float division by zero"),
    }
}

/// `x ** y` for x >= 0 as CPython's float power.
fn pow_nonneg(x: f64, y: f64) -> Result<f64, DrawErr> {
    if x == 0.0 && y < 0.0 {
        return Err(DrawErr::ZeroNegPow);
    }
    Ok(x.powf(y))
}

/// gammavariate(alpha, 1.0) for alpha > 0.
fn gamma_core(s: &mut RandomState, alpha: f64) -> Result<f64, DrawErr> {
    if alpha > 1.0 {
        // R.C.H. Cheng, "The generation of Gamma variables with non-integral shape
        // parameters", Applied Statistics, (1977), 26, No. 1, p71-74
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - LOG4;
        let ccc = alpha + ainv;
        loop {
            let u1 = s.core.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - s.core.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x);
            }
        }
    } else if alpha == 1.0 {
        Ok(-(1.0 - s.core.random()).ln())
    } else {
        // ALGORITHM GS of Statistical Computing - Kennedy & Gentle
        loop {
            let u = s.core.random();
            let b = (E + alpha) / E;
            let p = b * u;
            let x = if p <= 1.0 {
                pow_nonneg(p, 1.0 / alpha)?
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = s.core.random();
            if p > 1.0 {
                if u1 <= pow_nonneg(x, alpha - 1.0)? {
                    return Ok(x);
                }
            } else if u1 <= (-x).exp() {
                return Ok(x);
            }
        }
    }
}

/// `gammavariate(alpha, 1.0)` after the parameter check (`invalid`: alpha or beta <= 0).
fn gamma_draw(
    interp: &mut Interp,
    me: &Value,
    alpha: &Value,
    invalid: bool,
    fname: &str,
) -> PyResult<f64> {
    if invalid {
        return Err(interp.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    let alpha = to_float(interp, alpha)?;
    with_rng(interp, me, fname, |s| gamma_core(s, alpha))?.map_err(|e| raise(interp, e))
}

pub fn gammavariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.gammavariate",
            pos: &["self", "alpha", "beta"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let (alpha, beta) = (arg(&a, 1, Value::None), arg(&a, 2, Value::None));
    let invalid = le_zero(interp, &alpha)? || le_zero(interp, &beta)?;
    let x = gamma_draw(interp, &me, &alpha, invalid, "gammavariate")?;
    mul(interp, x, &beta)
}

pub fn betavariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.betavariate",
            pos: &["self", "alpha", "beta"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let (alpha, beta) = (arg(&a, 1, Value::None), arg(&a, 2, Value::None));
    // y = gammavariate(alpha, 1.0); y / (y + gammavariate(beta, 1.0)) if y else 0.0
    let invalid = le_zero(interp, &alpha)?;
    let y = gamma_draw(interp, &me, &alpha, invalid, "betavariate")?;
    if y != 0.0 {
        let invalid = le_zero(interp, &beta)?;
        let y2 = gamma_draw(interp, &me, &beta, invalid, "betavariate")?;
        return Ok(Value::Float(y / (y + y2)));
    }
    Ok(Value::Float(0.0))
}

// ---- Pareto, Weibull ----

pub fn paretovariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.paretovariate",
            pos: &["self", "alpha"],
            required: 2,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let u = 1.0 - next_float(interp, &me)?;
    let e = div(interp, -1.0, &arg(&a, 1, Value::None))?;
    binop(interp, BinOp::Pow, &Value::Float(u), &e)
}

pub fn weibullvariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.weibullvariate",
            pos: &["self", "alpha", "beta"],
            required: 3,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let u = 1.0 - next_float(interp, &me)?;
    let e = div(interp, 1.0, &arg(&a, 2, Value::None))?;
    let p = binop(interp, BinOp::Pow, &Value::Float(-u.ln()), &e)?;
    binop(interp, BinOp::Mul, &arg(&a, 1, Value::None), &p)
}

// ---- binomial ----

// CPython's Lanczos coefficients (`Modules/mathmodule.c`), as the doubles they round to.
const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// `math.lgamma(x)` for x >= 1 (CPython's Lanczos implementation, bit for bit).
fn lgamma_pos(x: f64) -> f64 {
    if x == x.floor() && x <= 2.0 {
        return 0.0;
    }
    let (mut num, mut den) = (0.0f64, 0.0f64);
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
    let mut r = (num / den).ln() - LANCZOS_G;
    r += (x - 0.5) * ((x + LANCZOS_G - 0.5).ln() - 1.0);
    r
}

fn binomial(s: &mut RandomState, n: i64, p: f64) -> Result<i64, DrawErr> {
    if n == 1 {
        return Ok((s.core.random() < p) as i64);
    }
    if p > 0.5 {
        return Ok(n - binomial(s, n, 1.0 - p)?);
    }
    let nf = n as f64;
    if nf * p < 10.0 {
        // BG: Geometric method by Devroye with running time of O(np).
        let (mut x, mut y) = (0i64, 0i128);
        let c = (1.0 - p).log2();
        if c == 0.0 {
            return Ok(x);
        }
        loop {
            let r = s.core.random();
            if r == 0.0 {
                return Err(DrawErr::Domain);
            }
            y += (r.log2() / c).floor() as i128 + 1;
            if y > n as i128 {
                return Ok(x);
            }
            x += 1;
        }
    }
    // BTRS: Transformed rejection with squeeze method by Wolfgang Hörmann.
    let spq = (nf * p * (1.0 - p)).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = nf * p + 0.5;
    let vr = 0.92 - 4.2 / b;
    let mut setup: Option<(f64, f64, i64, f64)> = None;
    loop {
        let mut u = s.core.random();
        u -= 0.5;
        let us = 0.5 - u.abs();
        if us == 0.0 {
            return Err(DrawErr::ZeroDiv);
        }
        let kf = ((2.0 * a / us + b) * u + c).floor();
        if kf < 0.0 || kf > nf || kf > 9.0e18 {
            continue;
        }
        let k = kf as i64;
        if k > n {
            continue;
        }
        let mut v = s.core.random();
        if us >= 0.07 && v <= vr {
            return Ok(k);
        }
        let (alpha, lpq, m, h) = *setup.get_or_insert_with(|| {
            let alpha = (2.83 + 5.1 / b) * spq;
            let lpq = (p / (1.0 - p)).ln();
            let m = (((n as i128 + 1) as f64) * p).floor() as i64;
            let h =
                lgamma_pos((m as i128 + 1) as f64) + lgamma_pos((n as i128 - m as i128 + 1) as f64);
            (alpha, lpq, m, h)
        });
        v *= alpha / (a / (us * us) + b);
        if v <= 0.0 {
            return Err(DrawErr::Domain);
        }
        if v.ln()
            <= h - lgamma_pos((k as i128 + 1) as f64)
                - lgamma_pos((n as i128 - k as i128 + 1) as f64)
                + (k as i128 - m as i128) as f64 * lpq
        {
            return Ok(k);
        }
    }
}

pub fn binomialvariate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = bind(
        interp,
        args,
        &Sig {
            name: "Random.binomialvariate",
            pos: &["self", "n", "p"],
            required: 1,
            kwonly: &[],
        },
    )?;
    let me = arg(&a, 0, Value::None);
    let nv = arg(&a, 1, Value::Int(1));
    let Some(nb) = nv.to_bigint() else {
        return Err(interp.type_error(format!(
            "gilvm's binomialvariate() needs an int n, not '{}'",
            interp.type_name(&nv)
        )));
    };
    if nb < num_bigint::BigInt::from(0) {
        return Err(interp.value_error("n must be non-negative"));
    }
    let p = to_float(interp, &arg(&a, 2, Value::Float(0.5)))?;
    if p <= 0.0 || p >= 1.0 {
        if p == 0.0 {
            return Ok(Value::Int(0));
        }
        if p == 1.0 {
            return Ok(nv);
        }
        return Err(interp.value_error("p must be in the range 0.0 <= p <= 1.0"));
    }
    let Some(n) = nb.to_i64() else {
        return Err(interp.overflow_error("gilvm's binomialvariate() supports n up to 2**63-1"));
    };
    let r = with_rng(interp, &me, "binomialvariate", |s| binomial(s, n, p))?;
    r.map(Value::Int).map_err(|e| raise(interp, e))
}
