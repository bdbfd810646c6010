//! Numbers: the conversions every numeric function shares (`__index__`, `__float__`,
//! float to int), the `int` and `float` constructors, and the numeric builtins `abs`,
//! `round`, `divmod`, `pow`, `hex`, `oct` and `bin`. The methods of `int` and `float` are
//! in `int_methods` and `float_methods`, the exact float helpers in `float_util`.
use std::borrow::Cow;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use gilvm_object::code::BinOp;
use gilvm_object::fmt as pyfmt;
use gilvm_object::types::{is_subtype, type_of};
use gilvm_object::{ObjRef, Payload, Value};

use super::float_util;
use super::{add_builtin, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

// ---- shared conversions ----

/// An int operand (int or bool) without copying a big int.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> Cow<'_, BigInt> {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(*i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(&self) -> bool {
        matches!(self, IntRef::Small(0))
    }
}

/// The value as an int, if it is an int, a bool, or an instance of a subclass of int (the
/// int it holds: `builtin_sub.rs`).
#[inline]
pub fn int_ref(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => Some(IntRef::Big(b)),
            Payload::Instance(_) => subclass_int_ref(v),
            _ => None,
        },
        _ => None,
    }
}

/// `int_ref` of the int an instance of a subclass of int holds (out of line: the miss path).
#[cold]
#[inline(never)]
fn subclass_int_ref(v: &Value) -> Option<IntRef<'_>> {
    match v.subclass_value()? {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Obj(o) => match o.payload() {
            Payload::Int(b) => Some(IntRef::Big(b)),
            _ => None,
        },
        _ => None,
    }
}

/// Is the value an int (or bool, or an instance of a subclass of int)?
#[inline]
pub fn is_int(v: &Value) -> bool {
    int_ref(v).is_some()
}

/// Is the value an instance of a class (a subclass of a builtin included), whose special
/// methods a conversion must honour before the builtin's shortcut?
#[inline]
fn is_instance(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)))
}

/// The same int as a plain int value (a bool becomes 0 or 1, an instance of a subclass of
/// int the int it holds).
pub fn as_plain_int(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Obj(_) => v.base_value().clone(),
        other => other.clone(),
    }
}

/// CPython's DeprecationWarning when `__int__` / `__index__` returns an instance of a
/// strict subclass of int (a bool included).
fn warn_int_subclass(interp: &mut Interp, method: &str, r: &Value) -> PyResult<()> {
    if matches!(r, Value::Int(_))
        || matches!(r, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)))
    {
        return Ok(());
    }
    let msg = format!(
        "{method} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
        interp.type_name(r)
    );
    warn_deprecation(interp, msg)
}

/// `operator.index(v)`: an int value (ints directly, else `__index__`).
pub fn index_int(interp: &mut Interp, v: &Value) -> PyResult {
    if is_int(v) {
        return Ok(as_plain_int(v));
    }
    if let Some(m) =
        interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
    {
        let r = interp.call_method_value(&m, v, &[])?;
        if is_int(&r) {
            warn_int_subclass(interp, "__index__", &r)?;
            return Ok(as_plain_int(&r));
        }
        return Err(interp.type_error(format!(
            "__index__ returned non-int (type {})",
            interp.type_name(&r)
        )));
    }
    Err(interp.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        interp.type_name(v)
    )))
}

/// `operator.index(v)` as a BigInt.
pub fn index_big(interp: &mut Interp, v: &Value) -> PyResult<BigInt> {
    let r = index_int(interp, v)?;
    Ok(r.to_bigint().unwrap_or_default())
}

/// `operator.index(v)` clamped to the i64 range (CPython's `PyNumber_AsSsize_t(v, NULL)`).
pub fn index_clamped(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    let r = index_int(interp, v)?;
    Ok(match int_ref(&r) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(b)) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        None => 0,
    })
}

/// An int as a float (OverflowError when too large).
pub fn int_to_f64(interp: &Interp, v: &IntRef<'_>) -> PyResult<f64> {
    match v {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => float_util::bigint_to_f64(b)
            .ok_or_else(|| interp.overflow_error("int too large to convert to float")),
    }
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
pub fn float_of(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if let Value::Float(f) = v {
        return Ok(*f);
    }
    if let Some(i) = int_ref(v) {
        return int_to_f64(interp, &i);
    }
    if let Some(f) = call_dunder_float(interp, v)? {
        return Ok(f);
    }
    if interp
        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
        .is_some()
    {
        let i = index_int(interp, v)?;
        return int_to_f64(interp, &int_ref(&i).unwrap_or(IntRef::Small(0)));
    }
    Err(interp.type_error(format!("must be real number, not {}", interp.type_name(v))))
}

/// Calls `v.__float__()` if the type defines it.
fn call_dunder_float(interp: &mut Interp, v: &Value) -> PyResult<Option<f64>> {
    let Some(m) =
        interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__float__"))
    else {
        return Ok(None);
    };
    let r = interp.call_method_value(&m, v, &[])?;
    match r {
        Value::Float(f) => Ok(Some(f)),
        // An instance of a float subclass: accepted with CPython's DeprecationWarning.
        Value::Obj(_) if matches!(r.base_value(), Value::Float(_)) => {
            let Value::Float(f) = *r.base_value() else {
                unreachable!()
            };
            let msg = format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                interp.type_name(v),
                interp.type_name(&r)
            );
            warn_deprecation(interp, msg)?;
            Ok(Some(f))
        }
        _ => Err(interp.type_error(format!(
            "{}.__float__ returned non-float (type {})",
            interp.type_name(v),
            interp.type_name(&r)
        ))),
    }
}

/// A float truncated to an int (`int(x)`), with CPython's errors for inf and nan.
pub fn f64_to_int(interp: &Interp, f: f64) -> PyResult {
    if f.is_nan() {
        return Err(interp.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(interp.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(Value::Int(f as i64));
    }
    Ok(interp.new_bigint(float_util::f64_to_bigint(f)))
}

/// Binds arguments to parameters by position or keyword. `skip` leading positionals (the
/// receiver) are not bound; the first `posonly` names are positional-only; `kwonly` names
/// follow. Returns one slot per name (positional names first).
pub fn bind_args(
    interp: &Interp,
    args: Args<'_>,
    fname: &str,
    skip: usize,
    names: &[&str],
    posonly: usize,
    kwonly: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let pos = &args.pos()[skip.min(args.pos().len())..];
    if pos.len() > names.len() {
        return Err(interp.type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len() + kwonly.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        let slot = names
            .iter()
            .position(|n| *n == k)
            .filter(|&i| i >= posonly)
            .or_else(|| kwonly.iter().position(|n| *n == k).map(|i| i + names.len()));
        match slot {
            Some(i) => {
                if out[i].is_some() {
                    return Err(interp.type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            None => {
                if names[..posonly].contains(&k) {
                    return Err(interp.type_error(format!(
                        "'{k}' is an invalid keyword argument for {fname}()"
                    )));
                }
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    Ok(out)
}

// ---- int() and float() ----

/// `int(s, base)` for a str or bytes source: the digits as a Rust string.
fn int_source(v: &Value) -> Option<Cow<'_, str>> {
    let v = v.base_value();
    if let Some(s) = v.as_str() {
        return Some(Cow::Borrowed(s));
    }
    if let Value::Obj(o) = v {
        if let Payload::Bytes(b) = o.payload() {
            return Some(Cow::Owned(bytes_text(b)));
        }
    }
    None
}

/// The digits of a bytes-like source as text: a non-ASCII byte is never a digit or a
/// space there (CPython parses the raw bytes), so it becomes U+FFFD.
fn bytes_text(b: &[u8]) -> String {
    b.iter()
        .map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' })
        .collect()
}

/// `int(memoryview)` / `float(memoryview)`: the view's bytes (as a bytes object, for the
/// error message) and their text.
fn buffer_source(interp: &mut Interp, v: &Value) -> Option<(Value, String)> {
    let Value::Obj(o) = v else { return None };
    if !matches!(o.payload(), Payload::MemoryView(_)) {
        return None;
    }
    let b = crate::buffer::bytes_like(interp.py, v)?.into_owned();
    let text = bytes_text(&b);
    Some((super::bytes::new_bytes(interp, b), text))
}

fn source_repr(interp: &mut Interp, v: &Value) -> PyResult<String> {
    if let Value::Obj(o) = v.base_value() {
        if let Payload::Bytes(b) = o.payload() {
            return Ok(crate::repr::bytes_repr(b));
        }
    }
    interp.repr(v)
}

/// Parses an int literal with CPython's rules and messages.
fn parse_int_value(interp: &mut Interp, src: &Value, text: &str, base: u32) -> PyResult {
    // `sys.set_int_max_str_digits()`'s limit applies (non-power-of-two bases).
    match pyfmt::parse_int_limited(text, base) {
        Ok(v) => Ok(interp.new_bigint(v)),
        Err(pyfmt::ParseIntError::TooManyDigits(m)) => Err(interp.value_error(m)),
        Err(pyfmt::ParseIntError::Invalid) => {
            let r = source_repr(interp, src)?;
            let r: String = r.chars().take(200).collect();
            Err(interp.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// `int(x)` with no base.
pub fn int_from(interp: &mut Interp, x: &Value) -> PyResult {
    // An instance (of a subclass of int, float or str included) goes through its special
    // methods first: a subclass may override `__int__`.
    let inst = is_instance(x);
    if !inst {
        if is_int(x) {
            return Ok(as_plain_int(x));
        }
        if let Value::Float(f) = x {
            return f64_to_int(interp, *f);
        }
        if let Some(s) = int_source(x) {
            let s = s.into_owned();
            return parse_int_value(interp, x, &s, 10);
        }
    }
    if let Some(m) =
        interp.lookup_special_name(x, &gilvm_object::static_name!(interp.py, "__int__"))
    {
        let r = interp.call_method_value(&m, x, &[])?;
        if is_int(&r) {
            warn_int_subclass(interp, "__int__", &r)?;
            return Ok(as_plain_int(&r));
        }
        return Err(interp.type_error(format!(
            "__int__ returned non-int (type {})",
            interp.type_name(&r)
        )));
    }
    if interp
        .lookup_special_name(x, &gilvm_object::static_name!(interp.py, "__index__"))
        .is_some()
    {
        return index_int(interp, x);
    }
    if let Some((src, text)) = buffer_source(interp, x) {
        return parse_int_value(interp, &src, &text, 10);
    }
    // A subclass of str or bytes (which have no `__int__`): its text.
    if let Some(b) = x.subclass_value() {
        let b = b.clone();
        return int_from(interp, &b);
    }
    Err(interp.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        interp.type_name(x)
    )))
}

fn int_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let int = interp.g.types.int.clone();
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &int, int_new)? {
        return Ok(v);
    }
    let b = bind_args(interp, args, "int", 1, &["x", "base"], 1, &[])?;
    let (x, base) = (b[0].clone(), b[1].clone());
    // A bytearray converts as the bytes it holds (the re compiler's charset bitmaps;
    // branch text).
    let x = match x {
        Some(Value::Obj(o)) if matches!(o.payload(), Payload::ByteArray(_)) => {
            let v = Value::Obj(o);
            let bytes = crate::buffer::bytes_like(interp.py, &v).map(|b| b.into_owned());
            bytes.map(|b| super::bytes::new_bytes(interp, b))
        }
        x => x,
    };
    let Some(x) = x else {
        if base.is_some() {
            return Err(interp.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    let Some(base) = base else {
        return int_from(interp, &x);
    };
    let base = index_big(interp, &base)?;
    let base = match base.to_u32() {
        Some(b) if b == 0 || (2..=36).contains(&b) => b,
        _ => return Err(interp.value_error("int() base must be >= 2 and <= 36, or 0")),
    };
    match int_source(&x) {
        Some(s) => {
            let s = s.into_owned();
            parse_int_value(interp, &x, &s, base)
        }
        None => Err(interp.type_error("int() can't convert non-string with explicit base")),
    }
}

/// `float(x)`.
pub fn float_from(interp: &mut Interp, x: &Value) -> PyResult<f64> {
    if let Value::Float(f) = x {
        return Ok(*f);
    }
    // An instance (of a subclass of a builtin included) may define `__float__`.
    if is_instance(x) {
        if let Some(f) = call_dunder_float(interp, x)? {
            return Ok(f);
        }
    }
    if let Some(i) = int_ref(x) {
        return int_to_f64(interp, &i);
    }
    if let Some(s) = int_source(x) {
        let s = s.into_owned();
        return match pyfmt::parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let r = source_repr(interp, x)?;
                Err(interp.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(f) = call_dunder_float(interp, x)? {
        return Ok(f);
    }
    if interp
        .lookup_special_name(x, &gilvm_object::static_name!(interp.py, "__index__"))
        .is_some()
    {
        let i = index_int(interp, x)?;
        return int_to_f64(interp, &int_ref(&i).unwrap_or(IntRef::Small(0)));
    }
    if let Some((src, text)) = buffer_source(interp, x) {
        return match pyfmt::parse_float(&text) {
            Some(f) => Ok(f),
            None => {
                let r = source_repr(interp, &src)?;
                Err(interp.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    Err(interp.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        interp.type_name(x)
    )))
}

/// `warnings.warn(msg, DeprecationWarning, stacklevel=1)` (an error when the filters
/// turn it into one).
pub(crate) fn warn_deprecation(interp: &mut Interp, msg: String) -> PyResult<()> {
    let warnings = interp.import_module("warnings")?;
    let f = interp.getattr_str(&Value::Obj(warnings), "warn")?;
    let m = interp.new_str(msg);
    let cat = Value::Obj(interp.g.exc.deprecation_warning.clone());
    interp.call1(&f, &[m, cat, Value::Int(1)])?;
    Ok(())
}

/// `float(...)` / `tuple(...)` with keywords: they are for a subclass's own `__init__`
/// (CPython checks `type->tp_init != base.tp_init`), which `__new__` then ignores; an
/// error otherwise.
pub(crate) fn kwargs_for_own_init(
    interp: &mut Interp,
    args: &Args<'_>,
    base: &ObjRef,
    name: &str,
) -> PyResult<()> {
    let cls = args.all.first().cloned().unwrap_or(Value::None);
    let own_init = match &cls {
        Value::Obj(c) if !c.is(base) && matches!(c.payload(), Payload::Type(_)) => {
            let mine = interp.getattr_str(&cls, "__init__")?;
            let theirs = interp.getattr_str(&Value::Obj(base.clone()), "__init__")?;
            !mine.is(&theirs)
        }
        _ => false,
    };
    if own_init {
        Ok(())
    } else {
        Err(interp.type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn float_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        let float = interp.g.types.float.clone();
        kwargs_for_own_init(interp, &args, &float, "float")?;
        return float_new(interp, Args::new(args.pos()));
    }
    let float = interp.g.types.float.clone();
    if let Some(v) = crate::builtin_sub::value_new(interp, args, &float, float_new)? {
        return Ok(v);
    }
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "float expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    match pos.get(1) {
        None => Ok(Value::Float(0.0)),
        Some(x) => Ok(Value::Float(float_from(interp, x)?)),
    }
}

// ---- builtins ----

fn abs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "abs", 1, 1)?;
    abs_value(interp, &a[0])
}

/// `abs(v)`.
pub fn abs_value(interp: &mut Interp, v: &Value) -> PyResult {
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => interp.new_bigint(BigInt::from(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => {
            if let Some(IntRef::Big(b)) = int_ref(v) {
                return Ok(interp.new_bigint(b.abs()));
            }
            if let Some(m) =
                interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__abs__"))
            {
                return interp.call_method_value(&m, v, &[]);
            }
            Err(interp.type_error(format!(
                "bad operand type for abs(): '{}'",
                interp.type_name(v)
            )))
        }
    }
}

fn round(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = bind_args(interp, args, "round", 0, &["number", "ndigits"], 0, &[])?;
    let Some(x) = b[0].clone() else {
        return Err(interp.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = b[1].clone().filter(|v| !v.is_none());
    round_value(interp, &x, nd.as_ref())
}

/// `round(x)` / `round(x, ndigits)`.
pub fn round_value(interp: &mut Interp, x: &Value, ndigits: Option<&Value>) -> PyResult {
    if let Value::Float(f) = x {
        return match ndigits {
            None => f64_to_int(interp, f.round_ties_even()),
            Some(n) => {
                let n = index_clamped(interp, n)?;
                match float_util::round_f64(*f, n) {
                    Some(r) => Ok(Value::Float(r)),
                    None => Err(interp.overflow_error("rounded value too large to represent")),
                }
            }
        };
    }
    if let Some(i) = int_ref(x) {
        let Some(n) = ndigits else {
            return Ok(as_plain_int(x));
        };
        let n = index_big(interp, n)?;
        if !n.is_negative() {
            return Ok(as_plain_int(x));
        }
        let k = (-n).to_u64().unwrap_or(u64::MAX);
        let r = float_util::round_int_to_pow10(&i.to_big(), k);
        return Ok(interp.new_bigint(r));
    }
    if let Some(m) =
        interp.lookup_special_name(x, &gilvm_object::static_name!(interp.py, "__round__"))
    {
        return match ndigits {
            None => interp.call_method_value(&m, x, &[]),
            Some(n) => interp.call_method_value(&m, x, std::slice::from_ref(n)),
        };
    }
    Err(interp.type_error(format!(
        "type {} doesn't define __round__ method",
        interp.type_name(x)
    )))
}

fn divmod(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "divmod", 2, 2)?;
    divmod_values(interp, &a[0], &a[1])
}

/// Numeric `divmod(a, b)`; None when an operand is not a number.
pub fn divmod_numbers(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let is_num = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if !is_num(a) || !is_num(b) {
        return Ok(None);
    }
    if let (Some(x), Some(y)) = (int_ref(a), int_ref(b)) {
        if y.is_zero() {
            return Err(interp.zero_division("division by zero"));
        }
        if let (IntRef::Small(p), IntRef::Small(q)) = (&x, &y) {
            if !(*p == i64::MIN && *q == -1) {
                let (d, m) = p.div_mod_floor(q);
                return Ok(Some(interp.new_tuple(vec![Value::Int(d), Value::Int(m)])));
            }
        }
        let (d, m) = x.to_big().div_mod_floor(&y.to_big());
        let (d, m) = (interp.new_bigint(d), interp.new_bigint(m));
        return Ok(Some(interp.new_tuple(vec![d, m])));
    }
    let x = float_of(interp, a)?;
    let y = float_of(interp, b)?;
    if y == 0.0 {
        return Err(interp.zero_division("division by zero"));
    }
    let (d, m) = float_util::float_divmod(x, y);
    Ok(Some(
        interp.new_tuple(vec![Value::Float(d), Value::Float(m)]),
    ))
}

/// `divmod(a, b)` with `__divmod__`/`__rdivmod__` for other types.
pub fn divmod_values(interp: &mut Interp, a: &Value, b: &Value) -> PyResult {
    if let Some(r) = divmod_numbers(interp, a, b)? {
        return Ok(r);
    }
    let a_ty = type_of(a).clone();
    let b_ty = type_of(b).clone();
    let b_sub = !a_ty.is(&b_ty) && is_subtype(&b_ty, &a_ty);
    if b_sub {
        if let Some(r) = interp.try_dunder(b, "__rdivmod__", a)? {
            return Ok(r);
        }
    }
    if let Some(r) = interp.try_dunder(a, "__divmod__", b)? {
        return Ok(r);
    }
    if !b_sub && !a_ty.is(&b_ty) {
        if let Some(r) = interp.try_dunder(b, "__rdivmod__", a)? {
            return Ok(r);
        }
    }
    Err(interp.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        interp.type_name(a),
        interp.type_name(b)
    )))
}

fn pow(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let b = bind_args(interp, args, "pow", 0, &["base", "exp", "mod"], 0, &[])?;
    let (Some(base), Some(exp)) = (b[0].clone(), b[1].clone()) else {
        let missing = if b[0].is_none() {
            "base' (pos 1"
        } else {
            "exp' (pos 2"
        };
        return Err(interp.type_error(format!("pow() missing required argument '{missing})")));
    };
    match b[2].clone().filter(|v| !v.is_none()) {
        None => interp.binary_op(BinOp::Pow, base, exp, false),
        Some(m) => pow3(interp, &base, &exp, &m),
    }
}

/// Three-argument `pow`.
pub fn pow3(interp: &mut Interp, base: &Value, exp: &Value, m: &Value) -> PyResult {
    if let (Some(b), Some(e), Some(md)) = (int_ref(base), int_ref(exp), int_ref(m)) {
        return int_pow_mod(interp, &b.to_big(), &e.to_big(), &md.to_big());
    }
    let is_num = |v: &Value| is_int(v) || matches!(v, Value::Float(_));
    if is_num(base) && is_num(exp) && is_num(m) {
        return Err(
            interp.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    // complex (issue 18): `complex.__pow__` refuses a modulus.
    let is_cx = |v: &Value| super::complex::complex_of(v).is_some();
    if (is_cx(base) || is_cx(exp)) && [base, exp].iter().all(|v| is_num(v) || is_cx(v)) {
        return Err(interp.value_error("complex modulo"));
    }
    if matches!(base, Value::Obj(o) if matches!(o.payload(), Payload::Instance(_))) {
        if let Some(f) =
            interp.lookup_special_name(base, &gilvm_object::static_name!(interp.py, "__pow__"))
        {
            let r = interp.call_method_value(&f, base, &[exp.clone(), m.clone()])?;
            if !interp.is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Err(interp.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        interp.type_name(base),
        interp.type_name(exp),
        interp.type_name(m)
    )))
}

/// Modular inverse of `a` modulo `m` (m > 0), if it exists.
pub fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut r0, mut r1) = (m.clone(), a.mod_floor(m));
    let (mut t0, mut t1) = (BigInt::zero(), BigInt::one());
    while !r1.is_zero() {
        let (q, r) = r0.div_rem(&r1);
        r0 = std::mem::replace(&mut r1, r);
        let t = &t0 - &q * &t1;
        t0 = std::mem::replace(&mut t1, t);
    }
    if r0.is_one() {
        Some(t0.mod_floor(m))
    } else {
        None
    }
}

/// `pow(b, e, m)` for ints.
pub fn int_pow_mod(interp: &mut Interp, b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult {
    if m.is_zero() {
        return Err(interp.value_error("pow() 3rd argument cannot be 0"));
    }
    let neg_out = m.is_negative();
    let c = m.abs();
    if c.is_one() {
        return Ok(Value::Int(0));
    }
    let (base, exp) = if e.is_negative() {
        match mod_inverse(b, &c) {
            Some(inv) => (inv, -e),
            None => return Err(interp.value_error("base is not invertible for the given modulus")),
        }
    } else {
        (b.mod_floor(&c), e.clone())
    };
    let mut r = match (base.to_u64(), exp.to_u64(), c.to_u64()) {
        (Some(x), Some(y), Some(md)) => BigInt::from(powmod_u64(x, y, md)),
        _ => base.modpow(&exp, &c),
    };
    if neg_out && !r.is_zero() {
        r -= &c;
    }
    Ok(interp.new_bigint(r))
}

fn powmod_u64(b: u64, mut e: u64, m: u64) -> u64 {
    let m = m as u128;
    let mut r: u128 = 1 % m;
    let mut x = b as u128 % m;
    while e > 0 {
        if e & 1 == 1 {
            r = r * x % m;
        }
        x = x * x % m;
        e >>= 1;
    }
    r as u64
}

fn radix(interp: &mut Interp, args: Args<'_>, name: &str, base: u32) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    let s = match index_int(interp, &a[0])? {
        Value::Int(i) => pyfmt::int_to_radix(&BigInt::from(i), base, true),
        v => pyfmt::int_to_radix(&v.to_bigint().unwrap_or_default(), base, true),
    };
    Ok(interp.new_str(s))
}

fn hex(interp: &mut Interp, args: Args<'_>) -> PyResult {
    radix(interp, args, "hex", 16)
}
fn oct(interp: &mut Interp, args: Args<'_>) -> PyResult {
    radix(interp, args, "oct", 8)
}
fn bin(interp: &mut Interp, args: Args<'_>) -> PyResult {
    radix(interp, args, "bin", 2)
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types;
    add_static(interp, &t.int, "__new__", int_new);
    add_static(interp, &t.float, "__new__", float_new);
    add_builtin(interp, "abs", abs);
    add_builtin(interp, "round", round);
    add_builtin(interp, "divmod", divmod);
    add_builtin(interp, "pow", pow);
    add_builtin(interp, "hex", hex);
    add_builtin(interp, "oct", oct);
    add_builtin(interp, "bin", bin);
    super::int_methods::register(interp);
    super::float_methods::register(interp);
}
