//! The `set`/`frozenset` payload: a table in CPython's iteration order behind the
//! per-object lock. Keys with Python-level equality take the interpreter's slow path, as
//! for dicts.
use gilvm_sync::{ObjCell, Py};

use crate::dict::Lookup;
use crate::keys::builtin_eq;
use crate::tables::SetTable;
use crate::value::Value;

/// The set payload.
#[derive(Default)]
pub struct PySet {
    pub table: ObjCell<SetTable<Value>>,
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }
    pub fn len(&self, py: Py<'_>) -> usize {
        self.table.with(py, |t| t.len())
    }
    fn find(t: &SetTable<Value>, key: &Value, hash: i64) -> Lookup<usize> {
        let mut needs_py = false;
        let r = t.find_with(hash, |k| {
            k.is(key)
                || builtin_eq(k, key).unwrap_or_else(|| {
                    needs_py = true;
                    false
                })
        });
        match r {
            Some(i) => Lookup::Found(i),
            None if needs_py => Lookup::NeedsPython,
            None => Lookup::Missing,
        }
    }
    pub fn contains(&self, py: Py<'_>, key: &Value, hash: i64) -> Lookup<()> {
        self.table.with(py, |t| match Self::find(t, key, hash) {
            Lookup::Found(_) => Lookup::Found(()),
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        })
    }
    /// Adds `key`; `Found` if it was already present.
    pub fn add(&self, py: Py<'_>, key: Value, hash: i64) -> Lookup<()> {
        self.table.with(py, |t| match Self::find(t, &key, hash) {
            Lookup::Found(_) => Lookup::Found(()),
            Lookup::Missing => {
                t.insert_new(hash, key);
                Lookup::Missing
            }
            Lookup::NeedsPython => Lookup::NeedsPython,
        })
    }
    pub fn remove(&self, py: Py<'_>, key: &Value, hash: i64) -> Lookup<Value> {
        self.table.with(py, |t| match Self::find(t, key, hash) {
            Lookup::Found(i) => Lookup::Found(t.remove_slot(i)),
            Lookup::Missing => Lookup::Missing,
            Lookup::NeedsPython => Lookup::NeedsPython,
        })
    }
    /// A snapshot of the keys in iteration order.
    pub fn keys(&self, py: Py<'_>) -> Vec<Value> {
        self.table.with(py, |t| t.iter().cloned().collect())
    }
}
