//! The object header: reference count storage.
//!
//! This is one of the two places where `cfg(feature = "free-threading")` may appear (the
//! other is `gilvm-sync`).
//!
//! - **GIL build**: a plain `Cell<u32>`. Sound because every count operation happens on a
//!   thread that holds the GIL (see the `Send`/`Sync` argument in `objref.rs`).
//! - **Free-threaded build** (this version): an atomic count. Biased reference counting
//!   replaces it in the free-threaded work (issue 5).
//!
//! `IMMORTAL` marks objects whose count is never changed (None-like singletons, interned
//! strings, type objects, code constants); they are never freed.

/// Count value of an immortal object.
pub const IMMORTAL: u32 = u32::MAX;

#[cfg(not(feature = "free-threading"))]
mod imp {
    use super::IMMORTAL;
    use std::cell::Cell;

    /// Reference count word (GIL build: non-atomic).
    pub struct Header {
        rc: Cell<u32>,
    }

    impl Header {
        #[inline(always)]
        pub const fn new() -> Header {
            Header { rc: Cell::new(1) }
        }
        #[inline(always)]
        pub fn incref(&self) {
            let c = self.rc.get();
            if c != IMMORTAL {
                self.rc.set(c + 1);
            }
        }
        /// Returns true when the count reached zero and the caller must free the object.
        #[inline(always)]
        pub fn decref(&self) -> bool {
            let c = self.rc.get();
            if c == IMMORTAL {
                return false;
            }
            self.rc.set(c - 1);
            c == 1
        }
        #[inline(always)]
        pub fn count(&self) -> u32 {
            self.rc.get()
        }
        pub fn make_immortal(&self) {
            self.rc.set(IMMORTAL)
        }
    }
}

#[cfg(feature = "free-threading")]
mod imp {
    use super::IMMORTAL;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// Reference count word (free-threaded build: atomic; biased counting comes later).
    pub struct Header {
        rc: AtomicU32,
    }

    impl Header {
        #[inline(always)]
        pub const fn new() -> Header {
            Header { rc: AtomicU32::new(1) }
        }
        #[inline(always)]
        pub fn incref(&self) {
            if self.rc.load(Ordering::Relaxed) != IMMORTAL {
                self.rc.fetch_add(1, Ordering::Relaxed);
            }
        }
        #[inline(always)]
        pub fn decref(&self) -> bool {
            if self.rc.load(Ordering::Relaxed) == IMMORTAL {
                return false;
            }
            // ordering: Release so that this thread's writes to the object happen-before the
            // free; the freeing thread's Acquire fence pairs with it.
            if self.rc.fetch_sub(1, Ordering::Release) == 1 {
                std::sync::atomic::fence(Ordering::Acquire);
                return true;
            }
            false
        }
        #[inline(always)]
        pub fn count(&self) -> u32 {
            self.rc.load(Ordering::Relaxed)
        }
        pub fn make_immortal(&self) {
            self.rc.store(IMMORTAL, Ordering::Relaxed)
        }
    }
}

pub use imp::Header;
