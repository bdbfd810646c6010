//! `range` objects whose bounds do not fit an `i64` (`range(1 << 1000)`), and their
//! iterator `longrange_iterator` (issue 19: the Lib's `_collections_abc` registers
//! `type(iter(range(1 << 1000)))`).
//!
//! A range of `i64`s is the interpreter's `Payload::Range`, on every fast path. A long
//! range is rare, so it is a native object of the `range` type itself (its data a
//! [`LongRange`], immutable), which the `range` methods hand to this file when their
//! receiver is one; its iterator keeps its position in a [`LongRangeIter`] behind the
//! object's lock, one step a critical section (free-threaded build: concurrent `next()`
//! calls each get a distinct item, as CPython's).
use std::sync::OnceLock;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;
use crate::modules::util::{self, native_obj, with_data, Statics};

/// A long range's bounds.
pub struct LongRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl LongRange {
    /// The number of items (CPython's `compute_range_length`).
    fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - BigInt::one()) / step + BigInt::one()
    }
}

/// A long range iterator's state: the next value and how many remain.
struct LongRangeIter {
    next: BigInt,
    step: BigInt,
    remaining: BigInt,
}

static ITER_TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

fn iter_type(interp: &mut Interp) -> ObjRef {
    ITER_TYPE
        .get_or_init(|| {
            Statics(util::native_type(
                interp,
                "longrange_iterator",
                "builtins",
                &[
                    ("__iter__", util::iter_self),
                    ("__next__", iter_next),
                    ("__length_hint__", iter_length_hint),
                    ("__reduce__", iter_reduce),
                    ("__setstate__", iter_setstate),
                ],
            ))
        })
        .0
        .clone()
}

/// `range(start, stop, step)` with big bounds (step checked non-zero by the caller).
pub fn new(interp: &mut Interp, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let t = interp.g.types.range.clone();
    native_obj(interp, &t, LongRange { start, stop, step })
}

/// The bounds of `v` if it is a long range.
pub fn get(interp: &Interp, v: &Value) -> Option<(BigInt, BigInt, BigInt)> {
    with_data::<LongRange, _>(interp, v, |r| {
        (r.start.clone(), r.stop.clone(), r.step.clone())
    })
}

fn parts(interp: &Interp, v: &Value) -> LongRange {
    let (start, stop, step) = get(interp, v).expect("a long range");
    LongRange { start, stop, step }
}

/// `iter(r)`.
pub fn iter(interp: &mut Interp, v: &Value) -> PyResult {
    let r = parts(interp, v);
    let t = iter_type(interp);
    let remaining = r.len();
    Ok(native_obj(
        interp,
        &t,
        LongRangeIter {
            next: r.start,
            step: r.step,
            remaining,
        },
    ))
}

/// `reversed(r)`.
pub fn reversed(interp: &mut Interp, v: &Value) -> PyResult {
    let r = parts(interp, v);
    let t = iter_type(interp);
    let remaining = r.len();
    let last = if remaining.is_zero() {
        r.start.clone()
    } else {
        &r.start + (&remaining - BigInt::one()) * &r.step
    };
    Ok(native_obj(
        interp,
        &t,
        LongRangeIter {
            next: last,
            step: -r.step,
            remaining,
        },
    ))
}

/// `len(r)`: CPython's OverflowError when the length does not fit.
pub fn len(interp: &mut Interp, v: &Value) -> PyResult {
    let n = parts(interp, v).len();
    match i64::try_from(&n) {
        Ok(n) => Ok(Value::Int(n)),
        Err(_) => Err(interp.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// `x in r` for an int `x` (others compare item by item: not supported for long ranges).
pub fn contains(interp: &mut Interp, v: &Value, x: &Value) -> PyResult {
    let r = parts(interp, v);
    let Some(x) = x.to_bigint() else {
        return Ok(Value::Bool(false));
    };
    let inside = if r.step.is_positive() {
        x >= r.start && x < r.stop
    } else {
        x <= r.start && x > r.stop
    };
    Ok(Value::Bool(inside && ((&x - &r.start) % &r.step).is_zero()))
}

/// `r[i]` for an integer index.
pub fn getitem(interp: &mut Interp, v: &Value, key: &Value) -> PyResult {
    let r = parts(interp, v);
    let i = crate::builtins::numbers::index_big(interp, key)?;
    let n = r.len();
    let i = if i.is_negative() { i + &n } else { i };
    if i.is_negative() || i >= n {
        return Err(interp.index_error("range object index out of range"));
    }
    Ok(interp.new_bigint(r.start + i * r.step))
}

/// `repr(r)`.
pub fn repr(interp: &mut Interp, v: &Value) -> PyResult {
    let r = parts(interp, v);
    let s = if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    };
    Ok(interp.new_str(s))
}

/// `r.start`, `r.stop`, `r.step`.
pub fn attr(interp: &mut Interp, v: &Value, name: &str) -> Option<Value> {
    let r = parts(interp, v);
    Some(interp.new_bigint(match name {
        "start" => r.start,
        "stop" => r.stop,
        "step" => r.step,
        _ => return None,
    }))
}

fn iter_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    let step = with_data::<LongRangeIter, _>(interp, &a[0], |it| {
        if it.remaining.is_positive() {
            it.remaining -= 1;
            let v = it.next.clone();
            it.next += &it.step;
            Some(v)
        } else {
            None
        }
    });
    match step {
        Some(Some(v)) => Ok(interp.new_bigint(v)),
        Some(None) => Err(interp.stop_iteration(Value::None)),
        None => {
            Err(interp.type_error("descriptor '__next__' requires a 'longrange_iterator' object"))
        }
    }
}

fn iter_length_hint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__length_hint__", 1, 1)?;
    let n =
        with_data::<LongRangeIter, _>(interp, &a[0], |it| it.remaining.clone()).unwrap_or_default();
    Ok(interp.new_bigint(n))
}

/// `it.__reduce__()`: `iter, (range(next, stop, step),), None`, the items left as a range
/// (CPython 3.14's `longrangeiter_reduce`).
fn iter_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce__", 1, 1)?;
    let Some((next, step, left)) = with_data::<LongRangeIter, _>(interp, &a[0], |it| {
        (it.next.clone(), it.step.clone(), it.remaining.clone())
    }) else {
        return Err(
            interp.type_error("descriptor '__reduce__' requires a 'longrange_iterator' object")
        );
    };
    let stop = &next + &left * &step;
    let r = new(interp, next, stop, step);
    let key = interp.intern("iter");
    let iter = interp
        .dict_get_str(&interp.g.builtins_dict.clone(), &key)
        .unwrap_or(Value::None);
    let args = interp.new_tuple(vec![r]);
    Ok(interp.new_tuple(vec![iter, args, Value::None]))
}

/// `it.__setstate__(n)`: skips `n` items (clamped to those left), relative to the current
/// position; `n` must be an int (CPython 3.14's `longrangeiter_setstate`).
fn iter_setstate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() != 2 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "longrange_iterator.__setstate__() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let n = match &pos[1] {
        Value::Bool(_) => None,
        v => v.to_bigint(),
    };
    let Some(n) = n else {
        return Err(interp.type_error(format!(
            "state must be an int, not {}",
            interp.type_name(&pos[1])
        )));
    };
    let done = with_data::<LongRangeIter, _>(interp, &pos[0], |it| {
        let n = n.clamp(BigInt::zero(), it.remaining.clone());
        it.next += &n * &it.step;
        it.remaining -= n;
    });
    match done {
        Some(()) => Ok(Value::None),
        None => {
            Err(interp
                .type_error("descriptor '__setstate__' requires a 'longrange_iterator' object"))
        }
    }
}

/// Whether the receiver of a `range` method is a long range.
pub fn is_long(interp: &Interp, args: &Args<'_>) -> bool {
    args.pos().first().is_some_and(|v| get(interp, v).is_some())
}

/// `range(...)` when a bound does not fit an `i64`: `a` are the 1 to 3 arguments.
pub fn range_new_big(interp: &mut Interp, a: &[Value]) -> PyResult {
    let mut n = Vec::with_capacity(3);
    for v in a {
        n.push(crate::builtins::numbers::index_big(interp, v)?);
    }
    let (start, stop, step) = match n.len() {
        1 => (BigInt::zero(), n.pop().unwrap(), BigInt::one()),
        2 => {
            let stop = n.pop().unwrap();
            (n.pop().unwrap(), stop, BigInt::one())
        }
        _ => {
            let step = n.pop().unwrap();
            let stop = n.pop().unwrap();
            (n.pop().unwrap(), stop, step)
        }
    };
    if step.is_zero() {
        return Err(interp.value_error("range() arg 3 must not be zero"));
    }
    Ok(new(interp, start, stop, step))
}

/// `range.__repr__`, `range.start`/`stop`/`step` of a long range (a plain range answers
/// these on the interpreter's own paths first).
pub fn register(interp: &mut Interp) {
    let t = interp.g.types.range.clone();
    super::add_method(interp, &t, "__repr__", range_repr);
    for (name, f) in [
        ("start", range_start as crate::interp::NativeFn),
        ("stop", range_stop),
        ("step", range_step),
    ] {
        super::add_getset(interp, &t, name, f);
    }
}

fn range_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    if get(interp, &a[0]).is_some() {
        return repr(interp, &a[0]);
    }
    let s = interp.repr(&a[0])?;
    Ok(interp.new_str(s))
}

fn range_attr(interp: &mut Interp, args: Args<'_>, name: &'static str) -> PyResult {
    let a = args.exact(interp, name, 1, 1)?;
    if let Value::Obj(o) = &a[0] {
        if let gilvm_object::Payload::Range(r) = o.payload() {
            return Ok(Value::Int(match name {
                "start" => r.start,
                "stop" => r.stop,
                _ => r.step,
            }));
        }
    }
    if get(interp, &a[0]).is_some() {
        return Ok(attr(interp, &a[0], name).unwrap_or(Value::None));
    }
    Err(interp.type_error(format!(
        "descriptor '{name}' for 'range' objects doesn't apply to a '{}' object",
        interp.type_name(&a[0])
    )))
}

fn range_start(interp: &mut Interp, args: Args<'_>) -> PyResult {
    range_attr(interp, args, "start")
}

fn range_stop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    range_attr(interp, args, "stop")
}

fn range_step(interp: &mut Interp, args: Args<'_>) -> PyResult {
    range_attr(interp, args, "step")
}
