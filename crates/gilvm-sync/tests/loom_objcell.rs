//! Loom models of the per-object lock (`src/objcell.rs`) in the free-threaded build:
//! mutual exclusion of one-object critical sections, and two-object sections in address
//! order without deadlock. (Critical sections never block, so there is no suspension on
//! blocking to model: see the module docs of `objcell.rs`.)
#![cfg(all(loom, feature = "free-threading"))]

use std::sync::Arc;

use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};
use gilvm_sync::{ObjCell, Py};
use loom::cell::UnsafeCell;

fn py() -> Py<'static> {
    // SAFETY: model threads stand for attached threads; the cells here hold no objects.
    unsafe { Py::assume_attached() }
}

/// Two threads increment the state of one cell under `with`, twice each. Loom reports a
/// data race on the inner loom cell if the sections overlap.
fn two_sections_one_cell() {
    let cell = Arc::new(ObjCell::new(UnsafeCell::new(0u32)));
    let body = |cell: Arc<ObjCell<UnsafeCell<u32>>>| {
        for _ in 0..2 {
            // SAFETY: checked by loom.
            cell.with(py(), |v| v.with_mut(|v| unsafe { *v += 1 }));
        }
    };
    let t = {
        let cell = cell.clone();
        loom::thread::spawn(move || body(cell))
    };
    body(cell.clone());
    t.join().unwrap();
    // SAFETY: both threads are done.
    assert_eq!(cell.with(py(), |v| v.with(|v| unsafe { *v })), 4);
}

#[test]
fn model_objcell_sections_are_mutually_exclusive() {
    check_model(false, two_sections_one_cell);
}

#[test]
fn broken_objcell_without_lock_is_found() {
    assert!(model_fails(
        Bug::ObjCellNoLock,
        false,
        two_sections_one_cell
    ));
}

/// `a.extend(b)` against `b.extend(a)`: two-object sections taken in opposite argument
/// order. Loom reports a deadlock if the locks are not taken in one global order.
fn crossed_two_object_sections() {
    let a = Arc::new(ObjCell::new(UnsafeCell::new(1u32)));
    let b = Arc::new(ObjCell::new(UnsafeCell::new(10u32)));
    let t = {
        let (a, b) = (a.clone(), b.clone());
        loom::thread::spawn(move || {
            // SAFETY: checked by loom.
            b.with2(&a, py(), |x, y| {
                x.with_mut(|x| y.with_mut(|y| unsafe { *x += *y }))
            });
        })
    };
    // SAFETY: checked by loom.
    a.with2(&b, py(), |x, y| {
        x.with_mut(|x| y.with_mut(|y| unsafe { *x += *y }))
    });
    t.join().unwrap();
    // SAFETY: both threads are done.
    let (va, vb) = a.with2(&b, py(), |x, y| {
        (x.with(|x| unsafe { *x }), y.with(|y| unsafe { *y }))
    });
    assert!((va, vb) == (11, 21) || (va, vb) == (12, 11));
}

#[test]
fn model_objcell_two_object_sections_never_deadlock() {
    check_model(false, crossed_two_object_sections);
}

#[test]
fn broken_objcell_two_object_sections_unordered_is_found() {
    assert!(model_fails(
        Bug::With2UnorderedLocks,
        false,
        crossed_two_object_sections
    ));
}

/// Reader-biased reads (`ObjCell::read`, `src/readbias.rs`): the cell turns read-biased
/// after a locked read (under loom one read in a row is enough), then one thread reads it
/// twice without the lock while another writes it, which revokes the bias. Loom reports a
/// data race on the inner cell if a lock-free read can overlap the write; the final value
/// checks that the write happened exactly once and reads never see a torn state.
fn biased_reads_exclude_writers() {
    let cell = Arc::new(ObjCell::new(UnsafeCell::new(0u32)));
    // SAFETY (every access of the inner loom cell below): checked by loom.
    cell.read(py(), |v| v.with(|v| unsafe { *v }));
    let t = {
        let cell = cell.clone();
        loom::thread::spawn(move || {
            for _ in 0..2 {
                let seen = cell.read(py(), |v| v.with(|v| unsafe { *v }));
                assert!(seen <= 1);
            }
        })
    };
    cell.with(py(), |v| v.with_mut(|v| unsafe { *v += 1 }));
    t.join().unwrap();
    assert_eq!(cell.read(py(), |v| v.with(|v| unsafe { *v })), 1);
}

#[test]
fn model_objcell_biased_reads_exclude_writers() {
    check_model(false, biased_reads_exclude_writers);
}

/// A biased reader that does not re-check the bias after publishing itself can read while
/// a writer that has already scanned the readers writes.
#[test]
fn broken_objcell_biased_read_without_recheck_is_found() {
    assert!(model_fails(
        Bug::ReadBiasNoRecheck,
        false,
        biased_reads_exclude_writers
    ));
}

/// A writer that clears the bias without waiting for published readers writes under them.
#[test]
fn broken_objcell_revoke_without_waiting_is_found() {
    assert!(model_fails(
        Bug::RevokeWithoutWaiting,
        false,
        biased_reads_exclude_writers
    ));
}
