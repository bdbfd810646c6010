//! Loom models of stop-the-world and the run-time GIL switch (`src/world.rs`): a thread
//! that turns the GIL on while another runs without it, then detaches and re-attaches.
//! Property: once the switch is made, code that believes it runs under the GIL (it sees
//! `is_enabled()` after attaching) is mutually exclusive with the switching thread, and no
//! thread is left waiting forever. Run with `make loom`; without `--cfg loom` this file
//! compiles to nothing.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails, yield_now};
use gilvm_sync::{EvalBreaker, Gil, Priority, ThreadState};
use loom::cell::UnsafeCell;

/// One "bytecode step" of an attached thread: the eval-breaker check the interpreter does
/// (`gilvm-vm/src/threads.rs`), then a write to shared state if the GIL is on.
fn step(gil: &Gil, ts: &Arc<ThreadState>, shared: &UnsafeCell<u32>) {
    if ts.eval_breaker.take(EvalBreaker::SOLO_END) != 0 {
        gil.ack_solo_end(ts);
    }
    if ts.eval_breaker.take(EvalBreaker::STOP_WORLD) != 0 {
        gil.park_for_stop(ts);
    }
    if gil.is_enabled() {
        // SAFETY: checked by loom: with the GIL on, only its holder gets here.
        shared.with_mut(|v| unsafe { *v += 1 });
    } else {
        yield_now();
    }
}

/// Thread A runs without the GIL (two steps), detaches, re-attaches and runs one more
/// step; thread B turns the GIL on meanwhile and writes the shared state as holder.
fn switch_while_another_thread_runs() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    let gil = Arc::new(Gil::new());
    let shared = Arc::new(UnsafeCell::new(0u32));
    let a = {
        let (gil, shared) = (gil.clone(), shared.clone());
        loom::thread::spawn(move || {
            let ts = Arc::new(ThreadState::new_current());
            gil.register_thread(&ts);
            gil.take(&ts, Priority::Normal);
            step(&gil, &ts, &shared);
            step(&gil, &ts, &shared);
            // SAFETY: taken above (a blocking call's detach).
            unsafe { gil.drop_gil(&ts, false) };
            gil.take(&ts, Priority::Returning);
            step(&gil, &ts, &shared);
            // SAFETY: taken above.
            unsafe { gil.drop_gil(&ts, false) };
            gil.unregister_thread(&ts);
        })
    };
    let me = Arc::new(ThreadState::new_current());
    gil.register_thread(&me);
    gil.take(&me, Priority::Normal);
    assert!(gil.enable_at_runtime(&me));
    assert!(gil.is_enabled());
    // SAFETY: checked by loom: this thread holds the GIL now.
    shared.with_mut(|v| unsafe { *v += 1 });
    // SAFETY: taken by enable_at_runtime.
    unsafe { gil.drop_gil(&me, false) };
    gil.unregister_thread(&me);
    a.join().unwrap();
}

#[test]
fn model_switch_excludes_threads_that_ran_without_the_gil() {
    check_model(true, switch_while_another_thread_runs);
}

#[test]
fn broken_switch_without_stopping_the_world_is_found() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    assert!(model_fails(
        Bug::EnableWithoutStoppingWorld,
        true,
        switch_while_another_thread_runs
    ));
}

fn py() -> gilvm_sync::Py<'static> {
    // SAFETY: model threads stand for attached threads; the cell holds no objects.
    unsafe { gilvm_sync::Py::assume_attached() }
}

/// Solo mode (`world.rs` invariants 7-9): thread A is the only registered thread and
/// writes a cell's state through `ObjCell::with` without its lock, checking its eval
/// breaker between sections as the interpreter does; thread B registers (which ends solo
/// mode: it waits for A to answer at a check or to detach), attaches and writes the same
/// state under the lock. Loom reports a data race if B's write can overlap a lock-free
/// section of A.
fn solo_mode_ends_before_the_second_thread_runs() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    let gil = Arc::new(Gil::new());
    let cell = Arc::new(gilvm_sync::ObjCell::new(UnsafeCell::new(0u32)));
    let me = Arc::new(ThreadState::new_current());
    gil.register_thread(&me);
    gil.take(&me, Priority::Normal);
    let b = {
        let (gil, cell) = (gil.clone(), cell.clone());
        loom::thread::spawn(move || {
            let ts = Arc::new(ThreadState::new_current());
            gil.register_thread(&ts);
            gil.take(&ts, Priority::Normal);
            // SAFETY: checked by loom.
            cell.with(py(), |v| v.with_mut(|v| unsafe { *v += 1 }));
            // SAFETY: taken above.
            unsafe { gil.drop_gil(&ts, false) };
            gil.unregister_thread(&ts);
        })
    };
    for _ in 0..2 {
        // SAFETY: checked by loom.
        cell.with(py(), |v| v.with_mut(|v| unsafe { *v += 1 }));
        if me.eval_breaker.take(EvalBreaker::SOLO_END) != 0 {
            gil.ack_solo_end(&me);
        }
    }
    // SAFETY: taken above.
    unsafe { gil.drop_gil(&me, false) };
    gil.unregister_thread(&me);
    b.join().unwrap();
    // SAFETY: both threads are done.
    assert_eq!(cell.with(py(), |v| v.with(|v| unsafe { *v })), 3);
}

#[test]
fn model_solo_mode_ends_before_the_second_thread_runs() {
    check_model(true, solo_mode_ends_before_the_second_thread_runs);
}

#[test]
fn broken_solo_end_without_handshake_is_found() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    assert!(model_fails(
        Bug::SoloEndWithoutHandshake,
        true,
        solo_mode_ends_before_the_second_thread_runs
    ));
}
