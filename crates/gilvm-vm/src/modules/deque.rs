//! `collections.deque`: a native type backed by a `VecDeque` behind the object's cell, so
//! both ends are O(1). Elements are copied out of the cell before any comparison or repr
//! runs Python code.
use std::collections::VecDeque;

use gilvm_object::code::CmpOp;
use gilvm_object::dict::Lookup;
use gilvm_object::{ObjRef, Payload, Value};

use super::collections::types;
use super::util::{self, bind, new_stepper, with_data, Step};
use crate::args::Args;
use crate::error::PyResult;
use crate::impl_as_any;
use crate::interp::Interp;

pub use gilvm_object::deque::DequeData;

pub fn create_type(interp: &mut Interp) -> ObjRef {
    let t = util::native_type(
        interp,
        "deque",
        "collections",
        &[
            ("__init__", deque_init),
            ("append", append),
            ("appendleft", appendleft),
            ("pop", pop),
            ("popleft", popleft),
            ("extend", extend),
            ("extendleft", extendleft),
            ("rotate", rotate),
            ("clear", clear),
            ("copy", copy),
            ("__copy__", copy),
            ("count", count),
            ("index", index),
            ("insert", insert),
            ("remove", remove),
            ("reverse", reverse),
            ("__len__", len),
            ("__iter__", iter),
            ("__reversed__", reversed),
            ("__contains__", contains),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__ne__", ne),
            ("__lt__", lt),
            ("__le__", le),
            ("__gt__", gt),
            ("__ge__", ge),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
        ],
    );
    crate::builtins::add_static(interp, &t, "__new__", deque_new);
    util::add_property(interp, &t, "maxlen", maxlen);
    util::set_attr(interp, &t, "__hash__", Value::None);
    t
}

pub fn create_iter_type(interp: &mut Interp, name: &str) -> ObjRef {
    util::iterator_type(interp, name, "collections", &[])
}

/// Runs `f` on the deque `v` (`f` must not run Python code).
fn with<R>(interp: &Interp, v: &Value, f: impl FnOnce(&mut DequeData) -> R) -> PyResult<R> {
    with_data::<DequeData, R>(interp, v, f).ok_or_else(|| {
        interp.type_error(format!(
            "descriptor requires a 'collections.deque' object but received '{}'",
            interp.type_name(v)
        ))
    })
}

fn snapshot(interp: &Interp, v: &Value) -> PyResult<Vec<Value>> {
    with(interp, v, |d| d.items.iter().cloned().collect())
}

fn new_deque(
    interp: &Interp,
    cls: &ObjRef,
    items: VecDeque<Value>,
    maxlen: Option<usize>,
) -> Value {
    util::native_obj(
        interp,
        cls,
        DequeData {
            items,
            maxlen,
            mutations: 0,
        },
    )
}

fn type_of_deque(interp: &mut Interp, v: &Value) -> ObjRef {
    match v {
        Value::Obj(o) => gilvm_object::types::type_of_obj(o).clone(),
        _ => types(interp).deque.clone(),
    }
}

fn deque_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = super::itertools::cls_of(interp, &args)?;
    Ok(new_deque(interp, &cls, VecDeque::new(), None))
}

fn deque_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let rest = super::itertools::after_cls(&args);
    let a = bind(interp, &rest, "deque", &["iterable", "maxlen"], 0)?;
    let maxlen = match &a[1] {
        None | Some(Value::None) => None,
        Some(v) => {
            let m = match v {
                Value::Int(_) | Value::Bool(_) => interp.index_value(v)?,
                Value::Obj(o) if matches!(o.payload(), Payload::Int(_)) => {
                    return Err(
                        interp.overflow_error("Python int too large to convert to C ssize_t")
                    )
                }
                _ if interp.lookup_special(v, "__index__").is_some() => interp.index_value(v)?,
                _ => return Err(interp.type_error("an integer is required")),
            };
            if m < 0 {
                return Err(interp.value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    let old = with(interp, &me, |d| {
        d.maxlen = maxlen;
        d.mutations += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    if let Some(it) = &a[0] {
        extend_from(interp, &me, it, false)?;
    }
    Ok(Value::None)
}

fn extend_from(interp: &mut Interp, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    // A deque (itself included), list or tuple (exact types: a subclass may iterate
    // differently) is read first and its items go in as one operation, as CPython holds
    // the deque's lock while it walks them; other iterables run Python code between items,
    // so their items go in one by one.
    let exact_deque = match iterable {
        Value::Obj(o) => gilvm_object::types::type_of_obj(o).is(&types(interp).deque),
        _ => false,
    };
    let readable = iterable.is(me)
        || exact_deque
        || matches!(iterable, Value::Obj(o) if matches!(o.payload(), Payload::List(_) | Payload::Tuple(_)));
    if readable {
        let items = if iterable.is(me) || exact_deque {
            snapshot(interp, iterable)?
        } else {
            interp.collect(iterable)?
        };
        let dropped = with(interp, me, |d| d.extend(items, left))?;
        drop(dropped);
        return Ok(());
    }
    let it = interp.iter(iterable)?;
    while let Some(x) = interp.next(&it)? {
        let dropped = with(interp, me, |d| {
            if left {
                d.push_front(x)
            } else {
                d.push_back(x)
            }
        })?;
        drop(dropped);
    }
    Ok(())
}

fn append(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "append", 2, 2)?;
    let dropped = with(interp, &a[0], |d| d.push_back(a[1].clone()))?;
    drop(dropped);
    Ok(Value::None)
}

fn appendleft(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "appendleft", 2, 2)?;
    let dropped = with(interp, &a[0], |d| d.push_front(a[1].clone()))?;
    drop(dropped);
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "pop", 1, 1)?;
    let v = with(interp, &a[0], |d| d.pop(false))?;
    v.ok_or_else(|| interp.index_error("pop from an empty deque"))
}

fn popleft(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "popleft", 1, 1)?;
    let v = with(interp, &a[0], |d| d.pop(true))?;
    v.ok_or_else(|| interp.index_error("pop from an empty deque"))
}

fn extend(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "extend", 2, 2)?;
    extend_from(interp, &a[0], &a[1], false)?;
    Ok(Value::None)
}

fn extendleft(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "extendleft", 2, 2)?;
    extend_from(interp, &a[0], &a[1], true)?;
    Ok(Value::None)
}

fn rotate(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "rotate", 1, 2)?;
    let n = match a.get(1) {
        Some(v) => interp.index_value(v)?,
        None => 1,
    };
    with(interp, &a[0], |d| d.rotate(n))?;
    Ok(Value::None)
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "clear", 1, 1)?;
    let old = with(interp, &a[0], |d| d.take())?;
    drop(old);
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "copy", 1, 1)?;
    let (items, maxlen) = with(interp, &a[0], |d| (d.items.clone(), d.maxlen))?;
    let cls = type_of_deque(interp, &a[0]);
    Ok(new_deque(interp, &cls, items, maxlen))
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "count", 2, 2)?;
    let items = snapshot(interp, &a[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A slice-like bound: big ints clamp to the ends.
fn bound_arg(interp: &mut Interp, v: &Value, len: usize) -> PyResult<usize> {
    match interp.index_value(v) {
        Ok(i) => Ok(norm_bound(i, len)),
        Err(_) if v.to_bigint().is_some() => Ok(
            if v.to_bigint()
                .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
            {
                0
            } else {
                len
            },
        ),
        Err(e) => Err(e),
    }
}

fn norm_bound(v: i64, len: usize) -> usize {
    if v < 0 {
        (v + len as i64).max(0) as usize
    } else {
        (v as usize).min(len)
    }
}

fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "index", 2, 4)?;
    let items = snapshot(interp, &a[0])?;
    let start = match a.get(2) {
        Some(v) => bound_arg(interp, v, items.len())?,
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => bound_arg(interp, v, items.len())?,
        None => items.len(),
    };
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(interp.value_error("deque.index(x): x not in deque"))
}

fn insert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "insert", 3, 3)?;
    let i = interp.index_value(&a[1])?;
    let full = with(interp, &a[0], |d| {
        if d.maxlen.is_some_and(|m| d.items.len() >= m) {
            return true;
        }
        let at = norm_bound(i, d.items.len());
        d.mutations += 1;
        d.items.insert(at, a[2].clone());
        false
    })?;
    if full {
        return Err(interp.index_error("deque already at its maximum size"));
    }
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "remove", 2, 2)?;
    // Builtin comparisons: found and removed in one critical section.
    match with(interp, &a[0], |d| d.remove(&a[1]))? {
        Lookup::Found(v) => {
            drop(v);
            return Ok(Value::None);
        }
        Lookup::Missing => {
            return Err(interp.value_error("deque.remove(x): x not in deque"));
        }
        Lookup::NeedsPython => {}
    }
    // Python `__eq__`: compare outside the lock; as CPython, a deque changed by the time a
    // comparison returns raises, and the item found is removed only if the deque has not
    // changed since (one critical section).
    let (items, mutations) = with(interp, &a[0], |d| d.snapshot())?;
    for (i, x) in items.iter().enumerate() {
        let eq = x.is(&a[1]) || interp.eq(x, &a[1])?;
        let removed = if eq {
            with(interp, &a[0], |d| d.remove_at_if_unchanged(i, mutations))?
        } else if with(interp, &a[0], |d| d.mutations)? != mutations {
            None
        } else {
            continue;
        };
        return match removed {
            Some(v) => {
                drop(v);
                Ok(Value::None)
            }
            None => Err(interp.index_error("deque mutated during iteration")),
        };
    }
    Err(interp.value_error("deque.remove(x): x not in deque"))
}

fn reverse(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "reverse", 1, 1)?;
    with(interp, &a[0], |d| {
        d.mutations += 1;
        d.items.make_contiguous().reverse();
    })?;
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__len__", 1, 1)?;
    Ok(Value::Int(with(interp, &a[0], |d| d.items.len())? as i64))
}

fn maxlen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "maxlen", 1, 1)?;
    Ok(match with(interp, &a[0], |d| d.maxlen)? {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

/// Iteration over a deque, forwards or backwards, failing if the deque changes.
struct DequeIter {
    deque: Value,
    index: usize,
    mutations: u64,
    reverse: bool,
}

impl Step for DequeIter {
    fn step(&mut self, interp: &mut Interp, _me: &Value) -> PyResult<Option<Value>> {
        let (idx, muts, rev) = (self.index, self.mutations, self.reverse);
        let r = with(interp, &self.deque, |d| {
            if d.mutations != muts {
                return Err(());
            }
            let len = d.items.len();
            if idx >= len {
                return Ok(None);
            }
            Ok(Some(if rev {
                d.items[len - 1 - idx].clone()
            } else {
                d.items[idx].clone()
            }))
        })?;
        match r {
            Err(()) => {
                self.index = usize::MAX;
                Err(interp.runtime_error("deque mutated during iteration"))
            }
            Ok(Some(v)) => {
                self.index += 1;
                Ok(Some(v))
            }
            Ok(None) => {
                self.index = usize::MAX;
                Ok(None)
            }
        }
    }
    impl_as_any!();
}

fn make_iter(interp: &mut Interp, args: Args<'_>, reverse: bool) -> PyResult {
    let a = args.exact(
        interp,
        if reverse { "__reversed__" } else { "__iter__" },
        1,
        1,
    )?;
    let mutations = with(interp, &a[0], |d| d.mutations)?;
    let t = types(interp);
    let cls = if reverse {
        t.deque_reverse_iter.clone()
    } else {
        t.deque_iter.clone()
    };
    Ok(new_stepper(
        interp,
        &cls,
        DequeIter {
            deque: a[0].clone(),
            index: 0,
            mutations,
            reverse,
        },
    ))
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    make_iter(interp, args, false)
}

fn reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    make_iter(interp, args, true)
}

fn contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__contains__", 2, 2)?;
    let items = snapshot(interp, &a[0])?;
    for x in &items {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// Resolves an index for item access.
/// The Python index of `d[key]` (`__index__` applied), not yet resolved against the length:
/// that happens inside the section of the operation (`resolve`), so a deque another thread
/// shrinks meanwhile gives `IndexError`, never the wrong item.
fn item_index(interp: &mut Interp, key: &Value) -> PyResult<i64> {
    let is_int = matches!(key, Value::Int(_) | Value::Bool(_))
        || matches!(key, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)));
    if !is_int && interp.lookup_special(key, "__index__").is_none()
        || matches!(key, Value::Float(_))
    {
        return Err(interp.type_error(format!(
            "sequence index must be integer, not '{}'",
            interp.type_name(key)
        )));
    }
    match interp.index_value(key) {
        Ok(i) => Ok(i),
        // CPython's deque raises IndexError here (list indexing raises it too).
        Err(_) if key.to_bigint().is_some() => Err(interp.index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            interp.type_name(key)
        ))),
        Err(e) => Err(e),
    }
}

/// Python index `i` into `len` items.
fn resolve(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    let i = item_index(interp, &a[1])?;
    with(interp, &a[0], |d| {
        resolve(i, d.items.len()).and_then(|j| d.items.get(j).cloned())
    })?
    .ok_or_else(|| interp.index_error("deque index out of range"))
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__setitem__", 3, 3)?;
    let i = item_index(interp, &a[1])?;
    let old = with(interp, &a[0], |d| {
        let j = resolve(i, d.items.len())?;
        d.items
            .get_mut(j)
            .map(|slot| std::mem::replace(slot, a[2].clone()))
    })?;
    match old {
        Some(old) => {
            drop(old);
            Ok(Value::None)
        }
        None => Err(interp.index_error("deque index out of range")),
    }
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delitem__", 2, 2)?;
    let i = item_index(interp, &a[1])?;
    let old = with(interp, &a[0], |d| {
        let j = resolve(i, d.items.len())?;
        d.mutations += 1;
        d.items.remove(j)
    })?;
    match old {
        Some(old) => {
            drop(old);
            Ok(Value::None)
        }
        None => Err(interp.index_error("deque index out of range")),
    }
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__repr__", 1, 1)?;
    let name = util::short_type_name(interp, &a[0]);
    let Value::Obj(o) = &a[0] else {
        return Err(interp.type_error("deque expected"));
    };
    if !crate::repr::enter(o) {
        return Ok(interp.new_str("[...]"));
    }
    let r = (|| {
        let (items, maxlen) = with(interp, &a[0], |d| {
            (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen)
        })?;
        let l = interp.new_list(items);
        let body = interp.repr(&l)?;
        Ok(match maxlen {
            Some(m) => format!("{name}({body}, maxlen={m})"),
            None => format!("{name}({body})"),
        })
    })();
    crate::repr::leave();
    let s: String = r?;
    Ok(interp.new_str(s))
}

fn compare(interp: &mut Interp, args: Args<'_>, op: CmpOp) -> PyResult {
    let a = args.exact(interp, op.dunder(), 2, 2)?;
    let deque_t = types(interp).deque.clone();
    if !interp.isinstance(&a[1], &deque_t) || !util::is_data::<DequeData>(interp, &a[1]) {
        return Ok(interp.not_implemented());
    }
    let x = snapshot(interp, &a[0])?;
    let y = snapshot(interp, &a[1])?;
    let (x, y) = (interp.new_list(x), interp.new_list(y));
    interp.compare(op, &x, &y)
}

fn eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Eq)
}
fn ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Ne)
}
fn lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Lt)
}
fn le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Le)
}
fn gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Gt)
}
fn ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    compare(interp, args, CmpOp::Ge)
}

fn add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__add__", 2, 2)?;
    if !util::is_data::<DequeData>(interp, &a[1]) {
        return Err(interp.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            interp.type_name(&a[1])
        )));
    }
    let (mut items, maxlen) = with(interp, &a[0], |d| (d.items.clone(), d.maxlen))?;
    let other = snapshot(interp, &a[1])?;
    let cls = type_of_deque(interp, &a[0]);
    let mut d = DequeData {
        items: VecDeque::new(),
        maxlen,
        mutations: 0,
    };
    for x in items.drain(..).chain(other) {
        d.push_back(x);
    }
    Ok(util::native_obj(interp, &cls, d))
}

fn iadd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iadd__", 2, 2)?;
    extend_from(interp, &a[0], &a[1], false)?;
    Ok(a[0].clone())
}

fn repeat_items(
    interp: &mut Interp,
    me: &Value,
    n: &Value,
) -> PyResult<(VecDeque<Value>, Option<usize>)> {
    let n = interp.index_value(n)?;
    let (items, maxlen) = with(interp, me, |d| (d.items.clone(), d.maxlen))?;
    match gilvm_object::deque::repeat(&items, n, maxlen) {
        Some(items) => Ok((items, maxlen)),
        None => Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
    }
}

fn mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__mul__", 2, 2)?;
    if !is_intlike(interp, &a[1]) {
        return Ok(interp.not_implemented());
    }
    let (items, maxlen) = repeat_items(interp, &a[0], &a[1])?;
    let cls = type_of_deque(interp, &a[0]);
    Ok(new_deque(interp, &cls, items, maxlen))
}

fn imul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__imul__", 2, 2)?;
    if !is_intlike(interp, &a[1]) {
        return Ok(interp.not_implemented());
    }
    // In one operation (CPython's in-place repeat holds the lock).
    let n = interp.index_value(&a[1])?;
    match with(interp, &a[0], |d| d.repeat_in_place(n))? {
        Ok(old) => drop(old),
        Err(()) => return Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
    }
    Ok(a[0].clone())
}

fn is_intlike(interp: &Interp, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)))
        || interp.lookup_special(v, "__index__").is_some()
}
