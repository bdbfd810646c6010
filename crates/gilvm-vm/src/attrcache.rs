//! Per-name caches of instance-attribute loads and stores and of method loads (PEP 659's
//! `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` / `LOAD_ATTR_METHOD_WITH_VALUES`,
//! in gilvm's terms).
//!
//! # What and why
//! `o.x` on a plain instance must establish that `type(o)` gives `x` no descriptor (a type
//! lookup along the MRO), then find `x` among the instance's values (a scan of the class's
//! shared keys, `gilvm_object::attrs`). Both answers depend only on the class and on class
//! namespaces, so the code object keeps them per name (`CodeObject::attr_cache`): the
//! class's address, the type epoch at the time, and the shared-key index. A hit costs one
//! seqlock read and two compares; the value is then read at that index under the
//! instance's own lock, exactly as an uncached access reads it.
//!
//! `o.m(...)` (`LoadMethod`) is cached the same way when the class gives `m` as a Python
//! function: the entry holds the function, and the instance's own attributes cannot hide
//! it while the class's shared keys still have the length they had at the fill (the name
//! was not among them then, and keys are only appended), and the instance keeps its
//! values inline (a dict-mode instance may hold any name: checked on every hit).
//!
//! Each name has `CodeObject::attr_ways` slots (4 in functions, 1 in module and class
//! bodies), one class per slot: `self.x` in a base-class method run on instances of four
//! subclasses (pyperformance's richards) hits for each, where one slot per name made every
//! access a miss and a refill. A miss fills the first slot that is empty or stale, else
//! one chosen by the class's address.
//!
//! # Validity
//! - The type epoch (`types::type_epoch`) changes on every write to any type's namespace
//!   and on every type creation, so an entry whose epoch is current was filled when no
//!   class along this class's MRO has been changed since: the name still has no descriptor,
//!   and `__setattr__` is still `object`'s if it was. A class freed and another allocated
//!   at its address changes the epoch too.
//! - A shared-key index never changes once published (`attrs.rs`, invariant 3), so a cached
//!   index is right for every instance of the class, whichever mode (inline or dict) the
//!   instance is in: `get_at`/`set_at` take the name as well and use it in dict mode.
//! - A cached function is alive while the epoch is unchanged: the class namespace that held
//!   it at the fill still does (GIL build), and the free-threaded build caches only
//!   immortal objects (functions become immortal when published, as in the type cache).
//! - The fill requires `object.__getattribute__` (and, for the cached store path,
//!   `object.__setattr__`): a class that overrides them never hits.
//! - The entry is read and written as one seqlock snapshot (`SeqSlot`), so threads sharing
//!   the code object (free-threaded build) see whole entries; a racing fill may be lost,
//!   which costs only a later miss. The epoch is read before the miss path's checks, so an
//!   entry filled across a concurrent class change is already stale.
use gilvm_object::code::CodeObject;
use gilvm_object::payload::Instance;
use gilvm_object::types::{lookup, type_epoch};
use gilvm_object::{Payload, Value};

use crate::interp::Interp;

/// Flag in word 2: the class uses `object.__setattr__` (a store may take the cached path).
const OBJECT_SETATTR: u64 = 1 << 32;
/// Flag in word 2: a method entry (words 3 and 4 hold the function; the index bits hold
/// the length of the class's shared keys at the fill).
const METHOD: u64 = 1 << 33;
const INDEX_MASK: u64 = (1 << 32) - 1;
/// Flag in word 2: a module entry (word 0 is the module dict's address, word 1 its version,
/// word 3 the value's address).
const MODULE: u64 = 1 << 34;
/// Word 0 of `Value::to_cache_words` for an object.
const OBJECT_TAG: u64 = 5;

impl Interp {
    /// `o.names[i]` for a plain instance attribute through the cache, or None (not a plain
    /// instance attribute, or absent: the caller takes the general path).
    #[inline]
    pub(crate) fn load_attr_cached(&self, o: &Value, code: &CodeObject, i: usize) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Instance(inst) = obj.payload() else {
            return None;
        };
        let name = &code.names[i];
        let (idx, _) = self.attr_cache_entry(o, inst, code, i, false)?;
        inst.attrs.get_at(self.py, Some(idx), name)
    }

    /// `o.names[i] = v` for a plain instance attribute through the cache; hands `v` back when
    /// the general path must run.
    #[inline]
    pub(crate) fn store_attr_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
        v: Value,
    ) -> Result<(), Value> {
        let Value::Obj(obj) = o else { return Err(v) };
        let Payload::Instance(inst) = obj.payload() else {
            return Err(v);
        };
        match self.attr_cache_entry(o, inst, code, i, true) {
            Some((idx, true)) => {
                inst.attrs
                    .set_at(self.py, inst.keys(), Some(idx), code.names[i].clone(), v);
                Ok(())
            }
            _ => Err(v),
        }
    }

    /// `o.names[i]` as `LoadMethod` wants it: the function `type(o)` gives for the name, when
    /// `o` is an instance that does not hide it; None when the general path must run.
    #[inline]
    pub(crate) fn load_method_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
    ) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Instance(inst) = obj.payload() else {
            return None;
        };
        let epoch = type_epoch();
        let ca = inst.class.addr() as u64;
        let w = match self.attr_cache_probe(code, i, ca, epoch) {
            // The class's shared keys grew since the fill: check the name again.
            Some(w) if w[2] & METHOD != 0 && (w[2] & INDEX_MASK) as usize != inst.keys().len() => {
                self.method_cache_fill(inst, code, i, epoch)?
            }
            Some(w) => w,
            None => self.method_cache_fill(inst, code, i, epoch)?,
        };
        if w[2] & (METHOD | MODULE) != METHOD {
            return None;
        }
        // Inline values hold only shared keys, and the name was not one: only a dict-mode
        // instance can hide the method.
        if inst.attrs.get_at(self.py, None, &code.names[i]).is_some() {
            return None;
        }
        // SAFETY: word 3 is the address half of the function's `to_cache_words` at the fill
        // (an object's tag is OBJECT_TAG), and the entry's epoch is current: the function
        // is alive (see "Validity" above).
        Some(unsafe { Value::from_cache_words([OBJECT_TAG, w[3]]) })
    }

    /// `m.names[i]` for a module `m` whose dict holds the name (a function, class or other
    /// object: immediates are not cached), validated by the dict's version; None when the
    /// general path must run. `LoadAttr` and `LoadMethod` (with no receiver) both use it.
    #[inline]
    pub(crate) fn load_module_attr_cached(
        &self,
        o: &Value,
        code: &CodeObject,
        i: usize,
    ) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Module(m) = obj.payload() else {
            return None;
        };
        let Payload::Dict(d) = m.dict.payload() else {
            return None;
        };
        let version = d.version();
        let da = m.dict.addr() as u64;
        let w = match self.attr_cache_probe(code, i, da, version) {
            Some(w) if w[2] & MODULE != 0 => w,
            Some(_) => return None,
            None => self.module_cache_fill(&m.dict, d, code, i, version)?,
        };
        // SAFETY: word 3 is the address half of the value's `to_cache_words` at the fill,
        // and the dict's version is unchanged since: the dict still holds the object (GIL
        // build), or the object is immortal (free-threaded build), as in the global cache.
        Some(unsafe { Value::from_cache_words([OBJECT_TAG, w[3]]) })
    }

    #[inline(never)]
    fn module_cache_fill(
        &self,
        dict: &gilvm_object::ObjRef,
        d: &gilvm_object::dict::PyDict,
        code: &CodeObject,
        i: usize,
        version: u64,
    ) -> Option<[u64; 4]> {
        let v = d.get_str(self.py, &code.names[i])?;
        let words = v.to_cache_words().filter(|w| w[0] == OBJECT_TAG)?;
        // The version was read before the lookup: a racing write leaves a stale entry.
        let w = [dict.addr() as u64, version, MODULE, words[1]];
        self.attr_cache_write(code, i, version, w);
        Some(w)
    }

    /// The words of a current entry of `names[i]` for the class at `ca`, if one of the
    /// name's slots holds one.
    /// The name's first slot is read inline; the others (polymorphic sites) out of line.
    #[inline(always)]
    fn attr_cache_probe(
        &self,
        code: &CodeObject,
        i: usize,
        ca: u64,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        let ways = code.attr_ways;
        let first = i * ways;
        if let Some(w) = code.attr_cache.get(first).and_then(|s| s.read()) {
            if w[0] == ca && w[1] == epoch {
                return Some(w);
            }
        }
        if ways == 1 {
            return None;
        }
        Self::attr_cache_probe_rest(code, first, ways, ca, epoch)
    }

    #[inline(never)]
    fn attr_cache_probe_rest(
        code: &CodeObject,
        first: usize,
        ways: usize,
        ca: u64,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        code.attr_cache[first + 1..first + ways]
            .iter()
            .filter_map(|s| s.read())
            .find(|w| w[0] == ca && w[1] == epoch)
    }

    /// Writes an entry for `names[i]`: over the class's own entry if it has one (a refill),
    /// else into the first slot that is empty or stale, else into one picked by the class's
    /// address.
    fn attr_cache_write(&self, code: &CodeObject, i: usize, epoch: u64, w: [u64; 4]) {
        let ways = code.attr_ways;
        let slots = &code.attr_cache[i * ways..i * ways + ways];
        let k = slots
            .iter()
            .position(|s| s.read().is_some_and(|old| old[0] == w[0]))
            .or_else(|| {
                slots
                    .iter()
                    .position(|s| s.read().is_none_or(|old| old[1] != epoch))
            })
            .unwrap_or(((w[0] >> 6) as usize) & (ways - 1));
        slots[k].write(w);
    }

    /// The cached (shared-key index, uses `object.__setattr__`) of `names[i]` for `inst`'s
    /// class, filling the entry on a miss; None when the name is not a plain instance
    /// attribute of that class (or not a shared key: a load does not add one, a store
    /// does).
    #[inline(always)]
    fn attr_cache_entry(
        &self,
        o: &Value,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        store: bool,
    ) -> Option<(usize, bool)> {
        let epoch = type_epoch();
        let ca = inst.class.addr() as u64;
        if let Some(w) = self.attr_cache_probe(code, i, ca, epoch) {
            if w[2] & (METHOD | MODULE) == 0 {
                return Some(((w[2] & INDEX_MASK) as usize, w[2] & OBJECT_SETATTR != 0));
            }
            return None;
        }
        self.attr_cache_fill(o, inst, code, i, epoch, store)
    }

    #[inline(never)]
    fn attr_cache_fill(
        &self,
        o: &Value,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        epoch: u64,
        store: bool,
    ) -> Option<(usize, bool)> {
        let name = &code.names[i];
        self.plain_attr_instance(o, name)?;
        if !self.has_object_getattribute(inst) {
            return None;
        }
        let keys = inst.keys();
        let idx = if store {
            keys.index_or_add(self.py, name)?
        } else {
            keys.index_of(name)?
        };
        let setattr = self.has_object_setattr(o);
        let flags = if setattr { OBJECT_SETATTR } else { 0 };
        self.attr_cache_write(
            code,
            i,
            epoch,
            [inst.class.addr() as u64, epoch, idx as u64 | flags, 0],
        );
        Some((idx, setattr))
    }

    /// A method-entry miss: fills the entry when the class gives `names[i]` as a Python
    /// function that the instance's attributes do not hide, and returns its words.
    #[inline(never)]
    fn method_cache_fill(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        epoch: u64,
    ) -> Option<[u64; 4]> {
        let name = &code.names[i];
        let f = lookup(self.py, &inst.class, name)?;
        let Value::Obj(fo) = &f else { return None };
        if !matches!(fo.payload(), Payload::Function(_))
            || !self.has_object_getattribute(inst)
            || inst.keys().index_of(name).is_some()
        {
            return None;
        }
        // A function is an object: its cache words are [OBJECT_TAG, address].
        let fw = f.to_cache_words()?;
        let w = [
            inst.class.addr() as u64,
            epoch,
            METHOD | inst.keys().len() as u64,
            fw[1],
        ];
        self.attr_cache_write(code, i, epoch, w);
        Some(w)
    }

    /// Does the instance's class use `object.__getattribute__`?
    fn has_object_getattribute(&self, inst: &Instance) -> bool {
        let name = &self.g.names.getattribute;
        match (
            lookup(self.py, &inst.class, name),
            lookup(self.py, &self.g.types.object, name),
        ) {
            (Some(Value::Obj(a)), Some(Value::Obj(b))) => a.is(&b),
            _ => false,
        }
    }
}
