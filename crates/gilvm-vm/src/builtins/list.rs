//! `list` methods. Each works on a list or an instance of a list subclass (whose items live
//! in `InstanceBase::List`), so `list.append(l, x)` and `super().__setitem__(i, v)` work.
//!
//! Each method is one of the object model's atomic list operations (`gilvm_object::list`):
//! arguments are converted (`__index__`, iteration of the source of `extend`) before the
//! operation, and comparisons and key functions run with the list's lock released (see
//! `sort` and `containers::list_find`).
use gilvm_object::code::CmpOp;
use gilvm_object::list::{PopError, PyList};
use gilvm_object::payload::IterState;
use gilvm_object::{Payload, Value};

use super::add_method;
use super::containers::{
    check_kwnames, index_bounds, join_reprs, list_cell, list_find, method_args, new_iter, receiver,
    repeat_count, repr_guarded, seq_iter, seq_richcompare, wrong_self, Arity, MAX_SEQ_ITEMS,
};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

type Cell = PyList;

#[inline]
fn list_self<'a>(interp: &Interp, args: &Args<'a>, qual: &str) -> PyResult<(&'a Value, &'a Cell)> {
    let v = receiver(interp, args, qual)?;
    match list_cell(v) {
        Some(c) => Ok((v, c)),
        None => Err(wrong_self(interp, qual, v)),
    }
}

fn slice_of(v: &Value) -> Option<&[Value; 3]> {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Slice(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// An index argument of `l[i]`: ints, then `__index__`.
fn item_index(interp: &mut Interp, key: &Value) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => {
            if let Some(i) = gilvm_object::keys::as_index_i64(key) {
                return Ok(i);
            }
            if key.to_bigint().is_some() {
                return Err(interp.index_error("cannot fit 'int' into an index-sized integer"));
            }
            if interp
                .lookup_special_name(key, &gilvm_object::static_name!(interp.py, "__index__"))
                .is_none()
            {
                return Err(interp.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    interp.type_name(key)
                )));
            }
            interp.index_value(key)
        }
    }
}

/// An integer argument such as `pop(i)` / `insert(i, x)`.
fn int_arg(interp: &mut Interp, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => interp.index_value(v),
    }
}

/// `l[key]`.
pub fn cell_getitem(interp: &mut Interp, cell: &Cell, key: &Value) -> PyResult {
    if let Some(sl) = slice_of(key) {
        let spec = interp.slice_spec(sl)?;
        let v = cell.get_slice(interp.py, &spec);
        return Ok(interp.new_list(v));
    }
    let i = item_index(interp, key)?;
    cell.get(interp.py, i)
        .ok_or_else(|| interp.index_error("list index out of range"))
}

/// `l[key] = v`.
pub fn cell_setitem(interp: &mut Interp, cell: &Cell, key: &Value, v: Value) -> PyResult<()> {
    let py = interp.py;
    if let Some(sl) = slice_of(key) {
        let sl = sl.clone();
        let step_is_one = matches!(sl[2], Value::None) || matches!(sl[2], Value::Int(1));
        // The source is snapshotted first (it may be the list itself, or any iterable),
        // then the slice is replaced in one section.
        let items = match list_cell(&v) {
            Some(c) => c.snapshot(py),
            None => match interp.collect(&v) {
                Ok(x) => x,
                Err(e) => {
                    if interp.matches(&e, &interp.g.exc.type_error.clone())
                        && interp.iter(&v).is_err()
                    {
                        let msg = if step_is_one {
                            "can only assign an iterable"
                        } else {
                            "must assign iterable to extended slice"
                        };
                        return Err(interp.type_error(msg));
                    }
                    return Err(e);
                }
            },
        };
        let spec = interp.slice_spec(&sl)?;
        return match cell.set_slice(py, &spec, items) {
            Ok(old) => {
                drop(old);
                Ok(())
            }
            Err(e) => {
                drop(e.items);
                Err(interp.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    e.given, e.expected
                )))
            }
        };
    }
    let i = item_index(interp, key)?;
    match cell.set(py, i, v) {
        Ok(old) => {
            drop(old);
            Ok(())
        }
        Err(v) => {
            drop(v);
            Err(interp.index_error("list assignment index out of range"))
        }
    }
}

/// `del l[key]`.
pub fn cell_delitem(interp: &mut Interp, cell: &Cell, key: &Value) -> PyResult<()> {
    if let Some(sl) = slice_of(key) {
        let spec = interp.slice_spec(sl)?;
        drop(cell.del_slice(interp.py, &spec));
        return Ok(());
    }
    let i = item_index(interp, key)?;
    match cell.del(interp.py, i) {
        Some(o) => {
            drop(o);
            Ok(())
        }
        None => Err(interp.index_error("list assignment index out of range")),
    }
}

/// `x in l` for an item vector (no copy of the list).
pub fn cell_contains(interp: &mut Interp, cell: &Cell, item: &Value) -> PyResult<bool> {
    Ok(list_find(interp, cell, item, 0, usize::MAX)?.is_some())
}

// ---- methods ----

fn append(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() == 2 && !args.has_kwargs() {
        if let Some(c) = list_cell(&pos[0]) {
            c.append(interp.py, pos[1].clone());
            return Ok(Value::None);
        }
    }
    let (_, c) = list_self(interp, &args, "list.append")?;
    let a = method_args(interp, &args, "list.append", Arity::One)?;
    c.append(interp.py, a[0].clone());
    Ok(Value::None)
}

/// Appends the items of `src` to the list `c`: another list in one two-object section, a
/// tuple directly, any other iterable from a snapshot taken first.
pub fn extend_cell(interp: &mut Interp, c: &Cell, src: &Value) -> PyResult<()> {
    let py = interp.py;
    if let Some(sc) = list_cell(src) {
        c.extend_from_list(py, sc);
        return Ok(());
    }
    if let Value::Obj(o) = src {
        if let Payload::Tuple(t) = o.payload() {
            c.extend_from_slice(py, t);
            return Ok(());
        }
    }
    let items = interp.collect(src)?;
    c.extend(py, items);
    Ok(())
}

fn extend(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.extend")?;
    let a = method_args(interp, &args, "list.extend", Arity::One)?;
    extend_cell(interp, c, &a[0])?;
    Ok(Value::None)
}

fn insert(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.insert")?;
    let a = method_args(interp, &args, "list.insert", Arity::Range(2, 2))?;
    let i = int_arg(interp, &a[0])?;
    c.insert(interp.py, i, a[1].clone());
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() == 1 && !args.has_kwargs() {
        if let Some(c) = list_cell(&pos[0]) {
            return match c.pop(interp.py, None) {
                Ok(v) => Ok(v),
                Err(_) => Err(interp.index_error("pop from empty list")),
            };
        }
    }
    let (_, c) = list_self(interp, &args, "list.pop")?;
    let a = method_args(interp, &args, "list.pop", Arity::Range(0, 1))?;
    let i = match a.first() {
        Some(v) => Some(int_arg(interp, v)?),
        None => None,
    };
    match c.pop(interp.py, i) {
        Ok(v) => Ok(v),
        Err(PopError::Empty) => Err(interp.index_error("pop from empty list")),
        Err(PopError::OutOfRange) => Err(interp.index_error("pop index out of range")),
    }
}

fn remove(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.remove")?;
    let a = method_args(interp, &args, "list.remove", Arity::One)?;
    if super::containers::list_remove_first(interp, c, &a[0])? {
        Ok(Value::None)
    } else {
        Err(interp.value_error("list.remove(x): x not in list"))
    }
}

fn index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.index")?;
    let a = method_args(interp, &args, "list.index", Arity::Range(1, 3))?;
    let len = c.len(interp.py);
    let (start, mut stop) = index_bounds(interp, a, len)?;
    if a.len() < 3 {
        // No stop argument: scan to the list's end as it is during the scan (another thread
        // may insert meanwhile; CPython rereads the size at every step too).
        stop = usize::MAX;
    }
    match list_find(interp, c, &a[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(interp.value_error("list.index(x): x not in list")),
    }
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.count")?;
    let a = method_args(interp, &args, "list.count", Arity::One)?;
    // Builtin values only: counted in one pass under the lock (atomic).
    if let Some(n) = c.count_builtin(interp.py, &a[0]) {
        return Ok(Value::Int(n));
    }
    let (mut n, mut i) = (0i64, 0usize);
    while let Some(j) = list_find(interp, c, &a[0], i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    Ok(Value::Int(n))
}

/// Reads `key=`/`reverse=` of `sort`/`sorted`.
pub fn sort_options(interp: &mut Interp, args: &Args<'_>, fname: &str) -> PyResult<(Value, bool)> {
    check_kwnames(interp, args, fname, &["key", "reverse"])?;
    let key = args.kw("key").cloned().unwrap_or(Value::None);
    let reverse = match args.kw("reverse") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Int(i)) => *i != 0,
        Some(v) => interp.index_value(v)? != 0,
    };
    Ok((key, reverse))
}

fn sort(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.sort")?;
    if args.pos().len() > 1 {
        return Err(interp.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_options(interp, &args, "sort")?;
    let py = interp.py;
    // Builtin values without a key: sorted under the lock, atomically.
    if key.is_none() && c.permute(py, |l| super::sort::sort_pure(l, reverse)) {
        return Ok(Value::None);
    }
    // The list looks empty while it is sorted, as in CPython.
    let mut items = c.take_for_sort(py);
    if items.is_empty() {
        // Nothing to sort (the list is empty, or another thread is sorting it and it
        // looks empty): a no-op, so it must not write anything back.
        return Ok(Value::None);
    }
    let r = super::sort::sort_values(interp, &mut items, &key, reverse);
    let (modified, extra) = c.finish_sort(py, items);
    drop(extra);
    r?;
    if modified {
        return Err(interp.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.reverse")?;
    method_args(interp, &args, "list.reverse", Arity::NoArgs)?;
    c.reverse(interp.py);
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.copy")?;
    method_args(interp, &args, "list.copy", Arity::NoArgs)?;
    let v = c.snapshot(interp.py);
    Ok(interp.new_list(v))
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.clear")?;
    method_args(interp, &args, "list.clear", Arity::NoArgs)?;
    drop(c.clear(interp.py));
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__len__")?;
    method_args(interp, &args, "list.__len__", Arity::NoArgs)?;
    Ok(Value::Int(c.len(interp.py) as i64))
}

fn getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__getitem__")?;
    let a = method_args(interp, &args, "list.__getitem__", Arity::One)?;
    cell_getitem(interp, c, &a[0])
}

fn setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__setitem__")?;
    let a = method_args(interp, &args, "list.__setitem__", Arity::Range(2, 2))?;
    cell_setitem(interp, c, &a[0], a[1].clone())?;
    Ok(Value::None)
}

fn delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__delitem__")?;
    let a = method_args(interp, &args, "list.__delitem__", Arity::One)?;
    cell_delitem(interp, c, &a[0])?;
    Ok(Value::None)
}

fn contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__contains__")?;
    let a = method_args(interp, &args, "list.__contains__", Arity::One)?;
    Ok(Value::Bool(cell_contains(interp, c, &a[0])?))
}

fn iter(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, _) = list_self(interp, &args, "list.__iter__")?;
    method_args(interp, &args, "list.__iter__", Arity::NoArgs)?;
    let Value::Obj(o) = v else { unreachable!() };
    Ok(seq_iter(interp, o))
}

fn reversed(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, c) = list_self(interp, &args, "list.__reversed__")?;
    method_args(interp, &args, "list.__reversed__", Arity::NoArgs)?;
    let Value::Obj(o) = v else { unreachable!() };
    let n = c.len(interp.py);
    Ok(new_iter(
        interp,
        IterState::Reversed {
            seq: o.clone(),
            index: n,
        },
    ))
}

fn add(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__add__")?;
    let a = method_args(interp, &args, "list.__add__", Arity::One)?;
    let Some(oc) = list_cell(&a[0]) else {
        return Err(interp.type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            interp.type_name(&a[0])
        )));
    };
    let v = c.concat(interp.py, oc);
    Ok(interp.new_list(v))
}

fn iadd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (this, c) = list_self(interp, &args, "list.__iadd__")?;
    let a = method_args(interp, &args, "list.__iadd__", Arity::One)?;
    extend_cell(interp, c, &a[0])?;
    Ok(this.clone())
}

fn mul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__mul__")?;
    let a = method_args(interp, &args, "list.__mul__", Arity::One)?;
    let n = repeat_count(interp, &a[0])?;
    match c.repeat(interp.py, n, MAX_SEQ_ITEMS) {
        Some(r) => Ok(interp.new_list(r)),
        None => Err(interp.err(&interp.g.exc.memory_error.clone(), "")),
    }
}

fn imul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (this, c) = list_self(interp, &args, "list.__imul__")?;
    let a = method_args(interp, &args, "list.__imul__", Arity::One)?;
    let n = repeat_count(interp, &a[0])?;
    let mut old = Vec::new();
    let ok = c.inplace_repeat(interp.py, n, MAX_SEQ_ITEMS, &mut old);
    drop(old);
    if !ok {
        return Err(interp.err(&interp.g.exc.memory_error.clone(), ""));
    }
    Ok(this.clone())
}

fn cmp(interp: &mut Interp, args: Args<'_>, op: CmpOp, qual: &str) -> PyResult {
    let (_, c) = list_self(interp, &args, qual)?;
    let a = method_args(interp, &args, qual, Arity::One)?;
    let Some(oc) = list_cell(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    let (s, t) = c.snapshot2(interp.py, oc);
    Ok(Value::Bool(seq_richcompare(interp, op, &s, &t)?))
}

fn eq(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Eq, "list.__eq__")
}
fn ne(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Ne, "list.__ne__")
}
fn lt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Lt, "list.__lt__")
}
fn le(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Le, "list.__le__")
}
fn gt(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Gt, "list.__gt__")
}
fn ge(interp: &mut Interp, args: Args<'_>) -> PyResult {
    cmp(interp, args, CmpOp::Ge, "list.__ge__")
}

fn repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (v, c) = list_self(interp, &args, "list.__repr__")?;
    method_args(interp, &args, "list.__repr__", Arity::NoArgs)?;
    let Value::Obj(o) = v else { unreachable!() };
    let s = if matches!(o.payload(), Payload::List(_)) {
        interp.repr(v)?
    } else {
        repr_guarded(interp, o, "[...]", |interp| {
            let items = c.snapshot(interp.py);
            join_reprs(interp, &items, "[", "]")
        })?
    };
    Ok(interp.new_str(s))
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.list.clone();
    add_method(interp, &t, "append", append);
    add_method(interp, &t, "extend", extend);
    add_method(interp, &t, "insert", insert);
    add_method(interp, &t, "pop", pop);
    add_method(interp, &t, "remove", remove);
    add_method(interp, &t, "index", index);
    add_method(interp, &t, "count", count);
    add_method(interp, &t, "sort", sort);
    add_method(interp, &t, "reverse", reverse);
    add_method(interp, &t, "copy", copy);
    add_method(interp, &t, "clear", clear);
    add_method(interp, &t, "__len__", len);
    add_method(interp, &t, "__getitem__", getitem);
    add_method(interp, &t, "__setitem__", setitem);
    add_method(interp, &t, "__delitem__", delitem);
    add_method(interp, &t, "__contains__", contains);
    add_method(interp, &t, "__iter__", iter);
    add_method(interp, &t, "__reversed__", reversed);
    add_method(interp, &t, "__add__", add);
    add_method(interp, &t, "__iadd__", iadd);
    add_method(interp, &t, "__mul__", mul);
    add_method(interp, &t, "__rmul__", mul);
    add_method(interp, &t, "__imul__", imul);
    add_method(interp, &t, "__eq__", eq);
    add_method(interp, &t, "__ne__", ne);
    add_method(interp, &t, "__lt__", lt);
    add_method(interp, &t, "__le__", le);
    add_method(interp, &t, "__gt__", gt);
    add_method(interp, &t, "__ge__", ge);
    add_method(interp, &t, "__repr__", repr);
    if let Payload::Type(tt) = t.payload() {
        tt.dict()
            .set_str(interp.py, interp.intern("__hash__"), Value::None);
    }
}
