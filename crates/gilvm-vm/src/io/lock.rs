//! `IoLock`: the lock of one stream object (a buffered or text stream, a `BytesIO`, a
//! `StringIO`).
//!
//! # What and why
//! CPython's buffered objects take their own lock around each operation (and its
//! free-threaded build puts `StringIO`/`BytesIO`/`TextIOWrapper` methods in a critical
//! section), so that two threads writing to one file object never lose or interleave a
//! write. An operation may run for long: a system call (detached from the VM) or, when the
//! stream wraps a Python object, Python code. So the lock is not an `ObjCell` (whose
//! closures must not run Python code) but a mutex held for the whole operation.
//!
//! # Invariants
//! * A thread waits for the lock detached from the VM (`threads::detach`): the holder may
//!   need the GIL (or a stop-the-world) to finish, and must get it.
//! * A thread that already holds the lock and asks for it again (a stream method called
//!   back from the Python object it wraps) gets CPython's `RuntimeError("reentrant call
//!   inside ...")` instead of a deadlock: the lock records its holder.
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::lock_api::RawMutex as _;

use crate::error::PyResult;
use crate::interp::Interp;

/// A mutex held across a whole stream operation (see the module essay).
pub struct IoLock<T> {
    raw: parking_lot::RawMutex,
    owner: AtomicU64,
    data: UnsafeCell<T>,
}

// SAFETY: the data is only reached through a guard, which exists only while `raw` is held
// by the guard's thread; `T: Send` lets that thread be any thread.
unsafe impl<T: Send> Sync for IoLock<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Send for IoLock<T> {}

/// An identity of the current thread (the address of a thread-local), never 0.
fn me() -> u64 {
    thread_local!(static ID: u8 = const { 0 });
    ID.with(|t| t as *const u8 as u64)
}

impl<T> IoLock<T> {
    pub fn new(v: T) -> IoLock<T> {
        IoLock {
            raw: parking_lot::RawMutex::INIT,
            owner: AtomicU64::new(0),
            data: UnsafeCell::new(v),
        }
    }

    /// Takes the lock for one operation of the stream `what` (named in the reentrancy
    /// error), waiting detached from the VM when another thread holds it.
    pub fn lock(&self, interp: &mut Interp, what: &str) -> PyResult<IoGuard<'_, T>> {
        let me = me();
        if !self.raw.try_lock() {
            if self.owner.load(Ordering::Relaxed) == me {
                return Err(interp.runtime_error(format!("reentrant call inside <_io.{what}>")));
            }
            let raw = &self.raw;
            crate::threads::detach(interp, || raw.lock());
        }
        self.owner.store(me, Ordering::Relaxed);
        Ok(IoGuard { lock: self })
    }

    /// Takes the lock without an interpreter (the exit paths' flush); None when this
    /// thread holds it already, or another did not let it go within a bounded wait.
    pub fn lock_blocking(&self) -> Option<IoGuard<'_, T>> {
        let me = me();
        // A bounded wait: the holder may need the GIL, which the caller may hold.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
        while !self.raw.try_lock() {
            if self.owner.load(Ordering::Relaxed) == me || std::time::Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        self.owner.store(me, Ordering::Relaxed);
        Some(IoGuard { lock: self })
    }
}

/// The lock held; releases it on drop.
pub struct IoGuard<'a, T> {
    lock: &'a IoLock<T>,
}

impl<T> std::ops::Deref for IoGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock, so no other reference to the data exists.
        unsafe { &*self.lock.data.get() }
    }
}

impl<T> std::ops::DerefMut for IoGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; `&mut self` makes this the only reference.
        unsafe { &mut *self.lock.data.get() }
    }
}

impl<T> Drop for IoGuard<'_, T> {
    fn drop(&mut self) {
        self.lock.owner.store(0, Ordering::Relaxed);
        // SAFETY: this guard's thread locked `raw` when it made the guard.
        unsafe { self.lock.raw.unlock() };
    }
}
