//! Loom model of values written with the world stopped (`src/stw.rs`): the scheme behind
//! `obj.__class__ = C` on the free-threaded build. A reader thread loads an instance's class
//! from a `StwCell` with a plain load, passes an eval-breaker check (where it may park for a
//! stop), and then uses the class it loaded, as an attribute lookup that ran Python code
//! would; the other thread replaces the class inside `Gil::with_world_stopped`.
//! Properties: the write never overlaps a read of the cell (loom reports a data race
//! otherwise), and a class loaded before the stop is still valid when used after it, as long
//! as the writer keeps the old class (production: makes it immortal). Run with `make loom`;
//! without `--cfg loom` this file compiles to nothing.
#![cfg(loom)]

use std::sync::Arc;

use gilvm_sync::stw::StwCell;
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails, yield_now};
use gilvm_sync::{EvalBreaker, Gil, Priority, ThreadState};
use loom::cell::UnsafeCell;

/// A class object: its state is "live" until freed (the free is a write, so a use that is
/// not ordered after it is a data race, and one ordered after it fails the assertion).
struct Class {
    live: UnsafeCell<bool>,
}

impl Class {
    fn new() -> Class {
        Class {
            live: UnsafeCell::new(true),
        }
    }
    fn use_(&self) {
        // SAFETY: checked by loom.
        assert!(self.live.with(|l| unsafe { *l }), "used a freed class");
    }
    fn free(&self) {
        // SAFETY: checked by loom.
        self.live.with_mut(|l| unsafe { *l = false });
    }
}

/// The eval-breaker check an attached thread makes between bytecodes (`gilvm-vm`'s
/// `threads.rs`): where it answers solo-mode ends and parks for a stop.
fn breaker_check(gil: &Gil, ts: &Arc<ThreadState>) {
    if ts.eval_breaker.take(EvalBreaker::SOLO_END) != 0 {
        gil.ack_solo_end(ts);
    }
    if ts.eval_breaker.take(EvalBreaker::STOP_WORLD) != 0 {
        gil.park_for_stop(ts);
    }
}

/// Thread R reads the instance's class twice, each time passing an eval-breaker check
/// between the load and the use; the main thread replaces the class with the world
/// stopped, then (`free_old`) frees the old class once the world runs again: the protocol
/// violation the production code avoids by making the old class immortal.
fn class_swap_while_another_thread_reads(free_old: bool) {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    let gil = Arc::new(Gil::new());
    let classes = Arc::new([Class::new(), Class::new()]);
    let addr = |i: usize, c: &[Class; 2]| &c[i] as *const Class as usize;
    let cell = Arc::new(StwCell::new(addr(0, &classes)));
    let r = {
        let (gil, cell, classes) = (gil.clone(), cell.clone(), classes.clone());
        loom::thread::spawn(move || {
            let _keep = classes; // the classes' memory outlives every reader
            let ts = Arc::new(ThreadState::new_current());
            gil.register_thread(&ts);
            gil.take(&ts, Priority::Normal);
            for _ in 0..2 {
                let c = cell.get() as *const Class;
                breaker_check(&gil, &ts);
                // SAFETY: the address of one of the two classes, whose memory `_keep` holds.
                unsafe { (*c).use_() };
                yield_now();
            }
            // SAFETY: taken above.
            unsafe { gil.drop_gil(&ts, false) };
            gil.unregister_thread(&ts);
        })
    };
    let me = Arc::new(ThreadState::new_current());
    gil.register_thread(&me);
    gil.take(&me, Priority::Normal);
    let new = addr(1, &classes);
    let old = gil.with_world_stopped(&me, |stopped| cell.replace(stopped, new));
    assert_eq!(old, addr(0, &classes));
    if free_old {
        // SAFETY: the address of `classes[0]`.
        unsafe { (*(old as *const Class)).free() };
    }
    breaker_check(&gil, &me);
    // SAFETY: taken above.
    unsafe { gil.drop_gil(&me, false) };
    gil.unregister_thread(&me);
    r.join().unwrap();
}

#[test]
fn model_class_swap_excludes_readers_and_keeps_the_old_class() {
    check_model(true, || class_swap_while_another_thread_reads(false));
}

#[test]
fn broken_class_swap_without_stopping_the_world_is_found() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    assert!(model_fails(Bug::StwWriteWithoutStop, true, || {
        class_swap_while_another_thread_reads(false)
    }));
}

#[test]
fn hazard_old_class_freed_when_the_world_restarts_is_found() {
    if !gilvm_sync::FREE_THREADING {
        return;
    }
    assert!(model_fails(Bug::None, true, || {
        class_swap_while_another_thread_reads(true)
    }));
}
