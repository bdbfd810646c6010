//! The synchronisation primitives of the concurrency core, switched by `cfg(loom)`.
//!
//! Production code (`gil.rs`, `objcell.rs`, `thread.rs`, `brc.rs`, `seqslot.rs`, and the
//! object header in `gilvm-object`) imports its atomics, mutexes and condition variables from
//! here, never from `std`/`parking_lot` directly. A normal build gets the real ones
//! (`std::sync::atomic`, `parking_lot`); a build with `RUSTFLAGS="--cfg loom"` (`make loom`)
//! gets [loom](https://docs.rs/loom)'s instrumented ones, so the model checker runs the
//! production code itself, not a copy. See `docs/verification.md`.
//!
//! Under loom:
//! - [`Mutex`]/[`Condvar`] wrap loom's with parking_lot's API (`lock()` returns the guard,
//!   `wait(&mut guard)`). A timed wait ([`Condvar::wait_for`]) is modelled by
//!   [`loom_timeouts`]: either an untimed wait (never times out), or "release the lock,
//!   let other threads run, re-take it and report a timeout" (the interval always elapses).
//! - [`RawMutex`] (the per-object lock) is a loom mutex + condvar, so that lock-order
//!   deadlocks are reported by loom's deadlock detector.
//! - [`broken`] holds the test-only switches that make production functions misbehave, so
//!   that each model can be shown to catch the bug it exists for. None of it exists outside
//!   `cfg(loom)`.

/// Atomics (`std::sync::atomic`, or loom's).
pub mod atomic {
    #[cfg(not(loom))]
    pub use std::sync::atomic::{
        fence, AtomicBool, AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicU8, AtomicUsize,
        Ordering,
    };

    #[cfg(loom)]
    pub use loom::sync::atomic::{
        fence, AtomicBool, AtomicI64, AtomicPtr, AtomicU32, AtomicU64, AtomicU8, AtomicUsize,
        Ordering,
    };
}

#[cfg(not(loom))]
pub use parking_lot::{Condvar, Mutex, MutexGuard, RawMutex, WaitTimeoutResult};

/// Lets other threads run (a spin-wait step).
#[inline]
pub fn yield_now() {
    #[cfg(not(loom))]
    std::thread::yield_now();
    #[cfg(loom)]
    loom::thread::yield_now();
}

/// Declares a function that is `const` in normal builds and not under loom (loom's atomics
/// and mutexes cannot be built in a const context).
#[macro_export]
#[doc(hidden)]
macro_rules! const_fn_unless_loom {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($args:tt)*) -> $ret:ty $body:block) => {
        #[cfg(not(loom))]
        $(#[$m])* $vis const fn $name($($args)*) -> $ret $body
        #[cfg(loom)]
        $(#[$m])* $vis fn $name($($args)*) -> $ret $body
    };
}

#[cfg(loom)]
pub use self::model::*;

#[cfg(loom)]
mod model {
    use std::cell::Cell;
    use std::ops::{Deref, DerefMut};
    use std::sync::OnceLock;
    use std::time::Duration;

    std::thread_local! {
        // Per test (loom runs all threads of a model on the test's OS thread).
        static TIMEOUTS: Cell<bool> = const { Cell::new(false) };
    }

    /// Chooses how [`Condvar::wait_for`] behaves in the models run by the current test:
    /// `false` (default): it waits for a notification and never times out; `true`: the
    /// interval always elapses (the lock is released, other threads run, it reports a
    /// timeout).
    pub fn loom_timeouts(on: bool) {
        TIMEOUTS.with(|t| t.set(on));
    }

    /// parking_lot-style mutex over loom's.
    pub struct Mutex<T>(loom::sync::Mutex<T>);

    /// Its guard (an `Option` so that [`Condvar::wait`] can hand it to loom and back).
    pub struct MutexGuard<'a, T> {
        mutex: &'a loom::sync::Mutex<T>,
        guard: Option<loom::sync::MutexGuard<'a, T>>,
    }

    impl<T> Mutex<T> {
        pub fn new(v: T) -> Self {
            Mutex(loom::sync::Mutex::new(v))
        }
        pub fn lock(&self) -> MutexGuard<'_, T> {
            MutexGuard {
                mutex: &self.0,
                guard: Some(self.0.lock().unwrap()),
            }
        }
    }

    impl<T: Default> Default for Mutex<T> {
        fn default() -> Self {
            Mutex::new(T::default())
        }
    }

    // When loom aborts an execution (a failure it found), unwinding must not call into loom
    // again: forget the inner guard instead of releasing it.
    impl<T> Drop for MutexGuard<'_, T> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                std::mem::forget(self.guard.take());
            }
        }
    }

    impl<T> Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            self.guard.as_ref().unwrap()
        }
    }
    impl<T> DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            self.guard.as_mut().unwrap()
        }
    }

    /// The result of a timed wait.
    pub struct WaitTimeoutResult(bool);
    impl WaitTimeoutResult {
        pub fn timed_out(&self) -> bool {
            self.0
        }
    }

    /// parking_lot-style condition variable over loom's.
    #[derive(Default)]
    pub struct Condvar(loom::sync::Condvar);

    impl Condvar {
        pub fn new() -> Self {
            Condvar(loom::sync::Condvar::new())
        }
        pub fn wait<T>(&self, g: &mut MutexGuard<'_, T>) {
            let inner = g.guard.take().unwrap();
            g.guard = Some(self.0.wait(inner).unwrap());
        }
        /// See [`loom_timeouts`].
        pub fn wait_for<T>(&self, g: &mut MutexGuard<'_, T>, _d: Duration) -> WaitTimeoutResult {
            if TIMEOUTS.with(|t| t.get()) {
                drop(g.guard.take());
                loom::thread::yield_now();
                g.guard = Some(g.mutex.lock().unwrap());
                WaitTimeoutResult(true)
            } else {
                self.wait(g);
                WaitTimeoutResult(false)
            }
        }
        pub fn notify_one(&self) -> bool {
            self.0.notify_one();
            true
        }
        pub fn notify_all(&self) -> usize {
            self.0.notify_all();
            0
        }
    }

    /// The per-object lock under loom: a loom mutex (created on first use, so that `INIT`
    /// is a constant as parking_lot's) whose guard is kept inside while the lock is held.
    /// Waiting threads block on the loom mutex itself, so lock-order deadlocks are reported
    /// by loom's deadlock detector.
    pub struct RawMutex {
        inner: OnceLock<loom::sync::Mutex<()>>,
        guard: std::cell::UnsafeCell<Option<loom::sync::MutexGuard<'static, ()>>>,
    }

    // SAFETY: `guard` is only touched by the thread that holds `inner` (after `lock`, until
    // `unlock`), so it is never accessed by two threads at once.
    unsafe impl Sync for RawMutex {}
    // SAFETY: as above; a moved RawMutex is not locked (a locked one is borrowed).
    unsafe impl Send for RawMutex {}

    impl RawMutex {
        fn get(&self) -> &loom::sync::Mutex<()> {
            self.inner.get_or_init(|| loom::sync::Mutex::new(()))
        }
        fn store(&self, g: loom::sync::MutexGuard<'_, ()>) {
            // SAFETY: the guard borrows `inner`, which lives as long as `self`; it is
            // dropped in `unlock`, before `self` can be dropped or moved (the lock holder
            // borrows the cell). Only the holder touches `guard` (see the Sync impl).
            unsafe {
                *self.guard.get() = Some(std::mem::transmute::<
                    loom::sync::MutexGuard<'_, ()>,
                    loom::sync::MutexGuard<'static, ()>,
                >(g))
            };
        }
    }

    // SAFETY: `lock`/`try_lock` succeed only by acquiring the loom mutex, released only by
    // `unlock`, so at most one thread holds the lock, with a real mutex's ordering.
    unsafe impl lock_api::RawMutex for RawMutex {
        #[allow(clippy::declare_interior_mutable_const)]
        const INIT: Self = RawMutex {
            inner: OnceLock::new(),
            guard: std::cell::UnsafeCell::new(None),
        };
        type GuardMarker = lock_api::GuardNoSend;

        fn lock(&self) {
            let g = self.get().lock().unwrap();
            self.store(g);
        }
        fn try_lock(&self) -> bool {
            match self.get().try_lock() {
                Ok(g) => {
                    self.store(g);
                    true
                }
                Err(_) => false,
            }
        }
        unsafe fn unlock(&self) {
            // SAFETY: the caller holds the lock (lock_api's contract).
            let g = unsafe { (*self.guard.get()).take() };
            if std::thread::panicking() {
                std::mem::forget(g); // see `MutexGuard`'s Drop
            } else {
                drop(g);
            }
        }
    }
}

/// Test-only switches that break one production function each, so that a model can show
/// it finds the bug it exists for (`make loom` asserts that loom fails on each).
#[cfg(loom)]
pub mod broken {
    use std::cell::Cell;

    /// One deliberate bug.
    #[derive(Clone, Copy, PartialEq, Eq, Debug)]
    pub enum Bug {
        None,
        /// `header.rs`: a non-owner decrement done as a load and a store instead of one
        /// atomic read-modify-write.
        SharedDecrementNotAtomic,
        /// `header.rs`: the owner clears its id *after* the merging CAS (CPython gh-119999).
        OwnerClearedAfterMergeCas,
        /// `objref.rs`: a non-owner whose queue push fails (the owner has exited) forgets
        /// the object instead of merging it itself.
        QueueFallbackMissing,
        /// `gil.rs`: `take` does not wait for the holder.
        GilTakeWithoutWaiting,
        /// `gil.rs`: `drop_gil(forced = true)` does not wait for another thread to take it.
        GilDropWithoutForcedSwitch,
        /// `gil.rs`: `drop_gil` does not notify waiting takers.
        GilDropWithoutNotify,
        /// `objcell.rs`: `with` takes no lock.
        ObjCellNoLock,
        /// `objcell.rs`: `with2` locks `self` first instead of in address order.
        With2UnorderedLocks,
        /// `seqslot.rs`: `read` does not re-check the sequence number.
        SeqSlotReadWithoutRecheck,
        /// `world.rs`: the run-time GIL switch does not wait for attached threads to park.
        EnableWithoutStoppingWorld,
        /// `header.rs`: the exclusivity check reads the shared count with a relaxed load,
        /// so it does not synchronise with the last other holder's decrement.
        ExclusiveCheckRelaxed,
        /// `header.rs`: the owner goes on counting locally at the local count's cap instead
        /// of counting the reference in the shared word.
        LocalCountPastCap,
        /// `objcell.rs`: a biased read does not re-check the bias after publishing itself.
        ReadBiasNoRecheck,
        /// `readbias.rs`: a writer clears the bias but does not wait for published readers.
        RevokeWithoutWaiting,
        /// `world.rs`: the second thread to register ends solo mode without waiting for the
        /// first to leave its lock-free section.
        SoloEndWithoutHandshake,
        /// `tripped.rs`: the consumer scans the signal flags first and clears the summary
        /// flag last, so a signal that trips behind the scan is forgotten.
        TrippedSummaryClearedLast,
        /// `appendonly.rs`: an append publishes the new length before writing the entry.
        AppendLenBeforeEntry,
        /// `world.rs`: `with_world_stopped` runs its closure without stopping the world.
        StwWriteWithoutStop,
        /// `header.rs`: a weak reference's upgrade (`try_incref`) counts an object whose
        /// count already reached 0 (merged), reviving an object being freed.
        TryIncrefIgnoresDeath,
        /// `gilvm-object/src/gc.rs`: a tracking-bitmap word updated with a load and a store
        /// (the GIL build's way) instead of one atomic read-modify-write.
        GcBitmapPlainUpdate,
        /// `header.rs`: a thread's exit merge of its per-thread counts into an object's
        /// shared count done as a load and a store instead of one atomic addition.
        PerThreadMergeNotAtomic,
    }

    std::thread_local! {
        // Per test (loom runs all threads of a model on the test's OS thread).
        static ACTIVE: Cell<Bug> = const { Cell::new(Bug::None) };
    }

    /// Turns on `bug` for the models run by the current test (`Bug::None` turns all off).
    pub fn inject(bug: Bug) {
        ACTIVE.with(|b| b.set(bug));
    }

    /// Is `bug` on?
    #[inline]
    pub fn active(bug: Bug) -> bool {
        ACTIVE.with(|b| b.get() == bug)
    }
}

/// Runs `f` under the model checker (`loom::model`, bounds from the `LOOM_*` environment
/// variables), with no bug injected and timed waits as chosen (see [`loom_timeouts`]).
/// Prints and returns the number of executions explored, and fails if it is 1 (a model
/// that explores a single interleaving checks nothing).
#[cfg(loom)]
#[track_caller]
pub fn check_model<F: Fn() + Sync + Send + 'static>(timeouts: bool, f: F) -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let n = std::sync::Arc::new(AtomicUsize::new(0));
    let n2 = n.clone();
    loom_timeouts(timeouts);
    broken::inject(broken::Bug::None);
    let start = std::time::Instant::now();
    loom::model(move || {
        n2.fetch_add(1, Relaxed);
        f()
    });
    let n = n.load(Relaxed);
    eprintln!(
        "loom model at {}: {n} executions in {:.2?}",
        std::panic::Location::caller(),
        start.elapsed()
    );
    assert!(n > 1, "the model explored a single execution");
    n
}

/// Runs `f` under the model checker with `bug` injected; true when loom found a failure
/// (a panic in some execution: an assertion, a data race, a deadlock, a leak).
#[cfg(loom)]
pub fn model_fails<F: Fn() + Sync + Send + 'static>(
    bug: broken::Bug,
    timeouts: bool,
    f: F,
) -> bool {
    loom_timeouts(timeouts);
    broken::inject(bug);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| loom::model(f)));
    broken::inject(broken::Bug::None);
    r.is_err()
}
