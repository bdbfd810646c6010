//! An append-only table of words that readers scan without a lock: the shared keys of a
//! class (the attribute names its instances store inline, `gilvm-object/src/attrs.rs`).
//!
//! # What and why
//! Every attribute load and store on an instance asks "which slot holds this name?", and
//! on the free-threaded build many threads ask at once about one class. A lock (even a
//! read lock) would make every such access write a shared cache line. The table is
//! append-only and small (at most `N` entries), so readers need no lock: they read the
//! length, then the entries below it. Writers (rare: the first time a class sees a name)
//! are serialised by a mutex, never block readers, and never change an entry once it is
//! published, so an index a reader found stays valid forever.
//!
//! # Invariant and ordering
//! Entry `i < len` is written once, before `len` moves past `i`. The writer stores the
//! entry (Relaxed), then stores `len = i + 1` with Release; a reader loads `len` with
//! Acquire, which makes every entry below it visible, then loads the entries (Relaxed).
//!
//! **The bug this order prevents:** a writer that publishes `len` first lets a reader see
//! the new length while the entry is still 0 (or, on a weakly ordered machine, while the
//! entry's store is not yet visible): the reader then fails to find a name that is in the
//! table, or reads a half-written slot. The loom model `tests/loom_appendonly.rs` checks
//! the order, and its broken variant (`Bug::AppendLenBeforeEntry`) is that bug.
//!
//! Words are nonzero (0 marks a free entry); the table knows nothing of what they mean.
use crate::sync::atomic::{AtomicUsize, Ordering};
use crate::sync::Mutex;

/// At most `N` nonzero words, appended once each, read without a lock.
pub struct AppendOnly<const N: usize> {
    len: AtomicUsize,
    entries: [AtomicUsize; N],
    /// Serialises appends.
    writer: Mutex<()>,
}

impl<const N: usize> Default for AppendOnly<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> AppendOnly<N> {
    /// An empty table.
    pub fn new() -> Self {
        AppendOnly {
            len: AtomicUsize::new(0),
            entries: std::array::from_fn(|_| AtomicUsize::new(0)),
            writer: Mutex::new(()),
        }
    }

    /// The number of entries published so far.
    #[inline]
    pub fn len(&self) -> usize {
        // ordering: Acquire pairs with the Release in `append` (see the module docs).
        self.len.load(Ordering::Acquire)
    }

    /// Is the table empty?
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `i`, which must be below a length returned by [`len`](Self::len).
    #[inline]
    pub fn get(&self, i: usize) -> usize {
        self.entries[i].load(Ordering::Relaxed)
    }

    /// The index of `word`, if published.
    #[inline]
    pub fn find(&self, word: usize) -> Option<usize> {
        let n = self.len().min(N);
        self.entries[..n]
            .iter()
            .position(|e| e.load(Ordering::Relaxed) == word)
    }

    /// The index of `word`, appending it if absent; `None` when the table is full.
    pub fn find_or_append(&self, word: usize) -> Option<usize> {
        debug_assert!(word != 0, "0 marks a free entry");
        if let Some(i) = self.find(word) {
            return Some(i);
        }
        let _w = self.writer.lock();
        // Another writer may have appended it meanwhile.
        let n = self.len.load(Ordering::Relaxed);
        if let Some(i) = (0..n).find(|&i| self.get(i) == word) {
            return Some(i);
        }
        if n == N {
            return None;
        }
        #[cfg(loom)]
        if crate::sync::broken::active(crate::sync::broken::Bug::AppendLenBeforeEntry) {
            self.len.store(n + 1, Ordering::Release);
            self.entries[n].store(word, Ordering::Relaxed);
            return Some(n);
        }
        self.entries[n].store(word, Ordering::Relaxed);
        // ordering: Release after the entry's store: a reader that sees the new length sees
        // the entry (module docs).
        self.len.store(n + 1, Ordering::Release);
        Some(n)
    }
}
