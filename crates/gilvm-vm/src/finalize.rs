//! The interpreter's side of an object's death (`gilvm_object::lifecycle` has the order and
//! the why): running `__del__` (PEP 442: once per object, resurrection allowed), closing a
//! generator dropped while suspended, and calling weak reference callbacks; each reports an
//! exception as CPython 3.14 does ("Exception ignored while …" and the traceback on stderr)
//! and never lets it propagate.
//!
//! These run from a free path, deep inside whatever operation dropped the last reference,
//! where the thread's own `Interp` is borrowed further up the stack: they run on an
//! interpreter of their own (`Interp::nested`), which shares the thread's state. What
//! differs there: `sys.exc_info()` starts empty and a `threading.local` shows a fresh
//! namespace.
//!
//! # What differs from CPython
//! - At exit, `__main__`'s globals are set to None in the order they were bound
//!   (`run_main`), so objects alive in them are finalized; CPython 3.14 frees plain objects
//!   bound there in that order too, but frees containers (a list or dict of finalizable
//!   objects) after them, and a list's items last to first, where gilvm frees them first
//!   to last. Other modules' globals are not cleared.
//! - A class (always in a cycle in CPython) dies here when its last reference goes.
//!   Objects in reference cycles are finalized by the cycle collector (`modules/gc.rs`),
//!   through the same hooks, before it clears them.
//! - On the free-threaded build a non-owner's last decrement queues the object to its
//!   owner (biased counting): it dies, and its finalizer and callbacks run, at the owner's
//!   next merge or when the owner exits, as in CPython 3.14t. Functions, classes and
//!   modules bound in a module's namespace are immortal there (never finalized).
//! - "Exception ignored while closing generator": the traceback has no frame of the code
//!   that dropped the generator (CPython shows the frame that was running).
use gilvm_object::lifecycle::{self, Hooks};
use gilvm_object::types::lookup;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyErr;
use crate::interp::Interp;

/// Installs the hooks (once per process) and registers the generator type as finalizable.
pub fn install(generator_type: &ObjRef) {
    lifecycle::set_hooks(Hooks {
        finalize,
        can_run: Interp::can_nest,
        callbacks,
        native_pending,
    });
    lifecycle::register_finalizable(generator_type);
    crate::modules::gc::install();
}

/// Prints an exception ignored in a finalizer or callback: "Exception ignored {what}:" and
/// the traceback.
pub fn report_unraisable(interp: &mut Interp, what: &str, e: &PyErr) {
    let text = crate::traceback::format_exception(interp, e);
    crate::modules::io::flush_stdout();
    crate::modules::io::write_stderr(&format!("Exception ignored {what}:\n{text}"));
}

/// A generator still suspended (started, not finished) needs closing.
fn native_pending(p: Payload<'_>) -> bool {
    let Payload::Native(n) = p else { return false };
    // SAFETY: called from a free path, on an attached thread.
    let py = unsafe { gilvm_sync::Py::assume_attached() };
    n.data.with(py, |b| {
        b.downcast_ref::<crate::gen::GenState>()
            .is_some_and(crate::coro::needs_finalize)
    })
}

fn finalize(obj: &ObjRef) -> bool {
    Interp::nested(|interp| {
        let v = Value::Obj(obj.clone());
        match obj.payload() {
            Payload::Instance(i) => {
                let name = interp.intern("__del__");
                let Some(del) = lookup(interp.py, &i.class, &name) else {
                    return;
                };
                let r = match &del {
                    Value::Obj(f) if matches!(f.payload(), Payload::Function(_)) => {
                        interp.call1(&del, &[v])
                    }
                    _ => interp.call1(&del, &[]),
                };
                if let Err(e) = r {
                    let d = interp.repr(&del).unwrap_or_else(|_| "<object>".into());
                    report_unraisable(interp, &format!("while calling deallocator {d}"), &e);
                }
            }
            // Generators, coroutines, async generators (coro.rs).
            Payload::Native(_) if interp.gen_kind(&v).is_some() => {
                crate::coro::finalize(interp, &v)
            }
            _ => {}
        }
    })
    .is_some()
}

fn callbacks(calls: Vec<(ObjRef, Value)>) {
    let mut calls = Some(calls);
    Interp::nested(|interp| {
        for (wr, cb) in calls.take().unwrap_or_default() {
            if let Err(e) = interp.call1(&cb, &[Value::Obj(wr)]) {
                let d = interp.repr(&cb).unwrap_or_else(|_| "<object>".into());
                report_unraisable(interp, &format!("while calling weakref callback {d}"), &e);
            }
        }
    });
    drop(calls);
}
