//! Dicts and sets with Python-level keys, and indexing/slicing of sequences.
//!
//! Dict and set operations first try the object model's builtin-key path (no Python code,
//! one critical section). Keys that need `__hash__`/`__eq__` take the slow path here: hash
//! outside the lock, then compare candidates with the lock released, re-checking the
//! table's mutation count afterwards.
use gilvm_object::dict::Lookup;
use gilvm_object::keys::{as_index_i64, builtin_hash, KeyHash};
use gilvm_object::list::SliceSpec;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// The dict payload of a dict or of an instance of a dict subclass.
pub fn dict_payload(o: &ObjRef) -> &gilvm_object::dict::PyDict {
    dict_of(o)
}

fn dict_of(o: &ObjRef) -> &gilvm_object::dict::PyDict {
    match o.payload() {
        Payload::Dict(d) => d,
        Payload::Instance(i) => match &i.base {
            gilvm_object::payload::InstanceBase::Dict(d) => d,
            _ => unreachable!("not a dict"),
        },
        _ => unreachable!("not a dict"),
    }
}

fn set_of(o: &ObjRef) -> &gilvm_object::set::PySet {
    match o.payload() {
        Payload::Set(s) | Payload::FrozenSet(s) => s,
        // An instance of a subclass of set.
        Payload::Instance(gilvm_object::payload::Instance {
            base: gilvm_object::payload::InstanceBase::Set(s),
            ..
        }) => s,
        _ => unreachable!("not a set"),
    }
}

impl Interp {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match builtin_hash(v) {
            KeyHash::Hash(h) => Ok(h),
            KeyHash::Unhashable => {
                // Name the innermost unhashable element, as CPython does for tuples.
                let mut culprit = v.clone();
                while let Value::Obj(o) = &culprit {
                    let Payload::Tuple(items) = o.payload() else {
                        break;
                    };
                    match items
                        .iter()
                        .find(|x| builtin_hash(x) == KeyHash::Unhashable)
                    {
                        Some(x) => culprit = x.clone(),
                        None => break,
                    }
                }
                Err(self.type_error(format!("unhashable type: '{}'", self.type_name(&culprit))))
            }
            KeyHash::NeedsPython => {
                if let Value::Obj(o) = v {
                    // A tuple holding instances: hash the items (not the tuple's identity).
                    if let Payload::Tuple(items) = o.payload() {
                        let mut hs = Vec::with_capacity(items.len());
                        for it in items.iter() {
                            hs.push(self.hash(it)?);
                        }
                        return Ok(gilvm_object::hashing::hash_tuple(
                            hs.into_iter(),
                            items.len(),
                        ));
                    }
                    if let Payload::FrozenSet(s) = o.payload() {
                        return Ok(s.hash_of_entries(self.py));
                    }
                }
                match self.lookup_special_name(v, &gilvm_object::static_name!(self.py, "__hash__"))
                {
                    Some(Value::None) => {
                        Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                    }
                    Some(m) => {
                        let r = self.call_method_value(&m, v, &[])?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::Obj(_) if r.to_bigint().is_some() => {
                                Ok(gilvm_object::hashing::hash_bigint(&r.to_bigint().unwrap()))
                            }
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                    None => Ok(gilvm_object::hashing::hash_pointer(v.id())),
                }
            }
        }
    }

    // ---- dicts ----

    /// The hash of `key` for a dict operation. CPython 3.14 rewords a TypeError raised
    /// by the hash (exactly TypeError, not a subclass): "cannot use 'list' as a dict key
    /// (unhashable type: 'list')".
    #[inline]
    pub fn dict_key_hash(&mut self, key: &Value) -> PyResult<i64> {
        self.hash(key)
            .map_err(|e| self.reword_key_hash_error(e, key, "a dict key"))
    }

    /// The hash of `key` for a set operation ("cannot use 'list' as a set element (…)").
    #[inline]
    pub fn set_key_hash(&mut self, key: &Value) -> PyResult<i64> {
        self.hash(key)
            .map_err(|e| self.reword_key_hash_error(e, key, "a set element"))
    }

    #[cold]
    fn reword_key_hash_error(&mut self, e: PyErr, key: &Value, role: &str) -> PyErr {
        let ty = self.g.exc.type_error.clone();
        if !gilvm_object::types::type_of_obj(&e.0).is(&ty) {
            return e;
        }
        let inner = self
            .str_value(&Value::Obj(e.0.clone()))
            .ok()
            .and_then(|v| self.str_string(&v).ok())
            .unwrap_or_default();
        let name = self.type_fullname(key);
        self.type_error(format!("cannot use '{name}' as {role} ({inner})"))
    }

    pub fn dict_get_str(&self, d: &ObjRef, key: &ObjRef) -> Option<Value> {
        dict_of(d).get_str(self.py, key)
    }
    #[inline]
    pub fn dict_set_str(&self, d: &ObjRef, key: ObjRef, v: Value) {
        dict_of(d).set_str(self.py, key, v)
    }
    pub fn dict_del_str(&self, d: &ObjRef, key: &ObjRef) -> Option<Value> {
        dict_of(d).del_str(self.py, key)
    }

    /// Stores into a namespace: a dict directly, any other mapping (what a metaclass's
    /// `__prepare__` returned, a dict subclass) through its `__setitem__`.
    #[inline]
    pub fn namespace_set(&mut self, ns: &ObjRef, key: ObjRef, v: Value) -> PyResult<()> {
        if matches!(ns.payload(), Payload::Dict(_)) {
            return self.dict_set(ns, Value::Obj(key), v);
        }
        self.setitem(&Value::Obj(ns.clone()), Value::Obj(key), v)
    }

    /// Reads a name from a namespace that is not an exact dict, through its `__getitem__`;
    /// None on KeyError (CPython's `PyMapping_GetOptionalItem`).
    #[inline(never)]
    pub fn namespace_get_mapping(&mut self, ns: &ObjRef, key: &ObjRef) -> PyResult<Option<Value>> {
        match self.getitem(&Value::Obj(ns.clone()), &Value::Obj(key.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.matches(&e, &self.g.exc.key_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Reads a name from a namespace (a dict, or any mapping); None when missing.
    #[inline]
    pub fn namespace_get(&mut self, ns: &ObjRef, key: &ObjRef) -> PyResult<Option<Value>> {
        if matches!(ns.payload(), Payload::Dict(_)) {
            return Ok(self.dict_get_str(ns, key));
        }
        self.namespace_get_mapping(ns, key)
    }

    /// Deletes a name from a namespace; false when it could not (CPython turns any error
    /// of a mapping's `__delitem__` into the NameError).
    pub fn namespace_del(&mut self, ns: &ObjRef, key: &ObjRef) -> bool {
        if matches!(ns.payload(), Payload::Dict(_)) {
            return self.dict_del_str(ns, key).is_some();
        }
        self.delitem(&Value::Obj(ns.clone()), &Value::Obj(key.clone()))
            .is_ok()
    }

    /// `d[key]` lookup; None when missing.
    pub fn dict_get(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.dict_key_hash(key)?;
        self.dict_get_hashed(d, key, h)
    }

    /// [`Interp::dict_get`] of a key whose hash `h` is known (stored in another table).
    pub fn dict_get_hashed(&mut self, d: &ObjRef, key: &Value, h: i64) -> PyResult<Option<Value>> {
        match dict_of(d).get(self.py, key, h) {
            Lookup::Found(v) => Ok(Some(v)),
            Lookup::Missing => Ok(None),
            Lookup::NeedsPython => Ok(self.dict_slow_find(d, key, h)?.map(|(_, v)| v)),
        }
    }

    /// Finds an entry comparing keys with Python `__eq__`, without holding the lock.
    fn dict_slow_find(
        &mut self,
        d: &ObjRef,
        key: &Value,
        h: i64,
    ) -> PyResult<Option<(Value, Value)>> {
        let dd = dict_of(d);
        'restart: loop {
            let (snapshot, muts) = dd.candidates(self.py, h);
            for (k, v) in snapshot {
                if k.is(key) || self.eq(&k, key)? {
                    if dd.mutation_count(self.py) != muts {
                        continue 'restart;
                    }
                    return Ok(Some((k, v)));
                }
            }
            return Ok(None);
        }
    }

    /// The slow half of a dict write for a key compared with Python `__eq__`: compares the
    /// candidates with the lock released, then lets `finish` (one of the `PyDict::*_resolved`
    /// methods) act in one critical section, given the keys compared and the key found equal
    /// (None: none); `finish` answers None if the keys compared changed meanwhile, and the
    /// lookup starts again. So the write is atomic as long as the keys' `__eq__` does not
    /// itself change the dict.
    fn dict_slow_write<R>(
        &mut self,
        d: &ObjRef,
        key: &Value,
        h: i64,
        mut finish: impl FnMut(&gilvm_object::dict::PyDict, &[Value], Option<&Value>) -> Option<R>,
    ) -> PyResult<R> {
        let dd = dict_of(d);
        loop {
            let (snapshot, _) = dd.candidates(self.py, h);
            let keys: Vec<Value> = snapshot.into_iter().map(|(k, _)| k).collect();
            let mut found = None;
            for k in &keys {
                if k.is(key) || self.eq(k, key)? {
                    found = Some(k.clone());
                    break;
                }
            }
            if let Some(r) = finish(dd, &keys, found.as_ref()) {
                return Ok(r);
            }
        }
    }

    /// `d[key] = v`.
    pub fn dict_set(&mut self, d: &ObjRef, key: Value, v: Value) -> PyResult<()> {
        let h = self.dict_key_hash(&key)?;
        self.dict_set_hashed(d, key, h, v)
    }

    /// [`Interp::dict_set`] of a key whose hash `h` is known.
    pub fn dict_set_hashed(&mut self, d: &ObjRef, key: Value, h: i64, v: Value) -> PyResult<()> {
        let dd = dict_of(d);
        match dd.set(self.py, key.clone(), h, v.clone()) {
            Lookup::Found(()) | Lookup::Missing => Ok(()),
            Lookup::NeedsPython => {
                let py = self.py;
                self.dict_slow_write(d, &key, h, |dd, cands, found| {
                    dd.set_resolved(py, h, cands, found, key.clone(), v.clone())
                        .then_some(())
                })
            }
        }
    }

    /// `d.setdefault(key, default)` in one critical section: the value stored for `key`
    /// afterwards (the existing one, or `default`).
    pub fn dict_setdefault(&mut self, d: &ObjRef, key: Value, default: Value) -> PyResult<Value> {
        let h = self.dict_key_hash(&key)?;
        let dd = dict_of(d);
        let r = match dd.setdefault(self.py, key.clone(), h, default.clone()) {
            Lookup::NeedsPython => {
                let py = self.py;
                self.dict_slow_write(d, &key, h, |dd, cands, found| {
                    dd.setdefault_resolved(py, h, cands, found, key.clone(), default.clone())
                })?
            }
            r => r,
        };
        Ok(match r {
            Lookup::Found(v) => v,
            _ => default,
        })
    }

    /// `del d[key]`; returns the removed value or None if missing.
    pub fn dict_remove(&mut self, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        let h = self.dict_key_hash(key)?;
        let dd = dict_of(d);
        match dd.remove(self.py, key, h) {
            Lookup::Found(v) => Ok(Some(v)),
            Lookup::Missing => Ok(None),
            Lookup::NeedsPython => {
                let py = self.py;
                self.dict_slow_write(d, key, h, |dd, cands, found| {
                    dd.remove_resolved(py, h, cands, found)
                })
            }
        }
    }

    /// `OrderedDict.move_to_end(key, last)` in one critical section; false if `key` is
    /// absent.
    pub fn dict_move_to_end(&mut self, d: &ObjRef, key: &Value, last: bool) -> PyResult<bool> {
        let h = self.hash(key)?;
        let dd = dict_of(d);
        match dd.move_to_end(self.py, key, h, last) {
            Lookup::Found(()) => Ok(true),
            Lookup::Missing => Ok(false),
            Lookup::NeedsPython => {
                let py = self.py;
                self.dict_slow_write(d, key, h, |dd, cands, found| {
                    dd.move_to_end_resolved(py, h, cands, found, last)
                })
            }
        }
    }

    /// Stores `items` in order: the items whose keys compare without Python code in one
    /// critical section (`d.update(pairs)`, `d.update(**kw)`, `dict.fromkeys`), the rest
    /// (from the first key that needs Python code on) one by one. Keys must be hashed
    /// already (`hashes[i]` for `items[i]`).
    pub fn dict_set_many(&mut self, d: &ObjRef, items: Vec<(i64, Value, Value)>) -> PyResult<()> {
        if let Err((_, rest)) = dict_of(d).set_many(self.py, items) {
            for (h, k, v) in rest {
                self.dict_set_hashed(d, k, h, v)?;
            }
        }
        Ok(())
    }

    /// `d.update(pairs)` / `d.update(**kw)` contents, hashed: each key's hash when no key
    /// needs Python code to hash (then the stores are one critical section); None otherwise.
    fn hash_all(items: &[(Value, Value)]) -> Option<Vec<i64>> {
        items
            .iter()
            .map(|(k, _)| match builtin_hash(k) {
                KeyHash::Hash(h) => Some(h),
                _ => None,
            })
            .collect()
    }

    /// Stores `items` in order, as one critical section when every key hashes and compares
    /// without Python code; else one by one (each store is still atomic).
    pub fn dict_store_all(&mut self, d: &ObjRef, items: Vec<(Value, Value)>) -> PyResult<()> {
        match Self::hash_all(&items) {
            Some(hs) => {
                let items = hs
                    .into_iter()
                    .zip(items)
                    .map(|(h, (k, v))| (h, k, v))
                    .collect();
                self.dict_set_many(d, items)
            }
            None => {
                for (k, v) in items {
                    self.dict_set(d, k, v)?;
                }
                Ok(())
            }
        }
    }

    pub fn dict_items(&mut self, d: &ObjRef) -> PyResult<Vec<(Value, Value)>> {
        Ok(dict_of(d).items(self.py))
    }
    pub fn dict_len(&self, d: &ObjRef) -> usize {
        dict_of(d).len(self.py)
    }
    pub fn dict_copy(&mut self, d: &ObjRef) -> PyResult<ObjRef> {
        Ok(self.new_obj(Owned::Dict(dict_of(d).copy(self.py))))
    }

    /// Updates `d` from a mapping or an iterable of pairs. With `merge_for` (a callee),
    /// duplicate keys raise TypeError as in `f(**a, **b)`.
    pub fn dict_update_from(
        &mut self,
        d: &ObjRef,
        src: &Value,
        merge_for: Option<&Value>,
    ) -> PyResult<()> {
        if let Value::Obj(s) = src {
            if matches!(s.payload(), Payload::Dict(_))
                || matches!(s.payload(), Payload::Instance(i) if matches!(i.base, gilvm_object::payload::InstanceBase::Dict(_)))
            {
                if merge_for.is_none() {
                    // Both dicts locked, as CPython's `dict_merge`: one critical section
                    // while no key needs Python code.
                    if let Err(rest) = dict_of(d).update_from(self.py, dict_of(s)) {
                        for (k, v) in rest {
                            self.dict_set(d, k, v)?;
                        }
                    }
                    return Ok(());
                }
                for (k, v) in dict_of(s).items(self.py) {
                    if let Some(f) = merge_for {
                        if self.dict_get(d, &k)?.is_some() {
                            let fname = self.callable_name(f);
                            let ks = self.str_string(&k)?;
                            return Err(self.type_error(format!(
                                "{fname} got multiple values for keyword argument '{ks}'"
                            )));
                        }
                    }
                    self.dict_set(d, k, v)?;
                }
                return Ok(());
            }
        }
        if merge_for.is_some() || self.has_attr_str(src, "keys") {
            let keys_v = self.call_method(src, "keys", &[]);
            let keys = match keys_v {
                Ok(k) => self.collect(&k)?,
                Err(_) => {
                    let fname = merge_for.map(|f| self.callable_name(f)).unwrap_or_default();
                    return Err(self.type_error(format!(
                        "{fname} argument after ** must be a mapping, not {}",
                        self.type_name(src)
                    )));
                }
            };
            for k in keys {
                let v = self.getitem(src, &k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let items = self.collect(src)?;
        // Pairs that are exact tuples or lists of builtin keys are stored in one critical
        // section (CPython holds the dict's lock while it walks a list of pairs); up to the
        // first bad element, which then raises as it would have one by one.
        let mut batch = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let pair = match &items[i] {
                Value::Obj(o) => match o.payload() {
                    Payload::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
                    _ => None,
                },
                _ => None,
            };
            match pair {
                Some((k, v)) if matches!(builtin_hash(&k), KeyHash::Hash(_)) => {
                    batch.push((k, v));
                    i += 1;
                }
                _ => break,
            }
        }
        self.dict_store_all(d, batch)?;
        for (i, it) in items.iter().enumerate().skip(i) {
            // CPython 3.14's `PySequence_Fast(item, "object is not iterable")`; a
            // TypeError (that one, or one the element's iteration raised) gets a note.
            let pair = match self.iter(it) {
                Err(e) if self.matches(&e, &self.g.exc.type_error.clone()) => {
                    Err(self.type_error("object is not iterable"))
                }
                Err(e) => Err(e),
                Ok(iter) => self.collect(&iter),
            };
            let pair = match pair {
                Err(e) if self.matches(&e, &self.g.exc.type_error.clone()) => {
                    let note = format!(
                        "Cannot convert dictionary update sequence element #{i} to a sequence"
                    );
                    self.add_exc_note(&e, note)?;
                    return Err(e);
                }
                r => r?,
            };
            if pair.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut p = pair.into_iter();
            let (k, v) = (p.next().unwrap(), p.next().unwrap());
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn dict_eq(&mut self, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        for (k, v) in self.dict_items(a)? {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ---- sets ----

    pub fn set_contains(&mut self, s: &ObjRef, key: &Value) -> PyResult<bool> {
        let h = self.set_key_hash(key)?;
        self.set_contains_hashed(s, key, h)
    }

    /// [`Interp::set_contains`] of a key whose hash `h` is known.
    pub fn set_contains_hashed(&mut self, s: &ObjRef, key: &Value, h: i64) -> PyResult<bool> {
        match set_of(s).contains(self.py, key, h) {
            Lookup::Found(()) => Ok(true),
            Lookup::Missing => Ok(false),
            Lookup::NeedsPython => Ok(self.set_slow_find(s, key, h)?.1.is_some()),
        }
    }

    /// Compares `key` with the set's keys of the same (stored) hash, with the lock
    /// released: the keys compared, and the one found equal.
    fn set_slow_find(
        &mut self,
        s: &ObjRef,
        key: &Value,
        h: i64,
    ) -> PyResult<(Vec<Value>, Option<Value>)> {
        let cands = set_of(s).candidates(self.py, h);
        for k in &cands {
            if k.is(key) || self.eq(k, key)? {
                let k = k.clone();
                return Ok((cands, Some(k)));
            }
        }
        Ok((cands, None))
    }

    pub fn set_add(&mut self, s: &ObjRef, key: Value) -> PyResult<()> {
        let h = self.set_key_hash(&key)?;
        self.set_add_hashed(s, key, h)
    }

    /// [`Interp::set_add`] of a key whose hash `h` is known.
    pub fn set_add_hashed(&mut self, s: &ObjRef, key: Value, h: i64) -> PyResult<()> {
        if let Lookup::NeedsPython = set_of(s).add(self.py, key.clone(), h) {
            // Compare outside the lock, then add in one critical section if the keys
            // compared are still the ones of that hash (else again), so two threads adding
            // equal keys cannot both add.
            loop {
                let (cands, found) = self.set_slow_find(s, &key, h)?;
                if set_of(s)
                    .add_resolved(self.py, h, &cands, found.as_ref(), key.clone())
                    .is_some()
                {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Adds `keys` in order: the run of keys that hash without Python code in one critical
    /// section (CPython holds the set's lock while it walks a list or tuple), the rest one
    /// by one.
    pub fn set_add_all(&mut self, s: &ObjRef, keys: Vec<Value>) -> PyResult<()> {
        let n = keys
            .iter()
            .take_while(|k| matches!(builtin_hash(k), KeyHash::Hash(_)))
            .count();
        let mut keys = keys.into_iter();
        let batch: Vec<(i64, Value)> = keys
            .by_ref()
            .take(n)
            .map(|k| match builtin_hash(&k) {
                KeyHash::Hash(h) => (h, k),
                _ => unreachable!(),
            })
            .collect();
        if let Err(rest) = set_of(s).add_many(self.py, batch) {
            for (h, k) in rest {
                self.set_add_hashed(s, k, h)?;
            }
        }
        for k in keys {
            self.set_add(s, k)?;
        }
        Ok(())
    }

    /// Removes `key`; returns whether it was present.
    pub fn set_discard(&mut self, s: &ObjRef, key: &Value) -> PyResult<bool> {
        let h = self.set_key_hash(key)?;
        self.set_discard_hashed(s, key, h)
    }

    /// [`Interp::set_discard`] of a key whose hash `h` is known.
    pub fn set_discard_hashed(&mut self, s: &ObjRef, key: &Value, h: i64) -> PyResult<bool> {
        match set_of(s).remove(self.py, key, h) {
            Lookup::Found(_) => Ok(true),
            Lookup::Missing => Ok(false),
            Lookup::NeedsPython => loop {
                let (cands, found) = self.set_slow_find(s, key, h)?;
                if let Some(r) = set_of(s).remove_resolved(self.py, h, &cands, found.as_ref()) {
                    return Ok(r.is_some());
                }
            },
        }
    }

    pub fn set_keys(&self, s: &ObjRef) -> Vec<Value> {
        set_of(s).keys(self.py)
    }

    /// A new set (or frozenset) holding `items`.
    pub fn new_set_from(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<ObjRef> {
        let s = if frozen {
            self.new_obj(Owned::FrozenSet(gilvm_object::set::PySet::new()))
        } else {
            self.new_set()
        };
        for it in items {
            self.set_add(&s, it)?;
        }
        Ok(s)
    }

    pub fn set_compare(
        &mut self,
        op: gilvm_object::code::CmpOp,
        a: &ObjRef,
        b: &ObjRef,
    ) -> PyResult<bool> {
        use gilvm_object::code::CmpOp;
        let (la, lb) = (set_of(a).len(self.py), set_of(b).len(self.py));
        let sub = |s: &mut Interp, x: &ObjRef, y: &ObjRef| -> PyResult<bool> {
            for k in s.set_keys(x) {
                if !s.set_contains(y, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        Ok(match op {
            CmpOp::Eq => la == lb && sub(self, a, b)?,
            CmpOp::Ne => !(la == lb && sub(self, a, b)?),
            CmpOp::Le => la <= lb && sub(self, a, b)?,
            CmpOp::Lt => la < lb && sub(self, a, b)?,
            CmpOp::Ge => lb <= la && sub(self, b, a)?,
            CmpOp::Gt => lb < la && sub(self, b, a)?,
        })
    }

    // ---- indices and slices ----

    /// Normalises an index for a sequence of length `len`; None if out of range.
    pub fn seq_index(&self, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match as_index_i64(idx) {
            Some(i) => i,
            None => {
                if idx.to_bigint().is_some() {
                    return Err(
                        self.index_error(format!("cannot fit 'int' into an index-sized integer"))
                    );
                }
                if what == "string" {
                    return Err(self.type_error(format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(idx)
                    )));
                }
                return Err(self.type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    self.type_name(idx)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let kind = match what {
                "list" => "list index out of range",
                "tuple" => "tuple index out of range",
                "string" => "string index out of range",
                "range object" => "range object index out of range",
                _ => "index out of range",
            };
            return Err(self.index_error(kind));
        }
        Ok(j as usize)
    }

    /// A slice's bounds as integers (CPython's `PySlice_Unpack`): `None` for a missing
    /// bound, ints beyond the `i64` range clamped; `ValueError` for a zero step.
    pub fn slice_spec(&self, sl: &[Value; 3]) -> PyResult<SliceSpec> {
        let get = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                _ => match as_index_i64(v) {
                    Some(i) => Ok(Some(i)),
                    None => match v.to_bigint() {
                        Some(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                            i64::MIN / 2
                        } else {
                            i64::MAX / 2
                        })),
                        None => Err(self.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )),
                    },
                },
            }
        };
        let step = get(&sl[2])?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        Ok(SliceSpec {
            start: get(&sl[0])?,
            stop: get(&sl[1])?,
            step,
        })
    }

    /// Resolves a slice against `len`: (start, stop, step, count).
    pub fn slice_indices(&self, sl: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let r = self.slice_spec(sl)?.adjust(len);
        Ok((r.start, r.stop, r.step, r.count))
    }

    /// Items of a slice of `items`.
    pub fn slice_vec<T: Clone>(&self, items: &[T], sl: &[Value; 3]) -> PyResult<Vec<T>> {
        let (start, _stop, step, count) = self.slice_indices(sl, items.len())?;
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(items[i as usize].clone());
            i += step;
        }
        Ok(out)
    }
}
