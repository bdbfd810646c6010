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

    /// A snapshot of the keys in iteration order.
    pub fn keys(&self, py: Py<'_>) -> Vec<Value> {
        self.table.with(py, |t| t.iter().cloned().collect())
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
