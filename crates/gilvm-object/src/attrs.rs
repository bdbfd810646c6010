//! Instance attributes: values stored inline in the instance, keyed by names the class
//! shares among all its instances (CPython 3.11–3.13's inline values and shared-key
//! dicts). A real `__dict__` is made only when a program asks for one.
//!
//! # What and why
//! A dict per instance costs a dict object, its table and a copy of every key, and every
//! attribute access hashes and probes it. Instances of one class almost always get the same
//! attributes in the same order (in `__init__`), so the class keeps the list of names once
//! ([`SharedKeys`]: an append-only table read without a lock, `gilvm_sync::appendonly`),
//! and each instance keeps only a vector of values indexed like that list
//! ([`InstanceAttrs`]). Looking up an attribute is a scan of a few pointers (interned names
//! are compared by address) and one indexed load.
//!
//! # Invariants
//! 1. An instance's attributes live in exactly one place: the inline values (`Inline`) or
//!    a dict object (`Dict`). Asking for `__dict__` moves the values into a new dict once
//!    and for all (`dict`), so the dict a program holds is always the storage itself and
//!    the two can never disagree.
//! 2. Inline values keep the instance's insertion order: a value is stored inline only if
//!    no value sits at a higher index, so the order of the inline values, read by index,
//!    is the order a dict would have. Adding a name out of order (or one the class cannot
//!    share: a name that is not interned, or a class that already has `MAX_SHARED_KEYS`
//!    names) moves the instance to a dict first.
//! 3. A name's index in the shared keys never changes once published, so an index found
//!    without the instance's lock stays valid; the values themselves are read and written
//!    only inside the instance's critical section (`ObjCell`).
//! 4. Only immortal (interned) names are shared keys: the table holds their addresses
//!    without counting them, and an immortal object's address is never reused.
//!
//! # Slots
//! A class whose `__slots__` name attributes (`nslots` > 0, its own or its bases') keeps
//! their values in front of the instance's values, at fixed positions (the class's
//! `InstanceSlots::names`), so a slotted instance costs what one with as many inline
//! attributes costs and no more: the same vector, no dict. Such a class shares no keys; if
//! its instances also have a `__dict__` (`'__dict__'` in `__slots__`, or a subclass without
//! `__slots__`), the dict object sits right after the slots (`Undef` until made), and every
//! other attribute lives there. Those instances stay in `Inline` mode for good.
//! 5. A slot's value is read and written under the instance's lock like any inline value
//!    (`slot_get`/`slot_set`); `Undef` is an unset slot.
use gilvm_sync::appendonly::AppendOnly;
use gilvm_sync::{ObjCell, Py};

use crate::dict::PyDict;
use crate::objref::ObjRef;
use crate::payload::{Owned, Payload};
use crate::str::intern;
use crate::value::Value;

/// The most names a class shares among its instances (CPython's limit is 30 too).
pub const MAX_SHARED_KEYS: usize = 30;

/// An index `get_at` answers None for in either storage mode: what a cache hands it when
/// the value must not be read directly (the class overrides `__getattribute__`).
pub const NO_INDEX: usize = 0xFFFF_FFFF;

/// The attribute names a class's instances store inline, in the order they were first seen,
/// and how many slot values come first (see "Slots").
#[derive(Default)]
pub struct SharedKeys {
    table: AppendOnly<MAX_SHARED_KEYS>,
    /// Named slots in front of the values.
    nslots: usize,
    /// Slotted instances with a `__dict__`: the dict object is at `values[nslots]`.
    slot_dict: bool,
}

impl SharedKeys {
    pub fn new() -> SharedKeys {
        SharedKeys::default()
    }

    /// The keys of a class whose instances have `nslots` named slots, and a `__dict__` if
    /// `dict`.
    pub fn with_slots(nslots: usize, dict: bool) -> SharedKeys {
        SharedKeys {
            table: AppendOnly::default(),
            nslots,
            slot_dict: nslots > 0 && dict,
        }
    }

    /// The number of named slots in front of the values.
    #[inline(always)]
    pub fn nslots(&self) -> usize {
        self.nslots
    }

    /// Whether attribute names are shared (not for slotted classes: see "Slots").
    #[inline(always)]
    pub fn shares(&self) -> bool {
        self.nslots == 0
    }

    /// The number of names.
    #[inline]
    pub fn len(&self) -> usize {
        self.table.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The index of `name` (a str object), if it is a shared key.
    #[inline]
    pub fn index_of(&self, name: &ObjRef) -> Option<usize> {
        if name.is_immortal() {
            return self.table.find(name.addr());
        }
        // A name built at run time (`getattr(o, "a" + "b")`): compare the text.
        let text = str_text(name)?;
        (0..self.table.len()).find(|&i| str_text(&self.name(i)) == Some(text))
    }

    /// The index of `name`, adding it if there is room. A name that is not interned is
    /// interned first, as CPython's `setattr` does (invariant 4).
    pub fn index_or_add(&self, py: Py<'_>, name: &ObjRef) -> Option<usize> {
        if !self.shares() {
            return None;
        }
        if name.is_immortal() {
            if !matches!(name.payload(), Payload::Str(_)) {
                return None;
            }
            return self.table.find_or_append(name.addr());
        }
        let interned = intern(py, str_text(name)?);
        self.table.find_or_append(interned.addr())
    }

    /// The name at index `i` (below `len()`).
    fn name(&self, i: usize) -> ObjRef {
        // SAFETY: only addresses of immortal objects are appended (`index_or_add`), and an
        // immortal object is never freed.
        unsafe { ObjRef::from_immortal_addr(self.table.get(i)) }
    }
}

/// Where an instance's attributes are (invariant 1).
enum Store {
    /// Values indexed like the class's shared keys; `Value::Undef` where absent.
    Inline(Box<[Value]>),
    /// A dict object (after `__dict__` was asked for, or invariant 2 required one).
    Dict(ObjRef),
}

/// The attributes of one instance, behind the instance's lock.
pub struct InstanceAttrs {
    cell: ObjCell<Store>,
}

impl InstanceAttrs {
    /// No attributes yet, with room for `keys.len()` values (the class's instances so far
    /// have needed that many, so the first stores do not reallocate).
    pub fn new(keys: &SharedKeys) -> InstanceAttrs {
        let n = keys.len() + keys.nslots + keys.slot_dict as usize;
        InstanceAttrs {
            cell: ObjCell::new(Store::Inline(vec![Value::Undef; n].into_boxed_slice())),
        }
    }

    /// The value of attribute `name` (a str object) in the instance's own attributes
    /// (not its slots).
    #[inline]
    pub fn get(&self, py: Py<'_>, keys: &SharedKeys, name: &ObjRef) -> Option<Value> {
        if !keys.shares() {
            let d = self.slot_dict(py, keys, false)?;
            return dict_of(&d).get_str(py, name);
        }
        self.get_at(py, keys.index_of(name), name)
    }

    /// The value of the slot at `pos` (`Undef`: unset).
    #[inline]
    pub fn slot_get(&self, py: Py<'_>, pos: usize) -> Value {
        self.cell.read(py, |s| match s {
            Store::Inline(vals) => vals.get(pos).cloned().unwrap_or(Value::Undef),
            Store::Dict(_) => Value::Undef,
        })
    }

    /// Sets (or with `Undef`, clears) the slot at `pos`; returns the old value (`Undef`:
    /// it was unset).
    #[inline]
    pub fn slot_set(&self, py: Py<'_>, pos: usize, value: Value) -> Value {
        self.cell.with(py, |s| match s {
            Store::Inline(vals) if pos < vals.len() => std::mem::replace(&mut vals[pos], value),
            _ => unreachable!("slot {pos} outside the instance's values"),
        })
    }

    /// A slotted instance's dict (see "Slots"), made if `make` and absent; None when the
    /// instance has no `__dict__` or (without `make`) none was made yet.
    fn slot_dict(&self, py: Py<'_>, keys: &SharedKeys, make: bool) -> Option<ObjRef> {
        if !keys.slot_dict {
            return None;
        }
        let at = keys.nslots;
        let f = |s: &Store| match s {
            Store::Inline(vals) => match vals.get(at) {
                Some(Value::Obj(d)) => Ok(d.clone()),
                _ => Err(()),
            },
            Store::Dict(_) => unreachable!("a slotted instance in dict mode"),
        };
        match self.cell.read(py, f) {
            Ok(d) => Some(d),
            Err(()) if !make => None,
            Err(()) => {
                let nd = ObjRef::new(py, Owned::Dict(PyDict::new()));
                Some(self.cell.with(py, |s| match s {
                    Store::Inline(vals) => match &vals[at] {
                        // Another thread made it meanwhile.
                        Value::Obj(d) => d.clone(),
                        _ => {
                            vals[at] = Value::Obj(nd.clone());
                            nd
                        }
                    },
                    Store::Dict(_) => unreachable!("a slotted instance in dict mode"),
                }))
            }
        }
    }

    /// The value of attribute `name`, whose shared-key index (if it has one) is `idx`
    /// (from `SharedKeys::index_of`, possibly cached: indices never change), or a named
    /// slot's position (a slotted instance never leaves `Inline` mode); None for
    /// `NO_INDEX`.
    #[inline]
    pub fn get_at(&self, py: Py<'_>, idx: Option<usize>, name: &ObjRef) -> Option<Value> {
        let d = self.cell.read(py, |s| match s {
            Store::Inline(vals) => Err(idx
                .and_then(|i| vals.get(i))
                .filter(|v| !v.is_undef())
                .cloned()),
            Store::Dict(_) if idx == Some(NO_INDEX) => Err(None),
            Store::Dict(d) => Ok(d.clone()),
        });
        match d {
            Err(v) => v,
            Ok(d) => dict_of(&d).get_str(py, name),
        }
    }

    /// [`InstanceAttrs::get_at`] for a known index (a cached one): the inline read is
    /// inlined into the caller, the dict-mode lookup is not.
    #[inline(always)]
    pub fn get_index(&self, py: Py<'_>, idx: usize, name: &ObjRef) -> Option<Value> {
        let r = self.cell.read(py, |s| match s {
            Store::Inline(vals) => match vals.get(idx) {
                Some(v) if !v.is_undef() => Ok(Some(v.clone())),
                _ => Ok(None),
            },
            Store::Dict(_) => Err(()),
        });
        match r {
            Ok(v) => v,
            Err(()) => self.get_index_cold(py, idx, name),
        }
    }

    #[inline(never)]
    fn get_index_cold(&self, py: Py<'_>, idx: usize, name: &ObjRef) -> Option<Value> {
        self.get_at(py, Some(idx), name)
    }

    /// Whether the instance's own attributes may hold `name` outside the shared keys and
    /// slots: only a dict-mode instance can (its dict takes any name).
    #[inline(always)]
    pub fn holds_unshared(&self, py: Py<'_>, name: &ObjRef) -> bool {
        let dict = self.cell.read(py, |s| matches!(s, Store::Dict(_)));
        dict && self.get_at(py, None, name).is_some()
    }

    /// Sets attribute `name` (a str object) to `value`.
    pub fn set(&self, py: Py<'_>, keys: &SharedKeys, name: ObjRef, value: Value) {
        if !keys.shares() {
            // (The VM checks that the instance has a `__dict__`.)
            if let Some(d) = self.slot_dict(py, keys, true) {
                dict_of(&d).set_str(py, name, value);
            }
            return;
        }
        let idx = keys.index_or_add(py, &name);
        self.set_at(py, keys, idx, name, value)
    }

    /// Replaces the present inline value at `idx` (a cached shared-key index) with `value`,
    /// the common store (`self.x = …` of an attribute the instance already has): inlined
    /// into the caller, with no reference taken on the name. Hands `value` back when the
    /// instance is in dict mode or has no value there yet ([`InstanceAttrs::set_at`]
    /// then does the store).
    #[inline(always)]
    pub fn replace_index(&self, py: Py<'_>, idx: usize, value: Value) -> Result<(), Value> {
        let r = self.cell.with(py, |s| match s {
            Store::Inline(vals) => match vals.get_mut(idx) {
                Some(slot) if !slot.is_undef() => Ok(std::mem::replace(slot, value)),
                _ => Err(value),
            },
            Store::Dict(_) => Err(value),
        });
        // The old value is dropped outside the cell (its destructor may run any code).
        r.map(drop)
    }

    /// Sets attribute `name`, whose shared-key index is `idx` (None: it cannot be shared).
    #[inline]
    pub fn set_at(
        &self,
        py: Py<'_>,
        keys: &SharedKeys,
        idx: Option<usize>,
        name: ObjRef,
        value: Value,
    ) {
        let r = self.cell.with(py, |s| {
            let Store::Inline(vals) = s else {
                let Store::Dict(d) = s else { unreachable!() };
                return Err((d.clone(), name, value));
            };
            if let Some(i) = idx {
                if i < vals.len() && !vals[i].is_undef() {
                    // Replacing a present value keeps the order.
                    return Ok(Some(std::mem::replace(&mut vals[i], value)));
                }
                if !vals.iter().skip(i + 1).any(|v| !v.is_undef()) {
                    if i >= vals.len() {
                        grow(vals, i + 1, keys.len());
                    }
                    vals[i] = value;
                    return Ok(None);
                }
            }
            // Out of order, or not shareable: the instance moves to a dict (invariant 2).
            let d = to_dict(py, keys, vals);
            *s = Store::Dict(d.clone());
            Err((d, name, value))
        });
        match r {
            Ok(old) => drop(old),
            Err((d, name, value)) => dict_of(&d).set_str(py, name, value),
        }
    }

    /// Deletes attribute `name`; returns its value, or None when it was absent.
    pub fn del(&self, py: Py<'_>, keys: &SharedKeys, name: &ObjRef) -> Option<Value> {
        if !keys.shares() {
            let d = self.slot_dict(py, keys, false)?;
            return dict_of(&d).del_str(py, name);
        }
        let idx = keys.index_of(name);
        let r = self.cell.with(py, |s| match s {
            Store::Inline(vals) => Ok(idx
                .and_then(|i| vals.get_mut(i))
                .filter(|v| !v.is_undef())
                .map(|v| std::mem::replace(v, Value::Undef))),
            Store::Dict(d) => Err(d.clone()),
        });
        match r {
            Ok(v) => v,
            Err(d) => dict_of(&d).del_str(py, name),
        }
    }

    /// The instance's `__dict__`: the dict that holds its attributes, made from the inline
    /// values the first time it is asked for (invariant 1).
    pub fn dict(&self, py: Py<'_>, keys: &SharedKeys) -> ObjRef {
        if !keys.shares() {
            return self
                .slot_dict(py, keys, true)
                .expect("the VM asks only instances with a __dict__");
        }
        self.cell.with(py, |s| match s {
            Store::Dict(d) => d.clone(),
            Store::Inline(vals) => {
                let d = to_dict(py, keys, vals);
                *s = Store::Dict(d.clone());
                d
            }
        })
    }

    /// `obj.__dict__ = d`: the attributes become those of `d`, which must be a dict
    /// object (else it is handed back).
    pub fn replace_dict(&self, py: Py<'_>, keys: &SharedKeys, d: ObjRef) -> Result<(), ObjRef> {
        if !matches!(d.payload(), Payload::Dict(_)) {
            return Err(d);
        }
        if !keys.shares() {
            let at = keys.nslots;
            let old = self.cell.with(py, |s| match s {
                Store::Inline(vals) => std::mem::replace(&mut vals[at], Value::Obj(d)),
                Store::Dict(_) => unreachable!("a slotted instance in dict mode"),
            });
            drop(old);
            return Ok(());
        }
        let old = self.cell.with(py, |s| std::mem::replace(s, Store::Dict(d)));
        drop(old);
        Ok(())
    }

    /// Before the instance's class changes from one whose keys are `old` to one whose keys
    /// are `new` (`__class__` assignment between classes of the same layout): inline values
    /// indexed by `old`'s shared keys move to a dict, which indexes by name (invariant 1),
    /// so that neither a thread still using the old class nor one using the new one reads
    /// them at another class's indices.
    pub fn detach_keys(&self, py: Py<'_>, old: &SharedKeys, new: &SharedKeys) {
        if std::ptr::eq(old, new) || !old.shares() {
            return;
        }
        self.cell.with(py, |s| {
            if let Store::Inline(vals) = s {
                let d = to_dict(py, old, vals);
                *s = Store::Dict(d);
            }
        });
    }

    /// The cycle collector's traversal (`gc.rs`): the inline values (slots included) or
    /// the dict.
    pub fn gc_traverse(&self, py: Py<'_>, v: &mut dyn crate::gc::Visit) {
        self.cell.read(py, |s| match s {
            Store::Inline(vals) => vals.iter().for_each(|x| v.val(x)),
            Store::Dict(d) => v.obj(d),
        });
    }

    /// The cycle collector's clear: the inline values move to `out` (the slots stay, empty);
    /// a dict is left to be cleared as an object of its own.
    pub fn gc_clear(&self, py: Py<'_>, out: &mut Vec<Value>) {
        self.cell.with(py, |s| {
            if let Store::Inline(vals) = s {
                for x in vals.iter_mut() {
                    out.push(std::mem::replace(x, Value::Undef));
                }
            }
        });
    }

    /// The (name, value) pairs in insertion order (without making a dict).
    pub fn items(&self, py: Py<'_>, keys: &SharedKeys) -> Vec<(Value, Value)> {
        if !keys.shares() {
            return self
                .slot_dict(py, keys, false)
                .map(|d| dict_of(&d).items(py))
                .unwrap_or_default();
        }
        let r = self.cell.read(py, |s| match s {
            Store::Inline(vals) => Ok(vals
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_undef())
                .map(|(i, v)| (Value::Obj(keys.name(i)), v.clone()))
                .collect()),
            Store::Dict(d) => Err(d.clone()),
        });
        r.unwrap_or_else(|d| dict_of(&d).items(py))
    }
}

/// Widens the inline values to at least `need` (and to the class's current key count).
fn grow(vals: &mut Box<[Value]>, need: usize, keys: usize) {
    let mut v = std::mem::take(vals).into_vec();
    v.resize(need.max(keys), Value::Undef);
    *vals = v.into_boxed_slice();
}

/// A new dict object holding the inline values, which it takes (in index order: invariant 2).
fn to_dict(py: Py<'_>, keys: &SharedKeys, vals: &mut Box<[Value]>) -> ObjRef {
    let d = ObjRef::new(py, Owned::Dict(PyDict::new()));
    let pd = dict_of(&d);
    for (i, v) in std::mem::take(vals).into_vec().into_iter().enumerate() {
        if !v.is_undef() {
            pd.set_str(py, keys.name(i), v);
        }
    }
    d
}

fn str_text(o: &ObjRef) -> Option<&str> {
    match o.payload() {
        Payload::Str(s) => Some(s.as_str()),
        _ => None,
    }
}

fn dict_of(d: &ObjRef) -> &PyDict {
    match d.payload() {
        Payload::Dict(d) => d,
        // `__dict__` assignment accepts only dicts (the VM checks), and `to_dict` makes one.
        _ => unreachable!("instance attributes kept in a non-dict"),
    }
}
