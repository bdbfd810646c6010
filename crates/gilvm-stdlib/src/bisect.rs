//! The `_bisect` module (CPython's `Modules/_bisectmodule.c`): `bisect_left`,
//! `bisect_right`, `insort_left`, `insort_right` over any sequence (items read with
//! `a[i]`, `key` applied to them), which the Lib's `bisect.py` imports over its
//! pure-Python definitions.
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;

/// The bound arguments: `(a, x, lo, hi, key)`.
struct Bound {
    a: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Option<Value>,
}

fn bind(interp: &mut Interp, args: Args<'_>, fname: &str) -> PyResult<Bound> {
    let names = ["a", "x", "lo", "hi", "key"];
    let pos = args.pos();
    if pos.len() > 4 {
        return Err(interp.type_error(format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            pos.len()
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; 5];
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_some() => {
                return Err(interp.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(2) {
        if slots[i].is_none() {
            return Err(interp.type_error(format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let a = slots[0].take().unwrap_or(Value::None);
    let x = slots[1].take().unwrap_or(Value::None);
    let lo = match &slots[2] {
        None => 0,
        Some(v) => interp.index_value(v)?,
    };
    // `hi` is "an integer or None"; -1 (the C default) means len(a), as in CPython.
    let hi = match &slots[3] {
        None | Some(Value::None) => -1,
        Some(v) => {
            let is_int = v.to_bigint().is_some()
                || interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__index__"))
                    .is_some();
            if !is_int {
                return Err(interp.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    interp.type_name(v)
                )));
            }
            interp.index_value(v)?
        }
    };
    if lo < 0 {
        return Err(interp.value_error("lo must be non-negative"));
    }
    let hi = if hi == -1 { interp.len(&a)? as i64 } else { hi };
    let key = match slots[4].take() {
        None | Some(Value::None) => None,
        Some(k) => Some(k),
    };
    Ok(Bound {
        a,
        x,
        lo: lo as usize,
        hi: hi.max(0) as usize,
        key,
    })
}

/// The insertion point of `x` (`right`: after equal items).
fn search(interp: &mut Interp, b: &Bound, x: &Value, right: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (b.lo, b.hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = interp.getitem(&b.a, &Value::Int(mid as i64))?;
        if let Some(k) = &b.key {
            item = interp.call1(k, &[item])?;
        }
        let go_left = if right {
            interp.lt(x, &item)?
        } else {
            !interp.lt(&item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(interp: &mut Interp, args: Args<'_>, fname: &str, right: bool) -> PyResult {
    let b = bind(interp, args, fname)?;
    let x = b.x.clone();
    Ok(Value::Int(search(interp, &b, &x, right)? as i64))
}

fn insort(interp: &mut Interp, args: Args<'_>, fname: &str, right: bool) -> PyResult {
    let b = bind(interp, args, fname)?;
    let kx = match &b.key {
        Some(k) => interp.call1(k, std::slice::from_ref(&b.x))?,
        None => b.x.clone(),
    };
    let at = search(interp, &b, &kx, right)?;
    if let Value::Obj(o) = &b.a {
        if let Payload::List(l) = o.payload() {
            l.insert(interp.py, at as i64, b.x.clone());
            return Ok(Value::None);
        }
    }
    interp.call_method(&b.a, "insert", &[Value::Int(at as i64), b.x.clone()])?;
    Ok(Value::None)
}

fn bisect_left(i: &mut Interp, a: Args<'_>) -> PyResult {
    bisect(i, a, "bisect_left", false)
}
fn bisect_right(i: &mut Interp, a: Args<'_>) -> PyResult {
    bisect(i, a, "bisect_right", true)
}
fn insort_left(i: &mut Interp, a: Args<'_>) -> PyResult {
    insort(i, a, "insort_left", false)
}
fn insort_right(i: &mut Interp, a: Args<'_>) -> PyResult {
    insort(i, a, "insort_right", true)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "bisect_left", bisect_left);
    interp.add_function(m, "bisect_right", bisect_right);
    interp.add_function(m, "insort_left", insort_left);
    interp.add_function(m, "insort_right", insort_right);
    Ok(())
}
