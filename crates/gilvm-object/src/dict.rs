//! The `dict` payload: an insertion-ordered table behind the per-object lock.
//!
//! The methods here handle keys whose hash and equality are builtin (str, int, float,
//! tuple of those, …). When a comparison would need Python code they return
//! [`Lookup::NeedsPython`], and the interpreter uses its slow path, which copies candidate
//! keys out, releases the lock, calls `__eq__`, and re-validates with the mutation count.
use gilvm_sync::{ObjCell, Py};

pub use gilvm_sync::seqslot::SeqSlot;

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

/// The dict payload.
#[derive(Default)]
pub struct PyDict {
    pub table: VersionedTable,
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
}
