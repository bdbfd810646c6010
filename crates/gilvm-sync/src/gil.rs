//! The global interpreter lock.
//!
//! # Mechanism (CPython's `ceval_gil.c` design, plus a fix for the convoy effect)
//!
//! A thread runs Python code only while it holds the GIL ("attached"). The holder never
//! gives it up voluntarily in the middle of bytecode; other threads ask:
//!
//! 1. **take**: a thread that finds the GIL held waits on `cond` for one switch interval.
//!    If the wait timed out and no hand-over happened meanwhile (`switch_number`
//!    unchanged), it sets `DROP_REQUEST` on the holder's eval breaker and waits again.
//! 2. The holder checks its eval breaker at loop back-edges and function entry; seeing
//!    `DROP_REQUEST` it **drops** the GIL (`drop_gil(forced = true)`) and takes it again.
//! 3. **Forced switching**: a forced drop waits on `switch_cond` until another thread has
//!    actually taken the GIL, so the dropper cannot grab it straight back.
//! 4. Blocking calls (sleep, lock waits, join, I/O) drop the GIL around the wait
//!    (`detach`/`attach` in `thread.rs`).
//!
//! **Convoy fix (bpo-7946).** In CPython a thread coming back from a blocking call queues
//! behind CPU-bound threads for up to a full interval (measured on CPython 3.13 here: 9 ms
//! median, 51 ms p99 extra wake-up delay). gilvm gives such a thread *priority*: `take` with
//! `Priority::Returning` registers in `priority_waiters`, sets `DROP_REQUEST` on the holder
//! at once instead of after an interval, and while a priority waiter exists the GIL is
//! reserved for priority waiters (`take` without priority does not grab it). The holder drops
//! within one eval-breaker check (microseconds). CPU-bound threads keep the interval
//! protocol among themselves, so their fair sharing and throughput are unchanged; a thread
//! only gets priority after a wait that really blocked (`thread.rs` decides), which bounds
//! the extra switches to one per blocking call.
//!
//! # State table (all fields under `state`, a `parking_lot::Mutex`)
//!
//! | field | written by | meaning |
//! |---|---|---|
//! | `locked` | taker (true), dropper (false) | someone holds the GIL |
//! | `holder` | taker | the holder's `ThreadState` (to set its eval breaker) |
//! | `switch_number` | taker, when the holder changes | counts real hand-overs |
//! | `waiters` | waiting takers (+1/-1) | threads in `take` |
//! | `priority_waiters` | waiting priority takers (+1/-1) | threads returning from blocking calls |
//!
//! `enabled` (an atomic, outside the mutex) is always true in the GIL build. In the
//! free-threaded build it is false unless `PYTHON_GIL=1`, or until something turns it on at
//! run time with the world stopped (`world.rs`); `take`/`drop_gil` then only maintain the
//! thread's attached/detached status.
//! `interval_us` is read with relaxed loads (a stale interval only delays one request).
use std::sync::Arc;
use std::time::Duration;

use crate::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use crate::sync::{Condvar, Mutex};

use crate::stats;
use crate::thread::{EvalBreaker, ThreadState};
use crate::world::World;

/// Whether a taker returns from a blocking call (and so gets priority).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    Normal,
    Returning,
}

struct State {
    locked: bool,
    holder: Option<Arc<ThreadState>>,
    switch_number: u64,
    waiters: u32,
    priority_waiters: u32,
}

/// The global interpreter lock. See the module docs.
pub struct Gil {
    state: Mutex<State>,
    cond: Condvar,
    switch_cond: Condvar,
    interval_us: AtomicU64,
    enabled: AtomicBool,
    /// Statistics: forced switches and drop requests (read by `sys._gilvm_stats`).
    pub forced_switches: AtomicU64,
    pub drop_requests: AtomicU64,
    /// Running threads and stop-the-world state (free-threaded build; see `world.rs`).
    pub(crate) world: World,
}

impl Default for Gil {
    fn default() -> Self {
        Self::new()
    }
}

impl Gil {
    /// Default switch interval, as CPython: 5 ms.
    pub const DEFAULT_INTERVAL_US: u64 = 5000;

    crate::const_fn_unless_loom! {
    /// An unlocked GIL, enabled in the GIL build and disabled in the free-threaded build.
    pub fn new() -> Gil {
        Gil {
            state: Mutex::new(State {
                locked: false,
                holder: None,
                switch_number: 0,
                waiters: 0,
                priority_waiters: 0,
            }),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            interval_us: AtomicU64::new(Self::DEFAULT_INTERVAL_US),
            enabled: AtomicBool::new(!crate::FREE_THREADING),
            forced_switches: AtomicU64::new(0),
            drop_requests: AtomicU64::new(0),
            world: World::new(),
        }
    }
    }

    /// Is the GIL in use (always in the GIL build)?
    #[inline]
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Acquire)
    }

    /// Turns the GIL on or off before any thread is attached (start-up configuration).
    /// The run-time switch with the world stopped is the free-threading work.
    pub fn set_enabled_at_startup(&self, on: bool) {
        self.enabled
            .store(on || !crate::FREE_THREADING, Ordering::Release);
    }

    /// Called by the stop-the-world code (`world.rs`) once every other thread is suspended:
    /// switches the GIL on with `ts` as its holder.
    pub(crate) fn enable_held_by(&self, ts: &Arc<ThreadState>) {
        let mut st = self.state.lock();
        self.enabled.store(true, Ordering::Release);
        st.locked = true;
        st.holder = Some(ts.clone());
        st.switch_number = st.switch_number.wrapping_add(1);
    }

    /// Blocks until the calling thread holds the GIL. See the module docs, step 1.
    /// In the free-threaded build it first marks the thread attached (`world.rs`).
    pub fn take(&self, ts: &Arc<ThreadState>, prio: Priority) {
        let mut _stats = stats::Taking::start();
        if crate::FREE_THREADING {
            self.world_attach(ts);
        }
        if !self.is_enabled() {
            return;
        }
        let mut st = self.state.lock();
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::GilTakeWithoutWaiting) {
            st.locked = false;
        }
        if st.locked {
            _stats.contended();
            st.waiters += 1;
            if prio == Priority::Returning {
                st.priority_waiters += 1;
                if let Some(h) = &st.holder {
                    h.eval_breaker.set(EvalBreaker::DROP_REQUEST);
                    self.drop_requests.fetch_add(1, Ordering::Relaxed);
                    stats::drop_request_sent(h.id);
                }
            }
            let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed).max(1));
            // Reserved for priority waiters while any is waiting.
            while st.locked || (prio == Priority::Normal && st.priority_waiters > 0) {
                let before = st.switch_number;
                let timed_out = self.cond.wait_for(&mut st, interval).timed_out();
                if timed_out && st.locked && st.switch_number == before {
                    if let Some(h) = &st.holder {
                        h.eval_breaker.set(EvalBreaker::DROP_REQUEST);
                        self.drop_requests.fetch_add(1, Ordering::Relaxed);
                        stats::drop_request_sent(h.id);
                    }
                }
            }
            st.waiters -= 1;
            if prio == Priority::Returning {
                st.priority_waiters -= 1;
            }
        }
        st.locked = true;
        let changed = !st.holder.as_ref().is_some_and(|h| Arc::ptr_eq(h, ts));
        st.holder = Some(ts.clone());
        if changed {
            _stats.switched();
            st.switch_number = st.switch_number.wrapping_add(1);
        }
        // A request aimed at the previous holder must not make us drop at once.
        ts.eval_breaker.take(EvalBreaker::DROP_REQUEST);
        self.switch_cond.notify_all();
    }

    /// Releases the GIL. With `forced` (answering a drop request) waits until another
    /// thread has taken it (step 3), if any thread is waiting.
    ///
    /// # Safety
    /// The calling thread (whose state is `ts`) must hold the GIL (taken with [`Gil::take`])
    /// and must not touch objects until it takes it again.
    pub unsafe fn drop_gil(&self, ts: &ThreadState, forced: bool) {
        // Read while still attached: the GIL cannot be switched on while this thread is
        // attached (the switch waits for it), so this tells whether our `take` took it.
        let enabled = self.is_enabled();
        stats::released(forced);
        if crate::FREE_THREADING {
            self.world_detach(ts);
        }
        if !enabled {
            return;
        }
        let mut st = self.state.lock();
        st.locked = false;
        let before = st.switch_number;
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::GilDropWithoutNotify) {
            return;
        }
        #[cfg(loom)]
        let forced = forced
            && !crate::sync::broken::active(crate::sync::broken::Bug::GilDropWithoutForcedSwitch);
        if st.priority_waiters > 0 {
            self.cond.notify_all();
        } else {
            self.cond.notify_one();
        }
        if forced && st.waiters > 0 {
            self.forced_switches.fetch_add(1, Ordering::Relaxed);
            stats::forced_switch();
            while st.switch_number == before && st.waiters > 0 {
                self.switch_cond.wait(&mut st);
            }
        }
    }
    /// In a forked child (holding the GIL's state lock and, when the world was stopped,
    /// the registry's): the parent's other threads parked on them are gone (`fork.rs`).
    fn forget_parked_threads(&self) {
        #[cfg(not(loom))]
        {
            // SAFETY: the raw lock is only used for its address (the parking-lot key).
            let state_key = unsafe { self.state.raw() } as *const _ as usize;
            crate::fork::forget_parked(&[
                state_key,
                &self.cond as *const _ as usize,
                &self.switch_cond as *const _ as usize,
            ]);
            crate::fork::forget_parked(&self.world_parked_keys());
        }
    }

    /// `os.fork()` for an attached thread: runs `f` (the fork system call; it returns its
    /// result and whether this is the child) while no other thread can touch an object
    /// (the world stopped as in [`Gil::with_world_stopped`]) nor hold the GIL's state lock.
    /// In the child only the calling thread exists: the GIL forgets the other threads'
    /// waits (a dead waiter would otherwise keep a forced switch or a normal-priority
    /// take waiting forever) and is held by the caller, the registry forgets the other
    /// threads (solo mode again), and the caller becomes the main thread for signals.
    pub fn fork<R>(&self, ts: &Arc<ThreadState>, f: impl FnOnce() -> (R, bool)) -> R {
        let (r, child) = self.with_world_stopped(ts, |_| {
            let mut st = self.state.lock();
            let (r, child) = f();
            if child {
                self.forget_parked_threads();
                st.waiters = 0;
                st.priority_waiters = 0;
                if self.is_enabled() {
                    st.locked = true;
                    st.holder = Some(ts.clone());
                }
            }
            drop(st);
            (r, child)
        });
        if child {
            self.forget_other_threads(ts);
            // (The signal machinery is not part of the loom models.)
            #[cfg(not(loom))]
            crate::signals::after_fork_child(ts);
        }
        r
    }

    /// The switch interval in microseconds.
    pub fn switch_interval_us(&self) -> u64 {
        self.interval_us.load(Ordering::Relaxed)
    }
    /// Sets the switch interval in microseconds (callers validate > 0).
    pub fn set_switch_interval_us(&self, us: u64) {
        self.interval_us.store(us.max(1), Ordering::Relaxed)
    }
}
