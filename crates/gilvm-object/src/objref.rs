//! `PyObject` (header + payload) and the owning smart pointer [`ObjRef`].
//!
//! `ObjRef` is the only way the VM holds a heap object: `Clone` increments the count,
//! `Drop` decrements it and frees the object at zero. It is `!Send` and `!Sync` (it holds a
//! raw pointer), so a reference cannot leave the thread that holds it except through
//! [`SendRef`], whose creation and unwrapping require the attachment token.
//!
//! # Why the GIL build's non-atomic counts are sound
//! Count operations happen only in `Clone`/`Drop` of an `ObjRef`. An `ObjRef` exists only
//! on a thread that obtained it while attached (holding the GIL): the only ways to get one
//! are from another `ObjRef` on the same thread, from a payload read under a [`Py`] token,
//! or by unwrapping a `SendRef` with a token. Detached code (`detach(|| …)` closures, which
//! must be `Send`) cannot capture an `ObjRef`. A thread that detaches keeps its `ObjRef`s
//! on its stack but does not run code that touches them until it re-attaches. Hence all
//! count operations on all threads are serialised by the GIL.
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;

use gilvm_sync::Py;

use crate::header::{Dec, Header};
use crate::payload::{Kind, Owned, Payload};

/// The common beginning of every heap object: the header (counts and kind tag). An
/// `ObjRef` points here; the payload follows at the offset its kind's `Obj<T>` gives it
/// (see `payload::payload_kinds`). `repr(C)` keeps the header at offset 0 (merge queues
/// store object addresses).
#[repr(C)]
pub struct PyObject {
    pub(crate) header: Header,
}

/// A heap object of a kind whose payload type is `T`.
#[repr(C)]
pub(crate) struct Obj<T> {
    pub(crate) header: Header,
    pub(crate) data: T,
}

/// An owned reference to a heap object. See the module docs.
pub struct ObjRef {
    ptr: NonNull<PyObject>,
    _marker: PhantomData<PyObject>,
}

impl ObjRef {
    /// Allocates a new object with count 1.
    #[inline]
    pub fn new(_py: Py<'_>, payload: Owned) -> ObjRef {
        let ptr = Kind::alloc(payload);
        // The cycle collector's table (`gc.rs`).
        crate::gc::on_alloc(ptr);
        ObjRef {
            ptr,
            _marker: PhantomData,
        }
    }

    /// The address as a pointer (for the object model's own bookkeeping).
    #[inline(always)]
    pub(crate) fn as_nonnull(&self) -> NonNull<PyObject> {
        self.ptr
    }

    /// Allocates an immortal object (never counted, never freed).
    pub fn new_immortal(py: Py<'_>, payload: Owned) -> ObjRef {
        let r = ObjRef::new(py, payload);
        r.header().make_immortal();
        r
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: `ptr` points to a live PyObject: this ObjRef owns one count.
        unsafe { &self.ptr.as_ref().header }
    }

    /// A view of the payload.
    #[inline(always)]
    pub fn payload(&self) -> Payload<'_> {
        // SAFETY: `ptr` points to a live object allocated by `Kind::alloc`, kept alive for
        // the borrow of `self` by the count this ObjRef owns.
        unsafe { Kind::view(self.ptr) }
    }

    /// The object's kind.
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        Kind::from_tag(self.header().kind())
    }

    /// Same object?
    #[inline(always)]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.ptr == other.ptr
    }

    /// The address, used for `id()` and for lock ordering.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The current count (for tests and `sys.getrefcount`).
    pub fn ref_count(&self) -> u32 {
        self.header().count()
    }

    /// Is this reference the only one, held by the calling thread? Then no other thread can
    /// reach the object (see `Header::is_unique_to_current_thread`), and the object's
    /// [`ObjCell`](gilvm_sync::ObjCell) may be entered with `exclusive = true`.
    #[inline(always)]
    pub fn is_exclusive(&self) -> bool {
        self.header().is_unique_to_current_thread()
    }

    /// Marks the object as weakly referenced (`weakref.rs`; sticky).
    pub fn set_weakly_referenced(&self) {
        if !self.is_immortal() {
            self.header().set_weakly_referenced()
        }
    }

    /// Has the object ever been weakly referenced (or is it a weak reference)?
    #[inline(always)]
    pub fn is_weakly_referenced(&self) -> bool {
        self.header().is_weakly_referenced()
    }

    /// Takes ownership of a count already taken on the object at `ptr`.
    ///
    /// # Safety
    /// `ptr` must point to a live object, and the caller must own one count of it, which
    /// passes to the returned `ObjRef`.
    #[inline]
    pub(crate) unsafe fn from_raw_owned(ptr: NonNull<PyObject>) -> ObjRef {
        ObjRef {
            ptr,
            _marker: PhantomData,
        }
    }

    /// Makes this object immortal.
    pub fn make_immortal(&self) {
        self.header().make_immortal()
    }

    /// Is this object immortal (never counted, never freed)?
    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.header().is_immortal()
    }

    /// A reference to an immortal object from its address (no count is taken: immortal
    /// objects are never counted).
    ///
    /// # Safety
    /// `addr` must be the address of a live immortal object.
    #[inline(always)]
    pub unsafe fn from_immortal_addr(addr: usize) -> ObjRef {
        ObjRef {
            // SAFETY: non-null by the caller's contract.
            ptr: unsafe { NonNull::new_unchecked(addr as *mut PyObject) },
            _marker: PhantomData,
        }
    }

    /// Is this object counted per thread (free-threaded build: published, see
    /// `header.rs`, "Per-thread counts")? Always false in the GIL build.
    #[inline(always)]
    pub fn is_per_thread(&self) -> bool {
        self.header().is_per_thread()
    }

    /// Switches this object to per-thread reference counts, if the calling thread owns it
    /// (free-threaded build; false otherwise, and always in the GIL build: the object is
    /// then counted as before).
    pub fn count_per_thread(&self) -> bool {
        crate::header::PUBLISH_PER_THREAD && self.header().make_per_thread(self.addr())
    }

    /// The collector's demotion of a per-thread counted object (`gc.rs`; public for the
    /// loom model): with the world stopped, every thread's count is folded into the header,
    /// the index freed, and the object left with an ordinary count, which is returned.
    pub fn demote_per_thread(&self, w: &gilvm_sync::stw::WorldStopped<'_>) -> i64 {
        self.header().demote_stopped(w)
    }

    /// Called when the object is stored in a namespace every thread reads (a module's or a
    /// class's). In the free-threaded build, functions, classes and modules published this
    /// way, with their code, globals, defaults and namespace, are switched to per-thread
    /// reference counts (`header.rs`, "Per-thread counts"), so threads that call them do
    /// not all write one shared counter, and the cycle collector still frees them once
    /// unreachable. Builtin functions and shared-by-design native objects (a nonzero
    /// `NativeObj::tag`: `threading.local`) become immortal (the latter in both builds).
    /// No-op for anything else, and (but for tagged natives) in the GIL build.
    #[inline]
    pub fn publish_shared(&self) {
        match self.payload() {
            Payload::Native(n) if n.tag != 0 => self.make_immortal(),
            _ if !crate::header::PUBLISH_PER_THREAD => {}
            Payload::Function(f) => {
                self.count_per_thread();
                f.code.count_per_thread();
                f.globals.count_per_thread();
                if let Some(d) = &*f.defaults {
                    d.count_per_thread();
                }
            }
            Payload::Type(t) => {
                self.count_per_thread();
                t.dict.count_per_thread();
                if let Some(m) = &t.metatype {
                    m.publish_shared();
                }
            }
            Payload::Module(m) => {
                self.count_per_thread();
                m.dict.count_per_thread();
            }
            Payload::BuiltinFunction(_) => self.make_immortal(),
            _ => {}
        }
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        self.header().incref();
        ObjRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        match self.header().decref_action() {
            Dec::Nothing => {}
            Dec::Free => free(self.ptr),
            Dec::Queue(owner) => queue_to_owner(self.ptr, owner),
        }
    }
}

/// Queues an object to its owner for a merge (free-threaded build), or merges it here when
/// the owner has exited. The queue holds the reference being dropped.
#[cold]
#[inline(never)]
fn queue_to_owner(ptr: NonNull<PyObject>, owner: u64) {
    if owner != 0 && gilvm_sync::brc::push(owner, ptr.as_ptr() as usize) {
        return;
    }
    #[cfg(loom)]
    if gilvm_sync::sync::broken::active(gilvm_sync::sync::broken::Bug::QueueFallbackMissing) {
        return;
    }
    merge_queued(ptr.as_ptr() as usize);
}

/// Merges one queued object (its queue reference is dropped) and frees it if dead.
fn merge_queued(addr: usize) {
    gilvm_sync::stats::merged();
    let ptr = addr as *mut PyObject;
    // SAFETY: the address was queued by `queue_to_owner`, and the queue holds a reference,
    // so the object is alive; the header is at offset 0 of a `repr(C)` PyObject.
    let count = unsafe { (*ptr).header.explicit_merge(-1) };
    if count == 0 {
        // SAFETY: non-null, from `Kind::alloc` in `ObjRef::new`.
        free(unsafe { NonNull::new_unchecked(ptr) });
    }
}

/// Drains the merge queue of the current thread (called by the owner at its eval-breaker
/// check, with `MERGE_REFS` set).
pub fn drain_merge_queue(_py: Py<'_>, ts: &gilvm_sync::ThreadState) {
    for addr in gilvm_sync::brc::take_queued(ts) {
        merge_queued(addr);
    }
}

/// Registers the current (attached) thread as an owner that can receive merges.
pub fn register_thread(ts: &std::sync::Arc<gilvm_sync::ThreadState>) {
    if gilvm_sync::FREE_THREADING {
        gilvm_sync::brc::register(ts);
    }
}

/// Thread exit: drains and unregisters the current thread's merge queue. Objects it still
/// owns are merged later by whoever would have queued them.
pub fn unregister_thread(_py: Py<'_>, ts: &gilvm_sync::ThreadState) {
    if gilvm_sync::FREE_THREADING {
        for addr in gilvm_sync::brc::unregister(ts.id) {
            merge_queued(addr);
        }
        drain_merge_queue(_py, ts);
        merge_per_thread_counts(_py);
    }
}

/// Thread exit: folds the calling thread's per-thread counts into the objects' shared
/// counts (`gilvm_sync::ptrc`, invariant 3: the caller is attached and makes no
/// eval-breaker check until this returns, so a collection sees each count once).
pub fn merge_per_thread_counts(_py: Py<'_>) {
    for (addr, delta) in gilvm_sync::ptrc::take_current() {
        // SAFETY: a nonzero entry names a per-thread object, which is freed only after the
        // collector zeroed every entry of its index with the world stopped (`ptrc`
        // invariant 4), and no collection runs before this loop ends: the object is alive.
        // The header is at offset 0 of a `repr(C)` object.
        unsafe { (*(addr as *const PyObject)).header.merge_per_thread(delta) };
    }
}

#[inline(never)]
fn free(ptr: NonNull<PyObject>) {
    // Weak references to clear, or a finalizer to run (`lifecycle.rs`): the first check is
    // a bit of the header, the second the kind and, for an instance, its class's cached
    // flags.
    // SAFETY: the count reached zero; the object is still allocated.
    let weak = unsafe { (*ptr.as_ptr()).header.is_weakly_referenced() };
    if (weak || crate::lifecycle::may_finalize(ptr)) && !crate::lifecycle::before_free(ptr, weak) {
        return;
    }
    // Model checking: record the free and drop the payload, but keep the header, so that a
    // later access is reported by the header's check instead of being undefined behaviour;
    // the model releases the memory with `loom_reclaim`.
    #[cfg(loom)]
    // SAFETY: as below; the header stays allocated until `loom_reclaim`.
    unsafe {
        (*ptr.as_ptr()).header.loom_mark_freed();
        Kind::loom_drop_payload(ptr);
    }
    #[cfg(not(loom))]
    crate::gc::on_free(ptr);
    #[cfg(not(loom))]
    // SAFETY: the count reached zero, so no other ObjRef to this object exists; it was
    // allocated by `Kind::alloc` in `ObjRef::new`. Freeing drops the payload, which
    // releases the references it held (possibly freeing more objects).
    unsafe {
        Kind::free(ptr)
    };
}

/// Model checking: has the object at `addr` been freed?
///
/// # Safety
/// `addr` must come from [`ObjRef::addr`] of an object not yet passed to [`loom_reclaim`].
#[cfg(loom)]
pub unsafe fn loom_is_freed(addr: usize) -> bool {
    // SAFETY: under loom, `free` keeps the header allocated (caller's contract).
    unsafe { (*(addr as *const PyObject)).header.loom_is_freed() }
}

/// Model checking: asserts the object at `addr` was freed (it did not leak) and releases
/// its memory.
///
/// # Safety
/// As [`loom_is_freed`]; no thread may touch the object afterwards.
#[cfg(loom)]
pub unsafe fn loom_reclaim(addr: usize) {
    // SAFETY: caller's contract.
    assert!(unsafe { loom_is_freed(addr) }, "object leaked: never freed");
    // SAFETY: the payload was dropped by `free` (caller's contract); `loom_release` drops
    // the header and releases the memory with the layout `Kind::alloc` used.
    unsafe { Kind::loom_release(NonNull::new_unchecked(addr as *mut PyObject)) }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{} object at {:#x}>",
            self.payload().kind_name(),
            self.addr()
        )
    }
}

/// An `ObjRef` in transit to another thread (a thread's target function, a value put in a
/// queue). Creating and unwrapping it both need a [`Py`] token, so the reference is only
/// ever touched by attached threads.
pub struct SendRef(ObjRef);

// SAFETY: a SendRef's inner reference is only reachable through `into_inner`, which needs a
// Py token, i.e. an attached thread. In the GIL build attached threads are serialised by the
// GIL, so moving the (non-atomic) count between threads is sound; in the free-threaded
// build the counts are thread-safe.
unsafe impl Send for SendRef {}

impl SendRef {
    /// Wraps a reference for transfer.
    pub fn new(_py: Py<'_>, r: ObjRef) -> SendRef {
        SendRef(r)
    }
    /// Unwraps on the receiving (attached) thread.
    pub fn into_inner(self, _py: Py<'_>) -> ObjRef {
        self.0
    }
    /// A new reference to the object, leaving this one in place (attached threads only).
    pub fn peek(&self, _py: Py<'_>) -> ObjRef {
        self.0.clone()
    }
}
