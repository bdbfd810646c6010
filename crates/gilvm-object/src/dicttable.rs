//! The insertion-ordered hash table behind Python's `dict`, modelled on
//! CPython's compact dict (`Objects/dictobject.c`).
//!
//! # Layout and invariants
//!
//! * `entries` holds `(hash, key, value)` in insertion order. Deleting a key
//!   leaves a tombstone in place, so entry indices stay stable until the next
//!   resize, which compacts the entries (dropping tombstones) and rebuilds the
//!   index. Iteration order is insertion order; deleting and re-inserting a key
//!   moves it to the end; [`DictTable::popitem`] removes the last live entry.
//! * `indices` is an open-addressing table (size a power of two, at least
//!   [`MIN_SIZE`]) of `u32` entry indices, with `EMPTY` and `DUMMY` markers.
//!   Probing starts at `hash & mask` and continues with
//!   `perturb >>= 5; i = (i * 5 + perturb + 1) & mask`.
//! * At most `2/3` of the index slots ever receive entries between two
//!   rebuilds (`usable`, as CPython's `dk_usable`, which deletions do not give
//!   back), so the index always has empty slots and every probe terminates.
//!   When `usable` reaches 0 the next insertion rebuilds with room for
//!   `3 * len` index slots (CPython's `GROWTH_RATE`).
//! * All operations are amortised O(1).
//!
//! # Key comparison
//!
//! As in [`crate::settable`], the table never compares keys itself, because
//! comparing Python objects may run user `__eq__` code that mutates the dict.
//! [`DictTable::probe`] returns a cursor yielding the entries whose stored hash
//! equals the searched one ([`DictProbeStep::Candidate`]) and, once the key is
//! known to be absent, where it would go ([`DictProbeStep::Vacant`], filled by
//! [`DictTable::insert_vacant`]). [`DictTable::mutation_count`] changes on
//! every structural change (new entry, removal, resize, clear), so a caller
//! that released its lock to run user code can detect changes and restart; a
//! stale cursor restarts by itself. Replacing a value is not structural: it
//! does not move entries and does not change the count.
//!
//! Callers with pure key equality (str keys compared by pointer, then text)
//! use [`DictTable::find_with`], [`DictTable::insert_with`] and
//! [`DictTable::remove_with`], whose probe loop is kept tight for global-name
//! lookups.
//!
//! Entry indices must fit in a `u32`: a table holds at most about 2.8 billion
//! entries (more panics with "capacity overflow", as `Vec` does). Apart from
//! that and the documented index misuse of [`DictTable::value_mut`] and
//! [`DictTable::remove_slot`], nothing here panics.

/// Smallest index-table size (CPython's `PyDict_MINSIZE`).
pub const MIN_SIZE: usize = 8;

const PERTURB_SHIFT: u32 = 5;
const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
/// Largest index-table size whose usable entries all fit below `DUMMY`.
const MAX_INDEX_SIZE: usize = 1 << 32;
const NO_SLOT: usize = usize::MAX;

/// How many entries an index table of `n` slots may receive (2/3 of it).
#[inline]
const fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// Smallest power of two >= `max(minsize, MIN_SIZE)`.
fn index_size_for(minsize: usize) -> usize {
    let n = minsize.max(MIN_SIZE).checked_next_power_of_two();
    match n {
        Some(n) if n <= MAX_INDEX_SIZE => n,
        _ => panic!("DictTable: capacity overflow"),
    }
}

/// Index-table size that can receive `n` entries (CPython's `estimate_log2_keysize`).
fn index_size_for_entries(n: usize) -> usize {
    index_size_for(n.saturating_mul(3).saturating_add(1) / 2)
}

#[derive(Clone, Debug)]
struct Entry<K, V> {
    hash: i64,
    /// `None` for a deleted entry (tombstone).
    kv: Option<(K, V)>,
}

/// Insertion-ordered hash table of `(hash, key, value)` entries; see the
/// [module documentation](self).
#[derive(Clone, Debug)]
pub struct DictTable<K, V> {
    indices: Vec<u32>,
    entries: Vec<Entry<K, V>>,
    used: usize,
    /// Entries that may still be appended before the next rebuild.
    usable: usize,
    mutations: u64,
}

impl<K, V> Default for DictTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// Cursor over the probe sequence of one hash; see [`DictTable::probe`].
///
/// It borrows nothing; each step checks that the table is unchanged (same
/// [`DictTable::mutation_count`] and index size) and otherwise starts over.
#[derive(Clone, Copy, Debug)]
pub struct DictProbe {
    hash: i64,
    i: usize,
    perturb: u64,
    mask: usize,
    stamp: u64,
    /// First dummy index slot on the path, or [`NO_SLOT`].
    free: usize,
    vacant: Option<DictVacant>,
}

/// One step of a [`DictProbe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictProbeStep {
    /// A live entry (by entry index) whose stored hash equals the probed hash:
    /// the caller compares its key with the searched one.
    Candidate(usize),
    /// The key is absent; the value tells where it would go. Further steps
    /// return the same value.
    Vacant(DictVacant),
}

/// Where an absent key goes, as found by a [`DictProbe`]; see [`DictTable::insert_vacant`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictVacant {
    hash: i64,
    slot: usize,
    stamp: u64,
    mask: usize,
}

impl DictVacant {
    /// The hash that was probed.
    #[inline]
    pub fn hash(&self) -> i64 {
        self.hash
    }
}

impl DictProbe {
    #[inline]
    fn start<K, V>(hash: i64, table: &DictTable<K, V>) -> DictProbe {
        let mask = table.indices.len() - 1;
        DictProbe {
            hash,
            i: (hash as u64 as usize) & mask,
            perturb: hash as u64,
            mask,
            stamp: table.mutations,
            free: NO_SLOT,
            vacant: None,
        }
    }

    /// The hash being probed.
    #[inline]
    pub fn hash(&self) -> i64 {
        self.hash
    }

    /// The [`DictTable::mutation_count`] this cursor is valid for.
    #[inline]
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Advances to the next candidate entry, or to the end of the probe.
    ///
    /// If `table` changed since the cursor was created or last restarted, the
    /// probe restarts from the beginning, so earlier candidates come again.
    #[inline]
    pub fn next<K, V>(&mut self, table: &DictTable<K, V>) -> DictProbeStep {
        if self.stamp != table.mutations || self.mask + 1 != table.indices.len() {
            *self = DictProbe::start(self.hash, table);
        }
        if let Some(v) = self.vacant {
            return DictProbeStep::Vacant(v);
        }
        loop {
            let cur = self.i;
            let ix = table.indices[cur];
            if ix == EMPTY {
                let v = DictVacant {
                    hash: self.hash,
                    slot: if self.free != NO_SLOT { self.free } else { cur },
                    stamp: self.stamp,
                    mask: self.mask,
                };
                self.vacant = Some(v);
                return DictProbeStep::Vacant(v);
            }
            self.perturb >>= PERTURB_SHIFT;
            self.i = (cur
                .wrapping_mul(5)
                .wrapping_add(self.perturb as usize)
                .wrapping_add(1))
                & self.mask;
            if ix == DUMMY {
                if self.free == NO_SLOT {
                    self.free = cur;
                }
            } else if table.entries[ix as usize].hash == self.hash {
                return DictProbeStep::Candidate(ix as usize);
            }
        }
    }
}

impl<K, V> DictTable<K, V> {
    /// An empty table with [`MIN_SIZE`] index slots.
    pub fn new() -> Self {
        DictTable {
            indices: vec![EMPTY; MIN_SIZE],
            entries: Vec::new(),
            used: 0,
            usable: usable_fraction(MIN_SIZE),
            mutations: 0,
        }
    }

    /// An empty table that can receive `n` entries without rebuilding.
    pub fn with_capacity(n: usize) -> Self {
        let size = index_size_for_entries(n);
        DictTable {
            indices: vec![EMPTY; size],
            entries: Vec::with_capacity(usable_fraction(size)),
            used: 0,
            usable: usable_fraction(size),
            mutations: 0,
        }
    }

    /// Number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// `true` when there are no live entries.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Counter incremented by every structural change (new entry, removal,
    /// popitem, resize, clear). Value replacement does not change it.
    #[inline]
    pub fn mutation_count(&self) -> u64 {
        self.mutations
    }

    /// Number of entry positions, live or deleted: valid entry indices are
    /// `0..entry_index_count()` (CPython's `dk_nentries`).
    #[inline]
    pub fn entry_index_count(&self) -> usize {
        self.entries.len()
    }

    /// Starts probing for `hash`; drive it with [`DictProbe::next`].
    #[inline]
    pub fn probe(&self, hash: i64) -> DictProbe {
        DictProbe::start(hash, self)
    }

    /// Finds the entry whose key equals the searched one: `eq` is called on
    /// each candidate key (same stored hash) in probe order. Returns its entry index.
    #[inline]
    pub fn find_with(&self, hash: i64, mut eq: impl FnMut(&K) -> bool) -> Option<usize> {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix < DUMMY {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    if let Some((k, _)) = &e.kv {
                        if eq(k) {
                            return Some(ix as usize);
                        }
                    }
                }
            } else if ix == EMPTY {
                return None;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Like [`DictTable::find_with`] with a fallible comparison: the first
    /// error stops the search and is returned.
    pub fn try_find_with<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mut p = self.probe(hash);
        loop {
            match p.next(self) {
                DictProbeStep::Candidate(ix) => {
                    if let Some((k, _)) = &self.entries[ix].kv {
                        if eq(k)? {
                            return Ok(Some(ix));
                        }
                    }
                }
                DictProbeStep::Vacant(_) => return Ok(None),
            }
        }
    }

    /// The value of the entry whose key equals the searched one.
    #[inline]
    pub fn get_with(&self, hash: i64, eq: impl FnMut(&K) -> bool) -> Option<&V> {
        let ix = self.find_with(hash, eq)?;
        self.entries[ix].kv.as_ref().map(|(_, v)| v)
    }

    /// The key and value at entry index `idx`; `None` for a deleted entry or
    /// an index out of range.
    #[inline]
    pub fn get_entry(&self, idx: usize) -> Option<(&K, &V)> {
        self.entries
            .get(idx)
            .and_then(|e| e.kv.as_ref().map(|(k, v)| (k, v)))
    }

    /// The key at entry index `idx`, if live.
    #[inline]
    pub fn key_at(&self, idx: usize) -> Option<&K> {
        self.get_entry(idx).map(|(k, _)| k)
    }

    /// The hash stored with the entry at `idx`, if live.
    #[inline]
    pub fn hash_at(&self, idx: usize) -> Option<i64> {
        self.entries
            .get(idx)
            .and_then(|e| e.kv.as_ref().map(|_| e.hash))
    }

    /// Mutable access to the value at entry index `idx`.
    ///
    /// # Panics
    /// If `idx` is out of range or the entry is deleted (see
    /// [`DictTable::get_value_mut`] for a non-panicking version).
    #[inline]
    pub fn value_mut(&mut self, idx: usize) -> &mut V {
        match self.get_value_mut(idx) {
            Some(v) => v,
            None => panic!("DictTable::value_mut: entry {idx} is not live"),
        }
    }

    /// Mutable access to the value at entry index `idx`, if live.
    #[inline]
    pub fn get_value_mut(&mut self, idx: usize) -> Option<&mut V> {
        self.entries
            .get_mut(idx)
            .and_then(|e| e.kv.as_mut().map(|(_, v)| v))
    }

    /// The first live entry at or after entry index `pos`, as
    /// `(index, key, value)`. An iterator object keeps `index + 1` as its next
    /// position, and compares [`DictTable::len`] with the length it started
    /// with to report "dictionary changed size during iteration".
    #[inline]
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K, &V)> {
        let tail = self.entries.get(pos..)?;
        tail.iter()
            .enumerate()
            .find_map(|(i, e)| e.kv.as_ref().map(|(k, v)| (pos + i, k, v)))
    }

    /// Iterator over `(key, value)` in insertion order.
    #[inline]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries
            .iter()
            .filter_map(|e| e.kv.as_ref().map(|(k, v)| (k, v)))
    }

    /// Iterator over `(entry index, hash, key, value)` in insertion order.
    #[inline]
    pub fn iter_entries(&self) -> impl DoubleEndedIterator<Item = (usize, i64, &K, &V)> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.kv.as_ref().map(|(k, v)| (i, e.hash, k, v)))
    }

    /// Iterator over the keys in insertion order.
    #[inline]
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// Iterator over the values in insertion order.
    #[inline]
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// Iterator over mutable values in insertion order.
    #[inline]
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + '_ {
        self.entries
            .iter_mut()
            .filter_map(|e| e.kv.as_mut().map(|(_, v)| v))
    }

    /// Consumes the table, yielding `(hash, key, value)` in insertion order.
    pub fn into_entries(self) -> impl DoubleEndedIterator<Item = (i64, K, V)> {
        self.entries
            .into_iter()
            .filter_map(|e| e.kv.map(|(k, v)| (e.hash, k, v)))
    }

    /// Appends an entry for a key found absent by a probe, without probing
    /// again (unless the table must grow first). Returns its entry index.
    ///
    /// Returns `Err((key, value))` without changing anything if the table
    /// changed since the probe: the caller must probe again.
    pub fn insert_vacant(&mut self, vacant: DictVacant, key: K, value: V) -> Result<usize, (K, V)> {
        if vacant.stamp != self.mutations || vacant.mask + 1 != self.indices.len() {
            return Err((key, value));
        }
        if self.usable == 0 {
            return Ok(self.insert_new(vacant.hash, key, value));
        }
        Ok(self.push_entry(vacant.slot, vacant.hash, key, value))
    }

    /// Appends an entry for a key the caller knows is absent; returns its
    /// entry index (valid until the next structural change).
    pub fn insert_new(&mut self, hash: i64, key: K, value: V) -> usize {
        if self.usable == 0 {
            self.resize(index_size_for(self.used.saturating_mul(3)));
        }
        let slot = find_empty_slot(&self.indices, hash);
        self.push_entry(slot, hash, key, value)
    }

    #[inline]
    fn push_entry(&mut self, slot: usize, hash: i64, key: K, value: V) -> usize {
        let idx = self.entries.len();
        self.entries.push(Entry {
            hash,
            kv: Some((key, value)),
        });
        self.indices[slot] = idx as u32;
        self.used += 1;
        self.usable -= 1;
        self.mutations = self.mutations.wrapping_add(1);
        idx
    }

    /// `d[key] = value` for keys with pure equality `eq(stored, new)`: replaces
    /// the value of an equal key (keeping the stored key and its position) and
    /// returns the old value, or appends a new entry and returns `None`.
    pub fn insert_with(
        &mut self,
        hash: i64,
        key: K,
        value: V,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> Option<V> {
        match self.find_with(hash, |k| eq(k, &key)) {
            Some(ix) => Some(std::mem::replace(self.value_mut(ix), value)),
            None => {
                self.insert_new(hash, key, value);
                None
            }
        }
    }

    /// Removes and returns the entry whose key equals the searched one.
    pub fn remove_with(&mut self, hash: i64, eq: impl FnMut(&K) -> bool) -> Option<(K, V)> {
        let ix = self.find_with(hash, eq)?;
        self.take_entry(ix)
    }

    /// Removes the entry at `idx`, leaving a tombstone, and returns it.
    ///
    /// # Panics
    /// If `idx` is out of range or already deleted (see
    /// [`DictTable::take_entry`] for a non-panicking version).
    pub fn remove_slot(&mut self, idx: usize) -> (K, V) {
        match self.take_entry(idx) {
            Some(kv) => kv,
            None => panic!("DictTable::remove_slot: entry {idx} is not live"),
        }
    }

    /// Removes the entry at `idx`, leaving a tombstone, and returns it; `None`
    /// if out of range or already deleted.
    pub fn take_entry(&mut self, idx: usize) -> Option<(K, V)> {
        let hash = self.entries.get(idx)?.hash;
        self.entries[idx].kv.as_ref()?;
        // The index slot pointing at `idx` lies on `hash`'s probe path.
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = self.indices[i];
            if ix as usize == idx {
                break;
            }
            if ix == EMPTY {
                // Unreachable while the invariants hold; fail softly.
                return None;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = DUMMY;
        self.used -= 1;
        self.mutations = self.mutations.wrapping_add(1);
        self.entries[idx].kv.take()
    }

    /// `dict.popitem()`: removes and returns the last live entry (LIFO), and
    /// drops the trailing tombstones. `None` when empty.
    pub fn popitem(&mut self) -> Option<(K, V)> {
        let idx = self.entries.iter().rposition(|e| e.kv.is_some())?;
        let kv = self.take_entry(idx);
        self.entries.truncate(idx);
        kv
    }

    /// Removes every entry, going back to [`MIN_SIZE`] index slots. Keys and
    /// values are dropped here; use [`DictTable::take`] to drop them later
    /// (e.g. outside a lock).
    pub fn clear(&mut self) {
        drop(self.take());
    }

    /// Empties the table like [`DictTable::clear`] and returns the old contents.
    pub fn take(&mut self) -> DictTable<K, V> {
        let mutations = self.mutations.wrapping_add(1);
        let old = std::mem::take(self);
        self.mutations = mutations;
        old
    }

    /// Makes sure `additional` more entries can be appended without a rebuild
    /// (what `dict.update` does before merging a dict).
    pub fn reserve(&mut self, additional: usize) {
        if additional > self.usable {
            let size = index_size_for_entries(self.used.saturating_add(additional));
            self.resize(size.max(self.indices.len()));
        }
    }

    /// Rebuilds the index with `size` slots and compacts the entries.
    fn resize(&mut self, size: usize) {
        if self.entries.len() != self.used {
            self.entries.retain(|e| e.kv.is_some());
        }
        let mut indices = vec![EMPTY; size];
        for (idx, e) in self.entries.iter().enumerate() {
            let slot = find_empty_slot(&indices, e.hash);
            indices[slot] = idx as u32;
        }
        self.indices = indices;
        self.usable = usable_fraction(size) - self.used;
        self.mutations = self.mutations.wrapping_add(1);
    }
}

impl<K: Clone, V: Clone> DictTable<K, V> {
    /// A compact copy (`dict.copy()`, `dict(d)`): same entries in the same
    /// order, without tombstones. [`Clone::clone`] keeps the exact layout instead.
    pub fn copy(&self) -> DictTable<K, V> {
        let mut t = DictTable::with_capacity(self.used);
        for (_, h, k, v) in self.iter_entries() {
            let slot = find_empty_slot(&t.indices, h);
            t.push_entry(slot, h, k.clone(), v.clone());
        }
        t.mutations = 0;
        t
    }
}

/// First `EMPTY` or `DUMMY` slot on `hash`'s probe path (CPython's `find_empty_slot`).
#[inline]
fn find_empty_slot(indices: &[u32], hash: i64) -> usize {
    let mask = indices.len() - 1;
    let mut i = (hash as u64 as usize) & mask;
    let mut perturb = hash as u64;
    while indices[i] < DUMMY {
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic xorshift generator for the randomized tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Hash with many collisions to exercise probing.
    fn h(k: u32) -> i64 {
        match k % 7 {
            0 => 42,
            1 => -(k as i64),
            _ => (k as i64).wrapping_mul(0x9E37_79B9_7F4A_7C15u64 as i64),
        }
    }

    fn check(t: &DictTable<u32, u64>, model: &[(u32, u64)]) {
        let got: Vec<(u32, u64)> = t.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(got, model);
        assert_eq!(t.len(), model.len());
        for (k, v) in model {
            assert_eq!(t.get_with(h(*k), |x| x == k), Some(v));
        }
        assert!(t.indices.contains(&EMPTY));
        let live = t.indices.iter().filter(|&&i| i < DUMMY).count();
        assert_eq!(live, t.used);
        assert!(t.entries.len() <= usable_fraction(t.indices.len()));
    }

    #[test]
    fn randomized_against_model() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for round in 0..40 {
            let mut t: DictTable<u32, u64> = if round % 3 == 0 {
                DictTable::with_capacity(round * 10)
            } else {
                DictTable::new()
            };
            let mut model: Vec<(u32, u64)> = Vec::new();
            let keyspace = 1 + rng.below(300) as u32;
            for step in 0..2000u64 {
                let k = rng.below(keyspace as u64) as u32;
                match rng.below(10) {
                    0..=4 => {
                        let old = t.insert_with(h(k), k, step, |a, b| a == b);
                        match model.iter_mut().find(|(mk, _)| *mk == k) {
                            Some(e) => assert_eq!(old, Some(std::mem::replace(&mut e.1, step))),
                            None => {
                                assert_eq!(old, None);
                                model.push((k, step));
                            }
                        }
                    }
                    5..=7 => {
                        let r = t.remove_with(h(k), |x| *x == k);
                        let pos = model.iter().position(|(mk, _)| *mk == k);
                        assert_eq!(r, pos.map(|p| model.remove(p)));
                    }
                    8 => assert_eq!(t.popitem(), model.pop()),
                    _ => {
                        if rng.below(20) == 0 {
                            t.clear();
                            model.clear();
                        }
                    }
                }
                if step % 97 == 0 {
                    check(&t, &model);
                    let c = t.copy();
                    check(&c, &model);
                }
            }
            check(&t, &model);
        }
    }

    #[test]
    fn reinsert_moves_to_end_and_positions() {
        let mut t: DictTable<u32, u64> = DictTable::with_capacity(10);
        for k in 0..5 {
            t.insert_new(h(k), k, k as u64);
        }
        let (_k, _v) = t.remove_slot(1);
        t.insert_with(h(1), 1, 10, |a, b| a == b);
        assert_eq!(t.keys().copied().collect::<Vec<_>>(), vec![0, 2, 3, 4, 1]);
        assert_eq!(t.entry_index_count(), 6);
        assert_eq!(t.get_entry(1), None);
        assert_eq!(t.next_from(1), Some((2, &2, &2)));
        assert_eq!(t.next_from(6), None);
        assert_eq!(t.next_from(600), None);
        *t.value_mut(0) = 7;
        assert_eq!(t.get_entry(0), Some((&0, &7)));
        assert_eq!(t.get_value_mut(1), None);
        assert_eq!(t.take_entry(1), None);
        assert_eq!(t.popitem(), Some((1, 10)));
        assert_eq!(t.entry_index_count(), 5);
    }

    #[test]
    fn probe_api_and_staleness() {
        let mut t: DictTable<u32, u64> = DictTable::new();
        // Same hash for several keys: the probe yields each as a candidate.
        for k in [0, 7, 14] {
            t.insert_new(42, k, 0);
        }
        let mut p = t.probe(42);
        let mut cands = Vec::new();
        let vac = loop {
            match p.next(&t) {
                DictProbeStep::Candidate(ix) => cands.push(*t.key_at(ix).unwrap()),
                DictProbeStep::Vacant(v) => break v,
            }
        };
        // Like CPython, a probe path may revisit a slot once perturb is spent.
        cands.dedup();
        assert_eq!(cands[..3], [0, 7, 14]);
        let ix = t.insert_vacant(vac, 21, 1).unwrap();
        assert_eq!(t.key_at(ix), Some(&21));
        // The old vacancy is now stale.
        assert_eq!(t.insert_vacant(vac, 28, 2), Err((28, 2)));
        // A stale cursor restarts and sees the new key.
        let mut p = t.probe(42);
        assert_eq!(p.next(&t), DictProbeStep::Candidate(0));
        t.remove_with(42, |k| *k == 0);
        assert_eq!(p.next(&t), DictProbeStep::Candidate(1));
        assert_eq!(
            t.try_find_with(42, |k| if *k == 14 { Err("boom") } else { Ok(false) }),
            Err("boom")
        );
        assert_eq!(t.try_find_with::<()>(42, |k| Ok(*k == 21)), Ok(Some(3)));
    }

    #[test]
    fn vacancy_on_full_table_grows() {
        let mut t: DictTable<u32, u64> = DictTable::new();
        for k in 0..5 {
            t.insert_new(h(k), k, 0);
        }
        assert_eq!(t.usable, 0);
        let v = match t.probe(h(5)).next(&t) {
            DictProbeStep::Vacant(v) => v,
            other => panic!("{other:?}"),
        };
        t.insert_vacant(v, 5, 0).unwrap();
        assert_eq!(
            t.keys().copied().collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4, 5]
        );
        assert!(t.indices.len() > MIN_SIZE);
    }

    #[test]
    fn churn_stays_bounded() {
        let mut t: DictTable<u32, u64> = DictTable::new();
        for k in 0..100_000u32 {
            t.insert_new(h(k), k, 0);
            t.remove_with(h(k), |x| *x == k);
        }
        assert!(t.is_empty());
        assert!(t.indices.len() <= 64, "{}", t.indices.len());
        t.reserve(1000);
        let n = t.indices.len();
        for k in 0..1000 {
            t.insert_new(h(k), k, 0);
        }
        assert_eq!(n, t.indices.len());
    }
}
