//! What the object model's loom models share: a `Py` token for model threads, a small
//! object, and an attached thread registered for merge queues.
#![cfg(all(loom, feature = "free-threading"))]
#![allow(dead_code)]

use std::sync::Arc;

use gilvm_object::objref::register_thread;
use gilvm_object::{ObjRef, Owned, Py};
use gilvm_sync::ThreadState;

pub fn py() -> Py<'static> {
    // SAFETY: model threads stand for attached threads.
    unsafe { Py::assume_attached() }
}

pub fn new_object() -> ObjRef {
    ObjRef::new(py(), Owned::Bytes(Box::new([])))
}

/// An attached thread that can own objects (registered for merge queues).
pub fn attach() -> Arc<ThreadState> {
    let ts = Arc::new(ThreadState::new_current());
    register_thread(&ts);
    ts
}
