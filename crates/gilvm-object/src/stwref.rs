//! A field read with a plain load on hot paths and replaced, rarely, with the world stopped:
//! a function's `__code__`, `__defaults__` and `__kwdefaults__` (issue 19: the Lib's
//! `namedtuple` assigns `__new__.__defaults__`, `types.coroutine` assigns `__code__`).
//!
//! # Scheme
//! [`StwRef<T>`] owns a heap box holding the value and keeps the box's address in a
//! [`StwCell`](gilvm_sync::stw::StwCell): reading ([`StwRef::get`], or `Deref`) is one plain
//! load giving `&T` into the box. [`StwRef::replace`] runs with the world stopped
//! ([`WorldStopped`]), so no reader loads the address while it is written
//! (`gilvm_sync::stw` says why the plain loads are then race-free), and installs a new box.
//! A reader that loaded the old address before the stop may still use it after the world
//! restarts (it parked in the middle of a call), and gilvm cannot tell when every such
//! reader is done, so the old box is leaked, with the references it holds: the old value
//! stays valid for good. Replacements are rare (a few per program), so the leak is bounded
//! by what the program assigns. This is `instclass.rs`'s scheme for an instance's class,
//! with a box in place of the class's own self-reference.
use std::marker::PhantomData;
use std::ops::Deref;

use gilvm_sync::stw::{StwCell, WorldStopped};

/// A value read without a lock and replaced with the world stopped (module docs).
pub struct StwRef<T> {
    /// The address of a `Box<T>` the cell owns.
    ptr: StwCell<usize>,
    _owns: PhantomData<Box<T>>,
}

impl<T> StwRef<T> {
    pub fn new(value: T) -> StwRef<T> {
        StwRef {
            ptr: StwCell::new(Box::into_raw(Box::new(value)) as usize),
            _owns: PhantomData,
        }
    }

    /// The current value.
    #[inline(always)]
    pub fn get(&self) -> &T {
        // SAFETY: the address of a box this cell owns, or of one it replaced, which is
        // leaked and so valid for good (module docs).
        unsafe { &*(self.ptr.get() as *const T) }
    }

    /// Installs `value`, with the world stopped; the old value is leaked (module docs).
    pub fn replace(&self, stopped: &WorldStopped<'_>, value: T) {
        let new = Box::into_raw(Box::new(value)) as usize;
        let _old = self.ptr.replace(stopped, new);
    }
}

impl<T> Deref for StwRef<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        self.get()
    }
}

impl<T> Drop for StwRef<T> {
    fn drop(&mut self) {
        // SAFETY: the cell owns the current box (the function is being freed: no reader).
        drop(unsafe { Box::from_raw(self.ptr.get() as *mut T) });
    }
}
