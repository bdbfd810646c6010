//! `SeqSlot`: a small lock-free cache cell (a sequence lock over a few words).
//!
//! # Mechanism
//! A writer moves `seq` from even to odd with a CAS (giving up if another writer holds it:
//! a cache write may be skipped), stores the words, and moves `seq` to the next even value
//! with a Release store. A reader loads `seq` (Acquire), the words (Relaxed), issues an
//! Acquire fence, and re-reads `seq`: if it is unchanged and even, the words are a
//! consistent snapshot. `seq == 0` means never written.
//!
//! Readers never block and never write, so many threads can hit the same slot without
//! bouncing a cache line between cores (the property per-object locks lack for hot
//! read-mostly data such as a module's globals).
//!
//! # The GIL build
//! Every slot lives in an interpreter cache (code objects' global and attribute caches,
//! the type cache) and is read and written only by a thread that runs Python code, which
//! holds the GIL there. Reads and writes are then never concurrent, so the GIL build skips
//! the sequence protocol: a read is the words (after a check that the slot was written),
//! a write stores them. The loads and stores stay atomic (Relaxed: plain moves on x86 and
//! ARM), so the cell is still free of data races in the language's sense.
#[cfg(feature = "free-threading")]
use crate::sync::atomic::fence;
use crate::sync::atomic::{AtomicU64, Ordering};

/// A lock-free cell of `N` words. See the module docs.
pub struct SeqSlot<const N: usize> {
    seq: AtomicU64,
    words: [AtomicU64; N],
}

impl<const N: usize> Default for SeqSlot<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> SeqSlot<N> {
    #[cfg(not(loom))]
    pub const fn new() -> Self {
        SeqSlot {
            seq: AtomicU64::new(0),
            words: [const { AtomicU64::new(0) }; N],
        }
    }
    #[cfg(loom)]
    pub fn new() -> Self {
        SeqSlot {
            seq: AtomicU64::new(0),
            words: std::array::from_fn(|_| AtomicU64::new(0)),
        }
    }

    /// A consistent snapshot, or None (never written, or a write in progress).
    #[inline]
    pub fn read(&self) -> Option<[u64; N]> {
        #[cfg(not(feature = "free-threading"))]
        {
            // The GIL build: no concurrent writer (see the module docs).
            if self.seq.load(Ordering::Relaxed) == 0 {
                return None;
            }
            let mut out = [0u64; N];
            for (o, w) in out.iter_mut().zip(self.words.iter()) {
                *o = w.load(Ordering::Relaxed);
            }
            Some(out)
        }
        #[cfg(feature = "free-threading")]
        self.read_seq()
    }

    #[cfg(feature = "free-threading")]
    #[inline]
    fn read_seq(&self) -> Option<[u64; N]> {
        let s1 = self.seq.load(Ordering::Acquire);
        if s1 == 0 || s1 & 1 == 1 {
            return None;
        }
        let mut out = [0u64; N];
        for (o, w) in out.iter_mut().zip(self.words.iter()) {
            *o = w.load(Ordering::Relaxed);
        }
        fence(Ordering::Acquire);
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::SeqSlotReadWithoutRecheck) {
            return Some(out);
        }
        if self.seq.load(Ordering::Relaxed) != s1 {
            return None;
        }
        Some(out)
    }

    /// Word `k` alone, with no consistency check: a cheap filter before [`SeqSlot::read`]
    /// (a probe that wants the entry for one key skips slots whose key word differs; a
    /// torn value only makes it skip or read a slot it would not have).
    #[inline]
    pub fn peek(&self, k: usize) -> u64 {
        self.words[k].load(Ordering::Relaxed)
    }

    /// Stores `words` unless another writer is active (then the write is skipped).
    #[inline]
    pub fn write(&self, words: [u64; N]) {
        let s = self.seq.load(Ordering::Relaxed);
        #[cfg(not(feature = "free-threading"))]
        {
            // The GIL build: no concurrent reader or writer (see the module docs).
            for (w, v) in self.words.iter().zip(words.iter()) {
                w.store(*v, Ordering::Relaxed);
            }
            self.seq.store(s + 2, Ordering::Relaxed);
        }
        #[cfg(feature = "free-threading")]
        self.write_seq(s, words)
    }

    #[cfg(feature = "free-threading")]
    #[inline]
    fn write_seq(&self, s: u64, words: [u64; N]) {
        if s & 1 == 1
            || self
                .seq
                .compare_exchange(s, s + 1, Ordering::Acquire, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        fence(Ordering::Release);
        for (w, v) in self.words.iter().zip(words.iter()) {
            w.store(*v, Ordering::Relaxed);
        }
        self.seq.store(s + 2, Ordering::Release);
    }
}
