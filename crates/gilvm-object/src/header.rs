//! The object header: reference count storage, and the object's kind tag (`payload::Kind`,
//! one byte that costs no word of its own in either build).
//!
//! This is one of the two places where `cfg(feature = "free-threading")` may appear (the
//! other is `gilvm-sync`).
//!
//! - **GIL build** (8 bytes): a plain `Cell<u32>` count and the kind byte in what would
//!   otherwise be padding. Sound because every count operation happens on a thread that
//!   holds the GIL (see the `Send`/`Sync` argument in `objref.rs`).
//! - **Free-threaded build** (16 bytes): biased reference counting in three words: the
//!   shared count with its state bits (64), the owner's local count with the kind byte in
//!   its low 8 bits (32), and the owner thread's id (32). See the `imp` module below for
//!   the layout, why the bits are split this way, the state table and the protocol.
//!
//! `IMMORTAL` marks objects whose count is never changed (None-like singletons, interned
//! strings, builtin type objects, code constants); they are never freed. Free-threaded
//! build: published functions, classes, modules and code are counted per thread instead
//! (see "Per-thread counts" in the `imp` module), and freed by the cycle collector.

/// Count value of an immortal object.
pub const IMMORTAL: u32 = u32::MAX;

/// Whether lock-free caches may hold uncounted references to mortal objects. In the GIL
/// build a cached reference is used only while the dict version that validated it is
/// unchanged — so the dict still holds a reference — and the GIL excludes a concurrent
/// rebinding. In the free-threaded build another thread could rebind and free the object
/// between validation and use, so only immortal objects and per-thread counted ones are
/// cached. Why the latter are safe to hold uncounted:
/// 1. A per-thread counted object is freed only by the cycle collector, with the world
///    stopped (no decrement frees it: "Per-thread counts" below), so only at a point where
///    every other thread is parked at an eval-breaker check or detached.
/// 2. A reader validates an entry (the dict version or type epoch it was filled under is
///    current) and takes its counted reference (`Value::from_cache_words`) with no
///    eval-breaker check in between: no collection can free the object inside that window.
/// 3. When the entry was filled, the namespace held a counted reference; if it still holds
///    it at validation, the object is reachable and no collection frees it. If it let go
///    (a rebinding), the dict's version or the type epoch moved, and the entry fails
///    validation; dict versions are never reused (ranges per dict, `dict.rs`) and a type
///    created at a freed type's address moves the epoch. A namespace that is garbage with
///    the object can be validated against by no one: reaching it would make it reachable.
/// 4. An object the collector demoted (found unreachable: an ordinary count again) that a
///    finalizer then resurrects is switched back to per-thread counts (or made immortal)
///    before the world restarts, so a cached object is never one a decrement may free.
pub const CACHE_MORTAL: bool = !cfg!(feature = "free-threading");

/// Whether objects published to shared namespaces are switched to per-thread reference
/// counts (free-threaded build; `gilvm_sync::ptrc`, "Per-thread counts" below).
pub const PUBLISH_PER_THREAD: bool = cfg!(feature = "free-threading");

#[cfg(not(feature = "free-threading"))]
mod imp {
    use super::IMMORTAL;
    use std::cell::Cell;

    /// Reference count word (GIL build: non-atomic).
    pub struct Header {
        rc: Cell<u32>,
        /// The payload kind (`payload::Kind`), fixed at allocation.
        kind: u8,
        /// `WEAKLY_REFERENCED`: set once, never cleared (in what would be padding).
        flags: Cell<u8>,
        /// Model checking only: set when the object is freed.
        #[cfg(loom)]
        freed: Cell<bool>,
    }

    // The "weakly referenced" flag lives in what would be padding: still 8 bytes.
    #[cfg(not(loom))]
    const _: () = assert!(std::mem::size_of::<Header>() == 8);

    impl Header {
        #[inline(always)]
        pub const fn new(kind: u8) -> Header {
            Header {
                rc: Cell::new(1),
                kind,
                flags: Cell::new(0),
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
        /// Marks the object as weakly referenced (see `weakref.rs`): its free path consults
        /// the weak-reference table. Sticky.
        pub fn set_weakly_referenced(&self) {
            self.flags.set(1);
        }
        /// Has [`set_weakly_referenced`](Self::set_weakly_referenced) been called?
        #[inline(always)]
        pub fn is_weakly_referenced(&self) -> bool {
            self.flags.get() != 0
        }
        /// A new reference unless the count already reached zero (the object is dying):
        /// what a weak reference's upgrade does (`weakref.rs`).
        pub fn try_incref(&self) -> bool {
            let c = self.rc.get();
            if c == 0 {
                return false;
            }
            if c != IMMORTAL {
                self.rc.set(c + 1);
            }
            true
        }
        /// Gives a dying object (count 0, being freed by the caller) one reference again,
        /// owned by the caller: a finalizer runs with it (`lifecycle.rs`).
        pub fn resurrect(&self) {
            self.rc.set(1);
        }
        /// Per-thread counts exist only in the free-threaded build.
        pub fn make_per_thread(&self, _addr: usize) -> bool {
            false
        }
        #[inline(always)]
        pub fn is_per_thread(&self) -> bool {
            false
        }
        pub fn per_thread_index(&self) -> Option<u32> {
            None
        }
        pub fn merge_per_thread(&self, _delta: i64) {}
        pub fn demote_stopped(&self, _w: &gilvm_sync::stw::WorldStopped<'_>) -> i64 {
            self.rc.get() as i64
        }
        pub fn promote_stopped(&self, _addr: usize, _w: &gilvm_sync::stw::WorldStopped<'_>) {}
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
    //! Biased reference counting (PEP 703; CPython's `Objects/object.c`, `Python/brc.c`) in
    //! 16 bytes.
    //!
    //! The true count is `local_count + (shared >> 2)`. The *owner* (the creating thread)
    //! changes its local count with plain (non-read-modify-write) relaxed stores; other
    //! threads change `shared` atomically. `shared` may go negative.
    //!
    //! # Layout: three words
    //!
    //! | word | contents | written by | read by |
    //! |---|---|---|---|
    //! | `shared: AtomicI64` | `count << 2 \| state` (table below) | non-owners (CAS, `fetch_add`); the owner at its cap and at the merge | everyone |
    //! | `local: AtomicU32` | `local_count << 8 \| kind` | the owner (plain stores); a merger once the owner has exited (step 4) | the owner (count), everyone (kind, immortality) |
    //! | `owner: AtomicU32` | the owner's thread id; 0 once merged | creation; cleared once, at the merge | everyone |
    //!
    //! CPython 3.14t spends 24 bytes on the same (`ob_tid` 8, then `ob_flags`, `ob_mutex`,
    //! `ob_gc_bits` and a 32-bit `ob_ref_local` in 8, `ob_ref_shared` 8), plus `ob_type`; the
    //! 24-byte header gilvm had before this layout kept a 64-bit owner and a 32-bit local
    //! count and left 3 bytes of padding.
    //!
    //! **Why the owner keeps 32 bits and the local count gives up 8 to the kind.** Thread
    //! ids are allocated from a counter and never reused (`gilvm_sync::brc` invariant 1:
    //! nothing queued to a dead thread may reach a new one), so they count every thread the
    //! process has ever started. 24 bits would run out after 16.7 million threads: a server
    //! that starts one per request (`ThreadingHTTPServer`) gets there in days, and every
    //! object of every later thread would lose its bias. 32 bits last 4 294 967 294
    //! threads (`u32::MAX` is `gilvm_sync::NO_OWNER`, the key of a thread without a
    //! fitting id, which no owner field holds). A thread beyond that still works: its
    //! objects get owner 0, as if their owner had exited, so everyone counts them in
    //! `shared` and the first decrement that finds the shared count 0 merges them (step 4's
    //! fallback). The local count loses nothing that matters with 23 bits (the count
    //! field's top half holds per-thread indices, below): at its cap (`LOCAL_CAP`,
    //! 8 388 607) the owner counts further references in `shared`, as a non-owner would
    //! (step 1); CPython makes such an object immortal instead, at 2^32.
    //! The kind sits in the low byte so that the hot checks need no mask: the object is
    //! immortal when the word is at least `IMMORTAL_WORD`, immortal or at the cap when it is
    //! at least `CAP_WORD` (one compare on the increment's fast path for both), and the
    //! count reached 0 when the word is below `ONE`. The owner is compared as a 32-bit
    //! word with the thread's key (`gilvm_sync::current_owner_key`, one thread-local load).
    //!
    //! # The shared word: `count << 2 | flags`
    //!
    //! | flags | state | set by | meaning |
    //! |---|---|---|---|
    //! | 0 | none | creation | counts not merged; owner alive or not yet known dead |
    //! | 1 | `MAYBE_WEAKREF` | a publisher (reserved for lock-free readers) | others may try-incref |
    //! | 2 | `QUEUED` | a non-owner `decref_shared` that found count 0 | object is in the owner's merge queue, which holds one reference |
    //! | 3 | `MERGED` | the owner (`merge_zero_local`) or a queue drain (`explicit_merge`) | the local count is folded in; only `shared` counts now, and the owner field is 0 |
    //!
    //! # Protocol
    //! 1. incref: immortal → nothing; owner below its cap → local count += 1; other, or the
    //!    owner at its cap → `shared += 4`. (A count in `shared` may stand for anyone's
    //!    reference: only the sum is the object's count.)
    //! 2. decref by owner: local count -= 1; at 0 `merge_zero_local`: if `shared == 0` the
    //!    object is dead; else clear `owner` **first** (ordering: gh-119999 / gh-121794 — a
    //!    non-owner that later reads owner 0 must see the object as merged, never queue it to
    //!    us), then CAS the flags to `MERGED` keeping the count; free if the count is 0.
    //!    References the owner still holds (counted in `shared` at its cap) are dropped
    //!    through step 3 from then on.
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
    //!
    //! The kind byte never changes, so every store to `local` carries it unchanged (a
    //! merger's store of "count 0" keeps it), and a relaxed load reads it at any time.
    //!
    //! # Weak references: the sticky `WEAK` bit and `try_incref`
    //! Bit 2 of `shared` (`WEAK`, so the count is `shared >> 3`) is set, with a `fetch_or`,
    //! when the first weak reference to the object is made (and on every weak reference
    //! object itself), and is never cleared: every transition above keeps it. It does two
    //! things. The free path reads it to decide whether to clear weak references (no
    //! per-object pointer: the list lives in a side table, `weakref.rs`). And it makes
    //! `shared` nonzero, so the owner's last decrement never takes step 2's shortcut
    //! "`shared == 0`: dead without an atomic transition"; the object then dies only by a
    //! CAS that leaves it `MERGED` with count 0, which [`Header::try_incref`] (a weak
    //! reference's upgrade, a CAS adding one to `shared`) can order itself against: it
    //! fails on `MERGED` count 0 and otherwise wins before the death. An upgrade that adds
    //! to a count of 0 in state 0 or `QUEUED` revives an object nobody has started freeing
    //! (the owner's or the drain's merge then sees the count 1), as CPython's
    //! `_Py_TryIncRefShared`. The weak-reference table's lock keeps the memory alive during
    //! the upgrade: the free path clears the weak references under it before freeing.
    //! Loom model: `tests/loom_weakref.rs`.
    //!
    //! # Per-thread counts (published objects; issue 17)
    //! A function, class, module, code object or namespace stored in a module's or class's
    //! namespace is *published* (`ObjRef::publish_shared`): every thread may call it, and
    //! with biased counting every caller but the owner would add to `shared`, one cache
    //! line for all. The owner switches such an object to per-thread counts
    //! ([`Header::make_per_thread`]): it gets an index from `gilvm_sync::ptrc` (whose
    //! essay describes the arrays), its local count is added to `shared`, and the count
    //! field of `local` becomes `PT_BASE + index`. From then on every thread, the owner
    //! included, counts its references in its own array at that index (relaxed load and
    //! store: no contention), and `shared` only receives exit merges and queued
    //! references. The count field's encoding:
    //!
    //! | count field | meaning |
    //! |---|---|
    //! | `0 ..= LOCAL_CAP` | the owner's local count (at `LOCAL_CAP`, more goes to `shared`) |
    //! | `PT_BASE ..= LOCAL_IMMORTAL - 1` | per-thread, index = field − `PT_BASE` |
    //! | `LOCAL_IMMORTAL` (all ones) | immortal |
    //!
    //! so the hot paths still make one compare (`CAP_WORD`) before the owner's path.
    //!
    //! Invariants:
    //! 1. Only the owner switches an object, from a local count of at least one (not
    //!    merged, not at the cap): it alone writes `local`, so no store is lost. A
    //!    non-owner that loaded the old word counts in `shared` meanwhile, which is one of
    //!    the places the true count is summed from; if its decrement queues the object,
    //!    the drain's `explicit_merge` takes the queue's reference from `shared` and frees
    //!    nothing.
    //! 2. The true count is `shared >> 3` plus the sum of every thread's entry. A decrement
    //!    never frees a per-thread object: the cycle collector sums with the world stopped
    //!    and, for one that is unreachable (or, untracked, has count 0), *demotes* it
    //!    ([`Header::demote_stopped`]): the sum goes to `shared` in state `MERGED` with no
    //!    owner, every entry is zeroed and the index freed, and the collector's own
    //!    references then free it by the ordinary path. An object demoted and then
    //!    resurrected by a finalizer is switched back ([`Header::promote_stopped`]).
    //! 3. A thread's exit merge (`gilvm_sync::ptrc::take_current`, then
    //!    [`Header::merge_per_thread`] per entry) runs attached, with no eval-breaker check
    //!    inside: a collection sees each entry in the thread's array or in `shared`, never
    //!    both or neither; concurrent merges of two exiting threads are atomic additions.
    //!
    //! Loom model: `tests/loom_ptrc.rs` (broken variants: a non-atomic merge, a sum
    //! without the world stopped).
    use super::IMMORTAL;
    use gilvm_sync::sync::atomic::{AtomicI64, AtomicU32, Ordering};
    #[cfg(loom)]
    use gilvm_sync::sync::broken::{active, Bug};

    const SHIFT: u32 = 3;
    const MASK: i64 = 3;
    /// Bit 2 of `shared`, sticky: the object is weakly referenced, or is itself a weak
    /// reference (see "Weak references" above).
    pub const WEAK: i64 = 4;
    #[allow(dead_code)]
    pub const MAYBE_WEAKREF: i64 = 1;
    pub const QUEUED: i64 = 2;
    pub const MERGED: i64 = 3;

    /// `local`: the kind in bits 0–7, the local count above it.
    const KIND_BITS: u32 = 8;
    const KIND_MASK: u32 = (1 << KIND_BITS) - 1;
    /// One reference in the local count.
    const ONE: u32 = 1 << KIND_BITS;
    /// Width of the count field: 24 bits; under loom 4, so that a model reaches the cap
    /// with eight references (`loom_brc.rs`) and has seven per-thread indices.
    #[cfg(not(loom))]
    const LOCAL_BITS: u32 = 32 - KIND_BITS;
    #[cfg(loom)]
    const LOCAL_BITS: u32 = 4;
    /// The count field of an immortal object (all ones).
    const LOCAL_IMMORTAL: u32 = (1 << LOCAL_BITS) - 1;
    /// The count field's top half holds a per-thread object's index (plus this).
    const PT_BASE: u32 = 1 << (LOCAL_BITS - 1);
    /// The largest local count: the owner counts references beyond it in `shared`.
    const LOCAL_CAP: u32 = PT_BASE - 1;
    /// How many per-thread indices the encoding holds (8 388 607; 7 under loom).
    const PT_LIMIT: u32 = LOCAL_IMMORTAL - PT_BASE;
    /// `local` is at least this exactly when the object is immortal ...
    const IMMORTAL_WORD: u32 = LOCAL_IMMORTAL << KIND_BITS;
    /// ... at least this (and below `IMMORTAL_WORD`) when it is counted per thread ...
    const PT_WORD: u32 = PT_BASE << KIND_BITS;
    /// ... and at least this when it is immortal, per-thread or its local count is at the
    /// cap: one compare keeps the three off the hot path.
    const CAP_WORD: u32 = LOCAL_CAP << KIND_BITS;

    /// The per-thread index in a `local` word in `PT_WORD..IMMORTAL_WORD`.
    #[inline(always)]
    fn pt_index(local: u32) -> u32 {
        (local >> KIND_BITS) - PT_BASE
    }

    /// Reference count words (free-threaded build: biased counting), 16 bytes.
    pub struct Header {
        shared: AtomicI64,
        /// `local_count << 8 | kind`; the kind (`payload::Kind`) is fixed at allocation.
        local: AtomicU32,
        owner: AtomicU32,
        /// Model checking only: set when the object is freed; every header access checks it
        /// (a loom cell, so an access that races the free is reported too).
        #[cfg(loom)]
        freed: loom::cell::UnsafeCell<bool>,
    }

    #[cfg(not(loom))]
    const _: () = assert!(std::mem::size_of::<Header>() == 16);

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
            // One compare for both rare cases: the thread has no id yet, or its id does
            // not fit the owner field.
            let mut owner = gilvm_sync::current_owner_key();
            if owner == gilvm_sync::NO_OWNER {
                owner = Header::owner_field_slow();
            }
            Header::from_words(0, ONE | kind as u32, owner)
        }
        /// The owner field of a new object on a thread whose key is `NO_OWNER`: allocates
        /// the thread's id if it has none yet (its first object), and answers 0, no owner,
        /// past the 32-bit range. An object with owner 0, local count 1 and shared word 0
        /// is an object whose owner has exited: counted in `shared` by everyone, merged by
        /// the first decrement that finds the shared count 0 (protocol step 4).
        #[cold]
        #[inline(never)]
        fn owner_field_slow() -> u32 {
            gilvm_sync::current_thread_id();
            match gilvm_sync::current_owner_key() {
                gilvm_sync::NO_OWNER => 0,
                owner => owner,
            }
        }
        #[inline(always)]
        fn from_words(shared: i64, local: u32, owner: u32) -> Header {
            Header {
                shared: AtomicI64::new(shared),
                local: AtomicU32::new(local),
                owner: AtomicU32::new(owner),
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
            // The low byte of `local`, which no store changes (see the module docs).
            self.local.load(Ordering::Relaxed) as u8
        }
        /// Is the calling thread the owner? (`NO_OWNER`, the key of a thread without an id
        /// or past the 32-bit range, is no object's owner; 0, "no owner", is no thread's.)
        #[inline(always)]
        fn owned_here(&self) -> bool {
            self.owner.load(Ordering::Relaxed) == gilvm_sync::current_owner_key()
        }
        #[inline(always)]
        pub fn incref(&self) {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            if local >= CAP_WORD {
                // Immortal (frequent: builtins, constants), per-thread (frequent:
                // functions, classes, code), or the local count at its cap (rare): one
                // compare keeps the three off the mortal path.
                if local < IMMORTAL_WORD {
                    if local >= PT_WORD {
                        gilvm_sync::ptrc::add(pt_index(local), 1);
                    } else {
                        self.incref_at_cap(local);
                    }
                }
                return;
            }
            if self.owned_here() {
                self.local.store(local + ONE, Ordering::Relaxed);
            } else {
                self.incref_shared();
            }
        }
        #[inline(always)]
        fn incref_shared(&self) {
            self.shared.fetch_add(1 << SHIFT, Ordering::Relaxed);
            gilvm_sync::stats::shared_incref();
        }
        /// Step 1 for a mortal object whose local count is at its cap: the reference is
        /// counted in `shared`, by the owner as by anyone else (`local` is the word read).
        /// Inline and without the statistics hook, so that the check costs every inlined
        /// increment no call.
        #[inline(always)]
        fn incref_at_cap(&self, local: u32) {
            #[cfg(not(loom))]
            let _ = local;
            #[cfg(loom)]
            if active(Bug::LocalCountPastCap) && self.owned_here() {
                // The bug: the owner counts one more locally, which reaches the per-thread
                // encoding (the count field's top half): the object would never be freed
                // by a decrement.
                self.local.store(local + ONE, Ordering::Relaxed);
                return;
            }
            self.shared.fetch_add(1 << SHIFT, Ordering::Relaxed);
        }
        /// Decrements; see [`Dec`].
        #[inline(always)]
        pub fn decref_action(&self) -> Dec {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            if local >= PT_WORD {
                // Immortal, or per-thread: never freed by a decrement ("Per-thread
                // counts"). (At the cap, the owner's decrement goes on below.)
                if local < IMMORTAL_WORD {
                    gilvm_sync::ptrc::add(pt_index(local), -1);
                }
                return Dec::Nothing;
            }
            if self.owned_here() {
                let local = local - ONE;
                self.local.store(local, Ordering::Relaxed);
                if local >= ONE {
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
        /// Step 2 (owner, local count reached 0). Returns true when the object is dead.
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
                        return new & !WEAK == MERGED;
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
                let plain = shared & !WEAK;
                let queue = plain == 0 || plain == MAYBE_WEAKREF;
                let new = if queue {
                    QUEUED | (shared & WEAK)
                } else {
                    shared - (1 << SHIFT)
                };
                #[cfg(loom)]
                if active(Bug::SharedDecrementNotAtomic) {
                    // The bug: a load above and a plain store here, not one RMW.
                    self.shared.store(new, Ordering::Release);
                    if queue {
                        return Dec::Queue(self.owner.load(Ordering::Acquire) as u64);
                    }
                    return if new & !WEAK == MERGED {
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
                            return Dec::Queue(self.owner.load(Ordering::Acquire) as u64);
                        }
                        return if new & !WEAK == MERGED {
                            Dec::Free
                        } else {
                            Dec::Nothing
                        };
                    }
                    Err(s) => shared = s,
                }
            }
        }
        /// Step 4: folds the local count and `extra` into `shared` and marks the object
        /// merged. Returns the resulting true count.
        pub fn explicit_merge(&self, extra: i64) -> i64 {
            #[cfg(loom)]
            self.touch();
            if self.is_per_thread() {
                // Queued before the owner switched it to per-thread counts: the queue's
                // reference is dropped from `shared`; never freed here (the collector
                // frees it). The answer only has to be nonzero.
                self.shared.fetch_add(extra << SHIFT, Ordering::AcqRel);
                return i64::MAX;
            }
            let mut shared = self.shared.load(Ordering::Relaxed);
            loop {
                let local = self.local.load(Ordering::Relaxed);
                let count = (shared >> SHIFT) + (local >> KIND_BITS) as i64 + extra;
                let new = (count << SHIFT) | MERGED | (shared & WEAK);
                match self.shared.compare_exchange_weak(
                    shared,
                    new,
                    Ordering::AcqRel,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => {
                        // Local count 0, the kind kept.
                        self.local.store(local & KIND_MASK, Ordering::Relaxed);
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
            if local >= IMMORTAL_WORD {
                return IMMORTAL;
            }
            let shared = self.shared.load(Ordering::Relaxed) >> SHIFT;
            let c = if local >= PT_WORD {
                // Exact with the world stopped (the collector); a snapshot otherwise.
                shared + gilvm_sync::ptrc::sum(pt_index(local))
            } else {
                (local >> KIND_BITS) as i64 + shared
            };
            c.clamp(0, IMMORTAL as i64 - 1) as u32
        }
        pub fn make_immortal(&self) {
            self.local.fetch_or(IMMORTAL_WORD, Ordering::Relaxed);
        }
        /// Sets the sticky `WEAK` bit (see "Weak references"); the caller holds a reference.
        pub fn set_weakly_referenced(&self) {
            #[cfg(loom)]
            self.touch();
            self.shared.fetch_or(WEAK, Ordering::AcqRel);
        }
        /// Is the `WEAK` bit set?
        #[inline(always)]
        pub fn is_weakly_referenced(&self) -> bool {
            self.shared.load(Ordering::Relaxed) & WEAK != 0
        }
        /// A weak reference's upgrade (see "Weak references"): a new reference, counted in
        /// `shared`, unless the object is dead (`MERGED` with count 0). The caller holds the
        /// weak-reference table's lock, which keeps the memory allocated, and the object has
        /// the `WEAK` bit (without it the owner may free without a transition, so the
        /// upgrade fails).
        pub fn try_incref(&self) -> bool {
            #[cfg(loom)]
            self.touch();
            if self.is_immortal() {
                return true;
            }
            if let Some(i) = self.per_thread_index() {
                // Alive: a per-thread object is freed only by the collector, which clears
                // its weak references (world stopped) after switching it back.
                gilvm_sync::ptrc::add(i, 1);
                return true;
            }
            let mut shared = self.shared.load(Ordering::Relaxed);
            loop {
                #[cfg(loom)]
                let broken = active(Bug::TryIncrefIgnoresDeath);
                #[cfg(not(loom))]
                let broken = false;
                if !broken && (shared & !WEAK == MERGED || shared & WEAK == 0) {
                    return false;
                }
                match self.shared.compare_exchange_weak(
                    shared,
                    shared + (1 << SHIFT),
                    Ordering::AcqRel,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return true,
                    Err(s) => shared = s,
                }
            }
        }
        /// Gives a dying object (count 0, being freed by the caller, which alone can reach
        /// it but through the weak-reference table, whose upgrades fail on it) one
        /// reference again, owned by the caller and counted in `shared`: a finalizer runs
        /// with it (`lifecycle.rs`).
        pub fn resurrect(&self) {
            #[cfg(loom)]
            self.touch();
            let weak = self.shared.load(Ordering::Relaxed) & WEAK;
            self.local.store(
                self.local.load(Ordering::Relaxed) & KIND_MASK,
                Ordering::Relaxed,
            );
            self.owner.store(0, Ordering::Release);
            self.shared
                .store((1 << SHIFT) | MERGED | weak, Ordering::Release);
        }
        pub fn is_immortal(&self) -> bool {
            self.local.load(Ordering::Relaxed) >= IMMORTAL_WORD
        }
        /// Is the object counted per thread ("Per-thread counts")?
        #[inline(always)]
        pub fn is_per_thread(&self) -> bool {
            let local = self.local.load(Ordering::Relaxed);
            (PT_WORD..IMMORTAL_WORD).contains(&local)
        }
        /// The object's per-thread index, if it is counted per thread.
        #[inline(always)]
        pub fn per_thread_index(&self) -> Option<u32> {
            let local = self.local.load(Ordering::Relaxed);
            (PT_WORD..IMMORTAL_WORD)
                .contains(&local)
                .then(|| pt_index(local))
        }
        /// Publication: switches the object (at `addr`) to per-thread counts. Only the
        /// owner can (it alone writes `local`), and only from a plain local count: an
        /// object that is immortal, already per-thread, at its cap, merged or owned by
        /// another thread, or for which no index is left, stays as it is (false).
        pub fn make_per_thread(&self, addr: usize) -> bool {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            if !(ONE..CAP_WORD).contains(&local) || !self.owned_here() {
                return false;
            }
            let Some(index) = gilvm_sync::ptrc::alloc(addr, PT_LIMIT) else {
                return false;
            };
            // The owner's local count moves to `shared` first (counted twice for a moment,
            // never less), then the index replaces it (invariant 1 of "Per-thread counts").
            self.shared
                .fetch_add(((local >> KIND_BITS) as i64) << SHIFT, Ordering::AcqRel);
            self.local.store(
                ((PT_BASE + index) << KIND_BITS) | (local & KIND_MASK),
                Ordering::Release,
            );
            true
        }
        /// A thread's exit merge: adds its per-thread entry (`delta`) for this object to
        /// `shared`, with one atomic addition (`gilvm_sync::ptrc` invariant 3).
        pub fn merge_per_thread(&self, delta: i64) {
            #[cfg(loom)]
            self.touch();
            #[cfg(loom)]
            if active(Bug::PerThreadMergeNotAtomic) {
                // The bug: a load and a store, so a concurrent merge is lost.
                let s = self.shared.load(Ordering::Acquire);
                self.shared.store(s + (delta << SHIFT), Ordering::Release);
                return;
            }
            self.shared.fetch_add(delta << SHIFT, Ordering::AcqRel);
        }
        /// The collector, world stopped, on a per-thread object it found unreachable (or
        /// unreferenced): folds every thread's entry into `shared`, frees the index, and
        /// leaves the object an ordinary merged one (no owner, local count 0) with its
        /// true count, which the collector's references then bring to 0 through the
        /// ordinary free path. Returns that count. A no-op answering the count on an
        /// object that is not per-thread.
        pub fn demote_stopped(&self, w: &gilvm_sync::stw::WorldStopped<'_>) -> i64 {
            #[cfg(loom)]
            self.touch();
            let local = self.local.load(Ordering::Relaxed);
            let Some(index) = self.per_thread_index() else {
                return self.count() as i64;
            };
            let shared = self.shared.load(Ordering::Relaxed);
            let count = (shared >> SHIFT) + gilvm_sync::ptrc::sum(index);
            gilvm_sync::ptrc::release(index, w);
            // With the world stopped no thread is between its load of `local` and its use.
            self.local.store(local & KIND_MASK, Ordering::Relaxed);
            self.owner.store(0, Ordering::Relaxed);
            self.shared.store(
                (count.max(0) << SHIFT) | MERGED | (shared & WEAK),
                Ordering::Release,
            );
            count
        }
        /// The collector, world stopped, on an object it demoted and that a finalizer
        /// made reachable again: counted per thread again (it was published), or, if no
        /// index is left, made immortal (a cache may hold it uncounted: see
        /// `CACHE_MORTAL`'s users).
        pub fn promote_stopped(&self, addr: usize, _w: &gilvm_sync::stw::WorldStopped<'_>) {
            let local = self.local.load(Ordering::Relaxed);
            if local >= CAP_WORD || self.owner.load(Ordering::Relaxed) != 0 {
                return;
            }
            match gilvm_sync::ptrc::alloc(addr, PT_LIMIT) {
                Some(index) => {
                    // Merged: `shared` holds the whole count; the local count (0) is replaced.
                    self.local.store(
                        ((PT_BASE + index) << KIND_BITS) | (local & KIND_MASK),
                        Ordering::Release,
                    );
                }
                None => self.make_immortal(),
            }
        }
        /// Is the calling thread's one reference the only reference to this object? True
        /// when this thread owns the object, counts exactly one local reference, and the
        /// shared word is 0 (no reference held by another thread, none queued or merged, no
        /// weak reader, none counted there at the owner's cap). The true count is then 1 and
        /// that reference is the caller's, so no other thread can reach the object until the
        /// caller hands out a new reference.
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
            self.local.load(Ordering::Relaxed) >> KIND_BITS == 1
                && self.owned_here()
                && self.shared.load(order) == 0
        }
    }

    #[cfg(all(test, not(loom)))]
    mod tests {
        use super::*;

        /// The layout's encodings: the kind survives every count operation, and the owner's
        /// references beyond the local cap are counted in `shared` (step 1), then dropped
        /// through the merge (step 2) and the shared path (step 3), the last one freeing.
        #[test]
        fn local_cap_counts_in_shared_and_kind_survives() {
            let h = Header::new(0xA5);
            assert_eq!(h.kind(), 0xA5);
            assert!(h.is_unique_to_current_thread());
            let extra = 5;
            let n = LOCAL_CAP as u64 + extra; // increfs: the count is n + 1
            for _ in 0..n {
                h.incref();
            }
            assert_eq!(h.kind(), 0xA5);
            assert!(!h.is_immortal());
            assert_eq!(h.count() as u64, n + 1);
            assert_eq!(h.local.load(Ordering::Relaxed) >> KIND_BITS, LOCAL_CAP);
            assert_eq!(h.shared.load(Ordering::Relaxed) >> SHIFT, extra as i64 + 1);
            assert!(!h.is_unique_to_current_thread());
            for i in 0..n {
                assert!(matches!(h.decref_action(), Dec::Nothing), "decref {i}");
            }
            // The local count reached 0 on the way: merged, no owner, one reference left.
            assert_eq!(h.owner.load(Ordering::Relaxed), 0);
            assert_eq!(h.shared.load(Ordering::Relaxed) & MASK, MERGED);
            assert_eq!(h.count(), 1);
            assert!(matches!(h.decref_action(), Dec::Free));
            assert_eq!(h.kind(), 0xA5);
        }

        #[test]
        fn immortal_and_merged_keep_the_kind() {
            let h = Header::new(7);
            h.make_immortal();
            assert!(h.is_immortal());
            assert_eq!(h.count(), IMMORTAL);
            assert_eq!(h.kind(), 7);
            h.incref();
            assert!(matches!(h.decref_action(), Dec::Nothing));
            assert_eq!(h.kind(), 7);

            // An object of a thread past the 32-bit range (owner 0, as if exited).
            let m = Header::from_words(0, ONE | 9, 0);
            assert_eq!(m.kind(), 9);
            assert_eq!(m.count(), 1);
            assert!(!m.is_unique_to_current_thread());
            m.incref();
            assert!(matches!(m.decref_action(), Dec::Nothing));
            assert!(matches!(m.decref_action(), Dec::Queue(0)));
            assert_eq!(m.explicit_merge(-1), 0);
            assert_eq!(m.kind(), 9);

            let q = Header::new(3);
            assert_eq!(q.explicit_merge(0), 1);
            assert_eq!(q.kind(), 3);
            assert_eq!(q.owner.load(Ordering::Relaxed), 0);
        }
    }
}

pub use imp::{Dec, Header};
