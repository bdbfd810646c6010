//! Per-thread merge queues for biased reference counting (free-threaded build).
//!
//! # Mechanism
//! An object's owner thread counts its own references in a non-atomic field; other
//! threads use an atomic shared field (see `gilvm-object/src/header.rs`). When a non-owner
//! would bring the shared count below zero it cannot tell whether the object is dead, so it
//! *queues* the object to its owner instead: `push` appends the object's address to the
//! owner's queue and sets `MERGE_REFS` on the owner's eval breaker. The owner drains its
//! queue at its next eval-breaker check (`take_queued`), merging the two counts.
//!
//! This module stores opaque addresses only; it knows nothing of objects.
//!
//! # Invariants
//! 1. Thread ids are never reused (`thread.rs`), so an address queued for a dead thread can
//!    never reach a different thread.
//! 2. `push` fails (returns false) for an owner that is not registered (exited, or never
//!    attached); the caller then merges the object itself.
//! 3. A thread unregisters with `unregister`, which returns what was still queued; after
//!    that no push to it can succeed (both happen under the same bucket lock).
//! 4. No bucket lock is held while the caller merges or frees objects.
use std::collections::HashMap;
use std::sync::Arc;

use crate::sync::Mutex;

use crate::thread::{EvalBreaker, ThreadState};

/// Number of registry buckets (a prime, as CPython's 257).
#[cfg(not(loom))]
const BUCKETS: usize = 257;
#[cfg(loom)]
const BUCKETS: usize = 2;

struct Bucket {
    threads: HashMap<u64, Arc<ThreadState>>,
}

fn new_registry() -> Vec<Mutex<Bucket>> {
    (0..BUCKETS)
        .map(|_| {
            Mutex::new(Bucket {
                threads: HashMap::new(),
            })
        })
        .collect()
}

#[cfg(not(loom))]
static REGISTRY: std::sync::OnceLock<Vec<Mutex<Bucket>>> = std::sync::OnceLock::new();

// Under loom the registry is created afresh for each execution of a model.
#[cfg(loom)]
loom::lazy_static! {
    static ref REGISTRY: Vec<Mutex<Bucket>> = new_registry();
}

fn bucket(tid: u64) -> &'static Mutex<Bucket> {
    #[cfg(not(loom))]
    let r = REGISTRY.get_or_init(new_registry);
    #[cfg(loom)]
    let r: &'static Vec<Mutex<Bucket>> = &REGISTRY;
    &r[(tid % BUCKETS as u64) as usize]
}

/// Registers an attached thread so that others can queue objects to it.
pub fn register(ts: &Arc<ThreadState>) {
    bucket(ts.id).lock().threads.insert(ts.id, ts.clone());
}

/// Unregisters a thread (at thread exit); returns the addresses still queued to it.
pub fn unregister(tid: u64) -> Vec<usize> {
    let ts = bucket(tid).lock().threads.remove(&tid);
    match ts {
        Some(ts) => std::mem::take(&mut *ts.merge_queue.lock()),
        None => Vec::new(),
    }
}

/// Queues `addr` to its owner `tid`. Returns false if the owner is not registered.
pub fn push(tid: u64, addr: usize) -> bool {
    let b = bucket(tid).lock();
    match b.threads.get(&tid) {
        Some(ts) => {
            ts.merge_queue.lock().push(addr);
            ts.eval_breaker.set(EvalBreaker::MERGE_REFS);
            crate::stats::merge_push();
            true
        }
        None => false,
    }
}

/// Takes the addresses queued to the current thread's state.
pub fn take_queued(ts: &ThreadState) -> Vec<usize> {
    std::mem::take(&mut *ts.merge_queue.lock())
}
