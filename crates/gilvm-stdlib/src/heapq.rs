//! The `_heapq` module (CPython's `Modules/_heapqmodule.c`): the heap operations on a
//! list, min-heap and (3.14) max-heap, which the Lib's `heapq.py` imports over its
//! pure-Python definitions.
//!
//! Each element read or write is one list operation (one critical section); comparisons
//! run Python code between them with no lock held. As in CPython, a heap whose size
//! changes during a comparison raises `RuntimeError`.
use gilvm_object::list::PyList;
use gilvm_object::{ObjRef, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

/// The heap argument: a list or an instance of a list subclass. `one` names it
/// "argument" (one-argument functions) rather than "argument 1", as CPython's messages.
fn list_arg<'a>(interp: &Interp, v: &'a Value, fname: &str, one: bool) -> PyResult<&'a PyList> {
    if let Some(l) = gilvm_vm::builtins::containers::list_cell(v) {
        return Ok(l);
    }
    // CPython's `_PyArg_BadArgument` names None itself, not its type.
    let got = if v.is_none() {
        "None".to_string()
    } else {
        interp.type_name(v)
    };
    Err(interp.type_error(format!(
        "{fname}() argument{} must be list, not {got}",
        if one { "" } else { " 1" },
    )))
}

fn at(interp: &Interp, l: &PyList, i: usize) -> PyResult<Value> {
    l.get_at(interp.py, i)
        .ok_or_else(|| interp.runtime_error("list changed size during iteration"))
}

fn put(interp: &Interp, l: &PyList, i: usize, v: Value) -> PyResult<()> {
    l.set(interp.py, i as i64, v)
        .map(drop)
        .map_err(|_| interp.runtime_error("list changed size during iteration"))
}

/// `a < b`, or `b < a` for the max-heap.
fn less(interp: &mut Interp, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        interp.lt(b, a)
    } else {
        interp.lt(a, b)
    }
}

fn changed(interp: &Interp, l: &PyList, size: usize) -> PyResult<()> {
    if l.len(interp.py) != size {
        return Err(interp.runtime_error("list changed size during iteration"));
    }
    Ok(())
}

fn siftdown(
    interp: &mut Interp,
    l: &PyList,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = l.len(interp.py);
    if pos >= size {
        return Err(interp.index_error("index out of range"));
    }
    let newitem = at(interp, l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = at(interp, l, parentpos)?;
        let lt = less(interp, &newitem, &parent, max)?;
        changed(interp, l, size)?;
        if !lt {
            break;
        }
        let p = at(interp, l, parentpos)?;
        let n = at(interp, l, pos)?;
        put(interp, l, parentpos, n)?;
        put(interp, l, pos, p)?;
        pos = parentpos;
    }
    Ok(())
}

fn siftup(interp: &mut Interp, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.len(interp.py);
    let start = pos;
    if pos >= end {
        return Err(interp.index_error("index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let a = at(interp, l, child)?;
            let b = at(interp, l, child + 1)?;
            let lt = less(interp, &a, &b, max)?;
            changed(interp, l, end)?;
            if !lt {
                child += 1;
            }
        }
        let c = at(interp, l, child)?;
        let p = at(interp, l, pos)?;
        put(interp, l, child, p)?;
        put(interp, l, pos, c)?;
        pos = child;
    }
    siftdown(interp, l, start, pos, max)
}

fn push(interp: &mut Interp, args: Args<'_>, name: &str, max: bool) -> PyResult {
    let p = args.exact(interp, name, 2, 2)?;
    let l = list_arg(interp, &p[0], name, false)?;
    l.append(interp.py, p[1].clone());
    let n = l.len(interp.py);
    siftdown(interp, l, 0, n - 1, max)?;
    Ok(Value::None)
}

fn pop(interp: &mut Interp, args: Args<'_>, name: &str, max: bool) -> PyResult {
    let p = args.exact(interp, name, 1, 1)?;
    let l = list_arg(interp, &p[0], name, true)?;
    let last = l
        .pop(interp.py, None)
        .map_err(|_| interp.index_error("index out of range"))?;
    if l.is_empty(interp.py) {
        return Ok(last);
    }
    let ret = at(interp, l, 0)?;
    put(interp, l, 0, last)?;
    siftup(interp, l, 0, max)?;
    Ok(ret)
}

fn replace(interp: &mut Interp, args: Args<'_>, name: &str, max: bool) -> PyResult {
    let p = args.exact(interp, name, 2, 2)?;
    let l = list_arg(interp, &p[0], name, false)?;
    if l.is_empty(interp.py) {
        return Err(interp.index_error("index out of range"));
    }
    let ret = at(interp, l, 0)?;
    put(interp, l, 0, p[1].clone())?;
    siftup(interp, l, 0, max)?;
    Ok(ret)
}

fn pushpop(interp: &mut Interp, args: Args<'_>, name: &str, max: bool) -> PyResult {
    let p = args.exact(interp, name, 2, 2)?;
    let l = list_arg(interp, &p[0], name, false)?;
    if l.is_empty(interp.py) {
        return Ok(p[1].clone());
    }
    let top = at(interp, l, 0)?;
    if !less(interp, &top, &p[1], max)? {
        return Ok(p[1].clone());
    }
    if l.is_empty(interp.py) {
        return Err(interp.index_error("index out of range"));
    }
    let ret = at(interp, l, 0)?;
    put(interp, l, 0, p[1].clone())?;
    siftup(interp, l, 0, max)?;
    Ok(ret)
}

fn heapify_impl(interp: &mut Interp, args: Args<'_>, name: &str, max: bool) -> PyResult {
    let p = args.exact(interp, name, 1, 1)?;
    let l = list_arg(interp, &p[0], name, true)?;
    let n = l.len(interp.py);
    for i in (0..n / 2).rev() {
        siftup(interp, l, i, max)?;
    }
    Ok(Value::None)
}

fn heappush(i: &mut Interp, a: Args<'_>) -> PyResult {
    push(i, a, "heappush", false)
}
fn heappop(i: &mut Interp, a: Args<'_>) -> PyResult {
    pop(i, a, "heappop", false)
}
fn heapreplace(i: &mut Interp, a: Args<'_>) -> PyResult {
    replace(i, a, "heapreplace", false)
}
fn heappushpop(i: &mut Interp, a: Args<'_>) -> PyResult {
    pushpop(i, a, "heappushpop", false)
}
fn heapify(i: &mut Interp, a: Args<'_>) -> PyResult {
    heapify_impl(i, a, "heapify", false)
}
fn heappush_max(i: &mut Interp, a: Args<'_>) -> PyResult {
    push(i, a, "heappush_max", true)
}
fn heappop_max(i: &mut Interp, a: Args<'_>) -> PyResult {
    pop(i, a, "heappop_max", true)
}
fn heapreplace_max(i: &mut Interp, a: Args<'_>) -> PyResult {
    replace(i, a, "heapreplace_max", true)
}
fn heappushpop_max(i: &mut Interp, a: Args<'_>) -> PyResult {
    pushpop(i, a, "heappushpop_max", true)
}
fn heapify_max(i: &mut Interp, a: Args<'_>) -> PyResult {
    heapify_impl(i, a, "heapify_max", true)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "heappush", heappush);
    interp.add_function(m, "heappop", heappop);
    interp.add_function(m, "heapreplace", heapreplace);
    interp.add_function(m, "heappushpop", heappushpop);
    interp.add_function(m, "heapify", heapify);
    interp.add_function(m, "heappush_max", heappush_max);
    interp.add_function(m, "heappop_max", heappop_max);
    interp.add_function(m, "heapreplace_max", heapreplace_max);
    interp.add_function(m, "heappushpop_max", heappushpop_max);
    interp.add_function(m, "heapify_max", heapify_max);
    Ok(())
}
