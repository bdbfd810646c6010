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
//! # Tracking: a side table, no header bit
//! The memory target (issue 16) is at most CPython's bytes per object. CPython puts a
//! two-word list node in front of every container (16 bytes; 3.13t walks mimalloc's heaps
//! instead and keeps GC bits in its 24-byte header). gilvm keeps the addresses of tracked
//! objects in a striped side table (`STRIPES` sets keyed by address, each in an
//! [`ObjCell`]: no lock at all in the GIL build, whose count operations the GIL already
//! serialises; a one-byte mutex per stripe in the free-threaded build): about 9 bytes per
//! tracked object, nothing in the header, nothing for the objects that are never tracked.
//! `ObjRef::new` inserts, `free` removes right before the memory is released.
//!
//! Tracked: every kind that can hold a reference to another container (lists, dicts,
//! sets, instances, classes, functions, cells, methods, modules, iterators, native
//! objects, descriptors); a tuple only if one of its items is a heap object of such a kind
//! (its items never change, so the free path recomputes the same answer: a tuple of
//! numbers and strings costs nothing). Strings, big ints, bytes, ranges, code objects and
//! the like hold no such reference and are never tracked. Immortal objects are not
//! collected (their references count as outside references) and are dropped from the
//! table when a collection meets them; `gc.freeze` moves entries to the stripe's frozen
//! set, which collections skip.
//!
//! # Invariants
//! 1. An address is in the table (tracked or frozen) exactly from its object's allocation
//!    to the start of its memory's release (`Kind::free`): a collection only meets
//!    allocated objects. Objects whose count is 0 (being finalized or having their weak
//!    references cleared by a free path further up some stack) are skipped: they are
//!    neither candidates nor subtracted from.
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
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::RwLock;

use gilvm_sync::stw::WorldStopped;
use gilvm_sync::{ObjCell, Py};

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

#[derive(Default)]
struct Stripe {
    tracked: Option<AddrSet>,
    frozen: Option<AddrSet>,
    /// Net tracked allocations not yet added to [`YOUNG`].
    pending: i64,
}

const STRIPES: usize = 64;
/// How many net allocations a stripe accumulates before publishing them to [`YOUNG`].
const BATCH: i64 = 32;

#[cfg(not(loom))]
static TABLE: [ObjCell<Stripe>; STRIPES] = [const {
    ObjCell::new(Stripe {
        tracked: None,
        frozen: None,
        pending: 0,
    })
}; STRIPES];

#[cfg(not(loom))]
#[inline(always)]
fn stripe(addr: usize) -> &'static ObjCell<Stripe> {
    &TABLE[(addr >> 4) % STRIPES]
}

/// Tracked allocations minus tracked frees since the last collection (approximate: each
/// stripe publishes in batches of [`BATCH`]).
static YOUNG: AtomicI64 = AtomicI64::new(0);
/// Objects that survived the last collection (CPython's `long_lived_total`).
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// The young-generation threshold (`gc.set_threshold`'s first value); 0 disables
/// automatic collection, as does [`set_enabled`].
static THRESHOLD: AtomicI64 = AtomicI64::new(2000);
static ENABLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);
/// Set while a collection is scheduled or running (so the schedule hook fires once).
static SCHEDULED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
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

/// Called by the VM when its scheduled collection ran (or was skipped).
pub fn schedule_done() {
    SCHEDULED.store(false, Ordering::Release);
}

#[cold]
fn publish(delta: i64) {
    let young = YOUNG.fetch_add(delta, Ordering::Relaxed) + delta;
    if delta > 0 && ENABLED.load(Ordering::Relaxed) {
        let t = THRESHOLD.load(Ordering::Relaxed);
        // As CPython 3.13t: past the threshold, and past a quarter of what survived the
        // last collection, so that a program with many live objects does not spend its
        // time re-proving them alive (the work per allocation stays bounded).
        if t > 0
            && young > t
            && young as usize > LIVE.load(Ordering::Relaxed) / 4
            && !SCHEDULED.swap(true, Ordering::AcqRel)
        {
            match SCHEDULE.get() {
                Some(f) => f(),
                None => SCHEDULED.store(false, Ordering::Release),
            }
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
    // SAFETY: objects are allocated only by attached threads.
    let py = unsafe { Py::assume_attached() };
    let p = stripe(addr).with(py, |s| {
        s.tracked.get_or_insert_with(AddrSet::default).insert(addr);
        s.pending += 1;
        if s.pending >= BATCH {
            s.pending -= BATCH;
            return BATCH;
        }
        0
    });
    if p != 0 {
        publish(p);
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

#[inline(never)]
#[cfg(not(loom))]
fn untrack(addr: usize) {
    // SAFETY: objects are freed only by attached threads (see `objref.rs`).
    let py = unsafe { Py::assume_attached() };
    let p = stripe(addr).with(py, |s| {
        let removed = s.tracked.as_mut().is_some_and(|t| t.remove(&addr));
        if !removed {
            if let Some(f) = s.frozen.as_mut() {
                f.remove(&addr);
            }
            return 0;
        }
        s.pending -= 1;
        if s.pending <= -BATCH {
            s.pending += BATCH;
            return -BATCH;
        }
        0
    });
    if p != 0 {
        publish(p);
    }
}

/// Is `o` tracked (`gc.is_tracked`)? Frozen objects are.
pub fn is_tracked(py: Py<'_>, o: &ObjRef) -> bool {
    #[cfg(not(loom))]
    {
        let a = o.addr();
        stripe(a).with(py, |s| {
            s.tracked.as_ref().is_some_and(|t| t.contains(&a))
                || s.frozen.as_ref().is_some_and(|t| t.contains(&a))
        })
    }
    #[cfg(loom)]
    {
        let _ = (py, o);
        false
    }
}

/// `gc.freeze()`: every tracked object moves to the frozen sets (collections skip them).
pub fn freeze(py: Py<'_>, _w: &WorldStopped<'_>) {
    #[cfg(not(loom))]
    for s in &TABLE {
        s.with(py, |s| {
            if let Some(t) = s.tracked.take() {
                s.frozen.get_or_insert_with(AddrSet::default).extend(t);
            }
        });
    }
    #[cfg(loom)]
    let _ = py;
    YOUNG.store(0, Ordering::Relaxed);
}

/// `gc.unfreeze()`: the frozen objects are tracked again (in the oldest generation).
pub fn unfreeze(py: Py<'_>, _w: &WorldStopped<'_>) {
    #[cfg(not(loom))]
    for s in &TABLE {
        s.with(py, |s| {
            if let Some(f) = s.frozen.take() {
                s.tracked.get_or_insert_with(AddrSet::default).extend(f);
            }
        });
    }
    #[cfg(loom)]
    let _ = py;
}

/// `gc.get_freeze_count()`.
pub fn freeze_count(py: Py<'_>) -> usize {
    #[cfg(not(loom))]
    {
        TABLE
            .iter()
            .map(|s| s.with(py, |s| s.frozen.as_ref().map_or(0, |f| f.len())))
            .sum()
    }
    #[cfg(loom)]
    {
        let _ = py;
        0
    }
}

/// The tracked (not frozen) objects' addresses; immortal ones are dropped from the table
/// on the way (they are never collected), and those with count 0 skipped (invariant 1).
fn tracked_addrs(py: Py<'_>, _w: &WorldStopped<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    #[cfg(not(loom))]
    for s in &TABLE {
        s.with(py, |s| {
            if let Some(t) = s.tracked.as_mut() {
                t.retain(|&a| !header(a).is_immortal());
                out.extend(t.iter().copied().filter(|&a| header(a).count() > 0));
            }
        });
    }
    #[cfg(loom)]
    let _ = py;
    out
}

/// New references to every tracked object (`gc.get_objects()`), in no particular order.
pub fn tracked_objects(py: Py<'_>, w: &WorldStopped<'_>) -> Vec<ObjRef> {
    tracked_addrs(py, w)
        .into_iter()
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
                    for t in &e.traceback {
                        v.obj(&t.code);
                    }
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
            if let Some(d) = &f.defaults {
                v.obj(d);
            }
            if let Some(d) = &f.kwdefaults {
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

/// Counts and reachability over a set of objects (indices into `addrs`).
struct Graph {
    addrs: Vec<usize>,
    index: AddrMap<u32>,
    refs: Vec<i64>,
}

struct Subtract<'a>(&'a mut Graph);
impl Visit for Subtract<'_> {
    fn obj(&mut self, o: &ObjRef) {
        if let Some(&j) = self.0.index.get(&o.addr()) {
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
    fn obj(&mut self, o: &ObjRef) {
        if let Some(&j) = self.g.index.get(&o.addr()) {
            if !self.reached[j as usize] {
                self.reached[j as usize] = true;
                self.stack.push(j);
            }
        }
    }
}

impl Graph {
    /// `own` is the number of references to each object the caller holds itself.
    fn new(addrs: Vec<usize>, own: i64) -> Graph {
        let mut index = AddrMap::with_capacity_and_hasher(addrs.len(), Default::default());
        let mut refs = Vec::with_capacity(addrs.len());
        for (i, &a) in addrs.iter().enumerate() {
            index.insert(a, i as u32);
            refs.push(header(a).count() as i64 - own);
        }
        Graph { addrs, index, refs }
    }

    /// Which objects are reachable from outside the set.
    fn reachable(&mut self, py: Py<'_>) -> Vec<bool> {
        for i in 0..self.addrs.len() {
            let o = borrow(self.addrs[i]);
            traverse(py, &o, &mut Subtract(self));
        }
        let mut reached: Vec<bool> = self.refs.iter().map(|&r| r > 0).collect();
        debug_assert!(
            self.refs.iter().all(|&r| r >= 0),
            "gc: a traversal visited an uncounted reference"
        );
        let mut stack: Vec<u32> = (0..self.addrs.len() as u32)
            .filter(|&i| reached[i as usize])
            .collect();
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
        reached
    }
}

/// The garbage a collection found: a reference to each object (invariant 5).
pub struct Garbage {
    pub objs: Vec<ObjRef>,
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
    let addrs = tracked_addrs(py, w);
    let examined = addrs.len();
    let mut g = Graph::new(addrs, 0);
    let reached = g.reachable(py);
    let objs: Vec<ObjRef> = g
        .addrs
        .iter()
        .zip(&reached)
        .filter(|(_, r)| !**r)
        .map(|(&a, _)| (*borrow(a)).clone())
        .collect();
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
        garbage: Garbage { objs },
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
        let mut g = Graph::new(addrs, 1);
        let reached = g.reachable(py);
        let mut alive = Vec::new();
        let mut keep = Vec::with_capacity(self.objs.len());
        for (o, r) in std::mem::take(&mut self.objs).into_iter().zip(reached) {
            if r {
                alive.push(o);
            } else {
                keep.push(o);
            }
        }
        self.objs = keep;
        LIVE.fetch_add(alive.len(), Ordering::Relaxed);
        alive
    }

    /// Breaks the garbage's references (world running: finalizers of objects that only the
    /// garbage held may run as the references go), then drops the collector's references,
    /// which frees the garbage.
    pub fn clear_and_free(self, py: Py<'_>) {
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
        if f.1 {
            out.push((*o).clone());
        }
    }
    out
}
