//! `set` and `frozenset` methods and operators.
//!
//! Iteration order must match CPython's, so every operation follows CPython's algorithm
//! (`Objects/setobject.c`) step by step. When all keys involved compare without Python code
//! (ints, strs, floats, tuples of those, …) the set algebra of `gilvm_object::set::PySet`
//! (the `*_pure` methods) does the work in one critical section; otherwise the same
//! algorithm is replayed element by element with `interp.set_add`/`set_contains`/
//! `set_discard`, which release the lock around user `__eq__`/`__hash__`.
use gilvm_object::code::{BinOp, CmpOp};
use gilvm_object::payload::{InstanceBase, IterState};
use gilvm_object::set::PySet;
use gilvm_object::{ObjRef, Owned, Payload, Value};

use super::containers::{for_each, method_args, new_iter, receiver, set_parts, wrong_self, Arity};
use super::{add_method, add_static};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The table of a set, a frozenset, or an instance of a subclass of set (the object
/// `set_parts` gave).
fn pyset(o: &ObjRef) -> &PySet {
    match o.payload() {
        Payload::Set(s) | Payload::FrozenSet(s) => s,
        Payload::Instance(gilvm_object::payload::Instance {
            base: InstanceBase::Set(s),
            ..
        }) => s,
        _ => unreachable!("not a set"),
    }
}

fn is_frozen(o: &ObjRef) -> bool {
    matches!(o.payload(), Payload::FrozenSet(_))
}

fn new_kind(interp: &Interp, frozen: bool) -> ObjRef {
    if frozen {
        interp.new_obj(Owned::FrozenSet(PySet::new()))
    } else {
        interp.new_set()
    }
}

/// A new set or frozenset object holding `s`.
fn wrap(interp: &Interp, s: PySet, frozen: bool) -> ObjRef {
    interp.new_obj(if frozen {
        Owned::FrozenSet(s)
    } else {
        Owned::Set(s)
    })
}

/// `so.copy()` as a set of the given kind (CPython's `make_new_set_basetype(type, so)`).
fn copy_of(interp: &Interp, so: &ObjRef, frozen: bool) -> ObjRef {
    wrap(interp, pyset(so).copy(interp.py), frozen)
}

/// The hashed keys of an exact dict, if `v` is one.
fn dict_entries(interp: &Interp, v: &Value) -> Option<Vec<(i64, Value)>> {
    let Value::Obj(o) = v else { return None };
    let Payload::Dict(d) = o.payload() else {
        return None;
    };
    Some(d.hashed_keys(interp.py))
}

/// Removes dummies after many discards (end of CPython's `set_difference_update_internal`).
fn compact(interp: &Interp, so: &ObjRef) {
    pyset(so).compact(interp.py);
}

fn clear_set(interp: &Interp, so: &ObjRef) {
    pyset(so).clear(interp.py);
}

// ---- CPython's internal operations ----

/// `set_update_internal(so, other)`: `so.update(other)` / `so |= other`.
pub fn update_internal(interp: &mut Interp, so: &ObjRef, other: &Value) -> PyResult<()> {
    let py = interp.py;
    let ss = pyset(so);
    if let Some((oo, os, _)) = set_parts(other) {
        if oo.is(so) {
            return Ok(());
        }
        if !ss.update_pure(py, os) {
            for (h, k) in os.hashed_keys(py) {
                interp.set_add_hashed(so, k, h)?;
            }
        }
        return Ok(());
    }
    if let Some(entries) = dict_entries(interp, other) {
        if let Err(entries) = ss.update_hashed(py, entries) {
            for (h, k) in entries {
                interp.set_add_hashed(so, k, h)?;
            }
        }
        return Ok(());
    }
    // An exact list or tuple is walked without Python code (for builtin keys), so its keys
    // go in under one critical section, as CPython holds the set's lock while it walks one.
    if let Value::Obj(o) = other {
        if matches!(o.payload(), Payload::List(_) | Payload::Tuple(_)) {
            let keys = interp.collect(other)?;
            return interp.set_add_all(so, keys);
        }
    }
    for_each(interp, other, |interp, x| {
        interp.set_add(so, x)?;
        Ok(true)
    })
}

/// `make_new_set(type, iterable)`.
pub fn new_set_from(interp: &mut Interp, iterable: &Value, frozen: bool) -> PyResult<ObjRef> {
    let s = new_kind(interp, frozen);
    update_internal(interp, &s, iterable)?;
    Ok(s)
}

/// `set_intersection(so, other)`: a new set (of so's kind).
pub fn intersection(interp: &mut Interp, so: &Value, other: &Value) -> PyResult<ObjRef> {
    let Some((so_o, ss, frozen)) = set_parts(so) else {
        return Err(interp.type_error("intersection needs a set"));
    };
    if so.is(other) {
        return Ok(copy_of(interp, so_o, frozen));
    }
    if let Some((oo, os, _)) = set_parts(other) {
        if let Some(s) = ss.intersection_pure(interp.py, os) {
            return Ok(wrap(interp, s, frozen));
        }
        let result = new_kind(interp, frozen);
        let (big, small) = if os.len(interp.py) > ss.len(interp.py) {
            (oo, so_o)
        } else {
            (so_o, oo)
        };
        for (h, k) in pyset(small).hashed_keys(interp.py) {
            if interp.set_contains_hashed(big, &k, h)? {
                interp.set_add_hashed(&result, k, h)?;
            }
        }
        return Ok(result);
    }
    let result = new_kind(interp, frozen);
    let so_o = so_o.clone();
    // Each item hashed once, with the plain "unhashable type" message (CPython's
    // `set_intersection` hashes the items itself).
    for_each(interp, other, |interp, x| {
        let h = interp.hash(&x)?;
        if interp.set_contains_hashed(&so_o, &x, h)? {
            interp.set_add_hashed(&result, x, h)?;
        }
        Ok(true)
    })?;
    Ok(result)
}

/// `set_difference_update_internal(so, other)`: `so -= other`.
pub fn difference_update_internal(interp: &mut Interp, so: &ObjRef, other: &Value) -> PyResult<()> {
    let py = interp.py;
    if let Some((oo, os, _)) = set_parts(other) {
        if oo.is(so) {
            clear_set(interp, so);
            return Ok(());
        }
        if pyset(so).difference_update_pure(py, os) {
            return Ok(());
        }
        let keys = if (os.len(py) >> 3) > pyset(so).len(py) {
            let tmp = intersection(interp, &Value::Obj(so.clone()), other)?;
            pyset(&tmp).hashed_keys(py)
        } else {
            os.hashed_keys(py)
        };
        for (h, k) in keys {
            interp.set_discard_hashed(so, &k, h)?;
        }
        compact(interp, so);
        return Ok(());
    }
    for_each(interp, other, |interp, x| {
        interp.set_discard(so, &x)?;
        Ok(true)
    })?;
    compact(interp, so);
    Ok(())
}

/// `set_difference(so, other)`: a new set (of so's kind).
fn difference(interp: &mut Interp, so: &ObjRef, other: &Value) -> PyResult<ObjRef> {
    let py = interp.py;
    let frozen = is_frozen(so);
    let other_size = if let Some((_, os, _)) = set_parts(other) {
        os.len(py)
    } else if let Some(e) = dict_entries(interp, other) {
        e.len()
    } else {
        let r = copy_of(interp, so, frozen);
        difference_update_internal(interp, &r, other)?;
        return Ok(r);
    };
    if (pyset(so).len(py) >> 2) > other_size {
        let r = copy_of(interp, so, frozen);
        difference_update_internal(interp, &r, other)?;
        return Ok(r);
    }
    if let Some((oo, os, _)) = set_parts(other) {
        if oo.is(so) {
            return Ok(new_kind(interp, frozen));
        }
        if let Some(s) = pyset(so).difference_pure(py, os) {
            return Ok(wrap(interp, s, frozen));
        }
        let result = new_kind(interp, frozen);
        let oo = oo.clone();
        for (h, k) in pyset(so).hashed_keys(py) {
            if !interp.set_contains_hashed(&oo, &k, h)? {
                interp.set_add_hashed(&result, k, h)?;
            }
        }
        return Ok(result);
    }
    // An exact dict.
    let Value::Obj(d) = other else { unreachable!() };
    let result = new_kind(interp, frozen);
    for (h, k) in pyset(so).hashed_keys(py) {
        if interp.dict_get_hashed(d, &k, h)?.is_none() {
            interp.set_add_hashed(&result, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update_internal(so, other)`: `so ^= other`.
pub fn symmetric_difference_update_internal(
    interp: &mut Interp,
    so: &ObjRef,
    other: &Value,
) -> PyResult<()> {
    let py = interp.py;
    if other.as_obj().is_some_and(|o| o.is(so)) {
        clear_set(interp, so);
        return Ok(());
    }
    if let Some(entries) = dict_entries(interp, other) {
        if let Err(entries) = pyset(so).symmetric_difference_update_hashed(py, entries) {
            for (h, k) in entries {
                if !interp.set_discard_hashed(so, &k, h)? {
                    interp.set_add_hashed(so, k, h)?;
                }
            }
        }
        return Ok(());
    }
    let otherset = match set_parts(other) {
        Some((oo, _, _)) => oo.clone(),
        None => new_set_from(interp, other, is_frozen(so))?,
    };
    if !pyset(so).symmetric_difference_update_pure(py, pyset(&otherset)) {
        for (h, k) in pyset(&otherset).hashed_keys(py) {
            if !interp.set_discard_hashed(so, &k, h)? {
                interp.set_add_hashed(so, k, h)?;
            }
        }
    }
    Ok(())
}

/// `set_symmetric_difference(so, other)`.
fn symmetric_difference(interp: &mut Interp, so: &ObjRef, other: &Value) -> PyResult<ObjRef> {
    let result = new_set_from(interp, other, is_frozen(so))?;
    symmetric_difference_update_internal(interp, &result, &Value::Obj(so.clone()))?;
    Ok(result)
}

/// `so.issubset(other)` for a set `other`.
fn issubset_set(interp: &mut Interp, so: &ObjRef, other: &ObjRef) -> PyResult<bool> {
    if pyset(so).len(interp.py) > pyset(other).len(interp.py) {
        return Ok(false);
    }
    for k in pyset(so).keys(interp.py) {
        if !interp.set_contains(other, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a op b` for the set operators (`|`, `&`, `-`, `^` and their in-place forms) when both
/// operands are sets; None otherwise (the caller then tries the reflected method).
pub fn binary_op(
    interp: &mut Interp,
    op: BinOp,
    a: &Value,
    b: &Value,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let (Some((ao, _, afrozen)), Some(_)) = (set_parts(a), set_parts(b)) else {
        return Ok(None);
    };
    let ao = ao.clone();
    if inplace && !afrozen {
        match op {
            BinOp::Or => update_internal(interp, &ao, b)?,
            BinOp::And => intersection_update(interp, &ao, std::slice::from_ref(b))?,
            BinOp::Sub => difference_update_internal(interp, &ao, b)?,
            BinOp::Xor => symmetric_difference_update_internal(interp, &ao, b)?,
            _ => return Ok(None),
        }
        return Ok(Some(a.clone()));
    }
    let r = match op {
        BinOp::Or => {
            let r = copy_of(interp, &ao, afrozen);
            if !a.is(b) {
                update_internal(interp, &r, b)?;
            }
            r
        }
        BinOp::And => intersection(interp, a, b)?,
        BinOp::Sub => difference(interp, &ao, b)?,
        BinOp::Xor => symmetric_difference(interp, &ao, b)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Obj(r)))
}

fn intersection_multi(interp: &mut Interp, so: &ObjRef, others: &[Value]) -> PyResult<ObjRef> {
    if others.is_empty() {
        return Ok(copy_of(interp, so, is_frozen(so)));
    }
    let mut result = so.clone();
    for o in others {
        result = intersection(interp, &Value::Obj(result), o)?;
    }
    Ok(result)
}

fn intersection_update(interp: &mut Interp, so: &ObjRef, others: &[Value]) -> PyResult<()> {
    // One other set: computed and swapped in one two-object critical section (CPython's
    // `&=`), so a concurrent `add` to `so` is either before (and filtered) or after.
    if let [other] = others {
        if let Some((oo, os, _)) = set_parts(other) {
            if oo.is(so) {
                return Ok(());
            }
            if pyset(so).intersection_update_pure(interp.py, os) {
                return Ok(());
            }
        }
    }
    let tmp = intersection_multi(interp, so, others)?;
    pyset(so).replace_from(interp.py, pyset(&tmp));
    Ok(())
}

// ---- methods ----

/// The receiver of a method shared by set and frozenset.
fn any_self<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Value, &'a ObjRef, bool)> {
    let v = receiver(interp, args, &format!("set.{name}"))?;
    match set_parts(v) {
        Some((o, _, f)) => Ok((v, o, f)),
        None => Err(wrong_self(interp, &format!("set.{name}"), v)),
    }
}

/// The receiver of a `set`-only method.
fn mut_self<'a>(interp: &Interp, args: &Args<'a>, qual: &str) -> PyResult<&'a ObjRef> {
    let v = receiver(interp, args, qual)?;
    match set_parts(v) {
        Some((o, _, false)) => Ok(o),
        _ => Err(wrong_self(interp, qual, v)),
    }
}

fn qual(frozen: bool, name: &str) -> String {
    format!("{}.{name}", if frozen { "frozenset" } else { "set" })
}

/// Looks `key` up, retrying a `set` key as a frozenset as CPython does.
/// Runs `op` with `key`; if `key` is a set (or an instance of a subclass of set) and
/// `op` raised TypeError (an unhashable set), runs it again with a frozenset of the
/// set's items: CPython's retry in `set_contains`, `set_discard` and `set_remove`, so
/// `{1} in {frozenset({1})}` is True.
fn with_set_key<R>(
    interp: &mut Interp,
    key: &Value,
    op: impl Fn(&mut Interp, &Value) -> PyResult<R>,
) -> PyResult<R> {
    let r = op(interp, key);
    let Err(e) = &r else { return r };
    let Some((ko, _, false)) = set_parts(key) else {
        return r;
    };
    if !interp.matches(e, &interp.g.exc.type_error.clone()) {
        return r;
    }
    let ko = ko.clone();
    let k = Value::Obj(copy_of(interp, &ko, true));
    op(interp, &k)
}

/// `key in so`, a set key being looked up as a frozenset.
pub fn contains_key(interp: &mut Interp, so: &ObjRef, key: &Value) -> PyResult<bool> {
    with_set_key(interp, key, |interp, k| interp.set_contains(so, k))
}

fn add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.add")?;
    let a = method_args(interp, &args, "set.add", Arity::One)?;
    interp.set_add(so, a[0].clone())?;
    Ok(Value::None)
}

fn discard(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.discard")?;
    let a = method_args(interp, &args, "set.discard", Arity::One)?;
    with_set_key(interp, &a[0], |interp, k| interp.set_discard(so, k))?;
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.remove")?;
    let a = method_args(interp, &args, "set.remove", Arity::One)?;
    if with_set_key(interp, &a[0], |interp, k| interp.set_discard(so, k))? {
        Ok(Value::None)
    } else {
        Err(interp.key_error(a[0].clone()))
    }
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.pop")?;
    method_args(interp, &args, "set.pop", Arity::NoArgs)?;
    match pyset(so).pop(interp.py) {
        Some(k) => Ok(k),
        None => Err(interp.err(&interp.g.exc.key_error.clone(), "pop from an empty set")),
    }
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.clear")?;
    method_args(interp, &args, "set.clear", Arity::NoArgs)?;
    clear_set(interp, so);
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, so, frozen) = any_self(interp, &args, "copy")?;
    method_args(interp, &args, &qual(frozen, "copy"), Arity::NoArgs)?;
    if frozen {
        // An exact frozenset is its own copy; a subclass's copy is the plain frozenset.
        let _ = v;
        return Ok(Value::Obj(so.clone()));
    }
    Ok(Value::Obj(copy_of(interp, so, false)))
}

fn update(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.update")?;
    let others = method_args(interp, &args, "set.update", Arity::Range(0, usize::MAX))?;
    for o in others {
        update_internal(interp, so, o)?;
    }
    Ok(Value::None)
}

fn union(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, so, frozen) = any_self(interp, &args, "union")?;
    let others = method_args(
        interp,
        &args,
        &qual(frozen, "union"),
        Arity::Range(0, usize::MAX),
    )?;
    let result = copy_of(interp, so, frozen);
    for o in others {
        if o.is(v) {
            continue;
        }
        update_internal(interp, &result, o)?;
    }
    Ok(Value::Obj(result))
}

fn intersection_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "intersection")?;
    let others = method_args(
        interp,
        &args,
        &qual(frozen, "intersection"),
        Arity::Range(0, usize::MAX),
    )?;
    Ok(Value::Obj(intersection_multi(interp, so, others)?))
}

fn intersection_update_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.intersection_update")?;
    let others = method_args(
        interp,
        &args,
        "set.intersection_update",
        Arity::Range(0, usize::MAX),
    )?;
    intersection_update(interp, so, others)?;
    Ok(Value::None)
}

fn difference_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "difference")?;
    let others = method_args(
        interp,
        &args,
        &qual(frozen, "difference"),
        Arity::Range(0, usize::MAX),
    )?;
    if others.is_empty() {
        return Ok(Value::Obj(copy_of(interp, so, frozen)));
    }
    let result = difference(interp, so, &others[0])?;
    for o in &others[1..] {
        difference_update_internal(interp, &result, o)?;
    }
    Ok(Value::Obj(result))
}

fn difference_update_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.difference_update")?;
    let others = method_args(
        interp,
        &args,
        "set.difference_update",
        Arity::Range(0, usize::MAX),
    )?;
    for o in others {
        difference_update_internal(interp, so, o)?;
    }
    Ok(Value::None)
}

fn symmetric_difference_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "symmetric_difference")?;
    let a = method_args(
        interp,
        &args,
        &qual(frozen, "symmetric_difference"),
        Arity::One,
    )?;
    Ok(Value::Obj(symmetric_difference(interp, so, &a[0])?))
}

fn symmetric_difference_update_m(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let so = mut_self(interp, &args, "set.symmetric_difference_update")?;
    let a = method_args(interp, &args, "set.symmetric_difference_update", Arity::One)?;
    symmetric_difference_update_internal(interp, so, &a[0])?;
    Ok(Value::None)
}

fn issubset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "issubset")?;
    let a = method_args(interp, &args, &qual(frozen, "issubset"), Arity::One)?;
    let Some((other, _, _)) = set_parts(&a[0]) else {
        // CPython's `set_issubset`: the intersection with a non-set holds all of `so`.
        let v = Value::Obj(so.clone());
        let tmp = intersection(interp, &v, &a[0])?;
        return Ok(Value::Bool(
            pyset(&tmp).len(interp.py) == pyset(so).len(interp.py),
        ));
    };
    let other = other.clone();
    Ok(Value::Bool(issubset_set(interp, so, &other)?))
}

fn issuperset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "issuperset")?;
    let a = method_args(interp, &args, &qual(frozen, "issuperset"), Arity::One)?;
    if let Some((o, _, _)) = set_parts(&a[0]) {
        return Ok(Value::Bool(issubset_set(interp, o, so)?));
    }
    let mut ok = true;
    for_each(interp, &a[0], |interp, x| {
        if !interp.set_contains(so, &x)? {
            ok = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(Value::Bool(ok))
}

fn isdisjoint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, so, frozen) = any_self(interp, &args, "isdisjoint")?;
    let a = method_args(interp, &args, &qual(frozen, "isdisjoint"), Arity::One)?;
    let py = interp.py;
    if v.is(&a[0]) {
        return Ok(Value::Bool(pyset(so).len(py) == 0));
    }
    if let Some((o, os, _)) = set_parts(&a[0]) {
        let (big, small) = if os.len(py) > pyset(so).len(py) {
            (o, so)
        } else {
            (so, o)
        };
        for k in pyset(small).keys(py) {
            if interp.set_contains(big, &k)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let mut disjoint = true;
    for_each(interp, &a[0], |interp, x| {
        if interp.set_contains(so, &x)? {
            disjoint = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(Value::Bool(disjoint))
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "__len__")?;
    method_args(interp, &args, &qual(frozen, "__len__"), Arity::NoArgs)?;
    Ok(Value::Int(pyset(so).len(interp.py) as i64))
}

fn contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "__contains__")?;
    let a = method_args(interp, &args, &qual(frozen, "__contains__"), Arity::One)?;
    Ok(Value::Bool(contains_key(interp, so, &a[0])?))
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, so, frozen) = any_self(interp, &args, "__iter__")?;
    method_args(interp, &args, &qual(frozen, "__iter__"), Arity::NoArgs)?;
    let len = pyset(so).len(interp.py);
    // The iterator holds the receiver itself (an instance of a subclass of frozenset too),
    // so that it lives as long as the iteration, as in CPython.
    let held = match v {
        Value::Obj(o) if super::containers::set_table(o).is_some() => o,
        _ => so,
    };
    Ok(new_iter(
        interp,
        IterState::Set {
            set: held.clone(),
            pos: 0,
            len,
        },
    ))
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, so, frozen) = any_self(interp, &args, "__repr__")?;
    method_args(interp, &args, &qual(frozen, "__repr__"), Arity::NoArgs)?;
    // A subclass is named (`S({1})`), as CPython's set_repr does for any type but set.
    let s = match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)) => {
            let name = interp.type_name(v);
            crate::repr::set_repr(interp, o, pyset(so), &name, false)?
        }
        _ => interp.repr(v)?,
    };
    Ok(interp.new_str(s))
}

fn hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, "__hash__")?;
    method_args(interp, &args, &qual(frozen, "__hash__"), Arity::NoArgs)?;
    // (The plain frozenset of a subclass instance.)
    Ok(Value::Int(interp.hash(&Value::Obj(so.clone()))?))
}

fn op_method(
    interp: &mut Interp,
    args: Args<'_>,
    name: &str,
    op: BinOp,
    reflected: bool,
    inplace: bool,
) -> PyResult {
    let (v, _, frozen) = any_self(interp, &args, name)?;
    let a = method_args(interp, &args, &qual(frozen, name), Arity::One)?;
    let (x, y) = if reflected { (&a[0], v) } else { (v, &a[0]) };
    match binary_op(interp, op, x, y, inplace)? {
        Some(r) => Ok(r),
        None => Ok(interp.not_implemented()),
    }
}

macro_rules! ops {
    ($($f:ident = $name:literal, $op:expr, $refl:expr, $inpl:expr;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            op_method(interp, args, $name, $op, $refl, $inpl)
        })*
    };
}

ops! {
    or = "__or__", BinOp::Or, false, false;
    ror = "__ror__", BinOp::Or, true, false;
    and = "__and__", BinOp::And, false, false;
    rand = "__rand__", BinOp::And, true, false;
    sub = "__sub__", BinOp::Sub, false, false;
    rsub = "__rsub__", BinOp::Sub, true, false;
    xor = "__xor__", BinOp::Xor, false, false;
    rxor = "__rxor__", BinOp::Xor, true, false;
    ior = "__ior__", BinOp::Or, false, true;
    iand = "__iand__", BinOp::And, false, true;
    isub = "__isub__", BinOp::Sub, false, true;
    ixor = "__ixor__", BinOp::Xor, false, true;
}

fn cmp(interp: &mut Interp, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let (_, so, frozen) = any_self(interp, &args, name)?;
    let a = method_args(interp, &args, &qual(frozen, name), Arity::One)?;
    let Some((o, _, _)) = set_parts(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    Ok(Value::Bool(interp.set_compare(op, so, o)?))
}

macro_rules! cmps {
    ($($f:ident = $name:literal, $op:expr;)*) => {
        $(fn $f(interp: &mut Interp, args: Args<'_>) -> PyResult {
            cmp(interp, args, $name, $op)
        })*
    };
}

cmps! {
    eq = "__eq__", CmpOp::Eq;
    ne = "__ne__", CmpOp::Ne;
    lt = "__lt__", CmpOp::Lt;
    le = "__le__", CmpOp::Le;
    gt = "__gt__", CmpOp::Gt;
    ge = "__ge__", CmpOp::Ge;
}

/// `set.__new__(cls, *args)`: an empty set (or instance of the subclass `cls`); `__init__`
/// fills it, as in CPython, so a subclass's `__init__` may take other arguments.
fn set_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let set = interp.g.types.set.clone();
    if let Some(cls) = crate::builtin_sub::new_target(interp, &args, &set)? {
        return Ok(interp.new_base_instance(&cls, InstanceBase::Set(Box::default())));
    }
    if args.has_kwargs() {
        return Err(interp.type_error("set() takes no keyword arguments"));
    }
    Ok(Value::Obj(interp.new_set()))
}

/// `set.__init__(self, iterable=())`: empties the set, then adds the items (CPython's
/// `set_init`; the count error names the receiver's type).
fn set_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some(recv) = args.pos().first() else {
        return Err(interp.type_error("descriptor '__init__' of 'set' object needs an argument"));
    };
    let Some((so, _, false)) = set_parts(recv) else {
        return Err(wrong_self(interp, "set.__init__", recv));
    };
    if args.has_kwargs() {
        return Err(interp.type_error("set() takes no keyword arguments"));
    }
    let n = args.pos().len() - 1;
    if n > 1 {
        return Err(interp.type_error(format!(
            "{} expected at most 1 argument, got {n}",
            interp.type_name(recv)
        )));
    }
    let so = so.clone();
    clear_set(interp, &so);
    if let Some(it) = args.pos().get(1) {
        update_internal(interp, &so, it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let fs = interp.g.types.frozenset.clone();
    let sub = crate::builtin_sub::new_target(interp, &args, &fs)?;
    if args.has_kwargs() {
        super::numbers::kwargs_for_own_init(interp, &args, &fs, "frozenset")?;
    }
    let n = args.pos().len().saturating_sub(1);
    if n > 1 {
        let name = match &sub {
            Some(c) => gilvm_object::types::type_name(c).to_string(),
            None => "frozenset".to_string(),
        };
        return Err(interp.type_error(format!("{name} expected at most 1 argument, got {n}")));
    }
    let plain = match args.pos().get(1) {
        Some(v) if matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::FrozenSet(_))) => {
            v.clone()
        }
        Some(v) => Value::Obj(new_set_from(interp, v, true)?),
        None => Value::Obj(new_kind(interp, true)),
    };
    Ok(match sub {
        Some(cls) => interp.new_base_instance(&cls, InstanceBase::Value(plain)),
        None => plain,
    })
}

pub fn register(interp: &mut Interp) {
    let (s, f) = (interp.g.types.set.clone(), interp.g.types.frozenset.clone());
    add_static(interp, &s, "__new__", set_new);
    add_static(interp, &f, "__new__", frozenset_new);
    add_method(interp, &s, "__init__", set_init);
    add_method(interp, &s, "add", add);
    add_method(interp, &s, "discard", discard);
    add_method(interp, &s, "remove", remove);
    add_method(interp, &s, "pop", pop);
    add_method(interp, &s, "clear", clear);
    add_method(interp, &s, "update", update);
    add_method(interp, &s, "intersection_update", intersection_update_m);
    add_method(interp, &s, "difference_update", difference_update_m);
    add_method(
        interp,
        &s,
        "symmetric_difference_update",
        symmetric_difference_update_m,
    );
    add_method(interp, &s, "__ior__", ior);
    add_method(interp, &s, "__iand__", iand);
    add_method(interp, &s, "__isub__", isub);
    add_method(interp, &s, "__ixor__", ixor);
    for t in [&s, &f] {
        add_method(interp, t, "copy", copy);
        add_method(interp, t, "union", union);
        add_method(interp, t, "intersection", intersection_m);
        add_method(interp, t, "difference", difference_m);
        add_method(interp, t, "symmetric_difference", symmetric_difference_m);
        add_method(interp, t, "issubset", issubset);
        add_method(interp, t, "issuperset", issuperset);
        add_method(interp, t, "isdisjoint", isdisjoint);
        add_method(interp, t, "__len__", len);
        add_method(interp, t, "__contains__", contains);
        add_method(interp, t, "__iter__", iter);
        add_method(interp, t, "__repr__", repr);
        add_method(interp, t, "__or__", or);
        add_method(interp, t, "__ror__", ror);
        add_method(interp, t, "__and__", and);
        add_method(interp, t, "__rand__", rand);
        add_method(interp, t, "__sub__", sub);
        add_method(interp, t, "__rsub__", rsub);
        add_method(interp, t, "__xor__", xor);
        add_method(interp, t, "__rxor__", rxor);
        add_method(interp, t, "__eq__", eq);
        add_method(interp, t, "__ne__", ne);
        add_method(interp, t, "__lt__", lt);
        add_method(interp, t, "__le__", le);
        add_method(interp, t, "__gt__", gt);
        add_method(interp, t, "__ge__", ge);
    }
    add_method(interp, &f, "__hash__", hash);
    if let Payload::Type(tt) = s.payload() {
        tt.dict()
            .set_str(interp.py, interp.intern("__hash__"), Value::None);
    }
}
