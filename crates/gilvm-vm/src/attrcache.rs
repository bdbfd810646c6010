//! Per-instruction caches of instance-attribute loads and stores (PEP 659's
//! `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE`, in gilvm's terms).
//!
//! # What and why
//! `o.x` on a plain instance must establish that `type(o)` gives `x` no descriptor (a type
//! lookup along the MRO), then find `x` among the instance's values (a scan of the class's
//! shared keys, `gilvm_object::attrs`). Both answers depend only on the class and on class
//! namespaces, so the code object keeps them per name (`CodeObject::attr_cache`): the
//! class's key (`ClassSlot::key`), the type epoch at the time, and the index. A hit costs
//! one seqlock read and two compares; the value is then read at that index under the
//! instance's own lock, exactly as an uncached access reads it. A named slot (`__slots__`)
//! is cached the same way: its member descriptor gives its position among the instance's
//! values, where a slotted instance always keeps it.
//!
//! A class that overrides `__getattribute__` (or `__setattr__`) must see every load (or
//! store): the entry then holds `NO_INDEX` as its load index (which `get_at` answers None
//! for, so a hit falls to the general path with no test of its own on the hit path) or
//! `NO_STORE` as its store code. Whether a class overrides them is `attr_hooks`, checked when
//! the entry is filled.
//!
//! # Validity
//! - The type epoch (`types::type_epoch`) changes on every write to any type's namespace
//!   and on every type creation, so an entry whose epoch is current was filled when no
//!   class along this class's MRO has been changed since: the name still has no descriptor
//!   (or the same slot descriptor), and the hooks are still those recorded (installing
//!   `C.__getattribute__` later writes a namespace). A class freed and another allocated
//!   at its address changes the epoch too. An instance whose `__class__` is reassigned has
//!   another key, so it uses the new class's entries.
//! - A shared-key index never changes once published (`attrs.rs`, invariant 3), so a cached
//!   index is right for every instance of the class, whichever mode (inline or dict) the
//!   instance is in: `get_at`/`set_at` take the name as well and use it in dict mode.
//! - The entry is read and written as one seqlock snapshot (`SeqSlot`), so threads sharing
//!   the code object (free-threaded build) see whole entries; a racing fill may be lost,
//!   which costs only a later miss. The epoch is read before the miss path's checks, so an
//!   entry filled across a concurrent class change is already stale.
use gilvm_object::attrs::NO_INDEX;
use gilvm_object::code::CodeObject;
use gilvm_object::payload::Instance;
use gilvm_object::types::{type_epoch, HOOK_GETATTRIBUTE, HOOK_SETATTR};
use gilvm_object::{Payload, Value};

use crate::interp::Interp;

/// Word 2 of an entry: the load index in the low half, the store code in the high half.
/// A load index is a shared-key index or a slot's position (both index the instance's
/// inline values), or `NO_INDEX` when loads must take the general path (the class
/// overrides `__getattribute__`: `get_at` answers None for it, in either storage mode, so
/// the hit path needs no test of its own). A store code is a shared-key index, a slot's
/// position with `SLOT_STORE` set, or `NO_STORE` (the class overrides `__setattr__`).
const NO_STORE: u64 = 0xFFFF_FFFF;
const SLOT_STORE: u64 = 1 << 31;

impl Interp {
    /// `o.names[i]` for a plain instance attribute or a set slot through the cache, or None
    /// (not one, or absent: the caller takes the general path).
    #[inline]
    pub(crate) fn load_attr_cached(&self, o: &Value, code: &CodeObject, i: usize) -> Option<Value> {
        let Value::Obj(obj) = o else { return None };
        let Payload::Instance(inst) = obj.payload() else {
            return None;
        };
        let name = &code.names[i];
        let w = self.attr_cache_entry(inst, code, i, false)?;
        // A slot is at its position in the inline values, which a slotted instance never
        // leaves (`attrs.rs`, "Slots"); `get_at` answers None for an unset one, and for
        // `NO_INDEX`.
        inst.attrs
            .get_at(self.py, Some((w & 0xFFFF_FFFF) as usize), name)
    }

    /// `o.names[i] = v` for a plain instance attribute or a slot through the cache; hands
    /// `v` back when the general path must run.
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
        let Some(w) = self.attr_cache_entry(inst, code, i, true) else {
            return Err(v);
        };
        let sc = w >> 32;
        if sc < SLOT_STORE {
            inst.attrs.set_at(
                self.py,
                inst.keys(),
                Some(sc as usize),
                code.names[i].clone(),
                v,
            );
            return Ok(());
        }
        self.store_slot(inst, sc, v)
    }

    /// A store whose code is not a shared-key index: a slot's, or none (out of line: the
    /// eval loop inlines the cached paths, and its size costs every instruction).
    #[inline(never)]
    fn store_slot(&self, inst: &Instance, sc: u64, v: Value) -> Result<(), Value> {
        if sc == NO_STORE {
            return Err(v);
        }
        drop(inst.slot_set(self.py, (sc & !SLOT_STORE) as usize, v));
        Ok(())
    }

    /// The cached word 2 of `names[i]` for `inst`'s class, filling the entry on a miss;
    /// None when the name is not a plain instance attribute or a slot of that class (or
    /// not a shared key: a load does not add one, a store does).
    #[inline(always)]
    fn attr_cache_entry(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        store: bool,
    ) -> Option<u64> {
        let slot = &code.attr_cache[i];
        let epoch = type_epoch();
        let ca = inst.class.key() as u64;
        if let Some(w) = slot.read() {
            if w[0] == ca && w[1] == epoch {
                return Some(w[2]);
            }
        }
        self.attr_cache_fill(inst, code, i, epoch, store)
    }

    #[inline(never)]
    fn attr_cache_fill(
        &self,
        inst: &Instance,
        code: &CodeObject,
        i: usize,
        epoch: u64,
        store: bool,
    ) -> Option<u64> {
        let (idx, slot, hooks) = self.cacheable_attr(inst, &code.names[i], store)?;
        let load = if hooks & HOOK_GETATTRIBUTE == 0 {
            idx as u64
        } else {
            NO_INDEX as u64
        };
        let store = if hooks & HOOK_SETATTR != 0 {
            NO_STORE
        } else if slot {
            SLOT_STORE | idx as u64
        } else {
            idx as u64
        };
        let w = load | store << 32;
        code.attr_cache[i].write([inst.class.key() as u64, epoch, w]);
        Some(w)
    }
}
