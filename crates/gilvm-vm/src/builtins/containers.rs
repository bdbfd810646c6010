//! Helpers shared by the container method families (`list`, `tuple`, `dict`, views, `set`,
//! and the iteration builtins), and the `tuple` methods.
//!
//! Argument-count and receiver errors are worded as CPython words them for methods of
//! builtin types: `list.append() takes exactly one argument (0 given)`,
//! `pop expected at most 1 argument, got 2`, `descriptor 'append' for 'list' objects doesn't
//! apply to a 'int' object`.
use gilvm_object::Owned;
use std::cell::RefCell;

use gilvm_object::code::CmpOp;
use gilvm_object::dict::PyDict;
use gilvm_object::iterstate::{IterCell, SeqIterCell};
use gilvm_object::list::{pure_scan, PyList, Removed, Scan};
use gilvm_object::payload::{InstanceBase, IterState};
use gilvm_object::set::PySet;
use gilvm_object::{ObjRef, Payload, Value};

use super::add_method;
use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// How many arguments (besides the receiver) a method takes, which also selects CPython's
/// wording of the count error.
#[derive(Clone, Copy)]
pub enum Arity {
    /// `METH_NOARGS`: "list.copy() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "list.append() takes exactly one argument (0 given)".
    One,
    /// Argument clinic: "pop expected at most 1 argument, got 2".
    Range(usize, usize),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The receiver of a method called through its type (`list.append(l, x)`).
#[inline]
pub fn receiver<'a>(interp: &Interp, args: &Args<'a>, qual: &str) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(v) => Ok(v),
        None => Err(interp.type_error(format!("unbound method {qual}() needs an argument"))),
    }
}

/// The error for a method applied to a receiver of the wrong type. `qual` is `type.name`.
pub fn wrong_self(interp: &Interp, qual: &str, v: &Value) -> PyErr {
    let (ty, name) = qual.split_once('.').unwrap_or(("object", qual));
    if name.starts_with("__") && name.ends_with("__") {
        interp.type_error(format!(
            "descriptor '{name}' requires a '{ty}' object but received a '{}'",
            interp.type_name(v)
        ))
    } else {
        interp.type_error(format!(
            "descriptor '{name}' for '{ty}' objects doesn't apply to a '{}' object",
            interp.type_name(v)
        ))
    }
}

/// Checks the arguments after the receiver; returns them.
#[inline]
pub fn method_args<'a>(
    interp: &Interp,
    args: &Args<'a>,
    qual: &str,
    arity: Arity,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{qual}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let rest = if pos.is_empty() { pos } else { &pos[1..] };
    let n = rest.len();
    match arity {
        Arity::NoArgs if n != 0 => {
            Err(interp.type_error(format!("{qual}() takes no arguments ({n} given)")))
        }
        Arity::One if n != 1 => {
            Err(interp.type_error(format!("{qual}() takes exactly one argument ({n} given)")))
        }
        Arity::Range(min, max) if n < min || n > max => {
            let short = qual.rsplit('.').next().unwrap_or(qual);
            let msg = if min == max {
                format!("{short} expected {min} argument{}, got {n}", plural(min))
            } else if n < min {
                format!(
                    "{short} expected at least {min} argument{}, got {n}",
                    plural(min)
                )
            } else {
                format!(
                    "{short} expected at most {max} argument{}, got {n}",
                    plural(max)
                )
            };
            Err(interp.type_error(msg))
        }
        _ => Ok(rest),
    }
}

/// Arguments of a builtin function (no receiver) with the argument-clinic wording
/// (`reversed expected 1 argument, got 0`), keywords refused.
pub fn func_args<'a>(
    interp: &Interp,
    args: &Args<'a>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    let n = pos.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(interp.type_error(msg));
    }
    Ok(pos)
}

/// Raises "f() got an unexpected keyword argument 'x'" for keywords not in `allowed`.
pub fn check_kwnames(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
    allowed: &[&str],
) -> PyResult<()> {
    for (n, _) in args.kwargs() {
        if !allowed.contains(&n) {
            return Err(interp.type_error(format!(
                "{fname}() got an unexpected keyword argument '{n}'"
            )));
        }
    }
    Ok(())
}

// ---- payload access (both the builtin payload and the instance-of-subclass shape) ----

/// The list payload of a list or of an instance of a list subclass.
#[inline]
pub fn list_cell(v: &Value) -> Option<&PyList> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::List(l) => Some(l),
            Payload::Instance(i) => match &i.base {
                InstanceBase::List(l) => Some(l),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The object and table of a dict or of an instance of a dict subclass.
#[inline]
pub fn dict_parts(v: &Value) -> Option<(&ObjRef, &PyDict)> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Dict(d) => Some((o, d)),
            Payload::Instance(i) => match &i.base {
                InstanceBase::Dict(d) => Some((o, d)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The object, table and frozenness of a set or frozenset (or of an instance of a subclass
/// of one: the instance itself for a set, the plain frozenset it holds for a frozenset).
#[inline]
pub fn set_parts(v: &Value) -> Option<(&ObjRef, &PySet, bool)> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Set(s) => Some((o, s, false)),
            Payload::FrozenSet(s) => Some((o, s, true)),
            // An instance of a subclass: of set (its own table), of frozenset (the plain
            // frozenset it holds).
            Payload::Instance(i) => match &i.base {
                InstanceBase::Set(s) => Some((o, s, false)),
                InstanceBase::Value(Value::Obj(p)) => match p.payload() {
                    Payload::FrozenSet(s) => Some((p, s, true)),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The table of a set or frozenset object, or of an instance of a subclass of set.
#[inline]
pub fn set_table(o: &ObjRef) -> Option<&PySet> {
    match o.payload() {
        Payload::Set(s) | Payload::FrozenSet(s) => Some(s),
        Payload::Instance(i) => match &i.base {
            InstanceBase::Set(s) => Some(s),
            // An instance of a subclass of frozenset: its plain frozenset's table.
            InstanceBase::Value(Value::Obj(f)) => match f.payload() {
                Payload::FrozenSet(s) => Some(s),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// A new builtin iterator over a list, tuple or list-subclass instance.
pub fn seq_iter(interp: &Interp, o: &ObjRef) -> Value {
    Value::Obj(interp.new_obj(Owned::SeqIter(SeqIterCell::new(o.clone()))))
}

/// A sequence iterator over `v` itself when it is an instance of a subclass of an
/// immutable builtin sequence (its items are read through the instance's plain value), so
/// that the instance lives as long as the iteration, as in CPython; None for other values.
pub fn subclass_seq_iter(interp: &Interp, v: &Value) -> Option<Value> {
    match v {
        Value::Obj(o) if matches!(o.payload(), Payload::Instance(_)) => {
            v.subclass_value()?;
            Some(seq_iter(interp, o))
        }
        _ => None,
    }
}

/// A new `IterState` iterator.
pub fn new_iter(interp: &Interp, st: IterState) -> Value {
    Value::Obj(interp.new_obj(Owned::Iter(IterCell::new(st))))
}

// ---- recursion guard for reprs of containers printed by these methods ----

thread_local! {
    static REPR_GUARD: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` unless `o` is already being repr'd on this thread, in which case `recursive`
/// is returned (CPython's `Py_ReprEnter`).
pub fn repr_guarded(
    interp: &mut Interp,
    o: &ObjRef,
    recursive: &str,
    f: impl FnOnce(&mut Interp) -> PyResult<String>,
) -> PyResult<String> {
    let addr = o.addr();
    let entered = REPR_GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if g.contains(&addr) {
            false
        } else {
            g.push(addr);
            true
        }
    });
    if !entered {
        return Ok(recursive.to_string());
    }
    let r = f(interp);
    REPR_GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if let Some(p) = g.iter().rposition(|a| *a == addr) {
            g.remove(p);
        }
    });
    r
}

/// `[a, b]`-style joined reprs.
pub fn join_reprs(
    interp: &mut Interp,
    items: &[Value],
    open: &str,
    close: &str,
) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&interp.repr(it)?);
    }
    out.push_str(close);
    Ok(out)
}

// ---- searching lists (`in`, index, count, remove) ----

/// The first index in `start..stop` of a list whose item equals `item` (identity first,
/// then `item_in_list == item`). The lock is held only while scanning builtin values; a
/// Python `__eq__` runs with it released.
pub fn list_find(
    interp: &mut Interp,
    list: &PyList,
    item: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        match list.find(interp.py, item, i, stop) {
            Scan::Found(j) => return Ok(Some(j)),
            Scan::Missing => return Ok(None),
            Scan::Slow(j, el) => {
                if interp.eq(&el, item)? {
                    return Ok(Some(j));
                }
                i = j + 1;
            }
        }
    }
}

/// `list.remove(item)`: removes the first item equal to `item`; `false` if there is none.
/// A match among builtin values is removed under the same lock as the scan; after a Python
/// `__eq__` (run with the lock released) the removal is re-validated by identity, so an
/// item shifted meanwhile by another thread is still the one removed, never its neighbour.
pub fn list_remove_first(interp: &mut Interp, list: &PyList, item: &Value) -> PyResult<bool> {
    let mut i = 0;
    loop {
        match list.remove_first(interp.py, item, i) {
            Removed::Done(old) => {
                drop(old);
                return Ok(true);
            }
            Removed::Missing => return Ok(false),
            Removed::Slow(j, el) => {
                if interp.eq(&el, item)? {
                    if let Some(old) = list.remove_identical(interp.py, &el, j) {
                        drop(old);
                        return Ok(true);
                    }
                    // The matching item was removed meanwhile: search again.
                    i = 0;
                    continue;
                }
                i = j + 1;
            }
        }
    }
}

/// `list_find` for an immutable slice (tuples).
pub fn slice_find(
    interp: &mut Interp,
    items: &[Value],
    item: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        match pure_scan(items, item, i, stop) {
            Scan::Found(j) => return Ok(Some(j)),
            Scan::Missing => return Ok(None),
            Scan::Slow(j, el) => {
                if interp.eq(&el, item)? {
                    return Ok(Some(j));
                }
                i = j + 1;
            }
        }
    }
}

/// Resolves the optional `start`/`stop` arguments of `index` against `len` (slice rules).
pub fn index_bounds(interp: &mut Interp, rest: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let get = |interp: &mut Interp, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => match gilvm_object::keys::as_index_i64(v) {
                Some(i) => Ok(i),
                None => match v.to_bigint() {
                    Some(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                        i64::MIN
                    } else {
                        i64::MAX
                    }),
                    None => {
                        if interp
                            .lookup_special_name(
                                v,
                                &gilvm_object::static_name!(interp.py, "__index__"),
                            )
                            .is_some()
                        {
                            interp.index_value(v)
                        } else {
                            Err(interp.type_error(
                                "slice indices must be integers or have an __index__ method",
                            ))
                        }
                    }
                },
            },
        }
    };
    let n = len as i64;
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i.saturating_add(n)).max(0) as usize
        } else {
            i.min(n) as usize
        }
    };
    let start = get(interp, rest.get(1), 0)?;
    let stop = get(interp, rest.get(2), n)?;
    Ok((norm(start), norm(stop)))
}

// ---- comparisons of sequences ----

fn cmp_lens(op: CmpOp, a: usize, b: usize) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// CPython's `list_richcompare`/`tuplerichcompare` on two snapshots.
pub fn seq_richcompare(interp: &mut Interp, op: CmpOp, s: &[Value], t: &[Value]) -> PyResult<bool> {
    if s.len() != t.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(op == CmpOp::Ne);
    }
    for (x, y) in s.iter().zip(t.iter()) {
        if x.is(y) {
            continue;
        }
        if !interp.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = interp.compare(op, x, y)?;
                    interp.truthy(&r)
                }
            };
        }
    }
    Ok(cmp_lens(op, s.len(), t.len()))
}

// ---- iterating any iterable without copying lists ----

/// Calls `f` on each item of `v` until it returns `Ok(false)`. Lists are read one item at a
/// time (no copy, lock released between items), tuples and ranges directly.
pub fn for_each(
    interp: &mut Interp,
    v: &Value,
    mut f: impl FnMut(&mut Interp, Value) -> PyResult<bool>,
) -> PyResult<()> {
    if let Value::Obj(o) = v {
        match o.payload() {
            Payload::List(l) => {
                let mut i = 0;
                while let Some(x) = l.get_at(interp.py, i) {
                    if !f(interp, x)? {
                        return Ok(());
                    }
                    i += 1;
                }
                return Ok(());
            }
            Payload::Tuple(t) => {
                for x in t.iter() {
                    if !f(interp, x.clone())? {
                        return Ok(());
                    }
                }
                return Ok(());
            }
            Payload::Range(r) => {
                let r = *r;
                for i in 0..r.len() {
                    if !f(interp, Value::Int(r.item(i)))? {
                        return Ok(());
                    }
                }
                return Ok(());
            }
            _ => {}
        }
    }
    let it = interp.iter(v)?;
    while let Some(x) = interp.next(&it)? {
        if !f(interp, x)? {
            break;
        }
    }
    Ok(())
}

// ---- tuple methods ----

fn tuple_self<'a>(interp: &Interp, args: &Args<'a>, qual: &str) -> PyResult<&'a [Value]> {
    Ok(tuple_recv(interp, args, qual)?.1)
}

/// The receiver of a tuple method as a plain tuple value (an instance of a subclass of
/// tuple gives the tuple it holds: `builtin_sub.rs`) and its items.
fn tuple_recv<'a>(
    interp: &Interp,
    args: &Args<'a>,
    qual: &str,
) -> PyResult<(&'a Value, &'a [Value])> {
    let v = receiver(interp, args, qual)?;
    match tuple_items(v) {
        Some(t) => Ok((v.base_value(), t)),
        None => Err(wrong_self(interp, qual, v)),
    }
}

/// The items of a tuple or of an instance of a subclass of tuple.
#[inline]
pub fn tuple_items(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) => Some(t),
            Payload::Instance(_) => match v.subclass_value()? {
                Value::Obj(p) => match p.payload() {
                    Payload::Tuple(t) => Some(t),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn tuple_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = tuple_self(interp, &args, "tuple.count")?;
    let a = method_args(interp, &args, "tuple.count", Arity::One)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = slice_find(interp, t, &a[0], i, t.len())? {
        n += 1;
        i = j + 1;
    }
    Ok(Value::Int(n))
}

fn tuple_index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = tuple_self(interp, &args, "tuple.index")?;
    let a = method_args(interp, &args, "tuple.index", Arity::Range(1, 3))?;
    let (start, stop) = index_bounds(interp, a, t.len())?;
    match slice_find(interp, t, &a[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = tuple_self(interp, &args, "tuple.__len__")?;
    method_args(interp, &args, "tuple.__len__", Arity::NoArgs)?;
    Ok(Value::Int(t.len() as i64))
}

fn tuple_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (t, _) = tuple_recv(interp, &args, "tuple.__getitem__")?;
    let a = method_args(interp, &args, "tuple.__getitem__", Arity::One)?;
    interp.getitem(t, &a[0])
}

fn tuple_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = tuple_self(interp, &args, "tuple.__contains__")?;
    let a = method_args(interp, &args, "tuple.__contains__", Arity::One)?;
    Ok(Value::Bool(
        slice_find(interp, t, &a[0], 0, t.len())?.is_some(),
    ))
}

fn tuple_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (t, _) = tuple_recv(interp, &args, "tuple.__iter__")?;
    method_args(interp, &args, "tuple.__iter__", Arity::NoArgs)?;
    // The iterator holds the receiver itself (an instance of a subclass included), so that
    // the instance lives as long as the iteration, as in CPython.
    let o = match &args.pos()[0] {
        Value::Obj(r) if matches!(r.payload(), Payload::Instance(_)) => r,
        _ => {
            let Value::Obj(o) = t else { unreachable!() };
            o
        }
    };
    Ok(seq_iter(interp, o))
}

fn tuple_add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let t = tuple_self(interp, &args, "tuple.__add__")?;
    let a = method_args(interp, &args, "tuple.__add__", Arity::One)?;
    match tuple_items(&a[0]) {
        Some(u) => {
            let mut v = Vec::with_capacity(t.len() + u.len());
            v.extend_from_slice(t);
            v.extend_from_slice(u);
            Ok(interp.new_tuple(v))
        }
        None => Err(interp.type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            interp.type_name(&a[0])
        ))),
    }
}

/// The repeat count of `seq * n` (`__index__` honoured; negative counts give 0).
pub fn repeat_count(interp: &mut Interp, n: &Value) -> PyResult<usize> {
    match n {
        Value::Int(i) => Ok((*i).max(0) as usize),
        Value::Bool(b) => Ok(*b as usize),
        _ => {
            if let Some(i) = gilvm_object::keys::as_index_i64(n) {
                return Ok(i.max(0) as usize);
            }
            if let Some(b) = n.to_bigint() {
                if b.sign() == num_bigint::Sign::Minus {
                    return Ok(0);
                }
                return Err(interp.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
            if interp
                .lookup_special_name(n, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_none()
            {
                return Err(interp.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    interp.type_name(n)
                )));
            }
            Ok(interp.index_value(n)?.max(0) as usize)
        }
    }
}

/// The most items a sequence may hold (larger repeats raise `MemoryError`).
pub const MAX_SEQ_ITEMS: usize = (isize::MAX as usize) / 16;

/// Refuses results too large to allocate (CPython raises MemoryError).
pub fn check_repeat(interp: &Interp, len: usize, n: usize) -> PyResult<usize> {
    match len.checked_mul(n) {
        Some(t) if t <= MAX_SEQ_ITEMS => Ok(t),
        _ => Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
    }
}

fn tuple_mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (tv, t) = tuple_recv(interp, &args, "tuple.__mul__")?;
    let a = method_args(interp, &args, "tuple.__mul__", Arity::One)?;
    let n = repeat_count(interp, &a[0])?;
    if n == 1 {
        return Ok(tv.clone());
    }
    let total = check_repeat(interp, t.len(), n)?;
    let mut v = Vec::with_capacity(total);
    for _ in 0..n {
        v.extend_from_slice(t);
    }
    Ok(interp.new_tuple(v))
}

fn tuple_cmp(interp: &mut Interp, args: Args<'_>, op: CmpOp, qual: &str) -> PyResult {
    let t = tuple_self(interp, &args, qual)?;
    let a = method_args(interp, &args, qual, Arity::One)?;
    match tuple_items(&a[0]) {
        Some(u) => Ok(Value::Bool(seq_richcompare(interp, op, t, u)?)),
        None => Ok(interp.not_implemented()),
    }
}

fn tuple_eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Eq, "tuple.__eq__")
}
fn tuple_ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Ne, "tuple.__ne__")
}
fn tuple_lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Lt, "tuple.__lt__")
}
fn tuple_le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Le, "tuple.__le__")
}
fn tuple_gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Gt, "tuple.__gt__")
}
fn tuple_ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    tuple_cmp(interp, args, CmpOp::Ge, "tuple.__ge__")
}

fn tuple_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (t, _) = tuple_recv(interp, &args, "tuple.__repr__")?;
    method_args(interp, &args, "tuple.__repr__", Arity::NoArgs)?;
    let s = interp.repr(t)?;
    Ok(interp.new_str(s))
}

fn tuple_hash(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (t, _) = tuple_recv(interp, &args, "tuple.__hash__")?;
    method_args(interp, &args, "tuple.__hash__", Arity::NoArgs)?;
    Ok(Value::Int(interp.hash(t)?))
}

// ---- range methods ----

fn range_self(
    interp: &Interp,
    args: &Args<'_>,
    qual: &str,
) -> PyResult<gilvm_object::payload::RangeObj> {
    let v = receiver(interp, args, qual)?;
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Range(r) => Ok(*r),
            _ => Err(wrong_self(interp, qual, v)),
        },
        _ => Err(wrong_self(interp, qual, v)),
    }
}

/// The position of `x` in range `r` (ints by arithmetic, other values by `==`).
fn range_find(
    interp: &mut Interp,
    r: &gilvm_object::payload::RangeObj,
    x: &Value,
) -> PyResult<Option<i64>> {
    let n = r.len();
    if let Some(i) = gilvm_object::keys::as_index_i64(x) {
        if matches!(x, Value::Int(_) | Value::Bool(_)) {
            let off = i as i128 - r.start as i128;
            if n > 0 && off % r.step as i128 == 0 {
                let k = off / r.step as i128;
                if (0..n as i128).contains(&k) {
                    return Ok(Some(k as i64));
                }
            }
            return Ok(None);
        }
    }
    // An exact int beyond i64 is in no range; anything else (an instance of a subclass of
    // int included, whose `__eq__` may be overridden) is compared item by item.
    if matches!(x, Value::Obj(o) if matches!(o.payload(), Payload::Int(_))) {
        return Ok(None);
    }
    for k in 0..n {
        if interp.eq(&Value::Int(r.item(k)), x)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn range_index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let r = range_self(interp, &args, "range.index")?;
    let a = method_args(interp, &args, "range.index", Arity::One)?;
    match range_find(interp, &r, &a[0])? {
        Some(k) => Ok(Value::Int(k)),
        None => {
            let s = interp.repr(&a[0])?;
            Err(interp.value_error(format!("{s} is not in range")))
        }
    }
}

fn range_count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let r = range_self(interp, &args, "range.count")?;
    let a = method_args(interp, &args, "range.count", Arity::One)?;
    if matches!(a[0], Value::Int(_) | Value::Bool(_)) || a[0].to_bigint().is_some() {
        return Ok(Value::Int(range_find(interp, &r, &a[0])?.is_some() as i64));
    }
    let mut n = 0;
    for k in 0..r.len() {
        if interp.eq(&Value::Int(r.item(k)), &a[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if super::longrange::is_long(interp, &args) {
        return super::longrange::reversed(interp, &args.pos()[0]);
    }
    let r = range_self(interp, &args, "range.__reversed__")?;
    method_args(interp, &args, "range.__reversed__", Arity::NoArgs)?;
    // A `range_iterator` stepping down, as CPython's `range_reverse`.
    Ok(Value::Obj(interp.new_obj(Owned::RangeIter(
        gilvm_object::iterstate::RangeIterCell::reversed(&r),
    ))))
}

fn range_len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if super::longrange::is_long(interp, &args) {
        return super::longrange::len(interp, &args.pos()[0]);
    }
    let r = range_self(interp, &args, "range.__len__")?;
    method_args(interp, &args, "range.__len__", Arity::NoArgs)?;
    Ok(Value::Int(r.len()))
}

fn range_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if super::longrange::is_long(interp, &args) && args.pos().len() == 2 {
        return super::longrange::contains(interp, &args.pos()[0], &args.pos()[1]);
    }
    let r = range_self(interp, &args, "range.__contains__")?;
    let a = method_args(interp, &args, "range.__contains__", Arity::One)?;
    Ok(Value::Bool(range_find(interp, &r, &a[0])?.is_some()))
}

fn range_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if super::longrange::is_long(interp, &args) && args.pos().len() == 2 {
        return super::longrange::getitem(interp, &args.pos()[0], &args.pos()[1]);
    }
    range_self(interp, &args, "range.__getitem__")?;
    let a = method_args(interp, &args, "range.__getitem__", Arity::One)?;
    interp.getitem(&args.pos()[0], &a[0])
}

fn range_iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if super::longrange::is_long(interp, &args) {
        return super::longrange::iter(interp, &args.pos()[0]);
    }
    range_self(interp, &args, "range.__iter__")?;
    method_args(interp, &args, "range.__iter__", Arity::NoArgs)?;
    interp.iter(&args.pos()[0])
}

fn slice_indices(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let v = receiver(interp, &args, "slice.indices")?;
    let Value::Obj(o) = v else {
        return Err(wrong_self(interp, "slice.indices", v));
    };
    let Payload::Slice(sl) = o.payload() else {
        return Err(wrong_self(interp, "slice.indices", v));
    };
    let a = method_args(interp, &args, "slice.indices", Arity::One)?;
    let n = interp.index_value(&a[0])?;
    if n < 0 {
        return Err(interp.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = interp.slice_indices(sl, n as usize)?;
    Ok(interp.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

pub fn register(interp: &mut Interp) {
    let sl = interp.g.types.slice.clone();
    add_method(interp, &sl, "indices", slice_indices);
    let r = interp.g.types.range.clone();
    add_method(interp, &r, "index", range_index);
    add_method(interp, &r, "count", range_count);
    add_method(interp, &r, "__reversed__", range_reversed);
    add_method(interp, &r, "__len__", range_len);
    add_method(interp, &r, "__contains__", range_contains);
    add_method(interp, &r, "__getitem__", range_getitem);
    add_method(interp, &r, "__iter__", range_iter);
    let t = interp.g.types.tuple.clone();
    add_method(interp, &t, "count", tuple_count);
    add_method(interp, &t, "index", tuple_index);
    add_method(interp, &t, "__len__", tuple_len);
    add_method(interp, &t, "__getitem__", tuple_getitem);
    add_method(interp, &t, "__contains__", tuple_contains);
    add_method(interp, &t, "__iter__", tuple_iter);
    add_method(interp, &t, "__add__", tuple_add);
    super::add_repeat(interp, &t, tuple_mul);
    add_method(interp, &t, "__eq__", tuple_eq);
    add_method(interp, &t, "__ne__", tuple_ne);
    add_method(interp, &t, "__lt__", tuple_lt);
    add_method(interp, &t, "__le__", tuple_le);
    add_method(interp, &t, "__gt__", tuple_gt);
    add_method(interp, &t, "__ge__", tuple_ge);
    add_method(interp, &t, "__repr__", tuple_repr);
    add_method(interp, &t, "__hash__", tuple_hash);
}
