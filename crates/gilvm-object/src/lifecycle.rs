//! What happens between an object's count reaching zero and its memory being released:
//! finalizers (`__del__`, a suspended generator's close) and weak references.
//!
//! # What and why
//! `ObjRef`'s free path (`objref.rs`, `free`) asks two cheap questions first: is the
//! header's "weakly referenced" bit set (`weakref.rs`), and may the object have a
//! finalizer ([`may_finalize`]: an instance whose class's cached flags say `__del__`, or a
//! native object of a class the VM registered with [`register_finalizable`], its
//! generators). Objects for which both answers are no, nearly all, go straight to their
//! release. The others come here ([`before_free`]), in CPython's order (`subtype_dealloc`):
//!
//! 1. The finalizer, once per object (PEP 442): the object is given a reference again
//!    (`Header::resurrect`), its address recorded in `FINALIZED`, and the VM's hook runs
//!    the finalizer with that reference. Then the reference is dropped: if the finalizer
//!    stored the object somewhere it lives on (resurrected), and when it dies again the
//!    record says "finalized" and step 1 is skipped; otherwise this drop reaches zero
//!    again and comes back here, to step 2.
//! 2. Weak references are cleared (`weakref::clear`), then the callbacks of those that
//!    are still alive run, newest first, each with its weak reference object.
//!
//! This crate knows nothing of the interpreter: the VM installs [`Hooks`] once at start-up.
//! A hook that cannot run Python code (no interpreter on this thread: a thread that is
//! exiting) says so, and the object is freed without its finalizer; callbacks are then
//! dropped uncalled.
//!
//! # Invariants
//! - The hooks run with no lock of this crate held (the weak-reference table's lock is
//!   released before the callbacks run), and never inside a container's critical section:
//!   containers drop removed values after their sections (`list.rs` invariant 1).
//! - An address in `FINALIZED` is that of a live object (removed when the object is freed
//!   for good), so a new object at a reused address is never taken for finalized.
use std::collections::HashSet;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::objref::{ObjRef, PyObject};
use crate::payload::{Kind, Payload};
use crate::types::HOOK_DEL;
use crate::value::Value;

/// The interpreter's side of finalization.
pub struct Hooks {
    /// Runs `obj`'s finalizer (its count is 1, owned by the caller). Returns false when no
    /// Python code can run on this thread (the finalizer was not run).
    pub finalize: fn(&ObjRef) -> bool,
    /// Whether Python code can run on this thread now.
    pub can_run: fn() -> bool,
    /// Calls each weak reference callback with its weak reference object.
    pub callbacks: fn(Vec<(ObjRef, Value)>),
    /// Does this native object of a registered class need its finalizer (a generator
    /// still suspended)? Generators need no "finalized" record: closing one finishes it.
    pub native_pending: fn(Payload<'_>) -> bool,
}

static HOOKS: OnceLock<Hooks> = OnceLock::new();

/// Installs the interpreter's hooks (once per process; later calls are ignored).
pub fn set_hooks(h: Hooks) {
    let _ = HOOKS.set(h);
}

/// The native classes whose instances have a finalizer (generators), by address.
static FINALIZABLE: [AtomicUsize; 4] = [const { AtomicUsize::new(0) }; 4];

/// Registers a native class (immortal) whose instances need the finalize hook.
pub fn register_finalizable(class: &ObjRef) {
    for slot in &FINALIZABLE {
        if slot
            .compare_exchange(0, class.addr(), Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
            || slot.load(Ordering::Acquire) == class.addr()
        {
            return;
        }
    }
}

/// Objects whose finalizer ran and which were resurrected, or are being finalized.
static FINALIZED: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

fn finalized_take(addr: usize) -> bool {
    let mut g = FINALIZED.lock().unwrap_or_else(|e| e.into_inner());
    g.as_mut().is_some_and(|s| s.remove(&addr))
}

fn finalized_put(addr: usize) {
    let mut g = FINALIZED.lock().unwrap_or_else(|e| e.into_inner());
    g.get_or_insert_with(HashSet::new).insert(addr);
}

/// Has the finalizer of the object at `addr` run (and the object survived)?
/// (`gc.is_finalized`.)
pub fn is_finalized(addr: usize) -> bool {
    let g = FINALIZED.lock().unwrap_or_else(|e| e.into_inner());
    g.as_ref().is_some_and(|s| s.contains(&addr))
}

/// Is `o` (alive) an object whose finalizer the cycle collector must run before clearing
/// it: an instance with `__del__` not finalized yet, or a suspended generator?
pub(crate) fn needs_finalizer(o: &ObjRef) -> bool {
    let ptr = o.as_nonnull();
    may_finalize(ptr) && !(o.kind() == Kind::Instance && is_finalized(o.addr()))
}

/// Runs the finalizer of a garbage object found by the cycle collector (PEP 442: the
/// object is recorded as finalized first, so it never runs again). False when no Python
/// code can run on this thread.
pub fn gc_finalize(o: &ObjRef) -> bool {
    let Some(hooks) = HOOKS.get() else {
        return false;
    };
    if !(hooks.can_run)() {
        return false;
    }
    if o.kind() == Kind::Instance {
        finalized_put(o.addr());
    }
    (hooks.finalize)(o)
}

/// Calls weak reference callbacks (the cycle collector's, after clearing them).
pub fn gc_callbacks(calls: Vec<(ObjRef, Value)>) {
    if calls.is_empty() {
        return;
    }
    match HOOKS.get() {
        Some(h) if (h.can_run)() => (h.callbacks)(calls),
        _ => drop(calls),
    }
}

/// May the dying object at `ptr` have a finalizer? (Its count is 0; it is allocated.)
#[inline]
pub(crate) fn may_finalize(ptr: NonNull<PyObject>) -> bool {
    // SAFETY: the object is allocated (its free path calls this before releasing it).
    let kind = Kind::from_tag(unsafe { (*ptr.as_ptr()).header.kind() });
    match kind {
        Kind::Instance | Kind::Native => {}
        _ => return false,
    }
    // SAFETY: as above; the payload is intact.
    match unsafe { Kind::view(ptr) } {
        Payload::Instance(i) => {
            // SAFETY: objects are only freed by attached threads (see `objref.rs`).
            let py = unsafe { gilvm_sync::Py::assume_attached() };
            i.class_type().attr_hooks(py) & HOOK_DEL != 0
        }
        p @ Payload::Native(n) => {
            let a = n.class.addr();
            FINALIZABLE.iter().any(|s| s.load(Ordering::Relaxed) == a)
                && HOOKS.get().is_some_and(|h| (h.native_pending)(p))
        }
        _ => false,
    }
}

/// Steps 1 and 2 of the module docs for the dying object at `ptr`. Returns true when the
/// caller is to release the object now, false when it was handled here (finalized: freed
/// by the drop of the finalizer's reference, or resurrected).
pub(crate) fn before_free(ptr: NonNull<PyObject>, weak: bool) -> bool {
    let addr = ptr.as_ptr() as usize;
    let Some(hooks) = HOOKS.get() else {
        if weak {
            drop(crate::weakref::clear(addr));
        }
        return true;
    };
    // SAFETY: the object is allocated.
    let instance = unsafe { (*ptr.as_ptr()).header.kind() } == Kind::Instance as u8;
    if may_finalize(ptr) && !(instance && finalized_take(addr)) && (hooks.can_run)() {
        if instance {
            finalized_put(addr);
        }
        // SAFETY: the count is 0 and only this thread frees the object; it is given one
        // count again, owned by `obj`.
        let obj = unsafe {
            (*ptr.as_ptr()).header.resurrect();
            ObjRef::from_raw_owned(ptr)
        };
        if (hooks.finalize)(&obj) {
            // Either the last reference (back here, past step 1) or a resurrection.
            drop(obj);
            return false;
        }
        // Could not run after all: forget the record and free without the finalizer.
        if instance {
            finalized_take(addr);
        }
        std::mem::forget(obj);
    }
    if weak {
        let calls = crate::weakref::clear(addr);
        if !calls.is_empty() {
            if (hooks.can_run)() {
                (hooks.callbacks)(calls);
            } else {
                drop(calls);
            }
        }
    }
    true
}
