//! Loom model of the append-only table (`src/appendonly.rs`): a reader that sees an entry
//! counted by the length sees the entry itself, and two appenders of different words get
//! different indices.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::appendonly::AppendOnly;
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};

/// One thread appends 7 while another reads: whatever length the reader sees, every entry
/// below it is a word that was appended (never the 0 of a free entry).
fn reader_sees_whole_entries() {
    let t = Arc::new(AppendOnly::<2>::new());
    let reader = {
        let t = t.clone();
        loom::thread::spawn(move || {
            let n = t.len();
            for i in 0..n {
                assert_eq!(
                    t.get(i),
                    7,
                    "entry {i} counted by the length but not yet written"
                );
            }
            t.find(7)
        })
    };
    assert_eq!(t.find_or_append(7), Some(0));
    let seen = reader.join().unwrap();
    assert!(seen.is_none() || seen == Some(0));
    assert_eq!(t.find(7), Some(0));
}

/// Two threads append different words; both are found afterwards at different indices.
fn appenders_get_distinct_indices() {
    let t = Arc::new(AppendOnly::<2>::new());
    let h = {
        let t = t.clone();
        loom::thread::spawn(move || t.find_or_append(5))
    };
    let a = t.find_or_append(9).unwrap();
    let b = h.join().unwrap().unwrap();
    assert_ne!(a, b);
    assert_eq!(t.find(9), Some(a));
    assert_eq!(t.find(5), Some(b));
    assert_eq!(t.find_or_append(3), None, "table of 2 is full");
}

#[test]
fn model_appendonly_reader_sees_whole_entries() {
    check_model(false, reader_sees_whole_entries);
}

#[test]
fn model_appendonly_appenders_get_distinct_indices() {
    check_model(false, appenders_get_distinct_indices);
}

#[test]
fn broken_appendonly_len_before_entry_is_found() {
    assert!(model_fails(
        Bug::AppendLenBeforeEntry,
        false,
        reader_sees_whole_entries
    ));
}
