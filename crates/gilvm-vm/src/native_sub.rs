//! Python classes deriving from native types (issue 19, branch natives): the Lib's
//! `random.py` says `class Random(_random.Random)`, and other C types of CPython are
//! bases of Lib classes too.
//!
//! # Representation
//! A native type opts in with [`allow_subclass`]. A class deriving from it has the layout
//! `Layout::Base(BuiltinBase::Native)`; its instances are ordinary instances (class,
//! attributes, `__dict__`) that hold the native object in `InstanceBase::Value`, as an
//! instance of a subclass of `int` holds its plain int (`builtin_sub.rs`). The native
//! type's `__new__(cls, …)` makes its native object as for the type itself and wraps it
//! with [`wrap_new`]; its methods find their native state through
//! [`Value::base_value`](gilvm_object::Value::base_value), which looks through such an
//! instance in one step (its plain arm first, so the native type's own objects pay
//! nothing).
//!
//! # Threads
//! The native object's state stays behind its own `ObjCell`, so the native methods keep
//! the critical sections they have on the type itself; the instance's attributes are an
//! instance's.
//!
//! # Invariants
//! The registry holds immortal type objects only (native types are), compared by address;
//! it is written at module initialisation and read when a class is created.
use std::sync::Mutex;

use gilvm_object::payload::{BuiltinBase, InstanceBase};
use gilvm_object::types::Layout;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

/// The addresses of the native types classes may derive from.
static SUBCLASSABLE: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// The addresses of the native types CPython marks as final (no `Py_TPFLAGS_BASETYPE`):
/// "type 'operator.itemgetter' is not an acceptable base type".
static FINAL: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// Refuses Python classes deriving from native type `t` with CPython's message.
pub fn mark_final(t: &ObjRef) {
    t.make_immortal();
    let mut v = FINAL.lock().unwrap_or_else(|e| e.into_inner());
    if !v.contains(&t.addr()) {
        v.push(t.addr());
    }
}

/// Was `b` marked final?
pub fn is_final(b: &ObjRef) -> bool {
    let v = FINAL.lock().unwrap_or_else(|e| e.into_inner());
    v.contains(&b.addr())
}

/// Lets Python classes derive from native type `t` (an immortal type object).
pub fn allow_subclass(t: &ObjRef) {
    t.make_immortal();
    let mut v = SUBCLASSABLE.lock().unwrap_or_else(|e| e.into_inner());
    if !v.contains(&t.addr()) {
        v.push(t.addr());
    }
}

/// The layout of a class deriving directly from builtin type `b` when it is `module` or a
/// native type that allows it; None otherwise.
pub fn base_layout(interp: &Interp, b: &ObjRef) -> Option<Layout> {
    if b.is(&interp.g.types.module) {
        return Some(Layout::Base(BuiltinBase::Module));
    }
    let v = SUBCLASSABLE.lock().unwrap_or_else(|e| e.into_inner());
    v.contains(&b.addr())
        .then_some(Layout::Base(BuiltinBase::Native))
}

/// The class `cls` of `T.__new__(cls, …)` for native type `t`: None for `t` itself, the
/// class for a subclass; CPython's `TypeError`s otherwise.
pub fn new_target(interp: &Interp, args: &Args<'_>, t: &ObjRef) -> PyResult<Option<ObjRef>> {
    crate::builtin_sub::new_target(interp, args, t)
}

/// The object `T.__new__(cls, …)` returns: the native object `obj` itself for `cls` None
/// (the type), else a new instance of `cls` holding it.
pub fn wrap_new(interp: &Interp, cls: Option<&ObjRef>, obj: Value) -> Value {
    match cls {
        None => obj,
        Some(c) => interp.new_base_instance(c, InstanceBase::Value(obj)),
    }
}

/// The native object `v` stands for: `v` itself, or the one an instance of a subclass of
/// a native type holds.
#[inline]
pub fn native_of(v: &Value) -> &Value {
    v.base_value()
}

/// Is `v` a native object (`Payload::Native`) or an instance holding one?
pub fn is_native(v: &Value) -> bool {
    matches!(native_of(v), Value::Obj(o) if matches!(o.payload(), Payload::Native(_)))
}
