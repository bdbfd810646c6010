//! Loom model of `SeqSlot` (`src/seqslot.rs`), the lock-free sequence-lock cell of the
//! global-name cache: a reader never returns a torn snapshot.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::seqslot::SeqSlot;
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};

/// A writer stores `[1, 1]` then `[2, 2]`; a concurrent reader reads twice. Every snapshot
/// it gets must be one of the written values, whole. (The reader is the spawned thread:
/// loom's partial-order reduction keeps one last access per atomic, and with the reader
/// first it never tries the writer's `seq` CAS before the reader's load, see
/// docs/verification.md.)
fn reader_against_writer() {
    let slot = Arc::new(SeqSlot::<2>::new());
    let t = {
        let slot = slot.clone();
        loom::thread::spawn(move || {
            let mut seen = Vec::new();
            for _ in 0..2 {
                if let Some(w) = slot.read() {
                    assert!(w == [1, 1] || w == [2, 2], "torn read: {w:?}");
                    seen.push(w[0]);
                }
            }
            // Snapshots never go back in time.
            assert!(
                seen.windows(2).all(|p| p[0] <= p[1]),
                "stale read: {seen:?}"
            );
        })
    };
    slot.write([1, 1]);
    slot.write([2, 2]);
    t.join().unwrap();
    assert_eq!(slot.read(), Some([2, 2]));
}

#[test]
fn model_seqslot_reads_are_never_torn() {
    check_model(false, reader_against_writer);
}

#[test]
fn broken_seqslot_read_without_recheck_is_found() {
    assert!(model_fails(
        Bug::SeqSlotReadWithoutRecheck,
        false,
        reader_against_writer
    ));
}
