//! `list` methods. Each works on a list or an instance of a list subclass (whose items live
//! in `InstanceBase::List`), so `list.append(l, x)` and `super().__setitem__(i, v)` work.
//!
//! The lock of the item vector is held only for plain data moves: comparisons, key
//! functions and `__index__` run with it released (see `sort` and `containers::list_find`).
use gilvm_object::code::CmpOp;
use gilvm_object::payload::IterState;
use gilvm_object::{ObjCell, Payload, Value};

use super::add_method;
use super::containers::{
    check_kwnames, check_repeat, index_bounds, join_reprs, list_cell, list_find, method_args,
    new_iter, receiver, repeat_count, repr_guarded, seq_iter, seq_richcompare, wrong_self, Arity,
};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

type Cell = ObjCell<Vec<Value>>;

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
            if key.to_bigint().is_some() {
                return Err(interp.index_error("cannot fit 'int' into an index-sized integer"));
            }
            if interp.lookup_special(key, "__index__").is_none() {
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

/// `l[key]` on an item vector.
pub fn cell_getitem(interp: &mut Interp, cell: &Cell, key: &Value) -> PyResult {
    let py = interp.py;
    if let Some(sl) = slice_of(key) {
        let len = cell.with(py, |l| l.len());
        let (start, _stop, step, count) = interp.slice_indices(sl, len)?;
        let v = cell.with(py, |l| {
            let mut out = Vec::with_capacity(count);
            let mut i = start;
            for _ in 0..count {
                if let Some(x) = l.get(i as usize) {
                    out.push(x.clone());
                }
                i += step;
            }
            out
        });
        return Ok(interp.new_list(v));
    }
    let i = item_index(interp, key)?;
    let r = cell.read(py, |l| {
        let j = if i < 0 { i + l.len() as i64 } else { i };
        if j >= 0 && (j as usize) < l.len() {
            Some(l[j as usize].clone())
        } else {
            None
        }
    });
    r.ok_or_else(|| interp.index_error("list index out of range"))
}

/// `l[key] = v` on an item vector.
pub fn cell_setitem(interp: &mut Interp, cell: &Cell, key: &Value, v: Value) -> PyResult<()> {
    let py = interp.py;
    if let Some(sl) = slice_of(key) {
        let sl = sl.clone();
        let step_is_one = matches!(sl[2], Value::None) || matches!(sl[2], Value::Int(1));
        let items = match list_cell(&v) {
            Some(c) => c.with(py, |l| l.clone()),
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
        let len = cell.with(py, |l| l.len());
        let (start, stop, step, count) = interp.slice_indices(&sl, len)?;
        if step == 1 {
            let start = start as usize;
            let stop = (stop.max(start as i64) as usize).max(start);
            let old: Vec<Value> = cell.with(py, |l| {
                let (s, e) = (start.min(l.len()), stop.min(l.len()));
                l.splice(s..e, items).collect()
            });
            drop(old);
            return Ok(());
        }
        if items.len() != count {
            return Err(interp.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                items.len()
            )));
        }
        let old: Vec<Value> = cell.with(py, |l| {
            let mut old = Vec::with_capacity(count);
            let mut i = start;
            for x in items {
                if let Some(slot) = l.get_mut(i as usize) {
                    old.push(std::mem::replace(slot, x));
                }
                i += step;
            }
            old
        });
        drop(old);
        return Ok(());
    }
    let i = item_index(interp, key)?;
    let old = cell.with(py, |l| {
        let j = if i < 0 { i + l.len() as i64 } else { i };
        if j >= 0 && (j as usize) < l.len() {
            Ok(std::mem::replace(&mut l[j as usize], v))
        } else {
            Err(v)
        }
    });
    match old {
        Ok(o) => {
            drop(o);
            Ok(())
        }
        Err(v) => {
            drop(v);
            Err(interp.index_error("list assignment index out of range"))
        }
    }
}

/// `del l[key]` on an item vector.
pub fn cell_delitem(interp: &mut Interp, cell: &Cell, key: &Value) -> PyResult<()> {
    let py = interp.py;
    if let Some(sl) = slice_of(key) {
        let len = cell.with(py, |l| l.len());
        let (start, _stop, step, count) = interp.slice_indices(sl, len)?;
        if count == 0 {
            return Ok(());
        }
        let removed: Vec<Value> = cell.with(py, |l| {
            if step == 1 {
                let s = (start as usize).min(l.len());
                let e = (s + count).min(l.len());
                return l.drain(s..e).collect();
            }
            let mut mask = vec![false; l.len()];
            let mut i = start;
            for _ in 0..count {
                if let Some(m) = mask.get_mut(i as usize) {
                    *m = true;
                }
                i += step;
            }
            let mut removed = Vec::with_capacity(count);
            let old = std::mem::take(l);
            for (x, m) in old
                .into_iter()
                .zip(mask.iter().copied().chain(std::iter::repeat(false)))
            {
                if m {
                    removed.push(x);
                } else {
                    l.push(x);
                }
            }
            removed
        });
        drop(removed);
        return Ok(());
    }
    let i = item_index(interp, key)?;
    let old = cell.with(py, |l| {
        let j = if i < 0 { i + l.len() as i64 } else { i };
        if j >= 0 && (j as usize) < l.len() {
            Some(l.remove(j as usize))
        } else {
            None
        }
    });
    match old {
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
            let v = pos[1].clone();
            c.with(interp.py, |l| l.push(v));
            return Ok(Value::None);
        }
    }
    let (_, c) = list_self(interp, &args, "list.append")?;
    let a = method_args(interp, &args, "list.append", Arity::One)?;
    let v = a[0].clone();
    c.with(interp.py, |l| l.push(v));
    Ok(Value::None)
}

/// Appends the items of `src` to the vector `c` (whose object is `this`).
pub fn extend_cell(interp: &mut Interp, c: &Cell, src: &Value) -> PyResult<()> {
    let py = interp.py;
    if let Some(sc) = list_cell(src) {
        if std::ptr::eq(sc, c) {
            c.with(py, |l| {
                let copy = l.clone();
                l.extend(copy);
            });
        } else {
            c.with2(sc, py, |l, s| l.extend_from_slice(s));
        }
        return Ok(());
    }
    if let Value::Obj(o) = src {
        if let Payload::Tuple(t) = o.payload() {
            c.with(py, |l| l.extend_from_slice(t));
            return Ok(());
        }
    }
    let items = interp.collect(src)?;
    c.with(py, |l| l.extend(items));
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
    let v = a[1].clone();
    c.with(interp.py, |l| {
        let n = l.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(j as usize, v);
    });
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() == 1 && !args.has_kwargs() {
        if let Some(c) = list_cell(&pos[0]) {
            return match c.with(interp.py, |l| l.pop()) {
                Some(v) => Ok(v),
                None => Err(interp.index_error("pop from empty list")),
            };
        }
    }
    let (_, c) = list_self(interp, &args, "list.pop")?;
    let a = method_args(interp, &args, "list.pop", Arity::Range(0, 1))?;
    let i = match a.first() {
        Some(v) => int_arg(interp, v)?,
        None => -1,
    };
    let r = c.with(interp.py, |l| {
        if l.is_empty() {
            return Err(true);
        }
        let n = l.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(false);
        }
        Ok(if j == n - 1 {
            l.pop().unwrap_or(Value::None)
        } else {
            l.remove(j as usize)
        })
    });
    match r {
        Ok(v) => Ok(v),
        Err(true) => Err(interp.index_error("pop from empty list")),
        Err(false) => Err(interp.index_error("pop index out of range")),
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
    let len = c.with(interp.py, |l| l.len());
    let (start, mut stop) = index_bounds(interp, a, len)?;
    if a.len() < 3 {
        // No stop argument: scan to the list's end as it is during the scan (another thread
        // may insert meanwhile; CPython rereads the size at every step too).
        stop = usize::MAX;
    }
    match list_find(interp, c, &a[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = interp.repr(&a[0])?;
            Err(interp.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.count")?;
    let a = method_args(interp, &args, "list.count", Arity::One)?;
    // Builtin values only: counted in one pass under the lock (atomic).
    let x = &a[0];
    let pure = c.with(interp.py, |l| {
        let mut n = 0i64;
        for el in l.iter() {
            if el.is(x) {
                n += 1;
                continue;
            }
            match gilvm_object::keys::builtin_eq(el, x) {
                Some(true) => n += 1,
                Some(false) => {}
                None => return None,
            }
        }
        Some(n)
    });
    if let Some(n) = pure {
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
    if key.is_none() && c.with(py, |l| super::sort::sort_pure(l, reverse)) {
        return Ok(Value::None);
    }
    // The list looks empty while it is sorted, as in CPython.
    let mut items = c.with(py, std::mem::take);
    if items.is_empty() {
        // Nothing to sort (the list is empty, or another thread is sorting it and it
        // looks empty): a no-op, so it must not write anything back.
        return Ok(Value::None);
    }
    let r = super::sort::sort_values(interp, &mut items, &key, reverse);
    let (modified, extra) = c.with(py, |l| {
        let modified = l.capacity() != 0 || !l.is_empty();
        (modified, std::mem::replace(l, items))
    });
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
    c.with(interp.py, |l| l.reverse());
    Ok(Value::None)
}

fn copy(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.copy")?;
    method_args(interp, &args, "list.copy", Arity::NoArgs)?;
    let v = c.with(interp.py, |l| l.clone());
    Ok(interp.new_list(v))
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.clear")?;
    method_args(interp, &args, "list.clear", Arity::NoArgs)?;
    let old = c.with(interp.py, std::mem::take);
    drop(old);
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (_, c) = list_self(interp, &args, "list.__len__")?;
    method_args(interp, &args, "list.__len__", Arity::NoArgs)?;
    Ok(Value::Int(c.with(interp.py, |l| l.len()) as i64))
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
    let n = c.with(interp.py, |l| l.len());
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
    let mut v = c.with(interp.py, |l| l.clone());
    if std::ptr::eq(oc, c) {
        let dup = v.clone();
        v.extend(dup);
    } else {
        oc.with(interp.py, |o| v.extend_from_slice(o));
    }
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
    let v = c.with(interp.py, |l| l.clone());
    let total = check_repeat(interp, v.len(), n)?;
    let mut r = Vec::with_capacity(total);
    for _ in 0..n {
        r.extend_from_slice(&v);
    }
    Ok(interp.new_list(r))
}

fn imul(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let (this, c) = list_self(interp, &args, "list.__imul__")?;
    let a = method_args(interp, &args, "list.__imul__", Arity::One)?;
    let n = repeat_count(interp, &a[0])?;
    let len = c.with(interp.py, |l| l.len());
    check_repeat(interp, len, n)?;
    let old = c.with(interp.py, |l| {
        if n == 0 {
            return std::mem::take(l);
        }
        let one = l.clone();
        for _ in 1..n {
            l.extend_from_slice(&one);
        }
        Vec::new()
    });
    drop(old);
    Ok(this.clone())
}

fn cmp(interp: &mut Interp, args: Args<'_>, op: CmpOp, qual: &str) -> PyResult {
    let (_, c) = list_self(interp, &args, qual)?;
    let a = method_args(interp, &args, qual, Arity::One)?;
    let Some(oc) = list_cell(&a[0]) else {
        return Ok(interp.not_implemented());
    };
    let s = c.with(interp.py, |l| l.clone());
    let t = if std::ptr::eq(oc, c) {
        s.clone()
    } else {
        oc.with(interp.py, |l| l.clone())
    };
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
            let items = c.with(interp.py, |l| l.clone());
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
