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
//! # Memory: one block, none for an empty table (issue 16)
//!
//! The table itself is 24 bytes: a pointer to its block, `used` and `usable` as `u32`
//! (entry indices are `u32` anyway, so neither can exceed `u32::MAX`), and the 64-bit
//! mutation count. The block holds, in one allocation as CPython's `PyDictKeysObject`, a
//! small header (`mask`, `nentries`), the index, then room for exactly
//! `usable_fraction(size)` entries, of which the first `nentries` are initialised; a
//! rebuild allocates a new block, moves the live entries over in order and frees the old
//! one. A table that never received an entry (`{}`, `dict.copy()` of an empty dict, a
//! cleared dict) points at the shared, immutable [`EMPTY_KEYS`] block (CPython's
//! `Py_EMPTY_KEYS`): [`MIN_SIZE`] empty index slots, no entries, and `usable == 0`, so
//! lookups run the ordinary probe loop (no null check) and the first insertion rebuilds
//! into a block of its own with [`MIN_SIZE`] slots, which is what `new` allocated before.
//! Writes to the block happen only after that (`usable > 0` or `nentries > 0` means the
//! block is the table's own), so the shared block is never written. Before, a table was
//! two `Vec`s and three 64-bit counters (72 bytes) plus an index allocated by `{}`; an
//! empty dict object now fits mimalloc's 48-byte class on the GIL build.
//!
//! The mutation count stays 64-bit: a cursor or a caller that ran Python code compares
//! counts for equality, and a 32-bit count could come back to the same value after 2^32
//! structural changes made meanwhile by other code.
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

use std::alloc::Layout;
use std::marker::PhantomData;
use std::ptr::NonNull;

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
        _ => capacity_overflow(),
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

/// The start of a table's one allocation (CPython's `PyDictKeysObject`), followed by the
/// index (`mask + 1` `u32` slots) and then room for `usable_fraction(mask + 1)` entries, of
/// which the first `nentries` are initialised (live or tombstones).
#[repr(C)]
struct KeysHeader {
    /// Index-table size minus one (the size is a power of two, at most 2^32).
    mask: u32,
    /// Entry positions in use, live or deleted (CPython's `dk_nentries`).
    nentries: u32,
}

/// The shared block of every table that has allocated nothing yet (CPython's
/// `Py_EMPTY_KEYS`): [`MIN_SIZE`] empty index slots and room for no entry. A table on it
/// has `usable == 0` and no entries, so its first insertion rebuilds into a block of its
/// own; nothing ever writes to it.
#[repr(C, align(8))]
struct EmptyKeys {
    header: KeysHeader,
    indices: [u32; MIN_SIZE],
}

static EMPTY_KEYS: EmptyKeys = EmptyKeys {
    header: KeysHeader {
        mask: (MIN_SIZE - 1) as u32,
        nentries: 0,
    },
    indices: [EMPTY; MIN_SIZE],
};

#[inline(always)]
fn empty_keys() -> NonNull<KeysHeader> {
    NonNull::from(&EMPTY_KEYS.header)
}

/// Insertion-ordered hash table of `(hash, key, value)` entries; see the
/// [module documentation](self).
pub struct DictTable<K, V> {
    /// The block (header, index, entries), or [`EMPTY_KEYS`].
    keys: NonNull<KeysHeader>,
    used: u32,
    /// Entries that may still be appended before the next rebuild.
    usable: u32,
    mutations: u64,
    _owns: PhantomData<Entry<K, V>>,
}

// SAFETY: the table owns its entries (its block is reached only through the table, or is
// the immutable shared `EMPTY_KEYS`), so sending the table sends its keys and values.
unsafe impl<K: Send, V: Send> Send for DictTable<K, V> {}
// SAFETY: `&DictTable` gives only shared access to the block and its entries (`&K`, `&V`);
// every write needs `&mut DictTable`.
unsafe impl<K: Sync, V: Sync> Sync for DictTable<K, V> {}

impl<K, V> Default for DictTable<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for DictTable<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DictTable")
            .field("indices", &self.indices())
            .field("entries", &self.entries())
            .field("used", &self.used)
            .field("usable", &self.usable)
            .field("mutations", &self.mutations)
            .finish()
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
        let mask = table.mask();
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
        if self.stamp != table.mutations || self.mask != table.mask() {
            *self = DictProbe::start(self.hash, table);
        }
        if let Some(v) = self.vacant {
            return DictProbeStep::Vacant(v);
        }
        loop {
            let cur = self.i;
            let ix = table.indices()[cur];
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
            } else if table.entries()[ix as usize].hash == self.hash {
                return DictProbeStep::Candidate(ix as usize);
            }
        }
    }
}

impl<K, V> DictTable<K, V> {
    /// An empty table. It allocates nothing (it shares [`EMPTY_KEYS`]); the first
    /// insertion allocates a block with [`MIN_SIZE`] index slots.
    pub fn new() -> Self {
        DictTable {
            keys: empty_keys(),
            used: 0,
            usable: 0,
            mutations: 0,
            _owns: PhantomData,
        }
    }

    /// An empty table that can receive `n` entries without rebuilding (none allocated
    /// for `n == 0`).
    pub fn with_capacity(n: usize) -> Self {
        if n == 0 {
            return Self::new();
        }
        let size = index_size_for_entries(n);
        DictTable {
            keys: Self::alloc_block(size),
            used: 0,
            usable: usable_fraction(size) as u32,
            mutations: 0,
            _owns: PhantomData,
        }
    }

    /// Layout of a block with `size` index slots, and the offset of its entries.
    #[inline]
    fn block_layout(size: usize) -> (Layout, usize) {
        let r = Layout::new::<KeysHeader>()
            .extend(Layout::array::<u32>(size).unwrap_or_else(|_| capacity_overflow()))
            .and_then(|(l, _)| {
                l.extend(
                    Layout::array::<Entry<K, V>>(usable_fraction(size))
                        .unwrap_or_else(|_| capacity_overflow()),
                )
            });
        match r {
            Ok((l, off)) => (l, off),
            Err(_) => capacity_overflow(),
        }
    }

    /// Offset of the entries in a block with `size` index slots.
    #[inline(always)]
    fn entries_offset(size: usize) -> usize {
        let end = std::mem::size_of::<KeysHeader>() + size * std::mem::size_of::<u32>();
        let align = std::mem::align_of::<Entry<K, V>>();
        (end + align - 1) & !(align - 1)
    }

    /// A new block with `size` (a power of two, at least [`MIN_SIZE`]) empty index slots
    /// and no entries.
    fn alloc_block(size: usize) -> NonNull<KeysHeader> {
        let (layout, _) = Self::block_layout(size);
        // SAFETY: the layout is not zero-sized (it holds the header).
        let p = unsafe { std::alloc::alloc(layout) };
        let Some(p) = NonNull::new(p) else {
            std::alloc::handle_alloc_error(layout)
        };
        let hdr = p.cast::<KeysHeader>();
        // SAFETY: the block is fresh, large enough for the header and `size` index slots,
        // and aligned for both (`block_layout`).
        unsafe {
            hdr.as_ptr().write(KeysHeader {
                mask: (size - 1) as u32,
                nentries: 0,
            });
            let ix = hdr.as_ptr().add(1).cast::<u32>();
            std::ptr::write_bytes(ix, 0xff, size); // EMPTY is all ones
        }
        hdr
    }

    /// `true` while the table is on the shared empty block.
    #[inline(always)]
    fn is_shared_empty(&self) -> bool {
        std::ptr::eq(self.keys.as_ptr(), &EMPTY_KEYS.header)
    }

    #[inline(always)]
    fn header(&self) -> &KeysHeader {
        // SAFETY: `keys` always points to a live block (its own, or `EMPTY_KEYS`).
        unsafe { self.keys.as_ref() }
    }

    /// Index-table size minus one.
    #[inline(always)]
    fn mask(&self) -> usize {
        self.header().mask as usize
    }

    #[inline(always)]
    fn nentries(&self) -> usize {
        self.header().nentries as usize
    }

    /// The index table.
    #[inline(always)]
    fn indices(&self) -> &[u32] {
        // SAFETY: the header is followed by `mask + 1` initialised index slots, 4-aligned
        // (the header's size is a multiple of 4), in both kinds of block.
        unsafe {
            std::slice::from_raw_parts(self.keys.as_ptr().add(1).cast::<u32>(), self.mask() + 1)
        }
    }

    /// The index table, for writing. Only on the table's own block (never the shared one).
    #[inline(always)]
    fn indices_mut(&mut self) -> &mut [u32] {
        debug_assert!(!self.is_shared_empty());
        // SAFETY: as `indices`; the block is the table's own (callers write only after an
        // allocation: a table on the shared block has `usable == 0` and no entries), and
        // `&mut self` makes the access exclusive.
        unsafe {
            std::slice::from_raw_parts_mut(self.keys.as_ptr().add(1).cast::<u32>(), self.mask() + 1)
        }
    }

    #[inline(always)]
    fn entries_ptr(&self) -> *mut Entry<K, V> {
        let off = Self::entries_offset(self.mask() + 1);
        // Only called on a table's own block (callers check `nentries > 0` or `usable > 0`
        // first, or just allocated it).
        debug_assert!(!self.is_shared_empty());
        // SAFETY: the offset is the entries' offset within the block's layout
        // (`block_layout`), so the pointer stays inside the allocation.
        unsafe {
            self.keys
                .as_ptr()
                .cast::<u8>()
                .add(off)
                .cast::<Entry<K, V>>()
        }
    }

    /// The entries in use (live and tombstones), in insertion order.
    #[inline(always)]
    fn entries(&self) -> &[Entry<K, V>] {
        let n = self.nentries();
        if n == 0 {
            return &[];
        }
        // SAFETY: the first `nentries` entries of the block are initialised and aligned.
        unsafe { std::slice::from_raw_parts(self.entries_ptr(), n) }
    }

    /// The entries in use, for writing.
    #[inline(always)]
    fn entries_mut(&mut self) -> &mut [Entry<K, V>] {
        let n = self.nentries();
        if n == 0 {
            return &mut [];
        }
        // SAFETY: as `entries`; `n > 0` means the block is the table's own, and `&mut self`
        // makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.entries_ptr(), n) }
    }

    /// Frees the block without dropping its entries (already moved out or dropped).
    ///
    /// # Safety
    /// `keys` must not be used afterwards (the caller replaces it).
    unsafe fn free_block(&mut self) {
        if self.is_shared_empty() {
            return;
        }
        let (layout, _) = Self::block_layout(self.mask() + 1);
        // SAFETY: the block was allocated by `alloc_block` with this layout (same size).
        unsafe { std::alloc::dealloc(self.keys.as_ptr().cast::<u8>(), layout) };
    }

    /// Number of live entries.
    #[inline]
    pub fn len(&self) -> usize {
        self.used as usize
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
        self.nentries()
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
        let indices = self.indices();
        let entries = self.entries();
        let mask = indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = indices[i];
            if ix < DUMMY {
                let e = &entries[ix as usize];
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
                    if let Some((k, _)) = &self.entries()[ix].kv {
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
        self.entries()[ix].kv.as_ref().map(|(_, v)| v)
    }

    /// The key and value at entry index `idx`; `None` for a deleted entry or
    /// an index out of range.
    #[inline]
    pub fn get_entry(&self, idx: usize) -> Option<(&K, &V)> {
        self.entries()
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
        self.entries()
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
        self.entries_mut()
            .get_mut(idx)
            .and_then(|e| e.kv.as_mut().map(|(_, v)| v))
    }

    /// The first live entry at or after entry index `pos`, as
    /// `(index, key, value)`. An iterator object keeps `index + 1` as its next
    /// position, and compares [`DictTable::len`] with the length it started
    /// with to report "dictionary changed size during iteration".
    #[inline]
    pub fn next_from(&self, pos: usize) -> Option<(usize, &K, &V)> {
        let tail = self.entries().get(pos..)?;
        tail.iter()
            .enumerate()
            .find_map(|(i, e)| e.kv.as_ref().map(|(k, v)| (pos + i, k, v)))
    }

    /// Iterator over `(key, value)` in insertion order.
    #[inline]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.entries()
            .iter()
            .filter_map(|e| e.kv.as_ref().map(|(k, v)| (k, v)))
    }

    /// Iterator over `(entry index, hash, key, value)` in insertion order.
    #[inline]
    pub fn iter_entries(&self) -> impl DoubleEndedIterator<Item = (usize, i64, &K, &V)> + '_ {
        self.entries()
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
        self.entries_mut()
            .iter_mut()
            .filter_map(|e| e.kv.as_mut().map(|(_, v)| v))
    }

    /// Consumes the table, yielding `(hash, key, value)` in insertion order.
    pub fn into_entries(self) -> impl DoubleEndedIterator<Item = (i64, K, V)> {
        let mut out = Vec::with_capacity(self.len());
        let n = self.nentries();
        if n > 0 {
            let p = self.entries_ptr();
            // Forget the entries first: they are moved out below.
            // SAFETY: `n > 0`, so the block is the table's own.
            unsafe { (*self.keys.as_ptr()).nentries = 0 };
            for i in 0..n {
                // SAFETY: entry `i < n` was initialised and is read exactly once; the
                // table no longer counts it, so its drop will not touch it.
                let e = unsafe { p.add(i).read() };
                if let Some((k, v)) = e.kv {
                    out.push((e.hash, k, v));
                }
            }
        }
        drop(self);
        out.into_iter()
    }

    /// Appends an entry for a key found absent by a probe, without probing
    /// again (unless the table must grow first). Returns its entry index.
    ///
    /// Returns `Err((key, value))` without changing anything if the table
    /// changed since the probe: the caller must probe again.
    pub fn insert_vacant(&mut self, vacant: DictVacant, key: K, value: V) -> Result<usize, (K, V)> {
        if vacant.stamp != self.mutations || vacant.mask != self.mask() {
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
            self.resize(index_size_for(self.len().saturating_mul(3)));
        }
        let slot = find_empty_slot(self.indices(), hash);
        self.push_entry(slot, hash, key, value)
    }

    /// Writes a new entry at the end and points index slot `slot` at it. Requires
    /// `usable > 0` (so the block is the table's own and has room).
    #[inline]
    fn push_entry(&mut self, slot: usize, hash: i64, key: K, value: V) -> usize {
        debug_assert!(self.usable > 0);
        let idx = self.nentries();
        // SAFETY: `usable > 0`, so the block is the table's own and entry `idx` is
        // within its room (`nentries + usable <= usable_fraction(size)` always holds); it
        // is uninitialised, and counted only after it is written.
        unsafe {
            self.entries_ptr().add(idx).write(Entry {
                hash,
                kv: Some((key, value)),
            });
            (*self.keys.as_ptr()).nentries += 1;
        }
        self.indices_mut()[slot] = idx as u32;
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
        let e = self.entries().get(idx)?;
        e.kv.as_ref()?;
        let hash = e.hash;
        // The index slot pointing at `idx` lies on `hash`'s probe path.
        let indices = self.indices_mut();
        let mask = indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let ix = indices[i];
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
        indices[i] = DUMMY;
        self.used -= 1;
        self.mutations = self.mutations.wrapping_add(1);
        self.entries_mut()[idx].kv.take()
    }

    /// `dict.popitem()`: removes and returns the last live entry (LIFO), and
    /// drops the trailing tombstones. `None` when empty.
    pub fn popitem(&mut self) -> Option<(K, V)> {
        let idx = self.entries().iter().rposition(|e| e.kv.is_some())?;
        let kv = self.take_entry(idx);
        // The entries from `idx` on are tombstones now (nothing to drop): forget them.
        // `usable` is not given back, as in CPython: their index slots stay dummies.
        // SAFETY: an entry was found, so the block is the table's own.
        unsafe { (*self.keys.as_ptr()).nentries = idx as u32 };
        kv
    }

    /// Removes every entry, going back to the shared empty block. Keys and
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
        if additional > self.usable as usize {
            let size = index_size_for_entries(self.len().saturating_add(additional));
            self.resize(size.max(self.mask() + 1));
        }
    }

    /// Rebuilds into a new block with `size` index slots, compacting the entries.
    fn resize(&mut self, size: usize) {
        let new = Self::alloc_block(size);
        let mut t = DictTable::<K, V> {
            keys: new,
            used: 0,
            usable: usable_fraction(size) as u32,
            mutations: 0,
            _owns: PhantomData,
        };
        let n = self.nentries();
        if n > 0 {
            let p = self.entries_ptr();
            // SAFETY: `n > 0`, so the block is the table's own. The entries are moved
            // out below; the old block is then freed without dropping them.
            unsafe { (*self.keys.as_ptr()).nentries = 0 };
            for i in 0..n {
                // SAFETY: entry `i < n` is initialised and read once.
                let e = unsafe { p.add(i).read() };
                if e.kv.is_some() {
                    let slot = find_empty_slot(t.indices(), e.hash);
                    // `t` has room for every live entry: `used <= usable_fraction(size)`
                    // (every caller sizes for at least `used`).
                    let idx = t.nentries();
                    // SAFETY: as in `push_entry`: `idx < usable_fraction(size)`.
                    unsafe {
                        t.entries_ptr().add(idx).write(e);
                        (*t.keys.as_ptr()).nentries += 1;
                    }
                    t.indices_mut()[slot] = idx as u32;
                }
            }
        }
        // SAFETY: the old block's entries were all moved out (or were tombstones, which
        // own nothing); `keys` is replaced right below.
        unsafe { self.free_block() };
        self.keys = t.keys;
        t.keys = empty_keys();
        let live = self.nentries();
        debug_assert_eq!(live, self.len());
        self.usable = (usable_fraction(size) - live) as u32;
        self.mutations = self.mutations.wrapping_add(1);
    }
}

impl<K, V> Drop for DictTable<K, V> {
    fn drop(&mut self) {
        let n = self.nentries();
        if n > 0 {
            // Forget the entries before dropping them, so that a panicking drop cannot
            // lead to a second drop.
            let p = self.entries_ptr();
            // SAFETY: `n > 0`, so the block is the table's own.
            unsafe { (*self.keys.as_ptr()).nentries = 0 };
            // SAFETY: the first `n` entries are initialised and dropped once.
            unsafe { std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(p, n)) };
        }
        // SAFETY: the entries are dropped; the table is being dropped.
        unsafe { self.free_block() };
    }
}

impl<K: Clone, V: Clone> Clone for DictTable<K, V> {
    /// An exact copy: same index, same entries (tombstones included), same counters.
    fn clone(&self) -> Self {
        if self.is_shared_empty() {
            let mut t = DictTable::new();
            t.mutations = self.mutations;
            return t;
        }
        let size = self.mask() + 1;
        let mut t = DictTable::<K, V> {
            keys: Self::alloc_block(size),
            used: self.used,
            usable: self.usable,
            mutations: self.mutations,
            _owns: PhantomData,
        };
        t.indices_mut().copy_from_slice(self.indices());
        let p = t.entries_ptr();
        for (i, e) in self.entries().iter().enumerate() {
            // SAFETY: the new block has the same room; entry `i` is written once and
            // counted right after, so a panicking clone leaves only written entries
            // counted.
            unsafe {
                p.add(i).write(e.clone());
                (*t.keys.as_ptr()).nentries += 1;
            }
        }
        t
    }
}

impl<K: Clone, V: Clone> DictTable<K, V> {
    /// A compact copy (`dict.copy()`, `dict(d)`): same entries in the same
    /// order, without tombstones. [`Clone::clone`] keeps the exact layout instead.
    pub fn copy(&self) -> DictTable<K, V> {
        let mut t = DictTable::with_capacity(self.len());
        for (_, h, k, v) in self.iter_entries() {
            let slot = find_empty_slot(t.indices(), h);
            t.push_entry(slot, h, k.clone(), v.clone());
        }
        t.mutations = 0;
        t
    }
}

#[cold]
fn capacity_overflow() -> ! {
    panic!("DictTable: capacity overflow")
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
        assert!(t.indices().contains(&EMPTY));
        let live = t.indices().iter().filter(|&&i| i < DUMMY).count();
        assert_eq!(live, t.len());
        assert!(t.nentries() <= usable_fraction(t.indices().len()));
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
        assert!(t.indices().len() > MIN_SIZE);
    }

    #[test]
    fn churn_stays_bounded() {
        let mut t: DictTable<u32, u64> = DictTable::new();
        for k in 0..100_000u32 {
            t.insert_new(h(k), k, 0);
            t.remove_with(h(k), |x| *x == k);
        }
        assert!(t.is_empty());
        assert!(t.indices().len() <= 64, "{}", t.indices().len());
        t.reserve(1000);
        let n = t.indices().len();
        for k in 0..1000 {
            t.insert_new(h(k), k, 0);
        }
        assert_eq!(n, t.indices().len());
    }

    #[test]
    fn empty_tables_share_one_block() {
        assert_eq!(std::mem::size_of::<DictTable<u32, u64>>(), 24);
        let mut t: DictTable<u32, u64> = DictTable::new();
        assert!(t.is_shared_empty());
        assert_eq!(t.find_with(5, |_| true), None);
        assert_eq!(t.popitem(), None);
        assert_eq!(t.take_entry(0), None);
        assert_eq!(t.next_from(0), None);
        assert!(DictTable::<u32, u64>::with_capacity(0).is_shared_empty());
        assert!(t.clone().is_shared_empty());
        assert!(t.copy().is_shared_empty());
        t.reserve(0);
        assert!(t.is_shared_empty());
        t.insert_new(h(1), 1, 1);
        assert!(!t.is_shared_empty());
        assert_eq!(t.indices().len(), MIN_SIZE);
        let m = t.mutation_count();
        t.clear();
        assert!(t.is_shared_empty());
        assert!(t.mutation_count() > m);
        t.reserve(3);
        assert_eq!((t.indices().len(), t.usable), (MIN_SIZE, 5));
    }

    #[test]
    fn owned_values_are_dropped_once() {
        use std::rc::Rc;
        let v = Rc::new(0u8);
        {
            let mut t: DictTable<u32, Rc<u8>> = DictTable::new();
            for k in 0..100 {
                t.insert_new(h(k), k, v.clone());
            }
            for k in (0..100).step_by(3) {
                t.remove_with(h(k), |x| *x == k);
            }
            t.popitem();
            let c = t.clone();
            let d = t.copy();
            assert_eq!(Rc::strong_count(&v), 1 + 3 * t.len());
            let e: Vec<_> = c.into_entries().collect();
            assert_eq!(e.len(), t.len());
            drop(e);
            drop(d);
            let old = t.take();
            assert_eq!(Rc::strong_count(&v), 1 + old.len());
        }
        assert_eq!(Rc::strong_count(&v), 1);
    }
}
