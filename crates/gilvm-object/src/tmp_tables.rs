//! TEMPORARY stand-ins for hashing.rs / dicttable.rs / settable.rs while they are written.
use hashbrown::HashTable;

pub fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}
const MODULUS: i64 = (1 << 61) - 1;
pub fn hash_i64(v: i64) -> i64 {
    let h = if v >= 0 { v % MODULUS } else { -((-(v as i128) % MODULUS as i128) as i64) };
    if h == -1 { -2 } else { h }
}
pub fn hash_bigint(v: &num_bigint::BigInt) -> i64 {
    use num_traits::ToPrimitive;
    let m = num_bigint::BigInt::from(MODULUS);
    let r = (v.magnitude() % m.magnitude()).to_i64().unwrap();
    let h = if v.sign() == num_bigint::Sign::Minus { -r } else { r };
    if h == -1 { -2 } else { h }
}
pub fn hash_f64(v: f64, identity: usize) -> i64 {
    if v.is_nan() { return identity as i64 >> 4; }
    if v.is_infinite() { return if v > 0.0 { 314159 } else { -314159 }; }
    if v.fract() == 0.0 && v.abs() < 9.2e18 { return hash_i64(v as i64); }
    let h = v.to_bits() as i64 % MODULUS;
    if h == -1 { -2 } else { h }
}
pub fn hash_tuple(items: impl Iterator<Item = i64>, len: usize) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((len as u64) ^ (P5 ^ 3527539));
    if acc as i64 == -1 { 1546275796 } else { acc as i64 }
}

pub struct DictTable<K, V> {
    entries: Vec<Option<(i64, K, V)>>,
    index: HashTable<usize>,
    len: usize,
    mutations: u64,
}
impl<K, V> Default for DictTable<K, V> {
    fn default() -> Self { Self::new() }
}
impl<K, V> DictTable<K, V> {
    pub fn new() -> Self { DictTable { entries: Vec::new(), index: HashTable::new(), len: 0, mutations: 0 } }
    pub fn len(&self) -> usize { self.len }
    pub fn is_empty(&self) -> bool { self.len == 0 }
    pub fn mutation_count(&self) -> u64 { self.mutations }
    pub fn find_with(&self, hash: i64, mut eq: impl FnMut(&K) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.index.find(hash as u64, |&i| match &entries[i] { Some((h, k, _)) => *h == hash && eq(k), None => false }).copied()
    }
    pub fn insert_new(&mut self, hash: i64, key: K, value: V) -> usize {
        let i = self.entries.len();
        self.entries.push(Some((hash, key, value)));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, i, |&j| entries[j].as_ref().map(|e| e.0 as u64).unwrap_or(0));
        self.len += 1;
        self.mutations += 1;
        if self.entries.len() > 16 && self.entries.len() > self.len * 2 { self.compact(); }
        i
    }
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        for e in old.into_iter().flatten() {
            let i = self.entries.len();
            let h = e.0;
            self.entries.push(Some(e));
            let entries = &self.entries;
            self.index.insert_unique(h as u64, i, |&j| entries[j].as_ref().map(|e| e.0 as u64).unwrap_or(0));
        }
    }
    pub fn get_entry(&self, idx: usize) -> Option<(&K, &V)> { self.entries.get(idx)?.as_ref().map(|(_, k, v)| (k, v)) }
    pub fn value_mut(&mut self, idx: usize) -> &mut V { &mut self.entries[idx].as_mut().unwrap().2 }
    pub fn entry_index_count(&self) -> usize { self.entries.len() }
    pub fn remove_slot(&mut self, idx: usize) -> (K, V) {
        let (h, k, v) = self.entries[idx].take().unwrap();
        if let Ok(e) = self.index.find_entry(h as u64, |&j| j == idx) { e.remove(); }
        self.len -= 1;
        self.mutations += 1;
        (k, v)
    }
    pub fn popitem(&mut self) -> Option<(K, V)> {
        let idx = self.entries.iter().rposition(|e| e.is_some())?;
        Some(self.remove_slot(idx))
    }
    pub fn clear(&mut self) { self.entries.clear(); self.index.clear(); self.len = 0; self.mutations += 1; }
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> { self.entries.iter().filter_map(|e| e.as_ref().map(|(_, k, v)| (k, v))) }
    pub fn hash_at(&self, idx: usize) -> Option<i64> { self.entries.get(idx)?.as_ref().map(|e| e.0) }
}

pub struct SetTable<K> { inner: DictTable<K, ()> }
impl<K> Default for SetTable<K> { fn default() -> Self { SetTable { inner: DictTable::new() } } }
impl<K> SetTable<K> {
    pub fn new() -> Self { Self::default() }
    pub fn len(&self) -> usize { self.inner.len() }
    pub fn is_empty(&self) -> bool { self.inner.is_empty() }
    pub fn mutation_count(&self) -> u64 { self.inner.mutation_count() }
    pub fn find_with(&self, hash: i64, eq: impl FnMut(&K) -> bool) -> Option<usize> { self.inner.find_with(hash, eq) }
    pub fn insert_new(&mut self, hash: i64, key: K) { self.inner.insert_new(hash, key, ()); }
    pub fn key_at(&self, slot: usize) -> Option<&K> { self.inner.get_entry(slot).map(|e| e.0) }
    pub fn hash_at(&self, slot: usize) -> Option<i64> { self.inner.hash_at(slot) }
    pub fn slot_count(&self) -> usize { self.inner.entry_index_count() }
    pub fn remove_slot(&mut self, slot: usize) -> K { self.inner.remove_slot(slot).0 }
    pub fn pop_arbitrary(&mut self) -> Option<K> { let i = (0..self.inner.entry_index_count()).find(|&i| self.inner.get_entry(i).is_some())?; Some(self.remove_slot(i)) }
    pub fn clear(&mut self) { self.inner.clear() }
    pub fn iter(&self) -> impl Iterator<Item = &K> { self.inner.iter().map(|e| e.0) }
}
