//! The iteration builtins: `sorted`, `min`, `max`, `sum`, `any`, `all`, and the bodies of
//! the constructors of the types `reversed`, `enumerate`, `zip`, `map`, `filter`
//! (`itertypes.rs` makes them types).
//!
//! The lazy ones create `IterState` iterators (stepped by `crate::iters`); the others consume
//! their argument with `containers::for_each`, which reads lists one item at a time.
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::payload::IterState;
use gilvm_object::{Payload, Value};

use super::add_builtin;
use super::containers::{check_kwnames, for_each, func_args, new_iter};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn sorted(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = args.pos().len();
    if n != 1 {
        return Err(interp.type_error(format!("sorted expected 1 argument, got {n}")));
    }
    let (key, reverse) = super::list::sort_options(interp, &args, "sort")?;
    let mut items = interp.collect(&args.pos()[0])?;
    super::sort::sort_values(interp, &mut items, &key, reverse)?;
    Ok(interp.new_list(items))
}

/// Is `val` better than `best` (`val < best` for min, `val > best` for max)?
#[inline]
fn better(interp: &mut Interp, op: CmpOp, val: &Value, best: &Value) -> PyResult<bool> {
    match (val, best) {
        (Value::Int(a), Value::Int(b)) => Ok(if op == CmpOp::Lt { a < b } else { a > b }),
        (Value::Float(a), Value::Float(b)) => Ok(if op == CmpOp::Lt { a < b } else { a > b }),
        _ => {
            let r = interp.compare(op, val, best)?;
            match r {
                Value::Bool(b) => Ok(b),
                other => interp.truthy(&other),
            }
        }
    }
}

fn min_max(interp: &mut Interp, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    check_kwnames(interp, &args, name, &["key", "default"])?;
    let key = args.kw("key").filter(|k| !k.is_none()).cloned();
    let default = args.kw("default").cloned();
    let positional = pos.len() > 1;
    if positional && default.is_some() {
        return Err(interp.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(Value, Value)> = None;
    let mut step = |interp: &mut Interp, item: Value| -> PyResult<bool> {
        let val = match &key {
            Some(k) => interp.call1(k, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((item, val)),
            Some((_, bv)) => {
                if better(interp, op, &val, bv)? {
                    best = Some((item, val));
                }
            }
        }
        Ok(true)
    };
    if positional {
        for x in pos {
            step(interp, x.clone())?;
        }
    } else {
        for_each(interp, &pos[0], step)?;
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(interp.value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

fn min(interp: &mut Interp, args: Args<'_>) -> PyResult {
    min_max(interp, args, "min", CmpOp::Lt)
}

fn max(interp: &mut Interp, args: Args<'_>) -> PyResult {
    min_max(interp, args, "max", CmpOp::Gt)
}

/// The state of `sum`: CPython's int fast path, then its compensated float path (Neumaier,
/// since 3.12), then plain `+`.
enum Acc {
    Int(i64),
    Float(f64, f64),
    Any(Value),
}

fn is_exact_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn sum(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_kwnames(interp, &args, "sum", &["start"])?;
    let pos = args.pos();
    if pos.is_empty() {
        return Err(interp.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    if pos.len() == 2 && args.kw("start").is_some() {
        return Err(
            interp.type_error("argument for sum() given by name ('start') and position (2)")
        );
    }
    let start = pos
        .get(1)
        .or(args.kw("start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    if let Value::Obj(o) = &start {
        match o.payload() {
            Payload::Str(_) => {
                return Err(interp.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
            }
            Payload::Bytes(_) => {
                return Err(interp.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
            }
            _ => {}
        }
        if gilvm_object::types::type_name(gilvm_object::types::type_of(&start)) == "bytearray" {
            return Err(interp.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
    }
    let mut acc = match start {
        Value::Int(i) => Acc::Int(i),
        Value::Float(f) => Acc::Float(f, 0.0),
        other => Acc::Any(other),
    };
    for_each(interp, &pos[0], |interp, item| {
        acc = match std::mem::replace(&mut acc, Acc::Int(0)) {
            Acc::Int(i) => match is_exact_int(&item).and_then(|b| i.checked_add(b)) {
                Some(r) => Acc::Int(r),
                None => {
                    let r = interp.binary_op(BinOp::Add, Value::Int(i), item, false)?;
                    match r {
                        Value::Float(f) => Acc::Float(f, 0.0),
                        other => Acc::Any(other),
                    }
                }
            },
            Acc::Float(f, c) => match &item {
                Value::Float(x) => {
                    let x = *x;
                    let t = f + x;
                    let c = if f.abs() >= x.abs() {
                        c + ((f - t) + x)
                    } else {
                        c + ((x - t) + f)
                    };
                    Acc::Float(t, c)
                }
                Value::Int(_) | Value::Bool(_) => {
                    Acc::Float(f + is_exact_int(&item).unwrap_or(0) as f64, c)
                }
                _ => {
                    let f = if c != 0.0 && c.is_finite() { f + c } else { f };
                    Acc::Any(interp.binary_op(BinOp::Add, Value::Float(f), item, false)?)
                }
            },
            Acc::Any(r) => Acc::Any(interp.binary_op(BinOp::Add, r, item, false)?),
        };
        Ok(true)
    })?;
    Ok(match acc {
        Acc::Int(i) => Value::Int(i),
        Acc::Float(f, c) => Value::Float(if c != 0.0 && c.is_finite() { f + c } else { f }),
        Acc::Any(v) => v,
    })
}

/// `reversed(seq)` (the `reversed` type's constructor, `itertypes.rs`).
pub(super) fn reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = func_args(interp, &args, "reversed", 1, 1)?;
    let seq = &a[0];
    if let Value::Obj(o) = seq {
        if let Payload::Range(r) = o.payload() {
            return Ok(Value::Obj(interp.new_obj(gilvm_object::Owned::RangeIter(
                gilvm_object::iterstate::RangeIterCell::reversed(r),
            ))));
        }
        let n = match o.payload() {
            Payload::List(l) => Some(l.len(interp.py)),
            Payload::Tuple(t) => Some(t.len()),
            Payload::Str(s) => Some(s.char_len()),
            Payload::Bytes(b) => Some(b.len()),
            _ => None,
        };
        if let Some(n) = n {
            return Ok(new_iter(
                interp,
                IterState::Reversed {
                    seq: o.clone(),
                    index: n,
                },
            ));
        }
    }
    let not_reversible = |interp: &Interp| {
        interp.type_error(format!(
            "'{}' object is not reversible",
            interp.type_name(seq)
        ))
    };
    match interp.lookup_special_name(seq, &gilvm_object::static_name!(interp.py, "__reversed__")) {
        Some(Value::None) => return Err(not_reversible(interp)),
        Some(m) => return interp.call_method_value(&m, seq, &[]),
        None => {}
    }
    // The sequence protocol: `__len__` and `__getitem__`, and not a mapping.
    let Value::Obj(o) = seq else {
        return Err(not_reversible(interp));
    };
    let is_seq = matches!(o.payload(), Payload::Instance(_) | Payload::Native(_))
        && super::containers::dict_parts(seq).is_none()
        && interp
            .lookup_special(seq, "__getitem__")
            .is_some_and(|m| !m.is_none());
    if !is_seq {
        return Err(not_reversible(interp));
    }
    let n = interp.len(seq)?;
    Ok(new_iter(
        interp,
        IterState::Reversed {
            seq: o.clone(),
            index: n,
        },
    ))
}

/// `enumerate(iterable, start=0)` (the `enumerate` type's constructor).
pub(super) fn enumerate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    // enumerate keeps the older wording in CPython 3.14 (the others say "got an
    // unexpected keyword argument").
    if let Some((n, _)) = args
        .kwargs()
        .find(|(n, _)| !["iterable", "start"].contains(n))
    {
        return Err(interp.type_error(format!(
            "'{n}' is an invalid keyword argument for enumerate()"
        )));
    }
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > 2 {
        return Err(interp.type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let iterable = match (pos.first(), args.kw("iterable")) {
        (Some(_), Some(_)) => {
            return Err(interp.type_error(
                "argument for enumerate() given by name ('iterable') and position (1)",
            ))
        }
        (Some(v), None) | (None, Some(v)) => v.clone(),
        (None, None) => {
            return Err(interp.type_error("enumerate() missing required argument 'iterable'"))
        }
    };
    let start = match (pos.get(1), args.kw("start")) {
        (Some(_), Some(_)) => {
            return Err(interp
                .type_error("argument for enumerate() given by name ('start') and position (2)"))
        }
        (Some(v), None) | (None, Some(v)) => v.clone(),
        (None, None) => Value::Int(0),
    };
    let start = match &start {
        Value::Int(_) => start,
        Value::Bool(b) => Value::Int(*b as i64),
        v if v.to_bigint().is_some() => v.base_value().clone(),
        v => {
            if interp
                .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_none()
            {
                return Err(interp.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    interp.type_name(v)
                )));
            }
            let m = interp
                .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                .unwrap_or(Value::None);
            let r = interp.call_method_value(&m, v, &[])?;
            if r.to_bigint().is_none() {
                return Err(interp.type_error(format!(
                    "__index__ returned non-int (type {})",
                    interp.type_name(&r)
                )));
            }
            r
        }
    };
    let it = interp.iter(&iterable)?;
    Ok(new_iter(
        interp,
        IterState::Enumerate {
            iter: it,
            count: start,
        },
    ))
}

/// The keyword arguments of `zip` and `map`: at most one, `strict`.
fn check_strict_kw(interp: &Interp, args: &Args<'_>, fname: &str) -> PyResult<()> {
    let n = args.kwnames.len();
    if n > 1 {
        return Err(interp.type_error(format!(
            "{fname}() takes at most 1 keyword argument ({n} given)"
        )));
    }
    check_kwnames(interp, args, fname, &["strict"])
}

/// `zip(*iterables, strict=False)` (the `zip` type's constructor).
pub(super) fn zip(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_strict_kw(interp, &args, "zip")?;
    let strict = match args.kw("strict") {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.pos().len());
    for a in args.pos() {
        iters.push(interp.iter(a)?);
    }
    Ok(new_iter(interp, IterState::Zip { iters, strict }))
}

/// `map(function, iterable, *iterables, strict=False)` (the `map` type's constructor).
pub(super) fn map(interp: &mut Interp, args: Args<'_>) -> PyResult {
    check_strict_kw(interp, &args, "map")?;
    let strict = match args.kw("strict") {
        Some(v) => interp.truthy(v)?,
        None => false,
    };
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(interp.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for a in &pos[1..] {
        iters.push(interp.iter(a)?);
    }
    Ok(new_iter(
        interp,
        IterState::Map {
            func: pos[0].clone(),
            iters,
            strict,
        },
    ))
}

/// `filter(function, iterable)` (the `filter` type's constructor).
pub(super) fn filter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = func_args(interp, &args, "filter", 2, 2)?;
    let it = interp.iter(&a[1])?;
    Ok(new_iter(
        interp,
        IterState::Filter {
            func: a[0].clone(),
            iter: it,
        },
    ))
}

fn any_all(interp: &mut Interp, args: Args<'_>, name: &str, want: bool) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(interp.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    // any: stop at the first true item; all: stop at the first false one.
    let mut found = false;
    for_each(interp, &pos[0], |interp, x| {
        if interp.truthy(&x)? == want {
            found = true;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(Value::Bool(if want { found } else { !found }))
}

fn any(interp: &mut Interp, args: Args<'_>) -> PyResult {
    any_all(interp, args, "any", true)
}

fn all(interp: &mut Interp, args: Args<'_>) -> PyResult {
    any_all(interp, args, "all", false)
}

pub fn register(interp: &mut Interp) {
    add_builtin(interp, "sorted", sorted);
    add_builtin(interp, "min", min);
    add_builtin(interp, "max", max);
    add_builtin(interp, "sum", sum);
    add_builtin(interp, "any", any);
    add_builtin(interp, "all", all);
}
