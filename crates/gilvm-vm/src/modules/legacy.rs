//! `_gilvm_legacy`: a small native module that declares it needs the GIL.
//!
//! It stands in for an extension written for a GIL build: its counter is updated with a
//! separate load and store (`counter = counter + n`), which is correct only while a global
//! lock keeps other threads out of the native call. Importing it on the free-threaded build
//! (with `PYTHON_GIL` unset) turns the GIL on at run time (`gilctl.rs`); with `PYTHON_GIL=0`
//! the GIL stays off and concurrent `incr` calls can lose updates (never memory safety: the
//! word is an atomic, the race is only between the load and the store).
use std::sync::atomic::{AtomicI64, Ordering};

use gilvm_object::{ObjRef, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

static COUNTER: AtomicI64 = AtomicI64::new(0);

/// `incr(n=1)`: adds `n` with an unlocked read-modify-write; returns the new value.
fn incr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "incr", 0, 1)?;
    let n = match a.first() {
        None => 1,
        Some(Value::Int(i)) => *i,
        Some(v) => {
            let t = interp.type_name(v);
            return Err(
                interp.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            );
        }
    };
    let old = COUNTER.load(Ordering::Relaxed);
    // Widen the window between the load and the store a little, as real work would.
    std::hint::black_box((0..64).fold(old, |acc, i| acc ^ i));
    let new = old.wrapping_add(n);
    COUNTER.store(new, Ordering::Relaxed);
    Ok(Value::Int(new))
}

fn value(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "value", 0, 0)?;
    Ok(Value::Int(COUNTER.load(Ordering::Relaxed)))
}

fn reset(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "reset", 0, 0)?;
    COUNTER.store(0, Ordering::Relaxed);
    Ok(Value::None)
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    interp.add_function(m, "incr", incr);
    interp.add_function(m, "value", value);
    interp.add_function(m, "reset", reset);
    Ok(())
}
