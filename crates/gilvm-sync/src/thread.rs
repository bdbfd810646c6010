//! Thread states, the eval-breaker word, and attach/detach.
//!
//! Every thread that runs Python code has a [`ThreadState`]. Its [`EvalBreaker`] is one
//! atomic word that other threads set to ask this thread to do something at its next check
//! (the interpreter checks it at loop back-edges and function entry):
//!
//! | bit | name          | set by                      | cleared by            |
//! |-----|---------------|-----------------------------|-----------------------|
//! | 0   | DROP_REQUEST  | a thread waiting for the GIL | the holder, on drop  |
//! | 1   | PENDING_CALLS | (reserved, unused; signals use bit 6) | the checking thread |
//! | 2   | ASYNC_EXC     | another thread              | the checking thread   |
//! | 3   | MERGE_REFS    | a non-owner queueing a refcount merge (free-threaded) | owner |
//! | 4   | STOP_WORLD    | the thread stopping the world | the same thread    |
//! | 5   | SOLO_END      | a thread registering as the second one (`world.rs` solo mode) | the checking thread |
//! | 6   | SIGNALS       | the C-level signal handler (`signals.rs`), on the main thread's word only | the main thread, before it runs the Python handlers |
//! | 7   | GC            | an allocating thread past the cycle collector's threshold (its own word) | the checking thread, which collects |
//! | 8   | TRACE         | `sys.settrace`/`setprofile` on the thread (persistent while a hook is set) | removing the hook |
//! | 9   | MONITOR       | `sys.monitoring` asking for events (persistent, every thread) | the last event set emptied |
//!
//! Reading the word is a relaxed load; a thread acting on a bit clears it with `fetch_and`.
use std::sync::atomic::AtomicU64;

use crate::sync::atomic::{AtomicU32, Ordering};

/// The per-thread eval-breaker word. See the module docs for the bit table.
#[derive(Default)]
pub struct EvalBreaker(AtomicU32);

impl EvalBreaker {
    pub const DROP_REQUEST: u32 = 1 << 0;
    pub const PENDING_CALLS: u32 = 1 << 1;
    pub const ASYNC_EXC: u32 = 1 << 2;
    pub const MERGE_REFS: u32 = 1 << 3;
    pub const STOP_WORLD: u32 = 1 << 4;
    pub const SOLO_END: u32 = 1 << 5;
    /// A signal tripped: the main thread runs the Python handlers (`signals.rs`).
    pub const SIGNALS: u32 = 1 << 6;
    /// The cycle collector's threshold was passed: collect at this check.
    pub const GC: u32 = 1 << 7;
    /// Persistent while a trace or profile hook is set on the thread (`sys.settrace`):
    /// calls then take the VM's traced path. Never taken by the eval breaker's handler.
    pub const TRACE: u32 = 1 << 8;
    /// Persistent on every thread while `sys.monitoring` asks for some event: frames then
    /// run in the VM's traced loop. Never taken by the eval breaker's handler.
    pub const MONITOR: u32 = 1 << 9;

    /// Cheap check done by the interpreter loop: any bit set?
    #[inline(always)]
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed) != 0
    }
    /// Sets `bits` (another thread asks this one to act).
    pub fn set(&self, bits: u32) {
        self.0.fetch_or(bits, Ordering::Release);
    }
    /// Clears and returns the bits that were set among `bits`.
    pub fn take(&self, bits: u32) -> u32 {
        self.0.fetch_and(!bits, Ordering::Acquire) & bits
    }
    /// The current word.
    pub fn get(&self) -> u32 {
        self.0.load(Ordering::Acquire)
    }
}

/// A thread's state as the lock strategy sees it.
pub struct ThreadState {
    /// gilvm's id for this thread (never 0, never reused in one process).
    pub id: u64,
    /// The eval-breaker word.
    pub eval_breaker: EvalBreaker,
    /// Objects queued to this thread for a reference-count merge (see `brc.rs`).
    pub merge_queue: crate::sync::Mutex<Vec<usize>>,
    /// Attached / detached / suspended (free-threaded build; see `world.rs`).
    pub status: crate::world::Status,
    /// Set at this thread's eval-breaker check when it answers `SOLO_END` (`world.rs`).
    pub solo_acked: crate::sync::atomic::AtomicBool,
}

static NEXT_THREAD_ID: AtomicU64 = AtomicU64::new(1);

#[cfg(not(loom))]
thread_local! {
    static THREAD_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(NO_ID) };
    static OWNER_KEY: std::cell::Cell<u32> = const { std::cell::Cell::new(NO_OWNER) };
}
// loom runs a model's threads as coroutines on one OS thread: each needs its own id.
#[cfg(loom)]
loom::thread_local! {
    static THREAD_ID: std::cell::Cell<u64> = std::cell::Cell::new(NO_ID);
    static OWNER_KEY: std::cell::Cell<u32> = std::cell::Cell::new(NO_OWNER);
}

/// The value of a thread's id slot before its first [`current_thread_id`]: never the id of
/// a thread, nor the "no owner" 0 of an object header.
const NO_ID: u64 = u64::MAX;

/// The [`current_owner_key`] of a thread that has no id yet, or whose id does not fit the
/// object header's 32-bit owner field: no object's owner is ever this value.
pub const NO_OWNER: u32 = u32::MAX;

/// gilvm's id of the current OS thread (allocated on first use, never 0, never reused).
/// Ids count every thread the process has started: 32 bits hold the first 4 294 967 294,
/// which is what the free-threaded object header keeps of its owner (see
/// [`current_owner_key`]).
#[inline]
pub fn current_thread_id() -> u64 {
    THREAD_ID.with(|id| {
        let v = id.get();
        if v != NO_ID {
            return v;
        }
        let n = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
        id.set(n);
        let key = if n < NO_OWNER as u64 {
            n as u32
        } else {
            NO_OWNER
        };
        OWNER_KEY.with(|k| k.set(key));
        n
    })
}

/// The current thread's id as the free-threaded object header stores an owner: the id if
/// the thread has one below [`NO_OWNER`], else `NO_OWNER`, which equals no object's owner
/// field (so an owner check fails and the caller takes the shared, atomic path; a thread
/// past the 32-bit range creates its objects with no owner, `gilvm-object/src/header.rs`).
/// One thread-local load: the check biased reference counting makes on every count
/// operation, a 32-bit compare with the header's owner field.
#[inline(always)]
pub fn current_owner_key() -> u32 {
    OWNER_KEY.with(|k| k.get())
}

/// The current thread's id if it has one, else a value that equals no thread's id. One
/// thread-local load, no branch. (The object header compares owners with
/// [`current_owner_key`] instead.) A thread that creates an object or registers with the
/// VM has its id (`current_thread_id`) before it holds any reference, so for the threads
/// that matter this is their id.
#[inline(always)]
pub fn current_thread_id_or_none() -> u64 {
    THREAD_ID.with(|id| id.get())
}

impl ThreadState {
    /// A state for the current thread.
    pub fn new_current() -> ThreadState {
        ThreadState {
            id: current_thread_id(),
            eval_breaker: EvalBreaker::default(),
            merge_queue: crate::sync::Mutex::new(Vec::new()),
            status: crate::world::Status::default(),
            solo_acked: crate::sync::atomic::AtomicBool::new(false),
        }
    }
}
