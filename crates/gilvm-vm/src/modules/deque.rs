//! `collections.deque`: a native type whose state (a `VecDeque`, so both ends are O(1))
//! belongs to the object model (`gilvm_object::deque`): every operation here is one method
//! of [`Deque`], one critical section. Items are copied out before any comparison or repr
//! runs Python code.
use gilvm_object::code::CmpOp;
use gilvm_object::deque::{Deque, DequeIterStep, DequeRemove, NotADeque};
use gilvm_object::dict::Lookup;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Py, Value};

use super::collections::types;
use super::util::{self, bind, new_stepper, Step};
use crate::args::Args;
use crate::error::PyResult;
use crate::impl_as_any;
use crate::interp::Interp;

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

/// Runs `f`, one or more operations of the deque `v` (each its own critical section); a
/// TypeError if `v` is not a deque.
fn with<R>(
    interp: &Interp,
    v: &Value,
    f: impl FnOnce(Deque<'_>, Py<'_>) -> Result<R, NotADeque>,
) -> PyResult<R> {
    f(Deque::of(v), interp.py).map_err(|NotADeque| not_a_deque(interp, v))
}

/// The TypeError of a deque method called on another object.
fn not_a_deque(interp: &Interp, v: &Value) -> crate::error::PyErr {
    interp.type_error(format!(
        "descriptor requires a 'collections.deque' object but received '{}'",
        interp.type_name(v)
    ))
}

fn snapshot(interp: &Interp, v: &Value) -> PyResult<Vec<Value>> {
    with(interp, v, |d, py| d.snapshot(py))
}

/// Is `v` a deque (of any class)?
fn is_deque(interp: &Interp, v: &Value) -> bool {
    Deque::of(v).is_deque(interp.py)
}

/// A new deque of class `cls` (with a maxlen, only the last `maxlen` items stay).
fn new_deque(interp: &Interp, cls: &ObjRef, items: Vec<Value>, maxlen: Option<usize>) -> Value {
    let n = gilvm_object::deque::new_native(cls.clone(), items, maxlen);
    Value::Obj(interp.new_obj(Owned::Native(n)))
}

fn type_of_deque(interp: &mut Interp, v: &Value) -> ObjRef {
    match v {
        Value::Obj(o) => gilvm_object::types::type_of_obj(o).clone(),
        _ => types(interp).deque.clone(),
    }
}

fn deque_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = super::util::cls_of(interp, &args)?;
    Ok(new_deque(interp, &cls, Vec::new(), None))
}

fn deque_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or(Value::None);
    let rest = super::util::after_cls(&args);
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
                _ if interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                    .is_some() =>
                {
                    interp.index_value(v)?
                }
                _ => return Err(interp.type_error("an integer is required")),
            };
            if m < 0 {
                return Err(interp.value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    with(interp, &me, |d, py| d.reinit(py, maxlen))?;
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
        return with(interp, me, |d, py| d.extend(py, items, left));
    }
    let it = interp.iter(iterable)?;
    while let Some(x) = interp.next(&it)? {
        with(interp, me, |d, py| {
            if left {
                d.append_left(py, x)
            } else {
                d.append(py, x)
            }
        })?;
    }
    Ok(())
}

fn append(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "append", 2, 2)?;
    with(interp, &a[0], |d, py| d.append(py, a[1].clone()))?;
    Ok(Value::None)
}

fn appendleft(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "appendleft", 2, 2)?;
    with(interp, &a[0], |d, py| d.append_left(py, a[1].clone()))?;
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "pop", 1, 1)?;
    let v = with(interp, &a[0], |d, py| d.pop(py))?;
    v.ok_or_else(|| interp.index_error("pop from an empty deque"))
}

fn popleft(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "popleft", 1, 1)?;
    let v = with(interp, &a[0], |d, py| d.pop_left(py))?;
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
    with(interp, &a[0], |d, py| d.rotate(py, n))?;
    Ok(Value::None)
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "clear", 1, 1)?;
    with(interp, &a[0], |d, py| d.clear(py))?;
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "copy", 1, 1)?;
    let (items, maxlen) = with(interp, &a[0], |d, py| d.snapshot_maxlen(py))?;
    let cls = type_of_deque(interp, &a[0]);
    Ok(new_deque(interp, &cls, items, maxlen))
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "count", 2, 2)?;
    // Builtin comparisons: counted in one critical section.
    if let Some(n) = with(interp, &a[0], |d, py| d.count_builtin(py, &a[1]))? {
        return Ok(Value::Int(n));
    }
    let items = snapshot(interp, &a[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// A slice-like bound, not yet clamped to the length (that happens where the length is
/// read): big ints become the extreme i64s, which clamp to the ends.
fn bound_arg(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match interp.index_value(v) {
        Ok(i) => Ok(i),
        Err(_) if v.to_bigint().is_some() => Ok(
            if v.to_bigint()
                .is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
            {
                i64::MIN
            } else {
                i64::MAX
            },
        ),
        Err(e) => Err(e),
    }
}

/// A bound from `bound_arg` clamped to `len` items.
fn norm_bound(v: i64, len: usize) -> usize {
    if v < 0 {
        v.saturating_add(len as i64).max(0) as usize
    } else {
        (v as usize).min(len)
    }
}

fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "index", 2, 4)?;
    // The bounds are converted (`__index__` may run Python code) before the deque is
    // searched, as CPython's argument parsing does; as there, the default stop is the
    // length before that (and a receiver that is not a deque is reported first).
    let default_stop = if a.len() > 2 {
        with(interp, &a[0], |d, py| d.len(py))? as i64
    } else {
        i64::MAX
    };
    let start = match a.get(2) {
        Some(v) => bound_arg(interp, v)?,
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => bound_arg(interp, v)?,
        None => default_stop,
    };
    // Builtin comparisons: found in one critical section.
    match with(interp, &a[0], |d, py| d.find(py, &a[1], start, stop))? {
        Lookup::Found(i) => return Ok(Value::Int(i as i64)),
        Lookup::Missing => return Err(interp.value_error("deque.index(x): x not in deque")),
        Lookup::NeedsPython => {}
    }
    let items = snapshot(interp, &a[0])?;
    let (start, stop) = (
        norm_bound(start, items.len()),
        norm_bound(stop, items.len()),
    );
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
    let inserted = with(interp, &a[0], |d, py| d.insert(py, i, a[2].clone()))?;
    if !inserted {
        return Err(interp.index_error("deque already at its maximum size"));
    }
    Ok(Value::None)
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "remove", 2, 2)?;
    // Builtin comparisons are made and the item found removed in one critical section,
    // which stops at an item that needs a Python `__eq__`. That comparison runs with the
    // lock released; as in CPython, a deque changed by the time it returns raises, and the
    // item found equal is removed only if the deque has not changed since.
    let (mut from, mut expect) = (0, None);
    loop {
        match with(interp, &a[0], |d, py| {
            d.remove_from(py, &a[1], from, expect)
        })? {
            DequeRemove::Done => return Ok(Value::None),
            DequeRemove::Missing => {
                return Err(interp.value_error("deque.remove(x): x not in deque"))
            }
            DequeRemove::Mutated => {
                return Err(interp.index_error("deque mutated during iteration"))
            }
            DequeRemove::Slow {
                index,
                item,
                mutations,
            } => {
                if interp.eq(&item, &a[1])? {
                    let removed = with(interp, &a[0], |d, py| {
                        d.remove_at_if_unchanged(py, index, mutations)
                    })?;
                    if removed {
                        return Ok(Value::None);
                    }
                    return Err(interp.index_error("deque mutated during iteration"));
                }
                from = index + 1;
                expect = Some(mutations);
            }
        }
    }
}

fn reverse(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "reverse", 1, 1)?;
    with(interp, &a[0], |d, py| d.reverse(py))?;
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__len__", 1, 1)?;
    Ok(Value::Int(with(interp, &a[0], |d, py| d.len(py))? as i64))
}

fn maxlen(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "maxlen", 1, 1)?;
    Ok(match with(interp, &a[0], |d, py| d.maxlen(py))? {
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
        match with(interp, &self.deque, |d, py| d.iter_step(py, idx, muts, rev))? {
            DequeIterStep::Mutated => {
                self.index = usize::MAX;
                Err(interp.runtime_error("deque mutated during iteration"))
            }
            DequeIterStep::Item(v) => {
                self.index += 1;
                Ok(Some(v))
            }
            DequeIterStep::End => {
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
    let mutations = with(interp, &a[0], |d, py| d.mutations(py))?;
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
    // Builtin comparisons: found in one critical section.
    match with(interp, &a[0], |d, py| d.find(py, &a[1], 0, i64::MAX))? {
        Lookup::Found(_) => return Ok(Value::Bool(true)),
        Lookup::Missing => return Ok(Value::Bool(false)),
        Lookup::NeedsPython => {}
    }
    let items = snapshot(interp, &a[0])?;
    for x in &items {
        if x.is(&a[1]) || interp.eq(x, &a[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The Python index of `d[key]` (`__index__` applied), not yet resolved against the length:
/// that happens inside the section of the operation (`Deque::get`/`set`/`del`), so a deque
/// another thread shrinks meanwhile gives `IndexError`, never the wrong item.
fn item_index(interp: &mut Interp, key: &Value) -> PyResult<i64> {
    let is_int = matches!(key, Value::Int(_) | Value::Bool(_))
        || matches!(key, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)));
    if !is_int
        && interp
            .lookup_special_name(key, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_none()
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

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__getitem__", 2, 2)?;
    let i = item_index(interp, &a[1])?;
    with(interp, &a[0], |d, py| d.get(py, i))?
        .ok_or_else(|| interp.index_error("deque index out of range"))
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__setitem__", 3, 3)?;
    let i = item_index(interp, &a[1])?;
    if with(interp, &a[0], |d, py| d.set(py, i, a[2].clone()))? {
        Ok(Value::None)
    } else {
        Err(interp.index_error("deque index out of range"))
    }
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__delitem__", 2, 2)?;
    let i = item_index(interp, &a[1])?;
    if with(interp, &a[0], |d, py| d.del(py, i))? {
        Ok(Value::None)
    } else {
        Err(interp.index_error("deque index out of range"))
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
        let (items, maxlen) = with(interp, &a[0], |d, py| d.snapshot_maxlen(py))?;
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
    if !interp.isinstance(&a[1], &deque_t) || !is_deque(interp, &a[1]) {
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
    if !is_deque(interp, &a[1]) {
        return Err(interp.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            interp.type_name(&a[1])
        )));
    }
    let (mut items, maxlen) = with(interp, &a[0], |d, py| d.snapshot_maxlen(py))?;
    let other = snapshot(interp, &a[1])?;
    let cls = type_of_deque(interp, &a[0]);
    items.extend(other);
    Ok(new_deque(interp, &cls, items, maxlen))
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
) -> PyResult<(Vec<Value>, Option<usize>)> {
    let n = interp.index_value(n)?;
    let (items, maxlen) = with(interp, me, |d, py| d.snapshot_maxlen(py))?;
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
    if !with(interp, &a[0], |d, py| d.repeat_in_place(py, n))? {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    Ok(a[0].clone())
}

fn is_intlike(interp: &Interp, v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_))
        || matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Int(_)))
        || interp
            .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
            .is_some()
}
