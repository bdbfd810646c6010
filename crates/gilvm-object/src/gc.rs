//! The cycle collector's object-model half: which objects are tracked, what each container
//! refers to ([`traverse`]), how a garbage container lets go of its references (`clear`),
//! and the reachability analysis ([`find_unreachable`], [`Garbage`]). The VM's `gc.rs`
//! runs a collection (stops the world, calls weak reference callbacks and finalizers
//! between the phases here) and is the `gc` module.
//!
//! # The algorithm
//! Reference counting frees everything but cycles. A cycle is found as CPython finds it:
//! for the set of tracked containers, copy each one's count, then subtract one for every
//! reference a tracked container holds to another ([`traverse`] lists them). What is left
//! positive is referenced from outside the set (a frame's local, the interpreter's own
//! references, an untracked object, the queue of a biased-count merge): those objects and
//! everything reachable from them are alive. The rest is garbage. Then, in CPython's order
//! (`gc_collect_main`): weak references to the garbage are cleared, and the callbacks of
//! those weak reference objects that are not garbage themselves are called; finalizers run
//! (PEP 442: once per object, the `FINALIZED` record of `lifecycle.rs`); if any Python code
//! ran, the garbage is analysed again on its own (counts minus the collector's own
//! references minus references inside the set): whatever a finalizer or callback made
//! reachable again survives with everything it reaches. The rest is cleared (`clear`: a
//! list is emptied, an instance's attributes dropped, a cell emptied, …), which breaks
//! the cycles, and the collector's references dropped, which frees it all through the
//! ordinary free path.
//!
//! # Tracking: a bitmap beside the heap, no header bit
//! The memory target (issue 16) is at most CPython's bytes per object. CPython puts a
//! two-word list node in front of every container (16 bytes; 3.13t walks mimalloc's heaps
//! instead and keeps GC bits in its 24-byte header). gilvm's header has no spare word, and
//! a set of addresses (a hash table, striped for threads) costs a lookup under a lock at
//! every allocation and release of a container, which measured as a quarter of the time
//! of a loop that makes lists. So the table is a bitmap over the address space, one bit
//! per 8-byte word (objects are 8-byte aligned and a tracked object is at least 16 bytes,
//! so two never share a bit): a two-level radix tree of 4 MiB chunks, each with a 64 KiB
//! leaf made when the chunk first holds a tracked object and kept for good (the allocator
//! reuses its address space). Tracking or untracking is two dependent loads and one bit
//! update, with no lock and no hashing; it costs 1/64 of the heap's span (under a byte per
//! object), and a collection reads the tracked objects in address order and indexes them
//! by their rank in the bitmap (per-word prefix counts made for the analysis), with no
//! hash table either. The GIL build updates a word with a plain load and store (the GIL
//! serialises allocations and releases); the free-threaded build with `fetch_or` /
//! `fetch_and`, since neighbouring objects of different threads may share a word.
//! `ObjRef::new` sets the bit, `free` clears it right before the memory is released.
//!
//! Tracked: every kind that can hold a reference to another container (lists, dicts,
//! sets, instances, classes, functions, cells, methods, modules, iterators, native
//! objects, descriptors); a tuple only if one of its items is a heap object of such a kind
//! (its items never change, so the free path recomputes the same answer: a tuple of
//! numbers and strings costs nothing). Strings, big ints, bytes, ranges, slices, code
//! objects and the like are never tracked. Immortal objects are not collected (their
//! references count as outside references) and are dropped from the table when a
//! collection meets them; `gc.freeze` moves the tracked objects to a frozen set, which
//! collections skip (the free path looks there only while it is not empty).
//!
//! # Invariants
//! 1. An address is in the table (tracked or frozen) exactly from its object's allocation
//!    to the start of its memory's release (`Kind::free`): a collection only meets
//!    allocated objects. An object whose count is 0 (a free path further up some stack is
//!    finalizing it or clearing its weak references; its payload is intact) is taken as
//!    referenced from outside: never garbage, never given a reference by the collector.
//! 2. [`traverse`] visits only references the object owns a count of (each `ObjRef` and
//!    `Value::Obj` field, once per count), never an uncounted address: subtracting a
//!    reference that is not counted could free a live object. Missing a reference is safe
//!    (the referent then looks referenced from outside, and is kept).
//! 3. The analysis runs with the world stopped (`WorldStopped`: the GIL held, solo mode,
//!    or every other thread parked at an eval-breaker check, never inside a container's
//!    critical section), so counts and contents do not move under it. No Python code runs
//!    and nothing is freed inside it: what the analysis lets go of (the collector's
//!    references, weak reference callbacks) is handed back to be dropped after the world
//!    restarts.
//! 4. Free-threaded build: a count is the owner's local count plus the shared count
//!    (`Header::count`); both are stable with the world stopped. An object queued for a
//!    merge still counts the queue's reference, which no traversal finds, so it survives
//!    this collection and is collected by a later one once its owner merged it.
//! 5. Clearing happens only after the finalizers ran and the garbage was re-checked, with
//!    the collector holding a reference to every garbage object, so nothing is freed in
//!    the middle of clearing; freeing comes when those references are dropped.
use std::any::{Any, TypeId};
use std::cell::UnsafeCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicI64, AtomicPtr, AtomicUsize};

use gilvm_sync::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

use gilvm_sync::stw::WorldStopped;
use gilvm_sync::Py;

use crate::objref::{ObjRef, PyObject};
use crate::payload::{InstanceBase, Kind, Payload};
use crate::value::Value;

// ---------------------------------------------------------------------------------------
// The tracking table

/// A hasher for addresses: multiplicative, so that neighbouring objects spread.
#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A set of addresses.
pub type AddrSet = HashSet<usize, BuildHasherDefault<AddrHasher>>;
/// A map keyed by address.
pub type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;

// The table is a bitmap over the address space, one bit per 8-byte word (every object is
// 8-byte aligned, and two tracked objects never share a word): a two-level radix tree of
// 4 MiB chunks, each with a leaf of 8192 64-bit words (64 KiB, 1/64 of the chunk), made
// when the chunk first holds a tracked object and kept for good (the allocator reuses
// its address space). Tracking or untracking is two dependent loads and one bit update,
// with no lock and no hashing; a collection walks the leaves in address order.

/// log2 of the bytes one leaf covers (4 MiB).
const LEAF_SHIFT: u32 = 22;
/// Words (64 bits each) in a leaf: one bit per 8 bytes.
const LEAF_WORDS: usize = 1 << (LEAF_SHIFT - 3 - 6);
/// log2 of the bytes one middle table covers (16 GiB).
const MID_SHIFT: u32 = 34;
const MID_ENTRIES: usize = 1 << (MID_SHIFT - LEAF_SHIFT);
/// The address space covered: 2^47 bytes (x86-64 and AArch64 user space). An object
/// above it is never tracked, which is safe (invariant 2: its references look like
/// outside ones), only never collected.
const TOP_SHIFT: u32 = 47;
const TOP_ENTRIES: usize = 1 << (TOP_SHIFT - MID_SHIFT);

struct Leaf {
    bits: [AtomicU64; LEAF_WORDS],
    /// During an analysis only (world stopped, one collection at a time): the index of
    /// the leaf's first candidate and, per word, the candidates in the words before it.
    rank: UnsafeCell<Option<(u32, Box<[u32]>)>>,
}

struct Mid {
    leaves: [AtomicPtr<Leaf>; MID_ENTRIES],
}

static TOP: [AtomicPtr<Mid>; TOP_ENTRIES] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; TOP_ENTRIES];

/// Allocates a zeroed `T` on the heap (a leaf is too large for the stack).
fn zeroed_box<T>() -> *mut T {
    let layout = std::alloc::Layout::new::<T>();
    // SAFETY: `T` is a table of atomics, null pointers and a `None`, for which all-zero
    // bytes are a valid value; the layout is non-zero-sized.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut T;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        p
    }
}

/// Installs a new zeroed table in `slot` unless another thread did first.
fn install<T>(slot: &AtomicPtr<T>) -> *mut T {
    let new = zeroed_box::<T>();
    match slot.compare_exchange(
        std::ptr::null_mut(),
        new,
        Ordering::AcqRel,
        Ordering::Acquire,
    ) {
        Ok(_) => new,
        Err(other) => {
            // SAFETY: `new` was allocated above with `T`'s layout and never shared.
            unsafe { std::alloc::dealloc(new as *mut u8, std::alloc::Layout::new::<T>()) };
            other
        }
    }
}

/// The leaf covering `addr`, made if `make` (None above the covered space, or when absent).
#[inline(always)]
fn leaf(addr: usize, make: bool) -> Option<&'static Leaf> {
    if addr >> TOP_SHIFT != 0 {
        return None;
    }
    let top = &TOP[addr >> MID_SHIFT];
    let mut mid = top.load(Ordering::Acquire);
    if mid.is_null() {
        if !make {
            return None;
        }
        mid = install(top);
    }
    // SAFETY: tables are installed once and never freed.
    let slot = unsafe { &(*mid).leaves[(addr >> LEAF_SHIFT) & (MID_ENTRIES - 1)] };
    let mut l = slot.load(Ordering::Acquire);
    if l.is_null() {
        if !make {
            return None;
        }
        l = install(slot);
    }
    // SAFETY: as above.
    Some(unsafe { &*l })
}

/// The word and the bit of `addr` in its leaf.
#[inline(always)]
fn bit_of(addr: usize) -> (usize, u64) {
    let i = (addr & ((1 << LEAF_SHIFT) - 1)) >> 3;
    (i >> 6, 1u64 << (i & 63))
}

/// Sets (or clears) the bit of `addr`; returns whether it was set.
#[inline(always)]
fn set_bit(l: &Leaf, addr: usize, on: bool) -> bool {
    let (w, b) = bit_of(addr);
    update_word(&l.bits[w], b, on)
}

/// Sets (or clears) `bit` in a bitmap word; returns whether it was set. The GIL build
/// updates the word with a plain load and store (every table update happens on a thread
/// holding the GIL); the free-threaded build with one atomic read-modify-write, since the
/// neighbouring objects sharing a word may be allocated and freed by other threads at the
/// same time (loom model `tests/loom_gc_bitmap.rs`, with the plain update as its broken
/// variant).
#[inline(always)]
pub fn update_word(word: &AtomicU64, bit: u64, on: bool) -> bool {
    #[cfg(loom)]
    let plain = !gilvm_sync::FREE_THREADING
        || gilvm_sync::sync::broken::active(gilvm_sync::sync::broken::Bug::GcBitmapPlainUpdate);
    #[cfg(not(loom))]
    let plain = !gilvm_sync::FREE_THREADING;
    let old = if plain {
        let old = word.load(Ordering::Relaxed);
        word.store(if on { old | bit } else { old & !bit }, Ordering::Relaxed);
        old
    } else if on {
        word.fetch_or(bit, Ordering::Relaxed)
    } else {
        word.fetch_and(!bit, Ordering::Relaxed)
    };
    old & bit != 0
}

/// The tracked addresses of a leaf, in order (`base` is the leaf's own address).
fn leaf_addrs(l: &Leaf, base: usize, out: &mut Vec<usize>) {
    for (w, word) in l.bits.iter().enumerate() {
        let mut x = word.load(Ordering::Relaxed);
        while x != 0 {
            let b = x.trailing_zeros() as usize;
            x &= x - 1;
            out.push(base + ((w * 64 + b) << 3));
        }
    }
}

/// Every leaf with its base address.
fn leaves_with_base() -> Vec<(&'static Leaf, usize)> {
    let mut v = Vec::new();
    for (ti, t) in TOP.iter().enumerate() {
        let m = t.load(Ordering::Acquire);
        if m.is_null() {
            continue;
        }
        // SAFETY: installed once, never freed.
        let mid: &'static Mid = unsafe { &*m };
        for (mi, l) in mid.leaves.iter().enumerate() {
            let l = l.load(Ordering::Acquire);
            if !l.is_null() {
                // SAFETY: as above.
                v.push((unsafe { &*l }, (ti << MID_SHIFT) | (mi << LEAF_SHIFT)));
            }
        }
    }
    v
}

/// Frozen objects (`gc.freeze`): moved out of the bitmap into this set.
static FROZEN: Mutex<Option<AddrSet>> = Mutex::new(None);
/// Is `FROZEN` possibly non-empty? (The free path looks at the set only then.)
static FROZEN_ANY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

thread_local! {
    /// Net tracked allocations of this thread not yet added to [`YOUNG`].
    static PENDING: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

#[inline(always)]
fn count_young(d: i64) {
    let p = PENDING.with(|p| {
        let v = p.get() + d;
        if v.abs() >= BATCH {
            p.set(0);
            v
        } else {
            p.set(v);
            0
        }
    });
    if p != 0 {
        publish(p);
    }
}

/// How many net allocations a thread accumulates before publishing them to [`YOUNG`].
const BATCH: i64 = 32;

/// Tracked allocations minus tracked frees since the last collection (approximate: each
/// thread publishes in batches of [`BATCH`]).
static YOUNG: AtomicI64 = AtomicI64::new(0);
/// Objects that survived the last collection (CPython's `long_lived_total`).
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The young-generation threshold (`gc.set_threshold`'s first value); 0 disables
/// automatic collection, as does [`set_enabled`].
static THRESHOLD: AtomicI64 = AtomicI64::new(2000);
static ENABLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);
/// The VM's hook that asks the current thread to collect at its next eval-breaker check.
static SCHEDULE: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Installs the VM's "collect soon" hook (once per process).
pub fn set_schedule_hook(f: fn()) {
    let _ = SCHEDULE.set(f);
}

/// Automatic collection on or off (`gc.enable` / `gc.disable`).
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

pub fn set_threshold(t: i64) {
    THRESHOLD.store(t, Ordering::Relaxed);
}

pub fn threshold() -> i64 {
    THRESHOLD.load(Ordering::Relaxed)
}

/// The young generation's count (`gc.get_count()[0]`).
pub fn young_count() -> i64 {
    YOUNG.load(Ordering::Relaxed).max(0)
}

/// Is an automatic collection due? Past the threshold, and past a quarter of what
/// survived the last collection (as CPython 3.13t), so that a program with many live
/// objects does not spend its time re-proving them alive: the work per allocation stays
/// bounded.
pub fn should_collect() -> bool {
    over_threshold(YOUNG.load(Ordering::Relaxed))
}

fn over_threshold(young: i64) -> bool {
    let t = THRESHOLD.load(Ordering::Relaxed);
    ENABLED.load(Ordering::Relaxed)
        && t > 0
        && young > t
        && young as usize > LIVE.load(Ordering::Relaxed) / 4
}

#[cold]
fn publish(delta: i64) {
    let young = YOUNG.fetch_add(delta, Ordering::Relaxed) + delta;
    if young < 0 {
        // Frees of objects older than the last collection: the count stays at 0, as
        // CPython's (an approximate counter; a racing addition may be lost).
        YOUNG.fetch_max(0, Ordering::Relaxed);
        return;
    }
    // The allocating thread is asked to collect at its next eval-breaker check (again
    // every batch until a collection ran: a thread may exit before its check, and the
    // collection is then another's to run).
    if delta > 0 && over_threshold(young) {
        if let Some(f) = SCHEDULE.get() {
            f();
        }
    }
}

/// Does an object with this kind hold references to other containers (is it tracked,
/// tuples aside)?
#[inline(always)]
fn container_kind(k: Kind) -> bool {
    !matches!(
        k,
        Kind::Str
            | Kind::Int
            | Kind::Bytes
            | Kind::Range
            | Kind::Slice
            | Kind::Code
            | Kind::RangeIter
            | Kind::Singleton
            | Kind::Object
            | Kind::Complex
            | Kind::ByteArray
    )
}

/// Is the object at `ptr` (allocated) one the table lists? The answer never changes over
/// the object's life (a tuple's items are fixed).
#[inline(always)]
fn wants_tracking(ptr: NonNull<PyObject>) -> bool {
    // SAFETY: the object is allocated (callers: its allocation and its release).
    let k = Kind::from_tag(unsafe { (*ptr.as_ptr()).header.kind() });
    if k == Kind::Tuple {
        // SAFETY: as above; the payload is intact.
        if let Payload::Tuple(items) = unsafe { Kind::view(ptr) } {
            return items
                .iter()
                .any(|v| matches!(v, Value::Obj(o) if container_kind(o.kind())));
        }
    }
    container_kind(k)
}

/// A new object: tracked if its kind asks for it (`ObjRef::new`).
#[inline(always)]
pub(crate) fn on_alloc(ptr: NonNull<PyObject>) {
    #[cfg(not(loom))]
    if wants_tracking(ptr) {
        track(ptr.as_ptr() as usize);
    }
    #[cfg(loom)]
    let _ = ptr;
}

#[inline(never)]
#[cfg(not(loom))]
fn track(addr: usize) {
    if let Some(l) = leaf(addr, true) {
        set_bit(l, addr, true);
        count_young(1);
    }
}

/// An object whose memory is about to be released: untracked (invariant 1).
#[inline(always)]
pub(crate) fn on_free(ptr: NonNull<PyObject>) {
    #[cfg(not(loom))]
    if wants_tracking(ptr) {
        untrack(ptr.as_ptr() as usize);
    }
    #[cfg(loom)]
    let _ = ptr;
}

#[inline(always)]
#[cfg(not(loom))]
fn untrack(addr: usize) {
    if let Some(l) = leaf(addr, false) {
        if set_bit(l, addr, false) {
            count_young(-1);
            return;
        }
    }
    if FROZEN_ANY.load(Ordering::Relaxed) {
        if let Some(f) = FROZEN.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            f.remove(&addr);
        }
    }
}

/// Is `o` tracked (`gc.is_tracked`)? Frozen objects are.
pub fn is_tracked(_py: Py<'_>, o: &ObjRef) -> bool {
    let a = o.addr();
    if let Some(l) = leaf(a, false) {
        let (w, b) = bit_of(a);
        if l.bits[w].load(Ordering::Relaxed) & b != 0 {
            return true;
        }
    }
    FROZEN_ANY.load(Ordering::Relaxed)
        && FROZEN
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .is_some_and(|f| f.contains(&a))
}

/// `gc.freeze()`: every tracked object moves to the frozen set (collections skip them).
pub fn freeze(_py: Py<'_>, _w: &WorldStopped<'_>) {
    let mut g = FROZEN.lock().unwrap_or_else(|e| e.into_inner());
    let f = g.get_or_insert_with(AddrSet::default);
    let mut addrs = Vec::new();
    for (l, base) in leaves_with_base() {
        leaf_addrs(l, base, &mut addrs);
        for w in &l.bits {
            w.store(0, Ordering::Relaxed);
        }
    }
    f.extend(addrs);
    FROZEN_ANY.store(!f.is_empty(), Ordering::Relaxed);
    YOUNG.store(0, Ordering::Relaxed);
}

/// `gc.unfreeze()`: the frozen objects are tracked again.
pub fn unfreeze(_py: Py<'_>, _w: &WorldStopped<'_>) {
    let mut g = FROZEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(f) = g.take() {
        for a in f {
            if let Some(l) = leaf(a, true) {
                set_bit(l, a, true);
            }
        }
    }
    FROZEN_ANY.store(false, Ordering::Relaxed);
}

/// `gc.get_freeze_count()`.
pub fn freeze_count(_py: Py<'_>) -> usize {
    FROZEN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .map_or(0, |f| f.len())
}

/// The tracked (not frozen) objects' addresses, in address order; immortal ones are
/// dropped from the table on the way (they are never collected).
fn tracked_addrs(_py: Py<'_>, _w: &WorldStopped<'_>) -> Vec<usize> {
    // Sized exactly (a count of the bits first): the analysis's arrays are what a
    // collection costs in memory, per tracked object, on top of the heap.
    let leaves = leaves_with_base();
    let total: usize = leaves
        .iter()
        .map(|(l, _)| {
            l.bits
                .iter()
                .map(|w| w.load(Ordering::Relaxed).count_ones() as usize)
                .sum::<usize>()
        })
        .sum();
    let mut out = Vec::with_capacity(total);
    for (l, base) in leaves {
        let from = out.len();
        leaf_addrs(l, base, &mut out);
        for &a in &out[from..] {
            if header(a).is_immortal() {
                set_bit(l, a, false);
            }
        }
    }
    out.retain(|&a| !header(a).is_immortal());
    out
}

/// New references to every tracked object (`gc.get_objects()`), in no particular order.
pub fn tracked_objects(py: Py<'_>, w: &WorldStopped<'_>) -> Vec<ObjRef> {
    tracked_addrs(py, w)
        .into_iter()
        .filter(|&a| header(a).count() > 0)
        .map(|a| (*borrow(a)).clone())
        .collect()
}

fn header(addr: usize) -> &'static crate::header::Header {
    // SAFETY: callers pass addresses from the table, of allocated objects (invariant 1);
    // the header is at offset 0 of a `repr(C)` object.
    unsafe { &(*(addr as *const PyObject)).header }
}

/// The object at `addr` (from the table) as a reference that owns no count.
fn borrow(addr: usize) -> ManuallyDrop<ObjRef> {
    // SAFETY: a table address is that of an allocated object (invariant 1), alive for the
    // analysis (the world is stopped); `ManuallyDrop` never releases the count it does
    // not own.
    ManuallyDrop::new(unsafe {
        ObjRef::from_raw_owned(NonNull::new_unchecked(addr as *mut PyObject))
    })
}

// ---------------------------------------------------------------------------------------
// Traversal

/// What [`traverse`] reports references to.
pub trait Visit {
    /// A counted reference to a heap object.
    fn obj(&mut self, o: &ObjRef);
    /// A value held by the object (immediates are reported to visitors that want every
    /// value, such as `gc.get_referents`).
    fn val(&mut self, v: &Value) {
        if let Value::Obj(o) = v {
            self.obj(o);
        }
    }
}

/// A native object's traversal and clearing, registered by the VM for the state types of
/// its native classes (generators, …). Without one, a native object's references count
/// as outside references (its contents are kept alive, never collected).
#[derive(Clone, Copy)]
pub struct NativeGc {
    /// Reports every counted reference the state holds (invariant 2).
    pub traverse: fn(&dyn Any, &mut dyn Visit),
    /// Moves the state's references out into the vector (dropped after the section).
    pub clear: fn(&mut dyn Any, &mut Vec<Value>),
}

static NATIVE: RwLock<Vec<(TypeId, NativeGc)>> = RwLock::new(Vec::new());

/// Registers the traversal of native state of type `T`.
pub fn register_native<T: Any>(g: NativeGc) {
    let mut v = NATIVE.write().unwrap_or_else(|e| e.into_inner());
    if !v.iter().any(|(id, _)| *id == TypeId::of::<T>()) {
        v.push((TypeId::of::<T>(), g));
    }
}

fn native_gc(id: TypeId) -> Option<NativeGc> {
    if crate::deque::is_state(id) {
        return Some(crate::deque::GC);
    }
    let v = NATIVE.read().unwrap_or_else(|e| e.into_inner());
    v.iter().find(|(t, _)| *t == id).map(|(_, g)| *g)
}

/// Reports the references `o` holds (see [`Visit`] and invariant 2), in CPython's order
/// where it shows (`gc.get_referents`: a list's and a tuple's items last to first).
pub fn traverse(py: Py<'_>, o: &ObjRef, v: &mut dyn Visit) {
    match o.payload() {
        Payload::Tuple(items) => items.iter().rev().for_each(|x| v.val(x)),
        Payload::List(l) => l.gc_traverse(py, v),
        Payload::Dict(d) => d.gc_traverse(py, v),
        Payload::Set(s) | Payload::FrozenSet(s) => s.gc_traverse(py, v),
        Payload::Instance(i) => {
            match &i.base {
                InstanceBase::Object => {}
                InstanceBase::Exception(e) => e.read(py, |e| {
                    v.val(&e.args);
                    v.val(&e.cause);
                    v.val(&e.context);
                    v.val(&e.traceback);
                }),
                InstanceBase::List(l) => l.gc_traverse(py, v),
                InstanceBase::Dict(d) => d.gc_traverse(py, v),
                InstanceBase::Set(s) => s.gc_traverse(py, v),
                InstanceBase::Value(x) => v.val(x),
                InstanceBase::Descriptor(d) => d.read(py, |d| {
                    v.val(&d.desc);
                    v.val(&d.name);
                }),
            }
            i.attrs.gc_traverse(py, v);
            v.obj(&i.class);
        }
        Payload::Type(t) => {
            t.qualname.read(py, |q| v.val(q));
            t.bases.iter().for_each(|b| v.obj(b));
            t.mro.iter().for_each(|b| v.obj(b));
            v.obj(&t.dict);
            if let Some(m) = &t.metatype {
                v.obj(m);
            }
            t.gc_traverse_subclasses(py, v);
        }
        Payload::Function(f) => {
            v.obj(&f.code);
            v.obj(&f.globals);
            f.name.read(py, |x| v.val(x));
            f.qualname.read(py, |x| v.val(x));
            if let Some(d) = &*f.defaults {
                v.obj(d);
            }
            if let Some(d) = &*f.kwdefaults {
                v.obj(d);
            }
            f.closure.iter().for_each(|c| v.obj(c));
            f.dict.read(py, |d| {
                if let Some(d) = d {
                    v.obj(d)
                }
            });
            v.val(&f.module);
            v.val(&f.doc);
        }
        Payload::BuiltinFunction(b) => {
            if let Some(r) = &b.receiver {
                v.val(r);
            }
            v.val(&b.data);
        }
        Payload::BoundMethod(b) => {
            v.val(&b.func);
            v.val(&b.receiver);
        }
        Payload::Cell(c) => c.read(py, |x| v.val(x)),
        Payload::Module(m) => {
            v.val(&m.name);
            v.obj(&m.dict);
            v.obj(&m.class);
        }
        Payload::Property(p) => p.iter().for_each(|x| v.val(x)),
        Payload::StaticMethod(x) | Payload::ClassMethod(x) => v.val(x),
        Payload::SeqIter(s) => s.gc_traverse(py, v),
        Payload::Iter(s) => s.gc_traverse(py, v),
        Payload::Native(n) => {
            n.data.read(py, |b| {
                let any: &dyn Any = &**b;
                if let Some(g) = native_gc(any.type_id()) {
                    (g.traverse)(any, v);
                }
            });
            v.obj(&n.class);
        }
        Payload::Slice(s) => s.iter().for_each(|x| v.val(x)),
        // The exporter (bytes or bytearray: never a container, but counted for get_referents).
        Payload::MemoryView(m) => v.obj(&m.obj),
        Payload::Complex(_) | Payload::ByteArray(_) => {}
        Payload::Str(_)
        | Payload::Int(_)
        | Payload::Bytes(_)
        | Payload::Range(_)
        | Payload::Code(_)
        | Payload::RangeIter(_)
        | Payload::Singleton(_)
        | Payload::Object(_) => {}
    }
}

/// Breaks a garbage object's references (invariant 5): moves them into `out`, to be
/// dropped by the caller. Immutable payloads (tuples, methods, descriptors) are left: the
/// cycles through them pass through a clearable object too.
fn clear(py: Py<'_>, o: &ObjRef, out: &mut Vec<Value>) {
    match o.payload() {
        Payload::List(l) => out.extend(l.clear(py)),
        Payload::Dict(d) => d.gc_clear(py, out),
        Payload::Set(s) => s.gc_clear(py, out),
        Payload::Instance(i) => {
            match &i.base {
                InstanceBase::List(l) => out.extend(l.clear(py)),
                InstanceBase::Dict(d) => d.gc_clear(py, out),
                InstanceBase::Set(s) => s.gc_clear(py, out),
                InstanceBase::Exception(e) => e.with(py, |e| {
                    out.push(std::mem::replace(&mut e.cause, Value::None));
                    out.push(std::mem::replace(&mut e.context, Value::None));
                    out.push(std::mem::replace(&mut e.traceback, Value::None));
                }),
                InstanceBase::Descriptor(d) => d.with(py, |d| {
                    out.push(std::mem::replace(&mut d.desc, Value::None));
                }),
                _ => {}
            }
            i.attrs.gc_clear(py, out);
        }
        Payload::Type(t) => {
            if let Payload::Dict(d) = t.dict.payload() {
                d.gc_clear(py, out);
            }
        }
        Payload::Function(f) => f.dict.with(py, |d| {
            if let Some(d) = d.take() {
                out.push(Value::Obj(d));
            }
        }),
        Payload::Cell(c) => out.push(c.with(py, |x| std::mem::replace(x, Value::Undef))),
        Payload::SeqIter(s) => s.gc_clear(py, out),
        Payload::Iter(s) => s.gc_clear(py, out),
        Payload::Native(n) => n.data.with(py, |b| {
            let any: &mut dyn Any = &mut **b;
            if let Some(g) = native_gc((*any).type_id()) {
                (g.clear)(any, out);
            }
        }),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// The analysis

/// How an analysis finds an object's index: by its rank in the bitmap (the whole table:
/// the leaves' `rank` filled for the analysis) or in a map (a subset: the re-check).
enum Index {
    Rank,
    Map(AddrMap<u32>),
}

/// Counts and reachability over a set of objects (indices into `addrs`).
struct Graph {
    addrs: Vec<usize>,
    index: Index,
    /// Counts less the references from inside the set (32 bits: see [`ROOT`]).
    refs: Vec<i32>,
}

struct Subtract<'a>(&'a mut Graph);
impl Visit for Subtract<'_> {
    #[inline]
    fn obj(&mut self, o: &ObjRef) {
        if let Some(j) = self.0.index_of(o.addr()) {
            self.0.refs[j as usize] -= 1;
        }
    }
}

struct Reach<'a> {
    g: &'a Graph,
    reached: &'a mut [bool],
    stack: &'a mut Vec<u32>,
}
impl Visit for Reach<'_> {
    #[inline]
    fn obj(&mut self, o: &ObjRef) {
        if let Some(j) = self.g.index_of(o.addr()) {
            if !self.reached[j as usize] {
                self.reached[j as usize] = true;
                self.stack.push(j);
            }
        }
    }
}

/// A count that makes an object a root: one whose count is 0 (a free path further up
/// some stack is finalizing it or clearing its weak references: it must not be taken, and
/// its payload is intact).
/// Counts at or above it are roots too: a count that large cannot be cancelled by the
/// references of a set this size, and it keeps `refs` at 32 bits an object.
const ROOT: i32 = i32::MAX / 2;

impl Graph {
    /// The whole table, world stopped: ranks are filled in the leaves (cleared by
    /// [`Graph::drop_ranks`]).
    fn whole(py: Py<'_>, w: &WorldStopped<'_>) -> Graph {
        let addrs = tracked_addrs(py, w);
        let mut n = 0u32;
        for (l, _) in leaves_with_base() {
            let mut prefix = Vec::with_capacity(LEAF_WORDS);
            let first = n;
            let mut in_leaf = 0u32;
            for word in &l.bits {
                prefix.push(in_leaf);
                in_leaf += word.load(Ordering::Relaxed).count_ones();
            }
            n += in_leaf;
            // SAFETY: ranks are written only here and read only by this analysis, with the
            // world stopped and one collection at a time (the VM's `COLLECTING`).
            unsafe { *l.rank.get() = Some((first, prefix.into_boxed_slice())) };
        }
        debug_assert_eq!(n as usize, addrs.len());
        let refs = addrs.iter().map(|&a| Graph::count(a, 0)).collect();
        Graph {
            addrs,
            index: Index::Rank,
            refs,
        }
    }

    /// A subset of objects the caller holds `own` references to each of.
    fn subset(addrs: Vec<usize>, own: i64) -> Graph {
        let mut index = AddrMap::with_capacity_and_hasher(addrs.len(), Default::default());
        let mut refs = Vec::with_capacity(addrs.len());
        for (i, &a) in addrs.iter().enumerate() {
            index.insert(a, i as u32);
            refs.push(Graph::count(a, own));
        }
        Graph {
            addrs,
            index: Index::Map(index),
            refs,
        }
    }

    fn count(a: usize, own: i64) -> i32 {
        let h = header(a);
        if h.is_per_thread() {
            // Counted per thread: summed over every thread's entry (exact, the world is
            // stopped). Never freed by a decrement, so a count of 0 is no free path in
            // progress: the object is garbage unless something in the set reaches it.
            return (h.count() as i64 - own).clamp(0, ROOT as i64) as i32;
        }
        match h.count() as i64 - own {
            c if c <= 0 && own == 0 => ROOT,
            c => c.min(ROOT as i64) as i32,
        }
    }

    fn drop_ranks(&self) {
        if let Index::Rank = self.index {
            for (l, _) in leaves_with_base() {
                // SAFETY: as in `whole`.
                unsafe { *l.rank.get() = None };
            }
        }
    }

    #[inline]
    fn index_of(&self, a: usize) -> Option<u32> {
        match &self.index {
            Index::Map(m) => m.get(&a).copied(),
            Index::Rank => {
                let l = leaf(a, false)?;
                let (w, b) = bit_of(a);
                let word = l.bits[w].load(Ordering::Relaxed);
                if word & b == 0 {
                    return None;
                }
                // SAFETY: as in `whole`.
                let rank = unsafe { &*l.rank.get() };
                let (first, prefix) = rank.as_ref()?;
                Some(first + prefix[w] + (word & (b - 1)).count_ones())
            }
        }
    }

    /// Which objects are reachable from outside the set.
    fn reachable(&mut self, py: Py<'_>) -> Vec<bool> {
        for i in 0..self.addrs.len() {
            let o = borrow(self.addrs[i]);
            traverse(py, &o, &mut Subtract(self));
        }
        debug_assert!(
            self.refs.iter().all(|&r| r >= 0),
            "gc: a traversal visited an uncounted reference"
        );
        // Roots one at a time, each followed to the end before the next: the stack holds
        // one search's frontier, not every root at once.
        let mut reached: Vec<bool> = vec![false; self.addrs.len()];
        let mut stack: Vec<u32> = Vec::new();
        for root in 0..self.addrs.len() {
            if self.refs[root] <= 0 || reached[root] {
                continue;
            }
            reached[root] = true;
            stack.push(root as u32);
            while let Some(i) = stack.pop() {
                let o = borrow(self.addrs[i as usize]);
                traverse(
                    py,
                    &o,
                    &mut Reach {
                        g: self,
                        reached: &mut reached,
                        stack: &mut stack,
                    },
                );
            }
        }
        reached
    }
}

/// The garbage a collection found: a reference to each object (invariant 5).
pub struct Garbage {
    pub objs: Vec<ObjRef>,
    /// Objects the finalizers left unreferenced (see [`Garbage::recheck`]), and untracked
    /// per-thread counted objects whose count reached 0 ([`sweep_per_thread`]): freed, not
    /// counted.
    pub by_count: Vec<ObjRef>,
    /// The garbage that was counted per thread until this collection demoted it: switched
    /// back if a finalizer resurrects it ([`Garbage::recheck`]).
    demoted: AddrSet,
}

/// With the world stopped: the per-thread counted objects the table does not track (code
/// objects, a tuple of defaults, …: they hold no container, so no cycle) whose true count
/// is 0. No decrement frees them (`header.rs`, "Per-thread counts"), so the collector
/// does: each is demoted to an ordinary count and returned with one reference, whose drop
/// frees it. An object only garbage references is freed by the next collection, once the
/// garbage let go of it. (Tracked ones are the analysis's: a count of 0 makes no root.)
fn sweep_per_thread(py: Py<'_>, w: &WorldStopped<'_>) -> Vec<ObjRef> {
    let mut out = Vec::new();
    for (index, a) in gilvm_sync::ptrc::allocated(w) {
        let h = header_of_published(a);
        // An index whose object was made immortal since (`__class__` assignment) stays.
        if h.per_thread_index() != Some(index) || is_tracked(py, &borrow(a)) {
            continue;
        }
        if h.count() == 0 {
            h.demote_stopped(w);
            out.push((*borrow(a)).clone());
        }
    }
    out
}

/// The header of an object that holds a per-thread index.
fn header_of_published(addr: usize) -> &'static crate::header::Header {
    // SAFETY: an allocated index names a live object: it is freed only after the
    // collector demoted it, which releases the index (`gilvm_sync::ptrc` invariant 4);
    // the header is at offset 0 of a `repr(C)` object.
    unsafe { &(*(addr as *const PyObject)).header }
}

/// What the first phase hands to the VM to do with the world running again.
pub struct Found {
    pub garbage: Garbage,
    /// Weak reference callbacks to call (weak reference objects that are not garbage),
    /// in CPython's order.
    pub callbacks: Vec<(ObjRef, Value)>,
    /// Values to drop (callbacks of garbage weak references).
    pub dropped: Vec<(ObjRef, Value)>,
    /// How many tracked objects were examined.
    pub examined: usize,
}

/// Phase 1, with the world stopped: finds the unreachable tracked objects, takes a
/// reference to each, and clears the weak references to them (module docs).
pub fn find_unreachable(py: Py<'_>, w: &WorldStopped<'_>) -> Found {
    // The per-thread counts of threads that ended go to their objects' shared counts.
    for (a, delta) in gilvm_sync::ptrc::take_orphans(w) {
        header_of_published(a).merge_per_thread(delta);
    }
    let mut g = Graph::whole(py, w);
    let examined = g.addrs.len();
    let reached = g.reachable(py);
    g.drop_ranks();
    // Per-thread counted garbage is demoted to an ordinary count first (`header.rs`,
    // "Per-thread counts", invariant 2), so that the collector's references free it.
    let mut demoted = AddrSet::default();
    let objs: Vec<ObjRef> = g
        .addrs
        .iter()
        .zip(&reached)
        .filter(|(_, r)| !**r)
        .map(|(&a, _)| {
            if header(a).is_per_thread() {
                header(a).demote_stopped(w);
                demoted.insert(a);
            }
            (*borrow(a)).clone()
        })
        .collect();
    let unreferenced = sweep_per_thread(py, w);
    if !demoted.is_empty() || !unreferenced.is_empty() {
        // Not needed for safety (`header::CACHE_MORTAL`, point 3), but cheap: no cache
        // entry names a class or function that is about to be freed.
        crate::types::invalidate_type_cache();
    }
    let garbage_set: AddrSet = objs.iter().map(|o| o.addr()).collect();
    let mut callbacks = Vec::new();
    let mut dropped = Vec::new();
    for o in &objs {
        if o.is_weakly_referenced() {
            for (wr, cb) in crate::weakref::clear(o.addr()) {
                if garbage_set.contains(&wr.addr()) {
                    dropped.push((wr, cb));
                } else {
                    callbacks.push((wr, cb));
                }
            }
        }
    }
    LIVE.store(examined - objs.len(), Ordering::Relaxed);
    YOUNG.store(0, Ordering::Relaxed);
    Found {
        garbage: Garbage {
            objs,
            by_count: unreferenced,
            demoted,
        },
        callbacks,
        dropped,
        examined,
    }
}

impl Garbage {
    pub fn len(&self) -> usize {
        self.objs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objs.is_empty()
    }

    /// The garbage objects that have a finalizer still to run (PEP 442: an instance whose
    /// class has `__del__` and that was not finalized yet, a suspended generator).
    pub fn finalizable(&self) -> Vec<ObjRef> {
        self.objs
            .iter()
            .filter(|o| crate::lifecycle::needs_finalizer(o))
            .cloned()
            .collect()
    }

    /// With the world stopped again after Python code ran: removes (and returns, to be
    /// dropped with the world running) what became reachable again (resurrected) with
    /// everything it reaches.
    pub fn recheck(&mut self, py: Py<'_>, _w: &WorldStopped<'_>) -> Vec<ObjRef> {
        let addrs: Vec<usize> = self.objs.iter().map(|o| o.addr()).collect();
        let mut g = Graph::subset(addrs, 1);
        let reached = g.reachable(py);
        let mut alive = Vec::new();
        let mut keep = Vec::with_capacity(self.objs.len());
        for (o, r) in std::mem::take(&mut self.objs).into_iter().zip(reached) {
            if r {
                if self.demoted.contains(&o.addr()) {
                    // Resurrected: counted per thread again (`header::CACHE_MORTAL`, 4).
                    header(o.addr()).promote_stopped(o.addr(), _w);
                }
                alive.push(o);
            } else {
                keep.push(o);
            }
        }
        // What the finalizers left referenced by nothing at all (a closed generator's
        // frame let go of its holder) is what CPython frees by reference counting during
        // the finalizers, and does not count as collected: those objects, and what only
        // they hold, are set apart (freed by the drop of the collector's references,
        // without clearing).
        let index: AddrMap<u32> = keep
            .iter()
            .enumerate()
            .map(|(i, o)| (o.addr(), i as u32))
            .collect();
        let mut rc: Vec<i64> = keep.iter().map(|o| o.ref_count() as i64 - 1).collect();
        let mut stack: Vec<u32> = (0..keep.len() as u32)
            .filter(|&i| rc[i as usize] == 0)
            .collect();
        let mut freed = vec![false; keep.len()];
        struct Cascade<'a> {
            index: &'a AddrMap<u32>,
            rc: &'a mut [i64],
            stack: &'a mut Vec<u32>,
        }
        impl Visit for Cascade<'_> {
            fn obj(&mut self, o: &ObjRef) {
                if let Some(&j) = self.index.get(&o.addr()) {
                    self.rc[j as usize] -= 1;
                    if self.rc[j as usize] == 0 {
                        self.stack.push(j);
                    }
                }
            }
        }
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut freed[i as usize], true) {
                continue;
            }
            traverse(
                py,
                &keep[i as usize],
                &mut Cascade {
                    index: &index,
                    rc: &mut rc,
                    stack: &mut stack,
                },
            );
        }
        let mut objs = Vec::with_capacity(keep.len());
        for (o, f) in keep.into_iter().zip(freed) {
            if f {
                self.by_count.push(o);
            } else {
                objs.push(o);
            }
        }
        self.objs = objs;
        LIVE.fetch_add(alive.len(), Ordering::Relaxed);
        alive
    }

    /// Breaks the garbage's references (world running: finalizers of objects that only the
    /// garbage held may run as the references go), then drops the collector's references,
    /// which frees the garbage.
    pub fn clear_and_free(self, py: Py<'_>) {
        drop(self.by_count);
        for o in &self.objs {
            let mut out = Vec::new();
            clear(py, o, &mut out);
            drop(out);
        }
        drop(self.objs);
    }
}

/// `gc.get_referents(o)`: every value `o` holds, immediates included.
pub fn referents(py: Py<'_>, o: &ObjRef) -> Vec<Value> {
    struct All(Vec<Value>);
    impl Visit for All {
        fn obj(&mut self, o: &ObjRef) {
            self.0.push(Value::Obj(o.clone()));
        }
        fn val(&mut self, v: &Value) {
            if !v.is_undef() {
                self.0.push(v.clone());
            }
        }
    }
    let mut all = All(Vec::new());
    traverse(py, o, &mut all);
    all.0
}

/// `gc.get_referrers(*targets)`: the tracked objects that refer to one of `targets`.
pub fn referrers(py: Py<'_>, w: &WorldStopped<'_>, targets: &AddrSet) -> Vec<ObjRef> {
    struct Finds<'a>(&'a AddrSet, bool);
    impl Visit for Finds<'_> {
        fn obj(&mut self, o: &ObjRef) {
            self.1 |= self.0.contains(&o.addr());
        }
    }
    let mut out = Vec::new();
    for a in tracked_addrs(py, w) {
        let o = borrow(a);
        let mut f = Finds(targets, false);
        traverse(py, &o, &mut f);
        if f.1 && header(a).count() > 0 {
            out.push((*o).clone());
        }
    }
    out
}
