//! The `set`/`frozenset` payload: a table in CPython's iteration order behind the
//! per-object lock. Keys with Python-level equality take the interpreter's slow path, as
//! for dicts.
//!
//! The table's cell is private to this file: each method is one whole set operation in one
//! critical section (two-set algebra, `a |= b`, `a &= b`, `a -= b`, `a ^= b`, locks both
//! sets in address order), as `list.rs` does for lists. The algebra methods (`*_pure`) work
//! on keys whose equality needs no Python code; when a key does, they change nothing and
//! answer so, and the interpreter replays CPython's algorithm key by key with
//! [`PySet::add`]/[`PySet::contains`]/[`PySet::remove`] and their slow paths.
use gilvm_sync::{ObjCell, Py};

use crate::dict::Lookup;
use crate::iterstate::TableStep;
use crate::keys::builtin_eq;
use crate::payload::Payload;
use crate::tables::SetTable;
use crate::value::Value;

/// The set payload.
#[derive(Default)]
pub struct PySet {
    table: ObjCell<SetTable<Value>>,
}

/// Keys whose equality with any other builtin key is decided without Python code.
pub fn is_pure(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match o.payload() {
            Payload::Instance(_) | Payload::FrozenSet(_) | Payload::Native(_) => false,
            Payload::Tuple(t) => t.iter().all(is_pure),
            _ => true,
        },
        _ => true,
    }
}

fn table_pure(t: &SetTable<Value>) -> bool {
    t.iter().all(is_pure)
}

/// Pure equality (only valid when both keys are pure).
fn peq(a: &Value, b: &Value) -> bool {
    a.is(b) || builtin_eq(a, b).unwrap_or(false)
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    fn from_table(t: SetTable<Value>) -> PySet {
        PySet {
            table: ObjCell::new(t),
        }
    }

    /// Whether `self` and `other` are the same set.
    #[inline]
    pub fn is(&self, other: &PySet) -> bool {
        std::ptr::eq(self, other)
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
    /// The keys whose hash is `hash` (candidates for a key with a Python `__eq__`), which
    /// the `*_resolved` methods re-check.
    pub fn candidates(&self, py: Py<'_>, hash: i64) -> Vec<Value> {
        self.table.with(py, |t| {
            t.iter_hashed()
                .filter(|(h, _)| *h == hash)
                .map(|(_, k)| k.clone())
                .collect()
        })
    }

    /// Runs `f` with the slot of `found` (compared by identity), or with None if no key
    /// was found equal, provided the lookup still holds: `found` is still in the set, or
    /// (None) the keys of hash `hash` are still exactly `cands` (as a set of identities;
    /// from [`PySet::candidates`]). `None` means it no longer holds: the caller looks up
    /// again (see `PyDict::resolved`).
    fn resolved<R>(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        f: impl FnOnce(&mut SetTable<Value>, Option<usize>) -> R,
    ) -> Option<R> {
        self.table.with(py, |t| {
            let i = match found {
                Some(k) => Some(t.find_with(hash, |x| x.is(k))?),
                None => {
                    let now: Vec<&Value> = t
                        .iter_hashed()
                        .filter(|(h, _)| *h == hash)
                        .map(|(_, k)| k)
                        .collect();
                    if now.len() != cands.len()
                        || !now.iter().all(|k| cands.iter().any(|c| c.is(k)))
                    {
                        return None;
                    }
                    None
                }
            };
            Some(f(t, i))
        })
    }

    /// Second half of `s.add(key)` for a key compared with Python code: `found` is the
    /// stored key found equal (None: none). In one critical section if the table has not
    /// changed (see `resolved`): `Some(true)` if it was present, `Some(false)` after adding;
    /// None if it changed (nothing done).
    pub fn add_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
        key: Value,
    ) -> Option<bool> {
        let mut key = Some(key);
        let r = self.resolved(py, hash, cands, found, |t, i| match i {
            Some(_) => true,
            None => {
                t.insert_new(hash, key.take().unwrap());
                false
            }
        });
        drop(key);
        r
    }

    /// Second half of `s.discard(key)` for a key compared with Python code (see
    /// [`PySet::add_resolved`]): `Some(Some(key))` removed, `Some(None)` absent, None if
    /// the table changed (see `resolved`).
    pub fn remove_resolved(
        &self,
        py: Py<'_>,
        hash: i64,
        cands: &[Value],
        found: Option<&Value>,
    ) -> Option<Option<Value>> {
        self.resolved(py, hash, cands, found, |t, i| i.map(|i| t.remove_slot(i)))
    }

    /// Adds hashed `keys` in order in one critical section (`s.update(list)`). Stops at the
    /// first key whose comparison needs Python code and returns it with the rest; the
    /// keys before it stay added.
    pub fn add_many(&self, py: Py<'_>, keys: Vec<(i64, Value)>) -> Result<(), Vec<(i64, Value)>> {
        self.table.with(py, |t| {
            let mut it = keys.into_iter();
            while let Some((h, k)) = it.next() {
                match Self::find(t, &k, h) {
                    Lookup::Found(_) => {}
                    Lookup::Missing => t.insert_new(h, k),
                    Lookup::NeedsPython => {
                        let mut rest = vec![(h, k)];
                        rest.extend(it);
                        return Err(rest);
                    }
                }
            }
            Ok(())
        })
    }

    /// `hash(frozenset)`: CPython's `frozenset_hash` over the hashes the table stored as
    /// each key went in. No key is hashed again: a frozenset of frozensets (a von Neumann
    /// numeral nests n deep) hashes in time linear in its size, not exponential in depth.
    pub fn hash_of_entries(&self, py: Py<'_>) -> i64 {
        self.table.with(py, |t| {
            crate::hashing::hash_frozenset(t.iter_slots().map(|(_, h, _)| h), t.len())
        })
    }

    /// A snapshot of the keys with their stored hashes, in iteration order (so a set built
    /// from this one's keys, or a lookup of them elsewhere, needs no `__hash__` call).
    pub fn hashed_keys(&self, py: Py<'_>) -> Vec<(i64, Value)> {
        self.table.with(py, |t| {
            t.iter_slots().map(|(_, h, k)| (h, k.clone())).collect()
        })
    }

    /// A snapshot of the keys in iteration order.
    pub fn keys(&self, py: Py<'_>) -> Vec<Value> {
        self.table.with(py, |t| t.iter().cloned().collect())
    }

    // ---- whole-set operations, one critical section each ----

    /// `s.copy()` (CPython's `make_new_set_basetype(type, s)`): a new set with the table
    /// CPython builds for a copy.
    pub fn copy(&self, py: Py<'_>) -> PySet {
        PySet::from_table(self.table.with(py, |t| t.copy()))
    }

    /// `s.pop()`: an arbitrary key, removed; None if the set is empty.
    pub fn pop(&self, py: Py<'_>) -> Option<Value> {
        self.table.with(py, |t| t.pop_arbitrary())
    }

    /// `s.clear()` (the keys are released after the section).
    pub fn clear(&self, py: Py<'_>) {
        let old = self.table.with(py, |t| t.take());
        drop(old);
    }

    /// The cycle collector's traversal (`gc.rs`): the keys.
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.table.read(py, |t| t.iter().for_each(|k| v.val(k)));
    }

    /// The cycle collector's clear: the keys move to `out` (dropped by the caller).
    pub fn gc_clear(&self, py: Py<'_>, out: &mut Vec<Value>) {
        let old = self.table.with(py, |t| t.take());
        out.extend(old.iter().cloned());
        drop(old);
    }

    /// Removes the dummies left by many discards (end of CPython's
    /// `set_difference_update_internal`).
    pub fn compact(&self, py: Py<'_>) {
        self.table.with(py, |t| t.compact_after_discards());
    }

    /// Replaces the contents of `self` by those of `src`, a set no other thread can reach
    /// (a result being built), which is left empty (CPython's `set_swap_bodies` for
    /// `intersection_update` with several arguments).
    pub fn replace_from(&self, py: Py<'_>, src: &PySet) {
        if self.is(src) {
            return;
        }
        let t = src.table.with(py, |t| t.take());
        let old = self.table.with(py, |x| x.replace_contents(t));
        drop(old);
    }

    /// `s.update(other)` / `s |= other` for a set `other` (CPython's `set_merge`), in one
    /// two-set section. False (nothing changed) if a key needs Python code.
    pub fn update_pure(&self, py: Py<'_>, other: &PySet) -> bool {
        if self.is(other) {
            return true; // `s.update(s)` changes nothing
        }
        self.table.with2(&other.table, py, |a, b| {
            if a.merge_fast_path(b) {
                return true;
            }
            if table_pure(a) && table_pure(b) {
                for (h, k) in b.iter_hashed() {
                    a.insert_with(h, k.clone(), peq);
                }
                return true;
            }
            false
        })
    }

    /// `s.update(d)` for the hashed keys of a dict (from `PyDict::hashed_keys`), in one
    /// section. Gives the keys back (nothing added) if a key needs Python code.
    pub fn update_hashed(
        &self,
        py: Py<'_>,
        entries: Vec<(i64, Value)>,
    ) -> Result<(), Vec<(i64, Value)>> {
        let n = entries.len();
        let pure = entries.iter().all(|(_, k)| is_pure(k));
        self.table.with(py, |t| {
            t.reserve_for_merge(n);
            if pure && table_pure(t) {
                for (h, k) in entries {
                    t.insert_with(h, k, peq);
                }
                Ok(())
            } else {
                Err(entries)
            }
        })
    }

    /// `s & other` for a set `other` (CPython's `set_intersection`) in one two-set section;
    /// None if a key needs Python code. (`s & s` is `s.copy()`.)
    pub fn intersection_pure(&self, py: Py<'_>, other: &PySet) -> Option<PySet> {
        if self.is(other) {
            return Some(self.copy(py));
        }
        let t = self.table.with2(&other.table, py, |a, b| {
            (table_pure(a) && table_pure(b)).then(|| SetTable::intersection(a, b, peq))
        })?;
        Some(PySet::from_table(t))
    }

    /// `s &= other` for a set `other`: computed and swapped in within one two-set section,
    /// so a concurrent `add` to `s` is either before (and filtered) or after. False
    /// (nothing changed) if a key needs Python code.
    pub fn intersection_update_pure(&self, py: Py<'_>, other: &PySet) -> bool {
        if self.is(other) {
            return true;
        }
        let old = self.table.with2(&other.table, py, |a, b| {
            (table_pure(a) && table_pure(b)).then(|| a.intersection_update(b, peq))
        });
        old.is_some()
    }

    /// `s -= other` for a set `other` (CPython's `set_difference_update_internal`) in one
    /// two-set section. False (nothing changed) if a key needs Python code.
    pub fn difference_update_pure(&self, py: Py<'_>, other: &PySet) -> bool {
        if self.is(other) {
            self.clear(py);
            return true;
        }
        self.table.with2(&other.table, py, |a, b| {
            if table_pure(a) && table_pure(b) {
                a.difference_update(b, peq);
                true
            } else {
                false
            }
        })
    }

    /// `s - other` for a set `other` (CPython's `set_difference`) in one two-set section;
    /// None if a key needs Python code.
    pub fn difference_pure(&self, py: Py<'_>, other: &PySet) -> Option<PySet> {
        if self.is(other) {
            return Some(PySet::new());
        }
        let t = self.table.with2(&other.table, py, |a, b| {
            (table_pure(a) && table_pure(b)).then(|| SetTable::difference(a, b, peq))
        })?;
        Some(PySet::from_table(t))
    }

    /// `s ^= other` for a set `other` in one two-set section. False (nothing changed) if a
    /// key needs Python code.
    pub fn symmetric_difference_update_pure(&self, py: Py<'_>, other: &PySet) -> bool {
        if self.is(other) {
            self.clear(py);
            return true;
        }
        self.table.with2(&other.table, py, |a, b| {
            if table_pure(a) && table_pure(b) {
                a.symmetric_difference_update(b, peq);
                true
            } else {
                false
            }
        })
    }

    /// `s ^= d` for the hashed keys of a dict (from `PyDict::hashed_keys`), in one
    /// section. Gives the keys back (nothing changed) if a key needs Python code.
    pub fn symmetric_difference_update_hashed(
        &self,
        py: Py<'_>,
        entries: Vec<(i64, Value)>,
    ) -> Result<(), Vec<(i64, Value)>> {
        let pure = entries.iter().all(|(_, k)| is_pure(k));
        self.table.with(py, |t| {
            if pure && table_pure(t) {
                for (h, k) in entries {
                    if t.remove_with(h, |x| peq(x, &k)).is_none() {
                        t.insert_with(h, k, peq);
                    }
                }
                Ok(())
            } else {
                Err(entries)
            }
        })
    }

    // ---- iteration ----

    /// One step of an iterator at slot position `pos` that started when the set had `len`
    /// keys: the next key and the position after it (CPython's `setiter_iternext`).
    #[inline]
    pub fn iter_step(&self, py: Py<'_>, pos: usize, len: usize) -> TableStep<Value> {
        self.table.with(py, |t| {
            if t.len() != len {
                return TableStep::SizeChanged;
            }
            match t.next_from(pos) {
                Some((slot, _h, k)) => TableStep::Next(slot + 1, k.clone()),
                None => TableStep::End,
            }
        })
    }

    /// The keys an iterator at `pos` (started at `len` keys) has left; 0 once the size
    /// changed (its next step raises).
    pub fn remaining_from(&self, py: Py<'_>, mut pos: usize, len: usize) -> usize {
        self.table.with(py, |t| {
            if t.len() != len {
                return 0;
            }
            let mut n = 0;
            while let Some((slot, _, _)) = t.next_from(pos) {
                n += 1;
                pos = slot + 1;
            }
            n
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

    #[test]
    fn add_many_and_resolved_adds() {
        let s = PySet::new();
        let keys: Vec<(i64, Value)> = [1, 2, 2, 3]
            .iter()
            .map(|&i| (h(&Value::Int(i)), Value::Int(i)))
            .collect();
        assert!(s.add_many(py(), keys).is_ok());
        assert_eq!(s.len(py()), 3);
        let k = Value::Int(9);
        let hk = h(&k);
        let cands = s.candidates(py(), hk);
        assert!(cands.is_empty());
        assert!(matches!(
            s.add(py(), Value::Float(9.0), hk),
            Lookup::Missing
        ));
        // A key of that hash arrived after the comparison: no add, compare again.
        assert!(s.add_resolved(py(), hk, &cands, None, k.clone()).is_none());
        let cands = s.candidates(py(), hk);
        assert_eq!(
            s.add_resolved(py(), hk, &cands, Some(&cands[0]), k.clone()),
            Some(true)
        );
        assert_eq!(s.len(py()), 4);
        assert!(matches!(
            s.remove_resolved(py(), hk, &[], Some(&cands[0])),
            Some(Some(_))
        ));
        assert!(s.remove_resolved(py(), hk, &[], Some(&cands[0])).is_none());
        assert_eq!(s.len(py()), 3);
    }
}
