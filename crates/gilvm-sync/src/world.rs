//! Stop-the-world, and turning the GIL on at run time (free-threaded build).
//!
//! # Mechanism
//! Every thread that runs Python code is registered with the GIL's [`World`] and has a
//! `status` word in its [`ThreadState`]:
//!
//! | status      | meaning                                   | who moves it there |
//! |-------------|-------------------------------------------|--------------------|
//! | `DETACHED`  | not running Python code (blocking call, not started, exiting) | the thread (`drop_gil`); the stopper on resume |
//! | `ATTACHED`  | may touch objects                          | the thread (`take`: CAS from `DETACHED` only) |
//! | `SUSPENDED` | stopped for a stop-the-world               | the stopper (CAS from `DETACHED`), or the thread itself at its eval-breaker check |
//!
//! The stopper (a thread that turns the GIL on, e.g. on importing a native module that needs
//! it) sets `stopping`, then repeatedly: moves every `DETACHED` thread to `SUSPENDED` with a
//! CAS, and sets `STOP_WORLD` on the eval breaker of every `ATTACHED` one, which parks itself
//! (`ATTACHED` → `SUSPENDED`) at its next check. When all other threads are `SUSPENDED`, no
//! thread but the stopper can touch an object: it switches the GIL on, makes itself the GIL
//! holder, moves every thread back to `DETACHED` and wakes them. From then on each of them
//! attaches through the GIL.
//!
//! # Invariants
//! 1. A thread is `ATTACHED` only through its own CAS from `DETACHED`, so a `SUSPENDED`
//!    thread cannot start running until the stopper resumes it.
//! 2. `take` publishes `ATTACHED` *before* reading `enabled`; the stopper stores `enabled`
//!    before resuming anyone. So a thread attaching after the switch always sees the GIL on,
//!    and one that attached before it is `ATTACHED` and therefore waited for.
//! 3. Changes to `SUSPENDED` made by the stopper, and the resume, happen under `inner`'s
//!    lock, and parked threads wait on `cond` under it, so no wake-up is lost. The stopper
//!    itself polls with a short timeout, so it cannot miss a thread's own transition.
//! 4. A `STOP_WORLD` bit that arrives after a stop has finished is ignored (`stopping` is
//!    false), so a stale bit never parks a thread.
//! 5. Only one stop runs at a time; a second thread that wants to stop the world while one is
//!    in progress parks like any other thread.
//! 6. Enabling is permanent; nothing here turns the GIL off again.
//!
//! # Solo mode
//! While exactly one thread is registered, no other thread can touch an object, so the
//! per-object locks are skipped (`ObjCell` asks [`is_solo`]): a single-threaded program on
//! the free-threaded build pays no atomic read-modify-write for its containers. The second
//! thread to register ends solo mode *before* it attaches:
//! 7. It stores `SOLO = false`, then looks at every other thread's status. A `DETACHED`
//!    or `SUSPENDED` thread is outside any section (sections never block or detach); one
//!    that attaches later sees `SOLO = false` (store-then-load on both sides, all
//!    `SeqCst`: the attach CAS, then `is_solo`; under loom with a `SeqCst` fence between,
//!    as in `readbias.rs`). An `ATTACHED` thread may be inside a lock-free section: the
//!    registering thread sets its `SOLO_END` bit and waits until it answers at its next
//!    eval-breaker check (`ack_solo_end`), which it only reaches between sections, or
//!    detaches.
//! 8. Other threads that register meanwhile wait for that handshake (`handshaking`).
//! 9. When a thread unregisters and one remains, solo mode starts again: the leaving
//!    thread's last section happened before its unregistration (release, under the
//!    registry lock), and the remaining thread's `is_solo` load acquires it.
use std::sync::Arc;
use std::time::Duration;

use crate::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use crate::sync::{Condvar, Mutex};

use crate::gil::Gil;
use crate::thread::{EvalBreaker, ThreadState};

/// Thread status values (see the module docs).
pub const DETACHED: u8 = 0;
pub const ATTACHED: u8 = 1;
pub const SUSPENDED: u8 = 2;

/// A thread's status word.
#[derive(Default)]
pub struct Status(AtomicU8);

impl Status {
    pub fn get(&self) -> u8 {
        self.0.load(Ordering::Acquire)
    }
}

struct Inner {
    threads: Vec<Arc<ThreadState>>,
    stopping: bool,
    /// A registration is ending solo mode (invariant 8).
    handshaking: bool,
}

// Off until a thread registers: code that touches objects without registering (the
// models of `ObjCell` and biased counting) always takes the locks.
#[cfg(not(loom))]
static SOLO: AtomicBool = AtomicBool::new(false);
// Under loom the flag is created afresh for each execution of a model.
#[cfg(loom)]
loom::lazy_static! {
    static ref SOLO: AtomicBool = AtomicBool::new(false);
}

/// At most one thread is registered: per-object locks may be skipped (free-threaded build;
/// see the module docs, "Solo mode").
#[inline(always)]
pub fn is_solo() -> bool {
    SOLO.load(Ordering::SeqCst)
}

/// Loom models `SeqCst` loads and stores as acquire/release only (see `readbias.rs`).
#[inline(always)]
fn loom_seqcst_fence() {
    #[cfg(loom)]
    crate::sync::atomic::fence(Ordering::SeqCst);
}

/// The registry of running threads and the stop-the-world state.
pub struct World {
    inner: Mutex<Inner>,
    cond: Condvar,
    /// Mirrors `inner.stopping` for lock-free checks in `drop_gil` and the eval breaker.
    stopping: AtomicBool,
}

impl World {
    crate::const_fn_unless_loom! {
    pub fn new() -> World {
        World {
            inner: Mutex::new(Inner {
                threads: Vec::new(),
                stopping: false,
                handshaking: false,
            }),
            cond: Condvar::new(),
            stopping: AtomicBool::new(false),
        }
    }
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

impl Gil {
    /// Registers a thread that is about to attach (call before its first `take`).
    /// The second thread to register ends solo mode first (invariants 7 and 8).
    pub fn register_thread(&self, ts: &Arc<ThreadState>) {
        if !crate::FREE_THREADING {
            return;
        }
        let mut w = self.world.inner.lock();
        while w.handshaking {
            self.world.cond.wait(&mut w);
        }
        w.threads.push(ts.clone());
        if w.threads.len() == 1 {
            // The only thread (it has not attached yet, so it is in no section).
            SOLO.store(true, Ordering::SeqCst);
            return;
        }
        if !SOLO.load(Ordering::Relaxed) {
            return;
        }
        SOLO.store(false, Ordering::SeqCst);
        loom_seqcst_fence();
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::SoloEndWithoutHandshake) {
            return;
        }
        w.handshaking = true;
        let others: Vec<Arc<ThreadState>> = w
            .threads
            .iter()
            .filter(|t| !Arc::ptr_eq(t, ts))
            .cloned()
            .collect();
        for t in &others {
            t.solo_acked.store(false, Ordering::Relaxed);
            t.eval_breaker.set(EvalBreaker::SOLO_END);
        }
        loop {
            // ordering: SeqCst status loads after the SeqCst store of SOLO (invariant 7).
            let pending = others.iter().any(|t| {
                t.status.0.load(Ordering::SeqCst) == ATTACHED
                    && !t.solo_acked.load(Ordering::Acquire)
            });
            if !pending {
                break;
            }
            self.world.cond.wait_for(&mut w, Duration::from_micros(200));
        }
        w.handshaking = false;
        self.world.cond.notify_all();
    }

    /// Answers `SOLO_END` at an eval-breaker check: this thread is between sections and
    /// will see solo mode over from now on (the bit was set after `SOLO = false`, and taking
    /// it acquires).
    pub fn ack_solo_end(&self, ts: &ThreadState) {
        let _w = self.world.inner.lock();
        ts.solo_acked.store(true, Ordering::Release);
        self.world.cond.notify_all();
    }

    /// Removes a thread that has detached for the last time; with one thread left, solo
    /// mode starts again (invariant 9).
    pub fn unregister_thread(&self, ts: &Arc<ThreadState>) {
        if !crate::FREE_THREADING {
            return;
        }
        let mut w = self.world.inner.lock();
        w.threads.retain(|t| !Arc::ptr_eq(t, ts));
        match w.threads.len() {
            0 => SOLO.store(false, Ordering::SeqCst),
            1 if !w.handshaking => SOLO.store(true, Ordering::SeqCst),
            _ => {}
        }
        // A stopper, or a registration ending solo mode, may be waiting for this thread.
        self.world.cond.notify_all();
    }

    /// The parking-lot keys of the registry's lock and condition variable (`fork.rs`).
    #[cfg(not(loom))]
    pub(crate) fn world_parked_keys(&self) -> [usize; 2] {
        // SAFETY: the raw lock is only used for its address.
        let inner = unsafe { self.world.inner.raw() } as *const _ as usize;
        [inner, &self.world.cond as *const _ as usize]
    }

    /// In a forked child: only `ts` survives (the other threads do not exist there).
    /// Called by [`Gil::fork`] after the stop (if any) has ended.
    pub(crate) fn forget_other_threads(&self, ts: &Arc<ThreadState>) {
        if !crate::FREE_THREADING {
            return;
        }
        let mut w = self.world.inner.lock();
        w.threads.retain(|t| Arc::ptr_eq(t, ts));
        w.stopping = false;
        w.handshaking = false;
        self.world.stopping.store(false, Ordering::Release);
        SOLO.store(w.threads.len() == 1, Ordering::SeqCst);
    }

    /// Marks the thread attached (waiting out a stop-the-world in progress). Free-threaded
    /// build only; called by `take` before it looks at `enabled` (invariant 2).
    pub(crate) fn world_attach(&self, ts: &ThreadState) {
        loop {
            // ordering: SeqCst, before this thread's `is_solo` loads (invariant 7).
            if ts
                .status
                .0
                .compare_exchange(DETACHED, ATTACHED, Ordering::SeqCst, Ordering::Acquire)
                .is_ok()
            {
                loom_seqcst_fence();
                return;
            }
            let mut w = self.world.inner.lock();
            while ts.status.get() == SUSPENDED {
                self.world.cond.wait(&mut w);
            }
        }
    }

    /// Marks the thread detached, telling a stopper that waits for it.
    pub(crate) fn world_detach(&self, ts: &ThreadState) {
        ts.status.0.store(DETACHED, Ordering::Release);
        if self.world.stopping.load(Ordering::Acquire) {
            let _w = self.world.inner.lock();
            self.world.cond.notify_all();
        }
    }

    /// Called at an eval-breaker check that saw `STOP_WORLD`: parks the (attached) thread
    /// until the stop is over, then attaches again (through the GIL if it is now on).
    pub fn park_for_stop(&self, ts: &Arc<ThreadState>) {
        if !self.world.stopping.load(Ordering::Acquire) {
            return; // a stale request (invariant 4)
        }
        {
            let mut w = self.world.inner.lock();
            if !w.stopping {
                return;
            }
            ts.status.0.store(SUSPENDED, Ordering::Release);
            self.world.cond.notify_all();
            let _blocked = crate::stats::Blocked::start("stop-the-world");
            while ts.status.get() == SUSPENDED {
                self.world.cond.wait(&mut w);
            }
        }
        self.take(ts, crate::Priority::Normal);
    }

    /// Turns the GIL on permanently, with the world stopped; the calling (attached) thread
    /// becomes its holder. Returns false if the GIL was already on (or another thread
    /// turned it on meanwhile, in which case the caller holds it on return too). The stop's
    /// duration is recorded by `stats::StopTheWorld`; the caller records why (`stats::gil_switched`).
    pub fn enable_at_runtime(&self, ts: &Arc<ThreadState>) -> bool {
        if self.is_enabled() {
            return false;
        }
        let mut w = self.world.inner.lock();
        if w.stopping {
            // Another thread is stopping the world: park like everyone else (invariant 5).
            drop(w);
            // Make sure the stopper waits for us even if it already passed us by.
            self.park_for_stop(ts);
            return false;
        }
        if self.is_enabled() {
            return false;
        }
        let stw = crate::stats::StopTheWorld::start();
        self.stop_others(&mut w, ts);
        // Everyone else is suspended: only this thread can touch objects.
        self.enable_held_by(ts);
        self.resume_others(&mut w, ts);
        drop(stw);
        true
    }

    /// Runs `f` while no other thread can touch an object: with the GIL on, the caller
    /// holds it (the GIL build always); in solo mode no other thread is attached (and a
    /// thread that registers meanwhile waits for this one's next eval-breaker check,
    /// invariant 7); otherwise the world is stopped around `f` as for the run-time GIL
    /// switch, and resumed after it. `f` must not block or run Python code (the other
    /// threads wait for it). The calling thread must be attached; it is the one
    /// [`WorldStopped`] token's holder for the duration of `f`.
    ///
    /// For values read without synchronisation on hot paths and written rarely
    /// (`stw::StwCell`: an instance's class, whose `__class__` assignment is CPython's
    /// stop-the-world write too).
    pub fn with_world_stopped<R>(
        &self,
        ts: &Arc<ThreadState>,
        f: impl FnOnce(&crate::stw::WorldStopped<'_>) -> R,
    ) -> R {
        loop {
            if !crate::FREE_THREADING || self.is_enabled() || is_solo() {
                // The GIL is on (and an attached thread holds it), or no other thread is
                // attached and none attaches before this thread's next eval-breaker check.
                // SAFETY: so no other thread can touch an object while `f` runs.
                let stopped = unsafe { crate::stw::WorldStopped::new() };
                return f(&stopped);
            }
            let mut w = self.world.inner.lock();
            if w.stopping {
                // Another stop is in progress: park like everyone else (invariant 5).
                drop(w);
                self.park_for_stop(ts);
                continue;
            }
            if self.is_enabled() {
                continue; // switched on meanwhile: the GIL now excludes the others
            }
            let stw = crate::stats::StopTheWorld::start();
            #[cfg(loom)]
            let skip = crate::sync::broken::active(crate::sync::broken::Bug::StwWriteWithoutStop);
            #[cfg(not(loom))]
            let skip = false;
            if !skip {
                self.stop_others(&mut w, ts);
            }
            // SAFETY: every other thread is suspended: none can touch an object until
            // resumed.
            let stopped = unsafe { crate::stw::WorldStopped::new() };
            let r = f(&stopped);
            if !skip {
                self.resume_others(&mut w, ts);
            }
            drop(stw);
            return r;
        }
    }

    /// Stops every thread but `ts`: moves the detached ones to `SUSPENDED` and asks the
    /// attached ones to park at their next eval-breaker check, until all are suspended.
    fn stop_others(&self, w: &mut crate::sync::MutexGuard<'_, Inner>, ts: &Arc<ThreadState>) {
        w.stopping = true;
        self.world.stopping.store(true, Ordering::Release);
        loop {
            #[cfg(loom)]
            if crate::sync::broken::active(crate::sync::broken::Bug::EnableWithoutStoppingWorld) {
                break;
            }
            let mut all = true;
            for t in w.threads.iter().filter(|t| !Arc::ptr_eq(t, ts)) {
                match t.status.get() {
                    SUSPENDED => {}
                    DETACHED => {
                        if t.status
                            .0
                            .compare_exchange(
                                DETACHED,
                                SUSPENDED,
                                Ordering::AcqRel,
                                Ordering::Acquire,
                            )
                            .is_err()
                        {
                            all = false;
                        }
                    }
                    _ => {
                        t.eval_breaker.set(EvalBreaker::STOP_WORLD);
                        all = false;
                    }
                }
            }
            if all {
                break;
            }
            self.world.cond.wait_for(w, Duration::from_micros(500));
        }
    }

    /// Ends a stop: every other thread back to `DETACHED` (each attaches again on its own,
    /// through the GIL if it is now on), and wakes them.
    fn resume_others(&self, w: &mut crate::sync::MutexGuard<'_, Inner>, ts: &Arc<ThreadState>) {
        for t in w.threads.iter().filter(|t| !Arc::ptr_eq(t, ts)) {
            t.status.0.store(DETACHED, Ordering::Release);
        }
        w.stopping = false;
        self.world.stopping.store(false, Ordering::Release);
        self.world.cond.notify_all();
    }
}
