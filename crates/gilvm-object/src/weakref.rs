//! Weak references: where an object's weak references are listed, how a weak reference is
//! upgraded to a strong one, and how they are cleared when the object dies.
//!
//! # Where the list lives: a side table, and one header bit
//! CPython keeps a pointer to the list of weak references in every weakly referenceable
//! object (`tp_weaklistoffset`, 8 bytes per instance, used or not). gilvm keeps no such
//! field: the lists live in this table, keyed by the referent's address, and the object
//! header has one sticky bit, "weakly referenced" (`Header::set_weakly_referenced`: a spare
//! byte of the GIL build's header, bit 2 of the free-threaded build's shared count word,
//! see `header.rs`). An object that is never weakly referenced, which is nearly every
//! object, costs nothing: no byte more, and its free path reads a bit it already loads (the
//! header) before doing anything. Only objects with the bit pay a table look-up when they
//! die. The table is split in `STRIPES` stripes by address, each a mutex and a map created
//! on first use, so threads weakly referencing different objects rarely meet.
//!
//! # A weak reference's state
//! A weak reference object (the VM's `weakref.ReferenceType`, a proxy, or an instance of a
//! subclass) holds a [`WeakState`] at a stable address: the referent's address, 0 once the
//! referent died. The table lists, per referent, an [`Entry`] per weak reference: a raw
//! pointer to the state, the address of the weak reference object (uncounted: what a
//! callback receives), its callback, and its kind. Entries are kept in CPython's list
//! order: the basic reference (no callback, exact type), then the basic proxy, then the
//! others, newest first; `getweakrefs` and the callback order follow it.
//!
//! # Invariants
//! 1. An entry is in the table exactly while its state's `referent` is nonzero; both change
//!    only under the stripe's lock (the referent's stripe).
//! 2. A state's memory, and its weak reference object's header, are valid while its entry is
//!    in the table: the state's `Drop` (run while its object is freed) removes the entry
//!    under the lock first, unless `referent` is already 0 ([`WeakState::drop`]).
//!    [`clear`] therefore touches an entry's state and object first, and stores 0 into the
//!    state's `referent` last, after which it never looks at that entry again.
//! 3. The referent's memory is valid while an entry for it is in the table: the referent's
//!    free path calls [`clear`], which takes the lock, before freeing. An upgrade
//!    ([`upgrade`]) reads `referent` and takes a reference under the lock, with
//!    `Header::try_incref`, which fails once the count reached 0, so a dying object is
//!    never revived after its free began (free-threaded build: the `WEAK` bit's argument in
//!    `header.rs`; loom model `tests/loom_weakref.rs`).
//! 4. Both the referent and the weak reference object carry the "weakly referenced" bit, so
//!    both die through an atomic transition that `try_incref` orders itself against.
//! 5. No Python code runs under a stripe lock: values (callbacks) leave the table and are
//!    dropped or called after the lock is released.
use std::collections::HashMap;
use std::ptr::NonNull;

use gilvm_sync::sync::atomic::{AtomicUsize, Ordering};
use gilvm_sync::sync::Mutex;

use crate::objref::{ObjRef, PyObject};
use crate::value::Value;

/// The state every weak reference object holds (at a stable address: boxed, or inside a
/// heap object's payload).
pub struct WeakState {
    /// The referent's address; 0 once it died (or for a state never registered).
    referent: AtomicUsize,
}

impl Default for WeakState {
    fn default() -> Self {
        WeakState::new()
    }
}

impl WeakState {
    pub fn new() -> WeakState {
        WeakState {
            referent: AtomicUsize::new(0),
        }
    }
    /// The referent's address (for reprs), or 0 once it died.
    pub fn referent_addr(&self) -> usize {
        self.referent.load(Ordering::Acquire)
    }
    /// Is the referent still alive (not yet cleared)?
    pub fn is_alive(&self) -> bool {
        self.referent_addr() != 0
    }
}

impl Drop for WeakState {
    fn drop(&mut self) {
        let r = self.referent.load(Ordering::Acquire);
        if r == 0 {
            return;
        }
        let me = self as *const WeakState;
        let removed = {
            let mut g = stripe(r).lock();
            if self.referent.load(Ordering::Acquire) != r {
                return;
            }
            let map = g.get_or_insert_with(HashMap::new);
            let mut removed = None;
            if let Some(list) = map.get_mut(&r) {
                if let Some(i) = list.iter().position(|e| std::ptr::eq(e.state, me)) {
                    removed = Some(list.remove(i));
                }
                if list.is_empty() {
                    map.remove(&r);
                }
            }
            self.referent.store(0, Ordering::Release);
            removed
        };
        // The callback is dropped after the lock (it may free objects).
        drop(removed);
    }
}

/// What kind of weak reference an entry is (CPython keeps the two basic ones first).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WeakKind {
    /// A `ref` of the exact type, without callback: shared by every `ref(o)`.
    BasicRef,
    /// A proxy without callback: shared by every `proxy(o)` of the same callability.
    BasicProxy,
    /// Anything else (a callback, or a subclass of `ref`).
    Other,
}

struct Entry {
    state: *const WeakState,
    /// The weak reference object (uncounted).
    outer: usize,
    callback: Value,
    kind: WeakKind,
}

/// One stripe's map: referent address to its weak references, in CPython's order.
type Map = Option<HashMap<usize, Vec<Entry>>>;

struct Stripe(Mutex<Map>);
// SAFETY: the entries' values and pointers are only touched with the stripe's lock held,
// by attached threads (the GIL build's counts are serialised by the GIL, see `objref.rs`).
unsafe impl Sync for Stripe {}
// SAFETY: as above.
unsafe impl Send for Stripe {}

const STRIPES: usize = 64;

#[cfg(not(loom))]
static TABLE: [Stripe; STRIPES] = [const { Stripe(Mutex::new(None)) }; STRIPES];

#[cfg(not(loom))]
fn stripe(addr: usize) -> &'static Mutex<Map> {
    &TABLE[(addr >> 4) % STRIPES].0
}

#[cfg(loom)]
loom::lazy_static! {
    static ref TABLE: Vec<Stripe> = (0..4).map(|_| Stripe(Mutex::new(None))).collect();
}

#[cfg(loom)]
fn stripe(addr: usize) -> &'static Mutex<Map> {
    &TABLE[(addr >> 4) % 4].0
}

fn header(addr: usize) -> &'static crate::header::Header {
    // SAFETY: callers pass the address of an object kept allocated by the invariants above
    // (a live reference, or an entry in the table under its lock); the header is at
    // offset 0 of a `repr(C)` object.
    unsafe { &(*(addr as *const PyObject)).header }
}

/// A new reference to the object at `addr` unless it is dying (`Header::try_incref`).
fn try_ref(addr: usize) -> Option<ObjRef> {
    if header(addr).try_incref() {
        // SAFETY: the count just taken is owned by the new ObjRef; nonzero address.
        Some(unsafe { ObjRef::from_raw_owned(NonNull::new_unchecked(addr as *mut PyObject)) })
    } else {
        None
    }
}

/// Registers the weak reference `outer` (holding `state`, not yet registered) to
/// `referent`, with `callback` (None for none). Sets both objects' "weakly referenced" bit.
/// The caller checked that the referent may be weakly referenced.
pub fn register(
    referent: &ObjRef,
    state: &WeakState,
    outer: &ObjRef,
    callback: Value,
    kind: WeakKind,
) {
    referent.set_weakly_referenced();
    outer.set_weakly_referenced();
    let r = referent.addr();
    let mut g = stripe(r).lock();
    let list = g.get_or_insert_with(HashMap::new).entry(r).or_default();
    let at = match kind {
        WeakKind::BasicRef => 0,
        WeakKind::BasicProxy => list
            .iter()
            .take_while(|e| e.kind == WeakKind::BasicRef)
            .count(),
        WeakKind::Other => list
            .iter()
            .take_while(|e| e.kind != WeakKind::Other)
            .count(),
    };
    list.insert(
        at,
        Entry {
            state,
            outer: outer.addr(),
            callback,
            kind,
        },
    );
    state.referent.store(r, Ordering::Release);
}

/// The existing basic weak reference of `kind` to `referent` (a new reference to it), if
/// one is alive.
pub fn find_basic(referent: &ObjRef, kind: WeakKind) -> Option<ObjRef> {
    if !referent.is_weakly_referenced() {
        return None;
    }
    let r = referent.addr();
    let g = stripe(r).lock();
    let list = g.as_ref()?.get(&r)?;
    list.iter()
        .filter(|e| e.kind == kind)
        .find_map(|e| try_ref(e.outer))
}

/// A strong reference to the referent of `state`, or None once it died (or is dying).
pub fn upgrade(state: &WeakState) -> Option<ObjRef> {
    let r = state.referent.load(Ordering::Acquire);
    if r == 0 {
        return None;
    }
    let _g = stripe(r).lock();
    if state.referent.load(Ordering::Acquire) != r {
        return None;
    }
    try_ref(r)
}

/// The callback registered with `state` (None if none, or once the referent died).
pub fn callback_of(state: &WeakState) -> Value {
    let r = state.referent.load(Ordering::Acquire);
    if r == 0 {
        return Value::None;
    }
    let me = state as *const WeakState;
    let g = stripe(r).lock();
    if state.referent.load(Ordering::Acquire) != r {
        return Value::None;
    }
    g.as_ref()
        .and_then(|m| m.get(&r))
        .and_then(|l| l.iter().find(|e| std::ptr::eq(e.state, me)))
        .map(|e| e.callback.clone())
        .unwrap_or(Value::None)
}

/// The number of weak references (of any kind) to `o`.
pub fn count(o: &ObjRef) -> usize {
    if !o.is_weakly_referenced() {
        return 0;
    }
    let r = o.addr();
    let g = stripe(r).lock();
    g.as_ref().and_then(|m| m.get(&r)).map_or(0, |l| l.len())
}

/// The weak reference objects to `o` that are alive, in CPython's order.
pub fn list(o: &ObjRef) -> Vec<ObjRef> {
    if !o.is_weakly_referenced() {
        return Vec::new();
    }
    let r = o.addr();
    let g = stripe(r).lock();
    let out: Vec<ObjRef> = g
        .as_ref()
        .and_then(|m| m.get(&r))
        .map(|l| l.iter().filter_map(|e| try_ref(e.outer)).collect())
        .unwrap_or_default();
    drop(g);
    out
}

/// The referent at `addr` is dying (its count reached 0; called by its free path): every
/// weak reference to it is cleared, and the ones with a callback whose object is alive are
/// returned, with their callbacks, in CPython's order, for the caller to call after the
/// lock is released. Callbacks of dying weak references are dropped.
pub fn clear(addr: usize) -> Vec<(ObjRef, Value)> {
    let mut calls = Vec::new();
    let mut dropped = Vec::new();
    {
        let mut g = stripe(addr).lock();
        let Some(list) = g.as_mut().and_then(|m| m.remove(&addr)) else {
            return calls;
        };
        // Each entry's object is counted before its state is cleared (invariant 2), all
        // under the lock: a state whose `Drop` runs meanwhile waits for the lock, then
        // finds its referent 0.
        for e in list {
            let wr = if e.callback.is_none() {
                None
            } else {
                try_ref(e.outer)
            };
            // SAFETY: invariant 2: the entry's state is alive until its referent is 0.
            unsafe { (*e.state).referent.store(0, Ordering::Release) };
            match wr {
                Some(w) => calls.push((w, e.callback)),
                None => dropped.push(e.callback),
            }
        }
    }
    drop(dropped);
    calls
}
