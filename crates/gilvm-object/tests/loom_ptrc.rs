//! Loom models of per-thread reference counts for published objects (issue 17): the
//! header's per-thread mode (`src/header.rs`, "Per-thread counts"), the count arrays and
//! the exit merge (`gilvm-sync/src/ptrc.rs`), and the collector's sum and demotion with the
//! world stopped (`Gil::with_world_stopped`, the production stop). Run with `make loom`.
//!
//! Properties, checked in every explored execution:
//! - **the collector's sum is the true count**: with the world stopped, the sum of the
//!   shared count and every thread's entry is at least the references the model knows to
//!   exist, and exact once the other threads are gone;
//! - **never touched after being freed**, **freed exactly once** and **never leaked**, as in
//!   `loom_brc.rs`: after the demotion, the last reference frees the object.
//!
//! Broken variants: the exit merge done as a load and a store (two threads exiting at once
//! lose one's counts), and the collector summing without stopping the world (it reads the
//! shared count before an exiting thread's merge and the arrays after it).
#![cfg(all(loom, feature = "free-threading"))]

use std::sync::Arc;

use gilvm_object::objref::{loom_reclaim, unregister_thread};
use gilvm_object::{ObjRef, SendRef};
use gilvm_sync::sync::atomic::{AtomicBool, Ordering};
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails, yield_now, Mutex};
use gilvm_sync::{EvalBreaker, Gil, Priority, ThreadState};

mod common;
use common::{attach, new_object, py};

/// The eval-breaker check of an attached thread (`gilvm-vm/src/threads.rs`): where it
/// parks for a stop.
fn breaker_check(gil: &Gil, ts: &Arc<ThreadState>) {
    if ts.eval_breaker.take(EvalBreaker::SOLO_END) != 0 {
        gil.ack_solo_end(ts);
    }
    if ts.eval_breaker.take(EvalBreaker::STOP_WORLD) != 0 {
        gil.park_for_stop(ts);
    }
}

/// An attached thread: registered for merge queues and with the world (attached).
fn attach_to(gil: &Gil) -> Arc<ThreadState> {
    let ts = attach();
    gil.register_thread(&ts);
    gil.take(&ts, Priority::Normal);
    ts
}

/// Thread exit in the interpreter's order: the merges (merge queue, then per-thread
/// counts) while attached, then detach and unregister.
fn exit(gil: &Gil, ts: &Arc<ThreadState>) {
    unregister_thread(py(), ts);
    // SAFETY: taken in `attach_to`.
    unsafe { gil.drop_gil(ts, false) };
    gil.unregister_thread(ts);
}

/// The collector's last step on the object: with the world stopped, its count is summed,
/// the per-thread entries folded into the header and the index freed; then dropping the
/// last reference frees it by the ordinary path.
fn collect_and_free(gil: &Gil, me: &Arc<ThreadState>, obj: ObjRef, expected: i64) {
    let addr = obj.addr();
    let count = gil.with_world_stopped(me, |w| obj.demote_per_thread(w));
    assert_eq!(count, expected, "the collector's sum is not the true count");
    assert!(!obj.is_per_thread());
    drop(obj);
    // SAFETY: the last reference is gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

/// The main thread publishes an object (per-thread counts) and hands a reference to T,
/// which takes another one (counted in T's array), hands both back and exits: its exit
/// merge folds its entry (+1) into the shared count. Meanwhile the main thread's collector
/// sums the object's count with the world stopped: it must see T's entry either in T's
/// array or in the shared count. Then T is joined, the references handed back dropped,
/// and the object collected.
fn exit_merge_races_collector_sum() {
    let gil = Arc::new(Gil::new());
    let me = attach_to(&gil);
    let obj = new_object();
    assert!(obj.count_per_thread(), "the owner switches its object");
    let sent = SendRef::new(py(), obj.clone());
    let cloned = Arc::new(AtomicBool::new(false));
    let ready = Arc::new(AtomicBool::new(false));
    let back: Arc<Mutex<Vec<SendRef>>> = Arc::new(Mutex::new(Vec::new()));
    let t = {
        let (gil, cloned, ready, back) = (gil.clone(), cloned.clone(), ready.clone(), back.clone());
        loom::thread::spawn(move || {
            let ts = attach_to(&gil);
            ready.store(true, Ordering::SeqCst);
            let a = sent.into_inner(py());
            let b = a.clone();
            cloned.store(true, Ordering::SeqCst);
            back.lock().push(SendRef::new(py(), a));
            back.lock().push(SendRef::new(py(), b));
            breaker_check(&gil, &ts);
            exit(&gil, &ts);
        })
    };
    // T is attached before the collector runs, so the stop has a thread to stop (and the
    // collector answers T's registration handshake meanwhile).
    while !ready.load(Ordering::SeqCst) {
        breaker_check(&gil, &me);
        yield_now();
    }
    let (saw_clone, count) = gil.with_world_stopped(&me, |_w| {
        let saw = cloned.load(Ordering::SeqCst);
        (saw, obj.ref_count())
    });
    // `obj` and the reference sent to T exist throughout; T's clone from when it is made
    // until the main thread drops it below.
    let at_least = if saw_clone { 3 } else { 2 };
    assert!(
        count >= at_least && count <= 3,
        "collector summed {count}, expected between {at_least} and 3"
    );
    breaker_check(&gil, &me);
    // Detached while waiting for T, as a thread blocked in `join` is.
    // SAFETY: taken in `attach_to`.
    unsafe { gil.drop_gil(&me, false) };
    t.join().unwrap();
    gil.take(&me, Priority::Normal);
    drop(std::mem::take(&mut *back.lock()));
    collect_and_free(&gil, &me, obj, 1);
    exit(&gil, &me);
}

#[test]
fn model_ptrc_exit_merge_races_collector_sum() {
    // Timed waits elapse (the stop's waits poll, as in `loom_stw.rs`).
    check_model(true, exit_merge_races_collector_sum);
}

/// The collector sums without stopping the world: it can read the shared count before
/// T's exit merge and the arrays after T's record left them, missing T's +1.
#[test]
fn broken_ptrc_sum_without_stopping_the_world_is_found() {
    assert!(model_fails(
        Bug::StwWriteWithoutStop,
        true,
        exit_merge_races_collector_sum
    ));
}

/// Two threads each drop a reference the main thread counted (each ends with −1 in its
/// array) and exit at the same time: both merges add to the shared count concurrently.
/// Afterwards the true count (the main thread's one reference) must be exact.
fn two_exit_merges() {
    let gil = Arc::new(Gil::new());
    let me = attach_to(&gil);
    let obj = new_object();
    assert!(obj.count_per_thread());
    let ts: Vec<_> = (0..2)
        .map(|_| {
            let sent = SendRef::new(py(), obj.clone());
            loom::thread::spawn(move || {
                let ts = attach();
                drop(sent.into_inner(py()));
                unregister_thread(py(), &ts);
            })
        })
        .collect();
    for t in ts {
        t.join().unwrap();
    }
    collect_and_free(&gil, &me, obj, 1);
    exit(&gil, &me);
}

#[test]
fn model_ptrc_two_exit_merges() {
    check_model(false, two_exit_merges);
}

#[test]
fn broken_ptrc_exit_merge_not_atomic_is_found() {
    assert!(model_fails(
        Bug::PerThreadMergeNotAtomic,
        false,
        two_exit_merges
    ));
}

/// The owner switches its object to per-thread counts while another thread, which holds
/// a reference, takes one more and drops both (reading the header's old word or the new
/// one): whatever it read, the counts add up (no free, and the collector's sum is exact
/// afterwards; a queue of the object to its owner is drained without a free).
fn switch_races_non_owner() {
    let gil = Arc::new(Gil::new());
    let me = attach_to(&gil);
    let obj = new_object();
    let sent = SendRef::new(py(), obj.clone());
    let t = loom::thread::spawn(move || {
        let ts = attach();
        let a = sent.into_inner(py());
        let b = a.clone();
        drop(a);
        drop(b);
        unregister_thread(py(), &ts);
    });
    assert!(obj.count_per_thread());
    t.join().unwrap();
    if me.eval_breaker.take(EvalBreaker::MERGE_REFS) != 0 {
        gilvm_object::objref::drain_merge_queue(py(), &me);
    }
    collect_and_free(&gil, &me, obj, 1);
    exit(&gil, &me);
}

#[test]
fn model_ptrc_switch_races_non_owner() {
    check_model(false, switch_races_non_owner);
}
