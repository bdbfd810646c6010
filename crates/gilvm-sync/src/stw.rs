//! Words read without any synchronisation and written only with the world stopped.
//!
//! # What and why
//! Some fields are read on the hottest paths by every thread and written almost never: an
//! instance's class is read by every attribute access and method call, and written only by
//! `obj.__class__ = C`. A lock or even an atomic read-modify-write on the read side would
//! cost every access; CPython's free-threaded build makes such a write with the world
//! stopped (`object_set_class` under `_PyEval_StopTheWorld`), and so does gilvm: a
//! [`StwCell`] is read with a plain load, and written only while holding a
//! [`WorldStopped`] token, which [`Gil::with_world_stopped`](crate::Gil::with_world_stopped)
//! hands out while no other thread can touch an object.
//!
//! # Why a plain read is race-free
//! A reader is an attached thread. While a [`WorldStopped`] token exists:
//! - GIL on (always in the GIL build): its holder is the only attached thread, the others
//!   wait for the GIL or are detached, and taking and dropping the GIL synchronise;
//! - solo mode: no other thread is attached, and one that registers waits until this thread
//!   passes its next eval-breaker check (`world.rs`, invariant 7), which is after the token;
//! - otherwise the world is stopped (`world.rs`): every other registered thread is
//!   `SUSPENDED`, parked at an eval-breaker check or stopped while detached, and its
//!   transition to `SUSPENDED` (a release store or CAS, read with acquire by the stopper)
//!   orders its earlier reads before the write; the resume (release stores of `DETACHED`,
//!   acquired by the parked thread's wake-up and by its attach CAS) orders the write before
//!   its later reads.
//!
//! So every read happens before or after a write, never beside it. Loom checks this against
//! the production stop-the-world (`tests/loom_stw.rs`, with the variant that writes without
//! stopping the world: a data race on the cell).
//!
//! # What the writer must keep
//! A reader may load the old value before the stop and use it after the resume: it parked
//! in the middle of an operation (an attribute lookup that called Python code) holding
//! what it loaded. So what the old value refers to must stay valid for good, since gilvm
//! cannot tell when every such reader is done (it has no QSBR): the instance's old class is
//! made immortal (`gilvm-object`'s `ClassSlot::replace`). The loom model shows that freeing
//! it when the world restarts instead is caught (`hazard_` variant).
//!
//! Readers get a copy of the value, never a reference into the cell: a reference held across
//! a stop would alias the write.
use std::marker::PhantomData;

#[cfg(loom)]
use loom::cell::UnsafeCell;
#[cfg(not(loom))]
use std::cell::UnsafeCell;

/// Proof that no other thread can touch an object: only
/// [`Gil::with_world_stopped`](crate::Gil::with_world_stopped) makes one, and it lives
/// only for the closure it is passed to.
pub struct WorldStopped<'a> {
    _scope: PhantomData<&'a mut ()>,
    // Not `Send`: the token belongs to the stopping thread.
    _thread: PhantomData<*const ()>,
}

impl WorldStopped<'_> {
    /// # Safety
    /// No other thread may touch an object while the token exists (see the module docs).
    pub(crate) unsafe fn new() -> Self {
        WorldStopped {
            _scope: PhantomData,
            _thread: PhantomData,
        }
    }
}

/// A `Copy` value read with a plain load and written only with the world stopped. See the
/// module docs.
pub struct StwCell<T: Copy> {
    value: UnsafeCell<T>,
}

// SAFETY: reads are plain loads of a `Copy` value, and writes exclude every reader (module
// docs), so sharing the cell between threads shares only `T`s.
unsafe impl<T: Copy + Send> Sync for StwCell<T> {}

impl<T: Copy> StwCell<T> {
    pub fn new(value: T) -> StwCell<T> {
        StwCell {
            value: UnsafeCell::new(value),
        }
    }

    /// The value. The caller must be an attached thread (one that may touch objects), so
    /// that writes exclude it (module docs).
    #[inline(always)]
    pub fn get(&self) -> T {
        #[cfg(not(loom))]
        {
            // SAFETY: writes happen only with the world stopped, never beside this read.
            unsafe { *self.value.get() }
        }
        #[cfg(loom)]
        // SAFETY: as above; loom checks it.
        self.value.with(|p| unsafe { *p })
    }

    /// Replaces the value, returning the old one. What the old value refers to must stay
    /// valid for readers that loaded it before the stop (module docs).
    pub fn replace(&self, _stopped: &WorldStopped<'_>, value: T) -> T {
        #[cfg(not(loom))]
        {
            // SAFETY: no other thread reads or writes while the world is stopped.
            unsafe { std::mem::replace(&mut *self.value.get(), value) }
        }
        #[cfg(loom)]
        // SAFETY: as above; loom checks it.
        self.value
            .with_mut(|p| unsafe { std::mem::replace(&mut *p, value) })
    }
}
