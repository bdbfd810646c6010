//! The hash table behind Python's `set` and `frozenset`, laid out exactly like
//! CPython 3.13's `Objects/setobject.c` so that iteration order — and thus
//! `print({3, 1, 2, 10, 100})`, `list(s)`, `s.pop()` — matches CPython.
//!
//! # Layout and invariants
//!
//! * The table is an array of `mask + 1` slots, a power of two, at least
//!   [`MIN_SIZE`] (8). Each slot is *empty*, *dummy* (a deleted entry, kept so
//!   probe chains stay intact) or *live* (`(hash, key)`).
//! * `used` counts live slots, `fill` counts live + dummy slots. After every
//!   operation `fill < mask + 1`, so at least one slot is empty and every probe
//!   sequence terminates.
//! * Probing visits slot `i = hash & mask`, then (if `i + 9 <= mask`) the 9
//!   following slots (`LINEAR_PROBES`), then jumps with
//!   `perturb >>= 5; i = (i * 5 + 1 + perturb) & mask` (`perturb` starts as the
//!   hash, as an unsigned 64-bit number) and repeats.
//! * Adding a key to an empty slot increments `fill`; once `fill * 5 >= mask * 3`
//!   the table is rebuilt with [`set_table_resize`]'s sizing: the smallest power
//!   of two (>= 8) greater than `used * 4` (`used * 2` above 50000 entries),
//!   re-inserting live keys in slot order and dropping dummies. A new key
//!   reuses the *last* dummy slot met on its probe path, as CPython does.
//! * Iteration goes over slots in index order; `pop` starts at a search
//!   `finger` left by the previous pop.
//!
//! # Key comparison
//!
//! The table never compares keys: comparing Python objects may run a user
//! `__eq__` that mutates this very set. Lookups are probe-based: [`SetTable::probe`]
//! returns a [`SetProbe`] cursor which yields, in CPython's order, the live slots
//! whose stored hash equals the searched hash ([`SetProbeStep::Candidate`]); the
//! caller compares keys itself (identity first), possibly releasing its lock
//! meanwhile. [`SetTable::mutation_count`] changes on every structural change, so
//! after running user code the caller can tell whether the table changed; a
//! cursor used on a changed table restarts from the beginning (like CPython's
//! `goto restart`). When no candidate matched, the cursor ends with
//! [`SetProbeStep::Vacant`], which [`SetTable::insert_vacant`] fills without
//! probing again.
//!
//! Callers whose equality is pure and cannot fail (ints, strings...) can use the
//! convenience methods taking an `eq` closure ([`SetTable::find_with`],
//! [`SetTable::insert_with`], [`SetTable::remove_with`], and the set algebra
//! [`SetTable::union`], [`SetTable::intersection`], [`SetTable::difference`],
//! [`SetTable::symmetric_difference`] and their in-place forms), which follow
//! CPython's algorithms step by step, so their results iterate in CPython's
//! order. Their documentation spells out each algorithm, for callers that must
//! replay it with the probe API.
//!
//! [`set_table_resize`]: SetTable::resize
//!
//! Nothing here panics on any input except the documented index misuse of
//! [`SetTable::remove_slot`].

/// Smallest table size (CPython's `PySet_MINSIZE`).
pub const MIN_SIZE: usize = 8;

/// Number of extra consecutive slots examined before jumping (CPython's `LINEAR_PROBES`).
const LINEAR_PROBES: usize = 9;

/// Shift applied to `perturb` at each jump (CPython's `PERTURB_SHIFT`).
const PERTURB_SHIFT: u32 = 5;

/// Hash stored in an empty slot (key `None`).
const EMPTY_HASH: i64 = 0;
/// Hash stored in a dummy (deleted) slot (key `None`).
const DUMMY_HASH: i64 = -1;

/// "No dummy slot seen yet" marker of [`SetProbe`].
const NO_SLOT: usize = usize::MAX;

#[derive(Clone, Debug)]
struct Slot<K> {
    /// The key's hash for a live slot; [`EMPTY_HASH`] / [`DUMMY_HASH`] otherwise.
    hash: i64,
    /// `Some` exactly for live slots.
    key: Option<K>,
}

impl<K> Slot<K> {
    const EMPTY: Slot<K> = Slot {
        hash: EMPTY_HASH,
        key: None,
    };
}

fn empty_slots<K>(n: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(n);
    v.resize_with(n, || Slot::EMPTY);
    v
}

/// Open-addressing hash table of `(hash, key)` entries with CPython's set
/// layout and iteration order. See the [module documentation](self).
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    mask: usize,
    /// Live + dummy slots.
    fill: usize,
    /// Live slots.
    used: usize,
    /// Where the next `pop` starts looking (CPython's `finger`).
    finger: usize,
    mutations: u64,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// Cursor over the probe sequence of one hash; see [`SetTable::probe`].
///
/// It borrows nothing, so the caller may drop its lock on the table between
/// steps; each step checks that the table is unchanged (same
/// [`SetTable::mutation_count`] and size) and otherwise starts over.
#[derive(Clone, Copy, Debug)]
pub struct SetProbe {
    hash: i64,
    /// Start of the current run of linear probes.
    base: usize,
    /// Offset of the next slot to examine within the run.
    off: usize,
    /// Last offset of the current run (9 or 0).
    run: usize,
    perturb: u64,
    mask: usize,
    stamp: u64,
    /// Last dummy slot seen on the path, or [`NO_SLOT`].
    freeslot: usize,
    /// Set once the probe reached an empty slot.
    vacant: Option<SetVacant>,
}

/// One step of a [`SetProbe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetProbeStep {
    /// A live slot whose stored hash equals the probed hash: the caller must
    /// compare its key ([`SetTable::key_at`]) with the searched one.
    Candidate(usize),
    /// The probe reached an empty slot: the key is absent. The value says where
    /// CPython would insert it. Further steps return the same value.
    Vacant(SetVacant),
}

/// Where an absent key goes, as found by a [`SetProbe`]; see [`SetTable::insert_vacant`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetVacant {
    hash: i64,
    slot: usize,
    reuses_dummy: bool,
    stamp: u64,
    mask: usize,
}

impl SetVacant {
    /// The hash that was probed.
    #[inline]
    pub fn hash(&self) -> i64 {
        self.hash
    }

    /// The slot the key would occupy (the last dummy on the path, else the empty slot).
    #[inline]
    pub fn slot(&self) -> usize {
        self.slot
    }
}

impl SetProbe {
    #[inline]
    fn start<K>(hash: i64, table: &SetTable<K>) -> SetProbe {
        let mask = table.mask;
        let base = (hash as u64 as usize) & mask;
        SetProbe {
            hash,
            base,
            off: 0,
            run: if base + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
            perturb: hash as u64,
            mask,
            stamp: table.mutations,
            freeslot: NO_SLOT,
            vacant: None,
        }
    }

    /// The hash being probed.
    #[inline]
    pub fn hash(&self) -> i64 {
        self.hash
    }

    /// The [`SetTable::mutation_count`] this cursor is valid for.
    #[inline]
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    #[inline]
    fn advance(&mut self) {
        if self.off < self.run {
            self.off += 1;
        } else {
            self.perturb >>= PERTURB_SHIFT;
            self.base = (self
                .base
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.off = 0;
            self.run = if self.base + LINEAR_PROBES <= self.mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
    }

    /// Advances to the next candidate slot, or to the end of the probe.
    ///
    /// If `table` changed since the cursor was created or last restarted
    /// (different mutation count or size), the probe restarts from the
    /// beginning of the sequence, so earlier candidates are yielded again.
    #[inline]
    pub fn next<K>(&mut self, table: &SetTable<K>) -> SetProbeStep {
        if self.stamp != table.mutations || self.mask != table.mask {
            *self = SetProbe::start(self.hash, table);
        }
        if let Some(v) = self.vacant {
            return SetProbeStep::Vacant(v);
        }
        loop {
            let idx = self.base + self.off;
            let slot = &table.slots[idx];
            if slot.key.is_some() {
                if slot.hash == self.hash {
                    self.advance();
                    return SetProbeStep::Candidate(idx);
                }
            } else if slot.hash == EMPTY_HASH {
                let reuses_dummy = self.freeslot != NO_SLOT;
                let v = SetVacant {
                    hash: self.hash,
                    slot: if reuses_dummy { self.freeslot } else { idx },
                    reuses_dummy,
                    stamp: self.stamp,
                    mask: self.mask,
                };
                self.vacant = Some(v);
                return SetProbeStep::Vacant(v);
            } else {
                self.freeslot = idx;
            }
            self.advance();
        }
    }
}

/// Iterator over the live keys of a [`SetTable`] in slot order.
#[derive(Clone, Debug)]
pub struct Iter<'a, K> {
    slots: std::iter::Enumerate<std::slice::Iter<'a, Slot<K>>>,
    left: usize,
}

impl<'a, K> Iterator for Iter<'a, K> {
    /// `(slot, hash, key)`.
    type Item = (usize, i64, &'a K);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        for (i, s) in self.slots.by_ref() {
            if let Some(k) = &s.key {
                self.left -= 1;
                return Some((i, s.hash, k));
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<K> ExactSizeIterator for Iter<'_, K> {}

impl<K> SetTable<K> {
    /// An empty table of [`MIN_SIZE`] slots, like a new CPython set.
    pub fn new() -> Self {
        SetTable {
            slots: empty_slots(MIN_SIZE),
            mask: MIN_SIZE - 1,
            fill: 0,
            used: 0,
            finger: 0,
            mutations: 0,
        }
    }

    /// An empty table presized for `n` keys the way CPython presizes a set
    /// before merging `n` keys from a set or dict ([`SetTable::reserve_for_merge`]).
    ///
    /// Note that the size of the table affects iteration order: `set(list)`
    /// in CPython starts from [`SetTable::new`] and grows one key at a time.
    pub fn with_capacity(n: usize) -> Self {
        let mut t = Self::new();
        t.reserve_for_merge(n);
        t
    }

    /// Number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// `true` when there are no keys.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Number of slots (`mask + 1`): valid slot indices are `0..slot_count()`.
    #[inline]
    pub fn slot_count(&self) -> usize {
        self.mask + 1
    }

    /// Live plus dummy slots (CPython's `fill`).
    #[inline]
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Counter incremented by every structural change (insertion, removal,
    /// resize, clear, table replacement). Compare it before and after running
    /// user code to detect that the table changed.
    #[inline]
    pub fn mutation_count(&self) -> u64 {
        self.mutations
    }

    /// The position where the next [`SetTable::pop_arbitrary`] starts searching.
    #[inline]
    pub fn finger(&self) -> usize {
        self.finger
    }

    /// Starts probing for `hash`; drive it with [`SetProbe::next`].
    ///
    /// ```
    /// # use gilvm_object::settable::{SetTable, SetProbeStep};
    /// let mut t: SetTable<&str> = SetTable::new();
    /// let mut p = t.probe(42);
    /// let found = loop {
    ///     match p.next(&t) {
    ///         SetProbeStep::Candidate(slot) => {
    ///             if *t.key_at(slot).unwrap() == "x" { break true; }
    ///         }
    ///         SetProbeStep::Vacant(v) => {
    ///             t.insert_vacant(v, "x").unwrap();
    ///             break false;
    ///         }
    ///     }
    /// };
    /// assert!(!found && t.len() == 1);
    /// ```
    #[inline]
    pub fn probe(&self, hash: i64) -> SetProbe {
        SetProbe::start(hash, self)
    }

    /// The key in `slot`, or `None` if the slot is empty, deleted or out of range.
    #[inline]
    pub fn key_at(&self, slot: usize) -> Option<&K> {
        self.slots.get(slot).and_then(|s| s.key.as_ref())
    }

    /// The hash stored with the key in `slot`, or `None` if the slot holds no key.
    #[inline]
    pub fn hash_at(&self, slot: usize) -> Option<i64> {
        self.slots
            .get(slot)
            .and_then(|s| s.key.as_ref().map(|_| s.hash))
    }

    /// The first live slot at or after `pos`, with its hash and key: CPython's
    /// `set_next`. An iterator object keeps `pos` (the returned slot + 1) and
    /// the length it started with, and raises "Set changed size during
    /// iteration" when [`SetTable::len`] differs.
    #[inline]
    pub fn next_from(&self, pos: usize) -> Option<(usize, i64, &K)> {
        let tail = self.slots.get(pos..)?;
        tail.iter()
            .enumerate()
            .find_map(|(i, s)| s.key.as_ref().map(|k| (pos + i, s.hash, k)))
    }

    /// Iterator over the keys in table (= CPython iteration) order.
    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter_slots().map(|(_, _, k)| k)
    }

    /// Iterator over `(slot, hash, key)` for the live slots, in table order.
    #[inline]
    pub fn iter_slots(&self) -> Iter<'_, K> {
        Iter {
            slots: self.slots.iter().enumerate(),
            left: self.used,
        }
    }

    /// Iterator over `(hash, key)` in table order (what `set_merge` and the
    /// set algebra feed into other tables).
    #[inline]
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.iter_slots().map(|(_, h, k)| (h, k))
    }

    /// Fills the slot found by a probe with `key` (CPython's `set_add_entry`
    /// after a failed search), resizing afterwards if the table got too full.
    ///
    /// Returns `Err(key)` without changing anything if the table changed since
    /// the probe (its mutation count or size differ): the caller must probe
    /// again, since an equal key may have been added meanwhile.
    pub fn insert_vacant(&mut self, vacant: SetVacant, key: K) -> Result<(), K> {
        if vacant.stamp != self.mutations || vacant.mask != self.mask {
            return Err(key);
        }
        self.fill_vacant(vacant, key);
        Ok(())
    }

    #[inline]
    fn fill_vacant(&mut self, vacant: SetVacant, key: K) {
        let slot = &mut self.slots[vacant.slot];
        slot.hash = vacant.hash;
        slot.key = Some(key);
        self.used += 1;
        self.mutations = self.mutations.wrapping_add(1);
        if !vacant.reuses_dummy {
            self.fill += 1;
            if self.fill.saturating_mul(5) >= self.mask.saturating_mul(3) {
                self.resize(self.growth_target());
            }
        }
    }

    #[inline]
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used.saturating_mul(2)
        } else {
            self.used.saturating_mul(4)
        }
    }

    /// Inserts a key the caller knows is absent (no equal key in the table),
    /// at the place CPython's `set_add_entry` would put it.
    pub fn insert_new(&mut self, hash: i64, key: K) {
        let mut p = self.probe(hash);
        loop {
            if let SetProbeStep::Vacant(v) = p.next(self) {
                self.fill_vacant(v, key);
                return;
            }
        }
    }

    /// Finds the slot holding a key equal to the searched one: `eq` is called
    /// on each candidate key (same hash) in probe order.
    #[inline]
    pub fn find_with(&self, hash: i64, mut eq: impl FnMut(&K) -> bool) -> Option<usize> {
        let mut p = self.probe(hash);
        loop {
            match p.next(self) {
                SetProbeStep::Candidate(slot) => {
                    if let Some(k) = &self.slots[slot].key {
                        if eq(k) {
                            return Some(slot);
                        }
                    }
                }
                SetProbeStep::Vacant(_) => return None,
            }
        }
    }

    /// Like [`SetTable::find_with`] with a fallible comparison: the first error
    /// stops the search and is returned.
    pub fn try_find_with<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mut p = self.probe(hash);
        loop {
            match p.next(self) {
                SetProbeStep::Candidate(slot) => {
                    if let Some(k) = &self.slots[slot].key {
                        if eq(k)? {
                            return Ok(Some(slot));
                        }
                    }
                }
                SetProbeStep::Vacant(_) => return Ok(None),
            }
        }
    }

    /// `true` if a key equal to the searched one (by `eq`) is present.
    #[inline]
    pub fn contains_with(&self, hash: i64, eq: impl FnMut(&K) -> bool) -> bool {
        self.find_with(hash, eq).is_some()
    }

    /// CPython's `set_add_entry`: adds `key` unless an equal key is present
    /// (`eq(stored, &key)`), in which case the table keeps its key and `key`
    /// is dropped. Returns `true` if `key` was inserted.
    pub fn insert_with(&mut self, hash: i64, key: K, mut eq: impl FnMut(&K, &K) -> bool) -> bool {
        let mut p = self.probe(hash);
        loop {
            match p.next(self) {
                SetProbeStep::Candidate(slot) => {
                    if let Some(k) = &self.slots[slot].key {
                        if eq(k, &key) {
                            return false;
                        }
                    }
                }
                SetProbeStep::Vacant(v) => {
                    self.fill_vacant(v, key);
                    return true;
                }
            }
        }
    }

    /// CPython's `set_discard_entry`: removes and returns the key equal to the
    /// searched one, leaving a dummy slot.
    pub fn remove_with(&mut self, hash: i64, eq: impl FnMut(&K) -> bool) -> Option<K> {
        let slot = self.find_with(hash, eq)?;
        self.take_slot(slot)
    }

    /// Removes the key in `slot`, leaving a dummy, and returns it.
    ///
    /// # Panics
    /// If `slot` is out of range or holds no key (use [`SetTable::take_slot`]
    /// for a non-panicking version).
    pub fn remove_slot(&mut self, slot: usize) -> K {
        match self.take_slot(slot) {
            Some(k) => k,
            None => panic!("SetTable::remove_slot: slot {slot} holds no key"),
        }
    }

    /// Removes the key in `slot`, leaving a dummy, and returns it; `None` if
    /// the slot is out of range or holds no key.
    pub fn take_slot(&mut self, slot: usize) -> Option<K> {
        let s = self.slots.get_mut(slot)?;
        let k = s.key.take()?;
        s.hash = DUMMY_HASH;
        self.used -= 1;
        self.mutations = self.mutations.wrapping_add(1);
        Some(k)
    }

    /// CPython's `set.pop()`: removes and returns the first key at or after
    /// the search finger (wrapping around), and moves the finger past it.
    /// `None` when the table is empty.
    pub fn pop_arbitrary(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask;
        while self.slots[i].key.is_none() {
            i += 1;
            if i > self.mask {
                i = 0;
            }
        }
        self.finger = i + 1;
        self.take_slot(i)
    }

    /// Removes every key, going back to [`MIN_SIZE`] slots (`set.clear()`).
    /// The pop finger is kept, as in CPython. Keys are dropped here; use
    /// [`SetTable::take`] to drop them later (e.g. outside a lock).
    pub fn clear(&mut self) {
        drop(self.take());
    }

    /// Empties the table like [`SetTable::clear`] and returns the old contents.
    pub fn take(&mut self) -> SetTable<K> {
        let finger = self.finger;
        let mutations = self.mutations.wrapping_add(1);
        let mut old = std::mem::take(self);
        self.finger = finger;
        self.mutations = mutations;
        old.mutations = 0;
        old
    }

    /// Replaces this table's contents by `other`'s and returns the old
    /// contents, as CPython's `set_swap_bodies` does for
    /// `intersection_update` / `&=`: the pop finger stays with `self`, and the
    /// mutation count keeps increasing.
    pub fn replace_contents(&mut self, other: SetTable<K>) -> SetTable<K> {
        let finger = self.finger;
        let mutations = self.mutations.wrapping_add(1);
        let old = std::mem::replace(self, other);
        self.finger = finger;
        self.mutations = mutations;
        old
    }

    /// CPython's `set_table_resize(minused)`: rebuilds the table with the
    /// smallest power-of-two size (at least [`MIN_SIZE`]) greater than
    /// `minused`, re-inserting live keys in slot order and discarding dummies.
    /// Does nothing if the table already has [`MIN_SIZE`] slots, would keep
    /// that size, and has no dummies, or if the new size would not exceed
    /// [`SetTable::len`] (CPython never asks for that).
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused && newsize <= usize::MAX / 4 {
            newsize <<= 1;
        }
        if newsize <= self.used {
            // Only reachable for absurd `minused` overflow cases; never shrink below the contents.
            return;
        }
        if newsize == MIN_SIZE && self.mask == MIN_SIZE - 1 && self.fill == self.used {
            return;
        }
        let newmask = newsize - 1;
        let mut table = empty_slots(newsize);
        for s in self.slots.iter_mut() {
            if let Some(k) = s.key.take() {
                insert_clean(&mut table, newmask, s.hash, k);
            }
        }
        self.slots = table;
        self.mask = newmask;
        self.fill = self.used;
        self.mutations = self.mutations.wrapping_add(1);
    }

    /// The pre-sizing step of CPython's `set_merge` and of `set.update(dict)`
    /// before adding `incoming` keys: if `(fill + incoming) * 5 >= mask * 3`,
    /// resize for `(used + incoming) * 2`.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        if self.fill.saturating_add(incoming).saturating_mul(5) >= self.mask.saturating_mul(3) {
            self.resize(self.used.saturating_add(incoming).saturating_mul(2));
        }
    }

    /// After removing several keys (`difference_update`, `-=`): if more than a
    /// quarter of the slots are dummies, rebuild the table like an insertion
    /// would (`used * 4`, or `used * 2` above 50000 keys).
    pub fn compact_after_discards(&mut self) {
        if self.fill - self.used > self.mask / 4 {
            self.resize(self.growth_target());
        }
    }
}

/// CPython's `set_insert_clean`: puts a key known to be absent into a table
/// without dummies, at the first empty slot of its probe sequence.
fn insert_clean<K>(table: &mut [Slot<K>], mask: usize, hash: i64, key: K) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].key.is_none() {
            break;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(j) = (i + 1..=i + LINEAR_PROBES).find(|&j| table[j].key.is_none()) {
                i = j;
                break;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
    table[i] = Slot {
        hash,
        key: Some(key),
    };
}

impl<K: Clone> SetTable<K> {
    /// The merge steps of CPython's `set_merge(self, other)` that need no key
    /// comparison. Returns `true` when the merge is complete; `false` when the
    /// caller must still add every `(hash, key)` of `other.iter_hashed()`, in
    /// that order, with its own add procedure (probe + compare + insert).
    ///
    /// Steps: nothing to do if `other` is empty; [`SetTable::reserve_for_merge`]
    /// for `other.len()` keys; then, if `self` has no live or dummy slot: copy
    /// `other`'s layout slot for slot when both have the same size and `other`
    /// has no dummies, else insert `other`'s keys with `set_insert_clean`.
    ///
    /// CPython does nothing at all for `a.update(a)`: callers check identity first.
    pub fn merge_fast_path(&mut self, other: &SetTable<K>) -> bool {
        if other.used == 0 {
            return true;
        }
        self.reserve_for_merge(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.mask == other.mask && other.fill == other.used {
            for (dst, src) in self.slots.iter_mut().zip(other.slots.iter()) {
                if let Some(k) = &src.key {
                    dst.hash = src.hash;
                    dst.key = Some(k.clone());
                }
            }
        } else {
            let mask = self.mask;
            for s in other.slots.iter() {
                if let Some(k) = &s.key {
                    insert_clean(&mut self.slots, mask, s.hash, k.clone());
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.mutations = self.mutations.wrapping_add(1);
        true
    }

    /// CPython's `set_merge` (`self.update(other)`, `self |= other`, with
    /// `other` a set) for keys whose equality `eq(stored, new)` is pure.
    pub fn merge_with(&mut self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) {
        if self.merge_fast_path(other) {
            return;
        }
        for (h, k) in other.iter_hashed() {
            self.insert_with(h, k.clone(), &mut eq);
        }
    }

    /// The table CPython builds for `s.copy()`, `set(s)` and `frozenset(s)`
    /// (a merge into a new empty set): same order as CPython's copy. Unlike
    /// [`Clone::clone`], which duplicates the exact layout (dummies, finger),
    /// this drops dummies and may shrink the table.
    pub fn copy(&self) -> SetTable<K> {
        let mut t = SetTable::new();
        t.merge_fast_path(self);
        t
    }

    /// `a | b` / `a.union(b)` for a set `b`: `a.copy()` then merge `b`.
    /// When `a` and `b` are the same object CPython returns just `a.copy()`.
    pub fn union(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        let mut r = a.copy();
        r.merge_with(b, &mut eq);
        r
    }

    /// `a & b` for sets (CPython's `set_intersection`): iterate the smaller
    /// set (`b` when sizes are equal) in table order, and add each key that
    /// the other set contains to a new set. Keys come from the iterated set.
    /// When `a` and `b` are the same object CPython returns `a.copy()`
    /// instead: callers check identity first.
    pub fn intersection(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        let (so, other) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut r = SetTable::new();
        for (h, k) in other.iter_hashed() {
            if so.contains_with(h, |x| eq(x, k)) {
                r.insert_with(h, k.clone(), &mut eq);
            }
        }
        r
    }

    /// `a.intersection(iterable)` for a non-set iterable of `(hash, key)`
    /// (CPython's `set_intersection` slow path): each key that `a` contains is
    /// added to a new set, and the loop stops once the result is as large as `a`.
    pub fn intersection_iter(
        a: &SetTable<K>,
        iterable: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        let mut r = SetTable::new();
        for (h, k) in iterable {
            if a.contains_with(h, |x| eq(x, &k)) {
                r.insert_with(h, k, &mut eq);
                if r.used >= a.used {
                    break;
                }
            }
        }
        r
    }

    /// `a &= b` / `a.intersection_update(b)` for a set `b`: computes
    /// [`SetTable::intersection`] and swaps it in with
    /// [`SetTable::replace_contents`]; returns the old contents.
    /// (Same object: CPython swaps in `a.copy()`.)
    pub fn intersection_update(
        &mut self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        let r = SetTable::intersection(self, other, eq);
        self.replace_contents(r)
    }

    /// `a -= b` / `a.difference_update(b)` for a set `b` (CPython's
    /// `set_difference_update_internal`): if `b` has more than 8 times as many
    /// keys as `a` (`len(b) >> 3 > len(a)`), iterate `a & b` instead of `b`;
    /// discard each iterated key from `a`; finally
    /// [`SetTable::compact_after_discards`]. (Same object: CPython clears `a`.)
    pub fn difference_update(&mut self, other: &SetTable<K>, mut eq: impl FnMut(&K, &K) -> bool) {
        if (other.used >> 3) > self.used {
            let tmp = SetTable::intersection(self, other, &mut eq);
            for (h, k) in tmp.iter_hashed() {
                self.remove_with(h, |x| eq(x, k));
            }
        } else {
            for (h, k) in other.iter_hashed() {
                self.remove_with(h, |x| eq(x, k));
            }
        }
        self.compact_after_discards();
    }

    /// `a - b` for sets (CPython's `set_difference`): if `len(a) >> 2 > len(b)`,
    /// `a.copy()` then [`SetTable::difference_update`]; otherwise a new set
    /// receiving, in `a`'s table order, the keys of `a` not in `b`.
    pub fn difference(
        a: &SetTable<K>,
        b: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        if (a.used >> 2) > b.used {
            let mut r = a.copy();
            r.difference_update(b, eq);
            return r;
        }
        let mut r = SetTable::new();
        for (h, k) in a.iter_hashed() {
            if !b.contains_with(h, |x| eq(x, k)) {
                r.insert_with(h, k.clone(), &mut eq);
            }
        }
        r
    }

    /// `a ^= b` / `a.symmetric_difference_update(b)` for a set `b`: for each
    /// key of `b` in table order, discard it from `a`, or add it if it was
    /// absent. (Same object: CPython clears `a`. For a non-set iterable, CPython
    /// first builds a set from it, then proceeds as here.)
    pub fn symmetric_difference_update(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> bool,
    ) {
        for (h, k) in other.iter_hashed() {
            if self.remove_with(h, |x| eq(x, k)).is_none() {
                self.insert_with(h, k.clone(), &mut eq);
            }
        }
    }

    /// `a ^ b` for sets: `b.copy()`, then the symmetric difference update with `a`.
    pub fn symmetric_difference(
        a: &SetTable<K>,
        b: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> bool,
    ) -> SetTable<K> {
        let mut r = b.copy();
        r.symmetric_difference_update(a, eq);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashing::{hash_bigint, hash_i64};
    use num_bigint::BigInt;

    type T = SetTable<i128>;

    fn h(v: i128) -> i64 {
        match i64::try_from(v) {
            Ok(x) => hash_i64(x),
            Err(_) => hash_bigint(&BigInt::from(v)),
        }
    }

    fn eq(a: &i128, b: &i128) -> bool {
        a == b
    }

    fn build(list: &[i128]) -> T {
        let mut t = T::new();
        for &v in list {
            t.insert_with(h(v), v, eq);
        }
        t
    }

    fn check_invariants(t: &T) {
        let live = t.slots.iter().filter(|s| s.key.is_some()).count();
        let dummies = t
            .slots
            .iter()
            .filter(|s| s.key.is_none() && s.hash == DUMMY_HASH)
            .count();
        assert_eq!(live, t.used);
        assert_eq!(live + dummies, t.fill);
        assert!(t.fill < t.slots.len());
        assert_eq!(t.slots.len(), t.mask + 1);
        assert!(t.slots.len().is_power_of_two() && t.slots.len() >= MIN_SIZE);
        for (_, hh, k) in t.iter_slots() {
            assert_eq!(hh, h(*k));
            assert!(t.find_with(hh, |x| x == k).is_some());
        }
    }

    #[test]
    fn print_order_examples() {
        // print({3, 1, 2, 10, 100}) -> {1, 2, 3, 100, 10}
        let t = build(&[3, 1, 2, 10, 100]);
        assert_eq!(
            t.iter().copied().collect::<Vec<_>>(),
            vec![1, 2, 3, 100, 10]
        );
        // print({-1, -2}) -> {-1, -2} (same hash, linear probe)
        let t = build(&[-1, -2]);
        assert_eq!(t.iter().copied().collect::<Vec<_>>(), vec![-1, -2]);
    }

    #[test]
    fn probe_api_and_staleness() {
        let mut t = build(&[1, 2, 3]);
        let mut p = t.probe(h(9));
        let v = match p.next(&t) {
            SetProbeStep::Vacant(v) => v,
            other => panic!("{other:?}"),
        };
        assert_eq!(p.next(&t), SetProbeStep::Vacant(v));
        t.insert_new(h(10), 10);
        assert_eq!(t.insert_vacant(v, 9), Err(9));
        // A stale cursor restarts.
        let mut p = t.probe(h(10));
        t.insert_new(h(11), 11);
        match p.next(&t) {
            SetProbeStep::Candidate(s) => assert_eq!(t.key_at(s), Some(&10)),
            other => panic!("{other:?}"),
        }
        assert_eq!(t.key_at(10_000), None);
        assert_eq!(t.take_slot(10_000), None);
        check_invariants(&t);
    }

    #[test]
    fn pop_all_and_clear() {
        let mut t = build(&(0..100).collect::<Vec<_>>());
        let mut seen = Vec::new();
        while let Some(k) = t.pop_arbitrary() {
            seen.push(k);
            check_invariants(&t);
        }
        seen.sort();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
        assert!(t.is_empty());
        t.insert_new(h(5), 5);
        t.clear();
        assert!(t.is_empty() && t.slot_count() == MIN_SIZE);
        check_invariants(&t);
    }

    #[test]
    fn dummies_never_fill_the_table() {
        // Insert/remove cycles with distinct keys must keep an empty slot.
        let mut t = T::new();
        for i in 0..10_000i128 {
            t.insert_with(h(i), i, eq);
            if i % 3 != 0 {
                t.remove_with(h(i), |x| *x == i);
            }
            assert!(t.fill < t.slots.len());
        }
        check_invariants(&t);
        assert!(t.find_with(h(-5), |x| *x == -5).is_none());
    }

    /// Same generator as `gen_set.py`'s `SplitMix`.
    struct SplitMix(u64);
    impl SplitMix {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
    }

    /// Must match `pool_for` in the generator script.
    fn pool_for(flavor: u32, seed: u64) -> Vec<i128> {
        let mut g = SplitMix(seed);
        let m: i128 = (1 << 61) - 1;
        let v: Vec<i128> = match flavor {
            0 => (0..30).collect(),
            1 => (-20..21).collect(),
            2 => (0..40).map(|_| g.next() as i64 as i128).collect(),
            3 => {
                let mut out: Vec<i128> = (0..30)
                    .map(|_| {
                        let (x, y) = (g.next(), g.next());
                        let v = ((x as i128) << 37) | (y >> 27) as i128;
                        if y & 1 == 1 {
                            -v
                        } else {
                            v
                        }
                    })
                    .collect();
                out.extend(-5..6);
                out
            }
            4 => {
                let mut out = Vec::new();
                for k in -3..4 {
                    for s in [0, 1, 2, 5, 8, 13] {
                        out.push(k * m + s);
                    }
                }
                out.extend([-1, -2, 1 << 64, (1 << 64) + 1]);
                out
            }
            5 => (0..400).collect(),
            6 => {
                let mut out: Vec<i128> = (0..60).map(|x| x * 8).collect();
                out.extend((0..20).map(|x| x * 1024));
                out
            }
            _ => (0..50)
                .map(|_| (g.next() % 2_000_001) as i128 - 1_000_000)
                .collect(),
        };
        let mut seen = std::collections::HashSet::new();
        v.into_iter().filter(|x| seen.insert(*x)).collect()
    }

    /// Replays one generated case; returns the number of compared outputs.
    fn replay(pool_line: &str, ops_line: &str, expect_line: &str) -> usize {
        let (flavor, seed) = pool_line.split_once(' ').unwrap();
        let pool = pool_for(flavor.parse().unwrap(), seed.parse().unwrap());
        let list = |s: Option<&str>| -> Vec<i128> {
            match s {
                None | Some("") => Vec::new(),
                Some(s) => s
                    .split(',')
                    .map(|i| pool[i.parse::<usize>().unwrap()])
                    .collect(),
            }
        };
        let expected: Vec<&str> = expect_line.split('|').collect();
        let mut out: Vec<String> = Vec::new();
        let idx = |v: &i128| pool.iter().position(|p| p == v).unwrap().to_string();
        let mut env: [T; 3] = [T::new(), T::new(), T::new()];
        let var = |s: &str| (s.as_bytes()[0] - b'a') as usize;
        for op in ops_line.split(';') {
            let f: Vec<&str> = op.split(' ').collect();
            match f[0] {
                "N" => env[var(f[1])] = build(&list(f.get(2).copied())),
                "+" => {
                    let v = list(Some(f[2]))[0];
                    env[var(f[1])].insert_with(h(v), v, eq);
                }
                "-" | "R" => {
                    let v = list(Some(f[2]))[0];
                    let r = env[var(f[1])].remove_with(h(v), |x| *x == v);
                    assert!(f[0] == "-" || r.is_some());
                }
                "P" => {
                    let v = env[var(f[1])].pop_arbitrary().unwrap();
                    out.push(idx(&v));
                }
                "C" => env[var(f[1])].clear(),
                "?" => out.push(
                    env[var(f[1])]
                        .iter()
                        .map(&idx)
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                "U" => {
                    let (x, y) = (var(f[1]), var(f[2]));
                    if x != y {
                        let other = env[y].clone();
                        env[x].merge_with(&other, eq);
                    }
                }
                "UL" => {
                    for v in list(f.get(2).copied()) {
                        env[var(f[1])].insert_with(h(v), v, eq);
                    }
                }
                "UD" => {
                    let mut keys = list(f.get(2).copied());
                    let mut seen = std::collections::HashSet::new();
                    keys.retain(|k| seen.insert(*k));
                    let t = &mut env[var(f[1])];
                    t.reserve_for_merge(keys.len());
                    for v in keys {
                        t.insert_with(h(v), v, eq);
                    }
                }
                "K" => env[var(f[1])] = env[var(f[2])].copy(),
                "O" | "A" | "D" | "X" => {
                    let (z, x, y) = (var(f[1]), var(f[2]), var(f[3]));
                    let (a, b) = (&env[x], &env[y]);
                    let r = match f[0] {
                        "O" if x == y => a.copy(),
                        "O" => T::union(a, b, eq),
                        "A" if x == y => a.copy(),
                        "A" => T::intersection(a, b, eq),
                        "D" => T::difference(a, b, eq),
                        _ => T::symmetric_difference(a, b, eq),
                    };
                    env[z] = r;
                }
                "IA" | "ID" | "IX" => {
                    let (x, y) = (var(f[1]), var(f[2]));
                    let other = env[y].clone();
                    let t = &mut env[x];
                    match (f[0], x == y) {
                        ("IA", true) => {
                            let c = t.copy();
                            t.replace_contents(c);
                        }
                        ("IA", false) => {
                            t.intersection_update(&other, eq);
                        }
                        ("ID", true) | ("IX", true) => t.clear(),
                        ("ID", false) => t.difference_update(&other, eq),
                        _ => t.symmetric_difference_update(&other, eq),
                    }
                }
                "AL" => {
                    let (z, x) = (var(f[1]), var(f[2]));
                    let items = list(f.get(3).copied()).into_iter().map(|v| (h(v), v));
                    env[z] = T::intersection_iter(&env[x], items, eq);
                }
                "DL" => {
                    let t = &mut env[var(f[1])];
                    for v in list(f.get(2).copied()) {
                        t.remove_with(h(v), |x| *x == v);
                    }
                    t.compact_after_discards();
                }
                "XL" => {
                    let tmp = build(&list(f.get(2).copied()));
                    env[var(f[1])].symmetric_difference_update(&tmp, eq);
                }
                "OL" => {
                    let (z, x) = (var(f[1]), var(f[2]));
                    let mut r = env[x].copy();
                    for v in list(f.get(3).copied()) {
                        r.insert_with(h(v), v, eq);
                    }
                    env[z] = r;
                }
                other => panic!("unknown op {other}"),
            }
            for t in &env {
                check_invariants(t);
            }
        }
        assert_eq!(out, expected, "case {pool_line} / {ops_line}");
        out.len()
    }

    #[test]
    fn cpython_generated_cases() {
        let mut lines = CPY_SET_CASES.lines().filter(|l| !l.is_empty());
        let (mut cases, mut outputs) = (0, 0);
        while let Some(pool) = lines.next() {
            let ops = lines.next().unwrap();
            let expect = lines.next().unwrap();
            outputs += replay(&pool[1..], ops, &expect[1..]);
            cases += 1;
        }
        assert!(
            cases >= 300 && outputs >= 1000,
            "{cases} cases, {outputs} outputs"
        );
    }

    /// Generated by running random programs on CPython 3.11 (whose set
    /// implementation matches 3.13's): per case, a line `V<flavor> <seed>`
    /// naming the pool of ints (see `pool_for`), a line of `;`-separated
    /// operations whose operands are pool indices (`N a 1,2` = `a = set([...])`,
    /// `+`/`-`/`R`/`P`/`C` = add/discard/remove/pop/clear, `U`/`UL`/`UD` =
    /// update from a set/list/dict, `K` = copy, `O`/`A`/`D`/`X` = `| & - ^`,
    /// `IA`/`ID`/`IX` = `&= -= ^=`, `AL`/`DL`/`XL`/`OL` = intersection /
    /// difference_update / symmetric_difference_update / union with a list,
    /// `?` = `list(s)`), and a line `=` with the printed lists and popped
    /// values, `|`-separated.
    // BEGIN GENERATED CPY_SET_CASES
    const CPY_SET_CASES: &str = r#"
V2 2553797965
N a 11,20,6,35,27,37;N b 21,9,0,5,17,35,31,11,0,9;N c 11,31,10,20,22,12,21,35,9,10,20,22,3,27;IA b c;U c c;U c a;IX a a;? a;? b;? c
=|11,9,21,35,31|37,11,9,12,10,22,21,20,35,3,27,31,6
V4 810114153
N a 2,14,21,42,17,10,33,38,27,2,22,5,43,32,6,7,16,17;N b 27,38,40,3,19,38;N c 3,35,28,18,7,8,27,17,20,35,36,44,22,4;IA c a;ID a b;- b 7;- b 38;- b 4;- b 12;- b 30;- a 15;- a 5;- a 25;- a 18;- a 16;XL c 27,2,36,38,39,24,37,35;? a;? b;? c
=6,14,2,21,33,22,10,32,7,17,43,42|19,27,3,40|36,24,7,38,2,37,39,22,35,17
V7 1840356619
N a 36,40,49,45,37,41,6,44,4,20,6,12,29,5,7,27,25,43;N b 33,7,24,9,23,16,19,6,25;N c 17,16,8,31,13,3,24,2,22,28,13,33,41;+ c 25;A b c c;A c b a;+ a 36;+ a 46;+ a 43;ID b a;D b c b;UL a 43,18,35,33,33,19,15,19,22,1,9,46,42;UL c 46,27,2;O c a a;D b c b;IX c c;? a;? b;? c
=29,9,6,45,4,40,19,27,37,25,36,42,1,12,20,33,5,49,46,7,35,43,18,41,15,22,44|37,29,9,6,36,42,1,45,4,12,20,33,40,5,49,46,19,7,35,43,18,27,15,22,44|
V3 4041808103
N a 36,38,1,29,33,34,36,13,33,37,30,29,4,37,39;N b 18,5,0,20,10,40,11,28,12,21,30,21,5,14,40,19,16,0,21;N c 16,13,2,29,32,40,12,30,13,25,3,35,23,9,25;O a a c;UL b 13,26,11,16,33,6,11,3,18,34,17,14;UL a 36,16,25,34,18,40,31,5,27,16;D c b b;UL a 13,38,10,12,34,18;DL c 35,2,2,37,13,13,10,8,5,19,34,23,30;+ c 5;+ c 22;+ c 33;+ c 14;+ c 18;+ c 31;+ c 0;ID b b;U b c;+ b 24;+ b 10;IX b b;? a;? b;? c
=35,36,37,38,39,40,12,9,16,4,27,5,23,29,3,25,18,1,13,33,10,2,30,31,32,34||14,18,0,5,31,33,22
V3 565354103
N a 0,19,27,2,14,36,26,34,31,0,14;N b 23,8,35,38,25,23,5;N c 10,21,39,32,31,10,17,23,0,24,30,26;+ b 29;+ b 32;+ b 2;UL c 1,5,14,39;- a 4;- a 2;- a 19;X c a b;P c;P c;P c;? a;? b;? c
=35|36|38|36,27,0,26,14,31,34|35,38,29,25,8,2,23,5,32|29,27,25,8,2,0,26,23,5,14,31,32,34
V6 2100161246
N a 61,73,68,9,62,66,77,30,34,74,24,45,62,38;N b;N c 53,68,21,47,24,69,70,12,71,4,60,58,49;D c b b;D a c a;O a b b;K c b;X a a a;U a a;X c b b;IX c b;ID b a;D a c b;U a a;- a 2;- a 71;- a 60;- a 46;? a;? b;? c
=||
V5 1564712679
N a 216,162,214,147,215,271,282,264,374,194,214,297,139,115,48,105;N b 233,210,162,23,284,395,219,101,129,338,307,237;N c 32,101,284,176,316,88,148,364,365,61,376,352,394,330,117,64,384,243,184,317;P a;P a;P a;U c b;- a 341;- a 135;UD c 361,336,198,172,255,340,385,116,174,231,348,381,67;X a b c;P c;P c;P c;P c;- b 11;- b 9;UD c 233,98,278,194,189,175;OL c c 142,108,88,39,80;? a;? b;? c
=162|194|264|384|129|385|394|384,385,394,148,32,172,174,176,184,316,61,317,64,67,198,330,336,340,88,348,352,231,361,364,365,243,116,117,376,381,255|129,162,101,233,395,237,210,338,307,23,219,284|395,142,148,278,23,284,32,162,39,172,174,175,176,307,184,316,61,317,189,64,194,67,198,330,336,80,210,338,340,88,219,348,352,98,101,231,233,361,364,365,237,108,243,116,117,376,381,255
V7 4104009275
N a 46,40,12,43,11,25,23;N b;N c;A c c b;UL b 15,6,33,30,22,28,30,4,15,28,26,41,30;- a 8;- a 7;- a 33;- a 34;UL a 18,14,14,21,45,45,0,10,27,36,2,30,30;? b;? a;? b;? c
=6,15,4,26,41,28,22,33,30|43,25,23,14,21,10,46,18,0,12,45,11,36,2,27,40,30|6,15,4,26,41,28,22,33,30|
V5 777035359
N a 316,279,295,216,119,358,242,11,184,290,111,331,79,252,205,193,161;N b 235,39;N c 61,53,187,181,287,316,373,193,111,371;+ b 57;+ b 267;+ b 210;+ b 174;+ b 386;+ b 188;+ b 203;D c b c;UL a 265,174,248,275,98,238,56,331,237,357;U a b;A a b c;UL a 90,374,181,8,60,70,187,160;? a;? b;? c
=160,386,70,39,8,267,235,203,174,60,210,181,374,57,90,187,188|386,39,267,235,203,174,210,57,188|386,39,267,235,203,174,210,57,188
V7 148003686
N a 19,34;N b 29,3,26,43,3,21,10,20,33,3,1,15,20,45,21;N c 22,13,10,13,32,35,48,19,13,31,19;- c 5;- c 48;- c 31;- c 36;+ c 38;+ c 2;+ c 8;+ c 35;X b b b;P c;UD a 24,33,39,6;X a b b;XL c 16,25,36,11,1,43,46,48,39;+ c 6;+ c 40;+ c 29;+ c 36;+ c 18;+ c 45;+ c 42;OL a b;A c b c;+ c 20;+ c 37;+ c 1;+ c 5;+ c 42;+ c 42;? a;? b;? c
=10|||20,1,37,5,42
V5 3922790865
N a 96,125,59,324,10,222,375,269,201,390,251,31;N b 165,55,125,101,136,313,228,311,172,397,83,164;N c 178,386,297,174,264,300,39,35,150,127,372,147,134,26,17,124;AL b a 364,106,351,188,387,398,383;IX b c;A b a a;? a;? b;? c
=96,324,390,201,10,269,251,375,59,125,222,31|96,324,390,201,10,269,251,375,59,125,222,31|386,35,134,39,264,297,300,174,17,178,147,372,150,26,124,127
V4 1553489855
N a 31,37,8,34,15,27,19,18,12;N b 22,21,28,3,28,8,24,28;N c 44,6,43,22;U c a;P b;P b;P b;P b;+ a 15;+ a 37;+ a 19;+ a 36;X c c b;+ a 10;D c b b;UL c;O c b b;? a;? b;? c
=24|8|21|3|18,31,37,8,19,27,15,12,34,36,10|22,28|22,28
V0 3044862287
N a 3,23,5,27,12,5,6,26;N b 26,10,10,4,13,19,15;N c 23,14,4,24,18,27,14,1,22,20,24,1,11,5,16,13,3,7,17,15;D a c a;U c b;+ a 28;IA b b;UD b 27,15,11,26,18,13,0,11,16,19,15,12;P c;- c 3;- c 24;DL b 6;UL c 0,21,5,18,26,6,9,3,24,18,5;ID c c;D a c b;A b b c;? a;? b;? c
=1|||
V0 2330998674
N a 2,3,9,20,12,2,19,25,21,3,11,18,23;N b 24,19,19,26,20,0,21;N c 23,1,21,1,18,11,15;+ a 21;+ a 1;+ a 27;+ a 5;+ a 1;O b b b;ID a c;- a 18;- a 15;O c c c;- c 9;- c 19;- c 16;OL b a 5,18,13,19,20,17,28,0,25,20,22,27,20,22;UL a 27,26,20,15,2,13,19,14,6,4,15;A b b b;XL b 24,4,11,7,4;UD b 19,24,2,17,10,3,3,24,24,9,14,16,26;X a c c;U b a;X a c a;K b c;OL b b 4,24,0,13,1,22,7,8;? a;? b;? c
=1,11,15,18,21,23|0,1,4,7,8,11,13,15,18,21,22,23,24|1,18,21,23,11,15
V3 1559896485
N a 18,25;N b 4,26,1,2,10,24,5,0,25,11,25,31,13,2,26,35,14,31,32;N c 13,24,8,16,40,3,8,25,4,7,32;A c b b;- a 23;- a 32;- a 3;- a 2;- a 3;AL a a 9,20,30,28,6,5,31,2,4;A c b b;OL c a 6,12;- a 14;+ c 23;+ c 5;+ c 28;+ c 18;+ c 8;+ c 31;+ c 26;D c a c;A b a b;- c 30;- c 2;- c 34;- c 37;- c 40;- c 37;K a c;D a b b;? a;? b;? c
=||
V0 3925880988
N a 15,2,10;N b 28,26,11,22,18,23,26,6,3,16,27,6,14,0;N c 20,17,2,4,21,3,27,5,17;O b a a;A b a b;A b c b;U b b;X a b c;? c;R c 21;U c c;P a;P a;P a;AL c b 20,24,15,10,8;+ c 11;A b c c;+ c 4;+ c 7;+ c 21;+ c 20;+ c 5;+ c 8;+ c 20;+ c 18;- c 18;- c 4;- c 24;- c 13;? a;? b;? c
=2,3,4,5,17,20,21,27|3|4|5|17,20,21,27|11|5,7,8,11,20,21
V5 3035747629
N a 177;N b 162,168,207,49,293,398,369,392,170,214,251,27;N c 42,379,127,335,72,277,192,184,278,104,76,95,161,10,247,1,284,199,252,160,72,26,20,38,179,369,339,216,243,234,288,351,97,294,30,7,230,351,311,293,269,139,263,137,394,263,124,241,397,269,322,244,189,256,322,339,24,351,274,101,72,3,192,290,132,291,77,335,147,215,193,36,146,171,45,297,94,286,73,72,149,309,232,187,12,160,391,0,212,138,76,77,268,228,12,220,182,393,328,164,366,18,107,249,174,197,189,112,327,100,347,192,67,14,199,377,126,64,384,85,332,27,227,66,258,37,100,285,151,160,239,48,233,383,148,19,223,128,115,90,38,323,265,168;ID c c;+ c 93;+ c 66;+ c 148;+ c 233;R b 392;A a b a;- a 332;- a 137;- a 102;- a 49;- a 68;- a 154;- a 213;- a 338;A c a a;AL b b 87,394,111,197,8;O b c a;? b;? a;? b;? c
=|||
V3 3785041898
N a 30,30,31,14,11,12,17,12,20,2,16,31,23,19,2,29;N b 29,18,30,24,1,25,13,0,36,35,17,24,31,35,34,10,16;N c 3,3,39;P b;U b b;+ a 35;+ a 40;+ a 16;+ a 36;+ a 35;+ a 19;+ a 11;+ a 12;X c c c;- c 7;- c 7;- c 40;IX c b;ID b a;K b b;? a;? b;? c
=35|35,36,29,23,40,30,20,12,2,19,17,16,14,31,11|10,24,1,18,0,13,25,34|36,29,24,1,0,10,25,18,17,13,16,30,31,34
V3 2419813803
N a 14;N b 25,10,7,16,29;N c 6,29,36,23,4,26,34,35,24,18,8,13,30,22;? c;+ b 21;+ b 31;+ b 16;+ b 8;+ b 17;+ b 26;P b;P b;P b;P c;P c;ID b c;? a;? b;? c
=35,36,22,29,4,6,8,13,24,23,26,18,30,34|16|29|10|35|36|14|7,17,21,25,31|22,29,4,6,8,13,24,23,26,18,30,34
V5 447131723
N a 131,116,201,309,334,256,107,132,186,87,186,203,393,234,138;N b 231,254,373,298,183,108,384,276,130;N c 291;O c c a;R b 276;IA b b;UD b 245,118,121,111,309,284,355,115,350,336,179,329,243,11,143;IX c a;XL c 89,140,2,162;- a 392;- a 262;- a 168;- a 5;- a 98;- a 102;- a 387;A b a b;IX b b;ID b b;X c b c;OL c b;? a;? b;? c
=256,131,132,201,393,107,203,234,334,138,116,309,87,186||
V2 3811429623
N a 21;N b;N c 18,22,15,5,28,15,17,5,20,28,15,12,32,28,4,12,17;X b b b;+ c 23;UD c 6,0,13,26,8,8,5,37;O c a c;+ a 19;+ a 29;+ a 14;+ a 1;+ a 38;+ a 4;K b b;X a b b;X a a b;? a;? b;? c
=||28,20,22,26,37,18,17,13,32,4,23,6,5,15,8,12,0,21
V2 4165020989
N a 29,9,6,18,23,37,32,21,15,18,4,33,7,12,37,34;N b 36,13,27,12,19,16,2,37,20,18,33,6,27,6,10;N c;UL b 31,38,31,6,10,34,12,16,24;- a 38;IA c c;UD a 15;IA c a;P b;P b;P b;P b;XL a 13,19,17,39,5,5,12,29,7,36,19;AL b a 3,28,3,8,33;? a;? b;? c
=33|12|38|10|4,21,37,13,6,18,23,36,15,17,19,32,39,34,33,9,5|33|
V3 4087396564
N a 17,7,37,34,18,9,39,23,13,36,27,21,40,26;N b 11,40,26,8,21,13,13,12,12,24,35,5,13;N c 40,6,26,29,19,16,2,5,30,1,7,25,25,4,10,36,35;O c b c;U b b;P a;P a;P a;P a;ID a a;? a;? b;? c
=36|37|39|40||35,40,24,11,13,26,12,21,5,8|35,36,40,24,26,25,21,7,8,4,2,1,11,6,10,13,29,19,5,16,30,12
V6 3637919724
N a 52,36;N b 51,59,68,52,0,73,30,12,75;N c 5,33,51;D a c c;IA b a;OL b c 74,50,25,40,10,76,61,72,8;ID c b;OL c b 65,37,28,58;X c a b;K b b;O c a a;O c a b;UD b;UD a 70,49,77;- a 2;- a 67;- a 3;- a 61;- a 74;IA c a;? a;? b;? c
=70,77,49|74,40,76,61,72,8,5,33,25,50,10,51|
V5 3841875582
N a 41,33,164,356,100,114;N b 354,240,290,164,42,276,114;N c 396,12,207,322,13,7,77,2,133,371,193,12,274,66,288,233,280,40,36,101;X b a b;+ c 233;+ c 384;+ c 58;+ c 51;+ c 278;+ c 350;IX a a;- a 39;- a 186;- a 196;- a 87;- a 376;- a 37;IX c a;R b 240;AL a b 130,165,328,345,198,133,69,368,23,9;O c a a;IX a b;+ a 132;+ a 205;? a;? b;? c
=33,354,290,100,356,132,41,42,205,276|276,33,354,290,100,356,41,42|
V3 2304371658
N a 30,38,37;N b 34;N c 12,30,8,0,36,40,15,4,7,37,4,40,0,24,6;IX c b;+ c 7;+ c 37;+ c 9;+ c 31;+ c 10;+ c 1;+ c 5;+ c 36;ID a b;IA b b;+ b 0;IX a a;U c a;? c;K c a;? a;? b;? c
=36,37,24,40,8,9,10,15,1,6,7,34,5,4,0,30,31,12||0,34|
V5 3267379639
N a 61,53,383,136,159,255,243,383,19;N b 223,362,274,342,47,73,327,42,141;N c 197,385,89,146,296,88;- b 266;- b 67;- b 29;- b 173;- b 204;- b 159;AL b c 345,141,349,290,265,24,393,338;UD c 301,293,195,210,268,36,321,90,305,247,47,287,343;? c;A a a b;? a;? b;? c
=385,321,195,197,268,146,210,343,88,89,90,287,36,293,296,301,47,305,247|||385,321,195,197,268,146,210,343,88,89,90,287,36,293,296,301,47,305,247
V6 1111868800
N a 66,27,61,43,1,26,32,60,63,76,10,42,63,52,31,14,31,5,9;N b 31,75;N c 31,45,27,40,22,3,41,64,70,57,44;A b b a;D a b c;X c c b;- a 17;- a 48;- a 53;- a 43;? a;? b;? c
=|31|64,40,44,70,45,41,57,22,3,27
V4 2270711044
N a 29,39,1,14,17,41;N b 4,11,16,33,25,1,35,39,15,30,1,29,27,0;N c 6,29;X a c b;D b a a;P c;P c;C c;? c;U b b;IX b c;UD a 16,1,1,30,25,8,21;XL b;- b 34;- b 28;- b 8;- b 26;O c b c;- c 0;U a c;O a b a;? a;? b;? c
=6|29||30,25,1,0,6,33,39,15,27,4,16,8,21,35,11||
V5 2914080084
N a 376,77,75,215,327,339,106,140,48,202,221,185,55,234,136,177,144,21;N b 62,287,39,227,254,351,301,161,265;N c 217,196,183,209,165,223,88,161,339,165,49,192,70,184,128,198,104;DL a 38,312,190,216,256,56,91,294,54,49,361,169,9,308,104,66,145,260,153,342,136,9,217,126,96,272,234,124,136,333,363,12,75,307,131,74,261,227,205,55,117,183,9,74,168,78,289,188,114,6,233,77,320,62,216,28,210,115,247,250,180,254,176,226,188,396,56,196,164,265,291,72,393,323,340,266,93,295,223,283,0,230,285,298,107,368,369,96,199,386,66;C a;AL c b 357,303,175,398,58,236,48,385,258,245,68;+ a 43;? a;? b;? c
=43|161,227,351,39,265,301,62,254,287|
V7 3044540641
N a 29,3,13,6,44,3,4,37,20,46,15,12,21,3,43,19;N b 0;N c 31,13,21,5,19,14,48,48,23,46,30;D b c a;X a c c;K a b;X b c c;U a c;? a;? b;? c
=46,21,19,13,48,14,31,30,23,5||14,31,46,30,21,23,19,13,5,48
V4 1169190821
N a 14,39,26,12,14,43,22,33,24,18,0,15,22,25,7,34,24,44,37;N b 35,21,45,36,18,25,19;N c 3;ID c a;A c c b;U a c;ID c a;+ a 14;+ a 6;+ a 45;- c 36;- c 31;- c 17;IX c a;IX a a;O b a c;OL c c 15,14,40,10,26,19,25,13,6;X a a a;- c 11;- c 10;- c 43;- c 28;- c 21;- c 15;- c 26;? a;? b;? c
=|12,24,26,14,18,39,33,0,22,15,25,7,34,44,37,6,45,43|12,24,14,18,39,33,0,22,25,7,34,44,37,6,45,40,13,19
V7 3582693260
N a 8,13,0,38,19,46,27,8,20,36,31,14,46,27,11,10,32;N b 38,47,2,15,36,17,38,5,19,14,39,48,35,27,22,11,45;N c 38,18,2,44,14,19,48,3,7,18,17,31,3,15;- a 3;XL a 10,11,2,22,42,31,10,20;D a a c;O b b a;A a a b;A b b b;A c c b;K b b;R a 32;+ c 18;+ c 0;+ b 1;+ b 41;+ b 20;+ b 27;O c b a;? a;? b;? c
=42,36,13,0,46,8,27,22|15,38,48,13,27,14,41,17,1,46,35,20,45,8,42,32,36,5,47,19,0,39,2,11,22|15,38,48,13,27,14,41,17,1,46,35,20,45,8,42,32,36,5,47,19,0,39,2,11,22
V3 2044174240
N a;N b 16,11,11,34,5,36,20,0,29,9,13,1,32,19,30,32,18,35;N c 5,1,24,37,26,28,24,30,10,3,6,21,30,23,5;+ c 14;+ c 11;+ b 26;+ b 37;+ b 38;+ b 25;+ b 28;+ b 24;+ b 7;+ b 34;U a a;+ b 39;+ b 13;+ b 37;A b c a;ID c c;+ b 1;+ b 11;+ b 22;+ b 10;+ b 0;+ b 2;D c b b;ID c c;+ a 30;+ a 37;+ a 6;+ a 14;+ a 11;D c b a;? a;? b;? c
=11,37,14,6,30|11,0,1,2,10,22|0,1,2,10,22
V4 562251906
N a 40,25,23,3;N b 41,27,17,21,36,44,18,13,0,1,15,37,29,37,15,36;N c 36,7,7,0,45,23,41;P a;- a 5;- a 21;- a 4;R a 25;K a c;R c 23;A b c c;P a;P a;P a;R a 23;A a b c;A a b c;A c a c;? a;? b;? c
=40|36|0|7|36,0,7,45,41|36,0,7,45,41|36,0,7,45,41
V7 2695101955
N a 23,23,10,20,43,33,44,44,27,28,29,44,34,43,23,28,27;N b;N c 39,35,24,24,15,27,26,13,10,11,42,48,44,6,24,43;- a 9;- a 12;- a 28;- a 40;+ c 45;A b b c;U a a;A c c b;- a 42;- a 10;P a;P a;P a;P a;OL a c 45,2,17,21,43,34,40,46,44,3,29,17,29,10;U a b;+ b 21;U a b;? a;? b;? c
=23|34|27|29|34,40,29,46,21,45,10,44,3,43,2,17|21|
V3 3908445705
N a 27,24,37,19,1,31,0,35,36,22,5,16,25,9,17,36,11;N b 28,11,39,13,23,17,8,5,5,26;N c 13;UD b 33,29,4,0,26,14,23,22,33,13;U c b;+ a 20;+ a 5;O c a c;P b;P b;P b;UL b 19,2,0,25,35,39,19,21,35,8,25,0,16,0;+ c 15;+ c 2;+ c 5;+ c 32;+ c 1;+ c 21;R b 14;+ b 24;+ b 30;+ b 9;+ b 6;+ b 35;+ b 7;+ b 19;O a c b;? a;? b;? c
=17|0|39|35,36,37,21,39,1,9,8,14,22,25,11,27,4,6,5,17,19,23,26,2,20,15,29,28,24,16,0,7,13,30,31,32,33|35,21,39,9,8,22,11,25,4,6,5,19,23,26,2,29,28,24,16,0,7,13,30,33|35,36,37,21,39,1,9,8,14,24,22,25,11,27,4,16,5,0,17,19,23,26,2,13,20,15,29,28,31,32,33
V1 3472765365
N a 10,29,39,10,8,4,4,34,2,31,18;N b 5,4,16,40,28,17,25,19,16,10,13,32,9,10,40,15,17,17,1,7;N c 8,13,8,27,33,24,4,8,2,36,9,15,26,20,15,29,24,15,27,11;A b a a;- a 7;- a 30;- a 23;- a 25;- a 14;- a 30;- a 11;- a 28;O c a c;K a b;- a 39;O b c a;D a b a;O c c b;- b 1;- b 4;- b 5;- b 1;- b 3;- b 25;+ c 17;+ c 9;+ c 27;+ c 8;+ c 23;X b b a;U a a;? a;? b;? c
=20,24,26,27,33,36,39,9,11,13,15|29,31,34,2,8,10,18|20,23,24,26,27,29,31,33,34,36,39,2,4,8,9,10,11,13,15,17,18
V3 3517953596
N a 40,12,32,17,29,31,34,26,6,25,31,39,20;N b 8,33,4,10,25,35,9,26,17,15,5,15,25,37,16,28;N c 5,36,25,20,37,19,15;DL b 28,21,8,32,8,31,1,11,38,30,33;- c 6;- c 40;- c 13;- c 11;- c 31;- c 29;- c 9;- c 31;U b a;P c;- c 20;- c 13;- c 36;- c 1;X b b c;X b b b;+ a 18;+ a 35;+ a 10;+ a 27;+ a 20;+ a 34;+ a 13;+ a 27;+ a 2;+ a 31;D b a c;XL a 38,7,28,40,40,21,9,20,3,34,16;? a;? b;? c
=36|35,38,39,29,17,25,18,28,26,27,12,16,6,7,3,13,21,10,9,2,31,32|35,39,40,29,17,6,20,18,26,10,27,12,2,13,31,32,34|37,5,25,15,19
V0 2255891687
N a 10,14,4,15,3,24,22,21,11,16,24,3,24,3,26,24,3,28,15,24;N b 12,16,7,27,13,11,27;N c 16,24,13,4,2,17,18,23,18,21,0;P a;+ b 25;+ b 21;+ b 16;+ b 20;+ b 24;+ a 0;+ a 28;+ a 3;+ a 18;+ a 19;+ a 11;D b c c;+ b 16;+ b 10;+ b 4;+ a 29;+ a 9;+ a 8;+ a 23;+ a 4;+ a 16;? a;? b;? c
=3|0,3,4,8,9,10,11,14,15,16,18,19,21,22,23,24,26,28,29|16,10,4|0,2,4,13,16,17,18,21,23,24
V6 2980982705
N a 11,5,0,64,55,70,76;N b 24,56,16,61,39,13,37,56,47,9,69,4;N c 30,50,43,17,9,56,25,39,8,9,21,42,47,41,25,3,9,66,25,41;K b c;D a a a;- b 14;- b 37;DL c 46,10,60,55,69,11,52;? a;? b;? c
=|56,8,39,66,47,9,17,25,21,41,30,50,42,43,3|56,8,39,66,47,9,17,25,21,41,30,50,42,43,3
V1 4201998468
N a 33,1,26,30,18,25,36,26,10,29,17,7,1,7,3,14;N b 9,21;N c 31,0,7,40,7,35,34,11,8,6,5,9,1,6;IA b a;+ a 40;+ a 4;- a 22;- a 33;UD a 17,2,21,6,1,30,20;+ c 1;+ c 12;+ c 37;D c a a;U a b;? a;? b;? c
=20,21,25,26,29,30,36,40,1,2,3,4,6,7,10,14,17,18||
V5 593027444
N a 54,234,25,58,34,13,399,185,324,152,255,150,202,188,147,138,148,380,305;N b 214,110,365,46,35,97,262;N c 211,111,23,51;+ c 328;+ c 372;+ c 379;+ c 341;+ c 301;+ c 36;+ c 91;+ b 206;+ b 216;A a a b;? a;? b;? c
=|97,35,262,365,46,110,206,214,216|36,328,91,301,111,51,211,372,341,23,379
V1 14803569
N a 29,19,21,11,12,16,34,10,25,15,10,25,31,33,27;N b 0,33,13,24,26,31,23,38,24;N c 18,36,1,19,13;U c c;+ b 13;+ b 39;+ b 7;+ b 7;+ b 30;+ b 8;+ b 38;- a 32;UD b 24,4,39,21,30,9,16,9,9,33,38,12,38;X a b b;? a;? b;? c
=|21,23,24,26,30,31,33,38,39,0,4,7,8,9,12,13,16|1,36,19,13,18
V6 1828255791
N a 31,76,64,77,60,1,53,55,8,33,74,49,43,70,7,40,74,37;N b 60,56;N c 45,67,30,42,69,52,22,23,19,5,21,56,40,48,5;P c;D a a c;UD a 29,71,55,22,17,20,62,78,42;O b c a;UL b 14,78;UD a 67,36,1,63,38,23,55,50,55,51,4,2,6;D c b c;K a b;XL c 48,63,45,18,77;U b a;O c a b;P c;P c;UD c 12,15,8,60,61,44,14,53;U a c;O c c b;DL b 78,32,21,50,0,43,44,71,10,35,49,15;? a;? b;? c
=67|69|48|69,48,76,64,77,60,74,70,71,1,33,49,17,19,52,20,5,21,53,37,22,23,7,55,56,40,8,61,42,43,15,12,62,78,44,45,29,30,14,31|69,48,76,64,77,60,74,70,1,33,17,19,52,20,5,53,37,22,23,7,55,56,40,8,42,62,45,29,30,14,31|61,76,64,77,60,74,70,71,1,33,49,17,48,19,52,20,5,21,53,37,22,23,7,55,56,40,8,69,42,43,12,62,78,44,31,45,29,30,14,15
V5 3274777746
N a 133,259,175,16,5;N b 42,245,225,310,164;N c 335,301,167,128,225,274,333,79,225,219,228,21,121,176;X c a c;K b c;ID a c;O c a c;X b a b;A c b a;UD c 318,56;D a b b;? a;? b;? c
=|128,259,5,133,333,335,79,16,274,21,219,225,228,167,301,175,176,121|56,318
V7 2013153762
N a 24,39;N b 9,21,18,13,41,40,39,15,37,47,9,19,31,40,26,33;N c 39,49,7,46,45,23,34,43,45,28,0,39,37,17,26,5,28;P c;P c;+ c 36;O a b b;UL a 38,31,2;- b 15;- b 26;- b 47;- b 32;- b 12;- b 1;IX b a;A c b b;K a b;DL c 25,39,27,35,9,35;UL a 28,21,31,36,28,45,13,0,47;X a c c;OL a a;U a a;IA b b;AL b c 4,28,46,32,0,19,41;? a;? b;? c
=43|5|||47,38,15,26,2
V3 3056997791
N a 27,15,32,28,15,4,21,32,20,24,14,19,32,36,17,5,4,37,4;N b 38,35,34,28,14,35,14,29,27,26,18,10,2,38,8,16,9,20,4,2;N c 35,26,24,15,39,1,33,8,14,5,6,4,1,35,30,22,15;R c 14;AL a c 8,8,12,27,22;R c 24;U b b;D a a b;? a;? b;? c
=22|35,10,38,2,27,9,20,29,28,26,16,8,18,14,4,34|35,22,39,30,5,26,15,1,8,6,4,33
V3 62671606
N a 28,11,14,29,13,4,29,4,7,1,15;N b 3,1,25,23,12,19,0,26,8,27,2,33,30,14,1;N c;O a c b;UL a 13,26,9,29,10;ID c b;U a c;U c b;- c 20;- c 15;X a b a;AL c a 30,21,6,17,27;XL a 7,29,1,0,15,22,30,22,0,36,22,23;U c c;IA a c;+ c 3;+ c 37;+ c 9;+ c 11;- b 7;- b 2;+ b 14;+ b 18;+ b 33;+ b 36;+ b 38;+ b 0;+ b 17;XL a 36,34,11,24,18,14,33,4,17;? a;? b;? c
=36,11,24,18,17,4,14,34,33|36,3,19,38,26,25,30,18,17,0,14,1,27,23,12,8,33|11,3,37,9
V1 4268575715
N a 0,38,13,17,29,20,17,5,22,39,8,29,32,19,40;N b 23,2,23,22,24,40,21,20,6,19,20,9,31,12,27,3,28,8;N c 25,17,12,1,37,18,30,28,10;IX b c;O a a a;- a 1;- a 15;- a 34;- a 3;- a 32;- a 23;UD b;O a b b;K b b;R a 19;? a;? b;? c
=20,21,22,23,24,25,27,30,31,37,40,1,2,3,6,8,9,10,17,18|20,21,22,23,24,25,27,30,31,37,40,1,2,3,6,8,9,10,19,17,18|25,28,30,1,37,10,12,17,18
V5 2850235521
N a 343,31,254,114,162,364,277,183,106,210,122,354,256,61,85,275,138,291;N b 27,7,67,334,353,61,392,350,224,347,192,88,356,166,349,45,333,107;N c 246,73,226,0,212,255,236,285,357,267,253,78,70,145;UL b 292,25;A a b a;P a;- c 267;- c 36;A c a c;+ b 91;+ b 314;+ b 92;+ b 246;+ b 135;+ b 166;+ a 269;+ a 68;+ a 12;+ c 211;+ c 215;+ c 259;+ c 178;+ c 312;+ c 33;X c b b;A a a c;? a;? b;? c
=61||7,392,135,25,27,292,166,45,314,61,192,67,333,334,88,347,91,349,350,92,224,353,356,107,246|
V2 4156074280
N a 23,12,15,16;N b 24,38,37,20,18,31,29,32,4,25,15,28,22,34,2;N c 14,4;AL a a 8,3,35,31;U c a;IA a a;C a;R c 14;A a a c;X c c a;R c 4;O b b c;D b a a;? a;? b;? c
=||
V0 2180766993
N a 17,18,26,8,14,13,29,12,29;N b 7,8,3,4,12,2,10,24,0,3;N c 23,27,5,21,21,10,8,12,5,22;IX b a;UL c 20,10,24,10,4;DL b 8,28,1,16,22,2,19,24,17,19,10;? c;+ a 27;+ a 20;+ a 28;+ a 8;+ a 14;+ a 21;+ a 2;P c;P c;P c;P b;P b;ID b b;IA c b;- a 4;UL c 21,7,22,13,22,13,16,25,23,1,17;O c c a;D a b b;O a c b;U c a;? a;? b;? c
=4,5,8,10,12,20,21,22,23,24,27|4|5|8|0|3|1,2,7,8,12,13,14,16,17,18,20,21,22,23,25,26,27,28,29||1,2,7,8,12,13,14,16,17,18,20,21,22,23,25,26,27,28,29
V5 1423849414
N a 102,319,193,266,396,198,52,294,143,147;N b 156,99,307,203,96,270,53,63,218,118,52,353,204,59,90,41,254,324,376,283;N c 189,304,350,297,286,178,297,33,97,345;C b;O a a a;+ b 36;+ b 330;+ b 182;+ b 382;+ b 284;+ b 36;- a 231;- a 72;- a 191;- a 287;- a 121;- a 148;AL a c 116;- c 142;- c 215;- c 92;K c b;? a;? b;? c
=|36,330,182,284,382|36,182,330,284,382
V0 2830084977
N a 19;N b 8,1,27;N c 27,19,11,17,0,18,25,18,27,5;P c;P c;R a 19;P b;P b;P b;C c;OL a c 22,3,11,1,22;IX b c;? a;XL b;U a c;? a;A c b a;A a b a;A a c a;+ c 25;? a;? b;? c
=0|5|8|1|27|11,1,3,22|11,1,3,22|||25
V2 980037472
N a 25,39,10,25,6,30,13,34,22,33;N b 24,37,17,28,30,23,3,19,17,15;N c 8,18,21,26,35,3,34,34,9,12;UL a;+ b 16;XL c 6,24,23,20,12,27,2,37;- a 8;- a 20;- a 18;- a 19;- a 27;A a b b;+ a 32;+ a 22;+ a 26;+ a 35;+ a 20;+ a 3;? a;? b;? c
=3,35,28,16,32,15,23,17,22,30,37,20,26,24,19|3,28,16,15,23,17,30,37,24,19|3,35,23,8,21,24,6,27,37,18,20,26,9,2,34
V5 1271403910
N a 34,372,216,23,348,291,398,374,355,263,42;N b 108,230,357,77,112,53,25,9,337,215,299,2,241,256,274,25,212,239,211,255;N c 258,122,21,91,351,193,212,248;? b;DL c 22,230,348,226,77,12,277,152,283,348,281;C c;U b b;X b b b;A a c a;? a;? b;? c
=256,2,9,274,25,299,53,77,337,211,212,215,357,230,108,239,112,241,255|||
V1 384894447
N a;N b 40,28,29,25,39,10,27,4,4,15,9,14,0,13;N c 22,15,35,37;IX a c;- c 7;- c 39;- c 35;- c 40;K a c;O b a a;UD b 13,39;IX a b;A a c c;ID a c;P c;- b 8;- b 13;- b 4;XL b 36,30,18,13,34,23,25,9,30,35,32,25,17,34;? a;? b;? c
=37||22,23,25,30,32,34,35,36,37,39,9,13,15,17,18|22,15
V5 2337405191
N a 292,122,113,99,39,39,246,213,49,50;N b 109,303,341,152,175,352,183,56,275,278,351,131,87;N c 247,131,47;O a a b;P a;P a;R b 351;D b b a;XL c 347,118,274,201,75,384,1;UL b 226,337,54,390,363,30,375,256,257,111;+ b 17;+ b 250;+ b 374;+ b 185;+ b 253;+ b 109;+ b 226;+ b 115;IX c b;IA a a;R b 111;U a b;A b c b;OL a a 151;- c 55;- c 1;R a 183;+ b 180;+ b 44;+ b 24;+ b 356;+ b 189;? a;? b;? c
=131|275|256,257,131,390,17,275,278,151,152,30,292,39,175,303,49,50,54,56,185,337,213,341,87,351,352,375,226,99,250,363,109,113,115,246,374,122,253|256,257,390,17,275,24,30,44,180,54,185,189,337,226,356,363,109,115,374,375,250,253|384,256,257,390,17,274,275,30,47,54,185,201,75,337,347,375,226,363,109,111,115,118,247,374,250,253
V5 3961905556
N a 19,115,132,364,214,309,206,356,325,353,199,254,123,107,221,200,273,291;N b 2,368,91,76,89;N c 339,18;A a c a;O c c c;- b 107;- b 274;- b 313;- b 277;- b 244;OL c b 108,114,37,243,282,197,1,126;IX a c;R b 2;U c c;UD a 197,231,315,390,110,89,41,317;D c b a;ID a c;? a;? b;? c
=1,2,197,390,76,89,282,91,37,231,41,108,110,368,114,243,315,317,126|76,368,89,91|
V3 3628835629
N a 18,19,20,4,16,9,0,34,14,16,11,27,36;N b 27,25,14,4,33;N c 4,24,36,30,37,9,3,10,21,37,8;+ c 37;+ c 6;+ c 31;+ c 36;+ c 40;+ c 26;+ c 40;K c a;- c 0;- c 4;- c 1;- c 17;- c 3;- c 13;X a c b;K a c;O b b c;O b c a;ID b c;DL c 1,1,15,36,1,23,26,17;? a;? b;? c
=36,18,9,16,11,14,34,19,20,27||18,9,16,11,14,27,19,20,34
V6 1037482417
N a 11,34;N b 57,32,47,40,68,31,56,75,35,38,55,54,25;N c 0,64,65,78,27,58,13,14,22,9,70,73,46,41,59,17,6,21,17;P c;P c;P c;IA a b;U c c;IX a c;U c b;IX a a;O a b c;P c;P c;P c;+ b 47;+ b 46;+ b 12;OL b a 27,65,78,14,69,6;IA b b;R b 22;+ c 26;+ c 11;D a a a;+ a 54;+ a 41;+ a 66;+ a 67;? a;? b;? c
=0|64|65|32|40|68|54,66,41,67|32,68,75,78,70,73,40,56,17,57,25,9,41,65,58,69,35,59,27,31,47,21,13,38,54,6,14,46,55|78,70,73,56,75,9,41,17,57,25,58,26,59,27,35,11,47,55,13,21,14,22,46,6,38,54,31
V2 3081820924
N a 28,29,33,3,27,5,35;N b 15,36,7,5,4,19,17,39,8,9,7,39,7,14,37,29,25,3,26;N c 21,34,13,2,34;ID b c;DL c 3,32,25,1,35,22,17,7,14;X a a a;- b 1;- b 23;- b 14;X a c b;R a 19;X a b b;IA a c;A a b c;D b c c;+ a 35;+ a 16;+ a 15;+ a 30;+ a 37;+ a 1;+ a 29;+ c 14;UD a 25,24,36,35,31,37,38,12,11,32,31,32,2;? a;? b;? c
=25,37,11,36,32,1,12,31,30,2,38,15,16,29,24,35||13,14,2,34,21
V3 3015345206
N a 22,26,36,32,20,39,2,7,12,25,0,20,39,4,24;N b 21,38,19,7,40,0,31,24,3,0,22,27,3,40;N c 4,32,6,14,2;IA b a;UL a 35,10,24,17,4,27,7;A c c b;K b a;A a b c;? a;O b b a;IA a b;A a b b;D a a b;? a;? b;? c
=||26,36,35,39,4,22,27,2,12,10,25,20,32,7,0,24,17|
V7 2335752540
N a 32,22,5,4,12,11,32,30;N b 44,41,34,44,33,14;N c 49,7,45,46,7,9,18,40;D b c b;D c c a;K a b;A b c c;P b;P b;P b;P b;D a a a;? a;? b;? c
=40|18|45|7||9,49,46|18,45,46,40,9,49,7
V4 2527219591
N a 10,11,27,38,23,17,2,10,34,7,2,5,19,15;N b 11,45,11,30,33,29,2,6,8,7,37,30,7,23,28,3,13;N c 22,24,3,17,2,38,43,27,25,8,21,24,22,24,16,22,27,32,27,18;- b 40;- b 29;A b c c;- c 38;- c 42;U a c;- b 21;- b 26;- b 13;- b 20;- b 4;- b 33;- b 45;- b 38;XL b 39,22,7,36,23,24,24,15,30,11,45,38;P c;A b a c;? a;? b;? c
=24|24,19,38,2,7,27,15,25,34,10,8,3,21,23,11,17,5,22,16,32,18,43|18,25,32,8,2,27,3,21,22,16,17,43|25,2,8,27,3,21,22,16,32,18,17,43
V0 3519428966
N a 15;N b 28,12,19,20,5,3,1,17,24,29,22,2,28,16,29,8,26,16,13;N c 26,5,5,8,24,13,11,8,21,18,22,16,8,14,7,4;IX c a;+ c 2;+ c 23;+ c 2;+ c 27;+ c 25;+ c 19;+ c 27;- a 2;- a 19;- a 27;- a 24;- a 19;- a 21;- c 29;- c 25;- c 29;- c 9;- c 10;X a b a;+ c 1;+ c 7;+ c 14;+ c 5;+ c 24;+ c 14;+ c 22;? b;- a 11;- a 24;- a 20;- a 6;- a 1;- a 26;- a 24;- a 8;IA c b;U a c;X a b a;R c 26;+ c 7;+ c 24;+ c 28;? a;? b;? c
=1,2,3,5,8,12,13,16,17,19,20,22,24,26,28,29|15,20|1,2,3,5,8,12,13,16,17,19,20,22,24,26,28,29|1,2,5,7,8,13,16,19,22,24,28
V1 1844562308
N a 3,32,9,4,34;N b 23,19,25,1,13,10,26,8,0,2,36,28;N c 15,26,28,39,22,36,18,16,14,2,11;IA c c;X b c a;U a c;P c;K a b;AL c c 13,0,27;O b b c;D c c c;+ b 12;+ b 7;+ b 15;+ b 40;+ b 34;+ b 5;+ b 27;? a;? b;? c
=22|22,26,28,32,34,36,39,2,3,4,9,11,14,15,16,18|22,26,27,28,32,34,36,39,40,2,3,4,5,7,9,11,12,14,15,16,18|
V6 543324059
N a 34,59,27;N b 36,9,27,39,70,27,37,22,60;N c 25;? b;IX b b;U a a;O b a a;- b 45;- b 55;- b 15;- b 73;- b 39;- b 15;- b 28;- b 52;UL a 33,49,16,6,52,57,35,11;IX a c;+ c 44;+ c 4;+ c 70;+ c 62;+ c 59;+ c 40;IA a c;- b 3;O a a a;U a c;UL a 18,39,52,4,18,64,59,29,21,15;- c 17;- c 64;- c 75;- c 24;- c 14;IA c c;? a;? b;? c
=36,70,60,9,37,22,39,27|70,4,44,62,40,39,52,64,25,29,21,18,59,15|34,27,59|70,4,44,62,40,59,25
V1 1049324929
N a 31,34,35,11,18,29,27;N b 4,23,36,7,14,19,5,20,40,28,4,9,29,2,1,30,39,27,1,22;N c 16,17,35;? a;UL b 0,18,20,12,32,7;K a c;O c a b;U b c;- b 8;- b 1;- b 25;- b 16;- b 29;- b 9;- c 31;- c 18;- c 30;- c 33;- c 21;- c 27;UD c 34,1,38,12,19;U a a;P a;P a;P a;OL c b 13,27,1,36,40;ID c b;OL a b 11,18;? a;? b;? c
=27,29,31,34,35,11,18|16|17|35|20,22,23,27,28,30,32,35,36,39,40,0,2,4,5,7,19,11,12,14,17,18|20,22,23,27,28,30,32,35,36,39,40,0,2,4,5,7,18,12,14,17,19|13,1
V1 4004636327
N a 37,10,23,25,34,5;N b 24,12,1,36,26,38,20,25,9,22,14,28,40,22,10;N c 13,6,36;K c a;P b;P b;P b;P b;P c;P c;P c;A c a a;R b 1;D c c a;U c a;UD c 15,16,15,7,38,28,12,25;? a;? b;? c
=20|22|24|25|37|5|23|23,25,34,37,5,10|26,28,36,38,40,9,10,12,14|23,25,28,34,37,5,7,38,10,12,15,16
V4 2078139357
N a 29,5,21,18,1,34,43,11,36,23,11,33,24,22,31,18,32;N b;N c 17,19,31,36,28,42,7,6,18,27,43,41,13,25,35,22,29,14;? c;OL c a;+ c 45;+ c 14;+ c 33;+ c 16;C a;? a;? b;? c
=36,19,31,7,6,18,27,13,28,25,22,14,41,17,35,29,43,42|||18,36,1,24,31,21,33,32,34,22,45,14,16,29,5,11,23,43
V6 1757759589
N a 77,6,15,14,8,55,12;N b 67,45;N c 25;O a c c;C c;+ c 77;+ c 44;+ c 62;+ c 6;+ c 66;+ c 13;+ a 4;+ a 71;+ a 63;K b c;XL c 50,33,56,26,59;+ b 76;+ b 46;+ b 9;+ b 33;+ b 50;+ b 4;+ b 16;+ b 13;? a;? b;? c
=25,71,4,63|77,62,66,76,16,9,33,50,44,4,13,6,46|77,62,44,66,56,13,33,6,50,26,59
V1 418896806
N a 33,25,36,21,25,6,34,26,18,33,7,15;N b;N c 12,26,33;+ b 10;+ b 26;+ b 1;+ b 38;+ b 30;+ b 1;+ b 32;+ b 25;D a a a;- c 24;- c 28;- c 38;- c 6;X a a a;K c a;DL b 38;O a b a;K c c;X c c b;A b a c;? a;? b;? c
=25,26,10,30,32,1|25,26,30,32,1,10|25,26,10,30,32,1
V4 2228529539
N a 27,1,44,5,34,6,21,7,17,32;N b 3,18,39,19,22,4,31,4,8,17,19;N c 22,7,23,19,13,29,20,8,13;A c a c;UL b 30,17,24,11,45,10,24,20,11,28,0,25,37,4;D a b a;+ c 6;+ c 42;+ c 0;+ c 8;+ c 41;+ c 44;+ c 37;+ c 14;+ c 32;K c b;? a;? b;? c
=18,19,31,8,30,39,3,24,22,4,45,10,20,28,11,37,0,25|18,19,31,8,30,39,3,24,22,4,45,10,20,28,17,11,37,25,0|18,19,31,8,30,39,3,24,22,4,45,10,20,28,17,11,37,25,0
V3 502521763
N a 40,28,36,5,10,16,13,31,24,38,38,26,11,27,30,4,16,8,25,38;N b 31,21,0,31,1,33,40;N c 31,34,30,25,20,23,20,34,11;UL a 14,7,24,25,1,36,9,35,7,37,10,37,5,8;X a a a;- a 17;? a;? b;? c
=|40,1,0,31,33,21|11,25,23,30,31,20,34
V1 3028623356
N a 37,39,25,14,13,10,15,30,28,2;N b 16,24,37,20,27,35,26,11,22,40,10,7,39,35,0,18,11,25,16;N c 14,20,5,8,13,21,13,19,39,40,33,17;- c 22;- c 21;U c a;+ a 21;R c 5;? a;? b;? c
=21,25,28,30,2,37,39,10,13,14,15|20,22,24,25,26,27,0,35,37,7,40,39,10,11,16,18|20,25,28,30,33,37,39,40,2,8,10,13,14,15,17,19
V6 2271777158
N a 39,45,72,26,62,63,49,55,10,76,62;N b 46,68,13,64,77,68,3,65,69,20;N c 27,49,11,1,45,64,22,10,35,1,51,49,5,36,75,45,41,51;IA b c;X b a b;+ a 0;+ a 29;+ a 15;P b;X c c c;X c b c;X b b a;+ b 53;+ b 65;+ b 14;+ b 6;+ b 21;O a c b;? a;? b;? c
=64|72,63,62,76,65,0,55,45,49,21,53,29,26,10,6,14,39,15|65,0,21,53,29,6,14,15|72,63,62,76,55,45,49,26,10,39
V6 441608757
N a 43;N b 48,77,22,59,50,41,8,6,8,24,71,74,47,58,20,42,29,0,24,27;N c 31,24,10,56,67,0,77,14,71,29,73,28,22,49,12,58,24;A b c a;C c;P a;- b 58;- b 78;? a;? b;? c
=43|||
V5 839059204
N a 94,342;N b 397,141,93;N c 33,332,122,349,100,298,75,168,78,200,356;OL a c 205,165,117,158,184,359,310,356,176,270,160,174,210,209;D a b a;X a a b;O b a c;A c a a;A b b c;? a;? b;? c
=||
V3 724218172
N a 25,36,33,39;N b 18,35,15,27,18,14,24,31,40,20,17,30,10,5;N c 1,26,19,19,28,24,31,32,40,28,11,0,6,12,31,33,26,17;XL a 36,14,11,27,11,3;? c;+ a 23;+ a 22;+ a 9;? a;? b;? c
=26,12,40,1,19,6,11,0,17,24,31,32,33,28|39,14,22,27,3,11,23,25,9,33|35,40,14,10,27,17,24,20,18,30,31,15,5|26,12,40,1,19,6,11,0,17,24,31,32,33,28
V3 445259031
N a 11,19,37,39,2,12,5,28,11,15,25;N b 33,26;N c;+ c 16;+ c 21;+ c 16;+ c 35;- a 5;- a 12;- a 30;O c c b;+ c 12;+ c 39;+ c 37;+ c 29;+ c 4;+ c 1;+ c 10;? b;K b a;D c a b;A c a b;- c 37;- c 14;- c 34;? a;? b;? c
=26,33|37,25,39,19,11,28,15,2|37,25,39,19,11,28,15,2|25,39,19,11,28,15,2
V4 227684951
N a 27,17,26,27,22,24,43,27,40,3,0,31,1,2,11,16,40,2;N b 10,31,42,26,35,25,26,28,35,3,45;N c 45,38,4,9,16,13;P c;P c;P c;IX b c;- a 37;- a 35;- a 40;- a 1;- a 43;- a 23;- a 13;- a 5;UL c 33,6,25,9,36,10,8;IA b c;K c c;P b;P b;P b;P b;A c a c;A a a c;? a;? b;? c
=38|13|9|25|10|16|4|16||16
V1 1390160176
N a 38,39,20,28,15,10,3,22,39,0,24,23;N b 28,2,12,10,16,24,28,26,10,33;N c 16,3,24,26,6,19,29;+ c 7;+ c 9;+ c 11;+ c 7;+ c 27;+ c 25;IA c c;K b a;+ c 11;+ c 1;+ c 39;+ c 16;- c 36;- c 2;- c 3;A a a a;U b a;A a b a;D b c b;? a;? b;? c
=20,22,23,24,28,0,3,38,39,10,15|25,26,27,29,1,6,7,9,11,16,19|24,25,26,27,29,1,6,7,39,9,11,16,19
V6 3515264262
N a 17,23,3,21,44,34,33,4,33,43,22,10,49,11,15,41;N b 50,15,20,33,1,68,27,46,32,9;N c 67,31,17,6,7,61,72,36,64,31,69;D c b a;P c;X c b b;- b 4;- b 6;- b 10;- b 50;- b 34;- b 13;UD c 36;+ b 18;+ b 72;+ b 11;+ b 23;+ b 23;+ a 66;+ a 68;+ a 28;+ a 76;R b 18;IX b c;D c c c;X a b c;- c 54;- c 4;- c 25;- c 13;- c 65;- c 39;- c 13;O a c c;O b a a;K b c;? a;? b;? c
=20|||
V3 4153395690
N a 25,38,33,6,33,22,35,7,30,5,40;N b;N c 20,13,23,33,25,17,16,9,5;? a;+ b 31;+ b 20;+ b 21;+ b 2;+ b 19;P a;P a;P a;A c a a;P c;P c;P c;P c;+ a 40;+ a 3;+ a 6;+ a 37;+ a 17;+ a 38;+ a 18;+ a 18;- c 28;- c 32;- c 8;- c 3;- c 36;- c 22;- c 39;- c 30;P a;P a;P a;IA b b;P c;P c;+ b 33;+ b 38;P a;P a;? a;? b;? c
=35,38,6,40,7,25,30,5,33,22|35|38|6|40|25|30|5|40|7|3|7|33|25|18|37,38,17,6,30,5,33,22|38,20,21,2,31,33,19|
V0 1906034075
N a 0,13,0,7,19,27,19,14,8,23;N b 22,15,14,22,9,7,7,24,19;N c 3,14,7,7,7,18,25,4,2,12,21,18,12,13;K a c;IX a a;XL b 16,19,6,10,13,15,22,16,0,12,8,5;? a;? b;? c
=|0,5,6,7,8,9,10,12,13,14,16,24|2,3,4,7,12,13,14,18,21,25
V7 3928376840
N a 24,43,41,49,9,12,41,13,25,10,12,34,47,4,29,49;N b 8,29,44;N c;- c 31;ID c a;O a a b;D b b b;UL c 26,15,45,16,22,13,27,20,5,10,2,35;+ a 44;+ a 41;+ a 36;+ a 42;+ a 29;U b a;+ c 39;+ c 35;+ c 49;+ c 17;+ c 7;+ c 10;+ c 24;+ c 24;+ c 11;+ c 10;? c;R c 5;+ c 47;+ c 30;+ c 9;+ c 32;+ c 1;R a 47;OL a a 21,41,44,35,30,30;? a;? b;? c
=10,15,16,11,27,13,45,26,49,7,22,35,39,24,5,20,17,2|43,9,12,13,36,35,25,8,44,41,10,34,30,21,42,4,29,24,49|43,9,12,13,36,25,8,44,41,10,47,34,42,4,29,24,49|1,16,9,13,7,35,10,47,30,45,26,22,24,17,49,32,15,39,2,11,27,20
V7 464474422
N a 48,47;N b 29,25,33,26,14;N c 38,2,13,31,12,44,36,1,22;C a;R c 13;U b b;+ b 37;+ b 25;+ b 34;+ b 19;+ b 11;+ b 23;D c a c;A b c c;A a c a;A a b a;? c;D b b c;ID b c;? a;? b;? c
=|||
V6 223783623
N a 73,8,32,32,15,0,3,35,56,32,9,46,46,26,52,61,21;N b 50,47,62,47,58,22,26;N c 16,13,70,40,29,69,27;R a 8;X b c b;UL c 38;- b 18;- b 69;- b 66;- b 57;- b 36;- b 70;- b 14;D a c b;? a;? b;? c
=70,69,38|62,16,40,50,58,26,27,13,29,22,47|16,70,40,69,13,29,38,27
V3 1387377999
N a 13,27,6;N b 34,37,10,1,25,1,8,15,28,15,4,2,6,1,39;N c 26,17,20,11,25,38,35;R b 37;- a 16;- a 9;- a 12;- a 13;- a 6;UL a 33,16,40,27,18,6,8,25,40,34;X a b b;? a;? b;? c
=|4,39,10,28,25,2,1,8,6,15,34|20,35,38,25,17,26,11
V2 2391590031
N a 39,33;N b 37,16,31;N c 27,28,38,27,23;U c a;R b 37;DL b;? a;OL c c 11,23,36,11;? a;? b;? c
=33,39|33,39|31,16|33,36,38,11,23,27,28,39
V6 1662113043
N a 7,42,18;N b 50,63,0,23,15,30,52,9,6,41,72,39,27,3,57,73,13,57,66,37;N c;C c;+ b 59;+ b 71;+ b 42;+ b 62;A b c a;? a;? b;? c
=7,42,18||
V7 1737299199
N a 17,49,0,31,39,41,20,26,34,17,41,36,34,30,11,35,4;N b 43,11,45,18,48,22,39,39,27,39;N c 28,4,46,10,47,10,37,26,14,44,31,30,25,21,6,18,0,15,26;IA c a;IX c a;K b c;IX b a;D a b b;A c b c;AL a c;? a;? b;? c
=|0,4,30,31,26|
V0 495189112
N a 26,21,13,9,11,29,6;N b 6,18,22,20,7,11,1,29,7,23,10,12;N c 16,17,13,1,13,11,21,3,8,9,11,29,21,9,4,27,21,24,9,29;P c;P c;P c;- b 13;- b 16;- b 24;- b 29;- b 6;P b;P b;O a a c;? a;? b;? c
=1|3|4|1|7|6,8,9,11,13,16,17,21,24,26,27,29|10,11,12,18,20,22,23|8,9,11,13,16,17,21,24,27,29
V7 2565745305
N a 2,15,37,46,7,31,6;N b 26;N c 34,41,46,6,27,7,44,3,45,8,13,1,21,22,36,4,6;UL b 8,48,5,26,6,45,4,14,25,23;P c;P c;X c b c;ID a b;- a 15;- a 36;- a 18;- a 13;- a 24;A a a b;K a c;- b 0;+ c 15;+ c 5;- a 17;- a 16;- a 0;R c 46;X b c a;? a;? b;? c
=21|41|23,1,14,44,48,27,25,5,7,36,34,26,46,13,22,3|15,46|1,14,5,15,26,22,3,23,44,48,27,25,7,36,34,13
V5 2876573495
N a 105,76,74,289,205,155,394,74,14,123,276,131,159,13,76,147;N b 168,387,24;N c 195,359,265,167,254,121,41,374,56,199,298,135,101,322;+ c 357;+ c 210;+ c 283;+ c 219;+ c 134;+ c 182;O b c b;A b b b;A b b b;D b b b;? a;? b;? c
=289,131,105,74,394,76,205,14,123,13,147,276,155,159||134,135,265,283,167,41,298,182,56,322,195,199,210,219,101,357,359,374,121,254
V7 2155366183
N a 15,33;N b 45,24,10,17,11,36,14,23,18,22,5,14,15,19,10;N c 2,31,7,0,29,35,40;P b;P b;P b;AL b a 14,8,25,45,39,43,35,12,6;C b;AL b b 45,31,28,32,37,1,47,14,17;ID b a;O c a c;UL b 8,45,41,47,8,16,22,23,45,45,35;+ c 26;+ c 5;+ c 38;+ c 14;+ c 35;+ c 0;+ c 29;DL a 29,44,18,35,38,26;A b b b;U a c;A a a c;OL c b;A b b b;A b c b;XL c 36,6,33,29,44,48,16,23,28,18;? a;? b;? c
=15|45|10|15,38,7,2,31,5,40,33,26,29,14,0,35|45,47,23,22,16,41,35,8|45,47,6,48,18,44,22,33,28,41,29,35,36,8
V3 2798457837
N a 7,12,28,28,15,32,12;N b 28,30,21,31,5,22;N c;A a b b;A c b b;OL c c 14,34,35;OL a b 35,18,16,3,17,6;- b 4;- b 26;- b 25;- b 15;- b 28;- b 28;R a 3;+ c 3;+ c 22;+ c 27;UL b 29;- b 20;- b 24;- b 7;- b 33;- b 9;- b 2;- b 7;D a b a;- b 19;- b 15;- b 30;- b 2;- b 34;- b 5;ID b a;? a;? b;? c
=29|21,22,31|35,14,5,3,21,22,28,27,30,31,34
V0 2110947778
N a 18;N b 19,5,10,16,2,23,29,11,18,28,25,11,9,20,17,27,14,5,9;N c 27,9,17,15,2,11,11,25,28,14,4,12,11,18;K c c;OL c b 10,24,3,25;X b c b;UD c 23,15,11,29,15,20,13,18,18,5,1,5,15;P b;P b;- b 6;- b 1;+ a 16;+ a 15;+ a 10;DL c 11,9,29,12,18;P c;P c;P c;UL c 29,3,4,18;X a a b;UL b 12,29;O b c b;UL a 10,13,28,15,6,28,7,6,26;? a;? b;? c
=3|24|1|2|3|6,7,10,13,15,16,18,26,28|3,4,5,10,12,13,14,15,16,17,18,19,20,23,24,25,27,28,29|3,4,5,10,13,14,15,16,17,18,19,20,23,24,25,27,28,29
V3 3750181039
N a 0,15,37,4,19,18,3,39;N b 33,40,32,39,38,32,17,7,36,26;N c 32,37,11,9,15,38,10,21,27,11,21,9,40,9,40;- c 36;- c 31;- c 27;- c 25;- c 24;+ b 39;A a a c;IX a c;AL b b 23,35,31;? a;? b;? c
=9,38,10,40,21,11,32||9,37,38,15,40,11,10,21,32
V2 3077577294
N a 21,14,14,10,17,31,32,9,20,24,1;N b 28,0,33,30,38,21,29;N c 6,7,19;U c b;A a a b;UL b 32,37,35,13,12,0,0,21,11,33,34;+ a 29;+ a 28;+ a 25;+ a 0;+ b 24;+ b 6;+ b 5;+ b 1;+ b 26;A c c b;ID a a;OL a a 25,4,38,2,37;UL a 14,13,27,17,27,26,25,38,0,29,0,2,13,5;D a c b;D c a a;X c a c;D a a c;A b c c;A a c c;? a;? b;? c
=||
V4 1470818379
N a;N b 11,4,29,31,30,4,16,13,13,16,24;N c 6,7,29,23,38,17,36,20,18,16,37,41;X a a c;+ a 31;+ a 36;+ a 36;+ b 44;+ b 9;+ b 20;+ b 39;+ b 11;+ b 29;+ b 44;K b a;A b a a;- c 36;O c b c;X b c c;? a;? b;? c
=6,36,38,7,20,18,37,31,16,23,29,17,41||6,36,38,7,20,18,37,31,16,23,29,17,41
V0 1540191071
N a 19,26,25,6,17,3,24,22,17,4,5,11,5,7,25,19,1,19,29;N b 29,13,2,24,16,5;N c 4,15,28,26,18,26,25,14;C c;- b 6;- b 14;- b 16;- b 14;- b 25;- a 14;- a 27;A c a b;A a a c;K a c;X c a c;- b 18;- b 23;- b 13;K a c;U a b;O b a c;X a b c;XL c 21,12,28,22;K a a;ID c a;? a;? b;? c
=24,2,5,29|24,2,29,5|12,21,22,28
V6 2484804475
N a 69,64,78;N b 45,64,78,25,45;N c;AL b c 33,8,22,75,56,64,70,54,43;? c;+ a 59;+ a 22;+ a 18;+ a 31;+ a 68;+ a 62;+ a 6;+ a 19;A c a c;D c a c;? a;? b;? c
=|69,64,78,31,68,62,22,18,6,59,19||69,64,78,31,68,62,22,18,6,59,19
V3 3543217465
N a 35,34,2,12,23,29,8,26,33,38,15,34,16,25,30,7,1,22,36,32;N b 35,38,38,12,40,19,17,19;N c 21,13;X b b c;R c 13;? b;UL b 10,9,11;+ a 1;+ a 9;+ a 19;+ a 25;+ a 28;+ a 7;+ a 25;+ a 16;+ b 0;+ b 12;+ b 33;+ b 20;OL c c 29,36,0,31,26,7,23,30,34,23,3;? a;P b;- c 19;- c 39;- c 29;- c 38;- c 11;- c 10;UL c 34,35,33,39,19,1,15,31,4;+ a 25;+ a 12;+ a 34;+ a 13;+ a 2;D b c a;UL b 31,9,14,37,8,30,16;UL c;? a;? b;? c
=35,38,17,40,12,13,19,21|35,36,38,12,15,22,25,8,9,2,19,26,1,7,29,16,28,34,30,23,32,33|35|35,36,38,12,15,22,25,8,9,2,19,26,1,7,29,16,28,13,34,30,23,32,33|37,8,39,9,0,4,14,16,21,30,31,3|35,36,26,3,39,1,23,7,15,4,19,33,21,30,31,0,34
V7 3303233298
N a 28,34,37,27,10,3,14,13,46,29,31,44;N b 12,46,45,16,29,32,46,2,6,10,27,27,15,6;N c 48,2,17,35,12,17,38,15,6,3,47,35,35,6,48,44;A b a c;+ c 38;+ c 28;+ c 29;+ c 17;+ c 33;+ c 0;+ c 47;+ c 25;K b c;? c;? b;P b;P b;P b;+ c 19;+ c 13;+ c 28;+ c 38;+ c 33;+ c 27;+ c 20;+ c 39;IA a b;U c c;X c c c;X b c a;? a;? b;? c
=6,38,35,17,15,44,2,47,0,3,28,25,48,29,12,33|38,2,47,0,28,25,3,48,12,33,6,35,17,15,44,29|38|2|47|3,28,44,29|3,28,44,29|
V6 2162438067
N a 57,13,37,46,71,26;N b 23,1,44,65,46,35,55,62,39,32,27,73,35,17,48,57,72;N c 18,44,63,14,73,76,9,32,15,38,36,45,46,22;C b;X a a c;P c;P c;P c;P c;P c;P c;R a 71;- b 18;- b 32;- b 10;- b 22;- b 62;- b 38;- b 59;- b 47;DL b 22,77,48,53,22;OL c b 7,31,36,7,65,7,0,51,56,27;AL c c 3,17,43,56,68,75,20,69,51;IX a b;IA b b;? a;? b;? c
=63|73|44|76|32|36|63,73,44,76,32,36,9,45,57,37,13,18,14,38,26,22,15||56,51
V1 92295366
N a 18;N b 2,38,25,3,19,40,12,34,29,27,12,29,33,8,29,14,26,0,17,3;N c 35,25,10,24,14,17,4,16,17,9,12,38,19,31,33,24,40,38;U c a;+ c 34;+ c 8;+ c 24;+ c 18;+ c 13;+ c 5;+ c 33;+ c 31;OL a c 5,32,29,28,11,28,28,23,33,14;? a;? b;? c
=23,24,25,28,29,31,32,33,34,35,38,11,40,4,5,8,9,10,18,12,13,14,16,17,19|25,26,27,29,0,33,2,3,34,38,40,8,12,14,17,19|24,25,31,33,34,35,38,40,4,5,8,9,10,19,12,13,14,16,17,18
V4 2657543035
N a 26,34,27,16,20,16,36,11,45,21,22;N b 14,18;N c 22,4,19,21,33,33;D b c c;DL b 43,34;+ a 38;- b 34;- b 28;OL a c 34,5,12,23,16,37,44,0,25;+ a 20;+ a 25;+ a 1;+ a 16;+ a 15;+ a 16;+ a 3;+ a 5;- c 25;DL b 12,24,17,11,31,39,12;IX c a;? b;+ c 38;+ c 2;X c b a;K a c;R a 34;R a 0;? a;? b;? c
=|12,19,37,25,33,21,20,22,4,16,44,23,5,1,15,3||12,19,37,0,25,33,21,20,22,4,34,16,44,23,5,1,15,3
V7 3167800479
N a 11,37,34,24,24,10,28,16,44,18,39,26,34;N b 25,41,15,14,49,29,6,21,11,9,45,11,26,31,45,31,22,26,14,28;N c 16,9,18,22,33;- c 30;- c 43;- c 44;+ a 2;+ c 1;+ c 32;+ c 0;+ c 29;+ c 9;+ c 5;+ c 47;? a;? b;? c
=2,11,10,37,34,44,16,28,39,18,24,26|45,25,11,6,29,22,9,14,49,31,28,15,21,26,41|29,1,16,22,9,47,18,33,5,32,0
V2 819385069
N a 15,12,25,2,11,30,11;N b 34,3,24,14;N c 34,23,35,27,4,38,28,8;IX a b;? a;- c 29;- c 13;- c 28;- c 20;P b;P b;P b;P b;P a;P a;P a;? b;+ a 1;+ a 15;+ a 3;O a b b;O c a c;IX a b;U c a;O c c c;C c;O a c c;+ a 26;+ a 35;+ a 7;+ a 38;+ a 13;? a;? b;? c
=24,30,3,2,12,15,34,25,14,11|24|14|3|34|24|30|3||38,7,13,35,26||
V2 3430245050
N a 16,14,18,11,4,21,12,8,20,8,15,31,27;N b 10,13,5,13,5,13;N c 11,22,12,30,22,14,2,6,35,18,9,31,32,16;X a b c;+ a 8;+ a 17;- c 13;- c 27;R b 5;+ c 36;+ c 11;+ c 22;+ c 18;+ c 23;K a c;P a;P a;P a;P a;+ a 20;+ a 38;+ a 36;R c 16;+ c 19;+ c 21;+ c 35;+ c 24;+ c 27;+ c 1;A a c b;- b 15;- b 36;- b 34;- b 32;- b 25;- b 27;- b 15;- b 25;A a b b;K b a;+ c 17;+ c 3;+ c 24;+ c 23;+ c 34;+ c 4;+ c 32;+ c 2;? a;? b;? c
=12|14|30|36|13,10|13,10|30,36,19,14,4,22,18,2,24,21,23,27,11,6,3,12,17,35,31,1,32,9,34
V4 4218110544
N a 17,25,37,2,32,5,9,20;N b 8,15,24,20,29,41,3,19,23,37,45,13,30,40;N c 9,26,33,18,8,11,26,13,9,6,3,31,44,8,4,35,30,9;- a 19;- a 1;- a 37;- a 26;- a 9;? a;OL b a 5,44,44,8,26,22,15;XL c 9,1,42,32,3;P a;? a;? b;? c
=25,32,2,20,17,5|25|32,2,20,17,5|25,32,2,20,8,26,15,44,22,5,17|18,6,26,8,13,33,31,44,4,30,1,35,11,32,42
V6 1806880183
N a 47,6,26,59,22,24,40,9,66,28,59,64,30,36,24,59,46,31,16,2;N b;N c 15,5,73,67,53,74,30,46,40,75,64;X c c c;XL c 70,61,61,35,63,63,8,65,43;+ a 62;+ a 38;+ a 51;+ a 61;+ a 62;IA b c;D a b a;R c 70;? a;? b;? c
=||65,8,63,61,35,43
V1 1600811983
N a 20,10,37,8,10,15,11,5,17,19,27,8,17,38,33,13,0,19;N b 24,25,36,29,28,32,6,12,4,27,8,1,1,21,15,28,5;N c 18,17,26;C c;U b b;UD a 15,28,3,31;+ b 9;+ b 8;+ b 28;+ b 4;+ b 32;+ b 7;? a;? b;? c
=20,27,28,31,0,33,3,37,5,38,8,10,11,13,15,17,19|21,24,25,27,28,29,32,1,36,4,6,5,8,9,7,12,15|
V2 677385567
N a 31,27;N b 38,12,4,35,28,35,26,34,27,39,30,11,2,28,0,6,34,0;N c 2,36,17,21,10,2,19,0,4,39,35;UD b 0,9,35,10,11,20;K c c;AL b c 39;R c 2;+ c 3;+ c 19;+ c 29;+ c 15;+ c 27;+ c 7;+ c 2;+ c 21;? a;? b;? c
=27,31|39|4,29,27,15,17,35,7,0,21,19,3,39,10,2,36
V1 2905294566
N a 11,34,38,34,33,37,22,39,25,34,5,12;N b 35,19,1,9,21,23,34,21,39;N c;? c;- c 10;- c 31;- c 10;- c 34;- c 7;- c 29;- c 35;- c 40;A b b a;+ b 0;+ b 1;+ b 18;+ b 37;K b a;- b 30;- b 14;- b 39;- b 13;- b 7;+ a 25;+ a 3;+ a 27;+ a 8;+ a 4;+ a 30;+ a 37;+ a 40;? a;? b;? c
=|22,25,27,30,33,34,3,4,37,38,39,5,8,40,11,12|22,25,33,34,37,38,5,11,12|
V5 3752178672
N a 383,56,231,328,152,109,229,59,175,16,133,39,207,380,131,266,319,132,116,363,389,298,282,193,397,26,337,361,90,204,217,325,73,91,228,354,354;N b 365,360,312,115,383,81;N c 174,298,355,66,74,27,88,123,3,380,31,102,6,210;A c a a;UD b 361,287;+ a 385;+ a 350;+ a 136;+ a 387;+ a 234;+ a 128;+ a 389;K a b;XL c 356,50,1,103,83,76,320;O b c c;? a;? b;? c
=287,360,361,365,81,115,312,383|1,131,132,133,389,266,397,16,152,282,26,39,298,175,50,56,59,319,320,193,325,328,73,204,76,207,337,83,217,90,91,354,228,229,356,231,103,361,363,109,116,380,383|1,131,132,133,389,266,397,16,152,282,26,39,298,175,50,56,59,319,320,193,325,328,73,204,76,207,337,83,217,90,91,354,228,229,356,231,103,361,363,109,116,380,383
V5 3423210650
N a 38,137,380;N b 143,282,375,395,11,97,154,206,171,154,40,374,325,295;N c 145,228,347,73,343,216,191;OL b b 348,77,183,283,227,392,99,291;D a b a;- b 399;- b 31;- c 7;- c 203;- c 376;- c 332;- c 139;- c 227;- c 164;U b c;R a 283;- b 176;- b 213;- b 88;- b 75;- b 265;- b 133;- b 241;- b 364;IA b c;+ a 95;+ a 151;+ a 38;+ a 311;+ a 91;+ a 191;+ a 374;+ a 255;U c c;X c a c;? a;? b;? c
=255,325,392,11,395,77,206,143,151,154,282,91,348,311,375,95,97,291,227,99,38,295,40,171,374,183,191|228,73,145,343,216,347,191|325,392,73,11,395,77,206,143,145,343,216,151,154,347,282,91,348,375,95,97,183,291,228,227,99,38,295,40,171,374,311,255
V0 3900269239
N a 11,23,23,19,12,17,16,0,0,1,11,8,4;N b 12,2,13,23,27,10,9,9,17,16,24;N c 2,29,11,18,20,7,23,0,25,3,22;ID c b;IX a c;X c c c;R a 16;P b;+ c 20;+ c 14;+ c 2;+ c 24;+ c 1;+ c 7;+ c 17;+ b 6;X c b c;P a;A b a b;D a b a;- b 13;- b 29;+ b 28;+ b 9;? a;? b;? c
=2|1||9,12,17,23,28|1,2,6,7,9,10,12,13,14,16,20,23,27
V0 1403013464
N a 7,3,11,7;N b 21,16,0,29,11,23,22,20,12,14,6,11,26,23,23,24,15,21,1,3;N c 5,0,3,17,8,19,1,6,15,2,6,23,29,6,5,11,14,13;- c 3;- c 13;- c 13;P b;IX b c;X c b b;UL a 25,28,22,0,12;+ c 16;+ c 28;+ c 8;+ c 14;+ c 11;X a c c;- c 5;- c 10;- c 9;- c 14;- c 17;- c 7;- c 23;? a;? b;? c
=0||0,2,3,5,8,12,16,17,19,20,21,22,24,26|8,11,16,28
V4 2362345648
N a 31;N b 35,28,11,6,41,0,34,34,14,28,23,0,2,23,41,27,2,13,32;N c 18,16,3,39,17,6,6,20,44,5,0,33,7,18,13,42,27,24,16,39;D b c c;K b c;UL a 6,32,16,35,29,9,38,2,29,36,32,33,18,21;C c;+ b 40;+ b 23;+ b 32;+ b 4;+ b 35;- c 37;- c 44;- c 32;- c 41;- c 35;IX a b;D a b c;IA c c;U b a;P b;P b;P b;P b;UL c 9,8,13,5,39,26,5,26,22,28,17,13;? a;? b;? c
=18|6|20|0|18,6,20,0,7,39,3,33,44,16,13,27,24,40,17,5,23,32,4,35,42|7,39,3,33,44,16,13,27,24,40,17,5,23,32,4,35,42|13,8,26,39,9,22,28,5,17
V6 1904288062
N a 38,23,60,31,61,67,24,60,58,6,65,34,71,53,8;N b 19,54,4,35;N c 42,23,76,77,21,63,41,55,72;A b c b;R c 23;X c c c;A b a b;- a 67;- a 54;UL a 40,32,5,56;DL a 66,70,71,19,77,56,5,63,53,74;A a a b;OL a a 23,62,50,1,19;D b a c;P b;P b;+ b 50;+ b 35;+ b 53;+ b 41;D a b b;O c a b;D b c b;? a;? b;? c
=62|50|||50,41,53,35,1,19,23
V3 1355373577
N a 38,8,27,40,36,15,7,29,7,37,35,17,35;N b 12,7,31,20,15,30,10,28;N c 11,3,12,14,8;A a b b;U c b;U c b;- c 25;- c 1;- c 6;- c 19;+ a 20;+ a 31;+ b 33;+ b 34;R c 31;A a c c;P a;P a;ID c c;K b c;+ a 5;+ a 31;+ a 18;+ a 22;+ a 28;+ a 40;A c c a;K c b;? a;? b;? c
=3|20|40,15,28,30,31,18,22,12,8,11,5,14,10,7||
V3 2036179192
N a 24,25;N b 21,0,5,7,8,7,2,25;N c 24,33,33,35,25,31,22,33;O a b b;+ c 37;+ c 0;+ c 11;+ c 39;+ c 36;- b 40;- b 28;- b 29;- b 1;? a;? b;? c
=25,5,2,21,0,8,7|25,2,21,8,7,0,5|35,25,37,36,22,39,11,24,31,0,33
V1 1798310840
N a 30,14,18,20,16,10;N b 2,22,4,40,10,22,20,13,37,1,30;N c 38,24,32,32,18,15,1,3,23,17,38,7,3,13,31,30;UD b 28,26,8,4,29,10,34,11,9,9,37,5,18,34;D b b c;UD b 26,38,28,21,11,34,0,19;? b;P b;P b;? a;? b;? c
=20,21,22,26,28,29,34,37,38,40,0,2,4,5,8,9,10,11,19|20|21|20,30,10,14,16,18|22,26,28,29,34,37,38,40,0,2,4,5,8,9,10,11,19|23,24,30,31,32,1,3,38,7,13,15,17,18
V0 1123852664
N a 11,28,28,26,8,1;N b 25,9,12,19,7,19;N c 16,11,5,20,25,11,5,20,19,29,9;P a;P a;P a;P a;A c a a;IX c c;+ b 2;+ b 8;+ b 20;+ b 26;+ b 11;+ b 5;+ b 12;+ b 26;ID b a;- b 16;- b 1;- b 6;- b 6;- b 12;? a;? b;? c
=1|8|11|26|28|2,5,7,8,9,11,19,20,25,26|
V5 3739223577
N a 185,164,26,182,155,315,240,211,25,95,259;N b 265,26,70,136,42,179,375,223,285,25;N c;D a c a;C b;U b a;A c c a;C c;AL a b 341,183,68,374,215,300,270,201,199,359,3,166,247,193,171,370,102,346,142,207,27,54,79,110,328,98,68,210,0,131,7,376,24,202,212,105,101,248,184,24,144,138,67,165,341,48,370,162,207,15,260,38,151,188,106,170,356,94,212,177,257,267,188,101,30,175,125,309,384,98,235,158,339,135,14,38,227,101,220,177,15,363,101,255,211,370,153,20,64,236,234,148,58,246,368,98,65,106,112,390,259,98,8;D b b c;? a;? b;? c
=||
V2 766843730
N a 15,29,38,5,17,9,20,36,6,8,4,26,30,22,6,37;N b 37,13;N c 31,24,5,30,19,17,8,32;X b c c;IX b b;U a a;X b b a;OL b c 16,10,27;K a c;- a 19;- a 13;- a 15;- a 18;- a 37;- a 6;- a 13;IX b c;C a;A b a b;? a;? b;? c
=||31,19,32,5,8,30,24,17
V7 3927532365
N a 28,21,7,35,47,10,33,33,47,18,33;N b 44,3,37,43,14,29,24,10,2,29,39,36,30,32;N c 41,3;K b a;UL b 8,25,31,21,27,14;U c c;K c c;D c a b;A c c b;R a 18;P b;P b;P b;P b;X a c b;? a;? b;? c
=33|21|25|10|27,7,8,47,28,31,18,35,14|27,7,28,31,18,8,47,35,14|
V6 3957297278
N a 6,8,22,56,38,5,47,9,8,12,76,58,29;N b 28,35,58,66,64,28,2,8,66,63,46;N c 71,5,13,8,63,48,68,77;+ a 62;+ a 12;+ a 60;+ a 59;+ a 49;+ a 45;+ a 65;+ a 49;DL b 69,69;IA a b;P b;ID a a;D c c b;? a;? b;? c
=28||64,66,8,63,58,2,46,35|71,68,48,77,5,13
V4 880360081
N a 10,30;N b 15,11,35,6,3,19,12,29,0,43;N c 31,0,3,4,34,37,9,37,7,29,23,4,14,31,25;DL c 1,44,4,20,35,26,30,21,3,20,2,11;X c b b;ID a b;O a a a;K a b;- b 31;IX c a;IX b a;+ b 28;+ b 23;+ b 10;+ b 7;+ b 35;+ b 34;+ a 8;+ a 25;+ a 15;K a a;UD c 4,36,6,1,7;? a;? b;? c
=6,19,12,0,8,25,3,15,35,11,29,43|7,28,10,34,35,23|0,12,19,6,36,1,15,3,7,4,29,11,35,43
V4 3113859841
N a 37,28,19,30,38,19;N b 29,3,21,28,15,37,11,5,43,32,14,36,12,4;N c 0,14,40,9,7,13,10,35,17,28,27,27,12,23,16,11,10;O c a a;P c;P c;U b c;O b c b;R c 19;P b;P b;IX a b;D c a c;? a;? b;? c
=30|37|36|19|30,12,32,19,14,21,3,15,4,29,11,5,43|38,37,32,14,12,21,28,3,15,4,29,11,5,43|30,12,32,19,14,21,3,15,4,29,11,5,43
V6 561307267
N a 35,54,21,21,14,67,5,22,2,55;N b 65,36,67,26,64,71,27,34,37,57,9,22,64,15;N c 15,72,74,40,67,27,7,42;ID b b;OL b a 69,33,24,3,45,19;O c c a;? a;? b;? c
=67,55,21,5,14,54,22,2,35|67,69,24,55,21,5,33,45,14,54,22,2,35,3,19|72,40,74,67,35,55,21,5,42,14,54,22,2,15,7,27
V1 3385185403
N a 23,12,28,28,17,3,7;N b 36,39,8,31,9,17,29;N c 18,4,19,22,39,5,5,39,40;UL a 2,26,9,24;D b c c;D c a c;IA b b;C a;UD a;- b 6;K b a;? a;? b;? c
=||23,24,26,28,2,3,7,9,12,17
V6 2774719090
N a 43,63,16,62,26;N b 12,37,45,71,48,7,73,76,16,54,24,35,23,47,69,68;N c 24,63,44,14,71,69,30,43;- a 73;- a 76;- a 9;- a 48;- a 72;- a 37;A a a c;ID b b;X a c a;O a c a;IX a a;P c;P c;P c;P c;+ b 78;+ b 78;+ b 62;+ b 56;IA b a;+ c 57;+ c 59;+ c 1;+ c 26;+ c 54;A a b a;U a b;? a;? b;? c
=24|63|71|44|||69,59,57,1,14,30,26,54,43
V1 2953223404
N a 2,1,12,21,40,32,4,11,26,38,21,17,15,21,37,5,19;N b;N c 10,39,14,25,27,16,23,29;- c 12;- c 36;- c 2;- c 22;- c 21;- c 18;P a;P a;P a;X a c a;- a 32;- a 18;- a 24;- a 13;- a 16;- a 33;- a 21;UD a 29;- c 24;- c 34;+ b 17;+ b 40;+ b 3;+ b 12;+ b 22;+ b 12;X c a c;IA a b;P b;P b;? a;? b;? c
=21|26|32|22|3|12,40,17|40,12,17|37,38,40,1,2,4,5,11,12,15,16,17,19
V1 2563655110
N a 11,34,17,31,8,16,20;N b 15,24,28,34,4,10,18,26,1,31,8,9,24,7,17,12,32;N c 36,5,22,15,17;X a a a;X b a a;A a b b;ID c a;D a c b;? a;? b;? c
=36,5,22,15,17||22,36,5,15,17
V0 3748272743
N a 11,17,27,2,4,7,1,22,29,6,21,12,22;N b 13,27,25;N c 5,6,2,0,0,20,3,9,15,22,29,7,2,4,14,23,5;XL a 13,28,16,3,16,7;IX c c;P b;P b;A a b b;IX c a;UD b 14,5,27,6,23,9,1,17,17;- c 12;- c 7;- c 23;U a c;UL b 20,25,23,13,21,18,24,22,17,12,27,13,15,7;- c 10;- c 13;- c 17;- c 29;- c 18;- c 29;- c 14;- c 19;? a;? b;? c
=25|27|13|1,5,6,7,9,12,13,14,15,17,18,20,21,22,23,24,25,27|
V4 4138632141
N a 40,23,14,18,45;N b 18,23,45,5,6,25,40,6,7;N c 42,34,40,4,16,15,39,34,5,4;O c c b;U a a;U c b;+ a 6;+ a 21;+ a 14;+ a 1;P a;P a;P c;P c;P c;P c;D c a c;? a;? b;? c
=18|6|18|6|25|7|1,14,21,40,45,23|18,6,25,7,40,45,23,5|1,14,21
V1 110772051
N a 35,32;N b 13,28,35,36,31,17,5,18,3,38,15,31,6,16,18,39;N c;P b;P b;P b;O a a b;UL c 30,33,13,34,24,20,40,14,27,40,39;K a b;+ a 14;+ a 32;+ a 39;+ a 25;+ a 18;+ a 5;- b 39;- b 31;P c;P c;XL b;O c c c;? a;? b;? c
=28|31|35|20|24|25,32,3,36,5,38,6,39,13,14,15,16,17,18|36,5,3,38,6,13,15,16,17,18|27,30,33,34,39,40,13,14
V6 719045098
N a 77,69,14,50,38,27,61,76,38,48,15,46;N b 15,75,76,74,2,6,48,64,57,9,11,21,17,54,33,0;N c 70,56,17,16,25,77,45,4,20,6,67,47,65,0;? b;ID b c;P c;P c;A b b b;- a 9;O c c b;U c c;+ c 8;+ c 30;+ c 26;+ c 54;+ c 47;+ c 9;- c 72;- c 26;P b;P b;P b;P b;XL c 28,32,72,35,32,68,29,37,17,59,75,12;+ a 59;+ a 64;+ a 62;IA a b;+ c 45;+ c 71;+ c 30;+ c 68;+ c 12;+ c 2;+ c 10;+ c 47;X c c c;UD b 55,78,26,63,50,44,14,77,41,27,11,42,47;? a;? b;? c
=75,74,76,48,64,0,57,9,21,17,33,2,6,54,15,11|70|16|75|74|76|48|64,15|64,78,63,77,57,9,33,41,2,26,50,42,11,27,44,47,55,21,54,14,15|
V3 3119458643
N a 21,24,32,34,29,10,18,36,8,37,10,12,27,39;N b 3,28,17,15,19,36,13,18,26,16,32,30,17,32,33,3,11,19;N c 14,15,31,7;A b c b;P c;X a c b;+ c 40;+ c 29;+ c 9;+ c 7;+ c 36;+ c 7;+ a 30;+ a 7;+ a 25;+ a 0;+ c 23;+ c 18;+ c 32;R a 7;? b;UD a 30,10,13,33,25,20;? b;D a c b;O c a b;+ b 25;+ b 37;+ b 15;+ b 16;+ b 32;+ b 1;+ b 35;? a;? b;? c
=31|15|15|9,36,23,40,32,14,7,29,18|35,37,25,1,16,32,15|9,36,23,40,18,14,7,29,32,15
V6 4029510237
N a 12,17,38,64,70,72,25,24;N b 3;N c;X c c c;ID c a;- b 24;- b 52;- b 55;- b 6;- b 61;- b 60;ID b a;D b a a;K c c;+ b 76;+ b 41;+ b 38;+ b 30;+ b 54;+ b 24;+ b 35;+ b 76;U a c;XL c 58,38,18,15,63,72,57,41,7,14,41,46,3,52;D a c c;? a;? b;? c
=|76,24,41,30,38,54,35|63,72,52,41,57,58,38,18,14,46,15,3,7
V5 2529313052
N a 336;N b 214,398;N c 71,44,356,235,196,312,397,326,21,167,359,26,119,136;R a 336;A b a b;- c 181;- c 381;- c 190;- c 205;? a;? b;? c
=||356,196,326,71,167,359,136,235,44,397,21,119,312,26
V1 1185266344
N a 19,25,37,29,28,1,0,39,37,12,18,36,11;N b 23,24,32,6,23,0,38,7,34,1,23,13,19,20,22,4,33,35;N c 12,2,40,26,11,3,2,9,27,35,3,31,1,38,21,25,36,13,6,0;P a;R a 0;P b;P b;P b;P b;+ c 2;+ c 13;+ c 12;+ c 24;X c a b;IX a c;? c;? b;O a c c;P a;P a;P a;P a;IA c a;A b c c;IA a a;P b;IA c b;? a;? b;? c
=25|20|22|23|24|28,29,32,33,34,35,36,37,38,39,0,4,6,7,11,12,13,18|0,32,34,1,4,33,6,38,7,35,13,19|28|29|32|33|0|0,34,35,36,37,38,39,4,6,7,11,12,13,18|34,35,36,37,38,39,4,6,7,11,12,13,18|34,35,36,37,38,39,4,6,7,11,12,13,18
V3 3028144655
N a 13,27,4,3,36,11,14,15,40,10,32,33,34,37,33,6,0;N b 39,25,0,3;N c 0,4,34,19,25,25,37,7,1,11,38,35,11,26,24,18,25,12,21;D a b a;- b 6;- b 31;P b;P b;P b;C b;- b 0;- b 23;- b 37;- b 25;- b 10;- b 3;U a c;X a b a;C a;X a b a;K b c;C c;U c c;? a;? b;? c
=25|39|0||35,7,37,38,0,18,12,1,21,26,19,11,24,4,25,34|
V7 382927875
N a 0,32,8,33,35,5,4,44,17,40,25,49,25;N b 20,4,11,28,27,4,48,0,6,3,33,20,31,46,33;N c 47,30,37,31,26,48,43,7,1,0,10,17;- c 7;- c 46;UD a 6,30,47,34,11,4,32,36;+ a 2;+ a 31;+ a 29;+ a 21;+ a 36;AL b c 38,1,44;R a 33;? a;? b;? c
=8,21,31,29,32,36,44,47,4,49,0,40,17,11,5,35,6,30,2,34,25|1|48,10,31,43,30,47,26,0,17,37,1
V5 3949216491
N a 394,58,399,16,28,198,251,240,388,372,120,83,227,48;N b 242,384,91,230,325,200,18,200,285,15,171,243,145,260,167,97,396,226,188,181,368,71,49,83,27,147,381,167,1,8,275,269,279,79,385,358,227,339,184,260,231,129,110,298,22,90,386,53,87,234,260,273,254,374,134;N c 230;A b b b;K c b;U b a;- c 343;- c 246;- c 123;- c 271;- c 60;D c b b;+ a 143;+ a 312;+ a 41;+ a 335;+ a 173;+ a 380;+ a 63;+ a 165;+ a 267;+ a 355;+ a 320;+ a 160;+ a 95;+ a 28;R b 91;+ a 80;+ a 378;+ a 267;+ a 17;K b a;ID b b;OL a b 316,305,101,131,126,85,158,222,214,109,314,49;R a 49;? a;? b;? c
=131,101,109,305,85,214,314,158,316,222,126||
V2 3918285973
N a 10,5,28,7,2,20,8,22,25,15,28,35;N b 21,29,30,35,5,35,1,12,24,35,32,3,4,23,28;N c 25,3,21,36,11,0,23,20;A c c b;U b b;- a 12;XL c 38,34,4,28,1;+ c 16;+ c 11;+ c 28;AL a c 25,31,26,8,4;U c c;ID a c;? a;? b;? c
=|1,32,3,5,35,4,28,12,29,23,24,30,21|1,3,34,38,4,28,23,16,11,21
V6 2565735710
N a 55,21,56,25,78;N b 31,50,66,69,18,77,15,31;N c 26,14,21,31,40,46,76,43,22;- a 18;- a 66;- a 67;- a 26;- a 30;- a 43;A b b b;- b 64;O c b a;X b a c;- a 41;- a 71;- a 27;P a;+ c 39;+ c 22;X b a b;X b c c;? a;? b;? c
=78|56,25,21,55||66,69,77,78,56,39,55,25,21,18,50,22,31,15
V2 4286330083
N a 32,20,1,32,39,35,24,10,8,8,7;N b 26;N c 35,4,3,18,5,1,1,21,3,35,34,33,2,37,5,31,1,28;A c b b;- b 24;- b 5;- b 0;- b 12;- b 8;- b 28;- b 22;X c c c;? a;? b;? c
=35,10,1,20,7,32,39,8,24|26|
V7 3983542734
N a 17,3,24,2,37,29,15,10,33,20;N b 15,21,26,11,23,22,38;N c 15;A c b a;ID c c;IX a b;P b;P b;P b;P b;? a;? b;? c
=23|11|21|15|29,23,11,21,20,2,17,37,38,33,10,24,22,26,3|38,22,26|
V2 1780340377
N a 2,31,26,33,11,16,19,22,29,37,29,18,11,0,26,28,8,0;N b 14,39,4,15,26,35;N c 21,17,3,32,30,18,25,5,5,31,20,29,4,13,39,16,10,15,1;+ c 10;+ c 26;+ c 32;+ c 7;+ c 7;O c c c;P b;P b;K a b;P a;P a;P a;R c 20;U a a;D a c a;UL a 36,27,33,26,34;+ a 12;+ a 14;+ a 37;XL a 17,21,13,16,0,23,27,23,29,11,13,23;ID a b;? a;? b;? c
=35|4|26|14|39|5,31,25,37,10,33,34,32,4,1,7,36,23,30,11,3,0,12,18|15,26,14,39|5,31,16,15,26,21,10,13,39,3,32,17,4,1,7,29,30,25,18
V5 2773319280
N a 327,242,35,353,393,58,85,102,188,57,355,311,13,327;N b 375,320,236,117,159,129,256,180,35,75,360,72,246,341,189;N c 354,177,114,93;ID c a;XL c 0,119,301,329,305,197,260;DL c 91,203,49,371,398,360,163,355,331,131,273,270,83;A c a b;U a a;O a c a;X a b b;ID c c;AL a a 355,374,6,60,387;A c a a;P b;P b;P b;K c b;P b;P b;P b;P b;D b a a;? a;? b;? c
=320|129|256|35|360|72|75|||35,360,72,75,236,180,117,246,375,341,189,159
V6 1062920043
N a 30,5,66,58,71,9;N b 21,76,29,37,55,69,23,73,68,78,60,75,31,78,69,14,29;N c 11,38,63,55,47,56,22;C c;- a 74;- a 74;- a 52;- a 42;P a;P a;P a;P a;- b 71;- b 15;- b 77;- b 0;A c b c;K b a;- c 24;- c 16;? a;? b;? c
=66|71|5|9|30,58|30,58|
V7 4049329488
N a 1,23,31,15,9,43,15,49,0,46,45,2,47,35;N b 22,4,49,13,43,27,47,1,3,6,4,1,10,43,3,8,35,17,39;N c 37,0,18,40,37,42,23,45,5;O b b c;- c 30;+ b 47;+ b 4;+ b 33;+ b 39;+ b 12;+ b 36;+ b 29;+ b 13;UL b;C b;X a a b;C b;O a b c;U a a;U a c;+ b 2;P a;? a;? b;? c
=45|18,0,5,37,23,42,40|2|45,18,0,5,37,23,42,40
V2 1782547207
N a 26,20,25,34,1,23,38,38,29,19,23,31,23,39,26;N b 11,36,16,39,3,16,17,26,37,17,0;N c 27,16,12,28,3,19,15,15,9,16,1,10,2,36,39,0,39;D c c b;X c a b;D b a c;O c c b;X b b c;P b;P b;P b;P b;X c c b;DL c 6,37,10,3,14;K c c;- a 37;- a 2;- a 32;- a 36;- a 14;- a 14;OL a c;? a;? b;? c
=31|3|37|19|31,39,19,26|1,38,34,25,36,17,29,23,16,20,11,0|31,39,19,26
V2 3865562526
N a 12,2,1,7,1,20,11,29,38,4,34,17,33,29,1,12;N b 32,23,32,2,29,21,7,33,28,10,36,32,20;N c 21;P a;+ c 32;+ c 35;+ c 30;+ c 17;+ c 29;+ c 28;+ c 8;UD a 5;X b b b;K b b;C c;? a;? b;? c
=38|11,4,33,5,12,17,1,29,34,2,20,7||
V2 1287127050
N a;N b 28,1,10,14,2,10;N c 3,17,22,28,9,14,4,26,4,32;D b a b;+ b 4;+ b 27;+ b 13;+ b 11;R b 27;UD c 2,18,36,3,0;P c;P c;OL a b 15,29,4,19,2,10,37,8,0,33;+ b 29;+ b 13;+ b 35;+ b 26;UD b 36,4,34,28,13,27,4,28,8;+ c 31;+ c 26;+ c 13;+ c 36;IA c b;U c a;? a;? b;? c
=28|32|0,11,19,15,29,4,33,13,2,37,8,10|28,27,8,34,35,26,11,29,4,13,36|0,19,15,4,2,37,36,8,10,26,11,29,33,13
V3 959088464
N a 39,38,32,31,4,12,8,15,9,36,40,25,10;N b 19,17,22,28,37,0,22,10;N c 17,16,9,33,7,8,7;ID a b;UL c 23,39,18,23,6,15,10,37;C b;D a b a;A c b a;? a;? b;? c
=||
V3 2499630818
N a 17,21,20,3,33,12,13,37,31,31;N b 9,2,6,22,15;N c 25,35,7,2,4,14,24,36,28,39;IX b b;U c a;+ a 13;+ a 37;+ a 17;+ a 2;O a c a;+ a 24;+ a 19;+ a 32;+ a 27;+ a 18;IX b a;A b c b;ID c c;IA b a;R b 3;IX b b;K a a;D b a a;IA a a;UD a 33,11,1,23,10,24,1,27,25,34,8,39,3,5;? a;? b;? c
=35,36,2,37,39,11,10,23,7,18,3,21,13,28,5,17,24,12,4,14,27,1,19,34,25,8,20,31,32,33||
V0 306935475
N a 7,16,8,1,25;N b 9,5,22,10,8,26,14,9,23,28,8,0,20,1,27,15,0,2,18,28;N c 17,17,20,17,12,1,8,5,4,14,16,17,26,2;X b b b;+ a 21;+ a 11;+ a 18;+ a 22;+ a 26;OL c c 14,28,29,12,29,21,9,16,10,5,10,2,25,19;K a b;IX c b;+ c 14;+ c 7;+ c 13;+ c 28;+ c 22;D a c b;R a 20;? a;? b;? c
=1,2,4,5,7,8,9,10,12,13,14,16,17,19,21,22,25,26,28,29||1,2,4,5,7,8,9,10,12,13,14,16,17,19,20,21,22,25,26,28,29
V0 166952247
N a 22,5,25;N b 19,13,27,1,16,4,23,23,2,4,26,28,7,19,7,7;N c 28,27,24,23,4,3,14,10,11,20,0,12,1,2,15,4;D c a b;+ a 24;- a 24;- a 17;- a 11;- a 7;- a 13;UD c 7,8,4,7,29,25,0;P a;+ b 8;+ b 19;+ b 27;X b b c;- b 24;- b 0;- b 27;- b 7;- b 19;- b 16;- b 6;- b 25;O b b b;IA b b;D b c b;ID b a;IX b a;? a;? b;? c
=25|5,22|0,4,5,7,8,22,25|0,4,5,7,8,22,25,29
V3 1610380126
N a 6;N b 18,22,1,21,3,11,15,10,30;N c 25,35,7,40,36,20,32,30;UL b 20,31,15,3,11,20,11,0,40,36;OL b a 34,6,38,40,40,26,28,21,40,30;R a 6;A b b a;? a;P c;P c;+ b 38;+ b 6;+ b 8;+ b 0;? b;D b c c;IX c b;D a a b;- b 38;- b 30;- b 38;- b 37;- b 36;- b 31;- b 8;- a 18;- a 5;- a 13;- a 37;- a 16;- a 34;- a 8;K c a;? a;? b;? c
=|35|36|0,38,8,6|||
V7 561373926
N a 27,41,10,20;N b 43,15,46,45,22,24,27,2,26,27,4,5,35,36;N c 42,49,9,20,46,47,19,45,3,14,22;XL a 11,32,0,23,21,26,18,5,10,25,9,31,26;A a a c;XL a 33,19,21,11,38,35,23,15;+ b 14;+ b 26;+ b 29;+ b 18;+ b 13;+ b 17;+ b 15;- c 39;- c 7;- c 40;- c 47;- c 33;- c 48;- c 41;- c 21;- c 28;- c 42;- c 42;+ a 18;+ a 33;+ a 26;+ a 47;+ c 2;+ c 0;+ c 38;+ c 49;K b b;- a 1;- a 0;- a 1;- a 10;- a 1;- a 1;- a 6;- a 40;XL a 22,8,33,26,25,5,9,5,32,15,41;OL a c 14;X c a c;- a 22;- a 25;- a 15;IA c a;? a;? b;? c
=3,0,2,20,45,14,49,19,9,46,38|22,24,4,26,45,14,35,43,29,13,5,36,15,2,18,46,17,27|
V0 2409510567
N a 23,2,29,29,29,1,21,0,14,15,22,8,12,24,29;N b 25,22,15,26,14,22,17,12,13,6,16,20;N c 7,1,28,3,20,0,0,22,1,23,16,1,29,8,23,28,6,16;ID a a;- c 18;- c 5;- c 16;- c 10;- c 0;- c 14;- b 8;- b 11;- b 9;- b 1;U c c;+ b 29;? a;? b;? c
=|6,12,13,14,15,16,17,20,22,25,26,29|1,3,6,7,8,20,22,23,28,29
V7 1234232356
N a 12;N b 36,2,7,45,47;N c 19,33,48,19,0,22,41,45,20,16,14,37,26,49,18,42,21,17;ID a c;X c b c;D b a c;+ a 35;+ a 6;+ a 19;? a;? b;? c
=19,12,6,35|12|0,42,19,49,47,36,18,21,7,14,22,48,2,16,37,41,20,33,17,26
V0 3008361469
N a 8,2,11;N b 25,23,29,20,3,6;N c 1,11,8,6,11,28,5,22,23,24;? b;UD c 14,6,11,13,20,0,0,4,16,3,4,9,9,29;R b 20;P a;UD a 16,7,27,13,22,21,26,24,12,0,10;? a;? b;? c
=3,6,20,23,25,29|8|0,2,7,10,11,12,13,16,21,22,24,26,27|3,6,23,25,29|0,1,3,4,5,6,8,9,11,13,14,16,20,22,23,24,28,29
V1 2342353812
N a 38,14,19,17;N b 28;N c 17,38,4,14,39,13,29,19,5,3,40,24,8,10,2,31,1,29,14,25;R c 38;X c a c;? b;? a;? b;? c
=28|38,14,17,19|28|24,25,29,31,38,39,40,1,2,3,4,5,8,10,13
V2 1839550080
N a 15,13,23,17,32,8,34,4,36,37,7,39,9,21,21,10,12,32,27;N b 15,32,16;N c 6,15,5;+ a 12;+ a 31;X b a b;C a;R b 9;UL c 30,10,30,27,6,1,4,22,0,3;- b 8;- b 15;- b 33;- b 6;- b 26;- b 12;C a;+ a 37;+ a 32;ID b a;O b c c;P a;P a;+ b 2;UL a 21,36,34,25,18,32,37,28,33,31,32;? a;? b;? c
=32|37|34,25,33,28,18,21,37,32,36,31|4,6,2,30,5,1,22,0,3,10,15,27|4,6,30,5,1,22,0,3,10,15,27
V5 1751266395
N a 281,28,320,331,46,174,190,260,75,281,284;N b 301,145,211,152,44,306,361,207,87,92,284,111,240;N c 389,218,177,306,133,56,106,246,250,376,34,66,106,195,217,317;P a;IA b a;R a 28;- c 379;- c 274;- c 387;- c 129;- c 373;R b 284;K a c;- a 217;- a 219;- a 123;- a 10;ID c b;IA c c;+ c 252;? a;? b;? c
=320|34,66,376,389,133,195,106,250,177,306,246,56,218,317||34,66,376,389,133,195,106,250,177,306,246,56,217,218,252,317
V4 2206528991
N a 16,16,11,9,0,3,7,38,19,4,10,3,39;N b 25,2,43,23,26,33,39,22,18,30,30,17,13,24;N c 7,38,28,38,16,17,43,40,6,38,7,4,34,6,29;O a a c;UD b 6,9,6,16,10,34,0,4,14;R b 14;UL c 32,8,7,14,18,37,4,33;? a;? a;? b;? c
=0,19,7,38,6,39,3,9,28,16,4,10,40,34,11,29,17,43|0,19,7,38,6,39,3,9,28,16,4,10,40,34,11,29,17,43|18,25,26,2,30,33,39,13,22,24,6,9,16,23,17,10,34,4,0,43|6,18,7,38,32,8,14,37,28,16,40,4,34,29,17,33,43
V6 97047640
N a 7,51,6,58,61,18,60,41,9;N b 59,25,24;N c 60,9,60,5,76,65,0,65,43,51,43,40,13,54,27;XL a 23,8,3;X a a b;- c 63;- c 63;- c 41;- c 37;- c 46;- c 71;R b 25;R a 9;X a b b;- b 16;- b 58;- b 51;- b 27;- b 42;IX a b;+ a 41;+ a 64;+ a 51;IX a c;U a a;D b a c;P b;P b;P b;UD b 14,63;UD b 10;? a;? b;? c
=24|64|41|24,64,60,76,65,0,40,59,41,5,9,13,54,43,27|59,63,10,14|60,76,65,0,40,51,5,9,13,54,43,27
V4 2479920277
N a 38,37,11,11,23,10,22,27,14,38,31,32,26,29,36,36,36;N b;N c 6,17,27,44,2,26,21,42,17,8,35,17,10,0,40,30,13,19;AL c c 41,29,19,13,19,23;A a c c;- c 27;- c 4;- c 12;U c c;X c c b;- a 16;- a 40;- a 18;- a 26;U b a;U a c;X c a c;+ b 34;+ b 11;+ b 35;+ b 41;+ b 16;+ b 5;+ b 4;? a;? b;? c
=19,13|19,13,34,16,4,35,11,41,5|
V2 2107402189
N a 10,14,6,16,35,10,3,0,14;N b 6,37,15,34,17,10,30,38,9,33,33,12;N c 29,35,37,2,37,5,19,4,3;- b 33;- b 5;- b 16;- b 19;- b 23;- b 18;UD a 2,38,23,39,1;AL a c 22,11,7,7,32;? a;? b;? c
=|12,34,10,6,37,30,17,9,15,38|3,19,2,4,37,35,29,5
V6 880069562
N a 66,31,39,23,4,72,49,70,72,0,74,40;N b 66,11,50,10,57,76,23,37,17,52,18;N c 49,46,44,35,42,7,47,61,68,13,58,66,40,63,74,32,51,70;P b;P b;P b;P b;A b b a;A c b c;A c c c;+ c 78;+ c 70;+ c 5;+ c 62;+ c 75;? a;? b;? c
=66|76|52|57|66,4,39,72,70,0,74,40,49,31,23|23|78,70,62,75,5
V5 3817885504
N a 114,355,390,150,138,371,51,229,106,396,214,390;N b 11,359,184,79,102,260,334,40,336,36,291,149,385,289,111,140;N c 359,375,129,52,110,150,27,118,52,302,145,131,142,32,118,263,315,111,209,291,242,395,114,22,67,258,20,281,271,57,77,257,217,392,311,216,373,137,6,129,348,329,216,166,181,361,146,374,46,79,6,94,379,253,154,122,367,399,260,56,215,298,370,261,15,314,338,85,114,46,307,113,309,244,172,101,190,30,69,11,310,9,2,385,166,234,158,232,39,127,396,106,143,23,307,303,326,141,100,275,65,64,381,21,283,312,284,43,116,218,225,69,354,302,154,51,111,81,105,345,10,142,248,282,271,238,296,47,62,193,268;+ b 211;+ b 353;+ b 230;+ b 53;+ b 392;+ b 201;+ b 166;+ b 381;ID c a;- b 226;- b 212;- b 5;- b 130;- b 245;- b 274;R a 214;R b 260;IX a c;X b c a;XL c 280,234,41,282,260,228,268,381,2,331,210,50,325,274,75,176,25,243,227,140,296,319,245,372,250,53,301,303,66,227,367,108,394,182,241,349,6,279,297,188,1,47,54,310,262,289,172,214,23,353,34,349,39,330,15,60,1,304,247,340,324,250,81,168,221,111,136,325,140,370,157,114,376,97,204,332,23,169,121,302,203,251,302,336,230,214,315,268,48,173,362,309,244,361,253,367,228,191,272,35,239,207,242,23,136,337,234,223,190,274,51,319,369,349,307,10,399,320,210,87,115,339,14,180;- a 66;- a 244;- a 73;- a 251;- a 331;- a 46;- a 26;P b;P b;P b;UD c 219,368,153,46,47,46,395,26,211,13;A a a b;+ c 322;+ c 352;+ c 224;+ c 30;+ c 376;+ c 74;+ c 89;+ c 372;U b a;O a b a;+ c 40;+ c 249;+ c 266;+ c 182;+ c 113;? a;? b;? c
=51|355|106|229,390,138,396,114,371,150|114,371,390,138,396,150,229|1,9,11,13,14,20,21,22,25,26,27,30,32,34,35,40,41,43,46,47,48,50,51,52,53,54,56,57,60,62,64,65,66,67,69,74,75,77,79,85,87,89,94,97,100,101,105,108,110,113,114,115,116,118,121,122,127,129,131,136,137,140,141,142,143,145,146,153,154,157,158,166,168,169,173,176,180,181,182,188,191,193,203,204,207,209,210,211,214,215,216,217,218,219,221,223,224,225,227,228,230,232,238,239,241,243,245,247,248,249,250,251,257,258,261,262,263,266,271,272,274,275,279,280,281,283,284,289,291,297,298,301,304,311,312,314,319,320,322,324,325,326,329,330,331,332,336,337,338,339,340,345,348,349,352,353,354,359,362,368,369,372,373,374,375,376,379,385,392,394,395
V6 3919375334
N a 67,1,65,14,17,29,27,7,60,14,65,74,23,59,64,6;N b 37,43,53,27,22,71,5;N c 59,27,59,32,10,7;X a c c;R c 59;IX c b;K c b;UL c 47,69,48,47,15,47,73,53,67,65,48,7,10;? a;? b;? c
=|71,37,53,5,22,43,27|71,69,48,73,67,65,10,43,27,7,15,53,37,5,22,47
V1 1630064882
N a 22,6,1,8,38,27,12,33,9,12,39,3,21,34,14,23,31;N b 36,39,16,37,2,9,39,1,29,33;N c 3,24,39,33,9,21,22,6,3,37,30,35,16,28;? c;XL b 7,34,39;P a;P a;? a;A a b b;K c b;U a c;UD b 12,7,24;O b c a;DL a 40,9,40,31,7,21,6;+ c 32;+ c 23;+ c 40;+ c 22;+ c 16;+ c 11;+ c 38;? a;? b;? c
=21,22,24,28,30,33,3,35,37,6,39,9,16|21|22|23,27,31,1,33,3,34,38,6,8,9,39,12,14|29,33,34,36,37,1,2,16|29,33,34,36,37,1,2,7,9,16|22,23,29,32,1,2,33,36,37,34,7,40,9,38,11,16
V6 2730826430
N a 3,29,11,4,25,50,10;N b 46,17,41,70,31,69,73,58,28,48;N c 22,51,25,23,43;DL b 66;DL b 41,35,65,62,56,69,37,60,45,51,0;R a 10;P a;P a;D a c b;+ a 14;+ a 3;+ a 30;+ a 0;+ a 45;P c;K c b;IX a c;IX a b;A a a c;? a;? b;? c
=4|29|51||70,73,28,48,17,46,58,31|70,73,28,48,17,46,58,31
V1 1615383604
N a 39,10,11,31,12,35,29,14,8,5,1;N b 19,19,30,18,8,7,35,13,34,40,13,22,17;N c 17,28,30,32,30,39,24,38,24;K c b;+ b 24;R b 30;IA c a;D a c a;OL b b 12,14,31,4,16,12,23,16,27,10;K c c;X b b b;K c c;- c 30;- c 10;- c 23;- c 39;- c 38;- c 7;- c 7;- c 20;? a;? b;? c
=||8,35
V6 2749251705
N a 78,39,67,68,14,42,67;N b 18,41,9,30,45,45;N c 8,26,2,31,20,25,60,51,18,47,25,45,10,72,64,46,50,31,44,28;- a 15;- a 21;- a 48;- a 29;- a 30;P c;+ b 17;+ b 0;+ b 49;+ b 1;? a;? b;? c
=8|78,67,68,14,42,39|0,9,41,45,17,49,1,18,30|20,60,72,47,51,64,44,25,45,28,2,26,18,10,46,50,31
V5 2364968809
N a 24,271;N b 57,390,304,124,205,367,234;N c 332,183,268,109,1,233,394,309,157,396,120,85,353,243,318;D b c a;R c 85;X a c a;OL a b 38,252,351,56,66,134,136,80,341,260,17,201,260;- c 21;- c 51;- c 83;O c a b;C c;- b 338;- b 179;- b 263;- b 212;- b 18;- b 383;UL a 352,176,348,8,216,98,105,265,211,81;? a;? b;? c
=1,260,134,136,8,394,265,268,396,17,157,38,176,309,183,56,318,66,201,332,80,81,211,85,341,216,348,351,352,353,98,233,105,109,243,120,252|1,353,233,394,332,109,268,396,243,309,85,183,120,157,318|
V0 1288760808
N a 10,7,6;N b 12,25,9;N c 24,25,4,29,10,1,17,5,6,28,17,2,29;P c;P c;P c;P c;OL a c 0,13,8,4,0,8;ID a b;U a c;D a b b;+ b 0;+ b 25;? a;? b;? c
=1|2|4|5||0,25,12,9|6,10,17,24,25,28,29
V7 1395479740
N a 27,18,49,27,19,30,22,39,6,32,44,14,25,14,12;N b 17,4,26,18,28,49,16,9,30,12,27,23;N c 32,40,45,28,20,18,22,8,42,38,34,3,43,11,6,28,46,31;? c;O b b b;U b c;ID b a;+ c 27;+ c 47;+ c 10;+ c 38;+ c 47;+ c 26;? a;? b;? c
=3,34,45,22,40,38,18,46,8,42,6,28,43,11,32,31,20|27,19,22,14,18,30,6,39,44,32,12,49,25|9,16,26,34,38,46,11,43,31,23,20,3,45,40,8,17,4,28,42|10,34,18,46,11,31,27,3,22,42,28,38,26,6,43,32,20,47,45,40,8
V5 806007292
N a 243,367,247,263,128,82,399,136,121,225,330,290,110,199;N b 305,49,8,341,88,124,303;N c 338,198,99,29,349,1,160,104,131,313,63,119,69,197,319,227,380,5,118,4;UL a 7,227,256,302,134,217,380,43,246,217,149,372,80,238,231,210,371,237,180,172,198,157,217,123,4,333,176,51,159,200,113,341,156,283,395,14,103,334,218,182,215,245,273,129,278,347,2,27,105,351,238,75,340,252,283,187,272,397,185,88,336,223,265,306,95,33,360,295,358,151,53,27,382,286,244,76,136,309,170,286,211,121,159,54,306,253,265,269,171,271,309,103,142,5,374,83,32,77,130,115,46,106,62,299,225,211,53,151,392,70,138,251,289,52,210,92,32,275,138,256,357;+ a 70;+ a 378;+ a 371;+ a 210;+ a 288;+ a 279;+ a 103;X b c c;+ a 166;+ a 324;+ a 319;+ a 224;+ a 237;U b b;U c a;A a a a;? c;A a b c;D c b b;? a;? b;? c
=1,2,4,5,7,14,27,29,32,33,43,46,51,52,53,54,62,63,69,70,75,76,77,80,82,83,88,92,95,99,103,104,105,106,110,113,115,118,119,121,123,128,129,130,131,134,136,138,142,149,151,156,157,159,160,166,170,171,172,176,180,182,185,187,197,198,199,200,210,211,215,217,218,223,224,225,227,231,237,238,243,244,245,246,247,251,252,253,256,263,265,269,271,272,273,275,278,279,283,286,288,289,290,295,299,302,306,309,313,319,324,330,333,334,336,338,340,341,347,349,351,357,358,360,367,371,372,374,378,380,382,392,395,397,399|||
V4 340668887
N a 14,40,8,0,4,42,31,35,28,45,39,2,16,15,4,1,29,0,3;N b 35,29,18,7,12;N c 37,7,3,40,21,15,27,11,37,5,12,34,12,18;+ c 1;+ c 33;+ c 0;+ c 22;R b 29;+ b 13;+ b 31;+ b 27;+ b 7;+ b 21;IA a b;+ b 21;OL c b 4,38,7;A a b b;R b 35;P b;P b;P b;P b;P c;P c;X b c b;+ c 5;+ c 8;+ c 6;+ c 45;+ c 27;+ c 34;+ c 30;+ c 36;ID b a;? a;? b;? c
=18|12|7|13|18|12|18,12,7,13,31,27,21,35|38,4|30,6,7,13,31,27,21,38,8,4,45,34,36,35,5
V5 3955253251
N a 53,11,98,383,270,187,150,392,228,184,142,215,15,0,150,164,132,298,362,158,254,242,354,26,338,383,317,268,256,386,182,224,361,250,157,262,4,148,296,40,4,281,208,230,136,133,380,111,97,91,151,239,41,353,391,227,301,165,175,188,31,67,387,175,197,293,47,258,94,395,18,7,222,295,263,399,321,230,87,380,39,61,139,198,380,253,334,149,212,215,379,13,191,391,38,388,394,51,186,7,357,308,292,12,391,366,88,69,131,249,199,335,53,240,94,352,367,184,389,111,156,244,111,370,96,131,70,1,288,4;N b 355,352,72,117,116,108,328,3,301,204,21,136,223,271,275,221,342,133,185,250,292,222,127,134,308,339,94,315,32,293,17,213,184,317,221,140,92,303,48,190,197,113,152,279,362,364,225,315,21,230,69,141,140,198,84,90,382,142,322,203,173,67,197,324,305,65,305,386,161,7,154,315,362,371,223,188,227,396,299,173,350,198,179,39,159,391,194,58,299,83,282,67,221,154,223,283,379,215;N c;K c c;R b 303;U a b;- a 231;- a 40;- a 338;- a 221;- a 268;IX c b;U a c;OL a c 369,39,297,139,175,125,36,386,51,347,103,170,77,276;K c a;U a c;? a;? b;? c
=3,7,17,21,32,36,39,48,51,58,65,67,69,72,77,83,84,90,92,94,103,108,113,116,117,125,127,133,134,136,139,140,141,142,152,154,159,161,170,173,175,179,184,185,188,190,194,197,198,203,204,213,215,221,222,223,225,227,230,250,271,275,276,279,282,283,292,293,297,299,301,305,308,315,317,322,324,328,339,342,347,350,352,355,362,364,369,371,379,382,386,391,396|3,7,17,21,32,39,48,58,65,67,69,72,83,84,90,92,94,108,113,116,117,127,133,134,136,140,141,142,152,154,159,161,173,179,184,185,188,190,194,197,198,203,204,213,215,221,222,223,225,227,230,250,271,275,279,282,283,292,293,299,301,305,308,315,317,322,324,328,339,342,350,352,355,362,364,371,379,382,386,391,396|3,7,271,17,275,276,21,279,282,283,32,292,293,36,39,297,299,301,48,305,51,308,58,315,317,65,322,67,324,69,72,328,77,83,84,339,342,90,347,92,94,350,352,355,103,362,108,364,113,369,371,116,117,379,125,382,127,386,133,134,391,136,139,140,141,142,396,152,154,159,161,170,173,175,179,184,185,188,190,194,197,198,203,204,213,215,221,222,223,225,227,230,250
V1 166237619
N a 21,31,20,27,18,6,16;N b 22,29,37,39,10,17,39;N c 6,18,8,36,16,4,7,24,1,1,8,1,26,5;A a a c;+ c 18;+ c 18;+ c 18;+ c 35;+ c 23;+ c 15;+ c 13;+ c 28;DL c 29;X b a a;? a;P a;UL b 5,14,14,0,5,3,23,19,2,37;U b b;IA a a;+ a 23;+ a 18;+ a 18;+ a 30;+ a 8;+ a 15;+ a 23;+ a 36;C a;A c c a;A b c b;UL c 12,3;A c a c;? a;? b;? c
=6,16,18|6|||
V1 1404404008
N a 0,28;N b 31,38,14,7,13,21,20,31,23,37,9,23,8,17,39,16,34,31;N c 27,25,19,36,18,26,4,4,7,16,32,29,32,17,2;UL b 14,17,23,17,10,21;A c c b;ID c c;AL a a 25,17,15,31,4,8,28,3,3,33,24,37;+ a 35;+ a 36;+ a 8;+ a 35;+ a 36;+ a 12;+ a 1;U c a;K a a;? a;? b;? c
=36,8,28,12,1,35|20,21,23,31,34,37,38,7,8,9,39,10,13,14,16,17|36,8,28,12,1,35
V0 3220348950
N a 21,7,5,3,12,28,2,22,27;N b 0,22,21,6,22,27,18,26,16,26,24,16,27,13,11,10,29,24,15;N c 12,17,9,22,10,18,14,18,8,8,15;OL c a 7,17,19,16;D c c c;A b b b;OL b b 17,25,29,27,12;? a;? a;? b;? c
=2,3,5,7,12,21,22,27,28|2,3,5,7,12,21,22,27,28|0,6,10,11,12,13,15,16,17,18,21,22,24,25,26,27,29|
V4 3964949625
N a 21,39,15,16,45,26,3,17,39,28,10;N b 32,0,29,26,9,4,7,41,13,40,11,43,16,28,44,42,41,36,6,7;N c 43,18,31,19,32,44,43,11,38,42;D c a a;D a b c;UL b 21,11,4,31,6,8,34,1,19,21,38,33,23;C a;R b 6;P b;AL b c 7,25,38,45,19,23,14,13,2,13,3,22;U a c;? a;? b;? c
=0|||
V6 1676549009
N a 3,71,46,5,61,7,29,42,33,78,64;N b 27,5,50;N c 28,40,26,18,19,58;R a 3;O a c b;+ c 1;+ c 20;+ c 13;IA a c;IA b a;A c c c;U a c;? a;? b;? c
=28,40,20,1,13,58,18,26,19||28,40,20,1,13,18,26,58,19
V6 3451548811
N a 46,77,36,17,6,9,60,13,64,13,39,34,20,21,72;N b 22,43,19,40,66,36,72;N c 12,59,32,74;A b c a;U b a;X a a b;? a;? b;? c
=|77,36,60,64,20,72,17,9,13,21,46,6,34,39|12,32,74,59
V2 84129706
N a 36,14,25;N b 36,11,17,7,30,20,21,4,25,24,4,0,7,0,29,3;N c 2,4,21,18,36;AL c b 27,31,3,19;D c c c;+ b 28;+ b 11;+ b 35;+ b 13;+ b 34;+ b 39;+ b 27;- c 36;- c 2;- c 19;+ a 26;+ a 1;+ a 22;+ a 14;+ a 15;+ a 24;UL c 3,15,1,34,27,13,6,37,3,13,16,9,23;UD b 14,12;U b b;IA a c;? a;? b;? c
=15,1|12,20,7,30,29,0,21,28,11,39,17,36,34,27,24,35,4,25,3,14,13|37,9,16,15,1,3,34,27,6,13,23
V6 3988932763
N a 24,35;N b 28,78,71,56,70,68,61,20,68,56,17,40,33,41,53,34;N c;OL b b;UL c 67,9,57,34,36,69,2,21,72,38,23;- b 67;- b 5;- b 22;- b 66;UL a 22,70,71;OL b c 59,31,6,53,9,12,30,52,71,50,78,59,32;O a a c;O c b c;? a;? b;? c
=24,71,70,67,69,72,9,57,34,2,35,36,21,22,38,23|67,69,72,71,78,32,34,2,50,36,52,21,53,38,6,23,9,57,59,12,30,31|67,69,72,71,78,32,9,57,34,2,50,59,36,52,12,31,21,53,38,6,30,23
V0 1083524367
N a 12,20,2,15,0,12,18,22,27,23;N b 11,15,19,11,16,13,6,11;N c 18,15,29,1,26,19,11,15,28,10,25,16,4,29,19,14;UD a 29,22,1,2;+ a 25;+ a 21;ID c c;O b a a;- a 21;- a 23;- a 16;IA a b;? a;? b;? c
=0,1,2,12,15,18,20,22,25,27,29|0,1,2,12,15,18,20,21,22,23,25,27,29|
V5 2609642978
N a 140,189,358,67,166,371,230,185,95,334,332,265,156,21;N b 362,106,276,348,360,288,273,396,109,78,299,73,190,81,381,288,188,232,65,29,277,264,377,70,380,338,71,180,189,1,342,297,308,143,328,248,313,282,209,4,386,370,155,244;N c 158,166,244;AL c a 179,264,78,7,108,68,361,40,0,59;IA b c;O c a a;A b b b;- b 306;- b 143;- b 40;- b 276;- b 114;- b 158;- b 184;D c a b;? b;K b c;P a;P a;P a;? a;? b;? c
=|67|166|358|230,265,140,332,334,371,21,185,156,189,95|67,166,358,230,265,140,332,334,371,21,185,156,189,95|67,166,358,230,265,140,332,334,371,21,185,156,189,95
V7 1929622080
N a 23,41,49,10,41,26,16;N b 8,24,47,45,3,28,47,17,40,46,3,43,22,43,43,8,15,8;N c 34;A a c a;IA b b;A b c c;ID b b;DL b 47;- b 40;X b a b;- a 28;- a 43;- a 20;- a 21;- a 38;- a 21;- a 13;- a 19;O c b c;- c 34;- c 45;+ c 45;+ c 25;+ c 28;+ c 26;+ c 23;+ c 8;+ c 30;+ c 43;? a;? b;? c
=||8,43,45,30,26,23,25,28
V1 1383651809
N a 0,13,14,22,16,30,31,1,0,40,17,24,38,14,18;N b 8,1,32,18,20,19,34;N c 22,32,9,39,16,30,22,32,13,28,2,30,13,18,17,37,1;+ a 23;+ a 37;+ a 26;+ a 36;+ a 24;+ a 18;+ a 36;C a;A c a c;K b b;+ a 20;D a b c;? b;- c 39;- c 27;- c 16;- c 6;- c 10;- c 19;- c 30;+ a 38;+ a 23;? a;? b;? c
=20,8,19,18,32,1,34|20,23,32,34,38,1,8,18,19|20,8,19,18,32,1,34|
V7 4001686464
N a 31,28;N b 2,1,34,36,6;N c 22;P b;P b;P b;P b;DL b 49,46,45,28;O b b b;A a b a;R c 22;+ b 27;+ b 43;+ b 36;+ b 9;+ b 25;+ b 23;O b b a;? a;? b;? c
=1|6|36|2||23,27,25,43,34,36,9|
V0 45272361
N a 13,19,23,21,1,3,23,27,7;N b 27,23,22,0,8,1,26,27,25,12,26,0;N c 22,13,16,13,12;A c c c;IX a b;- a 22;- a 5;- a 4;- a 13;U a b;+ c 8;O a b a;+ a 16;+ a 22;+ a 10;+ a 10;+ a 19;+ a 22;+ a 6;? a;? b;? c
=0,1,3,6,7,8,10,12,16,19,21,22,23,25,26,27|0,1,8,12,22,23,25,26,27|8,12,13,16,22
V6 2554946616
N a 72,56,21,36,41,76,3,61,33,60,30,37,19,23;N b 7,46,28,68,75,73,63,48,2,58,73,47;N c 22,74,3,20,55,3,52,58,69,3,16,32,60,53,9;P c;P c;P c;R b 48;A c c a;? a;? b;? c
=74|20|52|72,36,56,76,61,60,41,21,33,37,30,3,19,23|28,75,68,73,63,47,46,2,58,7|60,3
V3 3683678186
N a 33,27,6,32,39,12,31,6,23,37,18,15,20,17,28,8,13;N b 20,40,26,18,18;N c 34,8,27,4,22,9,39,38,25,28,15,3,36;ID b a;O b b c;- a 35;- a 29;- a 31;A a a a;IX a c;? a;? b;? c
=36,37,38,3,22,23,25,9,20,12,6,4,18,17,13,34,32,33|36,38,39,40,9,3,4,22,27,28,8,15,25,26,34|36,38,39,9,3,4,22,27,28,8,15,25,34
V1 2559534439
N a 34,20,8,39,37,11,29,25,38;N b 19,30,11,27,3,36,5,6,4;N c 36,3,32;- b 32;P b;P b;+ b 40;+ b 40;+ b 22;+ b 33;? a;A b a c;? a;? b;? c
=27|30|20,25,29,34,37,38,39,8,11|20,25,29,34,37,38,39,8,11||36,32,3
V1 3692987131
N a 26,33;N b;N c 4;U c a;O c a b;UL b 39,11,10,22,20,29;D b c b;P a;P a;U c c;P c;O b c b;? a;? b;? c
=33|26|33||33,26|26
V5 1974607167
N a 177,281,275,350,85,56,67,181,124,36,384,139,188,375,17;N b 218,62,203,247,178,353,21,331,260,264,320,190,238;N c 305,219,152,159,269,228,121,256,7,339,215,125,42,197,330,274,38,399,214,101,105,288,271,51,40,100,206,288,44,349,142,106,336,63,310,28,393,387,364,218,286,398,62,22,19,143,9,32,380,198,61,154,157,140,26,173,77,114,184,105,293,369,350,223,348,128,170,123,331,304,347,1,177,378,217,16,398,103,51,160,248,104,54,146,329,338,123,265,318,39,304,91,210,227,328,146,180,55,223,52,250,110,33,197,143,126,344,106,340,155,377,291,242,229,171,192,114,369,5,129,364,261,9,397;O a a c;+ a 105;+ a 149;+ a 165;XL a 181,238,19,385;O a c b;U b a;DL c 326,34,269,94,132,108,79,4;OL a c 198,70,66,137,67,76,309,8,266;? a;UD b 74,146,289,364,354,281,84,138,324,81,330,233,15,353;X c c b;P c;P c;X a b c;- c 61;- c 140;- c 396;- c 270;- c 177;- c 131;- c 56;- c 383;IX a b;UL a 76,73,135,380,212,369,312,184,169,77,211,360,186,187;? a;? b;? c
=256,1,5,261,7,8,9,265,266,271,16,274,19,22,26,28,286,32,33,288,291,293,38,39,40,42,44,304,305,51,52,309,54,55,310,61,62,63,318,66,67,70,328,329,330,331,76,77,336,338,339,340,344,91,347,348,349,350,100,101,103,104,105,106,364,110,369,114,121,377,123,378,125,126,380,128,129,387,393,137,140,397,142,143,398,399,146,152,154,155,157,159,160,170,171,173,177,180,184,192,197,198,206,210,214,215,217,218,219,223,227,228,229,242,248,250|15|21|264,260,269,281,289,312,320,324,73,74,76,77,81,84,353,354,360,369,380,135,138,169,178,184,186,187,190,203,211,212,247,233,238|1,5,7,9,15,16,19,21,22,26,28,32,33,38,39,40,42,44,51,52,54,55,61,62,63,74,77,81,84,91,100,101,103,104,105,106,110,114,121,123,125,126,128,129,138,140,142,143,146,152,154,155,157,159,160,170,171,173,177,178,180,184,190,192,197,198,203,206,210,214,215,217,218,219,223,227,228,229,233,238,242,247,248,250,256,260,261,264,265,269,271,274,281,286,288,289,291,293,304,305,310,318,320,324,328,329,330,331,336,338,339,340,344,347,348,349,350,353,354,364,369,377,378,380,387,393,397,398,399|74,81,84,138,178,190,203,233,238,247,260,264,269,281,289,320,324,353,354
V3 3357599600
N a 2,11,38,4,31,39,29,34;N b 28,28,39,25,16,37,25,8,19,3,20,35,23,28,16,24,24;N c 32,17,6,40,28,25,6,22,4,26,39,24,6,13,0,8,22,10;U b c;IA b b;DL b 32,22,26,8;D c b c;OL c c;P c;P c;D b a b;ID a b;U a b;K b a;- a 26;- a 40;- a 16;IX b a;+ a 29;+ a 27;+ a 17;+ a 25;+ a 11;+ a 32;+ a 36;+ a 37;OL c a 8,12,27,0,32,3,9;? a;? b;? c
=35|3|36,37,38,39,17,2,29,25,4,11,27,31,32,34||36,37,38,39,2,3,27,17,25,11,9,8,0,12,29,4,31,32,34
V6 3692188785
N a 38,27,41,71;N b 50,44,45,74,70,36,14,71,8,73,32,60,28,55,73,21;N c 74,41,53,0,68,33,41,21,34,7,55,56,71,58,74,44;A b a c;OL c c 62,37,42,61,4,36,3,60;- a 31;- a 76;- a 67;- a 57;- a 45;- a 30;- a 6;- b 13;- b 13;- b 51;- b 40;- b 25;? a;? b;? c
=38,71,41,27|71,41|74,0,68,71,62,61,60,33,34,3,4,36,53,21,37,55,7,56,41,58,42,44
V3 1136013206
N a 22,11,24,2,5,28,25,11,8,33,39,38,34,2,0,18,28,26,32;N b 35;N c 31,25,26,2,38,35,13,36,36,1,3,5,32,16,21,33;X c a b;O c a b;A b a a;X c a c;ID c c;U b c;A c b a;UD c 20,9,32,37,9,22;D a c b;+ c 2;+ c 11;+ c 33;O a b c;IX c a;? a;? b;? c
=37,38,39,2,8,25,9,24,20,22,5,0,11,28,18,33,26,32,34|38,39,2,8,25,24,22,5,0,11,28,18,33,26,32,34|
V7 2903033618
N a 37,11,42,6,27,28,6,3,14,20,9,2,38;N b 20,3,48,44,10,38,2,1,20;N c 14,46,35;IA b b;+ c 12;+ c 5;+ c 37;P c;OL a b 12,34,16,2,32,35,31,38,25,24,25,26;OL a c 3,34,49,30,1,20,42,8;? a;C b;U c c;- c 26;- c 14;- c 49;- c 7;- c 35;- c 11;P a;P a;+ a 33;+ a 33;+ a 20;+ a 42;ID c b;D a c b;X b c c;+ c 30;+ c 30;+ c 1;+ c 37;+ c 6;+ c 46;+ c 36;+ c 36;? a;? b;? c
=5|35,20,8,34,49,42,37,12,3,46,1,14,30|35|20|46,12,37||6,37,12,46,1,36,30
V2 386374954
N a 38,11,34,16,1,27,9,1,17,39,16,12,34;N b;N c 25,39,3;K c a;D a a a;A a c b;ID b b;X a c b;O a a c;XL a 0,14,10,3,39,35,1;? a;? b;? c
=35,12,3,10,14,0,9,38,17,16,27,11,34||12,17,16,39,1,27,9,38,11,34
V5 366658396
N a 165,389,196,64,32,59,241,232,180,346,20,388,165,202,336;N b 380,89,289,53,230,184,149,35,286,292,78,197,192;N c 392,234,82,364,319,240,310,49;P c;+ c 24;+ c 390;+ c 156;+ c 231;IA a b;R c 231;+ a 339;+ a 264;+ a 190;+ a 53;+ a 7;+ a 258;+ a 62;+ a 241;+ a 91;+ a 114;- c 178;- c 11;- c 290;- c 360;- c 364;- c 235;- c 311;- c 284;- c 241;- c 40;A b b a;R a 258;+ a 81;+ a 58;+ a 230;+ a 360;U b a;? a;? b;? c
=392|230,7,264,360,241,114,339,81,53,62,58,91,190|230,7,264,360,241,114,339,81,53,58,91,190,62|390,234,240,49,82,310,24,156,319
V2 4186477330
N a 10,7,31,23,21,13,19,21,38;N b 9,15,6,19,9,33,24,19,6,15,0,27,17,39,4,25,15;N c 9,20,9,17,24,23,33,39,34;P a;P a;P a;D a b a;IA a c;D a c b;+ a 13;XL c 12,18,2,34,31,22,2;O b b a;? a;? b;? c
=13|23|7|34,13,20,23|39,13,20,0,23,4,25,34,15,24,33,9,19,27,6,17|12,20,23,24,18,9,33,2,39,31,22,17
V7 11439137
N a 32,9,19,1,13,11,26,36,14;N b 33,19,43,28,12,7,7,41,4,8,18,16;N c 40;+ c 2;+ c 48;UD a;AL a b 3,37,24,14,4,42,43,26,19,24,12,16;K b b;XL b 47,8,32,42,23,45,3,34,22,21,17,36,30;U a b;DL b 25,19,13,35,39,9,23,33,31,30;P b;P b;P b;ID b c;P c;P c;P c;IA c b;U c a;? a;? b;? c
=21|12|16|48|40|2|30,36,21,12,16,41,47,34,18,33,42,43,19,4,23,17,22,28,7,3,32,45|34,18,42,4,17,22,7,45,36,41,47,43,28,3,32|30,36,21,12,16,41,47,34,18,33,42,43,19,4,23,17,22,28,7,3,32,45
V0 2589896887
N a 14,26,10;N b 25,7,15,4,9,22,0,13,3;N c 6,28,18,29,15,24,7,11,11,14,16,22,21,7,15;D c c b;A b b b;UL a 17,22,7,15,9,20,3,9,7,16,0;- a 16;- a 7;- a 7;- a 23;- a 4;- a 10;- a 4;- c 11;- c 17;- c 15;- c 1;O b b c;D a c c;- a 21;- a 2;- a 11;K c b;? a;? b;? c
=|0,3,4,6,7,9,13,14,15,16,18,21,22,24,25,28,29|0,3,4,6,7,9,13,14,15,16,18,21,22,24,25,28,29
V4 2286958033
N a 2,39,9,22,38,1,0,13,43,39;N b 31,13,40,39,28,26,11,12,5,4,12;N c 39,12;+ b 2;+ b 28;+ b 35;IA c c;D b b b;D a a a;K a a;DL c 23,0,11,30,34,36,22,16,30,43,13;U a c;? a;? b;? c
=12,39||12,39
V6 239247432
N a 8,4;N b 22;N c 74,7,8,55,32,33;D c c a;X a c a;- a 48;U b b;X a b c;O a b c;U a a;DL c 48,38,74,36,25,55,77,41,9;? c;K a a;R b 22;? a;? b;? c
=32,33,7|22,74,32,33,55,7||32,33,7
V1 346024107
N a 37,27,38,12,26,11,8,22,38,0;N b 3,29,28,15,8,34,5,37,6,40,10,23,25,26,0,33,20,29,7,37;N c 34,30,15;R b 40;O c a a;K b c;? a;? b;? c
=22,26,27,0,37,38,8,11,12|22,26,27,0,37,38,8,11,12|22,26,27,0,37,38,8,11,12
V4 493920840
N a 24,21,0,8,13,23,15,10,41;N b 21,39,45,37,32,11,40,7,21,16,22,26,8,36,41,20,39,38,40,42;N c 34,31,24,35,17,22,1,16,31,32,28;R b 42;D c b c;IX c a;X a a b;- c 21;- c 16;AL a b 2,16,44,45,41,8,28,0,5,22,42;+ b 12;IA c a;? a;? b;? c
=8,22,16,45,41|36,37,32,7,26,39,21,8,40,45,16,22,20,41,11,38,12|45
V7 440691881
N a 37,3,26,47,37,14,38,8,14,3,15,0,15,24,9,7,47,14;N b 24,33,4,37,19,21,10,14,35,36,15,44;N c 24,20;U c c;+ b 36;U c b;R a 0;P a;P a;P a;P a;ID a a;X c c c;D b c b;UL b 39,20,17,27,43,35,5,33,29;U a b;? a;? b;? c
=14|24|26|15|35,27,29,39,43,33,17,5,20|35,27,29,39,43,33,17,5,20|
V6 2455953097
N a 16,73,22,38,71,21,65,69,1,8,61,24,61,70,55,43,53,42,77;N b 41,37,46;N c 41,61,32;O a a b;IX c c;IA c b;P b;P b;P b;UD a 65,14,21,78,8,67,15,12;? a;? b;? c
=41|37|46|16,73,71,65,69,8,61,24,1,70,77,41,67,42,43,15,12,78,21,53,37,38,22,46,14,55||
V2 1058609222
N a 1,21,30,12,5,16,9;N b;N c 8,19,35,6;X b a a;O c a a;R a 5;? a;? b;? c
=16,9,30,1,21,12||5,12,16,21,9,30,1
V6 167152132
N a 10,78,45,47,13,18,63,37,76,60,32,43;N b 60,33,5,14,19,50,48,34,43,17,72,57;N c 44,29,1,5,74,10,76,58,20,60,35,74,68,1,0,27,74,56,19;IX b a;R c 56;+ b 60;+ b 45;+ b 73;+ b 1;D c a b;R b 34;X c c b;R b 57;ID c b;- a 16;- a 14;- a 8;- a 8;- a 53;- a 57;AL a a 36,7,15,63,3;K c b;? a;? b;? c
=63|32,48,72,78,63,76,60,73,33,17,1,50,18,19,5,37,10,13,45,14,47|32,48,72,78,63,76,60,73,33,17,1,50,18,10,19,5,37,13,45,14,47
V2 2508500576
N a 12,28,36,28,13,27,12,37,21,25,30,18,7,11,26,11,18,5,10;N b 28,26,35,5,24,12,36,12,32,19,16,10,38,1,31,38,30,10,33,23;N c 31,36,37,11,10,31,36,9,34,10,21,19,2,33,2,20;IX b a;- b 36;- b 28;ID a c;D c a c;R a 5;R a 13;U b c;U c c;U a b;DL c 39,10,2,39,18,30,14,34,4,11,16,30;? a;? b;? c
=5,37,27,38,32,18,26,25,23,21,30,12,35,1,19,13,16,11,33,31,28,24,7|27,38,26,25,23,21,30,12,16,11,19,5,37,32,18,35,1,13,33,31,28,24,7|5,12,13,27,26,25,28,7
V5 3520960051
N a 15,74,129,274,30,297,319,260,335,97,320,107,353,50,377,207,343,22,254,180;N b 131,6,54,90,364,338,47,181,390;N c 111,366,323,26,27,385,3,15,24,48,380,98,377,228;R a 97;D a a c;O b b c;IA c a;OL b a 11,220,359,173,258,224;? a;? b;? c
=320,129,353,260,297,74,107,335,207,274,50,180,254,22,343,30,319|320,129,258,260,74,11,335,207,274,22,343,220,30,224,353,359,297,107,173,50,180,254,319|
V2 1489046141
N a 26,13,27,14,3,10,2,19,28,29,15,31,26,39,9,10,37,35,27;N b 37,17,12,7,31,30,19,24,35,35,17,39,25,21,8,24,28,4,1,21;N c 21,31,1,34,33,15,34,27,31,25,14,38,36,37;O b b a;A b c b;K a a;O a c c;ID a b;? a;? b;? c
=38,33,36,34|25,21,37,15,1,14,31,27|25,21,37,38,33,15,1,36,34,14,31,27
V0 780852241
N a 22,16,17,18,6,5,11,0,1,24,24,23;N b;N c 17;AL b c 24,8,7,5,26,26;R c 17;UD c 3,11,15,8,12,9,29,16,21,15,28,17,28;- c 19;- c 9;- c 14;- c 16;- c 5;- c 14;C c;- a 29;OL c c 23,14,3,26,28,18,7,25,29,4,21;U c b;A c c b;+ a 24;+ a 4;+ a 0;+ a 4;+ a 28;+ a 22;+ a 29;+ a 24;D b b a;ID a a;? a;? b;? c
=||
V4 3871548692
N a 1,45,37,0,29,30,42,2,21;N b 0,42,16,6,40,34,40,10,0,21,21,6;N c 32,39,20;AL c b 34,16,19,13,7,23,38,23;R b 21;X b a c;R a 45;IX a c;R a 29;X c b c;D c a a;ID a c;U c a;- b 17;- b 35;- b 13;- b 4;- b 23;- b 10;- b 24;? a;A b b b;? a;? b;? c
=0,37,1,30,2,21,34,16,42|0,37,1,30,2,21,34,16,42|0,37,1,30,2,21,34,16,45,29,42|0,37,1,30,2,21,34,16,42
V1 1116770238
N a 15,24,4,3,39,29,38,8,6,18,2;N b 17,32,28,36;N c 24,22,36;P b;+ c 39;+ c 1;+ c 40;+ c 4;+ c 10;+ c 22;R b 17;UL c 30,13,17,1,0;? a;? b;? c
=28|24,29,2,3,4,38,39,8,6,15,18|36,32|22,24,30,0,1,36,4,39,40,10,13,17
V2 2322417548
N a 29,25,30,7,11,8,5,6,21,28,3,30,15,12,2,33,8,2,18,22;N b 18,20,25;N c 32,29,8,12,9,36,6,3,28,9,2,26,1,15,22,38,2,18;U a a;? b;A a a a;ID a a;K a c;R a 12;+ a 8;+ a 26;+ a 39;+ a 39;+ a 9;+ a 19;+ a 33;X b b a;P a;- b 26;- b 16;- b 11;- b 6;- b 7;R c 9;X a c a;X c b b;D c b b;? a;? b;? c
=18,20,25|8|8,33,12,9,39,19|8,33,25,20,3,32,29,28,9,22,36,1,15,39,19,38,2|
V7 589940443
N a 27,27,9,47,43,21,37,6;N b 40,33,24,30,45,10,48;N c 12,7,39,20,14,0,11,42,42,38,10,25,48,29,25,18,20,40,34;X a c b;D b b a;XL c 18,4,1,10,13;D b c a;X c a a;XL b 18,14,6,13;D b c c;- b 19;- b 30;- b 0;- b 19;- b 40;C c;UL b 28,25,17,42,48,27,38,19,1,44,23,17,11;D b c c;AL a a 18,49,27,49,26,48,40,3,10,45;U b c;? a;? b;? c
=18,45||
V7 1957517265
N a 20,24,42,17,33,38,2,16,29,8,30,38,2,41,39,1,40,47,30;N b 39;N c 37,15,36,38,14,28,46,12,11,5,29;U a c;P b;D b a c;+ b 19;+ b 10;+ b 10;+ b 14;+ b 33;+ b 38;- a 24;- a 45;- a 29;- a 8;- a 31;- a 5;- a 2;- a 14;? b;O a c b;- a 11;- a 44;- a 49;- a 28;- a 36;- c 22;- c 14;O a a b;U c a;OL c c 13,27,7,7,32,34,24,5,27,35,8,37,46;? a;? b;? c
=39|41,17,10,40,33,30,14,39,1,19,38,47,8,2,24,16,20,42|40,33,14,2,15,30,38,12,24,37,16,20,41,17,39,19,47,29,42,10,1,5,8,46|41,17,10,40,33,30,14,39,1,19,38,47,8,2,24,16,20,42|41,17,40,33,14,39,19,7,36,47,13,16,2,27,35,29,15,42,10,11,30,38,1,5,12,8,28,34,24,37,32,20,46
V7 2717046367
N a 36,22,28,10,22,27,43,5,9;N b 46,47,48,40,16;N c 21,48,5,40,24,40,8,7,14,39,31,49,15,35,31;- b 17;- b 23;- b 1;- b 28;- b 23;- b 26;U c c;P a;P a;P a;P a;P a;P a;P a;U c a;O a c c;UL a 13;K b b;P b;P b;P b;P b;DL a 22,40,2,27,46,37,34,48,1,47,39;- b 15;- b 34;- b 18;- b 21;- b 44;? a;? b;? c
=5|36|10|28|9|22|27|47|46|40|16|5,7,13,8,14,31,35,49,43,15,21,24|48|5,7,40,8,14,31,35,48,49,43,15,39,21,24
V0 1918474781
N a 28,13,21,22;N b 9,25,16,28;N c 17,21,27,3,25,17,27,3,5,13,16,1,27,4,10,7,1;IX c c;X c c c;A c a c;IA b c;+ c 17;+ c 15;+ c 3;+ c 25;? b;O a b b;K b a;UL a 3,13;- a 23;- a 5;- a 12;- a 22;- a 20;- a 17;P a;R a 13;O c c c;C a;? a;? b;? c
=|3|||17,3,25,15
V4 3574951965
N a 45,27,8,5,21,39,24,0;N b 15,23,3,13,17,42,39,41,0,16,5,45,17,13,21,18,45,45,7;N c 1,19,26,4;OL c b;K b a;R b 27;P a;P a;P a;ID b a;A b a b;UL b 18,19;R c 21;C c;R b 18;? a;? b;? c
=24|0|8|21,27,39,45,5|19|
V4 4243450900
N a 38,8,10,11,16,43,26,28,1,11,28,13;N b 26,27,15,11,17,43,28,31,23,12,1,27,31,29,4,34,38,12,34;N c 15,4,18,45,5,26,19,13,1,43,21,9,31,25,36,10,16,19;O c c a;IA b a;P a;P a;A c b a;D b b c;UL a 32,40,8,30,23,31,10;D b a a;XL b 2,20,0,38,34,39,1,17,30,36,39,1,38;A b c a;U a b;- c 7;- c 1;- c 7;- c 28;- c 10;- c 18;- c 31;IX c a;R a 28;? a;? b;? c
=38|8|30,31,32,26,1,13,8,10,16,40,23,11,43|1,26,28,11,43|30,31,32,1,13,8,28,10,16,40,23
V7 2454457528
N a 36,29,34,12,21,12,34,32,25,39,27;N b 22,5,34,36,44,26,17,5,48,29,29,44,27,49,41,44;N c;+ a 16;AL c a 29,1,15;U c b;U b c;- b 1;- b 2;- a 0;- a 15;- a 8;- a 37;- a 4;U c a;IA b b;- c 23;- c 10;- c 7;DL a 44,31,10,9,14,18,33,39,1,49,44,26;A b b c;O b c c;D b b a;- a 34;- c 9;- c 0;- c 7;- c 11;- c 10;- c 30;- c 26;D c c b;? a;? b;? c
=12,27,36,32,16,25,29,21|49,48,26,17,22,41,44,5,39|34,12,27,36,16,25,29,32,21
V6 4107397379
N a 78,2,66,5,46,37,26,76,63,40,74,39,10,35,58,70,25,44,47;N b 36,1,28,71,29,54;N c 19,24,33,71,2,5,28,22,59,24,38,0;UL a;ID a b;P c;P c;P c;P c;R b 71;? a;? b;? c
=71|24|28|0|78,66,76,63,74,70,2,35,5,37,39,40,25,26,10,58,44,46,47|36,28,1,29,54|59,33,5,2,22,38,19
V1 884693698
N a 31,40,10,35;N b 25,40,0,36,17,20,33,6,2,26,29,31,15,10,24,37,6,17,13;N c;ID b a;IA c b;- c 9;- c 16;- c 6;- c 30;+ c 16;+ c 9;+ c 25;+ c 13;+ c 25;+ c 28;+ c 39;+ c 29;OL c c;D c b c;+ c 12;+ c 5;A b b b;- a 23;- a 33;- b 34;- b 11;- b 40;- b 22;U a b;O c c a;R c 31;UL a 32,24,7,11,36,5,38,30,3,27,25;P b;P b;K b a;? a;? b;? c
=20|24|20,24,25,26,27,29,30,31,32,33,35,36,37,38,40,0,2,3,5,6,7,10,11,13,15,17|20,24,25,26,27,29,30,31,32,33,35,36,37,38,40,0,2,3,5,6,7,10,11,13,15,17|20,24,25,26,29,33,35,36,37,40,0,2,5,6,10,12,13,15,17
V4 3377159127
N a 0,20,0,14,28,9,11,10,20,0,33,32,14,6,12;N b;N c 42,37,39,14,40,19,18,2,38,27,16,3,39,7;O a b c;UD c;+ c 26;+ c 37;+ c 14;+ c 2;+ c 36;+ c 19;+ c 24;+ c 30;+ a 1;+ a 21;+ a 6;+ a 25;? b;X a c c;IA b c;ID b c;U a b;? a;? b;? c
=|||18,37,19,14,2,39,38,27,40,16,3,7,26,36,24,30,42
V2 68178201
N a 23,5,17,13,27,36,0,28,4;N b 35,22,7,32,34,18,36,29,4,23,30;N c 19,10;+ c 10;AL b c 8,3,38,2,39,4,16,19,25;- a 1;- a 9;- a 4;- a 11;- a 19;- a 1;+ a 0;+ a 14;+ a 27;+ a 22;+ a 1;+ a 30;+ a 20;- c 36;- c 15;- c 21;- c 32;- c 35;- c 16;- c 18;O a a c;O c c b;? a;? b;? c
=30,27,17,5,36,28,10,0,22,19,13,14,1,23,20|19|10,19
V1 930975330
N a 18,8,31,0,18,3,29,28,2,35,14,23,21,33,30,8,13;N b 24,9,14,6,18,17,36,8,40,34;N c 6,10,21,32,1,0,15,13,20,1,7,3;D b a a;IX a a;+ c 2;+ c 6;+ c 8;+ c 35;+ c 27;+ c 40;+ c 40;+ c 1;? a;? b;? c
=||20,21,27,32,1,0,3,2,35,6,7,8,40,10,13,15
V5 3909033611
N a 254,18,256,228,34,183,113;N b 251,272,197,326,72,43,94,193,128,68,295,334,54,333,273,85,316,207,95,200,366,326,348,177,261,107,134,158,256,5,142,179,5,171,236,398,316,5,59,253,324,327,142,358,157,175,321,215,77,387,136,200,232,271,221,335,348,390,221,240,96,107,340,80,255,263,6,241,161,290,216,259,195,262,275,273,154,73,347,61,56,113,243,392,364,365,320,113,82,90,236,144,109,154,11,105,329,63,165,225,65,329,74,142,151;N c 75,151,0,374,330,191,85,280,150;P c;P c;P c;P c;X a c c;IA b a;C b;X b a b;U c b;IA c b;D a a a;A b c b;X b b a;A a a b;U b c;UD a 126,55,354,36,367,316,35,54,202,45,40,343;O a a c;P a;P a;? a;? b;? c
=0|330|75|85|354|35|36,40,202,45,367,343,54,55,316,126||
V1 2540219406
N a 12,1,21,22,25,18,12,1,25,28,31;N b 17,36,30,25,3,10,2,16,18,21,22,10,33,32,11,21,22,40;N c 38,12,6,7,38,17,25,36,34;- c 15;- c 39;- c 32;- c 20;- c 0;? b;X b b a;OL c a 28,11,3,15,12,1,7,39,1,35;O a b b;IX c b;+ c 27;D a a c;? a;? b;? c
=21,22,25,30,32,33,2,3,36,40,10,11,16,17,18|28,31,1,3,11,12|28,30,31,32,33,36,40,1,2,3,10,11,12,16,17|21,22,25,27,30,32,33,35,36,39,40,2,7,10,15,16,17,18
V7 240008400
N a 4,13,11,49,1,4,40,6,9,1,6,22,46,34,37,17,23;N b 8,17,11,39,33,10,31,30,48,24,39,42,46,4,17,22,47,40;N c 1,3;D b a a;C b;- b 8;+ c 33;+ c 28;+ c 30;+ c 29;? a;? b;? c
=49,34,6,37,4,22,11,9,17,46,23,1,40,13||30,33,29,3,1,28
V3 3704237986
N a 32,22,2,1,6,22,32,17,14,6,35,33,4,39,12;N b 26,29,27,10,6,7,24;N c 22,34,30,27,17,2,36,38,12;+ b 1;+ b 21;+ b 23;+ b 26;+ b 1;P c;P c;P c;P c;DL a 19,36,13,19,37,22,6;- a 37;- a 20;- a 11;- a 25;- a 17;- a 1;- b 25;- b 31;A c c a;- b 37;- b 28;- b 37;- b 0;- b 15;D b c c;UD b 40,37,20,17;A c a c;P a;X c c a;UD b 4,24,17,33,15,38,1,27,36,7,19,10,26;R a 4;? a;? b;? c
=36|38|17|27|14|35,39,12,33,32,2|1,36,37,38,40,19,24,10,27,15,17,7,20,4,33,26|35,4,32,39,33
V5 2131434544
N a 305,365,161,271,98,223,44,188,158,303,312,258,96,372,89,152,321,219,254;N b 90,295,201;N c 304,35,30,371,19,190,66,245,45,248,192,200,128;ID a c;UL c 203,181,340,338,113,178;A b a a;R a 305;X b c b;O c a b;XL c;X a c b;- c 327;- c 240;- c 335;- c 175;- c 153;O b c b;- b 108;- b 46;- b 257;- b 153;- b 123;+ c 122;+ c 180;+ c 321;+ c 3;+ c 278;+ c 73;+ c 26;+ c 362;O c a b;? a;? a;? b;? c
=||128,258,271,19,152,158,30,161,35,44,45,303,304,305,178,181,312,188,190,192,321,66,200,203,338,340,89,219,223,96,98,365,113,371,372,245,248,254|128,258,271,19,152,158,30,161,35,44,45,303,304,305,178,181,312,188,190,192,321,66,200,203,338,340,89,219,223,96,98,365,113,371,372,245,248,254
V0 1190397997
N a 29,3,0,26,26,0,14,8,4,17,24,21,19;N b 19,2,27,12,8,29,10,1,9,10,15,13,22,0,5,26,3,11,27;N c 9,22,4,4,27,12,25,1,15,0,18,22;U a b;X b c c;IX a c;O c c c;D b b b;A a b a;- a 17;- a 17;- a 25;- a 10;+ c 16;+ c 22;X c a c;DL c 11,11,9,16,1,0,26,7,3,2,8;IX b b;D b b a;O c a c;? a;? b;? c
=||18,4,22,25,27,12,15
V2 1972459114
N a 0,18,9,24,36,2,11,21,31,10,31,34,32,37,12,35,29,11,13;N b 8,14,38,12;N c 7,25,29,31,16,3,21,28,9,24,6,6,11,26,37,14,2,19,4;X a a b;DL c 4,9,21,32;UD b 27,14,8,35,15,16,19,24,33,3,0;X b a a;A a c b;OL c c 21,8,8,6;? a;? b;? c
=||31,37,6,2,7,24,28,16,11,8,21,26,3,29,14,25,19
V5 3475944702
N a 198,330,5;N b 310,384,386,167,355,213,210,5,343,332,219,155;N c 59,277,182,336,168,259,46,139,182,396,134,351;UL a 130,25,31,50,343,391;- b 13;- b 363;- b 97;- b 193;- b 32;- a 313;- a 0;- a 84;- a 386;- a 329;- a 160;- a 259;C a;U b c;- a 139;- a 145;XL b;IX b c;+ c 342;+ c 117;+ c 57;+ c 132;+ c 379;- b 314;- b 297;- b 243;- b 332;- b 149;- b 278;- b 186;OL b a 372,53,237,46,195,23,278,256;C c;? a;? b;? c
=|256,195,237,46,372,53,278,23|
V1 2023764376
N a 17,26,29,15,40,15,39,7,16,18,21,20,23,24,30,3,39,1,1;N b 22,20,21,13;N c 27,29,11;+ a 2;+ a 35;+ a 8;+ a 16;+ a 27;P b;P b;P b;D c c c;X b c b;DL c 33,8,22,37,34,4,31,39;- a 20;- a 0;- a 39;- a 39;K a c;AL c b 3,40,13,24,20,7,4,25,30,29,9,22,5,9;- b 16;- b 15;- b 18;- b 31;- b 24;- b 1;IA b a;U a a;X a a c;? a;? b;? c
=20|21|22|13||13
V6 3882181275
N a 18,53,54,49,59,51,67,1,58,14,44,32,55,14,52,43,71,52,57,13;N b 29,18,5,15,24,12,60,70,63,43,20;N c;IX a c;XL c 25,18,53,26,77,71,55,56,75,60,34,39,45;D c b b;- c 42;- c 3;- b 68;- b 39;- b 30;- b 12;- b 62;- b 28;- b 36;- b 28;+ b 56;+ b 4;+ b 34;+ b 21;X c b a;+ b 6;+ a 53;+ a 66;+ a 5;+ a 11;+ a 47;+ a 13;U b b;OL b b 53,21,32,29,78,35,76,36,64,2;- b 32;- b 75;? a;? b;? c
=67,32,71,66,49,1,18,51,52,53,5,54,55,57,58,43,59,11,44,13,14,47|60,70,63,78,76,64,18,34,2,35,20,4,36,5,21,53,6,24,56,43,29,15|67,32,71,24,56,60,70,63,49,1,57,34,58,51,59,15,44,52,20,4,53,13,29,5,21,54,14,55
V5 3808613175
N a 295,1,15,6,315,96,270,226,46;N b 335,102,351,380;N c 388,348,177,286,16,69,307,320,134,40,68,74,216,18,99,308,122,61;OL c a 144,321;UL a 40;D c a c;P c;P b;AL c a 81,325,161,253,330,145;D c b b;P b;P b;P b;? b;IA a a;A b b c;? a;? b;? c
=40|380|351|102|335||96,1,226,6,295,40,270,15,46,315||
V7 864449693
N a 48,7,47,9,0,11,39,49,13,13,2,12,38;N b 32,27,17,39,29,47,16,15,22,48,7;N c 39,45,42,32,28,21,13,10,44,22,21,31,17,43,35,22;D a b c;+ c 20;+ c 26;+ c 10;+ c 14;+ c 14;O b a c;U c b;? a;? b;? c
=15,27,7,29,48,47,16|15,39,21,26,31,32,7,42,29,35,43,17,10,45,28,27,20,14,48,22,44,47,13,16|39,21,26,31,42,29,35,45,28,22,44,13,15,32,7,43,17,10,27,20,14,48,47,16
V0 685890981
N a 5,8,12,0;N b 12,6,29,21,2,15,4,23;N c 24,8,7,1,27,25,27,13;X b a b;UD c 14,19,23,29,1,3,2,4,19,13,10,20;ID b a;K b c;ID c b;U a b;O c b b;DL a 15,29,8,29,14,9,17,0,5,2,2,25;+ c 21;O c b a;P a;P a;P a;P a;? a;? b;? c
=1|3|4|7|10,12,13,19,20,23,24,27|1,2,3,4,7,8,10,13,14,19,20,23,24,25,27,29|1,2,3,4,7,8,10,12,13,14,19,20,23,24,25,27,29
V6 1070652155
N a;N b 65,14,7,42,41,55,68,31,22,14,29,30,1;N c 13,56,0,1,17,2,75,4,58,35,6,16,6,21,61,21;X b a a;K a a;- a 5;- a 53;? a;+ c 7;+ c 7;+ c 8;+ c 35;+ a 78;+ a 48;+ a 39;+ a 28;+ a 38;+ a 16;IA c a;C a;UL b 36,0,1,21,22,45,15,15,33,33,74,57;XL c 3,66,12,12,66,45,76,6,76;A a a c;X c b b;UL a 58,14,27,9,9,47,68,68,4,26,31,41,60,73;? a;? b;? c
=|68,4,31,60,73,9,41,58,14,26,47,27|36,0,74,1,21,45,33,57,22,15|
V4 2747560950
N a 27,11,45,14,35;N b 20,39,14;N c 41,30,37,20,27,35,34,12,0,11,39;R b 14;IX b c;D b c b;+ b 0;+ b 18;+ b 29;+ b 40;+ b 20;+ b 36;+ b 4;+ b 20;U a c;A a b a;P c;- c 9;- c 3;- c 11;- c 17;- c 42;- c 11;ID a b;IA a a;A c b c;? a;? b;? c
=30||0,18,20,36,39,40,4,29|0,20,39
V6 1059906962
N a 32,64,31,34,19,35,22,8,1,50,12,48,78,71,49;N b 38,37,45,12,11,51,40,75,31,48,30,43,44,54,74;N c 52,69,62,60,2,45,10,19,74,8,78;DL b 5,49;ID b c;P c;P c;P c;D b c b;P c;P c;- c 7;- c 24;- c 19;- c 15;- c 35;+ b 78;UD c 11,35,47,18,77,64,32,40,63,54,71,7,14;P b;P b;UD c 51,9;? b;P a;R a 71;U b c;? a;? b;? c
=52|69|62|60|74|60|74|8,78,45,2,10,19|32|64,31,35,8,12,48,78,1,49,34,22,50,19|8,78,77,64,32,40,63,71,9,2,10,18,19,11,35,51,47,45,54,14,7|8,78,77,64,32,40,63,71,9,2,10,18,11,35,7,51,45,54,14,47
V1 4199142506
N a 32,33,19,38,2,21,11;N b 30,21,38,11,36,40,9,8,35,0,33,25,32,8,27,22,11;N c 20;A a c b;P b;P b;UL c 11,38,13;OL c b 7,15,24,23;X b b b;+ b 23;+ b 25;+ b 25;+ b 4;R b 4;A c c c;ID c a;P c;P c;P c;X c a c;XL b 23,35;? a;? b;? c
=21|22|23|24|25||25,35|27,30,32,33,0,35,36,38,7,40,8,9,11,15
V5 4066221603
N a 18,86,357,3,105,289,104,352,34,85,146,121,62;N b 93,61,32,21,343,84,343,27,180,65,33;N c 359,287,218,134,324,131,231,102,166,173,179,61,34,396,104,52,226;+ c 100;+ c 127;+ c 241;+ c 85;+ c 272;+ c 269;+ c 175;+ c 190;DL b 196,68,176,302,77;- a 54;- a 298;- a 1;- a 316;- a 19;- a 369;- a 314;AL b b 116,24,208,237,280,387,231,30,343,90,348;? a;? b;? c
=352,289,34,3,357,104,105,18,146,85,86,121,62|343|131,134,396,269,272,287,34,166,173,175,179,52,61,190,324,85,218,226,100,102,359,231,104,241,127
V3 2355522453
N a 4,13;N b 13,1,20,16,36,29,35,23,10,16,12,6,5,0,19,14,37,1,29,27;N c 5,3,24,3,5,9,4,30,7,14,33,3,8,28,17;K b b;+ a 22;+ a 4;+ a 8;XL a;D a a c;? a;? b;? c
=22,13|35,36,1,37,13,20,0,5,27,19,14,10,12,23,6,16,29|17,28,24,7,14,3,9,4,8,30,33,5
V6 777521491
N a 51,7,50,43,30,30,72;N b 46,21,43,73;N c 25;IA b b;X c a a;UL b 11,30,73,33,0,71;+ c 25;+ c 2;+ c 47;+ c 2;+ c 58;+ c 26;+ c 20;+ c 57;+ b 24;+ b 78;+ b 54;+ b 59;+ b 45;+ b 42;+ b 58;? c;D b a a;U a b;R a 43;IA b c;? a;? b;? c
=20,57,25,26,58,2,47|72,30,50,51,7||20,57,25,26,58,2,47
V4 289148517
N a 3,18,44,31,0,0,4,18,8,43,8,45,9,15,16;N b 25,33,44,28,39,19,5,26,36,1,16,31,7,17,42;N c 37,40,10,19,22,36,33,33,22,45,44,44,42,0,18,39,1,21,1;+ a 37;+ a 39;+ a 25;+ a 38;+ a 19;+ a 41;R a 15;U a c;? a;? b;? c
=18,0,31,8,37,39,3,9,44,4,45,16,25,38,19,41,1,40,10,33,21,36,22,42,43|36,25,19,26,1,39,33,31,44,28,16,7,5,17,42|36,37,19,0,18,33,39,1,40,22,10,45,44,21,42
V1 1845939132
N a 28,16,25;N b;N c 39,15,33,20,18,16,7,17,28,25,23,19,25,10,29,19;R a 25;P c;P c;O b a b;ID c c;+ b 35;+ b 33;+ b 19;+ b 11;+ b 40;U b b;K b c;? c;D c c a;XL a 37,32,17,22,10,37,26,11,28,26;IX a a;X b b c;- a 1;- a 28;- a 1;- a 31;- a 36;? a;? b;? c
=20|23||||
V3 1409871964
N a 23,27,0,22,24,38,12,11,40,33,12;N b 17,10,33,36,20,16,35,18,31,35,15,9,1,36,20,36,23,40,30;N c 16,0,29,24,36,22,24;OL c a 5,21,21,18,32,34,7,21,27,22,11,19;+ c 12;? c;+ b 26;+ b 26;+ b 9;+ b 10;+ b 34;+ b 5;D b c b;AL c c 39,6,27,5;K a b;A a b a;C b;U c b;D b c a;P b;X c c a;O b a a;X a c b;DL b 31,0,1,38,6,10,15,3,12;? a;? b;? c
=5,38,40,7,0,27,18,12,11,34,19,22,24,23,32,33,21|5|5,27|7,27,11,19,22,24,32,21|5,38,7,0,12,11,19,22,24,32,21
V0 782178841
N a 9,15,28,8,23,26,29,3;N b 11,24,4,16,17,18;N c 27,9,3,23,16,8,21,6,23,25,4,28;+ a 19;+ a 27;+ a 14;+ a 11;+ a 21;+ a 28;+ a 13;O c a a;D c a a;? a;? b;? c
=3,8,9,11,13,14,15,19,21,23,26,27,28,29|4,11,16,17,18,24|
V2 1293024081
N a 3,38,31,5,22,27,15,3,27,16,9;N b 18,17,12,36,13,39,27,28,35,4;N c 28,27,38,34;X c c a;- b 18;- b 6;- b 39;O a a b;XL a;UL a 23,3,39;+ b 18;+ b 21;+ b 14;+ b 3;+ b 31;+ b 21;+ b 32;+ b 17;+ b 38;+ b 22;O a b c;? a;? b;? c
=12,15,36,5,35,31,16,21,22,18,34,13,3,38,17,32,28,9,14,4,27|4,12,38,36,35,31,21,22,18,13,3,14,17,32,27,28|15,5,31,16,9,22,34,3,28
V2 818536563
N a 25,30,0,2,16,8,12,6;N b 32,12,4,11,33,26,17,22,27;N c 3,30,31,28,21,14,16,18,38;U a c;UL a 15,20,24,11,12,14,20,14,18,21;IA b a;DL b 22,2,6,31,34,13,17,22,16,5,36,38,10,28;? a;? b;? c
=28,31,16,30,12,14,2,21,25,15,3,18,20,8,24,38,0,11,6|12,11|38,28,31,3,16,14,18,30,21
V2 166039701
N a 28,8,21,29,12,37,13,20,17,26,2,16;N b 28;N c 4,25,27,38,12,23,29;D c c b;P b;ID b c;IX a c;O a c c;K a b;? a;? b;? c
=28|||25,12,38,27,29,4,23
V4 2167217467
N a 20,14,24,23,21,24,4;N b 3;N c 40,26,40,35,36,40,33,39,36,35,27,15,0,35,42,28,45,9,32;A b a a;+ c 33;+ c 27;+ c 24;UD a 42,4,45,12,28,27,22,35,8,42,27;+ b 12;+ b 43;+ b 36;+ b 45;+ b 13;R c 35;- c 27;- c 30;- c 12;- c 19;- c 36;- c 31;- c 37;- c 9;P a;P a;P a;P a;UL b 23,27,8,2,42,19,25,42;+ c 3;+ c 33;P b;P b;P b;- a 12;O c a c;D a c c;U c a;A c b b;? a;? b;? c
=24|12|20|14|24|12|20||14,36,21,13,27,8,4,45,2,19,23,25,42,43|36,19,13,14,8,21,27,2,25,4,45,23,43,42
V0 3343826486
N a 20,24,5,11,1,16,21,0,13,26,14,28,13,27,4,7;N b 24,17,13,0,13,12,5,28;N c 27,1,5,12,5,11,20,1,1,16,27,10,29,7;? c;- c 20;- c 25;- c 29;- c 29;- c 14;+ c 20;+ c 7;+ c 18;+ c 1;+ c 15;+ c 17;? b;+ b 17;+ b 6;+ b 10;+ b 0;+ b 10;IA a a;? b;D a c b;- a 3;- a 17;- a 16;- a 16;- a 28;D c b c;K b c;+ a 15;+ a 28;+ a 8;+ a 5;+ a 13;? a;? b;? c
=1,5,7,10,11,12,16,20,27,29|0,5,12,13,17,24,28|0,5,6,10,12,13,17,24,28|1,5,7,8,11,13,15,18,20,27,28|0,6,24,28,13|0,6,13,24,28
V6 1467256722
N a 45,4,75,60,40,40,5,40,58,29,74,15;N b 33,44,12,55,40,63,16,42;N c 7,71,72,18,21,39,39,43,25,12,49,42;U b c;X b b a;- a 27;- b 47;- b 66;- b 60;- b 6;- b 36;- b 21;P a;P a;P a;UL a 75,55,2,60,20,26,33,10,0,74,9,27,37,9;D b b c;P a;P a;K a a;UL b 32,25;+ a 62;+ a 12;+ a 12;+ a 54;+ a 24;+ a 17;UL a 29,33,69,73,21;OL c c 35,31,21,64,59;P c;A c b c;? a;? b;? c
=75|4|40|60|74|71|0,75,62,24,69,73,33,9,17,58,2,26,10,27,15,20,12,45,5,29,37,21,54,55|75,63,16,74,4,44,32,33,5,45,29,25,58,55,15|25
V7 7926042
N a 49,34,43,38,3,28,37,45,35,17,29,45,2,37,41,8,23,8;N b 32,36,5,48,34,27,5,49,26,2,17;N c 25,3,8;UL a 45,21,23,34,44,14,42,36,19,33,7,2,48,14;D b b c;? a;P c;P c;? a;? b;? c
=42,19,17,28,23,36,35,44,37,48,8,29,3,33,14,21,2,45,34,49,43,7,38,41|8|25|42,19,17,28,23,36,35,44,37,48,8,29,3,33,14,21,2,45,34,49,43,7,38,41|49,32,26,5,17,48,2,36,34,27|3
V6 2476142339
N a;N b 9,13;N c 69,78,5,8,78,12;UD c 19,42,15;D a c a;+ b 36;? a;? b;? c
=69,78,8,12,5,42,19,15|9,36,13|69,78,8,12,5,42,19,15
V6 3637135918
N a 68,0,11,53,69,41,8,37,50,31;N b 26,7,70,36,63,14,34;N c;O b a b;UL c 32,15,57,10,40,65,39,29,21;P a;P a;+ c 2;+ c 60;+ c 22;O c c a;X b a a;UL a 53,71,64,63,10,49,40,8,26,9,40,52,62;K a a;X c a a;XL a 4,70,36;IX b b;? a;? b;? c
=68|0|64,71,69,8,63,40,62,70,41,49,9,50,10,26,11,52,4,36,53,37,31||
V5 1730611687
N a 95,20,292,65,44,242,74,53,67,69,89,335,361,399;N b 187,201,344,74,353,98,13,115,217,377,57,379,366,108,195;N c 338,54,397,311,336,315,398,135;K b c;P c;P c;P b;P b;X c c b;+ b 282;+ b 50;+ b 305;+ b 354;+ b 350;+ b 120;+ b 188;DL a 341,92,45,355,124,263,353,78,24,236;D c b a;D b c c;AL a b 390,64,351,129,239;? a;? b;? c
=135|397|135|397|||354,398,336,305,338,50,54,311,120,282,315,188,350
V2 1803540334
N a 19,12,10,4,12,27,27,18,0,32,31,18,1,12,39,19,18,34,34;N b 35,14,5,12,39,0,31,35;N c 18,20,26,38,33,2,21,34,7,7;U a a;U c b;OL a a 10,4,4,25,29,10,18,29,38;C b;R a 18;A c b a;+ b 11;IX a b;U a c;UL c 9,1,37,33,34,12,25,39,14,20;A c b b;K a b;U a b;P c;P b;? a;? b;? c
=11|11|11||
V4 3226014283
N a 9;N b 0,7,14,33,9,30,19,40;N c 12,9,18,12,20,21,6,8,16,36,34,17;- b 29;- c 45;- c 34;- c 17;- c 26;- c 21;- c 6;- c 8;ID a a;P c;P c;P c;P c;+ c 23;+ c 0;+ c 44;+ c 42;+ c 12;+ c 23;A b b c;? a;? b;? c
=12|18|20|9||0|12,36,0,16,44,23,42
V4 1929264515
N a 41,15;N b 16,4,28,15,45,8,43,11,29,1,33,29,38,16;N c 45,24,16,31,31,17,26,2,23,36,36,25;+ a 18;+ a 39;+ a 1;A b b a;U b b;ID c b;X c a b;? c;? a;? b;? c
=18,41,39|18,1,39,15,41|1,15|18,41,39
V1 3579961448
N a 15,15,39,13,11,22,33,7,32,32,28,29,9,38,13,23,23,34,34,18;N b 33,1,4,10,40,33,36,25,5,31;N c 15,30,15,22,8,34,25,31,27,31,11,17,24,5,31,18;+ b 9;+ b 22;+ b 25;+ b 7;+ b 25;UD c 24,34,35;IA b c;K a b;U b b;ID c a;XL b 23,27,15,17,2,24,4,30,27;U c c;+ b 29;+ b 37;+ b 32;+ b 6;+ b 35;+ b 7;+ b 26;+ b 2;P a;P a;P a;X b a a;? a;? b;? c
=5|22|31|25||24,27,30,34,35,8,11,15,17,18
V6 4184381131
N a 66,64,2,78,56,63,57,6,76,72,76,1,67,60,1,47,74;N b;N c 40,3,35,23,45,44,3,36,35,73,74,16,47,21,47,73,5;? c;UD b 5,58,77,71,77,8,35,7,41,30,17,76;K b c;D a a c;IA b c;D b a c;U b a;? b;- a 21;- a 24;- a 28;- a 50;- a 64;+ a 11;+ a 65;+ a 32;+ a 21;+ a 62;+ a 21;+ a 32;UD a 6,24,54;? c;? a;? b;? c
=40,35,44,36,73,74,16,47,45,21,5,3,23|66,64,63,78,56,76,72,67,57,1,2,60,6|40,35,44,36,73,74,16,47,45,21,5,3,23|66,65,63,78,56,76,72,67,57,1,32,24,2,11,60,62,21,6,54|66,64,63,78,56,76,72,67,57,1,2,60,6|40,35,44,36,73,74,16,47,45,21,5,3,23
V3 3018540340
N a 20,29,16,6,6,20,0,17,19,5;N b 28,29,13,35,1,20,29,11,15,21,5;N c 16,35,12,30,3,5,11,29,30,6;O a b a;OL b a 31,39,16,38,11;C c;K a c;? a;? b;? c
=|35,5,0,39,38,29,13,11,21,1,6,20,15,16,19,17,31,28|
V5 285501836
N a 398,229;N b 288;N c 290,329,39,254,113,274,380,273,110,9,114,327,290,351,399,63;ID b b;- a 223;- a 205;- a 213;- a 288;P a;P a;UL a 48,267,199,360;- c 78;- c 146;- c 322;- c 182;- c 386;- c 335;- c 98;+ a 397;+ a 133;+ a 203;? a;? b;? c
=229|398|48,133,199,360,267,397,203||290,39,327,329,9,110,399,113,274,273,114,380,63,254,351
V3 1368788547
N a 16,6,24,5,28,5,12,36,6,12;N b 5,18,24,28;N c 23,22,0,15,5,18,13,29,3,2,31,15,34,14,2,15,13,29;A b c c;UL c 26;D a b b;+ a 16;+ a 13;+ b 13;+ b 17;+ b 8;+ b 7;+ b 32;+ b 9;+ b 6;+ b 0;? b;A a c c;U b a;? a;? b;? c
=17,29,22,18,5,2,13,14,8,15,23,7,6,0,9,3,31,32,34|5,0,14,26,29,2,3,13,15,23,22,18,31,34|17,29,22,18,5,2,13,14,26,8,15,23,7,6,0,9,3,31,32,34|5,0,14,26,29,2,3,13,15,23,22,18,31,34
V7 2870333912
N a 15,0,5,36,33,34,12;N b 23,40,22,33,16,2,12,26,48,11;N c 45,16,37,8,32,28,12,47,47,28,25,5;- b 37;- b 24;- b 45;- b 30;+ c 47;ID a c;+ a 48;D b a b;- a 1;- a 20;- a 31;P c;P c;P c;P c;O c c b;+ a 47;+ a 43;+ a 29;+ a 47;+ a 16;+ a 39;- c 36;- c 13;- c 43;- c 39;- c 25;- c 43;- c 41;? a;? b;? c
=47|12|5|16|47,43,0,29,15,48,16,33,39,36,34|15,0,34,36|0,15,8,37,45,28,34,32
V1 4089118364
N a 23,24,3,16,24,24,25,8,33,9,1,20,30,5,22,18;N b 11,38,22,18,2,40,35,3,21,22,22,4,26,25,13,20,25,26,0,16;N c 1,2,24,17,37,21,23,19,25,34,4,28,33,6,34,4,38,20,20;P c;P c;OL c a 6,19,3,19,38,31,31,22,17,0,29,35,33,22;K b a;D b a c;OL a c 15,19,19,39,21,33,4;A b a a;UD c 33,10,0;P c;P c;P c;P c;P a;D b c c;? a;? b;? c
=20|21|20|22|23|24|20|21,22,23,24,25,29,30,31,33,35,38,39,0,1,3,4,5,6,8,9,19,15,16,17,18||25,29,30,31,33,35,38,0,1,3,5,6,8,9,18,10,16,17,19
V2 269345840
N a 6,37,30,31,33,18,18,2,29,4,4,27,19,29,1,25,10,2,4,7;N b 4,3,17,37,17,30,31,12,10,20,39,33,37,11,1,39,36,25,24;N c 21,36,31,27,24,11,4,2,10,28,20;P a;P a;P a;- a 15;- a 37;- a 35;- a 18;- a 7;- a 32;- a 31;- a 1;+ c 9;+ c 3;+ c 28;+ c 7;C b;DL b 24;DL a 23,0,34,36,1,24,30,25,8,10,3,34,34,19;? a;? b;? c
=19|18|4|2,29,6,33,27||9,28,4,7,36,2,24,10,21,11,27,20,3,31
V7 2046803964
N a 26,3,41,13,18,28,13,46,41;N b 49,46,8,14,10,5,19,6,2;N c 18,40,15,3,14,33,10,43,36,11,27,41,25,2,40,4,35,9;UD b 47,34,25,24,18,23,27,9;ID b c;- a 7;? a;? b;? c
=13,28,41,26,18,46,3|49,5,8,19,6,23,24,47,46,34|27,15,33,11,36,25,2,41,9,10,43,40,14,4,35,18,3
V1 3048086723
N a 37,17,15,5,29,31,38,11,18,35,16,18,18,16,10;N b 2,35,24;N c;+ b 22;+ b 32;+ b 0;+ b 21;+ b 20;ID a c;C b;O a b c;K b c;K b c;U a b;IX a a;? a;? b;? c
=||
V0 2579794552
N a 20,5,18;N b 27,26,15,21,27,12,24,18,5,11,5,27,27;N c 23,22,27,28,5,23,22,3,22,24,24,15,18,3,4,0,19,25,6;- a 18;- a 21;- a 9;D b b a;OL a a 8,24,3,29,13,2,1;A b c b;P a;P a;P a;P a;R b 18;? a;? b;? c
=1|2|3|5|8,13,20,24,29|24,27,15|0,3,4,5,6,15,18,19,22,23,24,25,27,28
V2 3136955115
N a 34,33,2,34,36,14,0,32,38,15,16,28,22,12,27,29;N b 6,32,16,17,16;N c 12,22,27,16,24,24,28,22,18,38,5;D a b b;+ b 30;+ b 36;+ b 35;+ b 2;+ b 27;X a c a;IA c c;D b c c;U a c;IA c a;P a;P a;P a;P a;K a a;IA c a;DL a 4,2;? a;? b;? c
=16|22|12|27|5,24,28,38,18||38,18,5,24,28
V2 3212415258
N a 17,20,31,2,34,16,32,39,29,14,32,35,23,38,10,21,24,11,19;N b 39,23,19,26,0,11,28,38,31,25,21,1,34,15,36,34;N c 8,6,21,32,3,35,26,7,25,23,3,37,0,22,15,26,15,9;P b;P b;P b;P b;UD b 26,24,16,28,4,37,13,39;A a a c;O b a c;R c 22;DL c 34;? b;C b;U a c;C c;A c b c;- b 37;- b 1;- b 27;- b 15;- b 35;- b 15;- b 8;- b 20;ID c c;? a;? b;? c
=23|19|11|36|26,8,6,32,23,7,22,37,15,35,21,25,0,9,3|26,8,6,32,23,7,37,15,35,21,25,0,9,3||
V3 4238769655
N a 34,38,8,30,19,40,8;N b 7,14,18,26,1,36,32,37,7,40,11,22,13,26,14,15,19;N c 27,29,29,31,18,12,32,2,26;X a a a;UL b 9,6,17;IX a c;? a;? b;? c
=29,12,27,2,26,31,32,18|36,37,17,40,11,19,15,1,7,14,13,22,26,9,32,18,6|29,12,27,2,26,31,32,18
V1 2263759805
N a 17,26,28,28,26,4;N b 1,22,29,5;N c 6,4,24,23,37,35,18,37,19,32,31,29,19,32,3,39,40,23,24,38;UD c 23,40,14,25,26,14,11,9,34,26,27,20,12;IA b a;- b 7;- b 13;- b 13;- b 34;XL b 32,11,38;D a b c;D a c c;- a 5;- a 27;A a b a;- c 24;- c 36;U c a;XL c 30,17;O c a a;? a;? b;? c
=|38,32,11|
V1 2725965383
N a 33,40,13,10,0,14,2,15,31,15,9,28,37,1,10,24,36,23,26,1;N b 18,18,22,4;N c 5,15,16,23,28,31;P c;P c;P c;P c;+ a 5;+ a 4;+ a 7;- c 39;- c 35;- c 14;- c 14;- c 26;- c 34;- c 35;K c c;? c;X b c b;ID c b;K b c;X c b a;U c c;R c 26;UD c 16;- c 7;- c 5;- c 0;- c 21;- c 38;- c 20;- c 10;? a;? b;? c
=23|28|31|5|15,16|23,24,26,28,31,33,36,37,40,0,1,2,4,5,7,9,10,13,14,15||23,24,28,31,33,36,37,40,1,2,4,9,13,14,15,16
V1 576044912
N a 15,11,31,34,32,0,23;N b 8,34,40,28,1,25,30,20,36,23,35,36,22,10;N c 9,12,37,24,17,0,40,20,39,4,25,14,14,15,8,0;+ b 37;+ b 28;+ b 39;+ b 31;+ b 14;+ b 18;+ b 27;+ a 15;+ a 23;+ a 2;+ a 25;+ a 18;+ a 29;A b a c;+ c 4;OL b c 14,23,30,19,10,39,24;? a;? b;? c
=23,25,29,31,32,0,34,2,11,15,18|20,23,24,25,30,0,4,37,39,40,9,8,10,12,14,15,17,19|20,24,25,0,4,37,39,40,9,8,12,14,15,17
V1 2059454428
N a 38,16,14,13,28,24,21,16,10,33,33,40,30,3,2,40,39,2;N b 22,22,31,0,40,36,39,4;N c 40,9,25,21,40,23,10,20,36,2,3;R b 31;D b a b;UD b 23;IX c b;- c 25;- c 20;- c 13;- c 18;- c 19;- c 25;- c 4;- c 35;+ c 16;+ c 40;+ c 35;+ c 10;+ c 6;+ c 40;+ c 25;+ c 35;AL b b 34,2,35,40,13,1,27;? a;? b;? c
=21,24,28,30,33,2,3,38,39,40,10,13,14,16|13,2|24,25,28,30,33,35,36,38,40,6,9,10,14,16
V1 2611505462
N a 36,12,27,14,33,8;N b 16,25,16,35,38;N c 12,39,20,22,18,39,34,25,29,2;UD b 30,26,1,38,9,27,13,26,9,14,8,10,18,35;- b 32;- b 8;- b 36;- b 6;- b 9;IA b a;? a;? b;? c
=27,33,36,8,12,14|14,27|20,22,25,29,34,2,39,12,18
V1 1514429910
N a 31;N b 21,15,13,31,13,18,32,35,17,9,8,12,31,7,28,4,33,2;N c 30,21,10,14,9,38,18,35,7,5,35,33,12,26,31,27,7,37;O a a a;C b;+ c 15;+ c 11;+ c 39;+ c 26;UL a;? b;X a c c;? a;? b;? c
=|||21,26,27,30,31,33,35,37,38,39,5,7,9,10,11,12,14,15,18
V2 1875874223
N a 9,11,11,26,29,22,19,37,32,11,17,18,17;N b 11,8,1,1,25,21,17,37,33,18,33,26,15,3,25,24;N c 37,25,10,28,17,23,9,21,24,8;XL c 39,1,26,27,25,17,22,12,36;+ b 22;O b b b;O a a c;R b 22;? a;? b;? c
=37,23,39,12,29,11,27,21,28,8,1,19,9,26,24,17,22,32,10,36,18|37,26,25,24,17,15,33,11,21,8,3,1,18|9,37,23,26,39,24,12,22,27,21,28,8,1,10,36
V3 1027518484
N a 28,4,8,24,33,34,20,2,26,6,3,9,11;N b 16,7,12,40,28,17,6,16,25,19,4,9;N c 2,26,39,17,24,18,15,40,38,8,17,4,40,13,29,5;K c b;+ b 12;+ b 0;+ b 11;+ a 28;UL c 36,28,25,17,19,23;O a b b;A a c a;IA b a;UD b 33;UL a 2,2,8;K c a;- c 21;U b a;? a;? b;? c
=16,40,25,7,28,12,4,9,17,2,19,8,6|16,40,7,28,12,4,9,2,8,6,25,17,19,33|16,40,25,7,28,12,4,9,17,2,19,8,6
V4 2371424335
N a 41,14,10,37,27,6,45,10,42,26,8,17,10,33,22,21,37,38,23;N b 22,10,25;N c 30,26,30,23,6,37,18,38,8,45,13,34,19,13,28,41,3;OL c a 41,26,39;- a 15;- a 3;- a 45;- a 40;UL a 45,1,2,2,29,19;UL b 40,26;ID b b;R a 33;P c;OL a c 1,1,42,9,4,31;XL b 15,2,26,18,26,10,24,2,18,34,31,5,16,33;+ b 41;+ b 4;+ b 13;+ b 31;+ b 29;+ b 6;+ b 41;+ b 44;? a;? b;? c
=6|37,26,14,8,27,33,21,22,10,45,38,39,41,17,23,1,4,9,31,42|18,24,26,2,31,33,15,13,34,10,16,4,6,41,5,29,44|37,26,14,8,27,33,21,22,10,45,38,39,41,17,23,42
V5 1127811312
N a 312,90,217,176,15,41,283,97,236,96,130;N b 38,31,177,104,159,284,314,184,135,275,40,2,376,74,103,256,199,46,264,5,357,66,280,250,394,35,6,237,288,45,286,4,192,324,60,398,0,38,280,335,221,241,91,89,93,272,329,389,86,303,127,342,39,163,344,157,325,306,380,298,134,356,316,148,391,257,234,345,374,29,175,161,114,48,331;N c 294,182,352,293,364,259,194,246,164,207,146;+ a 29;+ a 34;+ a 122;+ a 256;+ a 343;+ a 370;+ a 56;+ a 284;+ a 67;- a 5;- a 34;- a 55;- a 392;+ b 265;ID a b;? a;? b;? c
=130,15,283,41,176,56,312,67,343,217,90,96,97,236,370,122|256,0,2,257,4,5,6,135,264,389,394,134,391,265,398,272,275,148,280,284,157,286,31,159,288,29,35,163,161,38,39,40,298,45,46,303,175,177,306,48,184,314,60,316,192,66,324,325,199,329,74,331,335,86,342,344,89,345,91,221,93,356,357,103,104,234,237,241,114,374,376,250,380,127|352,194,259,164,293,294,364,207,146,182,246
V3 2832826210
N a 28,16,11,39,9,20,33,22,37,31,16,25,17,16,22;N b 32,12,38,16,12,10;N c;ID b b;OL b c 4,25,35,29,1,39,14,13,1,3,17;U c b;+ b 26;+ b 6;+ b 13;+ b 38;X c c b;UD c 24,25,40,23,4,16,14,32,28,29;P c;P c;K b a;? a;? b;? c
=14|38|37,11,39,20,22,9,16,28,17,31,25,33|37,11,39,20,22,9,16,28,17,31,25,33|40,23,16,28,6,32,26,29,4,24,25
V5 4021046004
N a 277,307,144,220,124,117,259,304,188,73,139,58,229,137,62,26;N b 162,36,161,212,359,314;N c 126,233,150,76,156,311,209;+ c 298;+ c 302;+ c 109;+ c 284;+ c 78;+ c 212;+ c 318;+ c 141;- c 393;- c 297;- c 378;- c 263;- c 50;- c 392;- c 170;- c 62;D a a a;X b a b;D a b a;DL c 387,172,398,286,375,2,207,325,142,260,86,77,337,303,313,219,8,8,219,103,148,165,189,388,86,199,7,23,5,275,207,344,241,330,295,208,221,390,2,251,2,5,198,317,213,23,317,146,335,253,340;A a b c;C c;? a;? b;? c
=212|161,162,36,212,359,314|
V4 2896834209
N a 25,32,33,32,11,15,1,25,9,13;N b 34,20,12,20,27,16,42,30,35;N c;A a a b;+ b 28;UL c;U b b;DL c 41,32,17,5,31;X b c c;? a;? b;? c
=||
V6 3275812530
N a 52,64,50,16,57,78,2,70;N b 64,49,47,6,68,68,1;N c 39;U a c;O c c b;XL a 42,9;XL a 60,42,21,22,53,35,8,17,29,48;- a 25;- a 36;- a 62;- a 42;IX a b;AL c b 48,1,45,21,65,18,11,7,70,42,13,0,71;+ a 15;+ a 46;+ a 58;IX b b;D b c a;? a;? b;? c
=68,16,78,70,60,48,17,49,1,50,2,35,52,53,21,22,6,39,8,57,9,58,15,29,46,47||1
V4 351135366
N a 0,39,43,6,38,19,45,14,36,0,41,18,39,1;N b 31,35,34,45,6,16;N c 39;- b 7;- b 2;DL a 44,42,34,16,11,5,15,25,3,31,13;IA c b;K b b;UL a 36,21,35;XL a 16,33,42,13,32,35,12,8,6,22,7,14,44;UD c 45,15,27,31,10,36;AL c b 26,5,43,34,40,7,3,36;? a;? b;? c
=0,19,38,36,39,18,1,21,45,12,13,32,41,7,8,22,16,33,44,42,43|6,31,34,45,35,16|34
V5 840672321
N a 336,296,86,170,155,171,237,125,100,102,126,178,219,175,25,92,298;N b 96,36,373,35;N c 1,64,25,137;P c;P c;P c;+ b 37;+ b 53;+ b 28;+ b 300;+ b 37;+ b 205;UD b 69,265,61,124,348,33,197,237,222,199;A a b b;UL a 32,39,90,174,212,303,250,199,0,111,269,341,198,273,167,241,81,161,269,371,277,287,239,280,25,392,379,56,241,356,17,162,109,291,125,159,307,384,168,299,71,255;- c 163;- c 145;- c 24;- c 165;- c 181;- c 302;U a a;P c;IX c a;? a;? b;? c
=64|1|137|25|0,265,269,273,17,277,280,25,28,287,32,33,35,36,37,291,39,299,300,303,307,53,56,61,69,71,81,341,90,348,96,356,109,111,371,373,379,124,125,384,392,159,161,162,167,168,174,197,198,199,205,212,222,237,239,241,250,255|69,197,199,265,205,28,348,222,96,33,35,36,37,300,237,373,53,124,61|0,265,269,273,17,277,280,25,28,287,32,33,35,36,37,291,39,299,300,303,307,53,56,61,69,71,81,341,90,348,96,356,109,111,371,373,379,124,125,384,392,159,161,162,167,168,174,197,198,199,205,212,222,237,239,241,250,255
V6 1750457023
N a;N b 24,32,54,54,49,9,40,38,28,74,47,43,51,2,4,62,76;N c 46,45,74,50,1,11,70,16,36,61,69,67;? a;? c;UD b 21,6,30,77,29,35,1;+ a 9;+ a 2;+ a 12;+ a 3;+ a 16;? a;? b;? c
=|74,70,16,36,61,69,67,45,1,46,50,11|12,16,9,2,3|24,32,40,74,62,76,77,9,49,1,2,43,51,35,28,4,21,29,54,38,6,30,47|74,70,16,36,61,69,67,45,1,46,50,11
V2 479506525
N a 24;N b 19,0;N c 38,31,22,7,3,20,31,34,15,4,26,26,11,0,22,30;R b 0;- b 19;- b 31;- b 39;- b 0;- b 29;- b 20;P c;P c;P c;O c c c;D a a c;O a a c;- c 17;- c 17;- c 36;- c 37;- c 17;? a;? b;? c
=31|20|11|24,15,34,22,38,3,0,26,7,30,4||15,34,22,38,3,0,26,7,30,4
V7 3556445653
N a 36,34,20,18,13,2,34,25,33,4,36,45,38,5,9,0,11;N b 11,14,34,17,49,33,14;N c 48;K a a;R c 48;IX c b;P a;P a;O a b b;C a;UL a 18,36,2,39,35,40,45,15,38;ID a b;+ b 27;+ b 48;+ b 9;+ b 46;+ b 17;+ b 24;+ b 46;+ b 18;O c c c;R b 14;? a;? b;? c
=45|11|45,18,36,39,15,38,2,40,35|17,11,27,48,24,18,33,46,34,9,49|17,11,34,14,33,49
V5 941013467
N a 190,278,223,22,254,328,9,40,154,393,3,138,277;N b 273;N c 260,370,318,183,378,339;D a a c;D a a c;A b b a;IA c b;- a 164;- a 3;- a 394;- a 35;- a 191;DL a 152,93,202,345,298,21,349,379;C b;OL a c 152,304,361,369,188,232,386,193,91,12;XL a 180,268,78,101,258,108,273,264,35,239,320,291,116,238,50,386,42,272,268,335,199,266,148,209,239,389,329,132,136,344,365,168,164,86,77,357,19,330,141,246,200,367,383,353,67,377,18,230,391,388,111,295,369,78,274,233,119,19,337,142,35,65,111,111,360,199,270,323,159,271,82,385,106,194,248,110,310,24,122,38,37,64,8;A a b a;- c 121;- c 256;- c 262;- c 222;- c 363;- c 302;D a a a;D b b a;+ b 40;+ b 347;+ b 292;+ b 174;+ b 338;+ b 76;? a;? b;? c
=|292,40,76,174,338,347|
V4 2443562129
N a 24,33,31,19,36,26,9,2,34,0,10,40,45,35,1;N b 17,9,0,20,15,36,14,7,0,9,8,9,36,37,19,41;N c 8,41,14,40,44,21,35,43,12;UD b 35,4,6,13;X b a c;UL c 36,37,21,17,13,23,26,3,6,7,5,16,45,33;O a a b;A c b a;UD c 29,15,7,28;P c;P c;X c b a;IA c a;ID a c;? a;? b;? c
=12|24|24,31,19,36,26,33,9,2,34,0,10,45,1,12,14,8,41,21,44,43|12,24,31,14,8,21,19,36,44,26,33,9,41,1,34,2,10,45,0,43|40,35
V5 1755928308
N a 394,234,380,99,286,125,218,165,131,88,396,126;N b 358,7,51,354,327,89,370,178,200;N c 366,60,97,172,93,264,282,342;OL c a 100,169,150,269;A c c b;- a 196;- a 180;A c a b;D a b b;? a;? b;? c
=|354,358,327,7,200,370,51,178,89|
V7 2161802394
N a 46,0,48,45,20,40,29,29,38,45,0,48,23,47,39,38,38,33,13,17;N b 14,16,10,13,0,39,18,7,32,34,10,1,8,7,9;N c 39,0,24,47,12;ID c b;ID b a;+ b 46;+ b 34;+ b 5;- b 24;- b 46;- b 12;- b 24;- b 5;- b 5;C c;+ b 0;+ b 14;+ b 22;+ b 8;+ c 49;+ c 29;R c 49;UL b 15,4,31,6,28,14,26,8,9,27,38,11,7,20;P c;UD c 14,18,13,17,27,9,20,25,26,37;P c;P c;P c;P c;IA c b;- c 31;- c 8;- c 28;- c 20;- c 40;- c 46;- c 16;- c 6;R c 18;? a;? b;? c
=29|9|14|26|27|40,20,38,45,46,47,29,23,13,48,0,33,17,39|1,18,7,27,9,28,38,11,15,0,10,4,16,20,31,6,14,32,34,22,26,8|
V4 2889546402
N a 39,23,44,36,32,21,13,39,15,16,26,19,6,11;N b 38,12,10,32,35,31,36,28,10,1;N c;- b 7;IX c b;IX c c;A b b a;? b;U a c;D a a b;D a c c;+ a 43;+ a 35;+ a 41;+ a 19;+ a 23;+ a 3;+ a 12;+ a 31;IA b c;+ c 15;+ c 15;+ c 5;+ c 9;+ c 8;+ c 33;+ c 41;+ c 3;+ b 10;+ b 41;+ b 35;+ b 38;+ b 41;+ b 25;+ b 34;U b c;? a;? b;? c
=36,32|12,19,31,3,41,23,35,43|25,38,8,33,9,15,34,10,3,35,41,5|8,33,9,15,3,41,5
"#;
    // END GENERATED CPY_SET_CASES

    // The generator of CPY_SET_CASES (run with CPython; `python3 gen_set.py` prints the data):
    // import random, sys
    // random.seed(31337)
    // M = 2**61 - 1
    //
    // MASK64 = 2**64 - 1
    // class SplitMix:
    //     def __init__(self, seed):
    //         self.s = seed & MASK64
    //     def next(self):
    //         self.s = (self.s + 0x9E3779B97F4A7C15) & MASK64
    //         z = self.s
    //         z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    //         z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    //         return z ^ (z >> 31)
    //
    // def signed64(u):
    //     return u - 2**64 if u >= 2**63 else u
    //
    // def pool_for(flavor, seed):
    //     # Must match `pool_for` in settable.rs's tests.
    //     g = SplitMix(seed)
    //     if flavor == 0:
    //         return list(range(0, 30))
    //     if flavor == 1:
    //         return list(range(-20, 21))
    //     if flavor == 2:
    //         return [signed64(g.next()) for _ in range(40)]
    //     if flavor == 3:
    //         out = []
    //         for _ in range(30):
    //             x, y = g.next(), g.next()
    //             v = (x << 37) | (y >> 27)
    //             out.append(-v if y & 1 else v)
    //         return out + list(range(-5, 6))
    //     if flavor == 4:
    //         return [k * M + s for k in range(-3, 4) for s in (0, 1, 2, 5, 8, 13)] + [-1, -2, 2**64, 2**64 + 1]
    //     if flavor == 5:
    //         return list(range(0, 400))
    //     if flavor == 6:
    //         return [x * 8 for x in range(0, 60)] + [x * 1024 for x in range(0, 20)]
    //     return [g.next() % 2000001 - 1000000 for _ in range(50)]
    //
    // POOL_INDEX = {}
    // def fmt(lst):
    //     return ",".join(str(POOL_INDEX[x]) for x in lst)
    //
    // def gen_case():
    //     flavor = random.randint(0, 7)
    //     seed = random.randint(0, 2**32)
    //     pool = list(dict.fromkeys(pool_for(flavor, seed)))
    //     POOL_INDEX.clear()
    //     for i, x in enumerate(pool):
    //         POOL_INDEX[x] = i
    //     def rlist(lo=0, hi=14):
    //         n = random.randint(lo, hi)
    //         if flavor == 5 and random.random() < 0.1:
    //             n = random.randint(0, 150)
    //         return [random.choice(pool) for _ in range(n)]
    //     env = {}
    //     ops, outs = [], []
    //     names = ["a", "b", "c"]
    //     for v in names:
    //         lst = rlist(0, 20)
    //         env[v] = set(lst)
    //         ops.append(f"N {v} {fmt(lst)}".rstrip())
    //     nops = random.randint(3, 16)
    //     for _ in range(nops):
    //         r = random.random()
    //         x, y, z = random.choice(names), random.choice(names), random.choice(names)
    //         s = env[x]
    //         if r < 0.12:
    //             for _ in range(random.randint(1, 8)):
    //                 v = random.choice(pool); s.add(v); ops.append(f"+ {x} {POOL_INDEX[v]}")
    //         elif r < 0.22:
    //             for _ in range(random.randint(1, 8)):
    //                 v = random.choice(pool); s.discard(v); ops.append(f"- {x} {POOL_INDEX[v]}")
    //         elif r < 0.27:
    //             if s:
    //                 v = random.choice(list(s)); s.remove(v); ops.append(f"R {x} {POOL_INDEX[v]}")
    //         elif r < 0.35:
    //             for _ in range(random.randint(1, 4)):
    //                 if s:
    //                     v = s.pop(); ops.append(f"P {x}"); outs.append(str(POOL_INDEX[v]))
    //         elif r < 0.37:
    //             s.clear(); ops.append(f"C {x}")
    //         elif r < 0.43:
    //             s.update(env[y]); ops.append(f"U {x} {y}")
    //         elif r < 0.47:
    //             l = rlist(); s.update(l); ops.append(f"UL {x} {fmt(l)}".rstrip())
    //         elif r < 0.50:
    //             l = rlist(); s.update(dict.fromkeys(l)); ops.append(f"UD {x} {fmt(l)}".rstrip())
    //         elif r < 0.54:
    //             env[z] = env[x].copy(); ops.append(f"K {z} {x}")
    //         elif r < 0.60:
    //             env[z] = env[x] | env[y]; ops.append(f"O {z} {x} {y}")
    //         elif r < 0.67:
    //             env[z] = env[x] & env[y]; ops.append(f"A {z} {x} {y}")
    //         elif r < 0.74:
    //             env[z] = env[x] - env[y]; ops.append(f"D {z} {x} {y}")
    //         elif r < 0.80:
    //             env[z] = env[x] ^ env[y]; ops.append(f"X {z} {x} {y}")
    //         elif r < 0.83:
    //             env[x] &= env[y]; ops.append(f"IA {x} {y}")
    //         elif r < 0.86:
    //             env[x] -= env[y]; ops.append(f"ID {x} {y}")
    //         elif r < 0.89:
    //             env[x] ^= env[y]; ops.append(f"IX {x} {y}")
    //         elif r < 0.91:
    //             l = rlist(); env[z] = env[x].intersection(l); ops.append(f"AL {z} {x} {fmt(l)}".rstrip())
    //         elif r < 0.93:
    //             l = rlist(); s.difference_update(l); ops.append(f"DL {x} {fmt(l)}".rstrip())
    //         elif r < 0.95:
    //             l = rlist(); s.symmetric_difference_update(l); ops.append(f"XL {x} {fmt(l)}".rstrip())
    //         elif r < 0.97:
    //             l = rlist(); env[z] = env[x].union(l); ops.append(f"OL {z} {x} {fmt(l)}".rstrip())
    //         else:
    //             ops.append(f"? {x}"); outs.append(fmt(list(env[x])))
    //     for v in names:
    //         ops.append(f"? {v}"); outs.append(fmt(list(env[v])))
    //     return f"{flavor} {seed}", ";".join(ops), "|".join(outs)
    //
    // n = int(sys.argv[1]) if len(sys.argv) > 1 else 320
    // lines = []
    // for _ in range(n):
    //     p, o, e = gen_case()
    //     lines.append("V" + p)
    //     lines.append(o)
    //     lines.append("=" + e)
    // sys.stdout.write("\n".join(lines) + "\n")
}
