//! Loom models of the GIL (`src/gil.rs`): mutual exclusion, no lost wake-up, forced
//! switching, priority for threads returning from blocking calls. Run with `make loom`
//! (`RUSTFLAGS="--cfg loom"`); without `--cfg loom` this file compiles to nothing.
//!
//! Each model has a `broken_*` test that injects a bug into the production code (see
//! `gilvm_sync::sync::broken`) and asserts that loom finds it.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::sync::atomic::{AtomicBool, Ordering};
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails, yield_now};
use gilvm_sync::{EvalBreaker, Gil, Priority, ThreadState};
use loom::cell::UnsafeCell;

fn enabled_gil() -> Arc<Gil> {
    let gil = Arc::new(Gil::new());
    // The free-threaded build starts with the GIL off; the GIL build ignores this.
    gil.set_enabled_at_startup(true);
    gil
}

/// Two threads take the GIL, write shared state, drop it, twice each. Loom reports a data
/// race on the cell if both hold the GIL at once, and a deadlock if a waiter is never woken
/// (timed waits never time out in this model, so a lost notification is a hang).
fn take_drop_two_threads() {
    const ROUNDS: u32 = 2;
    let gil = enabled_gil();
    let shared = Arc::new(UnsafeCell::new(0u32));
    let body = |gil: Arc<Gil>, shared: Arc<UnsafeCell<u32>>| {
        let ts = Arc::new(ThreadState::new_current());
        for _ in 0..ROUNDS {
            gil.take(&ts, Priority::Normal);
            // SAFETY: checked by loom: only the GIL holder touches the cell.
            shared.with_mut(|v| unsafe { *v += 1 });
            // SAFETY: this thread holds the GIL.
            unsafe { gil.drop_gil(&ts, false) };
        }
    };
    let t = {
        let (gil, shared) = (gil.clone(), shared.clone());
        loom::thread::spawn(move || body(gil, shared))
    };
    body(gil, shared.clone());
    t.join().unwrap();
    // SAFETY: both threads are done.
    assert_eq!(shared.with(|v| unsafe { *v }), 2 * ROUNDS);
}

#[test]
fn model_gil_mutual_exclusion_and_no_lost_wakeup() {
    check_model(false, take_drop_two_threads);
}

#[test]
fn broken_gil_take_without_waiting_is_found() {
    assert!(model_fails(
        Bug::GilTakeWithoutWaiting,
        false,
        take_drop_two_threads
    ));
}

#[test]
fn broken_gil_drop_without_notify_is_found() {
    assert!(model_fails(
        Bug::GilDropWithoutNotify,
        false,
        take_drop_two_threads
    ));
}

/// As above with three threads: the hand-over with two waiters (`notify_one` must wake
/// one that can proceed).
fn take_drop_three_threads() {
    let gil = enabled_gil();
    let shared = Arc::new(UnsafeCell::new(0u32));
    let ts: Vec<_> = (0..2)
        .map(|_| {
            let (gil, shared) = (gil.clone(), shared.clone());
            loom::thread::spawn(move || {
                let ts = Arc::new(ThreadState::new_current());
                gil.take(&ts, Priority::Normal);
                // SAFETY: checked by loom: only the GIL holder touches the cell.
                shared.with_mut(|v| unsafe { *v += 1 });
                // SAFETY: this thread holds the GIL.
                unsafe { gil.drop_gil(&ts, false) };
            })
        })
        .collect();
    let me = Arc::new(ThreadState::new_current());
    gil.take(&me, Priority::Normal);
    // SAFETY: as above.
    shared.with_mut(|v| unsafe { *v += 1 });
    // SAFETY: this thread holds the GIL.
    unsafe { gil.drop_gil(&me, false) };
    for t in ts {
        t.join().unwrap();
    }
    // SAFETY: all threads are done.
    assert_eq!(shared.with(|v| unsafe { *v }), 3);
}

#[test]
fn model_gil_three_threads_mutual_exclusion_and_no_lost_wakeup() {
    check_model(false, take_drop_three_threads);
}

#[test]
fn broken_gil_three_threads_drop_without_notify_is_found() {
    assert!(model_fails(
        Bug::GilDropWithoutNotify,
        false,
        take_drop_three_threads
    ));
}

/// Thread A holds the GIL and runs "bytecode": it checks its eval breaker until a drop
/// request arrives, answers it as the interpreter does (`drop_gil(true)` then `take`), and
/// checks that the waiter B held the GIL in between (forced switching: the dropper cannot
/// take the GIL straight back). B asks for the switch after a timed-out wait (`prio`
/// Normal, timeouts on) or at once (`prio` Returning, the convoy fix).
fn forced_switch(prio: Priority) {
    let gil = enabled_gil();
    let a = Arc::new(ThreadState::new_current());
    gil.take(&a, Priority::Normal);
    let b_held = Arc::new(AtomicBool::new(false));
    let t = {
        let (gil, b_held) = (gil.clone(), b_held.clone());
        loom::thread::spawn(move || {
            let ts = Arc::new(ThreadState::new_current());
            gil.take(&ts, prio);
            b_held.store(true, Ordering::Relaxed);
            // SAFETY: this thread holds the GIL.
            unsafe { gil.drop_gil(&ts, false) };
        })
    };
    // The eval loop's check (`gilvm-vm/src/threads.rs`, `eval_breaker`).
    while a.eval_breaker.take(EvalBreaker::DROP_REQUEST) == 0 {
        yield_now();
    }
    // SAFETY: this thread holds the GIL.
    unsafe { gil.drop_gil(&a, true) };
    gil.take(&a, Priority::Normal);
    assert!(
        b_held.load(Ordering::Relaxed),
        "forced switch: the dropper took the GIL back before the waiter had it"
    );
    // SAFETY: this thread holds the GIL.
    unsafe { gil.drop_gil(&a, false) };
    t.join().unwrap();
}

#[test]
fn model_gil_drop_request_after_interval_forces_a_switch() {
    check_model(true, || forced_switch(Priority::Normal));
}

#[test]
fn broken_gil_drop_without_forced_switch_is_found() {
    assert!(model_fails(Bug::GilDropWithoutForcedSwitch, true, || {
        forced_switch(Priority::Normal)
    }));
}

#[test]
fn model_gil_returning_thread_gets_the_gil_next() {
    check_model(false, || forced_switch(Priority::Returning));
}

#[test]
fn broken_gil_returning_thread_without_notify_is_found() {
    assert!(model_fails(Bug::GilDropWithoutNotify, false, || {
        forced_switch(Priority::Returning)
    }));
}
