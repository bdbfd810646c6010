//! The object header: reference count storage, and the object's kind tag (`payload::Kind`,
//! one byte kept where the counts leave padding, so it costs no space in either build).
//!
//! This is one of the two places where `cfg(feature = "free-threading")` may appear (the
//! other is `gilvm-sync`).
//!
//! - **GIL build**: a plain `Cell<u32>`. Sound because every count operation happens on a
//!   thread that holds the GIL (see the `Send`/`Sync` argument in `objref.rs`).
//! - **Free-threaded build**: biased reference counting (see the `imp` module below for the
//!   state table and protocol).
//!
//! `IMMORTAL` marks objects whose count is never changed (None-like singletons, interned
//! strings, type objects, code constants); they are never freed.

/// Count value of an immortal object.
pub const IMMORTAL: u32 = u32::MAX;

/// Whether lock-free caches may hold uncounted references to mortal objects. In the GIL
/// build a cached reference is used only while the dict version that validated it is
/// unchanged — so the dict still holds a reference — and the GIL excludes a concurrent
/// rebinding. In the free-threaded build another thread could rebind and free the object
/// between validation and use, so only immortal objects are cached.
pub const CACHE_MORTAL: bool = !cfg!(feature = "free-threading");

/// Whether objects published to shared namespaces become immortal (free-threaded build).
pub const IMMORTALIZE_PUBLISHED: bool = cfg!(feature = "free-threading");

#[cfg(not(feature = "free-threading"))]
mod imp {
    use super::IMMORTAL;
    use std::cell::Cell;

    /// Reference count word (GIL build: non-atomic).
    pub struct Header {
        rc: Cell<u32>,
        /// The payload kind (`payload::Kind`), fixed at allocation.
        kind: u8,
        /// Model checking only: set when the object is freed.
        #[cfg(loom)]
        freed: Cell<bool>,
    }

    impl Header {
        #[inline(always)]
        pub const fn new(kind: u8) -> Header {
            Header {
                rc: Cell::new(1),
                kind,
                #[cfg(loom)]
                freed: Cell::new(false),
            }
        }
        /// Model checking: records the free (asserts it is the first).
        #[cfg(loom)]
        pub fn loom_mark_freed(&self) {
            assert!(!self.freed.replace(true), "object freed twice");
        }
        /// Model checking: has the object been freed?
        #[cfg(loom)]
        pub fn loom_is_freed(&self) -> bool {
            self.freed.get()
        }
        /// The payload kind given to `new`.
        #[inline(always)]
        pub fn kind(&self) -> u8 {
            self.kind
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
        pub fn is_immortal(&self) -> bool {
            self.rc.get() == IMMORTAL
        }
        /// Is the caller's reference the only one? (GIL build: the count is 1.)
        #[inline(always)]
        pub fn is_unique_to_current_thread(&self) -> bool {
            self.rc.get() == 1
        }
        /// Decrements; see [`Dec`].
        #[inline(always)]
        pub fn decref_action(&self) -> Dec {
            if self.decref() {
                Dec::Free
            } else {
                Dec::Nothing
            }
        }
        /// Never called in the GIL build (nothing is ever queued).
        pub fn explicit_merge(&self, _extra: i64) -> i64 {
            self.rc.get() as i64
        }
    }

    /// What a decrement asks the caller to do.
    pub enum Dec {
        Nothing,
        Free,
        /// Queue to this owner (never produced in the GIL build).
        #[allow(dead_code)]
        Queue(u64),
    }
}

#[cfg(feature = "free-threading")]
mod imp {
    //! Biased reference counting (PEP 703; CPython's `Objects/object.c`, `Python/brc.c`).
    //!
    //! The true count is `local + (shared >> 2)`. The *owner* (the creating thread)
    //! changes `local` with plain (non-read-modify-write) relaxed stores; other threads
    //! change `shared` atomically. `shared` may go negative.
    //!
    //! # The shared word: `count << 2 | flags`
    //!
    //! | flags | state | set by | meaning |
    //! |---|---|---|---|
    //! | 0 | none | creation | counts not merged; owner alive or not yet known dead |
    //! | 1 | `MAYBE_WEAKREF` | a publisher (reserved for lock-free readers) | others may try-incref |
    //! | 2 | `QUEUED` | a non-owner `decref_shared` that found count 0 | object is in the owner's merge queue, which holds one reference |
    //! | 3 | `MERGED` | the owner (`merge_zero_local`) or a queue drain (`explicit_merge`) | `local` is folded in; only `shared` counts now, and the owner field is 0 |
    //!
    //! # Protocol
    //! 1. incref: immortal → nothing; owner → `local += 1`; other → `shared += 4`.
    //! 2. decref by owner: `local -= 1`; at 0 `merge_zero_local`: if `shared == 0` the object
    //!    is dead; else clear `owner` **first** (ordering: gh-119999 / gh-121794 — a
    //!    non-owner that later reads owner 0 must see the object as merged, never queue it to
    //!    us), then CAS the flags to `MERGED` keeping the count; free if the count is 0.
    //! 3. decref by a non-owner (`decref_shared`), CAS loop: if `shared` is 0 or
    //!    `MAYBE_WEAKREF` (count 0: this decrement may make the object dead) set `QUEUED`
    //!    without subtracting and queue the object to the owner (the queue holds this
    //!    reference); else subtract 4, and free if the result is exactly `MERGED` with count 0.
    //! 4. The owner drains its queue at its eval-breaker check (`MERGE_REFS`):
    //!    `explicit_merge(-1)` and free at 0. A queue push to an owner that has exited fails
    //!    and the pusher merges directly. Thread ids are never reused.
    //!
    //! Objects are freed exactly once: by the owner at step 2, by a non-owner at step 3, or
    //! by whoever merges at step 4 — each of these observes the true count reach 0 in a
    //! single atomic transition of `shared`.
    use super::IMMORTAL;
    use gilvm_sync::sync::atomic::{AtomicI64, AtomicU32, AtomicU64, Ordering};
    #[cfg(loom)]
    use gilvm_sync::sync::broken::{active, Bug};

    const SHIFT: u32 = 2;
    const MASK: i64 = 3;
    #[allow(dead_code)]
    pub const MAYBE_WEAKREF: i64 = 1;
    pub const QUEUED: i64 = 2;
    pub const MERGED: i64 = 3;

    /// Reference count words (free-threaded build: biased counting).
    pub struct Header {
        owner: AtomicU64,
        shared: AtomicI64,
        local: AtomicU32,
        /// The payload kind (`payload::Kind`), fixed at allocation; it sits in what would
        /// otherwise be padding after `local`.
        kind: u8,
        /// Model checking only: set when the object is freed; every header access checks it
        /// (a loom cell, so an access that races the free is reported too).
        #[cfg(loom)]
        freed: loom::cell::UnsafeCell<bool>,
    }

    /// What a decrement asks the caller to do.
    pub enum Dec {
        Nothing,
        Free,
        /// Queue to this owner (the queue now holds the reference).
        Queue(u64),
    }

    impl Header {
        #[inline(always)]
        pub fn new(kind: u8) -> Header {
            Header {
                owner: AtomicU64::new(gilvm_sync::current_thread_id()),
                shared: AtomicI64::new(0),
                local: AtomicU32::new(1),
                kind,
                #[cfg(loom)]
                freed: loom::cell::UnsafeCell::new(false),
            }
        }
        /// Model checking: asserts the object has not been freed (see `freed`).
        #[cfg(loom)]
        #[track_caller]
        fn touch(&self) {
            // SAFETY: loom checks this read against the write in `loom_mark_freed`.
            let freed = self.freed.with(|f| unsafe { *f });
            assert!(!freed, "object touched after it was freed");
        }
        /// Model checking: records the free (asserts it is the first).
        #[cfg(loom)]
        pub fn loom_mark_freed(&self) {
            // SAFETY: loom checks this write against every other access of the cell.
            self.freed.with_mut(|f| unsafe {
                assert!(!*f, "object freed twice");
                *f = true;
            });
        }
        /// Model checking: has the object been freed?
        #[cfg(loom)]
        pub fn loom_is_freed(&self) -> bool {
            // SAFETY: as in `touch`.
            self.freed.with(|f| unsafe { *f })
        }
        /// The payload kind given to `new`.
        #[inline(always)]
        pub fn kind(&self) -> u8 {
            self.kind
        }
        #[inline(always)]
        pub fn incref(&self) {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            if local == IMMORTAL {
                return;
            }
            if self.owner.load(Ordering::Relaxed) == gilvm_sync::current_thread_id_or_none() {
                self.local.store(local + 1, Ordering::Relaxed);
            } else {
                self.shared.fetch_add(1 << SHIFT, Ordering::Relaxed);
                gilvm_sync::stats::shared_incref();
            }
        }
        /// Decrements; see [`Dec`].
        #[inline(always)]
        pub fn decref_action(&self) -> Dec {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            if local == IMMORTAL {
                return Dec::Nothing;
            }
            if self.owner.load(Ordering::Relaxed) == gilvm_sync::current_thread_id_or_none() {
                let local = local - 1;
                self.local.store(local, Ordering::Relaxed);
                if local != 0 {
                    return Dec::Nothing;
                }
                return if self.merge_zero_local() {
                    Dec::Free
                } else {
                    Dec::Nothing
                };
            }
            self.decref_shared()
        }
        /// Step 2 (owner, local reached 0). Returns true when the object is dead.
        #[cold]
        fn merge_zero_local(&self) -> bool {
            let mut shared = self.shared.load(Ordering::Acquire);
            if shared == 0 {
                return true;
            }
            // ordering: clear the owner before the merging CAS (gh-119999). Covered by the
            // loom model `owner_merge_races_non_owner_final_decref` (tests/loom_brc.rs).
            #[cfg(loom)]
            let after = active(Bug::OwnerClearedAfterMergeCas);
            #[cfg(not(loom))]
            let after = false;
            if !after {
                self.owner.store(0, Ordering::Release);
            }
            loop {
                let new = (shared & !MASK) | MERGED;
                match self.shared.compare_exchange_weak(
                    shared,
                    new,
                    Ordering::AcqRel,
                    Ordering::Acquire,
                ) {
                    Ok(_) => {
                        if after {
                            self.owner.store(0, Ordering::Release);
                            #[cfg(loom)]
                            self.touch();
                        }
                        return new == MERGED;
                    }
                    Err(s) => shared = s,
                }
            }
        }
        /// Step 3 (non-owner). Out of line: the owner's path, which every decrement of a
        /// thread's own objects takes, stays small enough to inline at every drop.
        #[inline(never)]
        fn decref_shared(&self) -> Dec {
            gilvm_sync::stats::shared_decref();
            let mut shared = self.shared.load(Ordering::Relaxed);
            loop {
                let queue = shared == 0 || shared == MAYBE_WEAKREF;
                let new = if queue { QUEUED } else { shared - (1 << SHIFT) };
                #[cfg(loom)]
                if active(Bug::SharedDecrementNotAtomic) {
                    // The bug: a load above and a plain store here, not one RMW.
                    self.shared.store(new, Ordering::Release);
                    if queue {
                        return Dec::Queue(self.owner.load(Ordering::Acquire));
                    }
                    return if new == MERGED {
                        Dec::Free
                    } else {
                        Dec::Nothing
                    };
                }
                match self.shared.compare_exchange_weak(
                    shared,
                    new,
                    Ordering::AcqRel,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        if queue {
                            return Dec::Queue(self.owner.load(Ordering::Acquire));
                        }
                        return if new == MERGED {
                            Dec::Free
                        } else {
                            Dec::Nothing
                        };
                    }
                    Err(s) => shared = s,
                }
            }
        }
        /// Step 4: folds `local` and `extra` into `shared` and marks the object merged.
        /// Returns the resulting true count.
        pub fn explicit_merge(&self, extra: i64) -> i64 {
            #[cfg(loom)]
            self.touch();
            let mut shared = self.shared.load(Ordering::Relaxed);
            loop {
                let count = (shared >> SHIFT) + self.local.load(Ordering::Relaxed) as i64 + extra;
                let new = (count << SHIFT) | MERGED;
                match self.shared.compare_exchange_weak(
                    shared,
                    new,
                    Ordering::AcqRel,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        self.local.store(0, Ordering::Relaxed);
                        self.owner.store(0, Ordering::Release);
                        return count;
                    }
                    Err(s) => shared = s,
                }
            }
        }
        #[inline(always)]
        pub fn count(&self) -> u32 {
            let local = self.local.load(Ordering::Relaxed);
            if local == IMMORTAL {
                return IMMORTAL;
            }
            (local as i64 + (self.shared.load(Ordering::Relaxed) >> SHIFT)).max(0) as u32
        }
        pub fn make_immortal(&self) {
            self.local.store(IMMORTAL, Ordering::Relaxed)
        }
        pub fn is_immortal(&self) -> bool {
            self.local.load(Ordering::Relaxed) == IMMORTAL
        }
        /// Is the calling thread's one reference the only reference to this object? True
        /// when this thread owns the object, counts exactly one local reference, and the
        /// shared word is 0 (no reference held by another thread, none queued or merged, no
        /// weak reader). The true count is then 1 and that reference is the caller's, so no
        /// other thread can reach the object until the caller hands out a new reference.
        ///
        /// ordering: the Acquire load of `shared` pairs with the AcqRel decrement of the
        /// last other thread that held a reference, so everything it did to the object
        /// (under the object's lock, released before its decrement) happens-before the
        /// caller's unlocked access.
        #[inline(always)]
        pub fn is_unique_to_current_thread(&self) -> bool {
            #[cfg(loom)]
            self.touch();
            #[cfg(loom)]
            let order = if active(Bug::ExclusiveCheckRelaxed) {
                Ordering::Relaxed
            } else {
                Ordering::Acquire
            };
            #[cfg(not(loom))]
            let order = Ordering::Acquire;
            self.local.load(Ordering::Relaxed) == 1
                && self.owner.load(Ordering::Relaxed) == gilvm_sync::current_thread_id_or_none()
                && self.shared.load(order) == 0
        }
    }
}

pub use imp::{Dec, Header};
