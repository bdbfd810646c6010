//! Per-thread reference counts for published objects (free-threaded build; issue 17).
//!
//! # What
//! Functions, classes, modules, their code and namespaces are *published* when a module or
//! class body stores them (`ObjRef::publish_shared`). Every thread that calls a shared
//! function or instantiates a shared class takes and drops references to them; with biased
//! counting all those threads but the owner would write the object's one shared atomic
//! word, and two threads calling the same function would bounce its cache line. gilvm used
//! to make such objects immortal, which costs that they are never freed. Instead (CPython
//! 3.14t's scheme for heap types and code objects, gh-122417, generalised), a published
//! object gets a unique *index* from the allocator here, and every thread counts its
//! references to it in its own array of counts at that index: a relaxed load and store,
//! no atomic read-modify-write, no shared cache line. This module stores the arrays and
//! the indices; it knows nothing of objects (the header, `gilvm-object/src/header.rs`,
//! says how an object is switched to this mode and how its true count is formed).
//!
//! # The true count
//! An entry may be negative (a thread drops a reference another one counted). An object's
//! true count is its header's shared count plus the sum of every thread's entry at its
//! index ([`sum`]). No count operation can tell that this sum reached zero, so such an
//! object is never freed by a decrement: only the cycle collector frees it, with the world
//! stopped, after summing; it then zeroes every thread's entry and returns the index
//! ([`release`]), before the object's memory can be reused.
//!
//! # Invariants
//! 1. Only the thread that owns a record writes its entries (relaxed load + store), and
//!    only while attached; other threads read them ([`sum`]) and the collector zeroes them
//!    ([`release`]) with the world stopped, when no owner is between its load and store.
//! 2. An array of entries, once installed in a record (even after the owner outgrew it),
//!    stays until the record is dropped; a record stays in the registry until its
//!    thread's exit merge ([`take_current`]) or the collector's fold of an orphan, so a
//!    reader holding the registry lock never sees freed memory.
//! 3. A thread that exits folds its entries into the objects' shared counts
//!    ([`take_current`] returns them, the caller adds them with one atomic addition each)
//!    **while still attached**, with no eval-breaker check between the record leaving the
//!    registry and the last addition: a collection (world stopped) therefore sees each
//!    entry either in the record or in the shared count, never in both or neither. A
//!    thread that ends without merging leaves its record in the registry (still summed:
//!    correct) until the thread's OS exit orphans it (a thread-local destructor marks it;
//!    nothing writes it after that), and the collector folds orphaned records with the
//!    world stopped ([`take_orphans`]): references the thread dropped after its exit merge
//!    (the interpreter's own fields) are counted there.
//! 4. An index names one object from [`alloc`] to [`release`]; a released index's entries
//!    are all zero, so a later owner of the index starts from nothing.
//!
//! Loom model: `gilvm-object/tests/loom_ptrc.rs`.
use std::sync::Arc;

use crate::stw::WorldStopped;
use crate::sync::atomic::{AtomicI64, AtomicPtr, Ordering};
use crate::sync::Mutex;

/// Indices an array may cover (the header's encoding allows fewer).
#[cfg(not(loom))]
pub const MAX_INDICES: u32 = 1 << 23;
#[cfg(loom)]
pub const MAX_INDICES: u32 = 8;
/// The first size of a thread's array.
#[cfg(not(loom))]
const FIRST_LEN: usize = 256;
#[cfg(loom)]
const FIRST_LEN: usize = 2;

/// One array of counts: a record's current one, or one it outgrew.
struct Arr {
    entries: Box<[AtomicI64]>,
}

/// One thread's counts: its current array, replaced (twice the size) when an index does
/// not fit. The owner keeps the current array's address and length in a thread-local
/// (`FAST`), so its hot path is one thread-local load, a bounds check, a load and a store.
struct Record {
    /// The current array (from `Box::into_raw`).
    cur: AtomicPtr<Arr>,
    /// Arrays the record outgrew (addresses from `Box::into_raw`): a reader that loaded one
    /// before the replacement may still read it, so they are freed with the record
    /// (invariant 2). Pushed by the owner only; geometric growth keeps them below the
    /// current array's size in total.
    retired: std::sync::Mutex<Vec<usize>>,
    /// Set by the thread's exit (thread-local destructor): never written again.
    orphaned: crate::sync::atomic::AtomicBool,
}

impl Record {
    fn new() -> Record {
        Record {
            cur: AtomicPtr::new(std::ptr::null_mut()),
            retired: std::sync::Mutex::new(Vec::new()),
            orphaned: crate::sync::atomic::AtomicBool::new(false),
        }
    }
    /// The current array's entries (ordering: Acquire pairs with the owner's Release
    /// installation, so the copied entries are visible).
    #[inline]
    fn entries(&self) -> &[AtomicI64] {
        let a = self.cur.load(Ordering::Acquire);
        if a.is_null() {
            return &[];
        }
        // SAFETY: installed arrays live as long as the record (invariant 2).
        unsafe { &(*a).entries }
    }
    /// The entry at `index`, if the current array covers it.
    fn entry(&self, index: u32) -> Option<&AtomicI64> {
        self.entries().get(index as usize)
    }
    /// Owner only: makes the current array cover `index` (copying the old entries, which
    /// only the owner writes) and returns its address and length for `FAST`.
    fn grow_to(&self, index: u32) -> (*const AtomicI64, usize) {
        let old = self.entries();
        let len = (index as usize + 1)
            .next_power_of_two()
            .max(FIRST_LEN)
            .max(old.len() * 2)
            .min(MAX_INDICES as usize);
        let entries: Box<[AtomicI64]> = (0..len)
            .map(|i| AtomicI64::new(old.get(i).map_or(0, |e| e.load(Ordering::Relaxed))))
            .collect();
        let p = entries.as_ptr();
        let new = Box::into_raw(Box::new(Arr { entries }));
        let prev = self.cur.swap(new, Ordering::AcqRel);
        if !prev.is_null() {
            self.retired
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(prev as usize);
        }
        (p, len)
    }
    /// Every nonzero entry.
    fn nonzero(&self) -> Vec<(u32, i64)> {
        self.entries()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let v = e.load(Ordering::Relaxed);
                (v != 0).then_some((i as u32, v))
            })
            .collect()
    }
}

// Under loom the arrays are leaked: a record may be dropped after an execution that found
// a failure ended, when loom's atomics can no longer be read.
#[cfg(not(loom))]
impl Drop for Record {
    fn drop(&mut self) {
        let cur = *self.cur.get_mut();
        let retired = std::mem::take(self.retired.get_mut().unwrap_or_else(|e| e.into_inner()));
        for a in retired
            .into_iter()
            .chain((!cur.is_null()).then_some(cur as usize))
        {
            // SAFETY: made by `Box::into_raw` in `grow_to`, freed once here (the record is
            // out of the registry and its owner's thread-local: no reader is left).
            drop(unsafe { Box::from_raw(a as *mut Arr) });
        }
    }
}

/// The index allocator: a free list, and the address each allocated index names.
struct Alloc {
    free: Vec<u32>,
    /// `addrs[i]`: the object of index `i`, 0 when free.
    addrs: Vec<usize>,
}

#[cfg(not(loom))]
static REGISTRY: Mutex<Vec<Arc<Record>>> = Mutex::new(Vec::new());
#[cfg(not(loom))]
static ALLOC: Mutex<Alloc> = Mutex::new(Alloc {
    free: Vec::new(),
    addrs: Vec::new(),
});
/// The owner's view of its current array: address and length.
type Fast = (*const AtomicI64, usize);
const NO_FAST: Fast = (std::ptr::null(), 0);

#[cfg(not(loom))]
thread_local! {
    static MINE: std::cell::Cell<*const Record> = const { std::cell::Cell::new(std::ptr::null()) };
    static FAST: std::cell::Cell<Fast> = const { std::cell::Cell::new(NO_FAST) };
    /// The thread's record, orphaned when the thread ends (invariant 3).
    static GUARD: std::cell::RefCell<Guard> = const { std::cell::RefCell::new(Guard(None)) };
}

/// Marks its record orphaned when the thread's locals are destroyed.
#[cfg(not(loom))]
struct Guard(Option<Arc<Record>>);

#[cfg(not(loom))]
impl Drop for Guard {
    fn drop(&mut self) {
        // A later count on this thread (another thread-local's destructor) makes a new
        // record, which nothing orphans: counted for good, correct.
        let _ = FAST.try_with(|f| f.set(NO_FAST));
        let _ = MINE.try_with(|m| m.set(std::ptr::null()));
        if let Some(r) = self.0.take() {
            // ordering: Release pairs with the collector's Acquire load: the thread's
            // last entry writes are visible to the fold.
            r.orphaned.store(true, Ordering::Release);
        }
    }
}

// Under loom: fresh for each execution of a model, and one record slot per model thread.
#[cfg(loom)]
loom::lazy_static! {
    static ref REGISTRY: Mutex<Vec<Arc<Record>>> = Mutex::new(Vec::new());
    static ref ALLOC: Mutex<Alloc> = Mutex::new(Alloc { free: Vec::new(), addrs: Vec::new() });
}
#[cfg(loom)]
loom::thread_local! {
    static MINE: std::cell::Cell<*const Record> = std::cell::Cell::new(std::ptr::null());
    static FAST: std::cell::Cell<Fast> = std::cell::Cell::new(NO_FAST);
}

/// A new index for the object at `addr`, below `limit`; None when every index below it is
/// taken (the caller then leaves the object counted as before).
pub fn alloc(addr: usize, limit: u32) -> Option<u32> {
    let limit = limit.min(MAX_INDICES);
    let mut a = ALLOC.lock();
    while let Some(i) = a.free.pop() {
        if i < limit {
            a.addrs[i as usize] = addr;
            return Some(i);
        }
    }
    let i = a.addrs.len() as u32;
    if i >= limit {
        return None;
    }
    a.addrs.push(addr);
    Some(i)
}

/// Adds `delta` to the calling thread's entry at `index` (invariant 1: the caller is
/// attached). The hot path: one thread-local load, a bounds check, a load and a store.
#[inline(always)]
pub fn add(index: u32, delta: i64) {
    let (p, len) = FAST.with(|f| f.get());
    if (index as usize) < len {
        // SAFETY: `p`/`len` describe the thread's current array, which its record keeps
        // (invariant 2) until `take_current` or the thread's exit clears `FAST` first.
        let e = unsafe { &*p.add(index as usize) };
        // Not a read-modify-write: only this thread writes the entry (invariant 1).
        e.store(e.load(Ordering::Relaxed) + delta, Ordering::Relaxed);
        return;
    }
    add_slow(index, delta);
}

#[cold]
#[inline(never)]
fn add_slow(index: u32, delta: i64) {
    let mut rec = MINE.with(|m| m.get());
    if rec.is_null() {
        let r = Arc::new(Record::new());
        rec = Arc::as_ptr(&r);
        #[cfg(not(loom))]
        let _ = GUARD.try_with(|g| g.borrow_mut().0 = Some(r.clone()));
        REGISTRY.lock().push(r);
        MINE.with(|m| m.set(rec));
    }
    // SAFETY: the record stays in the registry, alive, until `take_current` clears `MINE`.
    let rec = unsafe { &*rec };
    let (p, len) = rec.grow_to(index);
    FAST.with(|f| f.set((p, len)));
    // SAFETY: as in `add`; `grow_to` made the array cover `index`.
    let e = unsafe { &*p.add(index as usize) };
    e.store(e.load(Ordering::Relaxed) + delta, Ordering::Relaxed);
}

/// The sum of every thread's entry at `index`. Exact with the world stopped (the
/// collector); otherwise a snapshot that may be off by the references other threads are
/// taking meanwhile (`sys.getrefcount`).
pub fn sum(index: u32) -> i64 {
    let reg = REGISTRY.lock();
    reg.iter()
        .filter_map(|r| r.entry(index))
        .map(|e| e.load(Ordering::Relaxed))
        .sum()
}

/// Zeroes every thread's entry at `index` and frees the index (the collector, world
/// stopped, once the object's count was folded into its header: invariant 4).
pub fn release(index: u32, _w: &WorldStopped<'_>) {
    for r in REGISTRY.lock().iter() {
        if let Some(e) = r.entry(index) {
            e.store(0, Ordering::Relaxed);
        }
    }
    let mut a = ALLOC.lock();
    a.addrs[index as usize] = 0;
    a.free.push(index);
}

/// Every allocated index with its object's address (the collector, world stopped).
pub fn allocated(_w: &WorldStopped<'_>) -> Vec<(u32, usize)> {
    ALLOC
        .lock()
        .addrs
        .iter()
        .enumerate()
        .filter(|(_, &a)| a != 0)
        .map(|(i, &a)| (i as u32, a))
        .collect()
}

/// Thread exit: removes the calling thread's record from the registry and returns its
/// nonzero entries with their objects' addresses, for the caller to add to those objects'
/// shared counts before its next eval-breaker check (invariant 3).
pub fn take_current() -> Vec<(usize, i64)> {
    FAST.with(|f| f.set(NO_FAST));
    let rec = MINE.with(|m| m.replace(std::ptr::null()));
    if rec.is_null() {
        return Vec::new();
    }
    let mine = {
        let mut reg = REGISTRY.lock();
        let Some(pos) = reg.iter().position(|r| Arc::as_ptr(r) == rec) else {
            return Vec::new();
        };
        reg.swap_remove(pos)
    };
    let entries = mine.nonzero();
    let a = ALLOC.lock();
    entries
        .into_iter()
        .map(|(i, v)| (a.addrs.get(i as usize).copied().unwrap_or(0), v))
        .filter(|&(addr, _)| addr != 0)
        .collect()
}

/// The collector, world stopped: removes the records of threads that ended (orphaned)
/// and returns their nonzero entries with their objects' addresses, for the caller to add
/// to those objects' shared counts before the world restarts (invariant 3).
pub fn take_orphans(_w: &WorldStopped<'_>) -> Vec<(usize, i64)> {
    let orphans: Vec<Arc<Record>> = {
        let mut reg = REGISTRY.lock();
        let (gone, kept) = std::mem::take(&mut *reg)
            .into_iter()
            .partition(|r| r.orphaned.load(Ordering::Acquire));
        *reg = kept;
        gone
    };
    if orphans.is_empty() {
        return Vec::new();
    }
    let a = ALLOC.lock();
    orphans
        .iter()
        .flat_map(|r| r.nonzero())
        .map(|(i, v)| (a.addrs.get(i as usize).copied().unwrap_or(0), v))
        .filter(|&(addr, _)| addr != 0)
        .collect()
}
