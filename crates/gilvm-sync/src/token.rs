//! The attachment token [`Py`].
//!
//! A `Py<'py>` is a zero-sized proof that the current thread is attached to the VM for the
//! lifetime `'py`. Object APIs take it by value (it is `Copy`), so code that runs detached
//! (inside [`crate::thread::detach`], or on a thread that has not attached yet) has no token
//! and cannot touch an object.
//!
//! The token is `!Send` and `!Sync`: it cannot be smuggled to another thread, which is what
//! makes it a per-thread proof.
use std::marker::PhantomData;

/// Proof that the current thread is attached to the VM. See the module docs.
#[derive(Clone, Copy)]
pub struct Py<'py> {
    _not_send: PhantomData<(&'py (), *const ())>,
}

impl<'py> Py<'py> {
    /// Creates a token.
    ///
    /// # Safety
    /// The current thread must be attached to the VM (see [`crate::thread::attach`]) for the
    /// whole of `'py`: in the GIL build it holds the GIL, in the free-threaded build it is a
    /// registered, attached thread. The VM creates tokens only in `attach` and when it resumes
    /// after a `detach`.
    #[inline(always)]
    pub unsafe fn assume_attached() -> Py<'py> {
        Py {
            _not_send: PhantomData,
        }
    }
}
