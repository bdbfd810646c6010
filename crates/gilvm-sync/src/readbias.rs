//! Reader-biased reads of per-object locks (free-threaded build): the visible-readers
//! table of BRAVO (Dice and Kogan, "BRAVO: Biased Locking for Reader-Writer Locks", USENIX
//! ATC 2019), applied to [`ObjCell`](crate::ObjCell).
//!
//! # Mechanism
//! A cell that has been read many times in a row without a write turns *read-biased*
//! (`ObjCell::rbias`). A reader of a biased cell does not touch the cell's lock: it
//! publishes the cell's address in a slot of a global table chosen by hashing the address
//! with its thread id ([`enter`]), re-checks that the cell is still biased, reads, and
//! clears the slot ([`exit`]). Threads that read the same object therefore write only their
//! own table slots, and the object's cache lines stay shared between their cores. A writer
//! takes the lock as usual; if the cell is biased it first clears the bias and waits until
//! no slot holds the cell's address any more ([`revoke`]); readers that arrive after that
//! see the bias gone and take the lock.
//!
//! # Invariants
//! 1. Dekker-style exclusion, all accesses `SeqCst`: a reader stores its slot, then loads
//!    the bias; a writer stores "no bias", then loads the slots (under loom with a `SeqCst`
//!    fence in between on both sides: see `loom_seqcst_fence`). In the single total order
//!    of these operations either the reader sees the bias cleared (it backs out and takes
//!    the lock) or the writer sees the reader's slot (it waits for the reader's `Release`
//!    clear, which orders the read before the write).
//! 2. A read section is a leaf (the `ObjCell` rule): it never waits, so a revoking writer
//!    waits a bounded time, and a writer waiting for readers while holding the cell's lock
//!    cannot deadlock.
//! 3. A slot holds at most one address; a reader whose slot is taken (by another thread or
//!    another cell hashing there) reads under the lock instead.
//! 4. Bias is only set under the cell's lock, and only after `READS_TO_BIAS << penalty`
//!    locked reads that found the lock taken by another thread, with no write between
//!    them; each revocation raises the penalty, so cells that are written between reads
//!    stop being biased and a scan of the table (the cost of a revocation) stays rare. A
//!    cell used by one thread alone is never contended, so never biased.
use crate::sync::atomic::{AtomicUsize, Ordering};

/// Slots in the visible-readers table.
#[cfg(not(loom))]
const SLOTS: usize = 1024;
#[cfg(loom)]
const SLOTS: usize = 4;

/// Contended locked reads in a row (times `1 << penalty`) before a cell turns read-biased.
#[cfg(not(loom))]
pub(crate) const READS_TO_BIAS: u32 = 16;
#[cfg(loom)]
pub(crate) const READS_TO_BIAS: u32 = 1;

/// Most revocations counted against a cell (the threshold stops growing there).
pub(crate) const MAX_PENALTY: u8 = 12;

#[cfg(not(loom))]
#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicUsize = AtomicUsize::new(0);
#[cfg(not(loom))]
static TABLE: [AtomicUsize; SLOTS] = [EMPTY; SLOTS];

// Under loom the table is created afresh for each execution of a model.
#[cfg(loom)]
loom::lazy_static! {
    static ref TABLE: Vec<AtomicUsize> = (0..SLOTS).map(|_| AtomicUsize::new(0)).collect();
}

#[inline(always)]
fn slot(addr: usize) -> &'static AtomicUsize {
    // Under loom thread ids and addresses differ from one execution to the next, and the
    // model must be deterministic: every reader uses the first slot (so a second concurrent
    // reader finds it taken and reads under the lock, which is also a path to check).
    #[cfg(loom)]
    {
        let _ = addr;
        &TABLE[0]
    }
    #[cfg(not(loom))]
    {
        let tid = crate::thread::current_thread_id() as usize;
        let h = (addr >> 4) ^ tid.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize);
        let h = h ^ (h >> 17);
        &TABLE[h % SLOTS]
    }
}

/// Publishes this thread as a reader of the cell at `addr`. Returns the slot to pass to
/// [`exit`], or None if the slot is taken (read under the lock instead).
#[inline(always)]
pub(crate) fn enter(addr: usize) -> Option<&'static AtomicUsize> {
    let s = slot(addr);
    let ok = s
        .compare_exchange(0, addr, Ordering::SeqCst, Ordering::Relaxed)
        .is_ok();
    loom_seqcst_fence();
    ok.then_some(s)
}

/// Loom models `SeqCst` loads and stores as acquire/release only (tokio-rs/loom#180), which
/// would make it report the Dekker pattern of invariant 1 as broken; it does model `SeqCst`
/// fences. Under loom a `SeqCst` fence therefore stands between each side's store and load.
/// In real builds the `SeqCst` accesses alone order them (and a fence would cost an
/// `mfence` on every biased read).
#[inline(always)]
fn loom_seqcst_fence() {
    #[cfg(loom)]
    crate::sync::atomic::fence(Ordering::SeqCst);
}

/// Ends a read published by [`enter`].
#[inline(always)]
pub(crate) fn exit(s: &AtomicUsize) {
    s.store(0, Ordering::Release);
}

/// After the caller (holding the cell's lock) cleared the cell's bias: waits until no
/// reader has the cell at `addr` published.
#[cold]
pub(crate) fn revoke(addr: usize) {
    #[cfg(loom)]
    if crate::sync::broken::active(crate::sync::broken::Bug::RevokeWithoutWaiting) {
        return;
    }
    loom_seqcst_fence();
    for s in TABLE.iter() {
        while s.load(Ordering::SeqCst) == addr {
            crate::sync::yield_now();
        }
    }
}
