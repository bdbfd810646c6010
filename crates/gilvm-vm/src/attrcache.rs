//! Per-instruction caches of instance-attribute loads and stores (PEP 659's
//! `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE`, in gilvm's terms).
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
//! # Validity
//! - The type epoch (`types::type_epoch`) changes on every write to any type's namespace
//!   and on every type creation, so an entry whose epoch is current was filled when no
//!   class along this class's MRO has been changed since: the name still has no descriptor,
//!   and `__setattr__` is still `object`'s if it was. A class freed and another allocated
//!   at its address changes the epoch too.
//! - A shared-key index never changes once published (`attrs.rs`, invariant 3), so a cached
//!   index is right for every instance of the class, whichever mode (inline or dict) the
//!   instance is in: `get_at`/`set_at` take the name as well and use it in dict mode.
//! - The entry is read and written as one seqlock snapshot (`SeqSlot`), so threads sharing
//!   the code object (free-threaded build) see whole entries; a racing fill may be lost,
//!   which costs only a later miss. The epoch is read before the miss path's checks, so an
//!   entry filled across a concurrent class change is already stale.
use gilvm_object::code::CodeObject;
use gilvm_object::payload::Instance;
use gilvm_object::types::type_epoch;
use gilvm_object::{Payload, Value};

use crate::interp::Interp;

/// Flag in word 2: the class uses `object.__setattr__` (a store may take the cached path).
const OBJECT_SETATTR: u64 = 1 << 32;
const INDEX_MASK: u64 = (1 << 32) - 1;

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
        let slot = &code.attr_cache[i];
        let epoch = type_epoch();
        let ca = inst.class.addr() as u64;
        if let Some(w) = slot.read() {
            if w[0] == ca && w[1] == epoch {
                return Some(((w[2] & INDEX_MASK) as usize, w[2] & OBJECT_SETATTR != 0));
            }
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
        let keys = inst.keys();
        let idx = if store {
            keys.index_or_add(self.py, name)?
        } else {
            keys.index_of(name)?
        };
        let setattr = self.has_object_setattr(o);
        let flags = if setattr { OBJECT_SETATTR } else { 0 };
        code.attr_cache[i].write([inst.class.addr() as u64, epoch, idx as u64 | flags]);
        Some((idx, setattr))
    }
}
