//! What a forked child must forget of the parent's other threads.
//!
//! # Why
//! After `fork()` only the forking thread exists in the child, but the parking lot (the
//! global table behind `parking_lot`'s mutexes and condition variables) still lists the
//! parent's threads that were parked on a lock or waiting on a condition variable. Their
//! entries are not threads any more: a later unlock may hand the lock to one of them (a
//! fair hand-off leaves it locked for a thread that will never run), and the child
//! deadlocks on its first wait for the GIL.
//!
//! # What
//! [`forget_parked`] removes every entry parked on the given keys (the addresses of the
//! GIL's mutex and condition variables and of the world registry's), as a wake-up that
//! nobody receives. It is called in the child while the forking thread still holds the
//! locks it took around `fork()`, so no entry for those keys is added meanwhile.
//!
//! # Invariants
//! Only called in a forked child, before the locks taken around `fork()` are released.

/// Forgets the threads parked on each of `keys` (parking-lot keys: lock addresses).
#[cfg(not(loom))]
pub(crate) fn forget_parked(keys: &[usize]) {
    for &k in keys {
        // SAFETY: `unpark_all` only dequeues the entries parked on key `k` and signals
        // their parkers; the parkers of the parent's threads are memory the child inherited
        // (still mapped), so signalling them is harmless.
        unsafe {
            parking_lot_core::unpark_all(k, parking_lot_core::DEFAULT_UNPARK_TOKEN);
        }
    }
}

/// Under loom there is no fork.
#[cfg(loom)]
pub(crate) fn forget_parked(_keys: &[usize]) {}
