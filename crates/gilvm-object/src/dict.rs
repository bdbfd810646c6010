//! The `dict` payload: an insertion-ordered table behind the per-object lock.
//!
//! The methods here handle keys whose hash and equality are builtin (str, int, float,
//! tuple of those, …). When a comparison would need Python code they return
//! [`Lookup::NeedsPython`], and the interpreter uses its slow path, which copies candidate
//! keys out, releases the lock, calls `__eq__`, and re-validates with the mutation count.
//!
//! Size (issue 16): the table is 24 bytes and allocates nothing while empty (`dicttable.rs`),
//! so `{}` is the header, the 24-byte table in its cell, the version and the type-dict flag:
//! 48 bytes on the GIL build, one mimalloc class, and no other allocation. Nothing outside
//! the lock reads the table: the lock-free readers (the global-name cache) see only the
//! version, which lives here, next to the cell, not in the table's block.
use gilvm_sync::{ObjCell, Py};

pub use gilvm_sync::seqslot::SeqSlot;

use crate::iterstate::TableStep;
use crate::keys::builtin_eq;
use crate::objref::ObjRef;
use crate::payload::Payload;
use crate::tables::DictTable;
use crate::value::Value;

/// Result of a lookup that may need Python code.
#[derive(Debug)]
pub enum Lookup<T> {
    Found(T),
    Missing,
    NeedsPython,
}

/// The dict's table behind its per-object lock, plus a version number that changes on
/// every write (`with`), readable without the lock. Lock-free caches of dict lookups (the
/// global-name cache) are valid while the version is unchanged. `read` is for accesses that
/// do not modify the table and leaves the version alone.
#[derive(Default)]
pub struct VersionedTable {
    cell: ObjCell<DictTable<Value, Value>>,
    version: std::sync::atomic::AtomicU64,
    /// Set for a type's namespace: every write also advances the type-cache epoch
    /// (`types::lookup`).
    type_dict: std::sync::atomic::AtomicBool,
}

impl VersionedTable {
    /// Exclusive access; counts as a write (bumps the version).
    #[inline]
    pub fn with<R>(&self, py: Py<'_>, f: impl FnOnce(&mut DictTable<Value, Value>) -> R) -> R {
        let r = self.cell.with(py, |t| {
            let r = f(t);
            // Inside the critical section, writers are serialised (by the lock, the GIL or
            // solo mode), so a load and a store replace an atomic add (a `lock` instruction
            // on every dict write). `unique_version` may move the version concurrently
            // (a CAS outside the lock); this store can undo that move, which only costs the
            // cache a miss: cache keys are compared for equality, and a range is never
            // handed out twice.
            // ordering: Release after the table write, so a reader that sees the new
            // version also sees the new contents when it takes the slow path.
            let v = self.version.load(std::sync::atomic::Ordering::Relaxed);
            self.version
                .store(v.wrapping_add(1), std::sync::atomic::Ordering::Release);
            r
        });
        if self.type_dict.load(std::sync::atomic::Ordering::Relaxed) {
            crate::types::invalidate_type_cache();
        }
        r
    }

    /// Counts as a write, inside a section that wrote the table through the cell directly
    /// (a two-object section): bumps the version (see `with`).
    fn wrote(&self) {
        self.version
            .fetch_add(1, std::sync::atomic::Ordering::Release);
    }

    /// Marks this table as a type's namespace (see `type_dict`).
    pub fn mark_type_dict(&self) {
        self.type_dict
            .store(true, std::sync::atomic::Ordering::Relaxed);
        crate::types::invalidate_type_cache();
    }
    /// Read-only access (does not bump the version).
    #[inline]
    pub fn read<R>(&self, py: Py<'_>, f: impl FnOnce(&DictTable<Value, Value>) -> R) -> R {
        self.cell.read(py, |t| f(t))
    }
    /// The current version (lock-free).
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The current version, first moved into a range no other dict uses (so that a cache
    /// entry keyed by (address, version) cannot match a later dict at the same address).
    /// Versions start at 0 so that creating a dict touches no shared counter; only dicts
    /// that a cache keys on (globals, builtins) take a range from [`VERSION_RANGES`], once.
    #[inline]
    pub fn unique_version(&self) -> u64 {
        use std::sync::atomic::Ordering;
        let v = self.version.load(Ordering::Acquire);
        if v >= VERSION_RANGE {
            return v;
        }
        let base = VERSION_RANGES.fetch_add(VERSION_RANGE, Ordering::Relaxed);
        let mut cur = v;
        loop {
            if cur >= VERSION_RANGE {
                return cur; // another thread moved it first
            }
            match self.version.compare_exchange_weak(
                cur,
                base + cur,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return base + cur,
                Err(now) => cur = now,
            }
        }
    }
}

/// Size of the version range each cached dict takes (2^32 writes before it could reach the
/// next range, which would additionally need the same address to matter).
const VERSION_RANGE: u64 = 1 << 32;
/// Next free version range.
static VERSION_RANGES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(VERSION_RANGE);

const _: () = assert!(std::mem::size_of::<DictTable<Value, Value>>() == 24);

/// The dict payload. Its table is private to the object model: each method is one whole
/// dict operation in one critical section.
#[derive(Default)]
pub struct PyDict {
    pub(crate) table: VersionedTable,
}

#[inline]
fn find(t: &DictTable<Value, Value>, key: &Value, hash: i64) -> Lookup<usize> {
    let mut needs_py = false;
    let r = t.find_with(hash, |k| {
        if k.is(key) {
            return true;
        }
        match builtin_eq(k, key) {
            Some(b) => b,
            None => {
                needs_py = true;
                false
            }
        }
    });
    match r {
        Some(i) => Lookup::Found(i),
        None if needs_py => Lookup::NeedsPython,
        None => Lookup::Missing,
    }
}

/// Moves entry `i` to the end (`last`) or the front of the order.
fn move_entry(t: &mut DictTable<Value, Value>, i: usize, last: bool) {
    let h = t.hash_at(i).unwrap();
    let (k, v) = t.remove_slot(i);
    if last {
        t.insert_new(h, k, v);
    } else {
        let rest: Vec<(i64, Value, Value)> = t.take().into_entries().collect();
        t.insert_new(h, k, v);
        for (h, k, v) in rest {
            t.insert_new(h, k, v);
        }
    }
}

/// Fast comparison for interned/str keys: pointer first, then text.
#[inline(always)]
fn str_key_eq(k: &Value, key: &ObjRef, text: &str) -> bool {
    match k {
        Value::Obj(o) => o.is(key) || matches!(o.payload(), Payload::Str(s) if s.as_str() == text),
        _ => false,
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    pub fn len(&self, py: Py<'_>) -> usize {
        self.table.read(py, |t| t.len())
    }

    pub fn is_empty(&self, py: Py<'_>) -> bool {
        self.len(py) == 0
    }

    /// The version for lock-free caches of lookups in this dict (the global-name cache):
    /// it changes on every write, and it is unique to this dict among the dicts that
    /// caches key on (see [`VersionedTable::unique_version`]). Lock-free.
    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.table.unique_version()
    }

    /// The table's mutation count (what a lookup that compared keys with Python code
    /// re-checks).
    pub fn mutation_count(&self, py: Py<'_>) -> u64 {
        self.table.read(py, |t| t.mutation_count())
    }

    /// `d.copy()`: a new dict with a copy of the table, taken in one section.
    pub fn copy(&self, py: Py<'_>) -> PyDict {
        let t = self.table.read(py, |t| t.copy());
        PyDict {
            table: VersionedTable {
                cell: ObjCell::new(t),
                ..Default::default()
            },
        }
    }

    /// The keys with their hashes, in order, taken in one section (`set.update(d)`).
    pub fn hashed_keys(&self, py: Py<'_>) -> Vec<(i64, Value)> {
        self.table.read(py, |t| {
            t.iter_entries()
                .map(|(_, h, k, _)| (h, k.clone()))
                .collect()
        })
    }

    /// Lookup by a `str` key (`key` must be a str object).
    #[inline]
    pub fn get_str(&self, py: Py<'_>, key: &ObjRef) -> Option<Value> {
        let Payload::Str(s) = key.payload() else {
            return None;
        };
        let (h, text) = (s.hash(), s.as_str());
        self.table.read(py, |t| {
            t.find_with(h, |k| str_key_eq(k, key, text))
                .map(|i| t.get_entry(i).unwrap().1.clone())
        })
    }

    /// `get_str` with the entry index of the key: the global-name cache keeps it as a hint
    /// for `value_at_if_key`.
    #[inline]
    pub fn get_str_indexed(&self, py: Py<'_>, key: &ObjRef) -> Option<(usize, Value)> {
        let Payload::Str(s) = key.payload() else {
            return None;
        };
        let (h, text) = (s.hash(), s.as_str());
        self.table.read(py, |t| {
            t.find_with(h, |k| str_key_eq(k, key, text))
                .map(|i| (i, t.get_entry(i).unwrap().1.clone()))
        })
    }

    /// The value of the entry at index `idx` when that entry is live and its key is the
    /// str `key` (the same object, or the same text); None otherwise. A hint from
    /// `get_str_indexed` stays right for as long as the key is not deleted and the table
    /// not rebuilt, however often the value is replaced, and is checked here under the
    /// lock, so a stale hint only costs a lookup.
    #[inline]
    pub fn value_at_if_key(&self, py: Py<'_>, idx: usize, key: &ObjRef) -> Option<Value> {
        let Payload::Str(s) = key.payload() else {
            return None;
        };
        let text = s.as_str();
        self.table.read(py, |t| match t.get_entry(idx) {
            Some((k, v)) if str_key_eq(k, key, text) => Some(v.clone()),
            _ => None,
        })
    }

    /// Store by a `str` key.
    pub fn set_str(&self, py: Py<'_>, key: ObjRef, value: Value) {
        let Payload::Str(s) = key.payload() else {
            return;
        };
        let h = s.hash();
        let old = self.table.with(py, |t| {
            let text = match key.payload() {
                Payload::Str(s) => s.as_str(),
                _ => "",
            };
            match t.find_with(h, |k| str_key_eq(k, &key, text)) {
                Some(i) => Some(std::mem::replace(t.value_mut(i), value)),
                None => {
                    t.insert_new(h, Value::Obj(key.clone()), value);
                    None
                }
            }
        });
        drop(old);
    }

    /// Remove by a `str` key.
    pub fn del_str(&self, py: Py<'_>, key: &ObjRef) -> Option<Value> {
        let Payload::Str(s) = key.payload() else {
            return None;
        };
        let (h, text) = (s.hash(), s.as_str());
        self.table.with(py, |t| {
            t.find_with(h, |k| str_key_eq(k, key, text))
                .map(|i| t.remove_slot(i).1)
        })
    }

    pub fn get(&self, py: Py<'_>, key: &Value, hash: i64) -> Lookup<Value> {
        self.table.read(py, |t| match find(t, key, hash) {
            Lookup::Found(i) => Lookup::Found(t.get_entry(i).unwrap().1.clone()),
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        })
    }

    /// Insert or replace. Returns `NeedsPython` (and stores nothing) when a candidate key
    /// needs a Python `__eq__`.
    pub fn set(&self, py: Py<'_>, key: Value, hash: i64, value: Value) -> Lookup<()> {
        let mut value = Some(value);
        let (r, old) = self.table.with(py, |t| match find(t, &key, hash) {
            Lookup::Found(i) => (
                Lookup::Found(()),
                Some(std::mem::replace(t.value_mut(i), value.take().unwrap())),
            ),
            Lookup::Missing => {
                t.insert_new(hash, key, value.take().unwrap());
                (Lookup::Missing, None)
            }
            Lookup::NeedsPython => (Lookup::NeedsPython, None),
        });
        drop(old);
        r
    }

    pub fn remove(&self, py: Py<'_>, key: &Value, hash: i64) -> Lookup<Value> {
        let r = self.table.with(py, |t| match find(t, key, hash) {
            Lookup::Found(i) => Lookup::Found(t.remove_slot(i)),
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        });
        match r {
            Lookup::Found((_k, v)) => Lookup::Found(v),
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        }
    }

    /// `d.setdefault(key, default)` in one critical section: `Found(value)` with the value
    /// already stored, or `Missing` after storing `default`. `NeedsPython` (nothing stored)
    /// when a candidate key needs a Python `__eq__`; the interpreter then compares outside
    /// the lock and finishes with [`PyDict::setdefault_resolved`].
    pub fn setdefault(&self, py: Py<'_>, key: Value, hash: i64, default: Value) -> Lookup<Value> {
        let mut default = Some(default);
        let r = self.table.with(py, |t| match find(t, &key, hash) {
            Lookup::Found(i) => Lookup::Found(t.get_entry(i).unwrap().1.clone()),
            Lookup::Missing => {
                t.insert_new(hash, key, default.take().unwrap());
                Lookup::Missing
            }
            Lookup::NeedsPython => Lookup::NeedsPython,
        });
        drop(default);
        r
    }

    /// The entries whose hash is `hash` (candidates for a key with a Python `__eq__`), and
    /// the table's mutation count, which the `*_resolved` methods re-check.
    pub fn candidates(&self, py: Py<'_>, hash: i64) -> (Vec<(Value, Value)>, u64) {
        self.table.read(py, |t| {
            let v = t
                .iter_entries()
                .filter(|(_, eh, _, _)| *eh == hash)
                .map(|(_, _, k, v)| (k.clone(), v.clone()))
                .collect();
            (v, t.mutation_count())
        })
    }

    /// Runs `f` with the index of `found` (compared by identity), or with None if no key
    /// was found equal, provided the lookup still holds: `found` is still stored, or (None)
    /// the keys of hash `hash` are still exactly `cands` (the keys compared, from
    /// [`PyDict::candidates`]). `None` means it no longer holds: the caller looks up
    /// again. As in CPython, only a change to the keys compared restarts the lookup, so a
    /// `__eq__` that adds other keys does not make it loop.
    fn resolved<R>(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        f: impl FnOnce(&mut DictTable<Value, Value>, Option<usize>) -> R,
    ) -> Option<R> {
        self.table.with(py, |t| {
            let i = match found {
                Some(k) => Some(t.find_with(hash, |x| x.is(k))?),
                None => {
                    let mut now = t.iter_entries().filter(|(_, h, _, _)| *h == hash);
                    let same = cands
                        .iter()
                        .all(|c| now.next().is_some_and(|(_, _, k, _)| k.is(c)))
                        && now.next().is_none();
                    if !same {
                        return None;
                    }
                    None
                }
            };
            Some(f(t, i))
        })
    }

    /// Second half of `d[key] = value` for a key compared with Python code: `found` is the
    /// stored key found equal (None: no key equal). Stores in one critical section if the
    /// table has not changed (see `resolved`); false means it has, and nothing was stored.
    pub fn set_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        key: Value,
        value: Value,
    ) -> bool {
        let mut kv = Some((key, value));
        let old = self.resolved(py, hash, cands, found, |t, i| {
            let (key, value) = kv.take().unwrap();
            match i {
                Some(i) => Some(std::mem::replace(t.value_mut(i), value)),
                None => {
                    t.insert_new(hash, key, value);
                    None
                }
            }
        });
        drop(kv);
        old.is_some()
    }

    /// Second half of `d.setdefault(key, default)` for a key compared with Python code (see
    /// [`PyDict::set_resolved`]): `Some(Found(value stored))`, `Some(Missing)` after storing
    /// `default`, None if the table changed (see `resolved`) (nothing stored).
    pub fn setdefault_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        key: Value,
        default: Value,
    ) -> Option<Lookup<Value>> {
        let mut kv = Some((key, default));
        let r = self.resolved(py, hash, cands, found, |t, i| match i {
            Some(i) => Lookup::Found(t.get_entry(i).unwrap().1.clone()),
            None => {
                let (key, default) = kv.take().unwrap();
                t.insert_new(hash, key, default);
                Lookup::Missing
            }
        });
        drop(kv);
        r
    }

    /// Second half of `del d[key]` / `d.pop(key)` for a key compared with Python code
    /// (see [`PyDict::set_resolved`]): `Some(Some(value))` removed, `Some(None)` absent,
    /// None if the table changed (see `resolved`).
    pub fn remove_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
    ) -> Option<Option<Value>> {
        let r = self.resolved(py, hash, cands, found, |t, i| i.map(|i| t.remove_slot(i)));
        r.map(|kv| kv.map(|(_k, v)| v))
    }

    /// `d.update(src)` for a dict `src` (another object): both tables locked, every entry
    /// of `src` from position `from` on stored in `d` in one critical section. Stops at the
    /// first key whose comparison with a key of `d` needs Python code and returns the
    /// remaining entries (that one first), which the caller stores one by one; entries
    /// stored before it stay stored.
    pub fn update_from(&self, py: Py<'_>, src: &PyDict) -> Result<(), Vec<(Value, Value)>> {
        if std::ptr::eq(self, src) {
            return Ok(()); // `d.update(d)` changes nothing
        }
        let (r, old) = self.table.cell.with2(&src.table.cell, py, |t, s| {
            t.reserve(s.len());
            let mut old = Vec::new();
            let mut rest = None;
            for (idx, h, k, v) in s.iter_entries() {
                match find(t, k, h) {
                    Lookup::Found(i) => old.push(std::mem::replace(t.value_mut(i), v.clone())),
                    Lookup::Missing => {
                        t.insert_new(h, k.clone(), v.clone());
                    }
                    Lookup::NeedsPython => {
                        rest = Some(idx);
                        break;
                    }
                }
            }
            let r = match rest {
                None => Ok(()),
                Some(i) => Err(s
                    .iter_entries()
                    .filter(|(idx, _, _, _)| *idx >= i)
                    .map(|(_, _, k, v)| (k.clone(), v.clone()))
                    .collect()),
            };
            self.table.wrote();
            (r, old)
        });
        if self
            .table
            .type_dict
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            crate::types::invalidate_type_cache();
        }
        drop(old);
        r
    }

    /// Stores `items` (with their hashes) in order, in one critical section (`d.update`
    /// from pairs or keywords, `dict.fromkeys`). Stops at the first key whose comparison
    /// needs Python code and returns the index of that item; the ones before it stay
    /// stored.
    pub fn set_many(
        &self,
        py: Py<'_>,
        items: Vec<(i64, Value, Value)>,
    ) -> Result<(), (usize, Vec<(i64, Value, Value)>)> {
        let (r, old) = self.table.with(py, |t| {
            let mut old = Vec::new();
            let mut it = items.into_iter().enumerate();
            while let Some((n, (h, k, v))) = it.next() {
                match find(t, &k, h) {
                    Lookup::Found(i) => old.push(std::mem::replace(t.value_mut(i), v)),
                    Lookup::Missing => {
                        t.insert_new(h, k, v);
                    }
                    Lookup::NeedsPython => {
                        let mut rest = vec![(h, k, v)];
                        rest.extend(it.map(|(_, x)| x));
                        return (Err((n, rest)), old);
                    }
                }
            }
            (Ok(()), old)
        });
        drop(old);
        r
    }

    /// `d.popitem()`: removes and returns the last item (`last`) or the first one
    /// (`OrderedDict.popitem(last=False)`), in one critical section.
    pub fn popitem(&self, py: Py<'_>, last: bool) -> Option<(Value, Value)> {
        self.table.with(py, |t| {
            if last {
                t.popitem()
            } else {
                let i = t.iter_entries().next().map(|(i, _, _, _)| i)?;
                t.take_entry(i)
            }
        })
    }

    /// `OrderedDict.move_to_end(key, last)` in one critical section: `Found(())` if moved,
    /// `Missing` if the key is absent, `NeedsPython` (nothing done) when a candidate key
    /// needs a Python `__eq__` (then see [`PyDict::move_to_end_resolved`]).
    pub fn move_to_end(&self, py: Py<'_>, key: &Value, hash: i64, last: bool) -> Lookup<()> {
        self.table.with(py, |t| match find(t, key, hash) {
            Lookup::Found(i) => {
                move_entry(t, i, last);
                Lookup::Found(())
            }
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        })
    }

    /// Second half of [`PyDict::move_to_end`] for a key compared with Python code (see
    /// [`PyDict::set_resolved`]): `Some(true)` moved, `Some(false)` absent, None if the
    /// table changed (see `resolved`).
    pub fn move_to_end_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        last: bool,
    ) -> Option<bool> {
        self.resolved(py, hash, cands, found, |t, i| match i {
            Some(i) => {
                move_entry(t, i, last);
                true
            }
            None => false,
        })
    }

    /// A snapshot of the items, in order.
    pub fn items(&self, py: Py<'_>) -> Vec<(Value, Value)> {
        self.table.read(py, |t| {
            t.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
        })
    }
    pub fn keys(&self, py: Py<'_>) -> Vec<Value> {
        self.table
            .read(py, |t| t.iter().map(|(k, _)| k.clone()).collect())
    }
    pub fn values(&self, py: Py<'_>) -> Vec<Value> {
        self.table
            .read(py, |t| t.iter().map(|(_, v)| v.clone()).collect())
    }

    /// The first live entry at or after `pos`: `(next_pos, key, value)`.
    pub fn entry_from(&self, py: Py<'_>, mut pos: usize) -> Option<(usize, Value, Value)> {
        self.table.read(py, |t| {
            let n = t.entry_index_count();
            while pos < n {
                if let Some((k, v)) = t.get_entry(pos) {
                    return Some((pos + 1, k.clone(), v.clone()));
                }
                pos += 1;
            }
            None
        })
    }

    pub fn clear(&self, py: Py<'_>) {
        let old = self.table.with(py, |t| t.take());
        drop(old);
    }

    /// The cycle collector's traversal (`gc.rs`): each entry's value and key (unless a
    /// str, as CPython skips the keys of a str-keyed table), in order.
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.table.read(py, |t| {
            for (k, x) in t.iter() {
                v.val(x);
                if !matches!(k, Value::Obj(o) if o.kind() == crate::Kind::Str) {
                    v.val(k);
                }
            }
        });
    }

    /// The cycle collector's clear: the entries move to `out` (dropped by the caller).
    pub fn gc_clear(&self, py: Py<'_>, out: &mut Vec<Value>) {
        let old = self.table.with(py, |t| t.take());
        for (k, x) in old.iter() {
            out.push(k.clone());
            out.push(x.clone());
        }
        drop(old);
    }

    /// One step of an iterator at entry position `pos` that started when the dict had
    /// `len` items: the next key and value, and the position after them (CPython's
    /// `dictiter_iternextkey`), in one section.
    #[inline]
    pub fn iter_step(&self, py: Py<'_>, mut pos: usize, len: usize) -> TableStep<(Value, Value)> {
        self.table.read(py, |t| {
            if t.len() != len {
                return TableStep::SizeChanged;
            }
            let n = t.entry_index_count();
            while pos < n {
                if let Some((k, v)) = t.get_entry(pos) {
                    return TableStep::Next(pos + 1, (k.clone(), v.clone()));
                }
                pos += 1;
            }
            TableStep::End
        })
    }

    /// The items an iterator at `pos` (started at `len` items) has left; 0 once the size
    /// changed (its next step raises "dictionary changed size during iteration").
    pub fn remaining_from(&self, py: Py<'_>, pos: usize, len: usize) -> usize {
        self.table.read(py, |t| {
            if t.len() != len {
                return 0;
            }
            (pos..t.entry_index_count())
                .filter(|&i| t.get_entry(i).is_some())
                .count()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{builtin_hash, KeyHash};

    fn py() -> Py<'static> {
        // SAFETY: these tests touch only objects they create themselves, on this thread
        // alone, which is what attachment guarantees for the object model.
        unsafe { Py::assume_attached() }
    }
    fn h(v: &Value) -> i64 {
        match builtin_hash(v) {
            KeyHash::Hash(h) => h,
            _ => unreachable!(),
        }
    }
    fn ints(d: &PyDict) -> Vec<(i64, i64)> {
        d.items(py())
            .into_iter()
            .map(|(k, v)| match (k, v) {
                (Value::Int(k), Value::Int(v)) => (k, v),
                _ => unreachable!(),
            })
            .collect()
    }
    fn kv(k: i64, v: i64) -> (i64, Value, Value) {
        (h(&Value::Int(k)), Value::Int(k), Value::Int(v))
    }

    #[test]
    fn setdefault_stores_once_and_returns_the_stored_value() {
        let d = PyDict::new();
        let k = Value::Int(7);
        assert!(matches!(
            d.setdefault(py(), k.clone(), h(&k), Value::Int(1)),
            Lookup::Missing
        ));
        match d.setdefault(py(), k.clone(), h(&k), Value::Int(2)) {
            Lookup::Found(Value::Int(1)) => {}
            r => panic!("{r:?}"),
        }
        assert_eq!(ints(&d), vec![(7, 1)]);
    }

    #[test]
    fn update_from_merges_in_order_and_ignores_itself() {
        let a = PyDict::new();
        let b = PyDict::new();
        assert!(a.set_many(py(), vec![kv(1, 10), kv(2, 20)]).is_ok());
        assert!(b.set_many(py(), vec![kv(2, 21), kv(3, 31)]).is_ok());
        let v0 = a.table.version();
        assert!(a.update_from(py(), &b).is_ok());
        assert!(a.table.version() != v0);
        assert_eq!(ints(&a), vec![(1, 10), (2, 21), (3, 31)]);
        assert!(a.update_from(py(), &a).is_ok());
        assert_eq!(ints(&a), vec![(1, 10), (2, 21), (3, 31)]);
        assert_eq!(ints(&b), vec![(2, 21), (3, 31)]);
    }

    #[test]
    fn popitem_both_ends_and_move_to_end() {
        let d = PyDict::new();
        assert!(d
            .set_many(py(), (1..=5).map(|i| kv(i, i)).collect())
            .is_ok());
        let k3 = Value::Int(3);
        assert!(matches!(
            d.move_to_end(py(), &k3, h(&k3), true),
            Lookup::Found(())
        ));
        let k5 = Value::Int(5);
        assert!(matches!(
            d.move_to_end(py(), &k5, h(&k5), false),
            Lookup::Found(())
        ));
        let k9 = Value::Int(9);
        assert!(matches!(
            d.move_to_end(py(), &k9, h(&k9), false),
            Lookup::Missing
        ));
        assert_eq!(ints(&d), vec![(5, 5), (1, 1), (2, 2), (4, 4), (3, 3)]);
        assert!(matches!(d.popitem(py(), true), Some((Value::Int(3), _))));
        assert!(matches!(d.popitem(py(), false), Some((Value::Int(5), _))));
        assert_eq!(ints(&d), vec![(1, 1), (2, 2), (4, 4)]);
    }

    #[test]
    fn resolved_writes_check_the_keys_compared() {
        let d = PyDict::new();
        let k = Value::Int(4);
        let hk = h(&k);
        let (cands, _) = d.candidates(py(), hk);
        assert!(cands.is_empty());
        // Another key of the same hash arrives after the comparison: the write must not
        // happen (the caller compares again).
        assert!(d
            .set_many(py(), vec![(hk, Value::Float(4.5), Value::Int(0))])
            .is_ok());
        assert!(!d.set_resolved(py(), hk, &[], None, k.clone(), Value::Int(1)));
        assert!(d
            .setdefault_resolved(py(), hk, &[], None, k.clone(), Value::Int(1))
            .is_none());
        // Up to date: stores; the key found equal is replaced, not duplicated.
        let (cands, _) = d.candidates(py(), hk);
        let keys: Vec<Value> = cands.into_iter().map(|(k, _)| k).collect();
        assert!(d.set_resolved(py(), hk, &keys, None, k.clone(), Value::Int(1)));
        assert_eq!(d.len(py()), 2);
        match d.setdefault_resolved(py(), hk, &[], Some(&k), k.clone(), Value::Int(2)) {
            Some(Lookup::Found(Value::Int(1))) => {}
            r => panic!("{r:?}"),
        }
        assert!(matches!(
            d.remove_resolved(py(), hk, &[], Some(&k)),
            Some(Some(Value::Int(1)))
        ));
        // The key found equal is gone by now: look up again.
        assert!(d.remove_resolved(py(), hk, &[], Some(&k)).is_none());
        assert!(d
            .move_to_end_resolved(py(), hk, &[], Some(&k), true)
            .is_none());
    }
}
