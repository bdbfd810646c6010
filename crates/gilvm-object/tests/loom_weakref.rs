//! Loom model of a weak reference's upgrade racing its referent's last decrement
//! (free-threaded build): `Header::try_incref` under the weak-reference table's stripe
//! lock (`src/weakref.rs`, `upgrade`), against the owner's final decrement (the merge CAS
//! that the `WEAK` bit forces, `src/header.rs`) and the free path, which clears the weak
//! references under the same lock before releasing the object (`src/lifecycle.rs`,
//! `src/objref.rs`). Run with `make loom`.
//!
//! Properties, in every explored execution (the header's loom checks): the referent is
//! freed exactly once, never touched after its free, and not leaked; an upgrade answers
//! either a reference that keeps the object alive until it is dropped, or None.
//!
//! The broken variant makes `try_incref` count an object whose count already reached 0:
//! the upgrade then revives an object whose free has begun, and loom reports the object
//! freed twice or touched after its free.
#![cfg(all(loom, feature = "free-threading"))]

use std::sync::Arc;

use gilvm_object::objref::{loom_reclaim, unregister_thread};
use gilvm_object::weakref::{self, WeakKind, WeakState};
use gilvm_object::Value;
use gilvm_sync::sync::broken::Bug;
use gilvm_sync::sync::{check_model, model_fails};

mod common;
use common::{attach, new_object, py};

/// The owner creates an object and a weak reference to it, then drops the object (its
/// last reference: the local count reaches 0, and the `WEAK` bit sends it through the
/// merge CAS). Another thread upgrades the weak reference meanwhile and drops what it got.
fn upgrade_races_last_decref() {
    let owner = attach();
    let obj = new_object();
    let outer = new_object();
    let (addr, outer_addr) = (obj.addr(), outer.addr());
    let state = Arc::new(Box::new(WeakState::new()));
    weakref::register(&obj, &state, &outer, Value::None, WeakKind::Other);
    let t = {
        let state = state.clone();
        loom::thread::spawn(move || {
            let got = weakref::upgrade(&state);
            if let Some(o) = &got {
                assert_eq!(o.ref_count() > 0, true);
            }
            drop(got);
        })
    };
    drop(obj);
    t.join().unwrap();
    assert!(!state.is_alive(), "the weak reference was not cleared");
    drop(state);
    drop(outer);
    unregister_thread(py(), &owner);
    // SAFETY: all references are gone and no thread touches the objects any more.
    unsafe {
        loom_reclaim(addr);
        loom_reclaim(outer_addr);
    }
}

#[test]
fn model_weakref_upgrade_races_last_decref() {
    check_model(false, upgrade_races_last_decref);
}

#[test]
fn broken_weakref_try_incref_ignores_death_is_found() {
    assert!(model_fails(
        Bug::TryIncrefIgnoresDeath,
        false,
        upgrade_races_last_decref
    ));
}
