//! Loom model of the signal flags (`src/tripped.rs`): a signal that arrives while the main
//! thread takes the tripped signals is never lost: that take returns it, or the summary
//! flag stays set so that the next check returns it.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};
use gilvm_sync::tripped::Tripped;

/// The handler (spawned thread) trips signal 2 while the main thread, which saw signal 1
/// trip earlier, takes the tripped signals. Afterwards signal 2 was returned by that take,
/// or is still announced by the summary and returned by the next take.
fn signal_during_take() {
    let t = Arc::new(Tripped::<4>::new());
    t.trip(1);
    let h = {
        let t = t.clone();
        loom::thread::spawn(move || t.trip(2))
    };
    let first = t.take();
    h.join().unwrap();
    assert!(first.contains(&1), "signal 1 lost: {first:?}");
    if !first.contains(&2) {
        assert!(
            t.any(),
            "signal 2 tripped but the summary says nothing (first take: {first:?})"
        );
        assert_eq!(t.take(), vec![2]);
    }
    assert!(!t.any() || t.take().is_empty());
}

#[test]
fn model_tripped_signal_during_take_is_not_lost() {
    check_model(false, signal_during_take);
}

#[test]
fn broken_tripped_summary_cleared_last_is_found() {
    assert!(model_fails(
        Bug::TrippedSummaryClearedLast,
        false,
        signal_during_take
    ));
}
