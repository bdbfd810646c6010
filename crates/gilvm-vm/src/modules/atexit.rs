//! The `atexit` module: functions run at interpreter exit, last registered first.
//!
//! The callbacks run from [`run_exitfuncs`], called by `sys::shutdown` after `threading`'s
//! non-daemon threads were joined, on every exit path of the main module (normal end,
//! uncaught exception, `sys.exit`, `KeyboardInterrupt`). An exception in a callback is
//! printed as CPython 3.14 prints it ("Exception ignored in atexit callback ...") and the
//! other callbacks still run.
use std::sync::OnceLock;

use gilvm_object::list::PyList;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The registered callbacks: an immortal list of `(func, args, kwargs or None)` tuples.
struct Callbacks(ObjRef);
// SAFETY: the list is immortal (its count is never written) and its items are behind its
// ObjCell, which requires a Py token (the GIL, or the list's lock in the free-threaded
// build).
unsafe impl Sync for Callbacks {}
// SAFETY: as above.
unsafe impl Send for Callbacks {}
static CALLBACKS: OnceLock<Callbacks> = OnceLock::new();

fn callbacks(interp: &Interp) -> &'static ObjRef {
    if let Some(c) = CALLBACKS.get() {
        return &c.0;
    }
    let Value::Obj(l) = interp.new_list(vec![]) else {
        unreachable!("new_list returns an object")
    };
    l.make_immortal();
    let _ = CALLBACKS.set(Callbacks(l));
    &CALLBACKS.get().expect("just set").0
}

fn list(interp: &Interp) -> &'static PyList {
    match callbacks(interp).payload() {
        Payload::List(l) => l,
        _ => unreachable!("the callbacks object is a list"),
    }
}

fn register(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(func) = pos.first().cloned() else {
        return Err(interp.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !crate::modules::collections::is_callable(interp, &func) {
        return Err(interp.type_error("the first argument must be callable"));
    }
    let fargs = interp.new_tuple(pos[1..].to_vec());
    let kwargs = if args.has_kwargs() {
        let d = interp.new_dict_obj();
        for (k, v) in args.kwargs() {
            let key = interp.new_str(k);
            interp.dict_set(&d, key, v.clone())?;
        }
        Value::Obj(d)
    } else {
        Value::None
    };
    let entry = interp.new_tuple(vec![func.clone(), fargs, kwargs]);
    list(interp).append(interp.py, entry);
    Ok(func)
}

fn entry_parts(e: &Value) -> (Value, Value, Value) {
    match e {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) if t.len() == 3 => (t[0].clone(), t[1].clone(), t[2].clone()),
            _ => (Value::None, Value::None, Value::None),
        },
        _ => (Value::None, Value::None, Value::None),
    }
}

fn unregister(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "unregister", 1, 1)?;
    let target = a[0].clone();
    // Compare outside the list's lock (`==` may run Python code), then remove by identity.
    let snapshot: Vec<Value> = list(interp).snapshot(interp.py);
    for (i, e) in snapshot.iter().enumerate() {
        let (f, _, _) = entry_parts(e);
        if interp.eq(&f, &target)? {
            drop(list(interp).remove_identical(interp.py, e, i));
        }
    }
    Ok(Value::None)
}

fn clear(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_clear", 0, 0)?;
    drop(list(interp).clear(interp.py));
    Ok(Value::None)
}

fn ncallbacks(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_ncallbacks", 0, 0)?;
    Ok(Value::Int(list(interp).len(interp.py) as i64))
}

fn run_exitfuncs_py(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "_run_exitfuncs", 0, 0)?;
    run_exitfuncs(interp);
    Ok(Value::None)
}

/// Runs and clears the registered callbacks, last registered first. Exceptions are
/// reported on stderr and do not stop the others.
pub fn run_exitfuncs(interp: &mut Interp) {
    if CALLBACKS.get().is_none() {
        return;
    }
    let entries = list(interp).clear(interp.py);
    for e in entries.iter().rev() {
        let (f, fargs, kwargs) = entry_parts(e);
        let kw = if kwargs.is_none() {
            None
        } else {
            Some(&kwargs)
        };
        if let Err(err) = interp.call_ex(&f, &fargs, kw) {
            let r = interp.repr(&f).unwrap_or_else(|_| "<object>".into());
            let text = crate::traceback::format_exception(interp, &err);
            crate::modules::io::write_stderr(&format!(
                "Exception ignored in atexit callback {r}:\n{text}"
            ));
        }
    }
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    callbacks(interp);
    interp.add_function(m, "register", register);
    interp.add_function(m, "unregister", unregister);
    interp.add_function(m, "_clear", clear);
    interp.add_function(m, "_ncallbacks", ncallbacks);
    interp.add_function(m, "_run_exitfuncs", run_exitfuncs_py);
    Ok(())
}
