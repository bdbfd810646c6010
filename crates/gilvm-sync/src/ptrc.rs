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
//! 2. A chunk of entries, once installed in a record's directory, stays until the record
//!    is dropped; a record stays in the registry until its thread's exit merge
//!    ([`take_current`]), so a reader holding the registry lock never sees freed memory.
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

/// log2 of the entries in a chunk.
#[cfg(not(loom))]
const CHUNK_BITS: u32 = 10;
#[cfg(loom)]
const CHUNK_BITS: u32 = 2;
const CHUNK: usize = 1 << CHUNK_BITS;
/// Indices the directory of a record covers (the header's encoding allows fewer).
#[cfg(not(loom))]
pub const MAX_INDICES: u32 = 1 << 23;
#[cfg(loom)]
pub const MAX_INDICES: u32 = 8;
const DIR: usize = (MAX_INDICES as usize).div_ceil(CHUNK);

type Chunk = [AtomicI64; CHUNK];

/// One thread's counts: a directory of lazily made chunks.
struct Record {
    dir: Box<[AtomicPtr<Chunk>]>,
    /// Set by the thread's exit (thread-local destructor): never written again.
    orphaned: crate::sync::atomic::AtomicBool,
}

impl Record {
    fn new() -> Record {
        Record {
            dir: (0..DIR)
                .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                .collect(),
            orphaned: crate::sync::atomic::AtomicBool::new(false),
        }
    }
    /// The entry at `index` if its chunk exists (ordering: Acquire pairs with the
    /// chunk's Release installation, so its zeroed entries are visible).
    #[inline(always)]
    fn entry(&self, index: u32) -> Option<&AtomicI64> {
        let c = self.dir[(index >> CHUNK_BITS) as usize].load(Ordering::Acquire);
        // SAFETY: installed chunks live as long as the record (invariant 2).
        (!c.is_null()).then(|| unsafe { &(*c)[index as usize & (CHUNK - 1)] })
    }
    /// The entry at `index`, its chunk made if needed (owner only).
    fn entry_or_make(&self, index: u32) -> &AtomicI64 {
        let slot = &self.dir[(index >> CHUNK_BITS) as usize];
        let mut c = slot.load(Ordering::Acquire);
        if c.is_null() {
            let chunk: Box<Chunk> = Box::new(std::array::from_fn(|_| AtomicI64::new(0)));
            c = Box::into_raw(chunk);
            // Only the owner installs chunks in its record.
            slot.store(c, Ordering::Release);
        }
        // SAFETY: as in `entry`.
        unsafe { &(*c)[index as usize & (CHUNK - 1)] }
    }
    /// Every nonzero entry.
    fn nonzero(&self) -> Vec<(u32, i64)> {
        let mut out = Vec::new();
        for (d, slot) in self.dir.iter().enumerate() {
            let c = slot.load(Ordering::Acquire);
            if c.is_null() {
                continue;
            }
            // SAFETY: as in `entry`.
            for (i, e) in unsafe { &*c }.iter().enumerate() {
                let v = e.load(Ordering::Relaxed);
                if v != 0 {
                    out.push((((d << CHUNK_BITS) + i) as u32, v));
                }
            }
        }
        out
    }
}

// Under loom the chunks are leaked: a record may be dropped after an execution that found
// a failure ended, when loom's atomics can no longer be read.
#[cfg(not(loom))]
impl Drop for Record {
    fn drop(&mut self) {
        for slot in self.dir.iter() {
            let c = slot.load(Ordering::Acquire);
            if !c.is_null() {
                // SAFETY: made by `Box::into_raw` in `entry_or_make`, dropped once here.
                drop(unsafe { Box::from_raw(c) });
            }
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
#[cfg(not(loom))]
thread_local! {
    static MINE: std::cell::Cell<*const Record> = const { std::cell::Cell::new(std::ptr::null()) };
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
/// attached). The hot path: one thread-local load, two dependent loads, a load and a store.
#[inline(always)]
pub fn add(index: u32, delta: i64) {
    let rec = MINE.with(|m| m.get());
    if !rec.is_null() {
        // SAFETY: the thread's record stays in the registry, alive, until `take_current`
        // clears this pointer first (invariant 2).
        let rec = unsafe { &*rec };
        if let Some(e) = rec.entry(index) {
            // Not a read-modify-write: only this thread writes the entry (invariant 1).
            e.store(e.load(Ordering::Relaxed) + delta, Ordering::Relaxed);
            return;
        }
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
    // SAFETY: as in `add`.
    let e = unsafe { &*rec }.entry_or_make(index);
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
