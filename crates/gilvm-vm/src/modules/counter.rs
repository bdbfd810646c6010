//! `collections.Counter`: a dict subclass counting hashable items, with CPython 3.13's
//! semantics (missing keys count 0, `most_common` ties in insertion order, multiset
//! arithmetic keeping positive counts, rich comparisons treating missing keys as 0).
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::{ObjRef, Value};

use super::collections::{cmp_bool, dict_class, dict_self, is_dict, types};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

pub fn create_type(interp: &mut Interp) -> ObjRef {
    dict_class(
        interp,
        "Counter",
        false,
        &[
            ("__init__", init),
            ("__missing__", missing),
            ("total", total),
            ("most_common", most_common),
            ("elements", elements),
            ("update", update),
            ("subtract", subtract),
            ("copy", copy),
            ("__copy__", copy),
            ("__delitem__", delitem),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__le__", le),
            ("__lt__", lt),
            ("__ge__", ge),
            ("__gt__", gt),
            ("__add__", add),
            ("__sub__", sub),
            ("__or__", or),
            ("__and__", and),
            ("__pos__", pos),
            ("__neg__", neg),
            ("__iadd__", iadd),
            ("__isub__", isub),
            ("__ior__", ior),
            ("__iand__", iand),
        ],
        &[("fromkeys", fromkeys)],
    )
}

fn zero() -> Value {
    Value::Int(0)
}

fn get_count(interp: &mut Interp, d: &ObjRef, k: &Value) -> PyResult<Value> {
    Ok(interp.dict_get(d, k)?.unwrap_or_else(zero))
}

fn is_counter(interp: &mut Interp, v: &Value) -> bool {
    let t = types(interp).counter.clone();
    interp.isinstance(v, &t) && is_dict(v)
}

fn gt0(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    cmp_bool(interp, CmpOp::Gt, v, &zero())
}

fn new_counter(interp: &mut Interp) -> PyResult<ObjRef> {
    let t = Value::Obj(types(interp).counter.clone());
    let c = interp.call1(&t, &[])?;
    dict_self(interp, &c)
}

/// Counts `src` into `d` with `sign` (+1 update, -1 subtract).
fn count_into(interp: &mut Interp, d: &ObjRef, src: &Value, subtract: bool) -> PyResult<()> {
    if is_dict(src) {
        let s = dict_self(interp, src)?;
        let items = interp.dict_items(&s)?;
        // An empty Counter updated from a mapping copies it (dict.update), as CPython does.
        if !subtract && interp.dict_len(d) == 0 {
            for (k, v) in items {
                interp.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        for (k, v) in items {
            let cur = get_count(interp, d, &k)?;
            let new = if subtract {
                interp.binary_op(BinOp::Sub, cur, v, false)?
            } else {
                interp.binary_op(BinOp::Add, v, cur, false)?
            };
            interp.dict_set(d, k, new)?;
        }
        return Ok(());
    }
    let it = interp.iter(src)?;
    while let Some(k) = interp.next(&it)? {
        let cur = get_count(interp, d, &k)?;
        let new = interp.binary_op(
            if subtract { BinOp::Sub } else { BinOp::Add },
            cur,
            Value::Int(1),
            false,
        )?;
        interp.dict_set(d, k, new)?;
    }
    Ok(())
}

fn update_common(interp: &mut Interp, args: Args<'_>, name: &str, subtract: bool) -> PyResult {
    let pos = args.pos();
    let me = pos.first().cloned().ok_or_else(|| {
        interp.type_error(format!(
            "descriptor '{name}' of 'Counter' object needs an argument"
        ))
    })?;
    let d = dict_self(interp, &me)?;
    if pos.len() > 2 {
        return Err(interp.type_error(format!(
            "expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    if let Some(src) = pos.get(1) {
        if !src.is_none() {
            count_into(interp, &d, src, subtract)?;
        }
    }
    if args.has_kwargs() {
        let kw = interp.new_dict_obj();
        for (k, v) in args.kwargs() {
            let key = interp.new_str(k);
            interp.dict_set(&kw, key, v.clone())?;
        }
        count_into(interp, &d, &Value::Obj(kw), subtract)?;
    }
    Ok(Value::None)
}

fn init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 2 {
        return Err(interp.type_error(format!(
            "Counter.__init__() takes from 1 to 2 positional arguments but {} were given",
            args.pos().len()
        )));
    }
    update_common(interp, args, "__init__", false)
}

fn update(interp: &mut Interp, args: Args<'_>) -> PyResult {
    update_common(interp, args, "update", false)
}

fn subtract(interp: &mut Interp, args: Args<'_>) -> PyResult {
    update_common(interp, args, "subtract", true)
}

fn missing(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "__missing__", 2, 2)?;
    Ok(zero())
}

fn total(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "total", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let mut t = zero();
    for (_, v) in interp.dict_items(&d)? {
        t = interp.binary_op(BinOp::Add, t, v, false)?;
    }
    Ok(t)
}

/// Items sorted by count, largest first; ties keep insertion order (a stable merge sort).
fn sorted_items(interp: &mut Interp, items: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mid = items.len() / 2;
    let mut left = items;
    let right = left.split_off(mid);
    let left = sorted_items(interp, left)?;
    let right = sorted_items(interp, right)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => {
                // Take from the right only when its count is strictly larger.
                if interp.lt(&a.1, &b.1)? {
                    out.push(r.next().unwrap());
                } else {
                    out.push(l.next().unwrap());
                }
            }
            (Some(_), None) => out.push(l.next().unwrap()),
            (None, Some(_)) => out.push(r.next().unwrap()),
            (None, None) => break,
        }
    }
    Ok(out)
}

fn common(interp: &mut Interp, d: &ObjRef, n: Option<i64>) -> PyResult<Vec<(Value, Value)>> {
    let items = interp.dict_items(d)?;
    if n.is_some_and(|n| n <= 0) {
        return Ok(vec![]);
    }
    let mut s = sorted_items(interp, items)?;
    if let Some(n) = n {
        s.truncate(n as usize);
    }
    Ok(s)
}

fn most_common(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let d = dict_self(interp, &me)?;
    let a = super::util::bind(
        interp,
        &super::util::after_cls(&args),
        "most_common",
        &["n"],
        0,
    )?;
    let n = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => match interp.index_value(v) {
            Ok(i) => Some(i),
            // Beyond the index range: everything, or nothing for a huge negative n.
            Err(_) if v.to_bigint().is_some() => {
                if v.to_bigint()
                    .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
                {
                    Some(0)
                } else {
                    None
                }
            }
            Err(_) => {
                return Err(interp.type_error(format!(
                    "'>=' not supported between instances of '{}' and 'int'",
                    interp.type_name(v)
                )))
            }
        },
    };
    let items = common(interp, &d, n)?;
    let tuples = items
        .into_iter()
        .map(|(k, v)| interp.new_tuple(vec![k, v]))
        .collect();
    Ok(interp.new_list(tuples))
}

fn elements(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "elements", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    // itertools lives in gilvm-stdlib: reached through the import system, as the Lib's
    // collections module does.
    let it = Value::Obj(interp.import_module("itertools")?);
    let repeat_t = interp.getattr_str(&it, "repeat")?;
    let chain_t = interp.getattr_str(&it, "chain")?;
    let mut repeats = Vec::new();
    for (k, v) in interp.dict_items(&d)? {
        repeats.push(interp.call1(&repeat_t, &[k, v])?);
    }
    let l = interp.new_list(repeats);
    let from = interp.getattr_str(&chain_t, "from_iterable")?;
    interp.call1(&from, &[l])
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "copy", 1, 1)?;
    let cls = Value::Obj(gilvm_object::types::type_of(&a[0]).clone());
    interp.call1(&cls, &[a[0].clone()])
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delitem__", 2, 2)?;
    let d = dict_self(interp, &a[0])?;
    interp.dict_remove(&d, &a[1])?;
    Ok(Value::None)
}

fn fromkeys(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    Err(interp
        .not_implemented_error("Counter.fromkeys() is undefined.  Use Counter(iterable) instead."))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let name = super::util::short_type_name(interp, &a[0]);
    if interp.dict_len(&d) == 0 {
        return Ok(interp.new_str(format!("{name}()")));
    }
    let Value::Obj(o) = &a[0] else {
        return Ok(interp.new_str(format!("{name}()")));
    };
    if !crate::repr::enter(o) {
        return Ok(interp.new_str("..."));
    }
    let r = (|| {
        // Unorderable counts keep the dict order, as CPython's `except TypeError`.
        let items = match common(interp, &d, None) {
            Ok(i) => i,
            Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => {
                interp.dict_items(&d)?
            }
            Err(e) => return Err(e),
        };
        let mut out = format!("{name}({{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&interp.repr(k)?);
            out.push_str(": ");
            out.push_str(&interp.repr(v)?);
        }
        out.push_str("})");
        Ok(out)
    })();
    crate::repr::leave();
    let s = r?;
    Ok(interp.new_str(s))
}

// ---- comparisons ----

/// `all(op(self[e], other[e]) for c in (self, other) for e in c)`, or None for
/// NotImplemented.
fn all_counts(interp: &mut Interp, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if !is_counter(interp, b) {
        return Ok(None);
    }
    let (x, y) = (dict_self(interp, a)?, dict_self(interp, b)?);
    let mut keys: Vec<Value> = interp.dict_items(&x)?.into_iter().map(|(k, _)| k).collect();
    keys.extend(interp.dict_items(&y)?.into_iter().map(|(k, _)| k));
    for k in keys {
        let (p, q) = (get_count(interp, &x, &k)?, get_count(interp, &y, &k)?);
        if !cmp_bool(interp, op, &p, &q)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn cmp_result(interp: &Interp, r: Option<bool>) -> Value {
    match r {
        Some(b) => Value::Bool(b),
        None => interp.not_implemented(),
    }
}

fn eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__eq__", 2, 2)?;
    if !is_counter(interp, &a[1]) && is_dict(&a[1]) {
        // NotImplemented, then dict.__eq__ reflected: plain dict equality.
        let (x, y) = (dict_self(interp, &a[0])?, dict_self(interp, &a[1])?);
        return Ok(Value::Bool(interp.dict_eq(&x, &y)?));
    }
    let r = all_counts(interp, &a[0], &a[1], CmpOp::Eq)?;
    Ok(cmp_result(interp, r))
}

fn ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let r = eq(interp, args)?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__le__", 2, 2)?;
    let r = all_counts(interp, &a[0], &a[1], CmpOp::Le)?;
    Ok(cmp_result(interp, r))
}

fn ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__ge__", 2, 2)?;
    let r = all_counts(interp, &a[0], &a[1], CmpOp::Ge)?;
    Ok(cmp_result(interp, r))
}

fn lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__lt__", 2, 2)?;
    let Some(le) = all_counts(interp, &a[0], &a[1], CmpOp::Le)? else {
        return Ok(interp.not_implemented());
    };
    let eq = all_counts(interp, &a[0], &a[1], CmpOp::Eq)?.unwrap_or(false);
    Ok(Value::Bool(le && !eq))
}

fn gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__gt__", 2, 2)?;
    let Some(ge) = all_counts(interp, &a[0], &a[1], CmpOp::Ge)? else {
        return Ok(interp.not_implemented());
    };
    let eq = all_counts(interp, &a[0], &a[1], CmpOp::Eq)?.unwrap_or(false);
    Ok(Value::Bool(ge && !eq))
}

// ---- multiset arithmetic ----

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Add,
    Sub,
    Or,
    And,
}

fn combine(interp: &mut Interp, a: &Value, b: &Value, op: Op) -> PyResult {
    if !is_counter(interp, b) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = (dict_self(interp, a)?, dict_self(interp, b)?);
    let result = new_counter(interp)?;
    for (k, count) in interp.dict_items(&x)? {
        let other = get_count(interp, &y, &k)?;
        let new = match op {
            Op::Add => interp.binary_op(BinOp::Add, count, other, false)?,
            Op::Sub => interp.binary_op(BinOp::Sub, count, other, false)?,
            Op::Or => {
                if interp.lt(&count, &other)? {
                    other
                } else {
                    count
                }
            }
            Op::And => {
                if interp.lt(&count, &other)? {
                    count
                } else {
                    other
                }
            }
        };
        if gt0(interp, &new)? {
            interp.dict_set(&result, k, new)?;
        }
    }
    if op != Op::And {
        for (k, count) in interp.dict_items(&y)? {
            if interp.dict_get(&x, &k)?.is_some() {
                continue;
            }
            if op == Op::Sub {
                if cmp_bool(interp, CmpOp::Lt, &count, &zero())? {
                    let neg = interp.binary_op(BinOp::Sub, zero(), count, false)?;
                    interp.dict_set(&result, k, neg)?;
                }
            } else if gt0(interp, &count)? {
                interp.dict_set(&result, k, count)?;
            }
        }
    }
    Ok(Value::Obj(result))
}

fn add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__add__", 2, 2)?;
    combine(interp, &a[0], &a[1], Op::Add)
}
fn sub(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__sub__", 2, 2)?;
    combine(interp, &a[0], &a[1], Op::Sub)
}
fn or(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__or__", 2, 2)?;
    combine(interp, &a[0], &a[1], Op::Or)
}
fn and(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__and__", 2, 2)?;
    combine(interp, &a[0], &a[1], Op::And)
}

fn unary(interp: &mut Interp, args: Args<'_>, negate: bool) -> PyResult {
    let a = args.exact(interp, if negate { "__neg__" } else { "__pos__" }, 1, 1)?;
    let d = dict_self(interp, &a[0])?;
    let result = new_counter(interp)?;
    for (k, count) in interp.dict_items(&d)? {
        if negate {
            if cmp_bool(interp, CmpOp::Lt, &count, &zero())? {
                let n = interp.binary_op(BinOp::Sub, zero(), count, false)?;
                interp.dict_set(&result, k, n)?;
            }
        } else if gt0(interp, &count)? {
            interp.dict_set(&result, k, count)?;
        }
    }
    Ok(Value::Obj(result))
}

fn pos(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unary(interp, args, false)
}
fn neg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    unary(interp, args, true)
}

fn keep_positive(interp: &mut Interp, d: &ObjRef) -> PyResult<()> {
    for (k, v) in interp.dict_items(d)? {
        if !gt0(interp, &v)? {
            interp.dict_remove(d, &k)?;
        }
    }
    Ok(())
}

fn inplace(interp: &mut Interp, a: &Value, b: &Value, op: Op) -> PyResult {
    if !is_counter(interp, b) {
        return Ok(interp.not_implemented());
    }
    let (x, y) = (dict_self(interp, a)?, dict_self(interp, b)?);
    match op {
        Op::Add | Op::Sub => {
            for (k, count) in interp.dict_items(&y)? {
                let cur = get_count(interp, &x, &k)?;
                let new = interp.binary_op(
                    if op == Op::Add {
                        BinOp::Add
                    } else {
                        BinOp::Sub
                    },
                    cur,
                    count,
                    true,
                )?;
                interp.dict_set(&x, k, new)?;
            }
        }
        Op::Or => {
            for (k, other) in interp.dict_items(&y)? {
                let cur = get_count(interp, &x, &k)?;
                if interp.lt(&cur, &other)? {
                    interp.dict_set(&x, k, other)?;
                }
            }
        }
        Op::And => {
            for (k, cur) in interp.dict_items(&x)? {
                let other = get_count(interp, &y, &k)?;
                if interp.lt(&other, &cur)? {
                    interp.dict_set(&x, k, other)?;
                }
            }
        }
    }
    keep_positive(interp, &x)?;
    Ok(a.clone())
}

fn iadd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iadd__", 2, 2)?;
    inplace(interp, &a[0], &a[1], Op::Add)
}
fn isub(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__isub__", 2, 2)?;
    inplace(interp, &a[0], &a[1], Op::Sub)
}
fn ior(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__ior__", 2, 2)?;
    inplace(interp, &a[0], &a[1], Op::Or)
}
fn iand(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iand__", 2, 2)?;
    inplace(interp, &a[0], &a[1], Op::And)
}
