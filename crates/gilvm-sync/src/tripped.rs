//! The "tripped" flags of the signal machinery: which signals arrived since the main thread
//! last looked, written by the C-level signal handler and read by the main thread.
//!
//! # What and why
//! A signal handler may only do async-signal-safe work, so it records the signal in a flag
//! and the main thread runs the Python handler later, at an eval-breaker check
//! (`signals.rs`). One flag per signal says *which* signals arrived; a summary flag says
//! *whether any* did, so that the common check (nothing arrived) is one load instead of a
//! scan of 65 flags. The pair is lock-free: a lock could be held by the very code the
//! signal interrupted.
//!
//! # Invariant and ordering
//! The producer sets the signal's flag, then the summary flag (with swaps: see `trip`).
//! The consumer clears the summary flag, then swaps each signal's flag to false. Every
//! access is `SeqCst`.
//!
//! If a signal trips while the consumer scans, either the scan sees its flag (its handler
//! runs now), or the flag was set after the scan passed it; then the producer's store of
//! the summary flag comes after the consumer cleared it, so the summary is true again and
//! the next check finds the signal.
//!
//! **The bug this order prevents:** a consumer that scans first and clears the summary
//! afterwards can clear it just after a producer set a flag the scan had already passed:
//! the flag stays set, the summary says "nothing", and the signal (a Ctrl-C) is not handled
//! until some unrelated signal arrives. The loom model `tests/loom_tripped.rs` checks the
//! order, and its broken variant (`Bug::TrippedSummaryClearedLast`) is that bug.
use crate::sync::atomic::{AtomicBool, Ordering};

/// Flags for signal numbers `1..N`, plus the summary flag.
pub struct Tripped<const N: usize> {
    flags: [AtomicBool; N],
    any: AtomicBool,
}

impl<const N: usize> Tripped<N> {
    /// No signal tripped.
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        Tripped {
            flags: [const { AtomicBool::new(false) }; N],
            any: AtomicBool::new(false),
        }
    }

    /// No signal tripped.
    #[cfg(loom)]
    pub fn new() -> Self {
        Tripped {
            flags: std::array::from_fn(|_| AtomicBool::new(false)),
            any: AtomicBool::new(false),
        }
    }

    /// The producer (the C-level handler; async-signal-safe): records `sig`.
    #[inline]
    pub fn trip(&self, sig: usize) {
        // Swaps, not stores: every write of a flag is then a read-modify-write, so each
        // flag's modification order is a chain in which each write reads the one before,
        // which is all the argument of the module docs needs. (loom, which models SeqCst as
        // acquire/release, reports a lost signal when these are plain stores: a consumer's
        // swap that read `false` ordered after the producer's store of `true`, an execution
        // the C++ model forbids; with swaps it finds none.)
        if sig > 0 && sig < N {
            self.flags[sig].swap(true, Ordering::SeqCst);
        }
        self.any.swap(true, Ordering::SeqCst);
    }

    /// Whether some signal may have tripped since the last [`Tripped::take`].
    #[inline]
    pub fn any(&self) -> bool {
        self.any.load(Ordering::SeqCst)
    }

    /// The consumer (the main thread): the tripped signals, in increasing order, with their
    /// flags cleared.
    pub fn take(&self) -> Vec<usize> {
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::TrippedSummaryClearedLast) {
            let out = self.scan();
            self.any.store(false, Ordering::SeqCst);
            return out;
        }
        // The summary first (module docs).
        if !self.any.swap(false, Ordering::SeqCst) {
            return Vec::new();
        }
        self.scan()
    }

    fn scan(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for (sig, flag) in self.flags.iter().enumerate().skip(1) {
            if flag.swap(false, Ordering::SeqCst) {
                out.push(sig);
            }
        }
        out
    }
}

#[cfg(not(loom))]
impl<const N: usize> Default for Tripped<N> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn take_returns_each_tripped_signal_once() {
        let t = Tripped::<8>::new();
        assert!(!t.any());
        t.trip(5);
        t.trip(2);
        t.trip(5);
        t.trip(9); // out of range: only the summary
        assert!(t.any());
        assert_eq!(t.take(), vec![2, 5]);
        assert!(!t.any());
        assert_eq!(t.take(), Vec::<usize>::new());
    }
}
