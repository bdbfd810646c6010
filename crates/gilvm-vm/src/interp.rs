//! [`Interp`]: the state of one attached thread, and constructors for values.
//!
//! An `Interp` exists only while its thread is attached (it holds the attachment token).
//! Every operation that touches objects goes through it.
use gilvm_object::dict::PyDict;
use gilvm_object::list::PyList;
use gilvm_object::payload::{BuiltinFn, ErasedFn};
use gilvm_object::set::PySet;
use gilvm_object::str::{intern, PyStr};
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Py, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::globals::Globals;

/// A native function: receives the interpreter and the call's arguments.
pub type NativeFn = fn(&mut Interp, Args<'_>) -> PyResult;

/// Per-thread interpreter state.
pub struct Interp {
    /// Proof of attachment, valid while this Interp lives.
    pub py: Py<'static>,
    pub g: &'static Globals,
    /// Python call depth (for RecursionError).
    pub depth: u32,
    pub recursion_limit: u32,
    /// The exception being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Address near the base of this thread's native stack, and the usable size.
    stack_base: usize,
    stack_size: usize,
    /// Recycled vectors (argument lists and the like).
    pub(crate) pool: Vec<Vec<Value>>,
    /// Recycled frames, with their (cleared) local and stack vectors (`frame.rs`).
    pub(crate) frame_pool: Vec<Box<crate::frame::Frame>>,
    /// Files whose source lines tracebacks may show.
    pub(crate) thread_state: std::sync::Arc<gilvm_sync::ThreadState>,
    /// Per-thread dicts of `threading.local` objects, by the local object's id.
    pub(crate) thread_locals: std::collections::HashMap<u64, ObjRef>,
    /// A finalizer's interpreter (`Interp::nested`): not the thread's own, which it must
    /// not unregister when dropped.
    nested: bool,
    /// The frame `eval` is running on this thread (null outside Python code): what
    /// `globals()`, `locals()`, `exec()` and `eval()` see as their caller
    /// (`builtins/exec.rs`).
    pub(crate) cur_frame: *const crate::frame::Frame,
    /// `sys.settrace`/`sys.setprofile` hooks of this thread (`tracing.rs`).
    pub(crate) tracing: Option<Box<crate::tracing::Hooks>>,
}

/// What a finalizer running on this thread needs to build its own `Interp` (`nested`):
/// set while the thread's own `Interp` exists.
struct ThreadCtx {
    g: &'static Globals,
    thread_state: std::sync::Arc<gilvm_sync::ThreadState>,
    stack_base: usize,
    stack_size: usize,
}

thread_local! {
    static THREAD_CTX: std::cell::RefCell<Option<ThreadCtx>> = const { std::cell::RefCell::new(None) };
}

impl Interp {
    /// This thread's slot `key` of the per-thread storage (`threading.local` dicts by
    /// object address; native modules' per-thread state, such as `_contextvars`' current
    /// context, under keys near `u64::MAX`, which no address reaches).
    pub fn thread_slot(&self, key: u64) -> Option<&ObjRef> {
        self.thread_locals.get(&key)
    }

    /// Sets this thread's slot `key` (see [`Interp::thread_slot`]); returns the old value.
    pub fn set_thread_slot(&mut self, key: u64, v: Option<ObjRef>) -> Option<ObjRef> {
        match v {
            Some(v) => self.thread_locals.insert(key, v),
            None => self.thread_locals.remove(&key),
        }
    }

    /// Creates the state for the current, attached thread.
    ///
    /// # Safety
    /// The current thread must be attached (hold the GIL in the GIL build) for as long as the
    /// returned `Interp` is used.
    pub unsafe fn new_attached(
        g: &'static Globals,
        thread_state: std::sync::Arc<gilvm_sync::ThreadState>,
        stack_size: usize,
    ) -> Interp {
        let marker = 0u8;
        gilvm_object::objref::register_thread(&thread_state);
        crate::modules::monitoring::register_thread(&thread_state);
        THREAD_CTX.with(|c| {
            *c.borrow_mut() = Some(ThreadCtx {
                g,
                thread_state: thread_state.clone(),
                stack_base: &marker as *const u8 as usize,
                stack_size,
            })
        });
        Interp {
            // SAFETY: forwarded from this function's contract.
            py: unsafe { Py::assume_attached() },
            g,
            depth: 0,
            recursion_limit: g.recursion_limit.load(std::sync::atomic::Ordering::Relaxed),
            handled: Value::None,
            stack_base: &marker as *const u8 as usize,
            stack_size,
            pool: Vec::new(),
            frame_pool: Vec::new(),
            thread_state,
            thread_locals: std::collections::HashMap::new(),
            nested: false,
            cur_frame: std::ptr::null(),
            tracing: None,
        }
    }

    /// The current thread's state, when its `Interp` exists (the cycle collector's
    /// "collect soon" hook sets its eval-breaker bit).
    pub(crate) fn current_thread_state() -> Option<std::sync::Arc<gilvm_sync::ThreadState>> {
        THREAD_CTX.with(|c| {
            c.try_borrow()
                .ok()
                .and_then(|c| c.as_ref().map(|c| c.thread_state.clone()))
        })
    }

    /// Whether this thread can run Python code from a free path now (its own `Interp`
    /// exists: see `lifecycle.rs` in the object model).
    pub fn can_nest() -> bool {
        THREAD_CTX.with(|c| c.try_borrow().is_ok_and(|c| c.is_some()))
    }

    /// Runs `f` with an interpreter of its own on this (attached) thread, for code that runs
    /// from an object's free path (finalizers, weak reference callbacks), where the
    /// thread's own `Interp` is borrowed further up the stack. It shares the thread's state
    /// and native stack bounds, and starts with no exception being handled. None when the
    /// thread has no `Interp` (it is exiting).
    pub fn nested<R>(f: impl FnOnce(&mut Interp) -> R) -> Option<R> {
        let ctx = THREAD_CTX.with(|c| {
            c.try_borrow().ok().and_then(|c| {
                c.as_ref()
                    .map(|c| (c.g, c.thread_state.clone(), c.stack_base, c.stack_size))
            })
        })?;
        let (g, thread_state, stack_base, stack_size) = ctx;
        let mut interp = Interp {
            // SAFETY: the thread's own Interp exists (THREAD_CTX is set), so it is attached.
            py: unsafe { Py::assume_attached() },
            g,
            depth: 0,
            recursion_limit: g.recursion_limit.load(std::sync::atomic::Ordering::Relaxed),
            handled: Value::None,
            stack_base,
            stack_size,
            pool: Vec::new(),
            frame_pool: Vec::new(),
            thread_state,
            thread_locals: std::collections::HashMap::new(),
            nested: true,
            cur_frame: std::ptr::null(),
            tracing: None,
        };
        Some(f(&mut interp))
    }

    /// True when the native stack is nearly exhausted.
    #[inline]
    /// Bytes of native stack in use below this thread's base (RecursionError messages).
    pub fn stack_used(&self) -> usize {
        let marker = 0u8;
        self.stack_base
            .saturating_sub(&marker as *const u8 as usize)
    }

    pub fn stack_exhausted(&self) -> bool {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        self.stack_base.saturating_sub(here) + 256 * 1024 > self.stack_size
    }

    // ---- constructors ----

    #[inline]
    pub fn new_obj(&self, p: Owned) -> ObjRef {
        ObjRef::new(self.py, p)
    }
    pub fn new_str(&self, s: impl Into<Box<str>>) -> Value {
        Value::Obj(ObjRef::new(self.py, Owned::Str(PyStr::new(s))))
    }
    pub fn intern(&self, s: &str) -> ObjRef {
        intern(self.py, s)
    }
    pub fn new_list(&self, v: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(self.py, Owned::List(PyList::new(v))))
    }
    pub fn new_tuple(&self, v: Vec<Value>) -> Value {
        if v.is_empty() {
            return Value::Obj(self.g.empty_tuple.clone());
        }
        Value::Obj(ObjRef::new(self.py, Owned::Tuple(v.into_boxed_slice())))
    }
    pub fn new_dict_obj(&self) -> ObjRef {
        ObjRef::new(self.py, Owned::Dict(PyDict::new()))
    }
    pub fn new_set(&self) -> ObjRef {
        ObjRef::new(self.py, Owned::Set(PySet::new()))
    }
    pub fn new_bigint(&self, v: num_bigint::BigInt) -> Value {
        Value::from_bigint(self.py, v)
    }
    /// A builtin function object.
    pub fn new_native(&self, name: &'static str, f: NativeFn) -> Value {
        Value::Obj(ObjRef::new(
            self.py,
            Owned::BuiltinFunction(BuiltinFn {
                name,
                func: ErasedFn(f as *const ()),
                receiver: None,
                data: Value::None,
            }),
        ))
    }
    /// A builtin function carrying extra data.
    pub fn new_native_with(&self, name: &'static str, f: NativeFn, data: Value) -> Value {
        Value::Obj(ObjRef::new(
            self.py,
            Owned::BuiltinFunction(BuiltinFn {
                name,
                func: ErasedFn(f as *const ()),
                receiver: None,
                data,
            }),
        ))
    }
    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.g.not_implemented.clone())
    }
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.g.not_implemented))
    }

    /// Takes a cleared vector from the pool.
    #[inline(always)]
    pub(crate) fn take_vec(&mut self, cap: usize) -> Vec<Value> {
        match self.pool.pop() {
            Some(mut v) => {
                v.reserve(cap);
                v
            }
            None => Vec::with_capacity(cap.max(8)),
        }
    }
    /// Returns a vector to the pool.
    #[inline(always)]
    pub(crate) fn give_vec(&mut self, mut v: Vec<Value>) {
        v.clear();
        if self.pool.len() < 64 && v.capacity() <= 256 {
            self.pool.push(v);
        }
    }

    /// The eval-breaker word of this thread.
    pub fn thread_state(&self) -> &gilvm_sync::ThreadState {
        &self.thread_state
    }
}

impl Drop for Interp {
    fn drop(&mut self) {
        // Thread-local storage dicts and every other reference this thread holds die with
        // the thread *before* it unregisters: an owner's decrement after unregistering would
        // leak (the loom model's hazard test).
        self.thread_locals.clear();
        self.handled = Value::None;
        self.tracing = None;
        self.pool.clear();
        self.frame_pool.clear();
        if self.nested {
            return;
        }
        // Objects still queued to this thread die here: their finalizers and weak
        // reference callbacks run on this thread (a pusher that finds the queue gone from
        // now on merges and frees on its own thread).
        gilvm_object::objref::unregister_thread(self.py, &self.thread_state);
        // Finalizers do not run past this point (the thread is leaving).
        THREAD_CTX.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                *c = None;
            }
        });
    }
}

/// Recovers a native function pointer.
#[inline(always)]
pub fn native_fn(f: ErasedFn) -> NativeFn {
    // SAFETY: every ErasedFn in the VM is created by `Interp::new_native*` from a `NativeFn`,
    // so converting the pointer back to that exact type is sound.
    unsafe { std::mem::transmute::<*const (), NativeFn>(f.0) }
}
