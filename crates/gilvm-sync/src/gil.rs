//! The global interpreter lock.
//!
//! In this version the GIL is a plain mutex held by the thread that runs bytecode; the
//! switch interval is stored for `sys.setswitchinterval` and honoured by the drop-request
//! protocol of the threads work (issue 4). In the free-threaded build the GIL exists but is
//! disabled unless `PYTHON_GIL=1`.
use std::sync::atomic::{AtomicU64, Ordering};

use lock_api::RawMutex as _;

/// The global interpreter lock.
pub struct Gil {
    mutex: parking_lot::RawMutex,
    switch_interval_us: AtomicU64,
}

impl Default for Gil {
    fn default() -> Self {
        Self::new()
    }
}

impl Gil {
    /// Default switch interval, as CPython: 5 ms.
    pub const DEFAULT_INTERVAL_US: u64 = 5000;

    /// An unlocked GIL.
    pub const fn new() -> Gil {
        Gil { mutex: parking_lot::RawMutex::INIT, switch_interval_us: AtomicU64::new(Self::DEFAULT_INTERVAL_US) }
    }
    /// Blocks until this thread holds the GIL.
    pub fn take(&self) {
        self.mutex.lock();
    }
    /// Releases the GIL.
    ///
    /// # Safety
    /// The current thread must hold the GIL (taken with [`Gil::take`]).
    pub unsafe fn drop_gil(&self) {
        // SAFETY: the caller holds the lock (function contract).
        unsafe { self.mutex.unlock() }
    }
    /// The switch interval in microseconds.
    pub fn switch_interval_us(&self) -> u64 {
        self.switch_interval_us.load(Ordering::Relaxed)
    }
    /// Sets the switch interval in microseconds (callers validate > 0).
    pub fn set_switch_interval_us(&self, us: u64) {
        self.switch_interval_us.store(us.max(1), Ordering::Relaxed)
    }
}
