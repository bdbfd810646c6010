//! An instance's class: read with a plain load on every attribute access, replaced by
//! `__class__` assignment with the world stopped.
//!
//! # Scheme
//! The instance holds a counted reference to its class, kept as the address of the class's
//! own uncounted self-reference (`TypeObject::this`) in a
//! [`StwCell`](gilvm_sync::stw::StwCell). Reading the class ([`ClassSlot::get`], or `Deref`)
//! is one plain load giving `&ObjRef` that points *into the class object*, never into the
//! instance, so a reference a reader holds stays valid when the instance's class changes
//! under it: it still names the old class, which stays alive.
//!
//! [`ClassSlot::replace`] (`obj.__class__ = C`) runs with the world stopped (the
//! [`WorldStopped`] token: `Gil::with_world_stopped`), so no reader loads the slot while it
//! is written (`gilvm_sync::stw` says why the plain loads are then race-free). A reader that
//! loaded the old class before the stop may still use it after the world restarts (it
//! parked in the middle of an operation that called Python code), and gilvm cannot tell
//! when every such reader is done, so the old class is made immortal first: it is never
//! freed. A class is rarely freed anyway (its methods' globals usually refer to it, and
//! cycles are not collected), so this costs nothing in practice. The loom model
//! `gilvm-sync/tests/loom_stw.rs` checks the write against the production stop-the-world,
//! with the variants that write without stopping it and that free the old class when the
//! world restarts.
use std::ops::Deref;

use gilvm_sync::stw::{StwCell, WorldStopped};

use crate::objref::ObjRef;
use crate::payload::Payload;

/// An instance's class (see the module docs). Derefs to the class's `ObjRef`.
pub struct ClassSlot {
    /// The address of `TypeObject::this` of the class, of which the slot owns one count.
    this: StwCell<usize>,
}

impl ClassSlot {
    /// A slot holding `class` (a type object), taking over its count.
    pub fn new(class: ObjRef) -> ClassSlot {
        let this = this_addr(&class);
        std::mem::forget(class);
        ClassSlot {
            this: StwCell::new(this),
        }
    }

    /// The class.
    #[inline(always)]
    pub fn get(&self) -> &ObjRef {
        // SAFETY: the address of the `this` field of a type object that is alive while the
        // slot holds it (it owns a count) and for good after it was replaced (immortal).
        unsafe { &*(self.this.get() as *const ObjRef) }
    }

    /// A key identifying the class (the address of its `TypeObject::this`, one load, no
    /// dereference): equal for two slots holding the same class, different for two live
    /// classes. Caches keyed by it must, as those keyed by a class's address, be validated
    /// by the type epoch (a freed class's key may be reused by a new one).
    #[inline(always)]
    pub fn key(&self) -> usize {
        self.this.get()
    }

    /// Makes `class` the instance's class, with the world stopped; the old class becomes
    /// immortal (module docs) and is returned.
    pub fn replace(&self, stopped: &WorldStopped<'_>, class: ObjRef) -> ObjRef {
        let new = this_addr(&class);
        std::mem::forget(class);
        let old = self.this.replace(stopped, new);
        // SAFETY: `old` is the `this` of the class the slot held a count of, which the
        // slot hands over to the returned reference.
        let old = unsafe { std::ptr::read(old as *const ObjRef) };
        old.make_immortal();
        old
    }
}

impl Deref for ClassSlot {
    type Target = ObjRef;
    #[inline(always)]
    fn deref(&self) -> &ObjRef {
        self.get()
    }
}

impl Drop for ClassSlot {
    fn drop(&mut self) {
        // SAFETY: the slot owns one count of its class, released here.
        drop(unsafe { std::ptr::read(self.get() as *const ObjRef) });
    }
}

/// The address of `class`'s `this` (an instance's class is always a type object).
fn this_addr(class: &ObjRef) -> usize {
    match class.payload() {
        Payload::Type(t) => t.this() as *const ObjRef as usize,
        _ => unreachable!("an instance's class is a type"),
    }
}
