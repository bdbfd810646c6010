//! Loom models of biased reference counting (free-threaded build): the header's protocol
//! (`src/header.rs`), the free/queue paths of `ObjRef` (`src/objref.rs`) and the per-owner
//! merge queues and thread registry (`gilvm-sync/src/brc.rs`). Run with `make loom`.
//!
//! Properties, checked in every explored execution:
//! - **freed exactly once**: `free` asserts the object was not freed before;
//! - **never touched after being freed**: every header access asserts the object is not
//!   freed, through a loom cell, so an access that merely races the free is reported too;
//! - **never leaked**: after all threads are done, `loom_reclaim` asserts it was freed.
//!
//! Each model has a `broken_*` test that injects a bug into the production code (see
//! `gilvm_sync::sync::broken`) and asserts that loom finds it.
#![cfg(all(loom, feature = "free-threading"))]

use gilvm_object::Owned;
use std::sync::Arc;

use gilvm_object::objref::{drain_merge_queue, loom_reclaim, unregister_thread};
use gilvm_object::{ObjCell, ObjRef, Payload, SendRef, Value};
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};
use gilvm_sync::{EvalBreaker, ThreadState};

mod common;
use common::{attach, new_object, py};

/// The interpreter's eval-breaker check for merges (`gilvm-vm/src/threads.rs`).
fn eval_breaker_check(ts: &ThreadState) {
    if ts.eval_breaker.take(EvalBreaker::MERGE_REFS) != 0 {
        drain_merge_queue(py(), ts);
    }
}

/// The owner publishes an object in a shared container (a list slot, as a list or a dict
/// would hold it); a non-owner reads it (a non-owner incref) and drops its reference (a
/// non-owner decref), while the owner removes it from the container and drops it (the
/// owner's local count reaches 0: the merge). Whichever decrement is last frees it.
fn owner_merge_races_non_owner() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let slot = Arc::new(ObjCell::new(Some(SendRef::new(py(), obj))));
    let t = {
        let slot = slot.clone();
        loom::thread::spawn(move || {
            let r = slot.with(py(), |s| s.as_ref().map(|r| r.peek(py())));
            drop(r);
        })
    };
    let mine = slot.with(py(), |s| s.take());
    drop(mine);
    t.join().unwrap();
    unregister_thread(py(), &owner);
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_owner_merge_races_non_owner_final_decref() {
    check_model(false, owner_merge_races_non_owner);
}

/// CPython gh-119999: the owner clears its id after the merging CAS, when a non-owner
/// may already have freed the object.
#[test]
fn broken_brc_owner_cleared_after_merge_cas_is_found() {
    assert!(model_fails(
        Bug::OwnerClearedAfterMergeCas,
        false,
        owner_merge_races_non_owner
    ));
}

#[test]
fn broken_brc_shared_decrement_not_atomic_is_found() {
    assert!(model_fails(
        Bug::SharedDecrementNotAtomic,
        false,
        owner_merge_races_non_owner
    ));
}

/// The owner hands a reference to another thread (counted in the owner's local count),
/// which drops it: a non-owner decrement at shared count 0, so it queues the object to the
/// owner. Meanwhile the owner drops its own reference, checks its eval breaker (draining
/// its queue) and exits (unregistering, draining what is still queued). A push that comes
/// after the exit fails, and the non-owner merges the object itself.
fn queue_races_owner_drain_and_exit() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let sent = SendRef::new(py(), obj.clone());
    let t = loom::thread::spawn(move || {
        let r = sent.into_inner(py());
        drop(r);
    });
    drop(obj);
    eval_breaker_check(&owner);
    unregister_thread(py(), &owner);
    t.join().unwrap();
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_queued_object_is_merged_by_owner_drain_or_exit() {
    check_model(false, queue_races_owner_drain_and_exit);
}

#[test]
fn broken_brc_queue_to_exited_owner_without_fallback_is_found() {
    assert!(model_fails(
        Bug::QueueFallbackMissing,
        false,
        queue_races_owner_drain_and_exit
    ));
}

/// Two non-owners each take a reference from the container and drop it, and the owner
/// drops the container's: owner and non-owner increments and decrements in every
/// interleaving, with two concurrent shared decrements (three threads: `make loom-deep`
/// explores it with the higher bound).
fn two_non_owners_and_owner() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let slot = Arc::new(ObjCell::new(Some(SendRef::new(py(), obj))));
    let ts: Vec<_> = (0..2)
        .map(|_| {
            let slot = slot.clone();
            loom::thread::spawn(move || {
                let r = slot.with(py(), |s| s.as_ref().map(|r| r.peek(py())));
                drop(r);
            })
        })
        .collect();
    let mine = slot.with(py(), |s| s.take());
    drop(mine);
    for t in ts {
        t.join().unwrap();
    }
    unregister_thread(py(), &owner);
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_two_non_owners_and_owner() {
    check_model(false, two_non_owners_and_owner);
}

#[test]
fn broken_brc_two_non_owners_shared_decrement_not_atomic_is_found() {
    assert!(model_fails(
        Bug::SharedDecrementNotAtomic,
        false,
        two_non_owners_and_owner
    ));
}

/// Not a model of correct use: shows why the owner must not touch its objects' counts
/// after `unregister_thread` (the exit protocol). A non-owner whose push fails merges the
/// object with `explicit_merge`, which races the owner's plain local decrement.
fn owner_decref_after_unregister() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let sent = SendRef::new(py(), obj.clone());
    let t = loom::thread::spawn(move || {
        drop(sent.into_inner(py()));
    });
    unregister_thread(py(), &owner);
    drop(obj); // after the exit: the protocol violation
    t.join().unwrap();
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn hazard_owner_decref_after_unregister_is_found() {
    assert!(model_fails(Bug::None, false, owner_decref_after_unregister));
}

/// All paths at once: the non-owner holds one reference counted by the owner (handed over:
/// its drop queues the object) and takes another from the container (counted in the shared
/// field); the owner drops the container's reference and its own, checks its eval breaker
/// and exits. Queueing, draining, exit and the non-owner's own merge interleave. (The
/// owner's local count cannot reach 0 here: the handed reference keeps it at 1, so the
/// merge on the owner is covered by the models above.)
fn all_paths() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let slot = Arc::new(ObjCell::new(Some(SendRef::new(py(), obj.clone()))));
    let sent = SendRef::new(py(), obj.clone());
    let t = {
        let slot = slot.clone();
        loom::thread::spawn(move || {
            let handed = sent.into_inner(py());
            let read = slot.with(py(), |s| s.as_ref().map(|r| r.peek(py())));
            drop(handed);
            drop(read);
        })
    };
    drop(slot.with(py(), |s| s.take()));
    drop(obj);
    eval_breaker_check(&owner);
    unregister_thread(py(), &owner);
    t.join().unwrap();
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_all_paths_free_exactly_once() {
    check_model(false, all_paths);
}

#[test]
fn broken_brc_all_paths_queue_fallback_missing_is_found() {
    assert!(model_fails(Bug::QueueFallbackMissing, false, all_paths));
}

/// The owner's local count at its cap (under loom the count field has 4 bits, the top
/// half per-thread indices: the cap is 7 references): the owner holds eight references,
/// the eighth counted in the shared word as a non-owner's would be (protocol step 1), and
/// hands that one to another thread, which drops it, while the owner drops its seven (its
/// local count reaches 0: the merge) and
/// exits. The non-owner's shared decrement races the owner's merge; either way the object
/// is freed exactly once.
fn owner_counts_past_local_cap() {
    let owner = attach();
    let obj = new_object();
    let addr = obj.addr();
    let mine: Vec<ObjRef> = (0..6).map(|_| obj.clone()).collect();
    let sent = SendRef::new(py(), obj.clone());
    let t = loom::thread::spawn(move || drop(sent.into_inner(py())));
    drop(mine);
    drop(obj);
    unregister_thread(py(), &owner);
    t.join().unwrap();
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_owner_counts_past_its_local_cap_in_shared() {
    check_model(false, owner_counts_past_local_cap);
}

/// An owner that goes on counting locally at the cap runs its count into the per-thread
/// encoding (the count field's top half): the object is never freed.
#[test]
fn broken_brc_local_count_past_cap_is_found() {
    assert!(model_fails(
        Bug::LocalCountPastCap,
        false,
        owner_counts_past_local_cap
    ));
}

/// The lock-free path for objects only the caller references (`ObjRef::is_exclusive`,
/// `ObjCell::with_exclusive`: the eval loop's iterators and generators). The owner has put
/// an object with mutable state (a closure cell) in a shared slot; another thread takes a
/// reference from the slot, writes the object's state under its lock, and drops the
/// reference, while the owner takes its reference back out of the slot and then touches the
/// state: without the lock when `is_exclusive` says no one else holds it. `data` stands for
/// the state: loom reports the owner's unlocked access unless it happens after the other
/// thread's write.
fn exclusive_after_other_holder() {
    let owner = attach();
    let obj = ObjRef::new(py(), Owned::Cell(ObjCell::new(Value::None)));
    let addr = obj.addr();
    let data = Arc::new(loom::cell::UnsafeCell::new(0u32));
    let slot = Arc::new(ObjCell::new(Some(SendRef::new(py(), obj.clone()))));
    let t = {
        let (slot, data) = (slot.clone(), data.clone());
        loom::thread::spawn(move || {
            let r = slot.with(py(), |s| s.as_ref().map(|r| r.peek(py())));
            if let Some(r) = r {
                let Payload::Cell(l) = r.payload() else {
                    unreachable!()
                };
                // SAFETY: loom checks this access against every other access of `data`.
                l.with(py(), |_| data.with_mut(|d| unsafe { *d += 1 }));
                drop(r);
            }
        })
    };
    let mine = slot.with(py(), |s| s.take());
    drop(mine);
    let Payload::Cell(l) = obj.payload() else {
        unreachable!()
    };
    // SAFETY: `is_exclusive` is the contract of `with_exclusive` (the property under test);
    // loom checks the access to `data` as above.
    unsafe { l.with_exclusive(py(), obj.is_exclusive(), |_| data.with_mut(|d| *d += 1)) };
    t.join().unwrap();
    drop(obj);
    unregister_thread(py(), &owner);
    // SAFETY: all references are gone and no thread touches the object any more.
    unsafe { loom_reclaim(addr) };
}

#[test]
fn model_brc_exclusive_access_after_other_holder() {
    check_model(false, exclusive_after_other_holder);
}

/// The exclusivity check with a relaxed load of the shared count: the owner's unlocked
/// access races the other thread's locked write.
#[test]
fn broken_brc_exclusive_check_relaxed_is_found() {
    assert!(model_fails(
        Bug::ExclusiveCheckRelaxed,
        false,
        exclusive_after_other_holder
    ));
}
