//! The per-object lock: [`ObjCell<T>`] guards the mutable state of one container object.
//!
//! # Mechanism
//! - **GIL build**: no lock at all. Every thread that can reach an object holds the GIL
//!   (proved by the [`Py`] token each access takes), so exclusive access is already given.
//!   The cell is an `UnsafeCell`; debug builds add a busy flag that panics on re-entry,
//!   which would otherwise create two `&mut` to the same state.
//! - **Free-threaded build**: a one-byte `parking_lot::RawMutex` (CPython's `PyMutex`
//!   design: a CAS fast path, a brief spin, then parking on a global table keyed by
//!   address, with hand-off fairness after 1 ms).
//!
//! # Invariants (both builds)
//! 1. The closure given to [`ObjCell::with`] runs with exclusive access and must not run
//!    Python code, block, or re-enter the same cell. It only reads/writes plain data and
//!    clones/drops references. So a container lock is a *leaf* lock: no thread ever waits for
//!    anything while holding it, which rules out deadlock without CPython's suspension of
//!    critical sections on detach.
//! 2. Operations that must call Python code (a user `__eq__` during a dict lookup, a sort key)
//!    copy what they need out of the cell, release it, call, and re-validate afterwards.
//! 3. Two-object sections ([`ObjCell::with2`]) lock in address order, so two threads doing
//!    `a.extend(b)` and `b.extend(a)` cannot deadlock. The two cells must be distinct.
//! 4. Read-only sections ([`ObjCell::read`]) of a cell that is read much more often than it
//!    is written skip the lock (free-threaded build): readers publish themselves in a
//!    table instead, and a writer clears the bias and waits for them (`readbias.rs`).
//!
//! # Memory: why the lock stays in the cell (issue 16)
//! The free-threaded cell adds the lock (1 byte), the read bias (`rbias`, 1), the bias
//! penalty (1) and the count of reads in a row (4): 7 bytes, which the cell pads to its
//! value's alignment. Every state type the object model keeps in a cell (a `Vec`, a dict or
//! set table, a `Value`, a box, the iterator states) is 8-aligned, so a cell costs 8 bytes
//! more than in the GIL build: a list, a dict, a set or an instance pays 8, a function
//! (name, qualname and `__dict__` cells) 24. Three ways to pay less were weighed, none
//! taken:
//! - **One lock per object in the header** (CPython's `ob_mutex`, the cells of one object
//!   sharing it; `with2` would order by header address and lock once for two cells of one
//!   object, and the read bias would be per object). A cell cannot find its object's
//!   header: cells sit at offsets the compiler picks inside payload structs, some are not
//!   in their object's allocation at all (an instance's builtin base is a `Box<PyList>`,
//!   `Box<PyDict>` or `Box<ObjCell<ExcData>>`), and the container methods that enter them
//!   (`PyList::append(&self, py, …)`) are given only their payload. Every `with`/`read`
//!   would need the object passed in, so every container method and its call sites in the
//!   VM (about 170 `Payload::List`/`Dict`/`Set`/`Instance` matches) would change; the
//!   16-byte header (`gilvm-object/src/header.rs`) would also have to give 8 of the
//!   owner's 32 bits to the lock. This is the design to move to if that API change is
//!   made: it would save the 8 bytes of every cell.
//! - **A lock state packed into 4 bytes, in existing padding.** The state does fit in 4
//!   bytes (lock 2 bits, bias 1, penalty 4, the read count 17), but no padding is there
//!   to take: a Rust struct never lends its padding to an enclosing one, so a cell with 4
//!   bytes of state in front of (or behind) an 8-aligned value is still 8 bytes larger
//!   than the value, exactly as with 7. The padding that exists (after the flag at the end
//!   of `PyDict`'s table) belongs to the payload struct, which the cell cannot reach
//!   without the API change above. No byte would be saved, for a hand-written lock in
//!   place of parking_lot's.
//! - **A global table of locks keyed by the cell's address** (no state in the cell). Cells
//!   that hash together share a lock, which breaks invariant 1's argument: sections do
//!   nest where the inner object is new (materialising an instance's `__dict__` fills the
//!   new dict inside the instance's section), and with shared locks such a section can
//!   deadlock against another thread's `with2` or nested section on the same two table
//!   entries; two threads' long-lived objects that hash together also contend for as
//!   long as they live.
//!
//! The saving came from the header instead: 24 → 16 bytes in the free-threaded build,
//! for every object (`header.rs`). And the cell's 8 bytes, measured, cost nothing in the
//! memory suite today: a free-threaded build whose cells carried no lock state at all gave
//! the same bytes per object for every kind (list, dict, instances included), because
//! mimalloc rounds small blocks up to multiples of 16 bytes on x86-64 (`MI_ALIGN2W`), and
//! those objects are one 16-byte step above the GIL build's with or without the cell's 8.
use std::cell::UnsafeCell;

use crate::token::Py;

#[cfg(feature = "free-threading")]
use lock_api::RawMutex as _;

/// Mutable state of one object, guarded by the per-object lock. See the module docs.
pub struct ObjCell<T> {
    #[cfg(feature = "free-threading")]
    lock: crate::sync::RawMutex,
    /// Read-biased (`readbias.rs`): set and cleared under `lock`, read by lock-free readers.
    #[cfg(feature = "free-threading")]
    rbias: crate::sync::atomic::AtomicBool,
    /// Locked reads since the last write, and revocations so far (both under `lock`).
    #[cfg(feature = "free-threading")]
    reads: std::cell::Cell<u32>,
    #[cfg(feature = "free-threading")]
    penalty: std::cell::Cell<u8>,
    #[cfg(all(not(feature = "free-threading"), debug_assertions))]
    busy: std::cell::Cell<bool>,
    value: UnsafeCell<T>,
}

// SAFETY: in the free-threaded build every access to `value` goes through `with`/`with2`,
// which hold the raw mutex for the duration of the access, so `ObjCell<T>` is a mutex and is
// Sync when T is Send. In the GIL build the same methods require a `Py` token, which proves
// that the calling thread holds the GIL; only one thread holds it at a time, so accesses
// are serialised by the GIL instead (the debug `busy` flag is only touched under that
// same exclusion).
unsafe impl<T: Send> Sync for ObjCell<T> {}
// SAFETY: moving the cell moves the value; sound when T is Send.
unsafe impl<T: Send> Send for ObjCell<T> {}

impl<T> ObjCell<T> {
    crate::const_fn_unless_loom! {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        ObjCell {
            #[cfg(feature = "free-threading")]
            lock: crate::sync::RawMutex::INIT,
            #[cfg(feature = "free-threading")]
            rbias: crate::sync::atomic::AtomicBool::new(false),
            #[cfg(feature = "free-threading")]
            reads: std::cell::Cell::new(0),
            #[cfg(feature = "free-threading")]
            penalty: std::cell::Cell::new(0),
            #[cfg(all(not(feature = "free-threading"), debug_assertions))]
            busy: std::cell::Cell::new(false),
            value: UnsafeCell::new(value),
        }
    }
    }

    /// Runs `f` with shared access to the state (a read-only critical section). Several
    /// readers may run at once; writers are excluded. In the free-threaded build a cell
    /// read many times in a row without a write is read without its lock (module
    /// invariant 4). `f` must not run Python code or block (invariant 1).
    #[inline(always)]
    #[track_caller]
    pub fn read<R>(&self, py: Py<'_>, f: impl FnOnce(&T) -> R) -> R {
        #[cfg(feature = "free-threading")]
        {
            if crate::world::is_solo() {
                // SAFETY: solo mode: no other thread is registered, so none can reach the
                // cell (world.rs invariant 7), and `f` cannot re-enter it (invariant 1).
                return f(unsafe { &*self.value.get() });
            }
            // Out of line, so that the caller has one call of `f` (the solo path's), which
            // LLVM then inlines, instead of three that it would share in an outlined closure.
            self.read_shared(py, f)
        }
        #[cfg(not(feature = "free-threading"))]
        self.with(py, |v| f(v))
    }

    /// A read while other threads are registered: lock-free if the cell is read-biased, else
    /// under the lock.
    #[cfg(feature = "free-threading")]
    #[inline(never)]
    #[track_caller]
    fn read_shared<R>(&self, py: Py<'_>, f: impl FnOnce(&T) -> R) -> R {
        use crate::sync::atomic::Ordering;
        if self.rbias.load(Ordering::Relaxed) {
            if let Some(slot) = crate::readbias::enter(self as *const Self as usize) {
                #[cfg(loom)]
                let recheck =
                    !crate::sync::broken::active(crate::sync::broken::Bug::ReadBiasNoRecheck);
                #[cfg(not(loom))]
                let recheck = true;
                // ordering: SeqCst, after the SeqCst publication of the slot (readbias.rs
                // invariant 1).
                if !recheck || self.rbias.load(Ordering::SeqCst) {
                    // SAFETY: the bias is set and this reader is published, so a writer
                    // (which clears the bias, then waits for published readers) cannot run
                    // until `exit`; other readers only read.
                    let r = f(unsafe { &*self.value.get() });
                    crate::readbias::exit(slot);
                    return r;
                }
                crate::readbias::exit(slot);
            }
        }
        self.read_locked(py, f)
    }

    /// A read under the lock; may turn the cell read-biased.
    #[cfg(feature = "free-threading")]
    #[inline(never)]
    #[track_caller]
    fn read_locked<R>(&self, _py: Py<'_>, f: impl FnOnce(&T) -> R) -> R {
        let (_guard, contended) = self.lock_inner();
        // SAFETY: the lock excludes writers (and the bias is off, or readers only read).
        let r = f(unsafe { &*self.value.get() });
        // Only reads that found the lock taken count towards the bias: a cell that one
        // thread uses alone never turns biased, so it never pays for a revocation. (Under
        // loom every read counts, so that the models reach the biased path.)
        if contended || cfg!(loom) {
            let n = self.reads.get().saturating_add(1);
            self.reads.set(n);
            if n >= crate::readbias::READS_TO_BIAS << self.penalty.get() {
                self.rbias
                    .store(true, crate::sync::atomic::Ordering::Relaxed);
            }
        }
        r
    }

    /// Runs `f` with exclusive access to the state (a one-object critical section).
    /// `f` must not run Python code or block (module invariant 1).
    #[inline(always)]
    #[track_caller]
    pub fn with<R>(&self, _py: Py<'_>, f: impl FnOnce(&mut T) -> R) -> R {
        let _guard = self.enter();
        // SAFETY: `enter` gave this thread exclusive access (the raw mutex in the
        // free-threaded build, the GIL proved by `_py` in the GIL build), and the closure
        // cannot re-enter this cell (invariant 1, checked by `busy` in debug builds), so this
        // is the only reference to the value until `_guard` drops.
        f(unsafe { &mut *self.value.get() })
    }

    /// Like [`ObjCell::with`], but skips the lock when `exclusive` is true: the caller holds
    /// the only reference to the object that contains this cell (an iterator on the value
    /// stack, say), so no other thread can reach it. Invariant 1 still applies to `f`.
    ///
    /// # Safety
    /// `exclusive` may be true only if no other thread can reach this cell until the call
    /// returns, and everything other threads did to it happens-before this call (the object
    /// model's `ObjRef::is_exclusive` gives both).
    #[inline(always)]
    #[track_caller]
    pub unsafe fn with_exclusive<R>(
        &self,
        py: Py<'_>,
        exclusive: bool,
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        #[cfg(feature = "free-threading")]
        if exclusive {
            // SAFETY: no other thread can reach the cell (the caller's contract), and `f`
            // cannot re-enter it (invariant 1), so this is the only reference to the value.
            return f(unsafe { &mut *self.value.get() });
        }
        let _ = exclusive;
        self.with(py, f)
    }

    /// Runs `f` with exclusive access to two distinct cells, locked in address order
    /// (a two-object critical section). Panics if `self` and `other` are the same cell;
    /// callers handle `a.extend(a)` by copying first.
    #[inline]
    #[track_caller]
    pub fn with2<U, R>(
        &self,
        other: &ObjCell<U>,
        _py: Py<'_>,
        f: impl FnOnce(&mut T, &mut U) -> R,
    ) -> R {
        let a = self as *const Self as usize;
        let b = other as *const ObjCell<U> as usize;
        assert_ne!(a, b, "ObjCell::with2 on one cell");
        #[cfg(loom)]
        let a = if crate::sync::broken::active(crate::sync::broken::Bug::With2UnorderedLocks) {
            0
        } else {
            a
        };
        let (_g1, _g2) = if a < b {
            (self.enter(), other.enter())
        } else {
            let g2 = other.enter();
            (self.enter(), g2)
        };
        // SAFETY: both cells are distinct (asserted) and both are held exclusively by this
        // thread until the guards drop; see `with`.
        f(unsafe { &mut *self.value.get() }, unsafe {
            &mut *other.value.get()
        })
    }

    /// Direct access when the caller owns the object exclusively (e.g. while building it, or
    /// while freeing it at refcount zero).
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// Consumes the cell.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }

    /// Takes the lock for a write: clears a read bias first (waiting for published
    /// readers) and restarts the count of reads in a row.
    #[inline(always)]
    #[track_caller]
    fn enter(&self) -> Guard<'_, T> {
        let g = self.lock_only();
        #[cfg(feature = "free-threading")]
        if g.locked {
            if self.rbias.load(crate::sync::atomic::Ordering::Relaxed) {
                self.revoke_bias();
            }
            self.reads.set(0);
        }
        g
    }

    #[cfg(feature = "free-threading")]
    #[cold]
    fn revoke_bias(&self) {
        // ordering: SeqCst, before the SeqCst scan of the readers (readbias.rs invariant 1).
        self.rbias
            .store(false, crate::sync::atomic::Ordering::SeqCst);
        crate::readbias::revoke(self as *const Self as usize);
        self.penalty
            .set((self.penalty.get() + 1).min(crate::readbias::MAX_PENALTY));
    }

    #[inline(always)]
    #[track_caller]
    fn lock_only(&self) -> Guard<'_, T> {
        self.lock_inner().0
    }

    /// Takes the lock; also says whether it was contended (found taken).
    #[inline(always)]
    #[track_caller]
    fn lock_inner(&self) -> (Guard<'_, T>, bool) {
        #[cfg(all(feature = "free-threading", loom))]
        if crate::sync::broken::active(crate::sync::broken::Bug::ObjCellNoLock) {
            return (
                Guard {
                    cell: self,
                    #[cfg(feature = "free-threading")]
                    locked: false,
                },
                false,
            );
        }
        // Solo mode (world.rs): no other thread is registered, so none can reach the cell.
        #[cfg(feature = "free-threading")]
        if crate::world::is_solo() {
            return (
                Guard {
                    cell: self,
                    locked: false,
                },
                false,
            );
        }
        #[allow(unused_mut)]
        let mut contended = false;
        // Contention is counted only on the slow path (`stats.rs`).
        #[cfg(feature = "free-threading")]
        if !self.lock.try_lock() {
            contended = true;
            crate::stats::lock_contended(
                &self.lock,
                std::any::type_name::<T>(),
                std::panic::Location::caller(),
            );
        }
        #[cfg(all(not(feature = "free-threading"), debug_assertions))]
        {
            assert!(
                !self.busy.get(),
                "ObjCell re-entered: a critical section ran code that touched the same object"
            );
            self.busy.set(true);
        }
        (
            Guard {
                cell: self,
                #[cfg(feature = "free-threading")]
                locked: true,
            },
            contended,
        )
    }
}

struct Guard<'a, T> {
    #[allow(dead_code)]
    cell: &'a ObjCell<T>,
    /// Whether the mutex was taken (not in solo mode; free-threaded build).
    #[cfg(feature = "free-threading")]
    locked: bool,
}

impl<T> Drop for Guard<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        #[cfg(feature = "free-threading")]
        if self.locked {
            // SAFETY: `locked` says `lock_inner` took the mutex on this thread.
            unsafe { self.cell.lock.unlock() };
        }
        #[cfg(all(not(feature = "free-threading"), debug_assertions))]
        self.cell.busy.set(false);
    }
}

impl<T: Default> Default for ObjCell<T> {
    fn default() -> Self {
        ObjCell::new(T::default())
    }
}
