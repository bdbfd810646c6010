//! Loom model of the cycle collector's tracking bitmap (`src/gc.rs`, `update_word`) on
//! the free-threaded build: two objects whose bits share one 64-bit word are tracked and
//! untracked by different threads at the same time (their owners allocate and free them;
//! in the free-threaded build neighbouring objects of different threads may share a
//! word). Property, in every explored execution: each thread's update lands, and the word
//! ends with exactly the bits of the objects still alive; a lost bit is an object the
//! collector would never see (a leak), a bit left set is a freed object it would read.
//!
//! The broken variant updates the word with a load and a store, as the GIL build does
//! (sound there only because the GIL serialises every update): one thread's update
//! overwrites the other's, and loom finds the execution.
#![cfg(all(loom, feature = "free-threading"))]

use std::sync::Arc;

use gilvm_object::gc::update_word;
use gilvm_sync::sync::atomic::{AtomicU64, Ordering};
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};

/// Object A (bit 0) is being allocated on one thread while object B (bit 1, tracked
/// before) is freed on another, and object C (bit 2) is allocated and freed on the main
/// thread meanwhile.
fn track_and_untrack_share_a_word() {
    let word = Arc::new(AtomicU64::new(0b010));
    let t1 = {
        let word = word.clone();
        loom::thread::spawn(move || {
            assert!(!update_word(&word, 0b001, true), "A was not tracked yet");
        })
    };
    let t2 = {
        let word = word.clone();
        loom::thread::spawn(move || {
            assert!(update_word(&word, 0b010, false), "B was tracked");
        })
    };
    assert!(!update_word(&word, 0b100, true));
    assert!(update_word(&word, 0b100, false));
    t1.join().unwrap();
    t2.join().unwrap();
    assert_eq!(
        word.load(Ordering::Relaxed),
        0b001,
        "a bitmap update was lost"
    );
}

#[test]
fn model_gc_bitmap_updates_share_a_word() {
    check_model(false, track_and_untrack_share_a_word);
}

#[test]
fn broken_gc_bitmap_plain_update_is_found() {
    assert!(model_fails(
        Bug::GcBitmapPlainUpdate,
        false,
        track_and_untrack_share_a_word
    ));
}
